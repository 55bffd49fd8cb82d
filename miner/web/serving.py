"""`miner serve`'s Datasette: the project's settings, its safety options, and the check that the
file given is a miner database before anything is served from it."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

# Datasette settings for `miner serve`: long paragraphs are cut in table views; no suggested
# facets (each suggestion is a query over every matching row: on a million paragraphs a search
# spent most of its time suggesting them).
SETTINGS = {"truncate_cells_html": 300, "sql_time_limit_ms": 3000, "facet_time_limit_ms": 500, "suggest_facets": False}
# The environment variable holding the password hash that `miner serve` asks for (made with
# `datasette hash-password`); the actor who logs in with it at /-/login is "admin".
PASSWORD_ENV = "MINER_PASSWORD_HASH"
_PASSWORD_HASH_RE = re.compile(r"pbkdf2_sha256\$\d+\$[^$\s]+\$[^$\s]+")
_SQLITE_MAGIC = b"SQLite format 3\x00"
# The tables without which a file is no miner database.
REQUIRED_TABLES = ("documents", "paragraphs", "cited_documents", "citations")


def database_problem(path: str | Path) -> str | None:
    """Why a file cannot be served as a miner database (one line with the remedy), or None."""
    from ..store import FTS_TABLE, SCHEMA_VERSION

    path = Path(path)
    if not path.exists():
        return f"{path} does not exist: run `miner ingest ARCHIVE --db {path}` first"
    if not path.is_file():
        return f"{path} is not a file: give the database file `miner ingest` wrote"
    with open(path, "rb") as f:
        head = f.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC:
        what = "an empty file" if not head else "not an SQLite database"
        return f"{path} is not a miner database ({what}): give the file `miner ingest --db` wrote"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
            version = conn.execute("pragma user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"{path} is damaged ({exc}): run `sqlite3 {path} .recover` into a new file, or ingest again"
    missing = [t for t in (*REQUIRED_TABLES, FTS_TABLE) if t not in tables]
    if missing:
        return f"{path} is an SQLite database but not a miner database (no {', '.join(missing)}): ingest into it first"
    if version > SCHEMA_VERSION:
        return f"{path} was written by a newer miner (schema {version}, this one reads {SCHEMA_VERSION}): update miner"
    if version < SCHEMA_VERSION:
        return (
            f"{path} was written by an older miner (schema {version}, this one serves {SCHEMA_VERSION}): "
            f"run `miner ingest ARCHIVE --db {path}` once to bring it up to date"
        )
    return None


def password_hash_problem(value: str) -> str | None:
    """Why a password hash cannot be used, or None when it looks like one `datasette hash-password` makes."""
    if _PASSWORD_HASH_RE.fullmatch(value.strip()):
        return None
    return f"{PASSWORD_ENV} is not a password hash: make one with `.venv/bin/datasette hash-password`"


def serving_metadata(allow_sql: bool = True, password: bool = False) -> dict:
    """The instance's own metadata: no arbitrary SQL, and/or a login (the hash read from the environment)."""
    metadata: dict = {}
    if not allow_sql:
        metadata["allow_sql"] = False
    if password:
        metadata["allow"] = {"id": "admin"}
        metadata["plugins"] = {"datasette-auth-passwords": {"admin_password_hash": {"$env": PASSWORD_ENV}}}
    return metadata


def make_datasette(db_path: str | Path, allow_sql: bool = True, password: bool = False):
    """A Datasette over one miner database, with the project's settings (and its safety options)."""
    from datasette.app import Datasette  # not at import: Datasette imports this plugin

    if password:
        problem = password_hash_problem(os.environ.get(PASSWORD_ENV, ""))
        if problem:
            raise ValueError(problem)
    return Datasette([str(db_path)], settings=SETTINGS, metadata=serving_metadata(allow_sql, password))


def serve(db_path: str | Path, host: str, port: int, allow_sql: bool = True, password: bool = False) -> None:
    """Serve the database until interrupted, as `datasette serve` does.

    uvicorn reads a request head of up to READ_LIMIT, so that a longer address is answered 414 by
    the guard; past READ_LIMIT MinerH11Protocol answers 414 itself and closes without a reset.
    The access log writes a long address by its start and its length.
    """
    import logging

    import uvicorn
    from datasette.cli import run_sync

    from .http_protocol import READ_LIMIT, MinerH11Protocol, ShortAddresses

    ds = make_datasette(db_path, allow_sql=allow_sql, password=password)
    run_sync(ds.invoke_startup)
    logging.getLogger("uvicorn.access").addFilter(ShortAddresses())  # kept by uvicorn's logging setup
    uvicorn.run(
        ds.app(),
        host=host,
        port=port,
        log_level="info",
        lifespan="on",
        http=MinerH11Protocol,
        h11_max_incomplete_event_size=READ_LIMIT,
    )
