"""The login of a password-protected `miner serve`, and what an anonymous visitor may see.

datasette-auth-passwords checks a password (PBKDF2, hundreds of milliseconds of CPU) inside the
event loop, so eight wrong guesses at once stall every page, and it never slows a guesser down.
These views take its place at /-/login and /-/password-tool: the hash is checked in a thread,
and a client that failed FREE_FAILURES times waits twice as long after each further failure (up
to MAX_WAIT seconds) before its next attempt is even read. With a password set, a visitor who
is not logged in is sent to /-/login from every path but the login's own and the style sheets,
so that no answer tells which tables exist.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from datasette.utils.asgi import Response

FREE_FAILURES = 3
MAX_WAIT = 60.0
FIRST_WAIT = 1.0
# A client's failures are forgotten this long after its last one; at most this many clients are kept.
FORGET_AFTER = 15 * 60.0
MAX_CLIENTS = 10_000
# What an anonymous visitor of a protected instance may fetch: the login and what draws it.
OPEN_PATHS = ("/-/login", "/-/static/", "/-/miner/static/", "/favicon.ico")


@dataclass
class _Client:
    failures: int
    until: float  # the next attempt is read from then on
    last: float  # the last failure


@dataclass
class Attempts:
    """Failed logins per client address: how many, and until when the next one must wait.

    Bounded: a client whose last failure is older than FORGET_AFTER is forgotten (its count starts
    again), and past MAX_CLIENTS addresses (a sweep of many) the longest quiet ones go first.
    """

    clients: dict[str, _Client] = field(default_factory=dict)  # oldest last failure first

    def wait(self, client: str, now: float | None = None) -> float:
        """Seconds this client must still wait before its next attempt is checked."""
        now = time.monotonic() if now is None else now
        entry = self.clients.get(client)
        if entry is None or entry.last < now - FORGET_AFTER:
            return 0.0
        return max(0.0, entry.until - now)

    def failed(self, client: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self._forget(now)
        entry = self.clients.pop(client, None)  # re-inserted last: the dict stays in order of last failure
        n = (entry.failures if entry else 0) + 1
        until = now + min(MAX_WAIT, FIRST_WAIT * 2 ** (n - FREE_FAILURES - 1)) if n > FREE_FAILURES else now
        self.clients[client] = _Client(n, until, now)
        while len(self.clients) > MAX_CLIENTS:
            del self.clients[next(iter(self.clients))]

    def succeeded(self, client: str) -> None:
        self.clients.pop(client, None)

    def _forget(self, now: float) -> None:
        """Drop the clients whose last failure is older than FORGET_AFTER (they are first in order)."""
        while self.clients:
            oldest = next(iter(self.clients))
            if self.clients[oldest].last >= now - FORGET_AFTER:
                break
            del self.clients[oldest]


ATTEMPTS = Attempts()


def _client(request) -> str:
    client = request.scope.get("client")
    return client[0] if client else "?"


def accounts(datasette) -> dict[str, str]:
    """{user: password hash} of datasette-auth-passwords' configuration (the hash from the environment)."""
    config = datasette.plugin_config("datasette-auth-passwords") or {}
    return {k[: -len("_password_hash")]: v for k, v in config.items() if k.endswith("_password_hash") and v}


def password_configured(datasette) -> bool:
    return bool(accounts(datasette))


async def login_page(request, datasette) -> Response:
    """GET: the form. POST: the password checked off the event loop, failures slowed per client."""
    from datasette_auth_passwords.utils import verify_password

    error = None
    users = accounts(datasette)
    if not users:
        error = "Chưa đặt mật khẩu cho máy chủ này / This instance has no password set"
    elif request.method == "POST":
        client = _client(request)
        wait = ATTEMPTS.wait(client)
        if wait > 0:
            response = await _form(
                datasette,
                request,
                (
                    f"Sai mật khẩu nhiều lần: thử lại sau {wait:.0f} giây / "
                    f"Too many wrong passwords: try again in {wait:.0f} seconds"
                ),
                status=429,
            )
            response.headers["retry-after"] = str(int(wait) + 1)
            return response
        form = await request.post_vars()
        username = form.get("username") or ""
        password = form.get("password") or ""
        hashed = users.get(username)
        ok = bool(hashed) and await asyncio.to_thread(verify_password, password, hashed)
        if ok:
            ATTEMPTS.succeeded(client)
            actors = (datasette.plugin_config("datasette-auth-passwords") or {}).get("actors") or {}
            response = Response.redirect(datasette.urls.path("/"))
            response.set_cookie("ds_actor", datasette.sign({"a": actors.get(username) or {"id": username}}, "actor"))
            return response
        ATTEMPTS.failed(client)
        error = "Sai tên hoặc mật khẩu / Invalid username or password"
    return await _form(datasette, request, error, status=401 if error and request.method == "POST" else 200)


async def _form(datasette, request, error: str | None, status: int = 200) -> Response:
    html = await datasette.render_template("miner_login.html", {"error": error}, request=request)
    return Response.html(html, status=status)


async def password_tool_page(request, datasette) -> Response:
    """Not served: hashing a password on the server is CPU a visitor could spend; use the command."""
    return Response.text(
        "Dùng lệnh `.venv/bin/datasette hash-password` / use `.venv/bin/datasette hash-password`\n", status=404
    )


def allowed_anonymously(path: str) -> bool:
    """Whether a visitor who is not logged in may fetch this path of a protected instance."""
    return path == "/-/login" or path.startswith(OPEN_PATHS[1:])
