"""The plugin's own pages: decision lookup, ranked search, a unit's page, a document's page, charts.

Each page checks Datasette's view permissions first (a password set on the instance covers
them), validates its parameters (a malformed id is 400, an unknown one 404, an over-long
query 400) and shows document text HTML-escaped, marks added only around escaped text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import wraps
from importlib import resources
from urllib.parse import urlencode

from datasette.utils import tilde_encode
from datasette.utils.asgi import BadRequest, NotFound, Response, asgi_static
from markupsafe import Markup

from .lookup import LIST_COLUMNS, MAX_QUERY_CHARS, BadQuery, list_rows, lookup, parse_list, parse_query
from .marks import MAX_SEARCH_CHARS, Mark, fts_match, highlight, mark_spans, snippet, snippet_html

STATIC_PREFIX = "/-/miner/static/"
_DOCUMENT_ID_RE = re.compile(r"[0-9a-f]{64}")
_INT_RE = re.compile(r"\d{1,18}")
MAX_LIST_CHARS = 50_000
MAX_FILTER_CHARS = 200
SEARCH_PAGE_SIZE = 50
MAX_SEARCH_PAGES = 40


def page(view):
    """A view whose BadRequest and NotFound become a plain error page (no traceback in the log)."""

    @wraps(view)
    async def guarded(request, datasette):
        try:
            return await view(request, datasette)
        except (BadRequest, NotFound) as exc:
            status = 400 if isinstance(exc, BadRequest) else 404
            message = exc.args[0] if exc.args else ""
            if request.path.endswith((".json", ".csv")) or request.args.get("_format") in ("json", "csv"):
                return Response.json({"ok": False, "error": message, "status": status}, status=status)
            html = await datasette.render_template(
                "error.html", {"ok": False, "error": message, "status": status, "title": f"Error {status}"},
                request=request,
            )
            return Response.html(html, status=status)

    return guarded


def routes() -> list[tuple[str, object]]:
    """(regex, view) for register_routes."""
    return [
        (r"^/-/tra-cuu(?P<ext>\.json|\.csv)?$", lookup_page),
        (r"^/-/tim-kiem(?P<ext>\.json)?$", search_page),
        (r"^/-/don-vi/(?P<id>[^/]*?)(?P<ext>\.json)?$", unit_page),
        (r"^/-/van-ban/(?P<id>[^/]*?)(?P<ext>\.json)?$", document_page),
        (r"^/-/bieu-do(?P<ext>\.json)?$", charts_page),
        (r"^" + STATIC_PREFIX + r"(?P<path>.+)$", asgi_static(str(resources.files(__package__) / "static"))),
    ]


# ---------------------------------------------------------------- shared


def miner_database(datasette) -> str:
    """The name of the served miner database: the first file database holding `cited_documents`."""
    for name, db in datasette.databases.items():
        if not db.is_memory:
            return name
    raise NotFound("không có cơ sở dữ liệu / no database is served")


async def _database(datasette, request, *tables: str):
    """The miner database, once the actor may view it (and these tables)."""
    name = miner_database(datasette)
    checks = [("view-table", (name, t)) for t in tables] + [("view-database", name), "view-instance"]
    await datasette.ensure_permissions(request.actor, checks)
    return name, datasette.get_database(name)


def _wants(request, ext: str | None, kind: str) -> bool:
    return ext == f".{kind}" or request.args.get("_format") == kind


def _arg(request, name: str, limit: int) -> str:
    value = (request.args.get(name) or "").strip()
    if len(value) > limit:
        raise BadRequest(f"{name}: tối đa {limit} ký tự / at most {limit} characters")
    return value


def _int_arg(request, name: str, low: int, high: int, default: int | None = None) -> int | None:
    value = (request.args.get(name) or "").strip()
    if not value:
        return default
    if not _INT_RE.fullmatch(value) or not low <= int(value) <= high:
        raise BadRequest(f"{name}: một số từ {low} đến {high} / a number from {low} to {high}")
    return int(value)


class Links:
    """URLs of rows and pages of the served database."""

    def __init__(self, datasette, database: str):
        self.datasette = datasette
        self.database = database

    def row(self, table: str, pk: object) -> str:
        return self.datasette.urls.table(self.database, table) + "/" + tilde_encode(str(pk))

    def table(self, table: str) -> str:
        return self.datasette.urls.table(self.database, table)

    def query(self, name: str) -> str:
        return self.datasette.urls.database(self.database) + "/" + name

    def document(self, document_id: str, seq: int | None = None) -> str:
        return self.datasette.urls.path(f"/-/van-ban/{document_id}") + (f"#p{seq}" if seq is not None else "")

    def unit(self, organization_id: int) -> str:
        return self.datasette.urls.path(f"/-/don-vi/{organization_id}")

    def lookup(self, query: str) -> str:
        return self.datasette.urls.path("/-/tra-cuu") + "?" + urlencode({"q": query})

    def static(self, path: str) -> str:
        return self.datasette.urls.path(STATIC_PREFIX + path)


async def _render(datasette, request, template: str, context: dict) -> Response:
    links = context["links"]
    context = {"css_url": links.static("miner.css"), "js_url": links.static("charts.js"), **context}
    return Response.html(await datasette.render_template(template, context, request=request))


async def _dicts(db, sql: str, params: object = None) -> list[dict]:
    return [dict(r) for r in await db.execute(sql, params)]


async def _row_or_404(db, table: str, row_id: object, message: str) -> dict:
    rows = (await db.execute(f"select * from [{table}] where id = ?", [row_id])).rows
    if not rows:
        raise NotFound(message)
    return dict(rows[0])


def _json(data: object, status: int = 200) -> Response:
    return Response.json(data, status=status, default=str)


def vega_json(spec: dict) -> Markup:
    """A Vega-Lite spec as JSON safe inside a <script type="application/json"> element."""
    text = json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# ---------------------------------------------------------------- /-/tra-cuu


@page
async def lookup_page(request, datasette):
    """Decision lookup: one symbol (q) with every place citing it, or a pasted list (danh_sach)."""
    ext = request.url_vars.get("ext")
    name, db = await _database(datasette, request, "cited_documents", "citations", "paragraphs")
    links = Links(datasette, name)
    query = request.args.get("q") or ""
    pasted = request.args.get("danh_sach") or ""
    if len(query) > MAX_QUERY_CHARS:
        raise BadRequest(f"q: tối đa {MAX_QUERY_CHARS} ký tự / at most {MAX_QUERY_CHARS} characters")
    if len(pasted) > MAX_LIST_CHARS:
        raise BadRequest(f"danh_sach: tối đa {MAX_LIST_CHARS} ký tự / at most {MAX_LIST_CHARS} characters")
    try:
        lines = parse_list(pasted)
    except BadQuery as exc:
        raise BadRequest(f"danh_sach: {exc}") from exc
    if _wants(request, ext, "csv"):
        rows = await db.execute_fn(lambda conn: list_rows(conn, lines or ([query] if query.strip() else [])))
        return _csv(rows)
    answer = error = None
    if query.strip():
        try:
            parsed = parse_query(query)
        except BadQuery as exc:
            error = str(exc)
        else:
            answer = await db.execute_fn(lambda conn: lookup(conn, parsed))
    list_answer = await db.execute_fn(lambda conn: list_rows(conn, lines)) if lines else []
    if _wants(request, ext, "json"):
        if error:
            return _json({"ok": False, "error": error}, status=400)
        data = {"ok": True, "answer": answer.to_dict() if answer else None, "list": list_answer}
        return _json(data)
    return await _render(datasette, request, "miner_lookup.html", {
        "title": "Tra cứu văn bản / Document lookup",
        "links": links,
        "q": query,
        "danh_sach": pasted,
        "error": error,
        "answer": answer,
        "passages": _passages(answer, links) if answer else {},
        "list_rows": list_answer,
        "list_columns": LIST_COLUMNS,
        "csv_url": _csv_url(datasette, pasted) if lines else None,
        "max_query": MAX_QUERY_CHARS,
    })


def _passages(answer, links: Links) -> dict[int, list[dict]]:
    """For each match, its citing places with the passage highlighted and their links."""
    out = {}
    for m in answer.matches:
        out[m.id] = [
            {
                "citing": c,
                "passage": highlight(c.paragraph or "", c.start, c.end) if c.paragraph else Markup(""),
                "document_url": links.document(c.document_id, c.seq),
                "citation_url": links.row("citations", c.citation_id),
                "paragraph_url": links.row("paragraphs", c.paragraph_id) if c.paragraph_id else None,
            }
            for c in m.citations
        ]
    return out


def _csv_url(datasette, pasted: str) -> str:
    return datasette.urls.path("/-/tra-cuu.csv") + "?" + urlencode({"danh_sach": pasted})


def _csv(rows: list[dict]) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(LIST_COLUMNS))
    writer.writeheader()
    writer.writerows(rows)
    return Response(
        "\ufeff" + out.getvalue(),  # a BOM so that spreadsheet programs read UTF-8
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="tra-cuu.csv"'},
    )


# ---------------------------------------------------------------- /-/tim-kiem

# Ranking happens inside FTS5 first, on the index alone: the best matches by bm25 (their ids and
# scores), then only those are joined to their paragraphs and documents. Scoring every match
# cannot be avoided (a common phrase has 155,000 of them), joining and sorting them all can.
_BEST_SQL = """
select rowid, bm25(paragraphs_fts) as rank from paragraphs_fts
where paragraphs_fts match :match
order by rank, rowid
limit :limit
"""
_ROWS_SQL = """
select paragraphs.id, paragraphs.document_id, paragraphs.seq, paragraphs.kind as paragraph_kind, paragraphs.text,
       documents.title, documents.symbol, documents.year, documents.province, documents.kind, documents.issuer
from paragraphs
join documents on documents.id = paragraphs.document_id
where paragraphs.id in (select value from json_each(:ids))
"""
_FILTERS = {
    "nam": "documents.year = :nam",
    "tinh": "fold(documents.province) = fold(:tinh)",
    "loai": "documents.kind = :loai",
    "co_quan": "fold(documents.issuer) like '%' || fold(:co_quan) || '%'",
}
# With filters, the documents that pass them are found first (one pass over documents); then the
# best FILTERED_CANDIDATES matches are kept when their paragraphs are of those documents, and
# eight times as many, and so on, until a page is full or every match was read.
FILTERED_CANDIDATES = 2000
_DOCUMENTS_OF_SQL = "select id, document_id from paragraphs where id in (select value from json_each(:ids))"


async def ranked_rows(db, match: str, filters: dict[str, object], offset: int, limit: int) -> list[dict]:
    """The matches of `match` ranked by bm25 from `offset`, at most `limit`, whose document passes the filters."""
    where = " and ".join(sql for key, sql in _FILTERS.items() if filters.get(key) is not None)
    wanted = offset + limit
    if not where:
        best = (await db.execute(_BEST_SQL, {"match": match, "limit": wanted})).rows[offset:]
    else:
        bound = {k: v for k, v in filters.items() if v is not None}
        documents = {r[0] for r in await db.execute(f"select id from documents where {where}", bound)}
        if not documents:
            return []
        size = max(wanted, FILTERED_CANDIDATES)
        while True:
            candidates = (await db.execute(_BEST_SQL, {"match": match, "limit": size})).rows
            ids = json.dumps([r[0] for r in candidates])
            passed = {r[0] for r in await db.execute(_DOCUMENTS_OF_SQL, {"ids": ids}) if r[1] in documents}
            best = [r for r in candidates if r[0] in passed]
            if len(best) >= wanted or len(candidates) < size:
                break
            size *= 8
        best = best[offset:wanted]
    ranks = {r[0]: r[1] for r in best}
    rows = await _dicts(db, _ROWS_SQL, {"ids": json.dumps(list(ranks))})
    rows.sort(key=lambda r: (ranks[r["id"]], r["id"]))
    return [{**r, "rank": ranks[r["id"]]} for r in rows]


@page
async def search_page(request, datasette):
    """Paragraphs ranked by FTS5 rank, the query's words marked, filtered by the document's fields."""
    ext = request.url_vars.get("ext")
    name, db = await _database(datasette, request, "paragraphs", "documents")
    links = Links(datasette, name)
    query = _arg(request, "q", MAX_SEARCH_CHARS)
    params: dict[str, object] = {
        "nam": _int_arg(request, "nam", 1900, 2100),
        "tinh": _arg(request, "tinh", MAX_FILTER_CHARS) or None,
        "loai": _arg(request, "loai", MAX_FILTER_CHARS) or None,
        "co_quan": _arg(request, "co_quan", MAX_FILTER_CHARS) or None,
    }
    page = _int_arg(request, "trang", 1, MAX_SEARCH_PAGES, default=1)
    match = fts_match(query)
    results = []
    if match:
        results = await ranked_rows(db, match, params, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE + 1)
    more = len(results) > SEARCH_PAGE_SIZE
    results = results[:SEARCH_PAGE_SIZE]
    for r in results:
        r["snippet"] = snippet(r.pop("text"), query)
    if _wants(request, ext, "json"):
        return _json({"q": query, "filters": params, "page": page, "more": more, "rows": results})
    options = await _filter_options(db)
    for r in results:
        r["snippet_html"] = snippet_html(r["snippet"])
        r["document_url"] = links.document(r["document_id"], r["seq"])
        r["paragraph_url"] = links.row("paragraphs", r["id"])
    next_url = None
    if more:
        args = [(k, v) for k in request.args.keys() if k != "trang" for v in request.args.getlist(k)]
        args.append(("trang", str(page + 1)))
        next_url = datasette.urls.path("/-/tim-kiem") + "?" + urlencode(args)
    return await _render(datasette, request, "miner_search.html", {
        "next_url": next_url,
        "title": "Tìm kiếm / Search",
        "links": links,
        "q": query,
        "params": params,
        "options": options,
        "results": results,
        "page": page,
        "more": more,
        "searched": bool(match),
    })


async def _filter_options(db) -> dict[str, list]:
    """The years, provinces and kinds the documents have (read from their indexes)."""
    out = {}
    for column in ("year", "province", "kind"):
        rows = await db.execute(f"select distinct {column} from documents where {column} is not null order by 1")
        out[column] = [r[0] for r in rows]
    return out


# ---------------------------------------------------------------- /-/don-vi/{id}


def _organization_id(request) -> int:
    raw = request.url_vars["id"]
    if not _INT_RE.fullmatch(raw):
        raise BadRequest("mã đơn vị phải là một số / a unit's id is a number")
    return int(raw)


@page
async def unit_page(request, datasette):
    """An organisation: its names as written, the documents naming it, its awards, the decisions it issued."""
    org_id = _organization_id(request)
    name, db = await _database(datasette, request, "organizations", "organization_mentions", "award_events")
    links = Links(datasette, name)
    org = await _row_or_404(db, "organizations", org_id, f"không có đơn vị {org_id} / no unit {org_id}")
    aliases = await _dicts(
        db,
        "select text, count(*) as n from organization_mentions where organization_id = ? and text is not null "
        "group by text order by n desc, text limit 100", [org_id])
    documents = await _dicts(
        db,
        "select documents.id, documents.title, documents.kind, documents.symbol, documents.issued_date, mentions.n "
        "from (select document_id, count(*) as n from organization_mentions where organization_id = ? "
        "group by document_id) as mentions join documents on documents.id = mentions.document_id "
        "order by documents.issued_date desc limit 500", [org_id])
    awards = await _dicts(
        db,
        "select id, year, award, status, grantor, decision, document_id, paragraph_id from award_events "
        "where recipient_organization_id = ? order by year desc, award limit 1000", [org_id])
    issued = await _dicts(
        db,
        "select cited_documents.id, label, issued_date, subject, symbol, "
        "(select count(distinct document_id) from citations where cited_document_id = cited_documents.id) as citing "
        "from cited_documents where issuer = ? order by citing desc, issued_date desc limit 200", [org["name"]])
    by_year = _count_by(awards, ("year", "award"), lambda a: a["year"] is not None)
    if _wants(request, request.url_vars.get("ext"), "json"):
        return _json({"organization": org, "aliases": aliases, "documents": documents, "awards": awards,
                      "issued_cited": issued, "awards_by_year": by_year})
    for d in documents:
        d["url"] = links.document(d["id"])
    for a in awards:
        a["url"] = links.row("award_events", a["id"])
    for c in issued:
        c["url"] = links.lookup(c["symbol"] or c["label"])
    return await _render(datasette, request, "miner_unit.html", {
        "title": org["name"],
        "links": links,
        "org": org,
        "org_url": links.row("organizations", org_id),
        "aliases": aliases,
        "documents": documents,
        "awards": awards,
        "issued": issued,
        "chart": vega_json(awards_chart(by_year, "Khen thưởng theo năm / Awards by year")) if by_year else None,
    })


def _count_by(rows: list[dict], keys: tuple[str, ...], keep) -> list[dict]:
    counts: dict[tuple, int] = {}
    for r in rows:
        if keep(r):
            k = tuple(r[key] for key in keys)
            counts[k] = counts.get(k, 0) + 1
    return [{**dict(zip(keys, k)), "n": n} for k, n in sorted(counts.items(), key=lambda kv: tuple(map(str, kv[0])))]


# ---------------------------------------------------------------- charts


def awards_chart(rows: list[dict], title: str) -> dict:
    """Vega-Lite: stacked bars of awards per year, one colour per award type."""
    color = {"field": "award", "type": "nominal", "title": "Loại / Type"}
    return _chart(rows, title, {"type": "bar", "tooltip": True}, "Số lượt / Count", color=color)


def citations_chart(rows: list[dict], title: str) -> dict:
    """Vega-Lite: a line of citations per year of the citing documents."""
    return _chart(rows, title, {"type": "line", "point": True, "tooltip": True}, "Số lần dẫn chiếu / Citations")


def _chart(rows: list[dict], title: str, mark: dict, count_title: str, color: dict | None = None) -> dict:
    encoding = {
        "x": {"field": "year", "type": "ordinal", "title": "Năm / Year"},
        "y": {"field": "n", "type": "quantitative", "title": count_title, "stack": "zero"},
    }
    if color:
        encoding["color"] = color
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title,
        "width": "container",
        "height": 240,
        "data": {"values": rows},
        "mark": mark,
        "encoding": encoding,
    }


@page
async def charts_page(request, datasette):
    """Awards per year by type and citations per year, drawn by the vendored Vega-Lite."""
    name, db = await _database(datasette, request, "award_events", "citations")
    links = Links(datasette, name)
    awards = await _dicts(
        db,
        "select year, award, count(*) as n from award_events where year is not null and status = 'granted' "
        "group by year, award order by year, award")
    citations = await _dicts(
        db,
        "select documents.year as year, count(*) as n from citations join documents on documents.id = "
        "citations.document_id where documents.year is not null group by documents.year order by documents.year")
    if _wants(request, request.url_vars.get("ext"), "json"):
        return _json({"awards_per_year": awards, "citations_per_year": citations})
    return await _render(datasette, request, "miner_charts.html", {
        "title": "Biểu đồ / Charts",
        "links": links,
        "awards_chart": vega_json(awards_chart(awards, "Khen thưởng đã tặng theo năm và loại / Awards granted per year by type")),
        "citations_chart": vega_json(citations_chart(citations, "Số lần dẫn chiếu theo năm của văn bản dẫn chiếu / Citations per year of the citing document")),
        "has_awards": bool(awards),
        "has_citations": bool(citations),
    })


# ---------------------------------------------------------------- /-/van-ban/{id}

# The tables whose rows mark a span of a paragraph, with the label shown and how the row is named.
_FACT_SOURCES = (
    ("citations", "cite", "VĂN BẢN", "select m.id, m.paragraph_id, m.start, m.\"end\", c.label as title "
     "from citations m join cited_documents c on c.id = m.cited_document_id where m.document_id = ?"),
    ("organization_mentions", "org", "CƠ QUAN", "select m.id, m.paragraph_id, m.start, m.\"end\", o.name as title "
     "from organization_mentions m join organizations o on o.id = m.organization_id where m.document_id = ?"),
    ("person_mentions", "per", "CÁ NHÂN", "select m.id, m.paragraph_id, m.start, m.\"end\", p.name as title "
     "from person_mentions m join persons p on p.id = m.person_id where m.document_id = ?"),
    ("location_mentions", "loc", "ĐỊA DANH", "select m.id, m.paragraph_id, m.start, m.\"end\", l.name as title "
     "from location_mentions m join locations l on l.id = m.location_id where m.document_id = ?"),
    ("emulation_group_mentions", "group", "KHỐI THI ĐUA", "select m.id, m.paragraph_id, m.start, m.\"end\", "
     "g.name as title from emulation_group_mentions m join emulation_groups g on g.id = m.emulation_group_id "
     "where m.document_id = ?"),
    ("award_type_mentions", "award", "KHEN THƯỞNG", "select m.id, m.paragraph_id, m.start, m.\"end\", t.name as title "
     "from award_type_mentions m join award_types t on t.id = m.award_type_id where m.document_id = ?"),
    ("award_events", "event", "TẶNG / ĐỀ NGHỊ", "select m.id, m.paragraph_id, m.start, m.\"end\", "
     "m.award || ' → ' || m.recipient || coalesce(' (' || m.year || ')', '') as title "
     "from award_events m where m.document_id = ?"),
)
LEGEND = tuple((css, label, table) for table, css, label, _ in _FACT_SOURCES)


def _document_id(request) -> str:
    raw = request.url_vars["id"]
    if not _DOCUMENT_ID_RE.fullmatch(raw):
        raise BadRequest("mã văn bản là SHA-256 (64 chữ số hex) / a document id is a SHA-256 (64 hex digits)")
    return raw


@page
async def document_page(request, datasette):
    """A document's paragraphs, HTML-escaped, with each extracted fact marked and linked to its row."""
    doc_id = _document_id(request)
    name, db = await _database(datasette, request, "documents", "paragraphs")
    links = Links(datasette, name)
    document = await _row_or_404(db, "documents", doc_id, f"không có văn bản {doc_id} / no document {doc_id}")
    paragraphs = await _dicts(
        db,
        "select id, seq, kind, text from paragraphs where document_id = ? order by seq", [doc_id])
    marks: dict[int, list[Mark]] = {}
    facts = []
    for table, css, label, sql in _FACT_SOURCES:
        for r in await db.execute(sql, [doc_id]):
            facts.append({"table": table, "id": r["id"], "paragraph_id": r["paragraph_id"], "start": r["start"],
                          "end": r["end"], "title": r["title"]})
            if r["paragraph_id"] is not None and r["start"] is not None:
                marks.setdefault(r["paragraph_id"], []).append(
                    Mark(r["start"], r["end"], label, css, links.row(table, r["id"]), r["title"] or ""))
    if _wants(request, request.url_vars.get("ext"), "json"):
        return _json({"document": document, "paragraphs": paragraphs, "facts": facts})
    for p in paragraphs:
        p["html"] = mark_spans(p["text"], marks.get(p["id"], []))
        p["url"] = links.row("paragraphs", p["id"])
    return await _render(datasette, request, "miner_document.html", {
        "title": document["title"] or document["path"],
        "links": links,
        "document": document,
        "document_url": links.row("documents", doc_id),
        "paragraphs": paragraphs,
        "legend": LEGEND,
        "fact_count": len(facts),
    })
