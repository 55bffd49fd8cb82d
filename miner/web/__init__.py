"""The Datasette plugin: its hooks. The rooms it draws on are the modules beside this one.

Registered through the `datasette` entry point, so a plain `datasette db/reports.db` gets the
SQL functions, the metadata, the canned queries, the pages and the project's versions of
Datasette's templates as well as `miner serve`. The templates and static files beside this
module are found by Datasette as the plugin's own (`miner/web/templates`, `miner/web/static`):
its Vietnamese-first versions of Datasette's pages take the place of the English ones.

    metadata.py      titles and descriptions of tables and columns, canned queries
    labels.py        what a reader sees instead of a code
    pages.py         what every page shares; routes.py: where each is served
    search.py        ranked search; search_page.py its page; table_search.py the tables' search boxes
    old_names.py     where places lie since 1 July 2025; the old names a search by a new one finds
    lookup.py        decision lookup; lookup_page.py its page
    document_pages.py, entity_pages.py, charts.py: the reader's pages
    cells.py         how a table's cells are shown; context.py what the templates need
    guard.py, login.py: bad parameters, long addresses, the login; serving.py: `miner serve`
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import Response

from ..normalize import fold, fold_key
from ..store import symbol_key
from . import cells, context, csv_labels, guard
from .labels import describe  # noqa: F401 (the tests' and the docs' entry)
from .login import password_configured
from .marks import fts_match, snippet
from .metadata import DESCRIPTION, TITLE, canned_queries, metadata  # noqa: F401
from .routes import routes
from .search import parse_search, tier_and_weight
from .serving import (  # noqa: F401 (`miner serve` and the tests use them from here)
    PASSWORD_ENV,
    SETTINGS,
    database_problem,
    make_datasette,
    password_hash_problem,
    serve,
    serving_metadata,
)
from .table_search import (  # noqa: F401
    NAME_SEARCH,
    fold_search_query,
    name_filter,
    paged_search,
    paragraphs_filter,
)


@hookimpl
def startup(datasette):
    """Datasette 0.65's default error handler prints every error with `rich` when it is installed
    (spaCy brings it) and fails with ValueError outside an `except` block: any path no route
    serves then answers 500, and every 404 writes a traceback with its local variables to the
    log. Without rich it prints nothing for 4xx and a plain traceback for 5xx, as it was written to.
    (Set here, not at import: importing datasette.handle_exception loads the plugins, this one too.)
    """
    from datasette import handle_exception  # not `import datasette.…`: that would rebind the argument

    handle_exception.rich = None


@hookimpl
def prepare_connection(conn) -> None:
    """SQL functions: fold, fold_key, symbol_key (matching as miner does), fts_match, search_snippet,
    search_tier (0 for the words as typed, as a phrase ... 3 folded only) and words_match."""
    conn.create_function("fold", 1, _or_none(fold), deterministic=True)
    conn.create_function("fold_key", 1, _or_none(fold_key), deterministic=True)
    conn.create_function("symbol_key", 1, symbol_key, deterministic=True)
    conn.create_function("fts_match", 1, _or_none(fts_match), deterministic=True)
    conn.create_function("search_snippet", 2, _snippet, deterministic=True)
    conn.create_function("search_tier", 2, _tier, deterministic=True)
    conn.create_function("words_match", 2, words_match, deterministic=True)


def _snippet(text, query):
    return None if text is None else snippet(str(text), str(query or ""))


def _tier(text, query):
    parsed = parse_search(str(query or ""))
    return None if text is None or parsed is None else tier_and_weight(parsed, str(text))[0]


def words_match(text, query) -> int | None:
    """1 when every folded word of the query is in the folded text, in any order ("kho bac dak nong")."""
    if text is None:
        return None
    words = fold_key(str(query or "")).split()
    folded = " " + fold_key(str(text)) + " "
    return int(bool(words) and all(f" {w}" in folded for w in words))


def _or_none(fn):
    return lambda text: None if text is None else fn(str(text))


@hookimpl
def get_metadata(datasette, key, database, table) -> dict:
    """The project's metadata for every file database served (user metadata still wins)."""
    names = tuple(name for name, db in datasette.databases.items() if not db.is_memory)
    # Datasette asks dozens of times per page and merges into what it gets: a fresh copy each time.
    return _metadata_copy(names)


_METADATA: dict[tuple[str, ...], str] = {}


def _metadata_copy(names: tuple[str, ...]) -> dict:
    import json

    if names not in _METADATA:
        _METADATA[names] = json.dumps(metadata(list(names)), ensure_ascii=False)
    return json.loads(_METADATA[names])


@hookimpl(tryfirst=True)
def register_routes() -> list:
    """The pages (miner/web/routes.py), before other plugins' (the login is the project's own)."""
    return routes()


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A code as its label, a name as a link to its page, an id as the name of what it points to."""
    return cells.render(row, value, column, table, database, datasette)


@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    """`miner` (labels) for every template; the home page's entry points; a row's reader links."""

    async def inner():
        out = {"miner": context.WORDS}
        if view_name == "index":
            out.update(await context.home(datasette, request))
        elif view_name == "row" and request is not None and database and table:
            out.update(await context.row_links(datasette, database, table, request.url_vars.get("pks", "")))
        return out

    return inner


@hookimpl
def menu_links(datasette) -> list[dict]:
    """The plugin's pages in Datasette's menu."""
    return [
        {"href": datasette.urls.path(path), "label": label}
        for path, label in (
            ("/", "Trang chủ / Home"),
            ("/-/tra-cuu", "Tra cứu văn bản / Document lookup"),
            ("/-/tim-kiem", "Tìm kiếm / Search"),
            ("/-/bieu-do", "Biểu đồ / Charts"),
        )
    ]


@hookimpl
def forbidden(datasette, request):
    """With a password set and nobody logged in, a forbidden page sends the visitor to /-/login."""
    if request.actor is None and password_configured(datasette):
        return Response.redirect(datasette.urls.path("/-/login"))
    return None


@hookimpl
def asgi_wrapper(datasette):
    """Before Datasette: 414 for a long address, the login of a protected instance, 400 for bad
    parameters; the CSV of tables and canned queries labelled; the `_search` of the paragraphs table
    folded, so that "Đắk" finds "Dak"."""

    def wrap(app):
        async def folded_search(scope, receive, send):
            if scope["type"] == "http" and _is_paragraphs(scope.get("path", "")):
                scope = {**scope, "query_string": fold_search_query(scope.get("query_string", b""))}
            await app(scope, receive, send)

        return guard.wrap(datasette, csv_labels.wrap(datasette, folded_search))

    return wrap


def _is_paragraphs(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 3 and parts[2] in ("paragraphs", "paragraphs.json", "paragraphs.csv")


@hookimpl(trylast=True)
def filters_from_request(request, database, table, datasette):
    """The search boxes: paragraphs through the folded index, page by page; names by every word typed."""
    if table == "paragraphs":
        return paragraphs_filter(request, database, datasette)
    if table in NAME_SEARCH and datasette.get_database(database).name == database:
        return name_filter(request, table)
    return None


@hookimpl
def handle_exception(datasette, request, exception):
    """A request's own mistake (a bad `_sort`, a `_where` that is no SQL, a number too large) is a 400."""
    message = guard.client_error(exception)
    if message is None:
        return None

    async def inner():
        from .pages import error_response

        return await error_response(datasette, request, 400, message)

    return inner
