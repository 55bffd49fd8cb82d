"""The decision lookup page (/-/tra-cuu): one symbol or title with every place citing it, or a
pasted list (any separators, or running text) answered in one table, as CSV and as JSON."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from datasette.utils.asgi import BadRequest, Response
from markupsafe import Markup

from . import labels
from .lookup import (
    LIST_COLUMNS,
    MAX_QUERY_CHARS,
    BadQuery,
    list_rows,
    lookup,
    lookup_title,
    parse_list,
    parse_query,
    title_in,
)
from .marks import highlight
from .pages import Links, database, json_response, page, render, wants

MAX_LIST_CHARS = 50_000
# The lookup's CSV as a spreadsheet opens it: headings in both languages, outcomes as labels.
LIST_HEADERS = {
    "query": "Tra cứu / Query",
    "status": "Kết quả / Outcome",
    "cited_document_id": "Mã văn bản được dẫn chiếu / Cited document id",
    "label": "Văn bản / Document",
    "doc_type": "Loại văn bản / Type",
    "symbol": "Số, ký hiệu / Symbol",
    "issued_date": "Ngày ban hành / Date",
    "issuer": "Cơ quan ban hành / Issuer",
    "subject": "Trích yếu / Subject",
    "citations": "Số lần dẫn chiếu / Citations",
    "citing_documents": "Số văn bản dẫn chiếu / Citing documents",
    "stored_document_id": "Mã văn bản trong kho / Stored document id",
}
# A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or return first) starts with a quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: "=1+1" becomes "'=1+1"; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def answer(conn, query: str):
    """(Answer, error) for one query: a symbol however written, else a title."""
    try:
        return lookup(conn, parse_query(query)), None
    except BadQuery as exc:
        title = title_in(query)
        if title is None:
            return None, str(exc)
        return lookup_title(conn, title), None


@page
async def lookup_page(request, datasette) -> Response:
    """Decision lookup: one symbol or title (q) with every place citing it, or a pasted list (danh_sach)."""
    name, db = await database(datasette, request, "cited_documents", "citations", "paragraphs")
    links = Links(datasette, name)
    query = request.args.get("q") or ""
    pasted = request.args.get("danh_sach") or ""
    if len(query) > MAX_QUERY_CHARS:
        raise BadRequest(f"q: tối đa {MAX_QUERY_CHARS} ký tự / at most {MAX_QUERY_CHARS} characters")
    if len(pasted) > MAX_LIST_CHARS:
        raise BadRequest(f"danh_sach: tối đa {MAX_LIST_CHARS} ký tự / at most {MAX_LIST_CHARS} characters")
    try:
        queries = parse_list(pasted)
    except BadQuery as exc:
        raise BadRequest(f"danh_sach: {exc}") from exc
    if wants(request, "csv"):
        rows = await db.execute_fn(lambda conn: list_rows(conn, queries or ([query] if query.strip() else [])))
        return _csv(rows)
    found = error = None
    if query.strip():
        found, error = await db.execute_fn(lambda conn: answer(conn, query))
    list_answer = await db.execute_fn(lambda conn: list_rows(conn, queries)) if queries else []
    if wants(request, "json"):
        if error:
            return json_response({"ok": False, "error": error}, status=400)
        return json_response({"ok": True, "answer": found.to_dict() if found else None, "list": list_answer})
    for r in list_answer:
        r["status_label"] = labels.lookup_status(r["status"])
        r["type_url"] = None
    return await render(
        datasette,
        request,
        "miner_lookup.html",
        {
            "title": "Tra cứu văn bản / Document lookup",
            "links": links,
            "q": query,
            "danh_sach": pasted,
            "error": error,
            "answer": found,
            "passages": _passages(found, links) if found else {},
            "list_rows": list_answer,
            "list_headers": LIST_HEADERS,
            "csv_url": datasette.urls.path("/-/tra-cuu.csv") + "?" + urlencode({"danh_sach": pasted})
            if queries
            else None,
            "max_query": MAX_QUERY_CHARS,
        },
    )


def _passages(answer, links: Links) -> dict[int, list[dict]]:
    """For each card, its citing places with the passage highlighted and their links."""
    out = {}
    for m in answer.matches:
        out[m.id] = [
            {
                "citing": c,
                "passage": highlight(c.paragraph or "", c.start, c.end) if c.paragraph else Markup(""),
                "document_url": links.document(c.document_id, c.seq),
            }
            for c in m.citations
        ]
    return out


def _csv(rows: list[dict]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([LIST_HEADERS[c] for c in LIST_COLUMNS])
    for r in rows:
        shown = {**r, "status": labels.lookup_status(r["status"])}
        writer.writerow([spreadsheet_safe(shown[c]) if shown[c] is not None else "" for c in LIST_COLUMNS])
    return Response(
        "\ufeff" + out.getvalue(),  # a BOM so that spreadsheet programs read UTF-8
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="tra-cuu.csv"'},
    )
