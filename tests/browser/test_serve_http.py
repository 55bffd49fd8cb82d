"""`miner serve` as a client meets it over HTTP (no browser needed): an address too long gets a
414 with a message, not a reset connection (issue 14, item 10), however its bytes arrive."""

from __future__ import annotations

import http.client
import select
import socket
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from miner.web.http_protocol import LOGGED_ADDRESS, READ_LIMIT, refusal

pytestmark = pytest.mark.slow  # make test-fast skips it

ADDRESS_PART = "354%2FQ%C4%90-UBND%0A"  # "354/QĐ-UBND" and a new line, as the list lookup's form sends it


def _address(size: int) -> str:
    return "/-/tra-cuu?danh_sach=" + ADDRESS_PART * (size // len(ADDRESS_PART))


def _answer(sock: socket.socket) -> tuple[int, str]:
    """The status and body of the one response on `sock`, read to the end of the connection."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


@pytest.mark.parametrize("size", [150 * 1024, 400 * 1024], ids=["150KB", "400KB"])
def test_an_address_too_long_is_answered_414(server, size):
    address = urlparse(server["url"])
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    conn.request("GET", _address(size))
    response = conn.getresponse()
    assert (response.status, "URI too long" in response.read().decode()) == (414, True)
    conn.close()


def _logged_lookups(log: Path) -> list[str]:
    return [line for line in log.read_text(encoding="utf-8").splitlines() if '"GET /-/tra-cuu?danh_sach=' in line]


def test_the_access_log_writes_a_long_address_by_its_start_and_length(server):
    """The guard answers a 150 KB address; its access log line has the start and the length only."""
    log = server["db"].parent / "serve.log"  # where the fixture sends `miner serve`'s output
    before = len(_logged_lookups(log))
    address = urlparse(server["url"])
    path = _address(150 * 1024)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    conn.request("GET", path)
    conn.getresponse().read()
    conn.close()
    deadline = time.monotonic() + 10
    while len(lines := _logged_lookups(log)) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    shortened = f"{path[:LOGGED_ADDRESS]}…[{len(path)} ký tự / characters]"
    assert lines[-1].split(" - ", 1)[1] == f'"GET {shortened} HTTP/1.1" 414 Request-URI Too Long'


@pytest.mark.parametrize(
    ("long_part", "answer"),
    [("address", (414, "URI too long")), ("header", (431, "request header fields too large"))],
    ids=["address", "header"],
)
def test_a_request_head_too_long_still_being_sent_is_answered(server, long_part, answer):
    """The race that made the test above flake, made certain: the client sends more of the request
    head than the server reads, waits until the server has answered, and only then sends the rest.
    The server must read (and drop) the rest, not close on it: unread bytes at close make the kernel
    reset the connection, and a reset can destroy the answer before the client reads it."""
    address = urlparse(server["url"])
    if long_part == "address":
        head = f"GET {_address(400 * 1024)} HTTP/1.1\r\nHost: {address.netloc}\r\n"
    else:
        head = f"GET /-/tra-cuu HTTP/1.1\r\nHost: {address.netloc}\r\nX-Padding: {'a' * 400 * 1024}\r\n"
    request = (head + "\r\n").encode("ascii")
    first = READ_LIMIT + 16 * 1024
    with socket.create_connection((address.hostname, address.port), timeout=30) as sock:
        sock.sendall(request[:first])
        readable, _, _ = select.select([sock], [], [], 30)  # the server answers before the head ends
        sock.sendall(request[first:])
        status, body = _answer(sock)
    assert (bool(readable), status, answer[1] in body) == (True, answer[0], True)


def test_a_refused_head_is_told_apart_by_where_it_stops():
    heads = [b"GET /aaaa", b"GET /aaaaaaaaaaaa", b"GET / HTTP/1.1\r\nX: aaaaa"]
    assert [(refusal(head, limit=10) or (None,))[0] for head in heads] == [None, 414, 431]
