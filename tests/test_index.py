"""Tests for the statement index: storage, retrieval, files, concurrency, foreign files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteverify import (
    IndexVersionError,
    InvalidIndexError,
    QuoteIndex,
    QuoteverifyError,
    Statement,
    Verdict,
)
from quoteverify.database import APPLICATION_ID, SCHEMA_VERSION
from tests.corpus import canonical_post
from tests.strategies import indexed_fragments, news_texts

STATEMENTS = [
    "We will not back down, and we will not be silenced.",
    "The price of freedom is eternal vigilance.",
    "Help is on its way to every family that lost a home.",
    "Our schools will reopen on Monday, the minister said.",
]

VERDICT_ORDER = list(Verdict)


@pytest.fixture
def index_file(tmp_path: Path) -> Path:
    """A closed index file holding the four STATEMENTS and the canonical post."""
    path = tmp_path / "statements.qvdb"
    with QuoteIndex(path) as index:
        index.add_many(STATEMENTS)
        index.add(canonical_post(), speaker="Donald Trump", date="2026-01-13", source="Truth")
    return path


def test_add_returns_consecutive_ids_and_get_returns_fields() -> None:
    """Ids count up from 1 and get() gives back every field as stored."""
    with QuoteIndex() as index:
        assert index.add("First.") == 1
        assert index.add("Second.", speaker="Ann Lee", date="2026-01-02", source="radio") == 2
        assert index.get(2) == Statement(2, "Second.", "Ann Lee", "2026-01-02", "radio")


def test_add_many_accepts_strings_mappings_and_statements() -> None:
    """add_many takes str, mappings and Statement-like objects, keeping their fields."""
    with QuoteIndex() as index:
        ids = index.add_many(
            [
                "Plain text.",
                {"text": "From a mapping.", "speaker": "Ann Lee"},
                Statement(99, "From another index.", source="wire"),
            ]
        )
        assert ids == [1, 2, 3]
        assert [s.text for s in index] == ["Plain text.", "From a mapping.", "From another index."]
        assert index.get(2).speaker == "Ann Lee"
        assert index.get(3) == Statement(3, "From another index.", source="wire")


def test_add_many_is_one_transaction() -> None:
    """A malformed item anywhere leaves the index as it was."""
    with QuoteIndex() as index:
        index.add("Kept.")
        with pytest.raises(TypeError, match="speaker must be str"):
            index.add_many(["Lost.", {"text": "Also lost.", "speaker": 7}])
        assert [s.text for s in index] == ["Kept."]
        assert index.add("Next.") == 2


def test_wrong_types_raise_type_error() -> None:
    """Non-str texts, variants, paths and ids raise TypeError naming what was received."""
    with QuoteIndex() as index:
        with pytest.raises(TypeError, match="bytes"):
            index.add(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="int"):
            index.find(42)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="iterable of statements"):
            index.add_many("one string")
        with pytest.raises(TypeError, match=r"mapping or have \.text"):
            index.add_many([3.5])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="statement id"):
            index.get("1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="path"):
        QuoteIndex(3)  # type: ignore[arg-type]


def test_get_missing_id_raises_key_error() -> None:
    """get() of an id that was never given raises KeyError."""
    with QuoteIndex() as index, pytest.raises(KeyError):
        index.get(1)


def test_find_fragment_of_two_content_words(index_file: Path) -> None:
    """A two-word excerpt in other case finds its statement, as a faithful fragment."""
    with QuoteIndex(index_file) as index:
        (match, *_) = index.find("ETERNAL VIGILANCE")
        assert match.statement.id == 2
        assert match.verification.verdict is Verdict.FAITHFUL


def test_find_ranks_by_verdict_then_score(index_file: Path) -> None:
    """Results come best verdict first and never include UNRELATED ones."""
    with QuoteIndex(index_file) as index:
        index.add("We will not back down.")
        matches = index.find("We will not back down")
        ranks = [VERDICT_ORDER.index(m.verification.verdict) for m in matches]
        assert ranks == sorted(ranks)
        assert Verdict.UNRELATED not in {m.verification.verdict for m in matches}
        assert {m.statement.id for m in matches} >= {1, 6}


def test_find_whole_post_and_misquote(index_file: Path) -> None:
    """The post finds itself verbatim; a changed word still finds it, as a misquote."""
    post = canonical_post()
    with QuoteIndex(index_file) as index:
        assert index.find(post)[0].verification.verdict is Verdict.VERBATIM
        changed = post.replace("HELP", "AID", 1)
        (match, *_) = index.find(changed)
        assert match.statement.speaker == "Donald Trump"
        assert match.verification.verdict is Verdict.MISQUOTE


def test_find_nothing_for_unrelated_empty_or_zero_limit(index_file: Path) -> None:
    """Unrelated words, no words, or limit 0 give no matches."""
    with QuoteIndex(index_file) as index:
        assert index.find("Quantum chromodynamics explains hadrons") == []
        assert index.find("  ...!!! ") == []
        assert index.find("eternal vigilance", limit=0) == []


def test_keys_with_punctuation_are_one_term_each() -> None:
    """Contractions, initials and numbers with separators find their statement."""
    with QuoteIndex() as index:
        index.add("Nobody knows why.")
        index.add("The U.S. paid 2,000 dollars and we don't know why.")
        for excerpt in ("we DON’T know why", "u.s. paid", "paid 2000 dollars"):
            assert index.find(excerpt)[0].statement.id == 2, excerpt


def test_lone_surrogates_never_break_find_and_are_refused_by_add() -> None:
    """find() takes any str; add() refuses text SQLite cannot store, and stores nothing."""
    with QuoteIndex() as index:
        index.add("Help is on its way.")
        assert index.find("help \ud800 is on its way")[0].statement.id == 1
        with pytest.raises(UnicodeEncodeError):
            index.add_many(["Fine.", "Broken \udfff text."])
        assert len(index) == 1


def test_len_and_iteration_in_id_order(tmp_path: Path) -> None:
    """len() counts statements and iteration yields them in id order across pages."""
    with QuoteIndex(tmp_path / "many.qvdb") as index:
        index.add_many(f"Statement number {n}." for n in range(2500))
        assert len(index) == 2500
        assert [s.id for s in index] == list(range(1, 2501))


def test_persistence_across_reopen(index_file: Path) -> None:
    """Statements and look-ups survive closing and reopening the file."""
    with QuoteIndex(index_file) as index:
        assert len(index) == 5
        assert index.get(5).source == "Truth"
        assert index.find("reopen on Monday")[0].statement.id == 4
        assert index.add("Added after reopening.") == 6
    with QuoteIndex(str(index_file)) as index:
        assert [s.id for s in index] == [1, 2, 3, 4, 5, 6]


def test_file_is_marked_versioned_and_in_wal_mode(index_file: Path) -> None:
    """The file carries the application id, the schema version and WAL journaling."""
    with sqlite3.connect(index_file) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    db.close()


def test_empty_file_becomes_an_index(tmp_path: Path) -> None:
    """An existing empty file (as tempfile makes) is turned into a new index."""
    path = tmp_path / "empty.qvdb"
    path.touch()
    with QuoteIndex(path) as index:
        assert index.add("Now an index.") == 1


def _assert_rejected(path: Path, error: type[QuoteverifyError], match: str) -> None:
    """Opening ``path`` raises ``error`` naming it, and leaves every byte as it was."""
    before = path.read_bytes()
    with pytest.raises(error, match=match) as raised:
        QuoteIndex(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before


def test_foreign_text_file_is_rejected_untouched(tmp_path: Path) -> None:
    """A text file is not an index: InvalidIndexError, and the file is unchanged."""
    path = tmp_path / "notes.txt"
    path.write_text("Meeting notes: buy milk.\n" * 20, encoding="utf-8")
    _assert_rejected(path, InvalidIndexError, "not an SQLite database")


def test_foreign_sqlite_database_is_rejected_untouched(tmp_path: Path) -> None:
    """Someone else's SQLite database is rejected, unchanged, with no table added."""
    path = tmp_path / "shop.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    db.execute("INSERT INTO orders(item) VALUES ('milk')")
    db.commit()
    db.close()
    _assert_rejected(path, InvalidIndexError, "not a quoteverify index")
    db = sqlite3.connect(path)
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("orders",)]
    db.close()


def test_truncated_index_is_rejected_untouched(index_file: Path, tmp_path: Path) -> None:
    """An index cut short is rejected as damaged, and left as it was."""
    truncated = tmp_path / "truncated.qvdb"
    data = index_file.read_bytes()
    for size in (len(data) // 2, 4096 + 100, 50):
        truncated.write_bytes(data[:size])
        _assert_rejected(truncated, InvalidIndexError, "damaged|not an SQLite")


def test_newer_schema_raises_version_error(index_file: Path) -> None:
    """An index written with a newer schema raises IndexVersionError and stays unchanged."""
    db = sqlite3.connect(index_file)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    _assert_rejected(index_file, IndexVersionError, "newer")


def test_marked_database_without_tables_is_damaged(tmp_path: Path) -> None:
    """A file marked as an index but missing its tables is reported as damaged."""
    path = tmp_path / "hollow.qvdb"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute("CREATE TABLE statements (id INTEGER PRIMARY KEY)")
    db.close()
    _assert_rejected(path, InvalidIndexError, "damaged")


def test_directory_is_rejected(tmp_path: Path) -> None:
    """A directory cannot be an index."""
    with pytest.raises(InvalidIndexError, match="directory"):
        QuoteIndex(tmp_path)


WRITER = textwrap.dedent(
    """
    import sys
    from quoteverify import QuoteIndex
    with QuoteIndex(sys.argv[1]) as index:
        for batch in range(40):
            index.add_many(f"Batch {batch} statement {n} on dredging." for n in range(50))
    """
)


def test_reader_finds_while_another_process_writes(index_file: Path) -> None:
    """One process adds in many transactions while this one keeps finding and counting."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(index_file)])
    counts = []
    with QuoteIndex(index_file) as index:
        while writer.poll() is None:
            assert index.find("eternal vigilance")[0].statement.id == 2
            counts.append(len(index))
            time.sleep(0.005)
        assert writer.returncode == 0
        assert counts == sorted(counts)
        assert len(index) == 5 + 40 * 50
        assert index.find("Batch 39 statement 49")[0].statement.id == len(index)


def test_two_writers_interleave_safely(tmp_path: Path) -> None:
    """Two processes creating and filling one new file at once lose nothing."""
    path = tmp_path / "shared.qvdb"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path)]) for _ in range(2)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with QuoteIndex(path) as index:
        assert len(index) == 2 * 40 * 50
        assert [s.id for s in index] == list(range(1, 4001))


@given(indexed_fragments())
def test_every_statement_is_found_by_its_fragments(case: tuple[list[str], int, str]) -> None:
    """An excerpt holding two or more content words of a statement finds that statement."""
    texts, chosen, excerpt = case
    with QuoteIndex() as index:
        ids = index.add_many(texts)
        matches = index.find(excerpt, limit=len(texts))
    found = {m.statement.id: m.verification.verdict for m in matches}
    assert ids[chosen] in found
    assert found[ids[chosen]] in {Verdict.VERBATIM, Verdict.EQUIVALENT, Verdict.FAITHFUL}


@given(st.lists(news_texts, max_size=8))
def test_stored_texts_come_back_exactly(texts: list[str]) -> None:
    """Whatever the characters, iteration gives back exactly the texts added, in order."""
    with QuoteIndex() as index:
        index.add_many(texts)
        assert [s.text for s in index] == texts
        assert len(index) == len(texts)


@given(st.lists(news_texts, min_size=1, max_size=6), news_texts, st.integers(1, 4))
def test_find_never_raises_and_orders_results(texts: list[str], variant: str, limit: int) -> None:
    """Any variant gets at most ``limit`` matches, best verdict first, none unrelated."""
    with QuoteIndex() as index:
        index.add_many(texts)
        matches = index.find(variant, limit)
    ranks = [VERDICT_ORDER.index(m.verification.verdict) for m in matches]
    assert len(matches) <= limit
    assert ranks == sorted(ranks)
    assert Verdict.UNRELATED not in {m.verification.verdict for m in matches}
