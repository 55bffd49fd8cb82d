"""What stands before Datasette: bad parameters answered 400 (not 500), an over-long address 414,
the login of a protected instance, and errors shown without a traceback or the SQL behind them.

Datasette 0.65 answers 500 to `_size=²` ('²'.isdigit() but int('²') fails), `_next` or a filter
value past SQLite's integers (OverflowError), a `_sort` on no column, a `_where` or `_facet` that
is not SQL of the table (sqlite3.OperationalError); and, with `rich` installed (spaCy brings it),
its default error handler fails on any path no route serves (`/-/static-plugins/x`). The checks
here refuse those requests with a message first; handle_exception (miner/web/__init__.py) turns
what still escapes into the same 400.
"""

from __future__ import annotations

import json
import sqlite3
from urllib.parse import parse_qsl

from datasette.utils.asgi import Response

from .login import allowed_anonymously, password_configured
from .table_search import MAX_ROWID

# An address longer than this is refused with 414 (the list lookup's 12,000 characters fit).
MAX_QUERY_STRING = 128 * 1024
URI_TOO_LONG = (
    f"414: địa chỉ quá dài (tối đa {MAX_QUERY_STRING // 1024} KB) / URI too long "
    f"(at most {MAX_QUERY_STRING // 1024} KB)\n"
)
_DIGIT_ARGS = ("_size", "_timelimit", "_ttl", "_facet_size", "_nocount", "_nofacet")
# SQLite's words for SQL a request wrote wrong (a `_where`, a `_facet`, a `_sort` on no column).
_BAD_SQL = (
    "no such column",
    "syntax error",
    "unrecognized token",
    "no such function",
    "fts5:",
    "unterminated string",
    "malformed match",
    "ambiguous column",
    "no such table",
    "near ",
)


class BadParameter(ValueError):
    """A request parameter that cannot be answered: the message says which and why."""


def check_query(path: str, query_string: bytes) -> None:
    """Raise BadParameter for a parameter Datasette would turn into a 500 (the plugin's own pages check theirs)."""
    if path.startswith("/-/"):
        return
    pairs = parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True)
    for key, value in pairs:
        if key == "_through":
            _check_through(value)
        if key in _DIGIT_ARGS and value and value != "max" and not (value.isascii() and value.isdigit()):
            raise BadParameter(f"{key}: một số / a number ({value[:20]!r})")
        if not key.startswith("_") or key == "_next":
            if value.isdigit() and not value.isascii():
                raise BadParameter(f"{key}: chữ số không hợp lệ / not a number ({value[:20]!r})")
            if value.isascii() and value.isdigit() and int(value) > MAX_ROWID:
                raise BadParameter(f"{key}: số quá lớn / number too large")


def _check_through(value: str) -> None:
    """`_through` as Datasette reads it: a JSON object {"table": ..., "column": ..., "value": ...}."""
    expected = 'JSON {"table": "...", "column": "...", "value": ...}'
    try:
        through = json.loads(value)
    except ValueError:
        raise BadParameter(f"_through: không phải JSON / not JSON; cần / expected {expected}") from None
    if (
        not isinstance(through, dict)
        or not isinstance(through.get("table"), str)
        or not isinstance(through.get("column"), str)
        or "value" not in through
        or not isinstance(through["value"], str | int | float)
        or isinstance(through["value"], bool)
    ):
        raise BadParameter(f"_through: cần / expected {expected}")


def client_error(exception: BaseException) -> str | None:
    """The message of an exception that a request caused (a 400), or None for a fault of the server."""
    from datasette.views.base import DatasetteError

    if isinstance(exception, OverflowError):
        return "số quá lớn / number too large"
    if isinstance(exception, BadParameter):
        return str(exception)
    if isinstance(exception, sqlite3.OperationalError):
        message = str(exception)
        if any(word in message.lower() for word in _BAD_SQL):
            return f"yêu cầu không hợp lệ / invalid request: {message}"
        return None
    if isinstance(exception, DatasetteError) and getattr(exception, "status", 500) == 500:
        message = getattr(exception, "message", "") or str(exception)
        if message.startswith(("Cannot sort", "Cannot use _sort", "Invalid _", "_size must be")):
            return f"tham số không hợp lệ / invalid parameter: {message}"
    return None


async def _actor(datasette, scope, receive) -> object:
    """The actor of a request, as Datasette will find it (the ds_actor cookie, plugins' hooks)."""
    from datasette.plugins import pm
    from datasette.utils import await_me_maybe
    from datasette.utils.asgi import Request

    request = Request(scope, receive)
    for candidate in pm.hook.actor_from_request(datasette=datasette, request=request):
        actor = await await_me_maybe(candidate)
        if actor:
            return actor
    return None


async def _error(datasette, scope, receive, status: int, message: str) -> Response:
    """The error as JSON or as the error page (rendered without the request: its CSRF token is set later)."""
    if scope.get("path", "").endswith((".json", ".csv")):
        return Response.json({"ok": False, "error": message, "status": status}, status=status)
    html = await datasette.render_template(
        "error.html", {"ok": False, "error": message, "status": status, "title": None}, request=None
    )
    return Response.html(html, status=status)


def wrap(datasette, app):
    """The ASGI app with these checks in front of it."""

    async def guarded(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        query = scope.get("query_string", b"")
        path = scope.get("path", "")
        if len(query) + len(path) > MAX_QUERY_STRING:
            return await Response.text(URI_TOO_LONG, status=414).asgi_send(send)
        if password_configured(datasette) and not allowed_anonymously(path):
            if await _actor(datasette, scope, receive) is None:
                return await Response.redirect(datasette.urls.path("/-/login")).asgi_send(send)
        try:
            check_query(path, query)
        except BadParameter as exc:
            return await (await _error(datasette, scope, receive, 400, str(exc))).asgi_send(send)
        await app(scope, receive, send)

    return guarded
