"""The pages of what documents name: a unit, a person, an emulation group, a place, an award type.

Each shows what the archive knows of it, the documents naming it (paged, each linking to the
paragraph), and links to the pages of what it is connected with; every list links back.
"""

from __future__ import annotations

from datasette.utils.asgi import Response

from . import labels, old_names
from .charts import awards_by_type_chart, stacked_by_year
from .pages import (
    LIST_PAGE,
    Links,
    Pager,
    count_by,
    database,
    dicts,
    json_response,
    page,
    render,
    row_id,
    row_or_404,
    vega_json,
    wants,
)

# A document list is read from the mentions' index: at most this many documents are counted.
MAX_DOCUMENTS = 20_000


async def documents_naming(
    db, request, mentions: str, column: str, entity_id: int, links: Links
) -> tuple[list[dict], Pager]:
    """A page of the documents that name an entity, the newest first, each with its first mention."""
    total = (
        await db.execute(
            f"select count(*) from (select distinct document_id from [{mentions}] where [{column}] = ? limit {MAX_DOCUMENTS})",
            [entity_id],
        )
    ).rows[0][0]
    pager = Pager(request, total, size=LIST_PAGE)
    rows = await dicts(
        db,
        f"select d.id, d.title, d.kind, d.symbol, d.issued_date, m.n, m.first_paragraph, "
        f"(select seq from paragraphs where id = m.first_paragraph) as seq "
        f"from (select document_id, count(*) as n, min(paragraph_id) as first_paragraph from [{mentions}] "
        f"where [{column}] = ? group by document_id limit {MAX_DOCUMENTS}) as m "
        f"join documents d on d.id = m.document_id order by d.issued_date desc, d.id limit ? offset ?",
        [entity_id, LIST_PAGE, pager.offset],
    )
    for r in rows:
        r["url"] = links.document(r["id"], r["seq"])
        r["kind_label"] = labels.shown("documents", "kind", r["kind"])
    return rows, pager


def _award_links(awards: list[dict], links: Links) -> None:
    for a in awards:
        a["status_label"] = labels.shown("award_events", "status", a["status"])
        a["type_url"] = links.entity("award_types", a.get("award_type_id"))
        a["decision_url"] = (
            links.cited(a["cited_document_id"])
            if a.get("cited_document_id")
            else (links.lookup(a["decision"]) if a.get("decision") else None)
        )
        a["document_url"] = (
            links.paragraph(a["paragraph_id"])
            if a.get("paragraph_id")
            else (links.document(a["document_id"]) if a.get("document_id") else None)
        )
        if a.get("recipient_organization_id"):
            a["recipient_url"] = links.unit(a["recipient_organization_id"])
        elif a.get("recipient_person_id"):
            a["recipient_url"] = links.person(a["recipient_person_id"])


_AWARD_COLUMNS = (
    "id, year, award, award_type_id, recipient, recipient_organization_id, recipient_person_id, status, "
    "grantor, grantor_organization_id, decision, cited_document_id, document_id, paragraph_id"
)


# ---------------------------------------------------------------- a unit


@page
async def unit_page(request, datasette) -> Response:
    """An organisation: its names as written, its awards, the decisions it issued, the documents naming it."""
    org_id = row_id(request, ("đơn vị", "a unit's"))
    name, db = await database(datasette, request, "organizations", "organization_mentions", "award_events")
    links = Links(datasette, name)
    org = await row_or_404(db, "organizations", org_id, f"không có đơn vị {org_id} / no unit {org_id}")
    aliases = await dicts(
        db,
        "select text, count(*) as n from organization_mentions where organization_id = ? and text is not null "
        "group by text order by n desc, text limit 100",
        [org_id],
    )
    awards = await dicts(
        db,
        f"select {_AWARD_COLUMNS} from award_events where recipient_organization_id = ? "
        "order by year desc, award limit 1000",
        [org_id],
    )
    granted = await dicts(
        db,
        f"select {_AWARD_COLUMNS} from award_events where grantor_organization_id = ? "
        "order by year desc, award limit 200",
        [org_id],
    )
    issued = await dicts(
        db,
        "select cited_documents.id, label, issued_date, subject, symbol, "
        "(select count(distinct document_id) from citations where cited_document_id = cited_documents.id) as citing "
        "from cited_documents where issuer = ? order by citing desc, issued_date desc limit 200",
        [org["name"]],
    )
    groups = await dicts(
        db,
        "select g.id, g.name, count(distinct gm.document_id) as n from emulation_group_mentions gm "
        "join emulation_groups g on g.id = gm.emulation_group_id where gm.document_id in "
        "(select document_id from organization_mentions where organization_id = ? limit 2000) "
        "group by g.id order by n desc, g.name limit 20",
        [org_id],
    )
    documents, pager = await documents_naming(db, request, "organization_mentions", "organization_id", org_id, links)
    by_year = count_by(awards, ("year", "award"), lambda a: a["year"] is not None)
    places = await db.execute_fn(lambda conn: old_names.places_in_unit(conn, org_id, org["name"], org["province"]))
    if wants(request, "json"):
        return json_response(
            {
                "organization": org,
                "aliases": aliases,
                "documents": documents,
                "page": pager.number,
                "pages": pager.count,
                "documents_total": pager.total,
                "awards": awards,
                "granted": granted,
                "issued_cited": issued,
                "groups": groups,
                "awards_by_year": by_year,
                "now_in": [p.as_dict() for p in places],
            }
        )
    _award_links(awards, links)
    _award_links(granted, links)
    return await render(
        datasette,
        request,
        "miner_unit.html",
        {
            "title": org["name"],
            "links": links,
            "org": org,
            "org_url": links.row("organizations", org_id),
            "aliases": aliases,
            "documents": documents,
            "pager": pager,
            "awards": awards,
            "granted": granted,
            "issued": [{**c, "url": links.cited(c["id"])} for c in issued],
            "groups": [{**g, "url": links.entity("emulation_groups", g["id"])} for g in groups],
            "chart": vega_json(awards_by_type_chart(by_year)) if by_year else None,
            "now_in": [_now_in_shown(p, links) for p in places],
        },
    )


def _now_in_shown(place: old_names.Place, links: Links) -> dict:
    """A place that lies elsewhere now, with the links to its page and to a search by its new name."""
    return {
        **place.as_dict(),
        "url": links.entity("locations", place.id),
        "search_url": links.search(old_names.new_unit(place.moved_to or "")),
    }


# ---------------------------------------------------------------- a person


@page
async def person_page(request, datasette) -> Response:
    """A person: the roles they are named with, their awards, the documents they signed or that name them."""
    person_id = row_id(request, ("cá nhân", "a person's"))
    name, db = await database(datasette, request, "persons", "person_mentions", "award_events")
    links = Links(datasette, name)
    person = await row_or_404(db, "persons", person_id, f"không có cá nhân {person_id} / no person {person_id}")
    roles = await dicts(
        db,
        "select role, count(*) as n from person_mentions where person_id = ? and role is not null "
        "group by role order by n desc, role limit 50",
        [person_id],
    )
    written = await dicts(
        db,
        "select text, count(*) as n from person_mentions where person_id = ? and text is not null "
        "group by text order by n desc, text limit 50",
        [person_id],
    )
    awards = await dicts(
        db,
        f"select {_AWARD_COLUMNS} from award_events where recipient_person_id = ? order by year desc, award limit 500",
        [person_id],
    )
    signed = await dicts(
        db,
        "select id, title, kind, symbol, issued_date from documents where signer = ? "
        "order by issued_date desc limit 200",
        [person["name"]],
    )
    documents, pager = await documents_naming(db, request, "person_mentions", "person_id", person_id, links)
    if wants(request, "json"):
        return json_response(
            {
                "person": person,
                "roles": roles,
                "written": written,
                "awards": awards,
                "signed": signed,
                "documents": documents,
                "page": pager.number,
                "pages": pager.count,
                "documents_total": pager.total,
            }
        )
    _award_links(awards, links)
    for d in signed:
        d["url"] = links.document(d["id"])
        d["kind_label"] = labels.shown("documents", "kind", d["kind"])
    return await render(
        datasette,
        request,
        "miner_person.html",
        {
            "title": person["name"],
            "links": links,
            "person": person,
            "row_url": links.row("persons", person_id),
            "roles": roles,
            "written": written,
            "awards": awards,
            "signed": signed,
            "documents": documents,
            "pager": pager,
        },
    )


# ---------------------------------------------------------------- an emulation group

# The units of a group are those named in the documents that name the group (its reports list
# its members and their awards); the count says in how many of them.
_MEMBERS_SQL = """
select o.id, o.name, count(distinct om.document_id) as n
from organization_mentions om join organizations o on o.id = om.organization_id
where om.document_id in (select document_id from emulation_group_mentions where emulation_group_id = :group limit 2000)
group by o.id order by n desc, o.name limit 200
"""
_MEMBER_AWARDS_SQL = f"""
select {_AWARD_COLUMNS} from award_events
where document_id in (select document_id from emulation_group_mentions where emulation_group_id = :group limit 2000)
  and recipient_organization_id is not null
order by year desc, recipient, award limit 2000
"""


@page
async def group_page(request, datasette) -> Response:
    """An emulation group: the units its documents name, their awards by year, the documents naming it."""
    group_id = row_id(request, ("khối thi đua", "an emulation group's"))
    name, db = await database(datasette, request, "emulation_groups", "emulation_group_mentions", "award_events")
    links = Links(datasette, name)
    group = await row_or_404(
        db, "emulation_groups", group_id, f"không có khối thi đua {group_id} / no group {group_id}"
    )
    members = await dicts(db, _MEMBERS_SQL, {"group": group_id})
    awards = await dicts(db, _MEMBER_AWARDS_SQL, {"group": group_id})
    documents, pager = await documents_naming(
        db, request, "emulation_group_mentions", "emulation_group_id", group_id, links
    )
    years = sorted({a["year"] for a in awards if a["year"]}, reverse=True)
    table: dict[int, dict] = {}
    for a in awards:
        unit = table.setdefault(a["recipient_organization_id"], {"name": a["recipient"], "years": {}})
        # One award named in several documents (the proposal, the decision, the report) is listed once.
        shown = (
            a["award"]
            if a["status"] != "proposed"
            else f"{a['award']} ({labels.shown('award_events', 'status', 'proposed')})"
        )
        if shown not in unit["years"].setdefault(a["year"], []):
            unit["years"][a["year"]].append(shown)
    if wants(request, "json"):
        return json_response(
            {
                "group": group,
                "members": members,
                "awards": awards,
                "documents": documents,
                "page": pager.number,
                "pages": pager.count,
                "documents_total": pager.total,
            }
        )
    by_year = count_by(awards, ("year", "award"), lambda a: a["year"] is not None)
    return await render(
        datasette,
        request,
        "miner_group.html",
        {
            "title": group["name"],
            "links": links,
            "group": group,
            "row_url": links.row("emulation_groups", group_id),
            "members": [{**m, "url": links.unit(m["id"])} for m in members],
            "award_table": [{"id": k, "url": links.unit(k), **v} for k, v in table.items()],
            "years": years,
            "documents": documents,
            "pager": pager,
            "chart": vega_json(awards_by_type_chart(by_year)) if by_year else None,
        },
    )


# ---------------------------------------------------------------- a place


@page
async def place_page(request, datasette) -> Response:
    """A place: its level and province, where it lies since 1 July 2025 (and what else lies there, or
    the old places now in it), the units of a province, the documents naming it."""
    place_id = row_id(request, ("địa danh", "a place's"))
    name, db = await database(datasette, request, "locations", "location_mentions")
    links = Links(datasette, name)
    place = await row_or_404(db, "locations", place_id, f"không có địa danh {place_id} / no place {place_id}")
    units = (
        await dicts(
            db, "select id, name, kind from organizations where province = ? order by name limit 500", [place["name"]]
        )
        if place["level"] == "tỉnh"
        else []
    )
    now = await db.execute_fn(lambda conn: old_names.place_now(conn, db.path or name, old_names.Place.of(place)))
    documents, pager = await documents_naming(db, request, "location_mentions", "location_id", place_id, links)
    if wants(request, "json"):
        return json_response(
            {
                "place": place,
                "now": now.as_dict(),
                "units": units,
                "documents": documents,
                "page": pager.number,
                "pages": pager.count,
                "documents_total": pager.total,
            }
        )
    new_name = now.new_name
    return await render(
        datasette,
        request,
        "miner_place.html",
        {
            "title": place["name"],
            "links": links,
            "place": place,
            "row_url": links.row("locations", place_id),
            "written": now.place.written,
            "moved_to": now.place.moved_to,
            "unchanged": now.unchanged,
            "same_now": [{**p.as_dict(), "url": links.entity("locations", p.id)} for p in now.same_now],
            "old_places": [{**p.as_dict(), "url": links.entity("locations", p.id)} for p in now.old_places],
            "new_name": new_name,
            "new_search_url": links.search(new_name) if new_name else None,
            "new_query_url": links.query("van_ban_theo_dia_danh_moi", dia_danh=new_name) if new_name else None,
            "units": [{**u, "url": links.unit(u["id"])} for u in units],
            "search_url": links.search(place["name"]),
            "documents": documents,
            "pager": pager,
        },
    )


# ---------------------------------------------------------------- an award type


@page
async def award_type_page(request, datasette) -> Response:
    """An award type: what the law says of it, how many were granted each year, to whom, the documents naming it."""
    type_id = row_id(request, ("loại khen thưởng", "an award type's"))
    name, db = await database(datasette, request, "award_types", "award_events")
    links = Links(datasette, name)
    award_type = await row_or_404(
        db, "award_types", type_id, f"không có loại khen thưởng {type_id} / no award type {type_id}"
    )
    per_year = await dicts(
        db,
        "select year, status, count(*) as n from award_events where award_type_id = ? and year is not null "
        "group by year, status order by year",
        [type_id],
    )
    total = (await db.execute("select count(*) from award_events where award_type_id = ?", [type_id])).rows[0][0]
    pager = Pager(request, total, size=LIST_PAGE)
    events = await dicts(
        db,
        f"select {_AWARD_COLUMNS} from award_events where award_type_id = ? order by year desc, id desc "
        "limit ? offset ?",
        [type_id, LIST_PAGE, pager.offset],
    )
    if wants(request, "json"):
        return json_response(
            {
                "award_type": award_type,
                "per_year": per_year,
                "events": events,
                "page": pager.number,
                "pages": pager.count,
                "events_total": total,
            }
        )
    _award_links(events, links)
    facts = [
        (labels.column_title("award_types", k), labels.shown("award_types", k, v))
        for k, v in award_type.items()
        if k not in ("id", "key", "name") and v not in (None, "")
    ]
    rows = [
        {"year": r["year"], "status": labels.shown("award_events", "status", r["status"]), "n": r["n"]}
        for r in per_year
    ]

    return await render(
        datasette,
        request,
        "miner_award_type.html",
        {
            "title": award_type["name"],
            "links": links,
            "award_type": award_type,
            "facts": facts,
            "row_url": links.row("award_types", type_id),
            "events": events,
            "total": total,
            "pager": pager,
            "chart": vega_json(stacked_by_year(rows, "status", "Trạng thái / Status", "Số lượt / Count"))
            if rows
            else None,
        },
    )
