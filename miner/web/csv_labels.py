"""The CSV of a table or canned query as a spreadsheet user reads it: headings and coded values
in both languages ("Trạng thái / Status", "Đã tặng / Granted"), like the page it comes from.

Datasette 0.65 writes its CSV itself (no hook renders it), so this sits between Datasette and the
client and rewrites the stream record by record, as it comes (`_stream=on` included). What keeps
the codes: JSON, the SQL page and its CSV (`/db.csv?sql=...`), a CSV asked `_header=off` (no
heading tells which column a cell is in) and the `_trace` debug view.
"""

from __future__ import annotations

import codecs
import csv
import io
from urllib.parse import parse_qsl

from datasette.utils import tilde_decode

from . import labels
from .cells import QUERY_CODES

# The heading of the column Datasette adds beside an expanded foreign key (`_labels=on`).
_LABEL_SUFFIX = "_label"
NAME_OF = "tên / name"


def labelled_path(path: str, query_string: bytes) -> tuple[str, str] | None:
    """(database, table or query) of a table's or canned query's CSV whose labels are written, else None."""
    parts = path.split("/")
    if len(parts) != 3 or not parts[2].endswith(".csv") or parts[1].startswith("-"):
        return None
    args = dict(parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True))
    if args.get("_header") == "off" or args.get("_trace") or "sql" in args:
        return None
    return tilde_decode(parts[1]), tilde_decode(parts[2][: -len(".csv")])


class Relabel:
    """Rewrites a CSV stream: the first record (the headings) as column titles, each coded cell as its label."""

    def __init__(self, table: str | None):
        self.table = table
        self.columns: list[str] | None = None
        self.coded: list[tuple[int, str, str]] = []  # (index, column, the table whose labels it takes)
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._pending = ""
        self._quotes = 0  # quotes in the pending record up to _scanned: odd means inside a quoted cell
        self._scanned = 0

    def feed(self, chunk: bytes, final: bool = False) -> bytes:
        """The rewritten text of every record completed by this chunk (all that is left when final)."""
        self._pending += self._decoder.decode(chunk, final)
        out = []
        start = 0
        while True:
            end = self._pending.find("\r\n", self._scanned)
            if end < 0:
                break
            self._quotes += self._pending.count('"', self._scanned, end)
            self._scanned = end + 2
            if self._quotes % 2 == 0:  # the line end is outside quotes: a whole record
                out.append(self._record(self._pending[start:end]))
                start = self._scanned
                self._quotes = 0
        self._pending = self._pending[start:]
        self._scanned -= start
        if final and self._pending:
            out.append(self._record(self._pending))
            self._pending, self._scanned, self._quotes = "", 0, 0
        return "".join(out).encode("utf-8")

    def _record(self, text: str) -> str:
        row = next(csv.reader(io.StringIO(text, newline="")), [])
        if self.columns is None:
            self.columns = row
            self.coded = [(i, c, t) for i, c in enumerate(row) if (t := self._coded_in(c)) is not None]
            row = [self._title(c) for c in row]
        else:
            for i, column, table in self.coded:
                if i < len(row) and row[i] != "":
                    row[i] = labels.value_label(table, column, row[i]) or row[i]
        out = io.StringIO()
        csv.writer(out).writerow(row)
        return out.getvalue()

    def _coded_in(self, column: str) -> str | None:
        """The table whose labels a coded column's values take ("" for every table's), else None."""
        if self.table is None:  # a canned query's column, by its name, as its page shows it
            return QUERY_CODES.get(column)
        return self.table if labels.is_coded(self.table, column) else None

    def _title(self, column: str) -> str:
        assert self.columns is not None
        base = column[: -len(_LABEL_SUFFIX)]
        if column.endswith(_LABEL_SUFFIX) and base in self.columns:
            return f"{labels.column_title(self.table, base)} ({NAME_OF})"
        return labels.column_title(self.table, column)


def wrap(datasette, app):
    """The ASGI app with the CSV of tables and canned queries labelled."""

    async def labelled(scope, receive, send):
        target = (
            labelled_path(scope.get("path", ""), scope.get("query_string", b"")) if scope["type"] == "http" else None
        )
        if target is None:
            return await app(scope, receive, send)
        name, table = target
        try:
            db = datasette.get_database(name)
        except KeyError:
            return await app(scope, receive, send)
        relabel = Relabel(table if await db.table_exists(table) else None)
        passing = False

        async def relabelled(message):
            nonlocal passing
            if message["type"] == "http.response.start":
                passing = message.get("status") != 200
                if not passing:
                    message = {
                        **message,
                        "headers": [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-length"],
                    }
            elif message["type"] == "http.response.body" and not passing:
                more = message.get("more_body", False)
                message = {**message, "body": relabel.feed(message.get("body", b""), final=not more)}
            await send(message)

        await app(scope, receive, relabelled)

    return labelled
