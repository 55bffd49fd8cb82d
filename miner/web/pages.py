"""What every page of the plugin shares: permission checks, parameters, links, rendering, errors.

Each page checks Datasette's view permissions first (a password set on the instance covers
them), validates its parameters (a malformed id is 400, an unknown one 404, an over-long
query 400) and shows document text HTML-escaped, marks added only around escaped text.
"""

from __future__ import annotations

import json
import re
from functools import wraps
from urllib.parse import urlencode

from datasette.utils import tilde_encode
from datasette.utils.asgi import BadRequest, NotFound, Response
from markupsafe import Markup

from . import labels

STATIC_PREFIX = "/-/miner/static/"
DOCUMENT_ID_RE = re.compile(r"[0-9a-f]{64}")
_INT_RE = re.compile(r"\d{1,18}")
# Paragraphs on one page of a document; rows on one page of a list.
DOCUMENT_PAGE = 300
LIST_PAGE = 100
MAX_PAGE = 100_000

# The reader's page of each entity table, and of the mention tables by the entity they name.
ENTITY_PAGES = {
    "organizations": "/-/don-vi/{}",
    "persons": "/-/ca-nhan/{}",
    "emulation_groups": "/-/khoi-thi-dua/{}",
    "locations": "/-/dia-danh/{}",
    "award_types": "/-/khen-thuong/{}",
    "cited_documents": "/-/van-ban-dan-chieu/{}",
}
MENTIONS = {
    "organization_mentions": ("organizations", "organization_id"),
    "person_mentions": ("persons", "person_id"),
    "emulation_group_mentions": ("emulation_groups", "emulation_group_id"),
    "location_mentions": ("locations", "location_id"),
    "award_type_mentions": ("award_types", "award_type_id"),
    "citations": ("cited_documents", "cited_document_id"),
}


def page(view):
    """A view whose BadRequest and NotFound become a plain error page (no traceback in the log)."""

    @wraps(view)
    async def guarded(request, datasette):
        try:
            return await view(request, datasette)
        except (BadRequest, NotFound) as exc:
            status = 400 if isinstance(exc, BadRequest) else 404
            return await error_response(datasette, request, status, exc.args[0] if exc.args else "")

    return guarded


async def error_response(datasette, request, status: int, message: str) -> Response:
    """An error as JSON (for .json/.csv or _format) or as the page error.html renders."""
    if request.path.endswith((".json", ".csv")) or request.args.get("_format") in ("json", "csv"):
        return Response.json({"ok": False, "error": message, "status": status}, status=status)
    html = await datasette.render_template(
        "error.html", {"ok": False, "error": message, "status": status, "title": None}, request=request
    )
    return Response.html(html, status=status)


def miner_database(datasette) -> str:
    """The name of the served miner database: the first file database."""
    for name, db in datasette.databases.items():
        if not db.is_memory:
            return name
    raise NotFound("không có cơ sở dữ liệu / no database is served")


async def database(datasette, request, *tables: str):
    """The miner database, once the actor may view it (and these tables)."""
    name = miner_database(datasette)
    checks = [("view-table", (name, t)) for t in tables] + [("view-database", name), "view-instance"]
    await datasette.ensure_permissions(request.actor, checks)
    return name, datasette.get_database(name)


def wants(request, kind: str) -> bool:
    return request.url_vars.get("ext") == f".{kind}" or request.args.get("_format") == kind


def text_arg(request, name: str, limit: int) -> str:
    value = (request.args.get(name) or "").strip()
    if len(value) > limit:
        raise BadRequest(f"{name}: tối đa {limit} ký tự / at most {limit} characters")
    return value


def int_arg(request, name: str, low: int, high: int, default: int | None = None) -> int | None:
    value = (request.args.get(name) or "").strip()
    if not value:
        return default
    if not _INT_RE.fullmatch(value) or not low <= int(value) <= high:
        raise BadRequest(f"{name}: một số từ {low} đến {high} / a number from {low} to {high}")
    return int(value)


def page_number(request) -> int:
    """The `trang` (page) asked for, from 1."""
    return int_arg(request, "trang", 1, MAX_PAGE, default=1) or 1


def row_id(request, what: tuple[str, str]) -> int:
    """The integer id in the URL of an entity's page."""
    raw = request.url_vars["id"]
    if not _INT_RE.fullmatch(raw):
        raise BadRequest(f"mã {what[0]} phải là một số / {what[1]} id is a number")
    return int(raw)


def document_page_of(seq: int | None) -> int:
    """The page of a document that shows paragraph `seq`."""
    return (seq or 0) // DOCUMENT_PAGE + 1


class Links:
    """URLs of rows and pages of the served database."""

    def __init__(self, datasette, database: str):
        self.datasette = datasette
        self.database = database

    def path(self, path: str) -> str:
        return self.datasette.urls.path(path)

    def row(self, table: str, pk: object) -> str:
        return self.datasette.urls.table(self.database, table) + "/" + tilde_encode(str(pk))

    def table(self, table: str, **args: object) -> str:
        url = self.datasette.urls.table(self.database, table)
        return url + ("?" + urlencode(args) if args else "")

    def query(self, name: str, **args: object) -> str:
        url = self.datasette.urls.database(self.database) + "/" + name
        return url + ("?" + urlencode(args) if args else "")

    def document(self, document_id: str, seq: int | None = None) -> str:
        """A document's page; with `seq`, the page holding that paragraph, at it."""
        url = self.path(f"/-/van-ban/{document_id}")
        if seq is None:
            return url
        number = document_page_of(seq)
        return url + (f"?trang={number}" if number > 1 else "") + f"#p{seq}"

    def paragraph(self, paragraph_id: int) -> str:
        """The paragraph in its document (a redirect to the page holding it)."""
        return self.path(f"/-/doan/{paragraph_id}")

    def entity(self, table: str, entity_id: object) -> str | None:
        page_path = ENTITY_PAGES.get(table)
        return self.path(page_path.format(entity_id)) if page_path and entity_id is not None else None

    def unit(self, organization_id: int) -> str:
        return self.path(f"/-/don-vi/{organization_id}")

    def person(self, person_id: int) -> str:
        return self.path(f"/-/ca-nhan/{person_id}")

    def cited(self, cited_id: int) -> str:
        return self.path(f"/-/van-ban-dan-chieu/{cited_id}")

    def lookup(self, query: str) -> str:
        return self.path("/-/tra-cuu") + "?" + urlencode({"q": query})

    def search(self, query: str) -> str:
        return self.path("/-/tim-kiem") + "?" + urlencode({"q": query})

    def static(self, path: str) -> str:
        return self.path(STATIC_PREFIX + path)


class Pager:
    """One page of a list of `total` rows, and the links to the others."""

    def __init__(self, request, total: int, size: int = LIST_PAGE, arg: str = "trang"):
        self.size = size
        self.total = total
        self.count = max(1, -(-total // size))
        self.number = int_arg(request, arg, 1, MAX_PAGE, default=1) or 1
        if self.number > self.count:
            raise NotFound(f"chỉ có {self.count} trang / there are {self.count} pages")
        self.offset = (self.number - 1) * size
        self._request = request
        self._arg = arg

    def url(self, number: int) -> str:
        args = [(k, v) for k in self._request.args.keys() if k != self._arg for v in self._request.args.getlist(k)]
        if number > 1:
            args.append((self._arg, str(number)))
        return self._request.path + ("?" + urlencode(args) if args else "")

    def links(self) -> list[dict]:
        """The pages to link to: the first, the last and those near this one, with gaps as None."""
        near = {1, self.count, *range(max(1, self.number - 3), min(self.count, self.number + 3) + 1)}
        out: list[dict] = []
        last = 0
        for n in sorted(near):
            if n > last + 1:
                out.append({"gap": True})
            out.append({"number": n, "url": self.url(n), "current": n == self.number})
            last = n
        return out if self.count > 1 else []


async def render(datasette, request, template: str, context: dict) -> Response:
    links = context["links"]
    context = {
        "css_url": links.static("miner.css"),
        "js_url": links.static("charts.js"),
        "labels": labels,
        **context,
    }
    return Response.html(await datasette.render_template(template, context, request=request))


async def dicts(db, sql: str, params: object = None) -> list[dict]:
    return [dict(r) for r in await db.execute(sql, params)]


async def row_or_404(db, table: str, row_id: object, message: str) -> dict:
    rows = (await db.execute(f"select * from [{table}] where id = ?", [row_id])).rows
    if not rows:
        raise NotFound(message)
    return dict(rows[0])


def json_response(data: object, status: int = 200) -> Response:
    return Response.json(data, status=status, default=str)


def vega_json(spec: dict) -> Markup:
    """A Vega-Lite spec as JSON safe inside a <script type="application/json"> element."""
    text = json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def count_by(rows: list[dict], keys: tuple[str, ...], keep) -> list[dict]:
    counts: dict[tuple, int] = {}
    for r in rows:
        if keep(r):
            k = tuple(r[key] for key in keys)
            counts[k] = counts.get(k, 0) + 1
    return [
        {**dict(zip(keys, k, strict=True)), "n": n}
        for k, n in sorted(counts.items(), key=lambda kv: tuple(map(str, kv[0])))
    ]
