"""Tests of the quoteverify command line, run in-process through cli.main."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quoteverify.cli import main

ARTICLE = "Officials met on Monday.\n\n“We will not back down,” the minister said.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """An article file with one quote, written with its newlines as they are."""
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_extract_json_lines_carry_exact_offsets(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints one record per quote whose spans slice the file to the quote's text."""
    assert main(["extract", "--json", str(article)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["text"] for record in records] == ["We will not back down,"]
    start, end = records[0]["spans"][0]
    assert ARTICLE[start:end] == "We will not back down,"
    assert records[0]["file"] == str(article)
    assert records[0]["kind"] == "direct"
    speaker = records[0]["speaker"]
    assert (speaker["name"], speaker["mention"], speaker["cue"]) == (
        "minister",
        "the minister",
        "said",
    )
    mention_start, mention_end = speaker["mention_span"]
    assert ARTICLE[mention_start:mention_end] == "the minister"


def test_extract_table_names_file_and_offsets(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table shows the file, the offsets and the quoted words."""
    assert main(["extract", str(article)]) == 0
    out = capsys.readouterr().out
    start = ARTICLE.index("We")
    assert f"{article}: 1 quote" in out
    assert f"{start}-{start + len('We will not back down,')}" in out
    assert "We will not back down," in out
    assert "direct" in out
    assert "minister (the minister) [said]" in out


def test_unreadable_file_is_reported_and_others_still_processed(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or non-UTF-8 file is named on stderr; the readable file is still processed."""
    binary = tmp_path / "latin1.txt"
    binary.write_bytes(b'"caf\xe9" she said')
    status = main(["extract", "--json", str(tmp_path / "missing.txt"), str(binary), str(article)])
    captured = capsys.readouterr()
    assert status == 1
    assert "missing.txt" in captured.err
    assert "latin1.txt: not UTF-8 text" in captured.err
    assert "We will not back down," in captured.out


def test_extract_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """'-' reads the text from standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO('She said "enough" and left.'))
    assert main(["extract", "--json", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["file"], record["text"]) == ("-", "enough")


def test_demo_runs_on_the_bundled_articles(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo needs no arguments and reports on all five bundled articles."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    for article_id in ("000_", "001_", "002_", "003_", "004_"):
        assert article_id in out
    assert "Identical to the post: yes" in out
    assert "INSTITUTIONSHELP" in out
    assert "ALTERED" in out  # 001's silently dropped sentences
    assert "MISQUOTE" in out  # 004's Detroit remarks
    assert all(len(line) <= 80 for line in out.splitlines())


POST = "Iranian Patriots, KEEP PROTESTING – TAKE OVER YOUR INSTITUTIONS!!! HELP IS ON ITS WAY."


@pytest.fixture
def post(tmp_path: Path) -> Path:
    """A canonical statement in a file of its own."""
    path = tmp_path / "post.txt"
    path.write_text(POST + "\n", encoding="utf-8")
    return path


def test_verify_prints_verdict_and_explanation(
    post: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """verify CANONICAL VARIANT prints each variant's verdict and its differences."""
    variant = tmp_path / "variant.txt"
    variant.write_text("keep protesting", encoding="utf-8")
    assert main(["verify", str(post), str(variant)]) == 0
    out = capsys.readouterr().out
    assert "FAITHFUL" in out
    assert "truncation" in out


def test_verify_json_with_canonical_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--canonical-text takes the canonical inline; --json prints to_dict records."""
    variant = tmp_path / "variant.txt"
    variant.write_text("Play it again, Sam.", encoding="utf-8")
    status = main(["verify", "--json", "--canonical-text", "Play it, Sam.", str(variant)])
    record = json.loads(capsys.readouterr().out)
    assert status == 0
    assert record["verdict"] == "misquote"
    assert record["file"] == str(variant)
    assert "insertion" in [difference["kind"] for difference in record["differences"]]


def test_verify_needs_a_variant(post: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A canonical file alone is a usage error, said on stderr."""
    assert main(["verify", str(post)]) == 2
    assert "VARIANT_FILE" in capsys.readouterr().err


def test_index_add_then_check_an_article(
    post: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Statements added with `index add` are found by `check`, with speaker and verdict."""
    db = tmp_path / "statements.db"
    args = ["index", "add", "--db", str(db), "--speaker", "Donald Trump", str(post)]
    assert main(args) == 0
    assert "added 1 statement" in capsys.readouterr().out
    article = tmp_path / "article.txt"
    article.write_text("“Keep protesting,” Trump wrote on Tuesday.\n", encoding="utf-8")
    assert main(["check", "--json", "--db", str(db), str(article)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["statement"]["speaker"] == "Donald Trump"
    assert record["verification"]["verdict"] == "faithful"
    assert record["misattributed"] is False


def test_index_add_lines_and_find(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--lines stores one statement per non-empty line; `index find` looks one up."""
    statements = tmp_path / "statements.txt"
    statements.write_text("We will not back down.\n\nThe economy is strong.\n", encoding="utf-8")
    db = tmp_path / "statements.db"
    assert main(["index", "add", "--db", str(db), "--lines", str(statements)]) == 0
    assert "added 2 statements" in capsys.readouterr().out
    assert main(["index", "find", "--json", "--db", str(db), "the economy is strong"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["statement"]["text"] == "The economy is strong."


def test_check_rejects_a_foreign_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not an index is named in an error on stderr, not a traceback."""
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database at all\n" * 100, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("“Yes,” she said.", encoding="utf-8")
    assert main(["check", "--db", str(foreign), str(article)]) == 2
    assert "notes.txt" in capsys.readouterr().err


def test_collate_reconstructs_a_statement_from_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """collate groups the quotes of several articles and prints the consensus reading."""
    texts = [
        "“We will build the bridge by May,” the mayor said.",
        "The mayor said: “We will build the bridge by May.”",
        "“we will build the bridge by May,” she said.",
    ]
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"a{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    assert main(["collate", "--json", *paths]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["reading"].startswith("We will build the bridge by May")
    assert len(record["witnesses"]) == 3


def test_check_refuses_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped --db is an error, and no empty index is created in its place."""
    article = tmp_path / "article.txt"
    article.write_text("“Yes,” she said.", encoding="utf-8")
    missing = tmp_path / "typo.db"
    assert main(["check", "--db", str(missing), str(article)]) == 2
    assert "no such index" in capsys.readouterr().err
    assert not missing.exists()
