"""Charts of awards and citations, as Vega-Lite specs drawn by the vendored Vega (no CDN).

Readable with many award types: the taxonomy's classes (huân chương, bằng khen ...) or the most
frequent types and "Khác / Other", each with its own colour (never two series the same colour),
the whole legend (names never cut), counts on integer axes, at 1366 and at 390 px.
"""

from __future__ import annotations

from datasette.utils.asgi import Response

from . import labels
from .pages import Links, database, dicts, json_response, page, render, vega_json, wants

# Ten colours told apart (Tableau 10), the last kept for "Khác / Other"; a chart never has more series.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
OTHER_COLOUR = "#bab0ac"
TOP_TYPES = len(PALETTE)
OTHER = "Khác / Other"


def top_series(rows: list[dict], key: str, limit: int = TOP_TYPES) -> list[dict]:
    """Rows {year, key, n} with the `limit` largest series kept and the rest summed as OTHER."""
    totals: dict[str, int] = {}
    for r in rows:
        totals[r[key]] = totals.get(r[key], 0) + r["n"]
    ordered = sorted(totals, key=lambda k: (-totals[k], str(k)))
    keep = set(ordered if len(ordered) <= limit + 1 else ordered[:limit])
    merged: dict[tuple, int] = {}
    for r in rows:
        name = r[key] if r[key] in keep else OTHER
        merged[(r["year"], name)] = merged.get((r["year"], name), 0) + r["n"]
    return [
        {"year": y, key: k, "n": n} for (y, k), n in sorted(merged.items(), key=lambda kv: (kv[0][0], str(kv[0][1])))
    ]


def _series_order(rows: list[dict], key: str) -> list[str]:
    totals: dict[str, int] = {}
    for r in rows:
        totals[r[key]] = totals.get(r[key], 0) + r["n"]
    named = sorted((k for k in totals if k != OTHER), key=lambda k: (-totals[k], str(k)))
    return named + ([OTHER] if OTHER in totals else [])


def stacked_by_year(rows: list[dict], key: str, legend_title: str, count_title: str) -> dict:
    """Stacked bars per year, one colour per series (at most TOP_TYPES and OTHER), the whole legend."""
    order = _series_order(rows, key)
    colours = [OTHER_COLOUR if name == OTHER else PALETTE[i % len(PALETTE)] for i, name in enumerate(order)]
    return _spec(
        rows,
        {"type": "bar", "tooltip": True},
        count_title,
        {
            "field": key,
            "type": "nominal",
            "title": legend_title,
            "scale": {"domain": order, "range": colours},
            "sort": order,
            "legend": {"orient": "bottom", "direction": "vertical", "columns": 2, "labelLimit": 0, "symbolLimit": 0},
        },
    )


def line_by_year(rows: list[dict], count_title: str) -> dict:
    return _spec(rows, {"type": "line", "point": True, "tooltip": True}, count_title)


def _spec(rows: list[dict], mark: dict, count_title: str, color: dict | None = None) -> dict:
    encoding = {
        "x": {
            "field": "year",
            "type": "ordinal",
            "title": "Năm / Year",
            "axis": {"labelAngle": -45, "labelOverlap": True},
        },
        "y": {
            "field": "n",
            "type": "quantitative",
            "title": count_title,
            "stack": "zero",
            "axis": {"format": "d", "tickMinStep": 1},
        },
    }
    if color:
        encoding["color"] = color
        encoding["order"] = {"field": "series_order", "type": "quantitative"}
        order = color["scale"]["domain"]
        rows = [{**r, "series_order": order.index(r[color["field"]])} for r in rows]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 260,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": rows},
        "mark": mark,
        "encoding": encoding,
    }


def awards_by_type_chart(rows: list[dict]) -> dict:
    """Awards per year by type: the most frequent types, the rest as OTHER."""
    return stacked_by_year(top_series(rows, "award"), "award", "Khen thưởng / Award", "Số lượt / Count")


_CATEGORY_SQL = """
select e.year, coalesce(t.category, '') as category, count(*) as n
from award_events e left join award_types t on t.id = e.award_type_id
where e.year is not null and e.status = 'granted'
group by e.year, t.category order by e.year
"""
_TYPES_SQL = """
select year, award, count(*) as n from award_events
where year is not null and status = 'granted' group by year, award order by year, award
"""
_CITATIONS_SQL = """
select documents.year as year, count(*) as n from citations join documents on documents.id = citations.document_id
where documents.year is not null group by documents.year order by documents.year
"""


def _category_label(category: str) -> str:
    return labels.value_label("award_types", "category", category) or (category.capitalize() if category else OTHER)


@page
async def charts_page(request, datasette) -> Response:
    """Awards granted per year by class and by type, and citations per year."""
    name, db = await database(datasette, request, "award_events", "citations")
    links = Links(datasette, name)
    categories = [{**r, "category": _category_label(r["category"])} for r in await dicts(db, _CATEGORY_SQL)]
    types = await dicts(db, _TYPES_SQL)
    citations = await dicts(db, _CITATIONS_SQL)
    if wants(request, "json"):
        return json_response(
            {"awards_per_year_by_class": categories, "awards_per_year": types, "citations_per_year": citations}
        )
    return await render(
        datasette,
        request,
        "miner_charts.html",
        {
            "title": "Biểu đồ / Charts",
            "links": links,
            "categories_chart": vega_json(
                stacked_by_year(top_series(categories, "category"), "category", "Nhóm / Class", "Số lượt / Count")
            ),
            "types_chart": vega_json(awards_by_type_chart(types)),
            "citations_chart": vega_json(line_by_year(citations, "Số lần dẫn chiếu / Citations")),
            "type_count": len({r["award"] for r in types}),
            "has_awards": bool(types),
            "has_citations": bool(citations),
        },
    )
