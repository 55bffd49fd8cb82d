"""How Datasette's table, row and query pages show a cell of a miner database: a code as its
label, a name as a link to the reader's page of its row, an id as the name of what it points to
(linking to that page), never a bare id where a name exists."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..store import TABLES
from . import labels
from .marks import snippet_html
from .pages import ENTITY_PAGES

# Columns of canned queries whose ⟦ ⟧ marks are shown as <mark> (miner/data/queries.sql).
SNIPPET_COLUMNS = frozenset({"doan_trich"})
# What names a row of each table, and the page a name leads to.
NAME_COLUMNS = {
    "documents": "title",
    "paragraphs": "text",
    "cited_documents": "label",
    "organizations": "name",
    "persons": "name",
    "locations": "name",
    "emulation_groups": "name",
    "award_types": "name",
}
_PAGES = {**ENTITY_PAGES, "documents": "/-/van-ban/{}", "paragraphs": "/-/doan/{}"}
# Foreign keys of the schema: (table, column) -> the table it points to.
FOREIGN_KEYS = {(t.name, column): other for t in TABLES for column, other, _ in t.foreign_keys}
# Columns of a canned query's result that are ids of a table, by their names.
QUERY_IDS = {
    "document_id": "documents",
    "paragraph_id": "paragraphs",
    "cited_document_id": "cited_documents",
    "recipient_organization_id": "organizations",
    "organization_id": "organizations",
    "person_id": "persons",
}
# Columns of a canned query's result that hold codes, by their names.
QUERY_CODES = {"kind": "documents", "status": "award_events", "recipient_kind": "award_events"}
_EXCERPT = 80


def page_path(table: str, row_id: object) -> str | None:
    page = _PAGES.get(table)
    return page.format(row_id) if page and row_id is not None else None


def _link(datasette, path: str, label: object) -> Markup:
    return Markup(f'<a href="{escape(datasette.urls.path(path))}">{escape(label)}</a>')


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


async def name_of(datasette, database: str, table: str, row_id: object) -> str | None:
    """The name of a row (a document's title, a unit's name), or None when there is none."""
    column = NAME_COLUMNS.get(table)
    if column is None or row_id is None:
        return None
    rows = (
        await datasette.get_database(database).execute(f"select [{column}] from [{table}] where id = ?", [row_id])
    ).rows
    return rows[0][0] if rows and rows[0][0] else None


def render(row, value, column: str, table: str | None, database: str, datasette):
    """The cell's HTML, or None to let Datasette show it (an awaitable when a name must be read)."""
    if table is None:
        if column in SNIPPET_COLUMNS and isinstance(value, str):
            return snippet_html(value)
        if column in QUERY_CODES:
            return labels.value_label(QUERY_CODES[column], column, value)
        target = QUERY_IDS.get(column)
        return _id_cell(datasette, database, target, value, row, column) if target else None
    label = labels.value_label(table, column, value)
    if label is not None:
        return label
    if column == NAME_COLUMNS.get(table) and value is not None and table != "paragraphs" and "id" in row.keys():
        path = page_path(table, row["id"])
        return _link(datasette, path, value) if path else None
    target = FOREIGN_KEYS.get((table, column))
    if target is None:
        return None
    return _id_cell(datasette, database, target, value, row, column)


def _id_cell(datasette, database: str, target: str, value, row, column: str):
    """An id cell as the name of what it points to, linked to that thing's page."""
    if isinstance(value, dict):  # a foreign key Datasette expanded to its label
        value, known = value.get("value"), value.get("label")
    else:
        known = None
    if value is None:
        return None
    path = page_path(target, value)
    if target == "documents" and "paragraph_id" in row.keys() and _plain(row["paragraph_id"]) is not None:
        path = page_path("paragraphs", _plain(row["paragraph_id"]))  # the document, at the paragraph
    if path is None:
        return None

    async def named():
        name = known if known not in (None, "", value) else await name_of(datasette, database, target, value)
        if target == "paragraphs":
            return _link(datasette, path, f"Đoạn / Paragraph: {_short(name)}" if name else f"Đoạn / Paragraph {value}")
        return _link(datasette, path, _short(name) if name else f"{labels.table_title(target)} {value}")

    return named


def _plain(value):
    return value.get("value") if isinstance(value, dict) else value
