"""The search boxes of Datasette's table pages: paragraphs through the folded full-text index, page
by page; the tables of names (units, persons, places, groups, award types, cited documents) by
every word typed, folded, in any order."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from ..normalize import fold, fold_key
from ..store import FTS_TABLE
from .marks import fts_match

# Arguments of a paragraphs page that change neither which rows it lists nor their order.
_PAGE_ONLY_ARGS = frozenset(
    {
        "_search",
        "_searchmode",
        "_size",
        "_next",
        "_nocount",
        "_nofacet",
        "_nosuggest",
        "_shape",
        "_labels",
        "_nolabels",
        "_col",
        "_nocol",
        "_stream",
        "_dl",
        "_json",
        "_trace",
        "_extra",
    }
)
# A search reading the index page by page says how many paragraphs match up to this many.
SEARCH_COUNT_LIMIT = 1000
MAX_ROWID = 2**63 - 1
# The tables searched by name: the column holding the folded name ("key"), or an expression.
NAME_SEARCH = {
    "organizations": "key",
    "persons": "key",
    "locations": "key",
    "emulation_groups": "key",
    "award_types": "key",
    "cited_documents": "fold(coalesce(label, '') || ' ' || coalesce(subject, '') || ' ' || coalesce(issuer, ''))",
}
MAX_NAME_WORDS = 12


def fold_search_query(query_string: bytes) -> bytes:
    """The query string with its `_search` value folded (the folded column holds every spelling).

    A search page read from the index page by page (`paged_search`) gets `_nocount=1`: Datasette's
    count would read every match; the page says how many match up to SEARCH_COUNT_LIMIT instead.
    """
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
    return searched and all(
        k in _PAGE_ONLY_ARGS and (k != "_next" or (v.isascii() and v.isdigit() and int(v) <= MAX_ROWID))
        for k, v in pairs
    )


def found_words(count: int) -> str:
    """ "1 đoạn / 1 paragraph", "hơn 1.000 đoạn / over 1,000 paragraphs" (count read up to one past the limit)."""
    if count > SEARCH_COUNT_LIMIT:
        return f"hơn {SEARCH_COUNT_LIMIT:,} đoạn / over {SEARCH_COUNT_LIMIT:,} paragraphs".replace(",", ".", 1)
    return f"{count:,} đoạn / {count:,} paragraph{'' if count == 1 else 's'}"


def page_size(request, datasette) -> int:
    """The rows a page of this request lists (Datasette's `_size`; it refuses what is out of range)."""
    size = request.args.get("_size") or ""
    if size == "max":
        return datasette.max_returned_rows
    return int(size) if size.isascii() and size.isdigit() else datasette.page_size


async def paragraphs_filter(request, database, datasette):
    """The paragraphs table's search box (`_search`, folded): a page of matches read from the index in id order."""
    from datasette.filters import FilterArguments

    db = datasette.get_database(database)
    if not await db.table_exists(FTS_TABLE):
        return None
    search = request.args.get("_search") or ""
    context = {"supports_search": True, "search": search}
    if not search.strip():
        return FilterArguments([], extra_context=context)
    match = search if request.args.get("_searchmode") == "raw" else fts_match(search)
    described = f'tìm / search "{search}"'
    if match is None:  # punctuation only: no word to find
        return FilterArguments(["0"], human_descriptions=[described], extra_context=context)
    matching = f"select rowid from {FTS_TABLE} where {FTS_TABLE} match :search"
    params: dict = {"search": match}
    if not paged_search((k, v) for k in request.args.keys() for v in request.args.getlist(k)):
        return FilterArguments([f"id in ({matching})"], params, [described], context)
    params["search_after"] = int(request.args.get("_next") or 0)
    params["search_window"] = page_size(request, datasette) + 1
    found = (await db.execute(f"select count(*) from ({matching} limit {SEARCH_COUNT_LIMIT + 1})", params)).rows
    described += f" ({found_words(found[0][0])})"
    clause = f"id in ({matching} and rowid > :search_after order by rowid limit :search_window)"
    return FilterArguments([clause], params, [described], {**context, "miner_found": found_words(found[0][0])})


def name_filter(request, table: str):
    """A table of names searched by every folded word typed ("kho bac dak nong" finds "Kho bạc Nhà nước tỉnh Đắk Nông")."""
    from datasette.filters import FilterArguments

    search = request.args.get("_search") or ""
    context = {"supports_search": True, "search": search}
    words = fold_key(search).split()[:MAX_NAME_WORDS]
    if not words:
        return FilterArguments([], extra_context=context)
    column = NAME_SEARCH[table]
    clauses = [f"{column} like :w{i}" for i in range(len(words))]
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
    return FilterArguments(clauses, params, [f'tìm / search "{search}"'], context)
