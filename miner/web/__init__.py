"""Datasette plugin hooks and the served configuration.

Registered through the `datasette` entry point, so a plain `datasette db/reports.db` gets the
SQL functions, the metadata, the canned queries and the pages (miner/web/pages.py) as well as
`miner serve`. The templates and static files beside this module are found by Datasette as the
plugin's own (`miner/web/templates`, `miner/web/static`).
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from .. import data
from ..normalize import fold, fold_key
from ..store import FTS_TABLE, TABLES, award_type_columns, symbol_key
from .marks import fts_match, snippet, snippet_html
from .pages import routes

TITLE = "miner: Văn bản hành chính / Vietnamese administrative documents"
DESCRIPTION = (
    "Báo cáo, quyết định, kế hoạch ... đã nạp, với trích dẫn, cơ quan, cá nhân, địa danh và khen thưởng "
    "trích xuất từ nội dung. Tìm kiếm đoạn văn có dấu hay không dấu đều được. / "
    "Reports, decisions, plans ... with the citations, organisations, persons, places and awards "
    "extracted from them. Paragraph search works with or without diacritics."
)
# Datasette settings for `miner serve`: long paragraphs are cut in table views; no suggested
# facets (each suggestion is a query over every matching row: on a million paragraphs a search
# spent most of its time suggesting them).
SETTINGS = {"truncate_cells_html": 300, "sql_time_limit_ms": 3000, "facet_time_limit_ms": 500, "suggest_facets": False}
# The environment variable holding the password hash that `miner serve` asks for (made with
# `datasette hash-password`); the actor who logs in with it at /-/login is "admin".
PASSWORD_ENV = "MINER_PASSWORD_HASH"
_PASSWORD_HASH_RE = re.compile(r"pbkdf2_sha256\$\d+\$[^$\s]+\$[^$\s]+")
# Columns of canned queries whose ⟦ ⟧ marks are shown as <mark> (miner/data/queries.sql).
SNIPPET_COLUMNS = frozenset({"doan_trich"})

# How each table is shown: what names a row, the default order, search, facets.
_TABLE_OPTIONS: dict[str, dict] = {
    "documents": {
        "label_column": "title", "sort_desc": "issued_date", "facets": ["kind", "year", "issuer", "province"],
    },
    "document_paths": {"sort": "path"},
    # Paragraph ids are given in (document, seq) order, so the primary key is that order. No
    # default facet: counting the kinds of 100,000 matching paragraphs costs more than the search.
    # Its search box is the plugin's (`filters_from_request`), so there is no "fts_table" here.
    "paragraphs": {"label_column": "text"},
    "cited_documents": {"label_column": "label", "sort": "label", "facets": ["doc_type", "issuer", "year"]},
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
    return {(r["table"], r["column"]): (r["vi"], r["en"]) for r in data.rows("schema_descriptions.tsv")}


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


@hookimpl
def prepare_connection(conn) -> None:
    """SQL functions: fold, fold_key, symbol_key (matching as miner does), fts_match and search_snippet."""
    conn.create_function("fold", 1, _or_none(fold), deterministic=True)
    conn.create_function("fold_key", 1, _or_none(fold_key), deterministic=True)
    conn.create_function("symbol_key", 1, symbol_key, deterministic=True)
    conn.create_function("fts_match", 1, _or_none(fts_match), deterministic=True)
    conn.create_function("search_snippet", 2, _snippet, deterministic=True)


def _snippet(text, query):
    return None if text is None else snippet(str(text), str(query or ""))


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


@hookimpl
def register_routes() -> list:
    """The pages: /-/tra-cuu, /-/tim-kiem, /-/don-vi/{id}, /-/van-ban/{id}, /-/bieu-do and the static files."""
    return routes()


# Cells that open the plugin's page of their row: an organisation's name, a document's title.
_PAGE_CELLS = {("organizations", "name"): "/-/don-vi/{}", ("documents", "title"): "/-/van-ban/{}"}


@hookimpl
def render_cell(row, value, column, table, datasette):
    """A search snippet (⟦ ⟧ around matches) with <mark>; a unit's name and a document's title link to their page."""
    if table is None and column in SNIPPET_COLUMNS and isinstance(value, str):
        return snippet_html(value)
    page = _PAGE_CELLS.get((table, column))
    if page and value is not None and "id" in row.keys():
        href = datasette.urls.path(page.format(row["id"]))
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    return None


@hookimpl
def menu_links(datasette) -> list[dict]:
    """The plugin's pages in Datasette's menu."""
    return [
        {"href": datasette.urls.path(path), "label": label}
        for path, label in (
            ("/-/tra-cuu", "Tra cứu văn bản / Document lookup"),
            ("/-/tim-kiem", "Tìm kiếm / Search"),
            ("/-/bieu-do", "Biểu đồ / Charts"),
        )
    ]


@hookimpl
def forbidden(datasette, request):
    """With a password set and nobody logged in, a forbidden page sends the visitor to /-/login."""
    if request.actor is None and _password_configured(datasette):
        return Response.redirect(datasette.urls.path("/-/login"))
    return None


def _password_configured(datasette) -> bool:
    config = datasette.plugin_config("datasette-auth-passwords") or {}
    return any(key.endswith("_password_hash") and value for key, value in config.items())


_SEARCH_PATH_RE = re.compile(r"^/[^/]+/paragraphs(?:\.json|\.csv)?$")
# Arguments of a paragraphs page that change neither which rows it lists nor their order.
_PAGE_ONLY_ARGS = frozenset({
    "_search", "_searchmode", "_size", "_next", "_nocount", "_nofacet", "_nosuggest", "_shape", "_labels",
    "_nolabels", "_col", "_nocol", "_stream", "_dl", "_json", "_trace", "_extra",
})
# A search reading the index page by page says how many paragraphs match up to this many.
SEARCH_COUNT_LIMIT = 1000


@hookimpl
def asgi_wrapper():
    """Fold the `_search` of the paragraphs table, so that "Đắk" finds "Dak" as "Dak" finds "Đắk"."""

    def wrap(app):
        async def folded_search(scope, receive, send):
            if scope["type"] == "http" and _SEARCH_PATH_RE.match(scope.get("path", "")):
                scope = {**scope, "query_string": fold_search_query(scope.get("query_string", b""))}
            await app(scope, receive, send)

        return folded_search

    return wrap


def fold_search_query(query_string: bytes) -> bytes:
    """The query string with its `_search` value folded (the folded column holds every spelling).

    A search page read from the index page by page (`paged_search`) gets `_nocount=1`: Datasette's
    count would read every match; the page says how many match up to SEARCH_COUNT_LIMIT instead.
    """
    from urllib.parse import parse_qsl, urlencode

    pairs = parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True)
    if not any(k == "_search" for k, _ in pairs):
        return query_string
    pairs = [(k, fold(v) if k == "_search" else v) for k, v in pairs]
    if paged_search(pairs) and not any(k == "_nocount" for k, _ in pairs):
        pairs.append(("_nocount", "1"))
    return urlencode(pairs).encode("ascii")


def paged_search(pairs) -> bool:
    """Whether a paragraphs search lists its rows in id order with no other filter, sort or facet.

    Such a page is the next page-size matches after `_next`: FTS5 yields them in rowid order and
    stops there, where a filter, a sort or a facet needs every match.
    """
    pairs = list(pairs)
    searched = any(k == "_search" and v.strip() for k, v in pairs)
    return searched and all(k in _PAGE_ONLY_ARGS and (k != "_next" or v.isdigit()) for k, v in pairs)


@hookimpl(trylast=True)
def filters_from_request(request, database, table, datasette):
    """The paragraphs table's search box (`_search`, folded): a page of matches read from the index in id order."""
    if table != "paragraphs":
        return None

    async def inner():
        from datasette.filters import FilterArguments

        db = datasette.get_database(database)
        if not await db.table_exists(FTS_TABLE):
            return None
        search = request.args.get("_search") or ""
        context = {"supports_search": True, "search": search}
        if not search.strip():
            return FilterArguments([], extra_context=context)
        match = search if request.args.get("_searchmode") == "raw" else fts_match(search)
        described = f'search matches "{search}"'
        if match is None:  # punctuation only: no word to find
            return FilterArguments(["0"], human_descriptions=[described], extra_context=context)
        matching = f"select rowid from {FTS_TABLE} where {FTS_TABLE} match :search"
        params: dict = {"search": match}
        if not paged_search((k, v) for k in request.args.keys() for v in request.args.getlist(k)):
            return FilterArguments([f"id in ({matching})"], params, [described], context)
        params["search_after"] = int(request.args.get("_next") or 0)
        params["search_window"] = _page_size(request, datasette) + 1
        found = (await db.execute(f"select count(*) from ({matching} limit {SEARCH_COUNT_LIMIT + 1})", params)).rows
        described += f" ({_paragraphs(found[0][0])})"
        clause = f"id in ({matching} and rowid > :search_after order by rowid limit :search_window)"
        return FilterArguments([clause], params, [described], context)

    return inner


def _paragraphs(count: int) -> str:
    """ "1 paragraph", "25 paragraphs", "over 1,000 paragraphs" (count read up to one past the limit)."""
    if count > SEARCH_COUNT_LIMIT:
        return f"over {SEARCH_COUNT_LIMIT:,} paragraphs"
    return f"{count:,} paragraph{'' if count == 1 else 's'}"


def _page_size(request, datasette) -> int:
    """The rows a page of this request lists (Datasette's `_size`; it refuses what is out of range)."""
    size = request.args.get("_size") or ""
    if size == "max":
        return datasette.max_returned_rows
    return int(size) if size.isdigit() else datasette.page_size


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
    """Serve the database until interrupted, as `datasette serve` does."""
    import uvicorn
    from datasette.cli import run_sync

    ds = make_datasette(db_path, allow_sql=allow_sql, password=password)
    run_sync(ds.invoke_startup)
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on")
