"""The metadata Datasette serves for a miner database: titles and descriptions of every table and
column (Vietnamese first), how each table is shown, and the canned queries of miner/data/queries.sql."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from ..store import FTS_TABLE, TABLES, award_type_columns
from .labels import describe, table_title

TITLE = "miner: Văn bản hành chính / Vietnamese administrative documents"
DESCRIPTION = (
    "Báo cáo, quyết định, kế hoạch ... đã nạp, với trích dẫn, cơ quan, cá nhân, địa danh và khen thưởng "
    "trích xuất từ nội dung. Tìm kiếm đoạn văn có dấu hay không dấu đều được. / "
    "Reports, decisions, plans ... with the citations, organisations, persons, places and awards "
    "extracted from them. Paragraph search works with or without diacritics."
)

# How each table is shown: what names a row, the default order, search, facets.
_TABLE_OPTIONS: dict[str, dict] = {
    "documents": {
        "label_column": "title",
        "sort_desc": "issued_date",
        "facets": ["kind", "year", "issuer", "province"],
    },
    "document_paths": {"sort": "path"},
    # Paragraph ids are given in (document, seq) order, so the primary key is that order. No
    # default facet: counting the kinds of 100,000 matching paragraphs costs more than the search.
    # Its search box is the plugin's (`filters_from_request`), so there is no "fts_table" here.
    "paragraphs": {"label_column": "text"},
    "cited_documents": {"label_column": "label", "sort": "label", "facets": ["doc_type", "issuer", "year"]},
    # The search box of a table with a name is the plugin's too: a folded `like` on the name.
    "organizations": {"label_column": "name", "sort": "name", "facets": ["kind", "province"]},
    "persons": {"label_column": "name", "sort": "name"},
    "locations": {"label_column": "name", "sort": "name", "facets": ["level", "province"]},
    "emulation_groups": {"label_column": "name", "sort": "name"},
    "award_types": {"label_column": "name", "sort": "name"},
    "award_events": {"label_column": "award", "facets": ["award", "year", "grantor", "status"]},
    "ingest_errors": {"sort_desc": "occurred_at", "facets": ["error_class"]},
}
TABLES_BY_NAME = {t.name: t for t in TABLES}
_TAXONOMY_COLUMN = "Cột của bảng phân loại khen thưởng (miner/data/award_types.tsv) / Column of the award taxonomy"


def table_metadata(table: str, columns: list[str]) -> dict:
    """The metadata of one table: its title, its description, its columns' and how it is shown."""
    described = {c: describe(table, c) or (_TAXONOMY_COLUMN if table == "award_types" else None) for c in columns}
    return {
        "title": table_title(table),
        "description": describe(table),
        "columns": {c: d for c, d in described.items() if d},
        **_TABLE_OPTIONS.get(table, {}),
    }


def database_metadata() -> dict:
    """The metadata of a miner database: every table of the schema, the FTS index hidden."""
    tables = {t.name: table_metadata(t.name, list(t.columns)) for t in TABLES}
    tables["award_types"] = table_metadata(
        "award_types", [*TABLES_BY_NAME["award_types"].columns, *award_type_columns()]
    )
    tables[FTS_TABLE] = {"hidden": True}
    return {"description": DESCRIPTION, "tables": tables, "queries": canned_queries()}


@lru_cache(maxsize=1)
def canned_queries() -> dict[str, dict]:
    """The canned queries of miner/data/queries.sql: {name: {title, description, sql}}."""
    text = data.text("queries.sql")
    queries: dict[str, dict] = {}
    current: dict | None = None
    for line in text.splitlines():
        tag = re.match(r"-- (name|title|description): (.*)", line)
        if tag and tag.group(1) == "name":
            current = queries.setdefault(tag.group(2).strip(), {"sql": ""})
        elif current is None:
            continue
        elif tag:
            current[tag.group(1)] = tag.group(2).strip()
        elif not line.startswith("--"):
            current["sql"] += line + "\n"
    return {name: {**q, "sql": q["sql"].strip()} for name, q in queries.items()}


def metadata(database_names: list[str]) -> dict:
    """Datasette metadata for an instance serving these miner databases."""
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {name: database_metadata() for name in database_names},
    }
