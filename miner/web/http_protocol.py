"""The HTTP/1.1 connection `miner serve` speaks: uvicorn's h11 protocol, except that a request it
cannot read is answered with a reason (414 for an address too long) and the connection is closed
without destroying that answer.

uvicorn reads a request head of up to READ_LIMIT bytes; a longer address gets the guard's 414 when
the whole head arrives in time, but once more than READ_LIMIT is buffered without the end of the
request line, h11 gives up and uvicorn answers 400 and closes at once, while the client is still
sending. Bytes arriving at a closed socket make the kernel reset the connection, and a reset can
destroy the answer before the client reads it (the 400 KB address test failed so). Here the
answer says what was wrong, then the connection is closed as web servers do ("lingering close"):
our side is shut for writing, and what the client still sends is read and dropped until it stops
(LINGER_IDLE seconds without a byte), closes its side, or LINGER_MAX seconds have passed.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .guard import MAX_QUERY_STRING, URI_TOO_LONG

# The longest request head read: an address up to MAX_QUERY_STRING (answered 414 by the guard
# past it) and room for the request's headers.
READ_LIMIT = MAX_QUERY_STRING + 64 * 1024
LINGER_IDLE = 2.0
LINGER_MAX = 10.0
# The longest address written whole in the access log: a 190 KB address is logged by its start
# and its length, so a few requests cannot fill the disk or bury the log.
LOGGED_ADDRESS = 1000
_TOO_LONG = {
    414: (b"URI Too Long", URI_TOO_LONG),
    431: (
        b"Request Header Fields Too Large",
        f"431: phần đầu yêu cầu quá dài (tối đa {READ_LIMIT // 1024} KB) / request header fields too large "
        f"(at most {READ_LIMIT // 1024} KB)\n",
    ),
}


def refusal(head: bytes, limit: int = READ_LIMIT) -> tuple[int, bytes, str] | None:
    """The status, reason and text for a request head h11 refused for its size, or None when it
    refused it for something else: 414 while the request line has no end, 431 past it."""
    if len(head) <= limit:
        return None
    status = 431 if b"\n" in head else 414
    return (status, *_TOO_LONG[status])


class MinerH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a reason for a refused request and a lingering close after it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._linger_timer: asyncio.TimerHandle | None = None
        self._linger_until = 0.0

    def data_received(self, data: bytes) -> None:
        if self._linger_until:  # answered and closing: the rest of the request is dropped
            self._linger()
            return
        super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        """Called by uvicorn when h11 refuses the request (their state is then ERROR)."""
        head, _ = self.conn.trailing_data
        limit = self.config.h11_max_incomplete_event_size or READ_LIMIT
        status, reason, text = refusal(head, limit) or (400, b"Bad Request", msg + "\n")
        if status != 400:  # uvicorn has said "Invalid HTTP request received."
            self.logger.warning("%s", text.strip())
        body = text.encode("utf-8")
        headers = [
            *self.server_state.default_headers,
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode("ascii")),
            (b"connection", b"close"),
        ]
        for event in (h11.Response(status_code=status, headers=headers, reason=reason), h11.Data(data=body)):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.write(self.conn.send(h11.EndOfMessage()) or b"")
        if self.transport.can_write_eof():
            self.transport.write_eof()  # after the answer: the client reads it, then the end
        self.flow.resume_reading()
        self._linger_until = self.loop.time() + LINGER_MAX
        self._linger()

    def _linger(self) -> None:
        """(Re)arm the close: LINGER_IDLE after the last byte, and never past the deadline."""
        if self._linger_timer is not None:
            self._linger_timer.cancel()
        wait = min(LINGER_IDLE, self._linger_until - self.loop.time())
        self._linger_timer = self.loop.call_later(max(wait, 0.0), self.transport.close)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._linger_timer is not None:
            self._linger_timer.cancel()
        super().connection_lost(exc)


class ShortAddresses(logging.Filter):
    """For uvicorn's access log (`"%s - "%s %s HTTP/%s" %d"`): an address past LOGGED_ADDRESS
    characters is written as its start, "…" and its length."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str) and len(args[2]) > LOGGED_ADDRESS:
            address = f"{args[2][:LOGGED_ADDRESS]}…[{len(args[2])} ký tự / characters]"
            record.args = (*args[:2], address, *args[3:])
        return True
