"""The ranked search page (/-/tim-kiem): paragraphs ranked as miner/web/search.py says, the words
marked, filtered by the document's year, province, kind and issuer, with how many were found.

A search typed as a place of today also finds the paragraphs naming its old places, each shown
with its old name; one typed as an old place says where it lies now (miner/web/old_names.py)."""

from __future__ import annotations

from typing import cast
from urllib.parse import urlencode

from datasette.utils.asgi import Response

from . import labels, old_names, search
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
from .search import document_filter, page_rows, parse_search, rank, with_old_names

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
    ranked = results = old = None
    moved: list[old_names.Place] = []
    if parsed is not None:

        def ranked_with_old_names(conn):
            where = document_filter(conn, params)
            found = rank(conn, parsed, where)
            olds = old_names.old_places(conn, db.path or name, query)
            if olds is not None:
                olds = old_names.naming_paragraphs(conn, olds, where)
                found = with_old_names(found, olds.paragraphs)
            return found, olds, old_names.typed_old_places(conn, query)

        ranked, old, moved = await db.execute_fn(ranked_with_old_names)
        results = await db.execute_fn(lambda conn: page_rows(conn, ranked, number))
    results = results or []
    more = ranked is not None and len(ranked.ids) > number * search.PAGE_SIZE
    for r in results:
        named = old.paragraphs.get(r["id"], ()) if old else ()
        r["old_names"] = [p.as_dict() for p in named]
        # a paragraph found by its old place's name: that name marked, not the words typed
        words = query if r["tier"] != search.OLD_NAME_TIER else " ".join(p.name for p in named)
        r["snippet"] = snippet(r.pop("text"), words)
    found = (
        {
            "total": ranked.total,
            "more_than": ranked.total_more,
            "ranked": ranked.matched,
            "bounded": ranked.bounded,
            "as_typed": ranked.as_typed(),
            "old_names": ranked.old_named(),
            "old_bounded": bool(old and old.bounded),
        }
        if ranked
        else None
    )
    if wants(request, "json"):
        return json_response(
            {
                "q": query,
                "filters": params,
                "page": number,
                "more": more,
                "found": found,
                "old_names": old.as_dict() if old else None,
                "now_in": [p.as_dict() for p in moved],
                "rows": results,
            }
        )
    options = await _filter_options(db)
    for r in results:
        r["snippet_html"] = snippet_html(r["snippet"])
        r["document_url"] = links.document(r["document_id"], r["seq"])
        r["kind_label"] = labels.shown("documents", "kind", r["kind"])
        for p in r["old_names"]:
            p["url"] = links.entity("locations", p["id"])
    next_url = None
    if more:
        args = [(k, v) for k in request.args.keys() if k != "trang" for v in request.args.getlist(k)]
        next_url = datasette.urls.path("/-/tim-kiem") + "?" + urlencode([*args, ("trang", str(number + 1))])
    return await render(
        datasette,
        request,
        "miner_search.html",
        {
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
            "old": _old_names_shown(old, links),
            "moved": [
                {
                    **p.as_dict(),
                    "url": links.entity("locations", p.id),
                    # typed_old_places keeps the places that moved (Place.news): moved_to is set
                    "search_url": links.search(old_names.new_unit(cast(str, p.moved_to))),
                }
                for p in moved
            ],
        },
    )


def _old_names_shown(old: old_names.OldNames | None, links: Links) -> dict | None:
    """What the page says of the old places a search by a name of today found too."""
    if old is None or not old.paragraphs:
        return None
    return {
        "new": ", ".join(old.new),
        "places": [{**p.as_dict(), "url": links.entity("locations", p.id)} for p in old.places],
        "query_url": links.query("van_ban_theo_dia_danh_moi", dia_danh=old_names.new_unit(old.new[0])),
    }


async def _filter_options(db) -> dict[str, list]:
    """The years, provinces and kinds the documents have (read from their indexes), kinds labelled."""
    out: dict[str, list] = {}
    for column in ("year", "province", "kind"):
        rows = await db.execute(f"select distinct {column} from documents where {column} is not null order by 1")
        out[column] = [r[0] for r in rows]
    out["year"] = [y for y in out["year"] if isinstance(y, int) and YEARS[0] <= y <= YEARS[1]]
    out["kind"] = [(k, labels.shown("documents", "kind", k)) for k in out["kind"]]
    return out
