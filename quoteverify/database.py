"""The SQLite file behind a ``QuoteIndex``: its schema, and how it is opened and recognised.

A quoteverify index is an SQLite database whose ``PRAGMA application_id`` is
``APPLICATION_ID`` and whose ``PRAGMA user_version`` is the schema version. It holds:

- ``statements``: ``id``, ``text``, ``speaker``, ``date``, ``source``, as given;
- ``statement_keys``: a contentless FTS5 table, one row per statement (same rowid), whose terms
  are the statement's normalised word keys, kept with ``detail=none`` (which statements hold a
  key is all retrieval needs, and it keeps the index small);
- ``key_counts``: how many statements hold each key, so look-ups can start from the rarest.

An existing file is first checked from its header bytes, then through a read-only connection;
only a file recognised as an index of this schema is ever opened for writing. A missing or
empty file becomes a new index.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote as quote_url

from quoteverify.errors import IndexVersionError, InvalidIndexError

BUSY_TIMEOUT_SECONDS = 30.0
"""How long a writer waits for another process's write transaction to finish."""

MEMORY = ":memory:"

APPLICATION_ID = int.from_bytes(b"QVIX", "big")
"""Marks a database as a quoteverify index (``PRAGMA application_id``)."""

SCHEMA_VERSION = 1
"""The schema this module writes and reads (``PRAGMA user_version``)."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100

_SCHEMA = (
    """CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        speaker TEXT,
        date TEXT,
        source TEXT
    )""",
    # Terms are separated by spaces only: every ASCII punctuation character is a token
    # character, so each normalised key is exactly one FTS5 term ("don't", "2,000", "u.s.").
    """CREATE VIRTUAL TABLE statement_keys USING fts5(
        keys, content='', detail=none, columnsize=0,
        tokenize="ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\\]^_`{|}~'"
    )""",
    "CREATE TABLE key_counts (key TEXT PRIMARY KEY, statements INTEGER NOT NULL) WITHOUT ROWID",
)
_TABLES = frozenset({"statements", "statement_keys", "key_counts"})


def open_index(path: str) -> sqlite3.Connection:
    """Return a connection to a quoteverify index at ``path``, creating it if there is none."""
    if path == MEMORY:
        db = _connect(path, path)
        _create_schema(db, path)
        return db
    file = Path(path)
    existing = file.exists() and (file.is_dir() or file.stat().st_size > 0)
    if existing:
        _check_header(file)
        _check_database(file)
    db = _connect(path, path)
    try:
        if not existing:
            _create_schema(db, path)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        db.close()
        raise
    return db


def _connect(target: str, path: str, *, uri: bool = False) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, uri=uri)
    except sqlite3.Error as error:
        message = f"{path}: cannot open it as a quoteverify index ({error})"
        raise InvalidIndexError(message) from error
    return db


def _check_header(file: Path) -> None:
    """Reject a file that is not an SQLite database, or is cut short, from its first bytes."""
    if file.is_dir():
        raise InvalidIndexError(f"{file} is a directory, not a quoteverify index")
    size = file.stat().st_size
    with file.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_MAGIC):
        raise InvalidIndexError(
            f"{file} is not a quoteverify index (not an SQLite database); "
            "give a new file name to create an index"
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big") if header[24:28] == header[92:96] else 0
    # While a writer checkpoints, the header can run ahead of the file; with a WAL beside the
    # file, leave that judgement to SQLite.
    in_use = file.with_name(file.name + "-wal").exists()
    if page_size == 0 or (not in_use and (size % page_size or size < pages * page_size)):
        raise InvalidIndexError(
            f"{file} is a damaged SQLite database ({size} bytes, shorter than its header says); "
            "restore it from a copy"
        )


def _check_database(file: Path) -> None:
    """Read the file's identity and schema through a read-only connection; raise if not ours."""
    location = f"file:{quote_url(str(file.resolve()))}?mode=ro"
    db = _connect(location, str(file), uri=True)
    try:
        _check_identity(db, file)
    except sqlite3.Error as error:
        raise InvalidIndexError(f"{file} is a damaged quoteverify index ({error})") from error
    finally:
        db.close()


def _check_identity(db: sqlite3.Connection, file: Path) -> None:
    (application_id,) = db.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        raise InvalidIndexError(
            f"{file} is an SQLite database but not a quoteverify index; "
            "give a new file name to create an index"
        )
    (version,) = db.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise IndexVersionError(
            f"{file} has index schema {version}, newer than {SCHEMA_VERSION} which this "
            "quoteverify reads; upgrade quoteverify to open it"
        )
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    if version != SCHEMA_VERSION or not tables >= _TABLES:
        raise InvalidIndexError(f"{file} is a damaged quoteverify index (schema {version})")
    db.execute("SELECT max(id) FROM statements").fetchone()
    db.execute("SELECT key FROM key_counts LIMIT 1").fetchone()


def _create_schema(db: sqlite3.Connection, path: str) -> None:
    """Create the tables in an empty database; accept one another process just created."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            db.execute("ROLLBACK")
            _check_identity(db, Path(path))
            return
        for statement in _SCHEMA:
            db.execute(statement)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
