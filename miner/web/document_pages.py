"""A stored document's page (paged, every fact marked and linked to its page), a paragraph's place
in it, and a cited document's page (what it is, who issued it, every passage citing it)."""

from __future__ import annotations

from datasette.utils.asgi import BadRequest, NotFound, Response

from ..normalize import fold_key
from . import labels
from .marks import Mark, highlight, mark_spans
from .pages import (
    DOCUMENT_ID_RE,
    DOCUMENT_PAGE,
    Links,
    Pager,
    database,
    dicts,
    document_page_of,
    json_response,
    page,
    render,
    row_id,
    row_or_404,
    wants,
)

# The tables whose rows mark a span of a paragraph: the mark's class and label, and the SQL that
# names each row and finds the page it leads to (never a mention's own row: the thing it names).
_SPAN = 'm.id, m.paragraph_id, m.start, m."end"'
FACT_SOURCES = (
    (
        "citations",
        "cite",
        "VĂN BẢN",
        f"select {_SPAN}, c.label as title, 'cited_documents' as page_table, c.id as page_id "
        "from citations m join cited_documents c on c.id = m.cited_document_id",
    ),
    (
        "organization_mentions",
        "org",
        "CƠ QUAN",
        f"select {_SPAN}, o.name as title, 'organizations' as page_table, o.id as page_id "
        "from organization_mentions m join organizations o on o.id = m.organization_id",
    ),
    (
        "person_mentions",
        "per",
        "CÁ NHÂN",
        f"select {_SPAN}, p.name || coalesce(' (' || m.role || ')', '') as title, 'persons' as page_table, "
        "p.id as page_id from person_mentions m join persons p on p.id = m.person_id",
    ),
    (
        "location_mentions",
        "loc",
        "ĐỊA DANH",
        # where the place lies since 1 July 2025, unless that is the place itself ("tỉnh Hà Tĩnh")
        f"select {_SPAN}, l.name || case when l.now_in is null or l.now_in = coalesce(l.level || ' ', '') || l.name "
        "then '' else ' — nay thuộc / now in ' || ltrim(l.now_in, ', ') end as title, 'locations' as page_table, l.id as page_id "
        "from location_mentions m join locations l on l.id = m.location_id",
    ),
    (
        "emulation_group_mentions",
        "group",
        "KHỐI THI ĐUA",
        f"select {_SPAN}, g.name as title, 'emulation_groups' as page_table, g.id as page_id "
        "from emulation_group_mentions m join emulation_groups g on g.id = m.emulation_group_id",
    ),
    (
        "award_type_mentions",
        "award",
        "KHEN THƯỞNG",
        f"select {_SPAN}, t.name as title, 'award_types' as page_table, t.id as page_id "
        "from award_type_mentions m join award_types t on t.id = m.award_type_id",
    ),
    # An award event leads to its recipient's page, or to its award type's when the recipient has none.
    (
        "award_events",
        "event",
        "TẶNG / ĐỀ NGHỊ",
        f"select {_SPAN}, m.award || ' → ' || m.recipient || coalesce(' (' || m.year || ')', '') as title, "
        "case when m.recipient_organization_id is not null then 'organizations' "
        "when m.recipient_person_id is not null then 'persons' else 'award_types' end as page_table, "
        "coalesce(m.recipient_organization_id, m.recipient_person_id, m.award_type_id) as page_id, m.status "
        "from award_events m",
    ),
)
LEGEND = tuple(
    (css, label, table, labels.value_label("facts", "table", table)) for table, css, label, _ in FACT_SOURCES
)


def _document_id(request) -> str:
    raw = request.url_vars["id"]
    if not DOCUMENT_ID_RE.fullmatch(raw):
        raise BadRequest("mã văn bản là SHA-256 (64 chữ số hex) / a document id is a SHA-256 (64 hex digits)")
    return raw


async def _entity_id(db, table: str, name: str | None) -> int | None:
    """The id of the entity row whose key is the folded name (an issuer, a signer), or None."""
    if not name:
        return None
    rows = (await db.execute(f"select id from [{table}] where key = ?", [fold_key(name)])).rows
    return rows[0][0] if rows else None


async def province_id(db, province: str | None) -> int | None:
    """The id of a province's row in `locations` (its key is "name|tỉnh|name", folded), or None."""
    if not province:
        return None
    key = fold_key(province)
    rows = (await db.execute("select id from locations where key = ?", [f"{key}|tỉnh|{key}"])).rows
    return rows[0][0] if rows else None


@page
async def document_page(request, datasette) -> Response:
    """A document's paragraphs, a page of DOCUMENT_PAGE at a time, each fact marked and linked to its page."""
    doc_id = _document_id(request)
    name, db = await database(datasette, request, "documents", "paragraphs")
    links = Links(datasette, name)
    document = await row_or_404(db, "documents", doc_id, f"không có văn bản {doc_id} / no document {doc_id}")
    last = (await db.execute("select max(seq) from paragraphs where document_id = ?", [doc_id])).rows[0][0]
    pager = Pager(request, (last + 1) if last is not None else 0, size=DOCUMENT_PAGE)
    low = pager.offset
    paragraphs = await dicts(
        db,
        "select id, seq, kind, text from paragraphs where document_id = ? and seq >= ? and seq < ? order by seq",
        [doc_id, low, low + DOCUMENT_PAGE],
    )
    ids = [p["id"] for p in paragraphs]
    marks: dict[int, list[Mark]] = {}
    facts = []
    if ids:
        for table, css, label, sql in FACT_SOURCES:
            rows = await db.execute(
                f"{sql} where m.document_id = ? and m.paragraph_id between ? and ?", [doc_id, min(ids), max(ids)]
            )
            for r in rows:
                url = links.entity(r["page_table"], r["page_id"])
                title = r["title"] or ""
                if table == "award_events" and r["status"]:
                    title += f" — {labels.shown('award_events', 'status', r['status'])}"
                facts.append(
                    {
                        "table": table,
                        "id": r["id"],
                        "paragraph_id": r["paragraph_id"],
                        "start": r["start"],
                        "end": r["end"],
                        "title": title,
                        "url": url,
                    }
                )
                if r["start"] is not None and url:
                    marks.setdefault(r["paragraph_id"], []).append(Mark(r["start"], r["end"], label, css, url, title))
    if wants(request, "json"):
        return json_response(
            {"document": document, "page": pager.number, "pages": pager.count, "paragraphs": paragraphs, "facts": facts}
        )
    for p in paragraphs:
        p["html"] = mark_spans(p["text"], marks.get(p["id"], []))
    cited_as = (
        await dicts(
            db,
            "select id, label from cited_documents where symbol_key = ? and symbol_key is not null limit 20",
            [document["symbol_key"]],
        )
        if document["symbol_key"]
        else []
    )
    return await render(
        datasette,
        request,
        "miner_document.html",
        {
            "title": document["title"] or document["path"],
            "links": links,
            "document": document,
            "document_url": links.row("documents", doc_id),
            "issuer_id": await _entity_id(db, "organizations", document["issuer"]),
            "signer_id": await _entity_id(db, "persons", document["signer"]),
            "province_id": await province_id(db, document["province"]),
            "cited_as": [{**c, "url": links.cited(c["id"])} for c in cited_as],
            "paragraphs": paragraphs,
            "pager": pager,
            "legend": LEGEND,
            "fact_count": len(facts),
        },
    )


@page
async def paragraph_page(request, datasette) -> Response:
    """A paragraph id leads to its place in its document's page."""
    paragraph = row_id(request, ("đoạn văn", "a paragraph's"))
    name, db = await database(datasette, request, "paragraphs")
    rows = (await db.execute("select document_id, seq from paragraphs where id = ?", [paragraph])).rows
    if not rows:
        raise NotFound(f"không có đoạn {paragraph} / no paragraph {paragraph}")
    return Response.redirect(Links(datasette, name).document(rows[0]["document_id"], rows[0]["seq"]))


# ---------------------------------------------------------------- a cited document

CITING_PAGE = 50
_CITING_SQL = """
select c.id, c.document_id, c.paragraph_id, c.start, c."end", c.text as written,
       d.title, d.symbol, d.issued_date, d.kind, p.seq, p.text as paragraph
from citations c join documents d on d.id = c.document_id left join paragraphs p on p.id = c.paragraph_id
where c.cited_document_id = ?
order by d.issued_date desc, c.document_id, c.paragraph_id, c.start, c.id
limit ? offset ?
"""


async def stored_documents(db, cited: dict) -> list[dict]:
    """The stored documents whose own symbol is the cited one's (and whose date does not contradict it)."""
    if not cited["symbol_key"]:
        return []
    rows = await dicts(
        db,
        "select id, title, symbol, issued_date, year, issuer from documents where symbol_key = ? limit 20",
        [cited["symbol_key"]],
    )
    return [
        r
        for r in rows
        if not (cited["issued_date"] and r["issued_date"] and r["issued_date"] != cited["issued_date"])
        and not (cited["year"] and r["year"] and r["issued_date"] and int(r["issued_date"][:4]) != cited["year"])
    ]


@page
async def cited_page(request, datasette) -> Response:
    """A cited document: what it is, who issued it and when, every passage citing it, the stored document."""
    cited_id = row_id(request, ("văn bản được dẫn chiếu", "a cited document's"))
    name, db = await database(datasette, request, "cited_documents", "citations")
    links = Links(datasette, name)
    cited = await row_or_404(
        db, "cited_documents", cited_id, f"không có văn bản {cited_id} / no cited document {cited_id}"
    )
    counts = (
        await db.execute(
            "select count(*), count(distinct document_id) from citations where cited_document_id = ?", [cited_id]
        )
    ).rows[0]
    pager = Pager(request, counts[0], size=CITING_PAGE)
    citing = await dicts(db, _CITING_SQL, [cited_id, CITING_PAGE, pager.offset])
    same = (
        await dicts(
            db,
            "select id, label, issued_date, issuer, (select count(*) from citations where cited_document_id = c.id) as n "
            "from cited_documents c where symbol_key = ? and id != ? order by n desc limit 20",
            [cited["symbol_key"], cited_id],
        )
        if cited["symbol_key"]
        else []
    )
    stored = await stored_documents(db, cited)
    awards = await dicts(
        db,
        "select id, award, recipient, recipient_organization_id, recipient_person_id, year, status "
        "from award_events where cited_document_id = ? order by year desc, id limit 200",
        [cited_id],
    )
    if wants(request, "json"):
        return json_response(
            {
                "cited_document": cited,
                "citations": counts[0],
                "citing_documents": counts[1],
                "page": pager.number,
                "pages": pager.count,
                "citing": citing,
                "stored": stored,
                "same_symbol": same,
                "awards": awards,
            }
        )
    for c in citing:
        c["passage"] = highlight(c["paragraph"] or "", c["start"], c["end"]) if c["paragraph"] else c["written"]
        c["url"] = links.document(c["document_id"], c["seq"])
    for a in awards:
        a["url"] = (
            links.unit(a["recipient_organization_id"])
            if a["recipient_organization_id"]
            else links.person(a["recipient_person_id"])
            if a["recipient_person_id"]
            else None
        )
    return await render(
        datasette,
        request,
        "miner_cited.html",
        {
            "title": cited["label"],
            "links": links,
            "cited": cited,
            "issuer_id": await _entity_id(db, "organizations", cited["issuer"]),
            "citation_count": counts[0],
            "citing_count": counts[1],
            "citing": citing,
            "pager": pager,
            "same": [{**s, "url": links.cited(s["id"])} for s in same],
            "stored": [{**d, "url": links.document(d["id"])} for d in stored],
            "awards": awards,
            "row_url": links.row("cited_documents", cited_id),
            "page_of": document_page_of,
        },
    )
