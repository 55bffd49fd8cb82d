"""The ranked search page (/-/tim-kiem): paragraphs ranked as miner/web/search.py says, the words
marked, filtered by the document's year, province, kind and issuer, with how many were found."""

from __future__ import annotations

from urllib.parse import urlencode

from datasette.utils.asgi import Response

from . import labels, search
from .marks import MAX_SEARCH_CHARS, snippet, snippet_html
from .pages import (
    Links,
    database,
    int_arg,
    json_response,
    page,
    render,
    text_arg,
    wants,
)
from .search import page_rows, parse_search, rank

MAX_FILTER_CHARS = 200
MAX_SEARCH_PAGES = 40
# The years a document may be about: the filter's range, and the options shown are the stored ones.
YEARS = (1945, 2100)


@page
async def search_page(request, datasette) -> Response:
    """Paragraphs ranked with the words as typed first, the query's words marked, filtered by the document."""
    name, db = await database(datasette, request, "paragraphs", "documents")
    links = Links(datasette, name)
    query = text_arg(request, "q", MAX_SEARCH_CHARS)
    params: dict[str, object] = {
        "nam": int_arg(request, "nam", *YEARS),
        "tinh": text_arg(request, "tinh", MAX_FILTER_CHARS) or None,
        "loai": text_arg(request, "loai", MAX_FILTER_CHARS) or None,
        "co_quan": text_arg(request, "co_quan", MAX_FILTER_CHARS) or None,
    }
    number = int_arg(request, "trang", 1, MAX_SEARCH_PAGES, default=1) or 1
    parsed = parse_search(query)
    ranked = results = None
    if parsed is not None:
        ranked = await db.execute_fn(lambda conn: rank(conn, parsed, params))
        results = await db.execute_fn(lambda conn: page_rows(conn, ranked, number))
    results = results or []
    more = bool(ranked) and len(ranked.ids) > number * search.PAGE_SIZE
    for r in results:
        r["snippet"] = snippet(r.pop("text"), query)
    found = {"total": ranked.total, "more_than": ranked.total_more, "ranked": len(ranked.ids),
             "bounded": ranked.bounded, "as_typed": ranked.as_typed()} if ranked else None
    if wants(request, "json"):
        return json_response({"q": query, "filters": params, "page": number, "more": more, "found": found,
                              "rows": results})
    options = await _filter_options(db)
    for r in results:
        r["snippet_html"] = snippet_html(r["snippet"])
        r["document_url"] = links.document(r["document_id"], r["seq"])
        r["kind_label"] = labels.shown("documents", "kind", r["kind"])
    next_url = None
    if more:
        args = [(k, v) for k in request.args.keys() if k != "trang" for v in request.args.getlist(k)]
        next_url = datasette.urls.path("/-/tim-kiem") + "?" + urlencode([*args, ("trang", str(number + 1))])
    return await render(datasette, request, "miner_search.html", {
        "title": "Tìm kiếm / Search",
        "links": links,
        "q": query,
        "params": params,
        "options": options,
        "results": results,
        "found": found,
        "marked": parsed.marked if parsed else False,
        "page": number,
        "page_size": search.PAGE_SIZE,
        "next_url": next_url,
        "searched": parsed is not None,
    })


async def _filter_options(db) -> dict[str, list]:
    """The years, provinces and kinds the documents have (read from their indexes), kinds labelled."""
    out: dict[str, list] = {}
    for column in ("year", "province", "kind"):
        rows = await db.execute(f"select distinct {column} from documents where {column} is not null order by 1")
        out[column] = [r[0] for r in rows]
    out["year"] = [y for y in out["year"] if isinstance(y, int) and YEARS[0] <= y <= YEARS[1]]
    out["kind"] = [(k, labels.shown("documents", "kind", k)) for k in out["kind"]]
    return out
