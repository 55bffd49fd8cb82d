"""What the project's versions of Datasette's templates need: labels for tables, columns and codes,
the home page's entry points and counts, and a row page's links to the reader's pages."""

from __future__ import annotations

import time

from . import labels
from .cells import NAME_COLUMNS, name_of, page_path
from .pages import MENTIONS, miner_database

# The home page's counts: what the archive holds, each read from a table's own rows.
HOME_COUNTS = (
    ("documents", "văn bản", "documents"),
    ("cited_documents", "văn bản được dẫn chiếu", "cited documents"),
    ("citations", "lần dẫn chiếu", "citations"),
    ("organizations", "cơ quan, đơn vị", "organisations"),
    ("persons", "cá nhân", "persons"),
    ("emulation_groups", "khối, cụm thi đua", "emulation groups"),
    ("award_events", "lượt khen thưởng", "awards"),
)
# Counted at most this often: a count of a million rows is not free, and the home page is busy.
COUNT_SECONDS = 60.0
_counts_cache: dict[str | None, tuple[float, dict[str, int]]] = {}


class Words:
    """The labels module as the templates call it: `miner.table(t)`, `miner.column(t, c)`, `miner.value(t, c, v)`."""

    table = staticmethod(labels.table_title)
    column = staticmethod(labels.column_title)
    describe = staticmethod(labels.describe)
    chrome = staticmethod(labels.chrome)
    operator = staticmethod(labels.operator)

    @staticmethod
    def value(table, column, value):
        return labels.shown(table, column, value)

    @staticmethod
    def number(n) -> str:
        """1234567 as Vietnamese writes it: "1.234.567"."""
        return f"{n:,}".replace(",", ".") if isinstance(n, int) else str(n)


WORDS = Words()


async def home_counts(datasette, database: str) -> dict[str, int]:
    """Rows of the home page's tables (cached COUNT_SECONDS per database file)."""
    db = datasette.get_database(database)
    cached = _counts_cache.get(db.path)
    if cached and time.monotonic() - cached[0] < COUNT_SECONDS:
        return cached[1]
    counts: dict[str, int] = {}
    for table, _, _ in HOME_COUNTS:
        if await db.table_exists(table):
            counts[table] = (await db.execute(f"select count(*) from [{table}]")).rows[0][0]
    _counts_cache[db.path] = (time.monotonic(), counts)
    return counts


async def home(datasette, request) -> dict:
    """The home page: the lookup box, the search box, the entry points with what the archive holds."""
    try:
        database = miner_database(datasette)
    except Exception:
        return {}
    if not await datasette.permission_allowed(
        request.actor if request else None, "view-database", database, default=True
    ):
        return {}
    counts = await home_counts(datasette, database)
    entries = []
    for table, vi, en in HOME_COUNTS:
        if table in counts:
            entries.append(
                {
                    "table": table,
                    "count": counts[table],
                    "vi": vi,
                    "en": en,
                    "url": datasette.urls.table(database, table),
                }
            )
    queries = [
        {"name": name, "title": q.get("title") or name, "url": datasette.urls.database(database) + "/" + name}
        for name, q in ((datasette.metadata("queries", database=database) or {}).items())
    ]
    return {"miner_home": {"database": database, "counts": entries, "queries": queries}}


async def row_links(datasette, database: str, table: str, pks: str) -> dict:
    """A row page's links to the reader's pages: the row's own, and for a mention, the entity's and the paragraph's."""
    if not pks or "," in pks:
        return {}
    db = datasette.get_database(database)
    links = []
    try:
        own = page_path(table, pks) if table in NAME_COLUMNS else None
        if own:
            links.append({"label": "Trang đọc / Reader's page", "url": datasette.urls.path(own)})
        if table in MENTIONS or table == "award_events":
            rows = (await db.execute(f"select * from [{table}] where id = ?", [pks])).rows
            if rows:
                row = dict(rows[0])
                entity, column = MENTIONS.get(table, ("award_types", "award_type_id"))
                targets = [
                    (entity, column),
                    ("organizations", "recipient_organization_id"),
                    ("persons", "recipient_person_id"),
                ]
                for target, key in targets:
                    if row.get(key) is not None:
                        name = await name_of(datasette, database, target, row[key])
                        links.append(
                            {
                                "label": name or labels.table_title(target),
                                "url": datasette.urls.path(page_path(target, row[key])),
                            }
                        )
                if row.get("paragraph_id") is not None:
                    links.append(
                        {
                            "label": "Đoạn trong văn bản / The paragraph in its document",
                            "url": datasette.urls.path(page_path("paragraphs", row["paragraph_id"])),
                        }
                    )
    except Exception:
        return {}
    return {"miner_row_links": links}
