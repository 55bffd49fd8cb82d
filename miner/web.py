"""Datasette plugin hooks and the served configuration.

Registered through the `datasette` entry point, so a plain `datasette db/reports.db` gets the
SQL functions and the metadata as well as `miner serve`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from datasette import hookimpl

from .normalize import fold, fold_key
from .store import FTS_TABLE, TABLES, award_type_columns, symbol_key

TITLE = "miner: Văn bản hành chính / Vietnamese administrative documents"
DESCRIPTION = (
    "Báo cáo, quyết định, kế hoạch ... đã nạp, với trích dẫn, cơ quan, cá nhân, địa danh và khen thưởng "
    "trích xuất từ nội dung. Tìm kiếm đoạn văn có dấu hay không dấu đều được. / "
    "Reports, decisions, plans ... with the citations, organisations, persons, places and awards "
    "extracted from them. Paragraph search works with or without diacritics."
)
# Datasette settings for `miner serve`: long paragraphs are cut in table views.
SETTINGS = {"truncate_cells_html": 300, "sql_time_limit_ms": 3000}

# How each table is shown: what names a row, the default order, search, facets.
_TABLE_OPTIONS: dict[str, dict] = {
    "documents": {"label_column": "title", "sort_desc": "issued_date", "facets": ["kind", "year", "province"]},
    "document_paths": {"sort": "path"},
    # Paragraph ids are given in (document, seq) order, so the primary key is that order.
    "paragraphs": {
        "label_column": "text",
        "fts_table": FTS_TABLE,
        "fts_pk": "id",
        "searchmode": "escaped",
        "facets": ["kind"],
    },
    "cited_documents": {"label_column": "label", "sort": "label", "facets": ["doc_type", "year", "issuer"]},
    "organizations": {"label_column": "name", "sort": "name", "facets": ["kind", "province"]},
    "persons": {"label_column": "name", "sort": "name"},
    "locations": {"label_column": "name", "sort": "name", "facets": ["level", "province"]},
    "emulation_groups": {"label_column": "name", "sort": "name"},
    "award_types": {"label_column": "name", "sort": "name"},
    "award_events": {"label_column": "award", "facets": ["award", "year", "grantor", "status"]},
    "ingest_errors": {"sort_desc": "occurred_at", "facets": ["error_class"]},
}
TABLES_BY_NAME = {t.name: t for t in TABLES}
_TAXONOMY_COLUMN = (
    "Cột của bảng phân loại khen thưởng (miner/data/award_types.tsv)",
    "Column of the award taxonomy (miner/data/award_types.tsv)",
)


@lru_cache(maxsize=1)
def descriptions() -> dict[tuple[str, str], tuple[str, str]]:
    """{(table, column): (vi, en)} from miner/data/schema_descriptions.tsv; column "" is the table."""
    text = resources.files("miner").joinpath("data", "schema_descriptions.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {(table, column): (vi, en) for table, column, vi, en in rows[1:]}


def describe(table: str, column: str = "") -> str | None:
    """ "Vietnamese / English" for a table or column, or None when undescribed."""
    found = descriptions().get((table, column)) or (descriptions().get(("*", column)) if column else None)
    if found is None and table == "award_types" and column:
        found = _TAXONOMY_COLUMN
    return f"{found[0]} / {found[1]}" if found else None


def table_metadata(table: str, columns: list[str]) -> dict:
    """The metadata of one table: its description, its columns' and how it is shown."""
    return {
        "description": describe(table),
        "columns": {c: describe(table, c) for c in columns if describe(table, c)},
        **_TABLE_OPTIONS.get(table, {}),
    }


def database_metadata() -> dict:
    """The metadata of a miner database: every table of the schema, the FTS index hidden."""
    tables = {t.name: table_metadata(t.name, list(t.columns)) for t in TABLES}
    tables["award_types"] = table_metadata("award_types", [*TABLES_BY_NAME["award_types"].columns, *award_type_columns()])
    tables[FTS_TABLE] = {"hidden": True}
    return {"description": DESCRIPTION, "tables": tables}


def metadata(database_names: list[str]) -> dict:
    """Datasette metadata for an instance serving these miner databases."""
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {name: database_metadata() for name in database_names},
    }


@hookimpl
def prepare_connection(conn) -> None:
    """SQL functions: fold(text), fold_key(text) and symbol_key(text), for matching as miner does."""
    conn.create_function("fold", 1, _or_none(fold), deterministic=True)
    conn.create_function("fold_key", 1, _or_none(fold_key), deterministic=True)
    conn.create_function("symbol_key", 1, symbol_key, deterministic=True)


def _or_none(fn):
    return lambda text: None if text is None else fn(str(text))


@hookimpl
def get_metadata(datasette, key, database, table) -> dict:
    """The project's metadata for every file database served (user metadata still wins)."""
    names = tuple(name for name, db in datasette.databases.items() if not db.is_memory)
    # Datasette asks dozens of times per page and merges into what it gets: a fresh copy each time.
    return json.loads(_metadata_json(names))


@lru_cache(maxsize=16)
def _metadata_json(names: tuple[str, ...]) -> str:
    return json.dumps(metadata(list(names)), ensure_ascii=False)


def make_datasette(db_path: str | Path):
    """A Datasette over one miner database, with the project's settings."""
    from datasette.app import Datasette  # not at import: Datasette imports this plugin

    return Datasette([str(db_path)], settings=SETTINGS)


def serve(db_path: str | Path, host: str, port: int) -> None:
    """Serve the database until interrupted, as `datasette serve` does."""
    import uvicorn
    from datasette.cli import run_sync

    ds = make_datasette(db_path)
    run_sync(ds.invoke_startup)
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on")
