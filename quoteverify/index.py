"""``QuoteIndex``: canonical statements in SQLite, and the look-up of a quote's source.

Each statement is stored with its normalised word keys (``text.word_keys``) and the pairs of
adjacent keys as terms of an FTS5 table (see ``database.py``); the index also counts how many
statements hold each key. Retrieval needs no stop-word list, it goes by rarity:

- ``find`` ranks the variant's keys and key pairs by how many statements hold them (a pair is
  held by no more statements than its commoner key) and looks up the ``TERMS_QUERIED`` rarest.
  A term held by more than ``COMMON`` statements is skipped: "the" or "said" point nowhere and
  their posting lists are the slow part of a look-up. A pair of common words ("keep
  protesting") is usually rare, so a fragment made of everyday words still finds its source.
- Each statement found scores the sum of ``log(1 + N / df)`` over the terms it holds. Unlike
  BM25 this ignores how often a word repeats inside a statement, which says nothing about
  whether a quote comes from it, and it stays positive and meaningful in an index of three
  statements as in one of a million.
- The ``RESCORED`` best are rescored on all the variant's keys, common ones included, and on
  the pairs of adjacent keys they share with it (word order), so an edited fragment whose
  rare pairs were broken still ranks its source above statements sharing one pair by chance.
- The ``CANDIDATES`` best of those (within ``SHORTLIST_SHARE`` of the top) are checked word by
  word with ``verify`` and ranked by verdict, then verification score, then overlap.
"""

from __future__ import annotations

import heapq
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import islice, pairwise
from types import TracebackType
from typing import Self

from quoteverify.database import MEMORY, open_index
from quoteverify.errors import require_str
from quoteverify.model import Match, Statement, Verdict
from quoteverify.text import word_keys
from quoteverify.verify import verify

PAIR_TIE = "\N{CHARACTER TIE}"
"""Joins two adjacent keys into one FTS5 term; a pair of common words is usually rare."""

TERMS_QUERIED = 12
"""At most this many terms (keys and pairs of adjacent keys) of a variant are looked up."""

COMMON = 1_000
"""A term held by more statements than this is skipped: it says too little, and costs much."""

RESCORED = 16
"""How many statements found by the rare terms are rescored on all the variant's words."""

CANDIDATES = 8
"""How many of the best-scoring statements are checked with ``verify`` (at least ``limit``)."""

SHORTLIST_SHARE = 0.5
"""Only candidates scoring at least this share of the best are verified: the rest share a word
or two with the variant, not a passage, and ``verify`` is the costly step."""

_CHUNK = 2_000
"""Statements prepared and written per batch inside one ``add_many`` transaction."""

_LOOKUP_BATCH = 500
"""Keys counted per query, well under SQLite's limit on bound parameters."""

_WORDS_CACHED = 4_096
"""Statements whose keys ``find`` keeps, for quotes of one statement looked up in turn."""

# What the FTS5 ``ascii`` tokenizer does to a term, applied to keys before they are stored or
# looked up, so that ``key_counts`` and the FTS5 vocabulary always name a key the same way.
# Keys are translated joined by the unit separator (kept), one call per statement.
_KEY_SEPARATOR = "\N{INFORMATION SEPARATOR ONE}"
# Lone surrogates (which SQLite cannot store) become U+FFFD, so no text makes a look-up fail.
_AS_FTS_TERM = (
    dict.fromkeys(c for c in (*range(33), 127) if chr(c) != _KEY_SEPARATOR)
    | {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
    | dict.fromkeys(range(0xD800, 0xE000), "\N{REPLACEMENT CHARACTER}")
)

_VERDICT_RANK = {verdict: rank for rank, verdict in enumerate(Verdict)}

_Row = tuple[int, str, str | None, str | None, str | None]
StatementInput = str | Mapping[str, object] | Statement


class QuoteIndex:
    """Canonical statements in an SQLite database, and the look-up of a quote's source.

    ``path`` is ``":memory:"`` (the default) or a file, created if missing or empty. A file is
    opened in WAL mode, so other processes can ``find`` while one adds; writes wait up to
    ``database.BUSY_TIMEOUT_SECONDS`` for each other. A file that is not a quoteverify index raises
    ``InvalidIndexError`` (``IndexVersionError`` for a newer schema) and is not modified.

    >>> with QuoteIndex() as index:
    ...     first = index.add("Help is on its way!", speaker="Donald Trump", source="post")
    ...     [m.statement.id for m in index.find("help is on its way")] == [first]
    True
    """

    def __init__(self, path: str | os.PathLike[str] = MEMORY) -> None:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"path must be str or os.PathLike, got {type(path).__name__}")
        self.path = os.fspath(path)
        if not isinstance(self.path, str):
            raise TypeError(f"path must name a file as str, got {type(self.path).__name__}")
        self._db = open_index(self.path)
        self._words_cache: dict[int, list[str]] = {}

    def __repr__(self) -> str:
        return f"QuoteIndex({self.path!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database; closing twice is harmless.

        >>> index = QuoteIndex()
        >>> index.close(); index.close()
        """
        self._db.close()

    def __len__(self) -> int:
        """Return how many statements the index holds.

        >>> len(QuoteIndex())
        0
        """
        (count,) = self._db.execute("SELECT count(*) FROM statements").fetchone()
        return int(count)

    def __iter__(self) -> Iterator[Statement]:
        """Yield every statement in id order, a page at a time.

        >>> index = QuoteIndex()
        >>> index.add_many(["One.", "Two."])
        [1, 2]
        >>> [s.text for s in index]
        ['One.', 'Two.']
        """
        last = 0
        while rows := self._db.execute(
            "SELECT id, text, speaker, date, source FROM statements "
            "WHERE id > ? ORDER BY id LIMIT 1000",
            (last,),
        ).fetchall():
            yield from (Statement(*row) for row in rows)
            last = rows[-1][0]

    def get(self, statement_id: int) -> Statement:
        """Return the statement with this id; raise ``KeyError`` if there is none.

        >>> index = QuoteIndex()
        >>> index.get(index.add("Keep protesting.", date="2026-01-13")).date
        '2026-01-13'
        """
        if not isinstance(statement_id, int) or isinstance(statement_id, bool):
            raise TypeError(f"statement id must be int, got {type(statement_id).__name__}")
        row = self._db.execute(
            "SELECT id, text, speaker, date, source FROM statements WHERE id = ?", (statement_id,)
        ).fetchone()
        if row is None:
            raise KeyError(statement_id)
        return Statement(*row)

    def add(
        self,
        text: str,
        *,
        speaker: str | None = None,
        date: str | None = None,
        source: str | None = None,
    ) -> int:
        """Store one statement in its own transaction and return its id.

        >>> QuoteIndex().add("Iranian Patriots, KEEP PROTESTING", speaker="Donald Trump")
        1
        """
        statement = {"text": text, "speaker": speaker, "date": date, "source": source}
        (statement_id,) = self.add_many([statement])
        return statement_id

    def add_many(self, statements: Iterable[StatementInput]) -> list[int]:
        """Store many statements in one transaction and return their ids, in order.

        Each item is a ``str`` (the text alone), a mapping with a ``"text"`` key and optional
        ``"speaker"``, ``"date"`` and ``"source"``, or an object with those attributes (a
        ``Statement`` from another index, say; its ``id`` is not kept, a new one is given).
        Ids are consecutive. If any item is malformed (``TypeError``) or holds text SQLite
        cannot store (a lone surrogate: ``UnicodeEncodeError``), nothing is stored.

        >>> index = QuoteIndex()
        >>> index.add_many(["A.", {"text": "B.", "speaker": "Ann Lee"}, Statement(7, "C.")])
        [1, 2, 3]
        >>> index.get(2).speaker
        'Ann Lee'
        """
        if isinstance(statements, str | bytes | Mapping):
            raise TypeError("add_many takes an iterable of statements; use add() for one text")
        rows = (_as_row(item) for item in statements)
        with self._write():
            (last,) = self._db.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()
            first = last + 1
            counts: Counter[str] = Counter()
            while batch := list(islice(rows, _CHUNK)):
                last = self._insert(batch, last, counts)
            self._db.executemany(
                "INSERT INTO key_counts(key, statements) VALUES (?, ?) ON CONFLICT(key) "
                "DO UPDATE SET statements = statements + excluded.statements",
                counts.items(),
            )
        return list(range(first, last + 1))

    def find(self, variant: str, limit: int = 5) -> list[Match]:
        """Return up to ``limit`` statements the variant may be a version of, best first.

        Candidates are the statements holding the variant's rarest keys; each is checked with
        ``verify`` and ranked by verdict, then score. ``UNRELATED`` ones are left out.

        >>> index = QuoteIndex()
        >>> _ = index.add_many(["Help is on its way!", "We will not back down."])
        >>> [(m.statement.text, m.verification.verdict.value) for m in index.find("its way")]
        [('Help is on its way!', 'faithful')]
        """
        require_str(variant, "variant")
        if not isinstance(limit, int) or isinstance(limit, bool):
            raise TypeError(f"limit must be int, got {type(limit).__name__}")
        if limit < 1:
            return []
        words = _fts_terms(word_keys(variant))
        with self._read():
            shortlist = self._shortlist(words, max(limit, CANDIDATES))
        matches = [(Match(s, verify(variant, s.text)), score) for s, score in shortlist]
        matches = [m for m in matches if m[0].verification.verdict is not Verdict.UNRELATED]
        matches.sort(key=_match_order)
        return [match for match, _ in matches[:limit]]

    def _shortlist(self, words: list[str], wanted: int) -> list[tuple[Statement, float]]:
        """Return the statements likeliest to be the variant's source, with their overlap."""
        counts = self._key_counts(words)
        (size,) = self._db.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()
        found = self._holders(_rare_terms(words, counts), size)
        rough = heapq.nsmallest(RESCORED, found.items(), key=lambda item: (-item[1], item[0]))
        rarity = {word: math.log1p(size / count) for word, count in counts.items()}
        pairs = set(pairwise(words))
        scored = [
            (statement, _overlap(self._words_of(statement), rarity, pairs))
            for statement in self._statements([statement_id for statement_id, _ in rough])
        ]
        best = sorted(scored, key=lambda item: (-item[1], item[0].id))[:wanted]
        return [(s, score) for s, score in best if score >= SHORTLIST_SHARE * best[0][1]]

    def _key_counts(self, words: list[str]) -> dict[str, int]:
        """Return how many statements hold each of these keys (unknown keys left out)."""
        distinct = list(dict.fromkeys(words))
        counts: dict[str, int] = {}
        for start in range(0, len(distinct), _LOOKUP_BATCH):
            batch = distinct[start : start + _LOOKUP_BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT key, statements FROM key_counts WHERE key IN ({marks})"
            counts.update(self._db.execute(query, batch).fetchall())
        return counts

    def _holders(self, terms: list[str], size: int) -> Counter[int]:
        """Return the statements holding any of these terms, scored by the terms' rarity."""
        scores: Counter[int] = Counter()
        for term in terms:
            holders = self._db.execute(
                "SELECT rowid FROM statement_keys WHERE statement_keys MATCH ? LIMIT ?",
                (_fts_phrase(term), COMMON + 1),
            ).fetchall()
            if 0 < len(holders) <= COMMON:
                weight = math.log1p(size / len(holders))
                scores.update(dict.fromkeys((row[0] for row in holders), weight))
        return scores

    def _statements(self, ids: list[int]) -> list[Statement]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT id, text, speaker, date, source FROM statements WHERE id IN ({marks})", ids
        ).fetchall()
        return [Statement(*row) for row in rows]

    def _words_of(self, statement: Statement) -> list[str]:
        """Return a statement's keys as terms, remembering the last few thousand asked for."""
        words = self._words_cache.pop(statement.id, None)
        if words is None:
            words = _fts_terms(word_keys(statement.text))
            if len(self._words_cache) >= _WORDS_CACHED:
                del self._words_cache[next(iter(self._words_cache))]
        self._words_cache[statement.id] = words
        return words

    def _insert(
        self,
        batch: list[tuple[str, str | None, str | None, str | None]],
        last: int,
        counts: Counter[str],
    ) -> int:
        """Write one batch of statements after id ``last``; return the last id written."""
        rows: list[_Row] = [(last + n, *row) for n, row in enumerate(batch, start=1)]
        self._db.executemany(
            "INSERT INTO statements(id, text, speaker, date, source) VALUES (?, ?, ?, ?, ?)", rows
        )
        words = [_fts_terms(word_keys(row[1])) for row in rows]
        for statement_words in words:
            counts.update(set(statement_words))
        self._db.executemany(
            "INSERT INTO statement_keys(rowid, keys) VALUES (?, ?)",
            ((row[0], _stored_terms(w)) for row, w in zip(rows, words, strict=True)),
        )
        return last + len(rows)

    @contextmanager
    def _write(self) -> Iterator[None]:
        """Run the block in one write transaction, rolled back if anything fails."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[None]:
        """Run the block's queries on one snapshot, unaffected by writers committing meanwhile."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            self._db.execute("COMMIT")


def _match_order(scored: tuple[Match, float]) -> tuple[int, float, float, int]:
    """Best first: by verdict, then verification score, then overlap, then oldest."""
    match, overlap = scored
    verification = match.verification
    return (_VERDICT_RANK[verification.verdict], -verification.score, -overlap, match.statement.id)


def _rare_terms(words: list[str], counts: Mapping[str, int]) -> list[str]:
    """Return the keys and key pairs worth looking up, likeliest rarest first.

    A key's rarity is its count; a pair is held by at most as many statements as its commoner
    key. Keys held by more than ``COMMON`` statements are left out.

    >>> [t.replace(PAIR_TIE, "+") for t in _rare_terms(["the", "iron", "lady"], {
    ...     "the": 5000, "iron": 40, "lady": 70})]
    ['iron+lady', 'the+iron', 'iron', 'lady']
    """
    rarity = {word: counts[word] for word in words if counts.get(word, COMMON + 1) <= COMMON}
    for first, second in pairwise(words):
        bound = min(counts.get(first, 0), counts.get(second, 0))
        if bound:
            rarity.setdefault(first + PAIR_TIE + second, bound)
    ranked = sorted(rarity, key=lambda term: (rarity[term], -len(term)))
    return ranked[:TERMS_QUERIED]


def _overlap(words: list[str], rarity: Mapping[str, float], pairs: set[tuple[str, str]]) -> float:
    """Return how much of a variant a statement's words hold: its keys and adjacent pairs.

    Each shared key counts its rarity; each shared pair the rarity of its rarer key (a pair is
    at least that rare), which rewards keeping the variant's word order.

    >>> rarity = {"keep": 1.0, "protesting": 3.0}
    >>> _overlap(["keep", "protesting"], rarity, {("keep", "protesting")})
    7.0
    """
    shared = rarity.keys() & set(words)
    in_order = pairs.intersection(pairwise(words))
    return sum(rarity[word] for word in shared) + sum(
        max(rarity.get(first, 0.0), rarity.get(second, 0.0)) for first, second in in_order
    )


def _fts_terms(keys: Iterable[str]) -> list[str]:
    """Return the keys as FTS5 terms, in order, dropping any that would be empty.

    >>> _fts_terms(["Keep", "protesting", "a b", " "])
    ['keep', 'protesting', 'ab']
    """
    terms = _KEY_SEPARATOR.join(keys).translate(_AS_FTS_TERM).split(_KEY_SEPARATOR)
    return [term for term in terms if term]


def _stored_terms(words: list[str]) -> str:
    """Return the FTS5 text stored for a statement: its keys, then its pairs of adjacent keys.

    A term may repeat: FTS5 keeps only which statements hold it.

    >>> _stored_terms(["help", "is", "here"]).replace(PAIR_TIE, "+")
    'help is here help+is is+here'
    """
    return " ".join([*words, *map(PAIR_TIE.join, pairwise(words))])


def _fts_phrase(term: str) -> str:
    """Return an FTS5 query matching exactly this term, whatever characters it holds.

    >>> print(_fts_phrase('no"pe'))
    "no""pe"
    """
    escaped = term.replace('"', '""')
    return f'"{escaped}"'


def _as_row(item: object) -> tuple[str, str | None, str | None, str | None]:
    """Return ``(text, speaker, date, source)`` from a str, a mapping or a Statement-like object.

    >>> _as_row({"text": "Hi.", "source": "post"})
    ('Hi.', None, None, 'post')
    """
    if isinstance(item, str):
        return (item, None, None, None)
    if isinstance(item, Mapping):
        if "text" not in item:
            raise TypeError("a statement mapping needs a 'text' key")
        fields = [item.get(name) for name in ("text", "speaker", "date", "source")]
    elif hasattr(item, "text"):
        fields = [getattr(item, name, None) for name in ("text", "speaker", "date", "source")]
    else:
        received = type(item).__name__
        raise TypeError(f"a statement must be a str, a mapping or have .text, got {received}")
    text, speaker, date, source = fields
    return (
        require_str(text, "text"),
        _optional_str(speaker, "speaker"),
        _optional_str(date, "date"),
        _optional_str(source, "source"),
    )


def _optional_str(value: object, name: str) -> str | None:
    return None if value is None else require_str(value, name)
