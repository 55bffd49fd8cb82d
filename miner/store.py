"""The only module that writes SQLite: the schema, a document saved with its record, errors.

Every document is saved in one transaction: its row, its paragraphs and their full-text
index, and the rows of its record (citations, mentions, award events), each linked to the
document and to the paragraph it came from. Entities shared across documents (cited
documents, organisations, persons, places, emulation groups, award types) are looked up by
a folded key, so "Uỷ ban" and "Ủy ban" resolve to one row.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import time
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import cast

import sqlite_utils

from . import EXTRACTOR_VERSION, data, normalize
from .document import Document
from .errors import MinerError
from .normalize import fold
from .record import LegalRef, Location, Record, Span
from .reform import COMMUNE_LEVELS, province_now

SCHEMA_VERSION = 3
CACHE_KB = 64 * 1024  # SQLite's page cache of a connection that open_db opens


class DatabaseProblem(MinerError):
    """The database cannot be written: taken by another ingest, read-only, damaged, not a database, or its disk full."""


class SchemaMismatch(MinerError):
    """The database was written by a miner with another schema."""

    remedy = "move the database aside and run `miner ingest` again to rebuild it"


@dataclass(frozen=True)
class Table:
    """One table of the schema: explicit columns and types, keys and indexes."""

    name: str
    columns: dict[str, type] = field(hash=False)
    pk: str = "id"
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    not_null: tuple[str, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class FileState:
    """What `stat` says about a file: enough to skip it unread when nothing changed."""

    path: str
    size: int
    mtime: float


_SPAN_COLUMNS: dict[str, type] = {
    "document_id": str,
    "paragraph_id": int,
    "start": int,
    "end": int,
    "text": str,
}
_SPAN_KEYS = (("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"))


def _mentions(entity_table: str, entity_column: str, **extra: type) -> Table:
    """A table of mentions: one row per span of an entity in a document."""
    return Table(
        f"{entity_table[:-1]}_mentions",
        {"id": int, entity_column: int, **_SPAN_COLUMNS, **extra},
        foreign_keys=((entity_column, entity_table, "id"), *_SPAN_KEYS),
        not_null=(entity_column, "document_id"),
        indexes=((entity_column,), ("document_id",), ("paragraph_id",)),
    )


TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        {
            "id": str,
            "path": str,
            "format": str,
            "title": str,
            "kind": str,
            "symbol": str,
            "symbol_key": str,
            "issued_date": str,
            "year": int,
            "issuer": str,
            "signer": str,
            "province": str,
            "chars": int,
            "size": int,
            "mtime": float,
            "ocr": int,
            "ocr_confidence": float,
            "encoding": str,
            "ingested_at": str,
            "extractor_version": str,
        },
        not_null=("path", "format", "chars", "ingested_at", "extractor_version"),
        indexes=(("kind",), ("year",), ("issued_date",), ("symbol_key",), ("province",)),
    ),
    Table(
        "document_paths",
        {"path": str, "document_id": str, "size": int, "mtime": float},
        pk="path",
        foreign_keys=(("document_id", "documents", "id"),),
        not_null=("document_id",),
        indexes=(("document_id",),),
    ),
    Table(
        "paragraphs",
        {"id": int, "document_id": str, "seq": int, "kind": str, "text": str, "ocr_confidence": float},
        foreign_keys=(("document_id", "documents", "id"),),
        not_null=("document_id", "seq", "kind", "text"),
        unique=(("document_id", "seq"),),
    ),
    Table(
        "cited_documents",
        {
            "id": int,
            "key": str,
            "ident": str,
            "label": str,
            "doc_type": str,
            "symbol": str,
            "symbol_key": str,
            "number": str,
            "code": str,
            "year": int,
            "issued_date": str,
            "issuer": str,
            "subject": str,
        },
        not_null=("key", "ident", "label"),
        indexes=(("ident",), ("symbol_key",), ("doc_type",), ("year",), ("issuer",)),
        unique=(("key",),),
    ),
    Table(
        "citations",
        {"id": int, "cited_document_id": int, **_SPAN_COLUMNS},
        foreign_keys=(("cited_document_id", "cited_documents", "id"), *_SPAN_KEYS),
        not_null=("cited_document_id", "document_id"),
        # (cited, citing document) answers "cited how often, by how many documents" from the index.
        indexes=(("cited_document_id", "document_id"), ("document_id",), ("paragraph_id",)),
    ),
    Table(
        "organizations",
        {"id": int, "key": str, "name": str, "kind": str, "province": str},
        not_null=("key", "name"),
        indexes=(("kind",), ("province",)),
        unique=(("key",),),
    ),
    _mentions("organizations", "organization_id"),
    Table("persons", {"id": int, "key": str, "name": str}, not_null=("key", "name"), unique=(("key",),)),
    _mentions("persons", "person_id", role=str),
    Table(
        "locations",
        {"id": int, "key": str, "name": str, "level": str, "province": str, "merged_into": str, "now_in": str},
        not_null=("key", "name"),
        indexes=(("level",), ("province",), ("now_in",)),
        unique=(("key",),),
    ),
    _mentions("locations", "location_id"),
    Table("emulation_groups", {"id": int, "key": str, "name": str}, not_null=("key", "name"), unique=(("key",),)),
    _mentions("emulation_groups", "emulation_group_id"),
    Table("award_types", {"id": int, "key": str, "name": str}, not_null=("key", "name"), unique=(("key",),)),
    _mentions("award_types", "award_type_id"),
    Table(
        "award_events",
        {
            "id": int,
            "award_type_id": int,
            "award": str,
            "recipient": str,
            "recipient_kind": str,
            "recipient_organization_id": int,
            "recipient_person_id": int,
            "grantor": str,
            "grantor_organization_id": int,
            "year": int,
            "status": str,
            "decision": str,
            "cited_document_id": int,
            **_SPAN_COLUMNS,
        },
        foreign_keys=(
            ("award_type_id", "award_types", "id"),
            ("recipient_organization_id", "organizations", "id"),
            ("recipient_person_id", "persons", "id"),
            ("grantor_organization_id", "organizations", "id"),
            ("cited_document_id", "cited_documents", "id"),
            *_SPAN_KEYS,
        ),
        not_null=("award_type_id", "award", "recipient", "document_id"),
        indexes=(
            ("award_type_id",),
            ("recipient_organization_id",),
            ("recipient_person_id",),
            ("grantor_organization_id",),
            ("cited_document_id",),
            ("document_id",),
            ("paragraph_id",),
            ("year",),
        ),
    ),
    Table(
        "ingest_errors",
        {"id": int, "path": str, "error_class": str, "message": str, "occurred_at": str},
        not_null=("path", "error_class", "message", "occurred_at"),
        indexes=(("path",),),
    ),
)

# Entity tables whose rows are shared by documents, with what refers to them. A row that
# nothing refers to any more is deleted when the last document mentioning it goes.
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "cited_documents": (("citations", "cited_document_id"), ("award_events", "cited_document_id")),
    "organizations": (
        ("organization_mentions", "organization_id"),
        ("award_events", "recipient_organization_id"),
        ("award_events", "grantor_organization_id"),
    ),
    "persons": (("person_mentions", "person_id"), ("award_events", "recipient_person_id")),
    "locations": (("location_mentions", "location_id"),),
    "emulation_groups": (("emulation_group_mentions", "emulation_group_id"),),
}
# Rows that belong to one document, children first.
_DOCUMENT_ROWS = (
    "award_events",
    "award_type_mentions",
    "emulation_group_mentions",
    "location_mentions",
    "person_mentions",
    "organization_mentions",
    "citations",
)

_PKS = {t.name: t.pk for t in TABLES}

# Names repeat across documents (the same bodies, places, laws, awards): their keys are cached.
fold_key = lru_cache(maxsize=1 << 14)(normalize.fold_key)

# The full-text index holds the folded text only: fold() maps every spelling of a word ("Đắk",
# "Dak", "Uỷ", "Ủy") to one, so a query folded the same way finds them all, and a second column
# with the text as written would only double the index (version 1 had it).
FTS_TABLE = "paragraphs_fts"
_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text_folded, tokenize = 'unicode61 remove_diacritics 2')"
)

# "354/QĐ-UBND" and "354/QD - UBND" are the same symbol; so are "06/2022/QH15" and "6/2022/QH15".
_SPACES_RE = re.compile(r"\s+")
_LEADING_ZEROS_RE = re.compile(r"(?<!\d)0+(?=\d)")
_YEAR_IN_SYMBOL_RE = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")


def symbol_key(symbol: str | None) -> str | None:
    """The comparison key of a document symbol: "354/QĐ - UBND" -> "354/qd-ubnd"."""
    if not symbol:
        return None
    key = _LEADING_ZEROS_RE.sub("", _SPACES_RE.sub("", fold(symbol)))
    return key or None


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a miner database: WAL mode, foreign keys on, schema in place.
    A file that is not a database, or one that cannot be written, raises DatabaseProblem."""
    path = Path(path)
    with problems(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        return _open(path)


def _open(path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.register_function(fold, deterministic=True, name="fold")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.enable_wal()
    # In WAL mode NORMAL keeps the database consistent through crashes (a power cut may lose the
    # last commits, never half of one) without an fsync per document.
    db.execute("PRAGMA synchronous = NORMAL")
    # Checkpoint the WAL every 40 MB rather than 4 MB: an index page that several batches touch
    # is copied into the database once, not once a batch (about 10% less work for the writer).
    db.execute("PRAGMA wal_autocheckpoint = 10000")
    # A 64 MB page cache instead of 2 MB: the writer inserts into a dozen indexes at scattered
    # places (and reads entities back); with the default cache every batch re-read their pages.
    db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    ensure_schema(db)
    return db


@contextmanager
def problems(path: str | Path) -> Iterator[None]:
    """Turn SQLite's errors about the database file at `path` into a DatabaseProblem of one line
    that says what to do (the other errors, bugs, go through)."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        problem = explain(path, exc)
        if problem is None:
            raise
        raise problem from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise _full(path) from None
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise _read_only(path) from None
        raise


def _full(path: str | Path) -> DatabaseProblem:
    return DatabaseProblem(
        path,
        "the disk holding the database is full",
        remedy="free some space (or give --db on another disk) and run the same command again: what was "
        "written is kept, each document whole",
    )


def _read_only(path: str | Path) -> DatabaseProblem:
    return DatabaseProblem(
        path,
        "the database cannot be written (a read-only file or folder)",
        remedy=f"give miner's user write permission on {path} and its folder (SQLite writes "
        f"{Path(path).name}-wal and -shm beside it), or give another --db",
    )


def explain(path: str | Path, exc: sqlite3.DatabaseError) -> DatabaseProblem | None:
    """What SQLite's error means for the user, or None when it is no problem of the file."""
    text = str(exc).lower()
    if "database is locked" in text or "database is busy" in text:
        return DatabaseProblem(
            path,
            "another program is writing to the database",
            remedy="wait until it is done (another miner ingest?) and run the same command again",
        )
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return _read_only(path)
    if "malformed" in text or "corrupt" in text:
        return DatabaseProblem(
            path,
            "the database is damaged",
            remedy=f"run `sqlite3 {path} .recover | sqlite3 recovered.db` and ingest into recovered.db, or "
            "move it aside and ingest again",
        )
    if "not a database" in text or "file is encrypted" in text:
        return DatabaseProblem(
            path, "the file is not a SQLite database", remedy="give --db the path of a miner database, or of a new file"
        )
    if "disk is full" in text or "disk i/o error" in text and "full" in text:
        return _full(path)
    if "disk i/o error" in text:
        return DatabaseProblem(
            path,
            "the disk holding the database failed to read or write",
            remedy="check the disk (is it full, or gone?) and run the same command again",
        )
    return None


class WriterLock:
    """One `miner ingest` at a time on a database: an exclusive lock on a file beside it (X.lock),
    held until `release`; the kernel lets go of it when the process ends, however it ends."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.file = None
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock, as before
            return
        lock = self.path.with_name(self.path.name + ".lock")
        try:
            self.file = open(lock, "a+b")
        except OSError:  # a read-only folder: open_db will say so
            return
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.file.close()
            self.file = None
            raise DatabaseProblem(
                path,
                "another miner ingest is writing to the database",
                remedy="wait until it is done, then run this one again (it goes on from what is stored)",
            ) from None

    def release(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and the full-text index that are missing; load award types."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 1:
        _migrate_from_1(db)
        version = 2
    if version == 2:
        _migrate_from_2(db)
        version = SCHEMA_VERSION
    if version not in (0, SCHEMA_VERSION):
        raise SchemaMismatch(
            db.conn.execute("PRAGMA database_list").fetchone()[2],
            f"schema version {version}, this miner writes version {SCHEMA_VERSION}",
        )
    with db.atomic():
        for table in TABLES:
            db.table(table.name).create(
                table.columns,
                pk=table.pk,
                foreign_keys=list(table.foreign_keys),
                not_null=set(table.not_null),
                if_not_exists=True,
            )
            for columns in table.indexes:
                db.table(table.name).create_index(columns, if_not_exists=True)
            for columns in table.unique:
                db.table(table.name).create_index(columns, unique=True, if_not_exists=True)
        db.execute(_FTS_SQL)
        load_award_types(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _migrate_from_1(db: sqlite_utils.Database) -> None:
    """Version 1 -> 2: the full-text index rebuilt from its folded column alone."""
    with db.atomic():
        db.execute(f"ALTER TABLE {FTS_TABLE} RENAME TO {FTS_TABLE}_v1")
        db.execute(_FTS_SQL)
        db.execute(f"INSERT INTO {FTS_TABLE} (rowid, text_folded) SELECT rowid, text_folded FROM {FTS_TABLE}_v1")
        db.execute(f"DROP TABLE {FTS_TABLE}_v1")
        db.execute("PRAGMA user_version = 2")


def _migrate_from_2(db: sqlite_utils.Database) -> None:
    """Version 2 -> 3: `locations.now_in`, where a place lies since 1 July 2025 (miner/reform.py),
    filled for provinces and districts; communes get theirs when their documents are re-extracted."""
    with db.atomic():
        columns = db["locations"].columns_dict
        if columns and "now_in" not in columns:
            db.execute("ALTER TABLE locations ADD COLUMN now_in TEXT")
        if columns:
            rows = db.execute(
                "select id, province from locations where province is not null and level not in ('xã', 'phường', 'thị trấn')"
            ).fetchall()
            db.conn.executemany("update locations set now_in = ? where id = ?", [(province_now(p), i) for i, p in rows])
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


# ---------------------------------------------------------------- award taxonomy


def _award_type_rows() -> list[dict[str, str]]:
    """The rows of miner/data/award_types.tsv (comment lines start with "#"), or [] without it."""
    if not data.exists("award_types.tsv"):
        return []
    return [{_column_name(k): v.strip() for k, v in row.items()} for row in data.rows("award_types.tsv")]


def award_type_columns() -> list[str]:
    """The columns `award_types` gets from the taxonomy file, besides id, key and name."""
    rows = _award_type_rows()
    return [c for c in rows[0] if c != "name"] if rows else []


def _column_name(heading: str) -> str:
    name = re.sub(r"\W+", "_", heading.strip().lower()).strip("_") or "column"
    return f"source_{name}" if name in ("id", "key") else name


def load_award_types(db: sqlite_utils.Database) -> None:
    """Upsert the canonical award taxonomy into `award_types`, adding its columns as needed."""
    rows = _award_type_rows()
    if not rows:
        return
    name_column = "name" if "name" in rows[0] else next(iter(rows[0]))
    table = db.table("award_types")
    existing = set(table.columns_dict)
    for column in rows[0]:
        if column not in existing:
            filled = [r.get(column, "") for r in rows if r.get(column)]
            # A column with no values yet gets INTEGER affinity, which still keeps text as text.
            table.add_column(column, int if all(v.isdigit() for v in filled) else str)
    types = table.columns_dict
    for row in rows:
        name = row[name_column]
        if not name:
            continue
        values = {c: _typed(v, types[c]) for c, v in row.items() if c != name_column}
        type_id = _lookup(db, "award_types", fold_key(name), {"name": name})
        if values:
            _update(db, "award_types", type_id, values)


def _typed(value: str, kind: type) -> object:
    if value == "":
        return None
    return int(value) if kind is int and value.isdigit() else value


# ---------------------------------------------------------------- reading state


def path_version(db: sqlite_utils.Database, state: FileState) -> str | None:
    """The extractor version of the document stored at `state.path` with the same size and mtime, or None."""
    row = db.execute(
        "select d.extractor_version from document_paths p join documents d on d.id = p.document_id "
        "where p.path = ? and p.size = ? and p.mtime = ?",
        [state.path, state.size, state.mtime],
    ).fetchone()
    return row[0] if row else None


def has_document(db: sqlite_utils.Database, document_id: str) -> bool:
    """Whether a document with these bytes (its SHA-256) is stored."""
    return db.execute("select 1 from documents where id = ?", [document_id]).fetchone() is not None


def document_version(db: sqlite_utils.Database, document_id: str) -> str | None:
    """The extractor version of the stored document with these bytes, or None when there is none."""
    row = db.execute("select extractor_version from documents where id = ?", [document_id]).fetchone()
    return row[0] if row else None


def paths_under(db: sqlite_utils.Database, folder: str, page: int = 1000) -> Iterator[str]:
    """The stored paths (of documents and of errors) below `folder`, in order, read a page at a time."""
    base = folder.rstrip(os.sep)
    last, end = base + os.sep, base + chr(ord(os.sep) + 1)  # what starts with "base/" sorts in between
    while True:
        rows = db.execute(
            "select path from (select path from document_paths where path > ? and path < ? union "
            "select path from ingest_errors where path > ? and path < ?) order by path limit ?",
            [last, end, last, end, page],
        ).fetchall()
        yield from (r[0] for r in rows)
        if len(rows) < page:
            return
        last = rows[-1][0]


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Rows per table, for summaries and tests."""
    return {t.name: db[t.name].count for t in TABLES}


# ---------------------------------------------------------------- writing


class Batch:
    """Several writes to one transaction: fewer commits, and each document still whole or absent.

    Each write (`save`, `link_path`, `record_error`) runs in its own savepoint inside the open
    transaction; the transaction is committed after `max_writes` writes or `max_seconds`. A crash
    loses the uncommitted documents whole, never a part of one.

    The full-text rows of the documents saved go into the index at the commit, all at once: FTS5
    writes out what it holds at every savepoint, so a document's rows added inside its own savepoint
    made a small index segment per document (RELEASE SAVEPOINT was an eighth of the writer's SQLite
    time, with the merges of those segments on top).
    """

    def __init__(self, db: sqlite_utils.Database, max_writes: int = 100, max_seconds: float = 2.0):
        self.db = db
        self.max_writes = max_writes
        self.max_seconds = max_seconds
        self.writes = 0
        self.began = 0.0
        self.began_here = False  # this batch opened the transaction
        # The full-text rows of the paragraphs saved in the transaction: {paragraphs.id: folded text}.
        # A later save that reuses an id (a replaced document was the last one) overwrites it.
        self.index_rows: dict[int, str] = {}

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """Open the transaction if needed, run one write in it, commit when the batch is full."""
        if not self.db.conn.in_transaction:
            self.db.conn.execute("BEGIN")
            self.began = time.monotonic()
            self.began_here = True
        _BATCHES[self.db] = self
        yield self.db
        self.writes += 1
        if self.writes >= self.max_writes:
            self.commit()

    def commit_if_due(self) -> None:
        """Commit when the open transaction is older than `max_seconds` (while waiting for workers)."""
        if self.db.conn.in_transaction and time.monotonic() - self.began >= self.max_seconds:
            self.commit()

    def commit(self) -> None:
        self._index()
        if self.db.conn.in_transaction:
            self.db.conn.execute("COMMIT")
        self.writes = 0
        self.began_here = False

    def _index(self) -> None:
        """Index the full-text rows of the paragraphs saved that are still there (a document saved
        and then replaced or forgotten in the same transaction took its paragraphs away)."""
        pending, self.index_rows = self.index_rows, {}
        if not pending or not self.db.conn.in_transaction:
            return
        stored = {
            r[0]
            for r in self.db.conn.execute(
                "select id from paragraphs where id between ? and ?", [min(pending), max(pending)]
            )
        }
        _index(self.db, sorted((pid, text) for pid, text in pending.items() if pid in stored))


# The Batch writing on a connection, with which save() leaves its full-text rows.
_BATCHES: weakref.WeakKeyDictionary[sqlite_utils.Database, Batch] = weakref.WeakKeyDictionary()


def _index_later(db: sqlite_utils.Database) -> dict[int, str] | None:
    """Where to leave full-text rows for the commit (the open batch's), or None: index them now."""
    batch = _BATCHES.get(db)
    if batch is not None and batch.began_here and db.conn.in_transaction:
        return batch.index_rows
    return None


def link_path(db: sqlite_utils.Database, document_id: str, state: FileState) -> None:
    """Record that `state.path` holds the stored document `document_id` (a duplicate, or touched)."""
    with db.atomic():
        _unlink_other(db, state.path, document_id)
        _upsert_path(db, document_id, state)


def forget_path(db: sqlite_utils.Database, path: str) -> None:
    """Forget a path whose file is gone: its error, its link, and its document if no other path has it."""
    with db.atomic():
        _unlink_other(db, path, None)
        db.execute("delete from ingest_errors where path = ?", [path])


def save(
    db: sqlite_utils.Database,
    document_id: str,
    state: FileState,
    document: Document,
    record: Record,
    folded: Sequence[str] | None = None,
) -> None:
    """Store one document with its paragraphs and its record, replacing what it replaces, atomically.

    `folded` holds `fold()` of each paragraph's text when the caller made it (a worker process).
    """
    write(db, document_id, state, document_rows(document, record, folded))


def write(db: sqlite_utils.Database, document_id: str, state: FileState, rows: DocumentRows) -> None:
    """Store one document given as rows (`document_rows`), replacing what it replaces, atomically."""
    cache = _EntityCache.of(db)
    cache.check(db)
    later = _index_later(db)
    index_rows: list[tuple[int, str]] = []
    try:
        with db.atomic():
            _unlink_other(db, state.path, document_id)
            head = (state.path, state.size, state.mtime, now(), EXTRACTOR_VERSION, *rows.document)
            if has_document(db, document_id):
                _delete_document_rows(db, document_id)
                db.conn.execute(_DOCUMENT_UPDATE_SQL, (*head, document_id))
            else:
                db.conn.execute(_DOCUMENT_SQL, (document_id, *head))
            first = _save_paragraphs(db, document_id, rows, index_rows)
            _save_record(db, document_id, first, rows)
            _upsert_path(db, document_id, state)
            if later is None:
                _index(db, index_rows)
    except BaseException:
        cache.clear()  # the rows it learnt were rolled back
        raise
    if later is not None:  # the document is saved: its rows go to the index at the batch's commit
        later.update(index_rows)


def record_error(db: sqlite_utils.Database, path: str, error_class: str, message: str) -> None:
    """Keep the latest error of `path` in `ingest_errors` (one line); nothing else is touched."""
    with db.atomic():
        db.execute("delete from ingest_errors where path = ?", [path])
        row = {"path": path, "error_class": error_class, "message": " ".join(message.split()), "occurred_at": now()}
        _insert(db, "ingest_errors", [row])


def has_error(db: sqlite_utils.Database, path: str) -> bool:
    """Whether `ingest_errors` holds an error of `path`."""
    return db.execute("select 1 from ingest_errors where path = ?", [path]).fetchone() is not None


def clear_error(db: sqlite_utils.Database, path: str) -> None:
    """Forget the error of `path` (a folder that can be listed again)."""
    with db.atomic():
        db.execute("delete from ingest_errors where path = ?", [path])


def _insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> int:
    """Insert rows that share their keys in one statement; return the last row's id."""
    if not rows:
        return 0
    columns = list(rows[0])
    names = ", ".join(f"[{c}]" for c in columns)
    sql = f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})"
    if len(rows) == 1:
        # an INSERT always sets lastrowid (None only before a cursor's first INSERT)
        return cast(int, db.conn.execute(sql, [rows[0][c] for c in columns]).lastrowid)
    db.conn.executemany(sql, ([row[c] for c in columns] for row in rows))
    return db.conn.execute("select last_insert_rowid()").fetchone()[0]


def _update(db: sqlite_utils.Database, table: str, row_id: object, values: dict) -> None:
    """Set `values` on the row `row_id` of `table`."""
    sets = ", ".join(f"[{c}] = ?" for c in values)
    db.conn.execute(f"update [{table}] set {sets} where [{_PKS[table]}] = ?", [*values.values(), row_id])


def _upsert_path(db: sqlite_utils.Database, document_id: str, state: FileState) -> None:
    # Looked up first: an UPDATE (or an upsert, which may update) inside the document's savepoint
    # cost 0.6 ms, ten times a plain INSERT of a new path, the common case.
    values = [document_id, state.size, state.mtime, state.path]
    if db.conn.execute("select 1 from document_paths where path = ?", [state.path]).fetchone():
        db.conn.execute("update document_paths set document_id = ?, size = ?, mtime = ? where path = ?", values)
    else:
        db.conn.execute("insert into document_paths (document_id, size, mtime, path) values (?, ?, ?, ?)", values)
    db.conn.execute("delete from ingest_errors where path = ?", [state.path])


def _unlink_other(db: sqlite_utils.Database, path: str, document_id: str | None) -> None:
    """`path` now holds `document_id` (or nothing): drop its link to another document, and that document if orphaned."""
    row = db.execute("select document_id from document_paths where path = ?", [path]).fetchone()
    if row is None or row[0] == document_id:
        return
    old_id = row[0]
    db.execute("delete from document_paths where path = ?", [path])
    other = db.execute("select path from document_paths where document_id = ? order by path", [old_id]).fetchone()
    if other is None:
        delete_document(db, old_id)
    else:
        db.execute("update documents set path = ? where id = ? and path = ?", [other[0], old_id, path])


def delete_document(db: sqlite_utils.Database, document_id: str) -> None:
    """Delete a document, its paragraphs and its record's rows (call inside a transaction)."""
    _delete_document_rows(db, document_id)
    db.execute("delete from document_paths where document_id = ?", [document_id])
    db.execute("delete from documents where id = ?", [document_id])


def _delete_document_rows(db: sqlite_utils.Database, document_id: str) -> None:
    """Delete what hangs off a document (not the row itself), then entities nothing refers to."""
    touched = {
        entity: {
            r[0]
            for table, column in refs
            for r in db.execute(
                f"select distinct [{column}] from [{table}] where document_id = ? and [{column}] is not null",
                [document_id],
            )
        }
        for entity, refs in _REFERENCES.items()
    }
    for table in _DOCUMENT_ROWS:
        db.execute(f"delete from [{table}] where document_id = ?", [document_id])
    db.execute(
        f"delete from {FTS_TABLE} where rowid in (select id from paragraphs where document_id = ?)", [document_id]
    )
    db.execute("delete from paragraphs where document_id = ?", [document_id])
    for entity, ids in touched.items():
        for entity_id in ids:
            if not any(
                db.execute(f"select 1 from [{table}] where [{column}] = ? limit 1", [entity_id]).fetchone()
                for table, column in _REFERENCES[entity]
            ):
                db.execute(f"delete from [{entity}] where id = ?", [entity_id])
                _EntityCache.of(db).clear()


# Where a mention stands, as a row: the paragraph's position in DocumentRows.paragraphs (None when
# the span names no paragraph of the document), start, end, text.
SpanRow = tuple[int | None, int, int, str]
_NO_SPAN: tuple[SpanRow | tuple[None, None, None, None], ...] = ((None, None, None, None),)

# The columns of `documents` that a DocumentRows carries, in order (the others: id, path, size,
# mtime and ingested_at are the writer's, extractor_version the installed one).
_DOCUMENT_COLUMNS = (
    "format",
    "title",
    "kind",
    "symbol",
    "symbol_key",
    "issued_date",
    "year",
    "issuer",
    "signer",
    "province",
    "chars",
    "ocr",
    "ocr_confidence",
    "encoding",
)
_DOCUMENT_SQL = (
    "insert into documents (id, path, size, mtime, ingested_at, extractor_version, "
    + ", ".join(_DOCUMENT_COLUMNS)
    + f") values ({', '.join('?' * (6 + len(_DOCUMENT_COLUMNS)))})"
)
_DOCUMENT_UPDATE_SQL = (
    "update documents set path = ?, size = ?, mtime = ?, ingested_at = ?, extractor_version = ?, "
    + ", ".join(f"{c} = ?" for c in _DOCUMENT_COLUMNS)
    + " where id = ?"
)


@dataclass(frozen=True)
class DocumentRows:
    """A document and its record as the values of their rows, made where the document was extracted
    (an ingest worker): plain tuples of text and numbers, light to send and to load, from which
    `write` inserts every row without an object per row. Entities are given by their folded key,
    since only the writer knows their ids.

    Each mention's span is a SpanRow. The tuples, field by field:
    document: the values of _DOCUMENT_COLUMNS;
    paragraphs: (seq, kind, text, ocr_confidence), with `folded` the folded text of each;
    citations: (the cited document's values, in _CITED_VALUES order; its spans);
    organizations: (key, name, kind, province, spans); persons: (key, name, role, spans);
    locations: (key, name, level, province, merged_into, now_in, spans);
    emulation_groups, award_types: (key, name, spans);
    awards: (award key, award, recipient key, recipient, recipient kind, grantor, grantor key, year,
    status, decision, decision's symbol key, span or None).
    """

    document: tuple
    paragraphs: tuple[tuple[int, str, str, float | None], ...]
    folded: tuple[str, ...]
    citations: tuple = ()
    organizations: tuple = ()
    persons: tuple = ()
    locations: tuple = ()
    emulation_groups: tuple = ()
    award_types: tuple = ()
    awards: tuple = ()

    @property
    def text_bytes(self) -> int:
        """The UTF-8 size of the paragraphs' text (what throughput is counted in)."""
        return sum(len(p[2].encode("utf-8")) for p in self.paragraphs)


def document_rows(document: Document, record: Record, folded: Sequence[str] | None = None) -> DocumentRows:
    """The rows of a document and its record (`folded`: fold() of each paragraph, when made already)."""
    paragraphs = document.paragraphs
    if folded is None or len(folded) != len(paragraphs):
        folded = [fold(p.text) for p in paragraphs]
    at = {p.seq: i for i, p in enumerate(paragraphs)}.get

    def spans(items: Sequence[Span]) -> tuple:
        return tuple((at(s.paragraph), s.start, s.end, s.text) for s in items)

    h = record.header
    return DocumentRows(
        document=(
            document.format,
            h.title,
            h.kind,
            h.symbol,
            symbol_key(h.symbol),
            h.issued_date,
            h.year,
            h.issuer,
            h.signer,
            h.province,
            document.chars,
            int(document.ocr),
            document.ocr_confidence,
            document.encoding,
        ),
        paragraphs=tuple((p.seq, p.kind, p.text, p.ocr_confidence) for p in paragraphs),
        folded=tuple(folded),
        citations=tuple((_cited_values(ref), spans(ref.spans)) for ref in record.legal_refs),
        organizations=tuple(
            (fold_key(o.name), o.name, o.kind, o.province, spans(o.spans)) for o in record.organizations
        ),
        persons=tuple((fold_key(p.name), p.name, p.role, spans(p.spans)) for p in record.persons),
        locations=tuple(
            (_location_key(loc), loc.name, loc.level, loc.province, loc.merged_into, loc.now_in, spans(loc.spans))
            for loc in record.locations
        ),
        emulation_groups=tuple((fold_key(g.name), g.name, spans(g.spans)) for g in record.emulation_groups),
        award_types=tuple((fold_key(t.name), t.name, spans(t.spans)) for t in record.award_types),
        awards=tuple(
            (
                fold_key(a.award),
                a.award,
                fold_key(a.recipient),
                a.recipient,
                a.recipient_kind,
                a.grantor,
                fold_key(a.grantor) if a.grantor else None,
                a.year,
                a.status,
                a.decision,
                symbol_key(a.decision),
                spans(a.spans[:1])[0] if a.spans else None,
            )
            for a in record.awards
        ),
    )


def _location_key(loc: Location) -> str:
    key = "|".join((fold_key(loc.name), loc.level or "", fold_key(loc.province)))
    if loc.now_in and loc.level in COMMUNE_LEVELS:
        key += "|" + fold_key(loc.now_in)  # two communes of one name and province, in different places now
    return key


def _save_paragraphs(
    db: sqlite_utils.Database, document_id: str, rows: DocumentRows, index_rows: list[tuple[int, str]]
) -> int:
    """Insert the paragraphs, add their full-text rows to `index_rows`; return the first one's id
    (the others follow in order).

    Ids are given here, after the largest one (what SQLite would choose), so the full-text rows
    go in with one statement and no read back.
    """
    first = db.conn.execute("select coalesce(max(id), 0) + 1 from paragraphs").fetchone()[0]
    db.conn.executemany(
        "insert into paragraphs (id, document_id, seq, kind, text, ocr_confidence) values (?, ?, ?, ?, ?, ?)",
        [(first + i, document_id, *p) for i, p in enumerate(rows.paragraphs)],
    )
    index_rows.extend(zip(range(first, first + len(rows.folded)), rows.folded))
    return first


def _index(db: sqlite_utils.Database, rows: list[tuple[int, str]]) -> None:
    """Add full-text rows (paragraphs.id, folded text) to the index."""
    db.conn.executemany(f"insert into {FTS_TABLE} (rowid, text_folded) values (?, ?)", rows)


# ---------------------------------------------------------------- the record


def _save_record(db: sqlite_utils.Database, document_id: str, first_paragraph: int, rows: DocumentRows) -> None:
    """Insert the rows of the record: entities looked up (or inserted) by key, then the mentions
    and award events of each table in one statement."""
    out = _Rows(document_id, first_paragraph)
    cited: dict[str, int] = {}
    citations = out.table("citations", ("cited_document_id",))
    for values, spans in rows.citations:
        cited_id = _cited_document_id(db, _Cited(dict(zip(_CITED_VALUES, values))))
        if values[_CITED_SYMBOL]:
            cited.setdefault(values[_CITED_SYMBOL_KEY] or "", cited_id)
        out.add(citations, (cited_id,), spans)
    mentions = out.table("organization_mentions", ("organization_id",))
    for key, name, kind, province, spans in rows.organizations:
        out.add(mentions, (_lookup(db, "organizations", key, {"name": name}, kind=kind, province=province),), spans)
    mentions = out.table("person_mentions", ("person_id", "role"))
    for key, name, role, spans in rows.persons:
        out.add(mentions, (_lookup(db, "persons", key, {"name": name}), role), spans)
    mentions = out.table("location_mentions", ("location_id",))
    for key, name, level, province, merged_into, now_in, spans in rows.locations:
        values = {"name": name, "level": level, "province": province}
        out.add(mentions, (_lookup(db, "locations", key, values, merged_into=merged_into, now_in=now_in),), spans)
    mentions = out.table("emulation_group_mentions", ("emulation_group_id",))
    for key, name, spans in rows.emulation_groups:
        out.add(mentions, (_lookup(db, "emulation_groups", key, {"name": name}),), spans)
    mentions = out.table("award_type_mentions", ("award_type_id",))
    for key, name, spans in rows.award_types:
        out.add(mentions, (_lookup(db, "award_types", key, {"name": name}),), spans)
    events = out.table("award_events", _AWARD_COLUMNS)
    for award in rows.awards:
        out.add(events, _award_values(db, award, cited), (award[-1],) if award[-1] else ())
    out.insert(db)


_AWARD_COLUMNS = (
    "award_type_id",
    "award",
    "recipient",
    "recipient_kind",
    "recipient_organization_id",
    "recipient_person_id",
    "grantor",
    "grantor_organization_id",
    "year",
    "status",
    "decision",
    "cited_document_id",
)


class _Rows:
    """The rows of a document's mention tables, gathered to be inserted one statement a table."""

    def __init__(self, document_id: str, first_paragraph: int):
        self.document_id = document_id
        self.first = first_paragraph
        self.tables: dict[str, tuple[tuple[str, ...], list[tuple]]] = {}

    def table(self, name: str, columns: tuple[str, ...]) -> list[tuple]:
        """The list of rows of table `name` (whose own columns before the span's are `columns`)."""
        return self.tables.setdefault(name, ((*columns, *_SPAN_COLUMNS), []))[1]

    def add(self, rows: list[tuple], values: tuple, spans: tuple) -> None:
        """One row per span (one without a span when there is none), linked to document and paragraph."""
        head = (*values, self.document_id)
        first = self.first
        if not spans:
            rows.append((*head, None, None, None, None))
            return
        rows.extend((*head, None if i is None else first + i, start, end, text) for i, start, end, text in spans)

    def insert(self, db: sqlite_utils.Database) -> None:
        for table, (columns, rows) in self.tables.items():
            if rows:
                names = ", ".join(f"[{c}]" for c in columns)
                db.conn.executemany(f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})", rows)


class _EntityCache:
    """Entity ids by table and key, with the columns known to be filled, kept between documents.

    It holds while this connection is the only writer: `check()` empties it when another
    connection has committed (PRAGMA data_version), and deleting or rolling back entities empties
    their part. It is emptied when it grows past `limit` entries, so its memory stays bounded.
    """

    _of: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    limit = 60_000  # ids by key: about 300 bytes each, under 20 MB
    cited_limit = 20_000  # cited_documents rows, about 1.5 KB each: under 30 MB

    def __init__(self) -> None:
        self.data_version: int | None = None
        self.rows: dict[tuple[str, str], tuple[int, frozenset[str]]] = {}
        self.cited: dict[str, list[_Cited]] = {}  # cited_documents rows by ident
        self.cited_rows = 0

    @classmethod
    def of(cls, db: sqlite_utils.Database) -> _EntityCache:
        cache = cls._of.get(db)
        if cache is None:
            cache = cls._of[db] = cls()
        return cache

    def check(self, db: sqlite_utils.Database) -> None:
        version = db.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self.data_version or len(self.rows) > self.limit or self.cited_rows > self.cited_limit:
            self.clear()
            self.data_version = version

    def clear(self) -> None:
        self.rows.clear()
        self.cited.clear()
        self.cited_rows = 0


def _lookup(db: sqlite_utils.Database, table: str, key: str, values: dict, **fill: object) -> int:
    """The id of the row with `key`, inserted with `values` if new; `fill` sets columns still null."""
    cache = _EntityCache.of(db).rows
    known = {c: v for c, v in fill.items() if v is not None}
    cached = cache.get((table, key))
    if cached is not None and cached[1].issuperset(known):
        return cached[0]
    row = (cached[0],) if cached else db.conn.execute(f"select id from [{table}] where key = ?", [key]).fetchone()
    if row is None:
        row_id = _insert(db, table, [{"key": key, **values, **fill}])
        cache[(table, key)] = (row_id, frozenset(known))
        return row_id
    if known:
        sets = ", ".join(f"[{c}] = coalesce([{c}], ?)" for c in known)
        db.conn.execute(f"update [{table}] set {sets} where id = ?", [*known.values(), row[0]])
    cache[(table, key)] = (row[0], frozenset(known) | (cached[1] if cached else frozenset()))
    return row[0]


def _award_values(db: sqlite_utils.Database, award: tuple, cited: dict[str, int]) -> tuple:
    """The values of an award event's row (_AWARD_COLUMNS) from its DocumentRows tuple."""
    award_key, name, key, recipient, kind, grantor, grantor_key, year, status, decision, decision_key, _ = award
    org_id = person_id = None
    if kind in (None, "organization"):
        org_id = _find(db, "organizations", key)
        if org_id is None and kind == "organization":
            org_id = _lookup(db, "organizations", key, {"name": recipient})
    if kind in (None, "person") and org_id is None:
        person_id = _find(db, "persons", key)
        if person_id is None and kind == "person":
            person_id = _lookup(db, "persons", key, {"name": recipient})
    return (
        _lookup(db, "award_types", award_key, {"name": name}),
        name,
        recipient,
        kind,
        org_id,
        person_id,
        grantor,
        _find(db, "organizations", grantor_key) if grantor else None,
        year,
        status,
        decision,
        _decision_id(db, decision_key, cited),
    )


def _find(db: sqlite_utils.Database, table: str, key: str) -> int | None:
    """The id of the row with `key`, or None."""
    cached = _EntityCache.of(db).rows.get((table, key))
    if cached is not None:
        return cached[0]
    row = db.conn.execute(f"select id from [{table}] where key = ?", [key]).fetchone()
    return row[0] if row else None


def _decision_id(db: sqlite_utils.Database, key: str | None, cited: dict[str, int]) -> int | None:
    """The cited document an award's decision (its symbol key) names: one this document cites, else the only one known."""
    if key is None:
        return None
    if key in cited:
        return cited[key]
    rows = db.conn.execute("select id from cited_documents where symbol_key = ? limit 2", [key]).fetchall()
    return rows[0][0] if len(rows) == 1 else None


# ---------------------------------------------------------------- cited documents

# A cited document is known by its symbol (or, for a law cited by name, its name) and told
# apart from others with the same symbol by its type, issuer, year and date. A citation that
# leaves one of these out is compatible with any value of it.


@dataclass(frozen=True)
class _Cited:
    """A cited document's columns, as a citation or a stored row gives them."""

    values: dict = field(hash=False)  # not changed once made: the properties below are computed once

    @cached_property
    def distinguishing(self) -> tuple:
        v = self.values
        return (fold_key(v["doc_type"]) or None, fold_key(v["issuer"]) or None, v["year"], v["issued_date"])

    @cached_property
    def key(self) -> str:
        return "|".join([self.values["ident"], *("" if d is None else str(d) for d in self.distinguishing)])

    def compatible(self, other: _Cited) -> bool:
        """Nothing known of one contradicts the other. A number whose symbol carries no year
        ("234/SL", "11/NQ-CP", "354/QĐ-UBND") is given again every year: a citation of it without a
        year is not the dated one of another document, nor is a dated one the undated row. Nor is a law
        cited by name alone ("Luật Đất đai", "Luật Tổ chức Chính phủ"): the Quốc hội passes a law of that
        name again every few years, and which one the writer means the text does not say."""
        if (self.numbered_yearly or self.by_name) and (self.values["year"] is None) != (other.values["year"] is None):
            return False
        return all(a is None or b is None or a == b for a, b in zip(self.distinguishing, other.distinguishing))

    @cached_property
    def by_name(self) -> bool:
        return self.values["ident"].startswith("name:")

    @cached_property
    def numbered_yearly(self) -> bool:
        return bool(self.values["symbol"]) and _year_in_symbol(self.values["symbol"]) is None


_CITED_VALUES = (
    "ident",
    "label",
    "doc_type",
    "symbol",
    "symbol_key",
    "number",
    "code",
    "year",
    "issued_date",
    "issuer",
    "subject",
)
_CITED_SYMBOL, _CITED_SYMBOL_KEY = _CITED_VALUES.index("symbol"), _CITED_VALUES.index("symbol_key")


def _cited_values(ref: LegalRef) -> tuple:
    """The columns of the document `ref` cites, in _CITED_VALUES order."""
    skey = symbol_key(ref.symbol)
    if skey:
        ident = skey
    elif ref.subject:
        ident = "name:" + fold_key(ref.subject)
    else:
        ident = "number:" + (ref.number or "")
    if ref.symbol or not ref.subject:
        label = " ".join(x for x in (ref.doc_type, ref.symbol or ref.number) if x) or "?"
    else:
        label = ref.subject  # a law cited by name: "Luật Thi đua, khen thưởng"
    year = ref.year or _year(ref.issued_date) or _year_in_symbol(ref.symbol)
    return (
        ident,
        label,
        ref.doc_type,
        ref.symbol,
        skey,
        ref.number,
        ref.code,
        year,
        ref.issued_date,
        ref.issuer,
        ref.subject,
    )


def _year(iso_date: str | None) -> int | None:
    return int(iso_date[:4]) if iso_date and iso_date[:4].isdigit() else None


def _year_in_symbol(symbol: str | None) -> int | None:
    match = _YEAR_IN_SYMBOL_RE.search(symbol or "")
    return int(match.group(1)) if match else None


_CITED_NAMES = tuple(next(t for t in TABLES if t.name == "cited_documents").columns)
_CITED_COLUMNS = ", ".join(f"[{c}]" for c in _CITED_NAMES)


def cited_document_id(db: sqlite_utils.Database, ref: LegalRef) -> int:
    """The row of the document `ref` cites, inserted if new.

    The same (type, symbol, issuer, year, date) is one row. A citation that leaves some of
    them out resolves to the one compatible row when there is exactly one, and completes it.
    """
    return _cited_document_id(db, _Cited(dict(zip(_CITED_VALUES, _cited_values(ref)))))


def _cited_document_id(db: sqlite_utils.Database, new: _Cited) -> int:
    """The row of the cited document `new`, inserted if new (see cited_document_id)."""
    ident = new.values["ident"]
    cache = _EntityCache.of(db)
    rows = cache.cited.get(ident)
    if rows is None:
        found = db.conn.execute(f"select {_CITED_COLUMNS} from cited_documents where ident = ?", [ident])
        rows = cache.cited[ident] = [_Cited(dict(zip(_CITED_NAMES, r))) for r in found]
        cache.cited_rows += len(rows)
    exact = [r for r in rows if r.key == new.key]
    compatible = exact or [r for r in rows if r.compatible(new)]
    if len(compatible) == 1:
        return _complete(db, rows, compatible[0], new)
    row = {"key": new.key, **new.values}
    row_id = _insert(db, "cited_documents", [row])
    rows.append(_Cited({"id": row_id, **row}))
    cache.cited_rows += 1
    return row_id


def _complete(db: sqlite_utils.Database, rows: list[_Cited], row: _Cited, new: _Cited) -> int:
    """Fill the row's unknown columns from a citation that knows them, re-key it, return its id."""
    filled = {c: v for c, v in new.values.items() if v is not None and row.values.get(c) is None}
    if filled:
        merged = _Cited({**row.values, **filled})
        merged.values["key"] = merged.key
        _update(db, "cited_documents", row.values["id"], {**filled, "key": merged.key})
        rows[rows.index(row)] = merged
    return row.values["id"]


# ---------------------------------------------------------------- comparing databases

_WRITE_TIMES = {"documents": "ingested_at", "ingest_errors": "occurred_at"}


def contents(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    """Every row of every table and of the full-text index, in key order, without the times they
    were written at: two ingests of the same files give equal contents."""
    out = {}
    for table in TABLES:
        columns = [c for c in table.columns if c != _WRITE_TIMES.get(table.name)]
        names = ", ".join(f"[{c}]" for c in columns)
        order = "path" if table.name == "ingest_errors" else table.pk
        out[table.name] = db.execute(f"select {names} from [{table.name}] order by [{order}]").fetchall()
    out[FTS_TABLE] = db.execute(f"select rowid, text_folded from {FTS_TABLE} order by rowid").fetchall()
    return out


# ---------------------------------------------------------------- bulk loads

# The indexes the writer itself looks rows up by: entities by key, cited documents by ident and
# symbol, paths and errors. The others serve the readers (the web pages, queries by document).
_WRITER_INDEXES = {
    ("cited_documents", ("ident",)),
    ("cited_documents", ("symbol_key",)),
    ("document_paths", ("document_id",)),
    ("ingest_errors", ("path",)),
}


def _index_name(table: str, columns: tuple[str, ...]) -> str:
    return f"idx_{table}_{'_'.join(columns)}"  # sqlite_utils' name, which ensure_schema gives


class BulkLoad:
    """The writer's settings for one ingest.

    Foreign keys are not checked while it writes (the writer links every row itself, and checking
    cost a third of its time; `PRAGMA foreign_key_check` in the tests proves the links). On a
    database without documents (a first ingest), the indexes only readers use are dropped and
    built once at the end, from sorted rows, instead of being kept up row by row: a run that is
    interrupted leaves them to the next `open_db`, which builds what is missing.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.foreign_keys = db.execute("PRAGMA foreign_keys").fetchone()[0]
        db.execute("PRAGMA foreign_keys = OFF")
        self.deferred: list[tuple[Table, tuple[str, ...]]] = []
        if db.execute("select 1 from documents limit 1").fetchone() is None:
            self.deferred = [
                (table, columns)
                for table in TABLES
                for columns in (*table.indexes, *(u for u in table.unique if table.name == "paragraphs"))
                if (table.name, columns) not in _WRITER_INDEXES
            ]
            with db.atomic():
                for table, columns in self.deferred:
                    db.execute(f"drop index if exists [{_index_name(table.name, columns)}]")

    def finish(self, build: bool = True) -> None:
        """Build the deferred indexes (unless `build` is false) and check foreign keys again."""
        if build and self.deferred:
            with self.db.atomic():
                for table, columns in self.deferred:
                    self.db.table(table.name).create_index(columns, unique=columns in table.unique, if_not_exists=True)
            self.deferred = []
        if self.foreign_keys:
            self.db.execute("PRAGMA foreign_keys = ON")
