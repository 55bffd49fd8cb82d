"""The organisations of a document: the bodies its paragraphs name, completed by what the document
says of itself (its header block's bodies, its province, its district, the agency that writes it),
one entry per canonical name with every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import data
from ..document import Document, Paragraph
from ..locations import find_provinces, mostly_capitals, places_in
from ..normalize import fold, fold_key
from ..persons import common_words, surnames
from ..record import Header, Organization, Span
from .initialisms import branded, is_syllable, unknown_abbreviations, write_out
from .names import (
    DASH_RE,
    DISTRICT_COMMITTEES,
    canonical_org,
    central_places,
    clean_name,
    ends_with_level,
    has_place,
    kind_of,
    last_province,
    scope,
    specific,
)
from .scanner import Mention, Scanner
from .words import indexes, known_names, low, lows, match, not_names, scanner_words, start_re, tokenize


@dataclass(frozen=True)
class _Context:
    """What completes names in one document: its province, and its issuer's central body."""

    province: str | None
    central_body: str | None  # "Bộ Tư pháp" for a ministry's documents, "Chính phủ" ...
    local: str | None = None  # "huyện Cư Jút" for a district's documents, "xã Hưng Long" ...
    agency: str | None = None  # "Sở Y tế tỉnh Quảng Nam": the local body whose units the document names
    office: str | None = None  # "Văn phòng Ủy ban nhân dân tỉnh X": whose rooms a committee's "Nơi nhận" lists
    unplaced: bool = False  # the document says not where it is issued (no province, no central body)
    nearby: str | None = None  # then, the one province whose bodies the paragraph names
    page: str | None = None  # the province an encyclopedia page is about (_page_of_province)


_BLOCK_END_RE = re.compile(r"CỘNG H(?:ÒA|OÀ)|ĐẢNG CỘNG SẢN|Độc lập|Số\s*:|Số\s+\d|V/v|Kính gửi", re.IGNORECASE)
_SIGNATURE_RE = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\s*\.\s*(?:TRƯỞNG\s+)?(?=\w)")


def _header_block(doc: Document) -> list[tuple[Paragraph, int, int]]:
    """The issuer lines at the top ("UBND TỈNH BÌNH THUẬN" / "SỞ NỘI VỤ"): (paragraph, start, end)."""
    lines = []
    for para in doc.paragraphs[:8]:
        text = para.text
        cut = _BLOCK_END_RE.search(text)
        end = cut.start() if cut else len(text)
        piece = text[:end].rstrip(" -–")
        if piece.strip() and mostly_capitals(piece) and not piece.startswith(("- ", "+ ")):  # not a "Nơi nhận" item
            lines.append((para, 0, len(piece)))
        elif lines or (cut and cut.start() == 0):
            break
        if cut and lines and not (cut.start() > 0 and _MOTTO_CUT_RE.match(cut.group())):
            break  # a two-column header goes on beside the motto: "HUYỆN GIAO THỦY   Độc lập - ..."
    return lines


_MOTTO_CUT_RE = re.compile(r"CỘNG H|ĐẢNG CỘNG SẢN|Độc lập", re.IGNORECASE)


def _block_bodies(lines: list[tuple[Paragraph, int, int]]) -> list[tuple[str, list[Span]]]:
    """The header block's bodies, top first: lines that start no body continue the one above."""
    groups: list[tuple[str, list[Span]]] = []
    for para, start, end in lines:
        piece = para.text[start:end]
        span = Span(para.seq, start, end, piece)
        if _starts_body(piece) or not groups:
            groups.append((piece, [span]))
        else:
            text, spans = groups[-1]
            groups[-1] = (f"{text} {piece}", [*spans, span])
    bodies: list[tuple[str, list[Span]]] = []
    for text, spans in groups:
        bodies.extend((name, spans) for name in _bodies_of_block_line(text))
    return bodies


# Headers recur from one document to the next (every decision of a Sở starts with the same lines):
# what the scanner reads in a line of theirs, a pure function of the line, is kept across documents.


@lru_cache(maxsize=4096)
def _starts_body(line: str) -> bool:
    return Scanner(line).starts_body(0)


@lru_cache(maxsize=4096)
def _bodies_of_block_line(line: str) -> tuple[str, ...]:
    """The bodies a header block's line (or lines run together) names, as written."""
    scanner = Scanner(line)
    found = scanner.mentions()
    if found:  # "BỘ GIÁO DỤC VÀ ĐÀO TẠO TRƯỜNG ĐẠI HỌC MỞ HÀ NỘI": a two-column header run together
        return tuple(mention.text for mention in found)
    typed = scanner.type_at(0)
    if typed is not None and typed.value.unit == "yes":
        if typed.end < len(scanner.tokens) and scanner.makes_no_name(typed.end):
            return ()  # "PHÒNG CHÁY CHỮA CHÁY - XE Ô TÔ ...": a standard's title, no office
        return (line,)  # "VĂN PHÒNG" under "BỘ TƯ PHÁP"
    return ()


def _context(doc: Document, header: Header, block: list[tuple[str, list[Span]]]) -> _Context:
    """The document's province (none for a ministry's or the Government's own documents)."""
    top = canonical_org(block[0][0]) if block else (canonical_org(header.issuer) if header.issuer else None)
    # "BỘ CÔNG AN / CÔNG AN TỈNH LÀO CAI", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM / CHI NHÁNH TỈNH SÓC TRĂNG / HỘI ĐỒNG ...":
    # a local body under a central one (not a school named after its city: "TRƯỜNG ĐẠI HỌC MỞ HÀ NỘI")
    lowest_local = any(
        find_provinces(name) and not _is_school(name) for name in map(canonical_org, (t for t, _ in block[1:]))
    )
    if top and not find_provinces(top) and scope(top) == "central" and not lowest_local:
        # "BỘ TÀI CHÍNH / CỤC THUẾ" is central, "BỘ CÔNG AN / CÔNG AN TỈNH LÀO CAI" local
        folded_top = fold(top)
        inside = [name for folded, name in _government_names() if folded in folded_top]
        central = max(inside, key=len) if inside else top  # "Bộ Văn hóa, Thể thao và Du lịch", not "Bộ Văn hóa"
        return _Context(None, "Chính phủ" if "chinh phu" in fold(top) else central)
    local = _local_government(block)
    named = [found[0][2].name for name in (canonical_org(t) for t, _ in block) if (found := find_provinces(name))]
    # The header's province is the issuer's or the place line's; without a header block (a web page,
    # an article) only an issuer that names it makes it certain, not the provinces the text names.
    trusted = header.province if block or (header.issuer and find_provinces(header.issuer)) else None
    province = trusted or (named[0] if named else None)  # "BỘ CÔNG AN / CÔNG AN TỈNH LÀO CAI"
    if province is None and local:
        province = local[2]
    # A document that says neither in its header nor in its place line where it is issued has no
    # province: the provinces its text names (an address, a project) make no body of theirs certain.
    page = _page_of_province(doc, header) if province is None and not block else None
    return _Context(province, None, f"{local[0]} {local[1]}" if local else None, page=page)


@lru_cache(maxsize=1)
def _government_names() -> tuple[tuple[str, str], ...]:
    """The central and local bodies of known_names(), folded first: (folded name, name)."""
    return tuple((fold(k.name), k.name) for k in known_names() if k.kind in ("central", "local"))


# The bodies every province has, bare on a page about one province: its own (an infobox's "Chủ tịch
# UBND", "Hội đồng nhân dân | 50 đại biểu", "Viện trưởng VKSND").
_PROVINCE_OWN = (
    "uy ban nhan dan",
    "hoi dong nhan dan",
    "uy ban mat tran to quoc",
    "toa an nhan dan",
    "vien kiem sat nhan dan",
    "tinh uy",
    "thanh uy",
    "cong an",
    "so ",
)


def _provinces_own(name: str) -> bool:
    folded = fold(name)
    if not folded.startswith(_PROVINCE_OWN) or has_place(name) or folded.endswith(("toi cao", "trung uong")):
        return False
    return not folded.startswith("so ") or _every_province_has(name)


def _page_of_province(doc: Document, header: Header) -> str | None:
    """The province an encyclopedia page is about: titled with its name alone, its infobox typed "Tỉnh"
    or "Thành phố" in its first lines ("Quảng Trị / Tỉnh / ... Hội đồng nhân dân | 50 đại biểu"); its
    bare local bodies are that province's."""
    title = (header.title or "").strip()
    found = find_provinces(title) if title else ()
    if len(found) != 1 or found[0][0] != 0 or found[0][1] != len(title) or found[0][2].name != header.province:
        return None
    typed = any(p.text.strip() in ("Tỉnh", "Thành phố") for p in doc.paragraphs[:6])
    return header.province if typed else None


def _local_government(block: list[tuple[str, list[Span]]]) -> tuple[str, str, str | None] | None:
    """The district or commune whose body issued the document: (level, name, province) or None."""
    for text, _ in block:
        if _is_school(canonical_org(text)):
            continue  # "TRƯỜNG THPT SƠN DƯƠNG" is named after its district, not issued by it
        for _, _, name, level, province in places_in(canonical_org(text)):
            if level not in ("tỉnh", "thành phố") or province != name:
                return level, name, province
    return None


# The bodies a district or a commune has of its own: "Phòng Nội vụ" in a district's report is the
# district's, "Sở Nội vụ" the province's.
_LOCAL_GOVERNMENT_BODIES = (
    "phong",
    "van phong",
    "uy ban nhan dan",
    "hoi dong nhan dan",
    "huyen uy",
    "dang uy",
    "uy ban mat tran to quoc",
    "hoi dong thi dua",
    "cong an",
    "ban chi dao",
)


# A Party committee's boards are named after it: "TỈNH ỦY ĐẮK NÔNG" / "BAN TUYÊN GIÁO".
_PARTY_COMMITTEES = ("tinh uy", "thanh uy", "huyen uy", "dang uy")


def _block_names(block: list[tuple[str, list[Span]]], context: _Context) -> list[tuple[str, list[Span]]]:
    """Canonical names of the header block's bodies: a unit under its parent gets the parent's name."""
    out: list[tuple[str, list[Span]]] = []
    parent = None
    for text, spans in block:
        scanner = Scanner(text)
        typed = scanner.type_at(0)
        if (
            parent
            and typed
            and (
                typed.value.unit == "yes"
                or fold(parent).startswith(_PARTY_COMMITTEES)
                or (fold_key(canonical_org(text)) in _AGENCY_BODIES and _agency([(parent, [])]) == parent)
            )
        ):  # "SỞ Y TẾ" / "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" is the Sở's council
            child = canonical_org(text)
            if len(child.split()) > len(typed.value.name.split()) and parent.startswith("Ủy ban nhân dân "):
                parent = parent[len("Ủy ban nhân dân ") :]  # "Phòng Nội vụ huyện Cư Jút"
            name = canonical_org(f"{child} {parent}")
        else:
            name = canonical_org(text, context.province)
        out.append((name, spans))
        parent = name
    return out


def find_organizations(doc: Document, header: Header) -> tuple[Organization, ...]:
    """Every specific body named in the document, one entry per canonical name with its mentions."""
    block_lines = _header_block(doc)
    block = _block_bodies(block_lines)
    context = _context(doc, header, block)
    in_block = {span.paragraph for _, spans in block for span in spans}
    bare_page = not block and not header.issuer  # an article, an encyclopedia page: no unit is its own
    other_page = bare_page and _page_of_other_state(header)  # "Liên Xô", "Việt Nam Cộng hòa"
    units_page = bare_page and _page_of_body(header.title or "")  # "Hội Chữ thập đỏ Việt Nam": its boards
    by_key: dict[str, tuple[str, list[Span]]] = {}

    def add(name: str, span: Span) -> None:
        key = fold_key(name)
        if key in by_key:
            by_key[key][1].append(span)
        else:
            by_key[key] = (name, [span])

    block_names = _block_names(block, context)
    if context.province:
        # The lowest body of the header block issues the document; without a block, the header's issuer.
        issued = block_names or ([(canonical_org(header.issuer, context.province), [])] if header.issuer else [])
        issuer = issued[-1][0] if issued else ""
        office = f"Văn phòng {issuer}" if fold(issuer).startswith("uy ban nhan dan") and has_place(issuer) else None
        context = replace(context, agency=_agency(issued), office=office)
    elif len(block_names) > 1 and _is_school(block_names[-1][0]):
        context = replace(context, agency=block_names[-1][0])  # "BỘ GIÁO DỤC VÀ ĐÀO TẠO / TRƯỜNG ĐẠI HỌC MỞ HÀ NỘI"
    for name, spans in block_names:
        if name.lower() in not_names("title"):
            continue  # "CHỦ TỊCH NƯỚC" heading the President's decision
        for span in spans:
            add(name, span)
    abbreviated: list[tuple[Mention, str, Span]] = []  # written out once every long name is known
    recipients = False  # in the "Nơi nhận" list
    resolved: dict[tuple, str | None] = {}
    unplaced: dict[str | None, _Context] = {}  # the context of a paragraph of an unplaced page, by its province
    before = ""  # the paragraph before, which may break off a name ("Căn cứ Luật Tổ chức" / "Chính phủ số ...")
    school = context.agency if context.agency and _is_school(context.agency) else None  # whose units its text names
    for para in doc.paragraphs:
        if para.seq in in_block:
            continue
        text = para.text
        recipients = _RECIPIENTS_RE.match(text) is not None or (recipients and text.lstrip()[:1] in "-+•")
        found = _paragraph_mentions(text)  # (most paragraphs name no body: what follows reads those that do)
        # "- Lưu: VT, VP, Ban CLG.": the issuer's own desks
        archive = _ARCHIVE_RE.search(text) if found and ("Lưu" in text or "LƯU" in text) else None
        # A page that says not where it is issued: a province's body named in the paragraph says whose
        # its bare "Sở" is ("UBND tỉnh Đắk Nông tặng Bằng khen cho Sở Tài chính"), if it names one province.
        here = context
        if found and context.province is None and context.central_body is None:
            named = {m.province for _, _, _, m, _ in found if m.placed and m.province}
            if "ủy viên " in text:  # "Tỉnh ủy viên Kiên Giang, Phó Ban Tổ chức cán bộ Tỉnh ủy": a member's province
                named |= {p.name for m in _MEMBER_OF_RE.finditer(text) for _, _, p in find_provinces(m.group(1))[:1]}
            nearby = named.pop() if len(named) == 1 else None
            if nearby not in unplaced:  # one context a province (dataclasses.replace is slow)
                unplaced[nearby] = replace(context, nearby=nearby, unplaced=True)
            here = unplaced[nearby]
        # (read only before a paragraph that names a body: most name none)
        lead = "law" if found and _ends_a_law_name(before) else ""
        before = text
        for first, last, cue, mention, owner in found:
            if archive and first >= archive.end():
                continue
            if lead and not cue and not _LEAD_RE.sub("", text[:first]):
                cue = lead  # the line before ends a law's title: "Chính phủ" goes on with the law's name
            span = Span(para.seq, first, last, text[first:last])
            if unknown_abbreviations(mention.text):
                abbreviated.append((mention, cue, span))
                continue
            # A body is named again and again: resolved once per way it is written.
            key = (
                mention.text,
                mention.province,
                mention.placed,
                mention.unit,
                mention.written,
                cue,
                recipients,
                here.nearby,
                owner,
            )
            if key not in resolved:
                found_name = _resolve(mention, cue, here, recipients)
                another = found_name is None or _another_states(found_name, owner, other_page)
                resolved[key] = None if another else found_name
            resolved_name = resolved[key]
            if resolved_name is None:
                continue
            if mention.unit:
                resolved_name = _known_parent(resolved_name, by_key, canonical_org(mention.text))
            if (
                bare_page
                and not mention.placed
                and not _PARENT_AFTER_RE.match(text, last)
                and (
                    _common_sub_unit(resolved_name)
                    or (
                        units_page
                        and _sub_unit(resolved_name)
                        and fold_key(resolved_name) != fold_key(header.title or "")
                    )
                )
            ):
                continue  # "Ban Tư vấn", "Hội đồng Giáo dân" in an article: whose, the text does not say
            add(resolved_name, span)
        if school:
            for name, first, last in school_units(text, school):
                add(name, Span(para.seq, first, last, text[first:last]))
    long_names = [name for name, _ in by_key.values()]
    for mention, cue, span in abbreviated:
        written = write_out(mention.text, long_names)
        if written is None and not branded(mention.text):
            continue  # "Ban CLG", "Vụ CQĐP": which body, the document does not say
        written_name = _resolve(mention._replace(text=written or mention.text), cue, context)
        if written_name is not None and not _another_states(written_name, "", other_page):
            add(
                _known_parent(written_name, by_key, canonical_org(written or mention.text))
                if mention.unit
                else written_name,
                span,
            )
    return tuple(
        Organization(name=name, kind=kind_of(name), province=last_province(name), spans=tuple(spans))
        for name, spans in _merge_variants(_placed_forms(by_key))
    )


# The place a body's name ends with, as canonical names write it: "Hiệp hội Du lịch| thành phố Cần Thơ".
_PLACE_END_RE = re.compile(r" (?:tỉnh|thành phố|huyện|quận|thị xã) [A-ZĐ]")


def _placed_forms(by_key: dict[str, tuple[str, list[Span]]]) -> dict[str, tuple[str, list[Span]]]:
    """A name written bare after the document wrote it in full with its place is that body: "Hiệp hội Du
    lịch TP Cần Thơ đã kết nạp … Hiệp hội Du lịch đã phối hợp" is "Hiệp hội Du lịch thành phố Cần Thơ"
    twice, when one placed form only was written before it (else the mention stays as it is); not a
    national body's name ("Kho bạc Nhà nước" and "Kho bạc Nhà nước tỉnh Nghệ An" are two bodies)."""
    bares = set()
    for name, _ in by_key.values():
        if (end := _PLACE_END_RE.search(name)) is not None:
            bares.add(fold_key(name[: end.start()]))
    bares &= by_key.keys()
    if not bares:
        return by_key
    out = dict(by_key)
    for bare_key in bares:
        bare, spans = out[bare_key]
        if has_place(bare) or bare_key in _central_keys() or _NATIONAL_WORD_RE.search(bare) or _REGION_RE.search(bare):
            continue
        # every longer form of the name, placed or not ("Ủy ban Đoàn kết Công giáo Việt Nam" and "... Thành
        # phố Hồ Chí Minh": the bare name says not which), by where it is first written
        firsts = {
            key: min((s.paragraph, s.start) for s in found)
            for key, (_, found) in by_key.items()
            if key.startswith(bare_key + " ")
        }
        kept: list[Span] = []
        for span in spans:
            before = [key for key, first in firsts.items() if first < (span.paragraph, span.start)]
            if len(before) == 1 and _PLACE_END_RE.search(by_key[before[0]][0]):
                name, its = out[before[0]]
                out[before[0]] = (name, [*its, span])
            else:
                kept.append(span)
        if kept:
            out[bare_key] = (bare, kept)
        else:
            del out[bare_key]
    return out


@lru_cache(maxsize=8192)
def _paragraph_mentions(text: str) -> tuple[tuple[int, int, str, Mention, str], ...]:
    """The bodies a paragraph names as the scanner reads them, before the document completes them:
    (start, end, the cue of the words before it (_cue), mention, what the words around it say of its
    owner (_owner_cue)), offsets in `text`; an office's "Thường trực" left out (_standing_office), a
    list's place not given to an item it is not certain of (_list_place_doubtful), a head's name glued
    after the body left out (_head_named_after).

    A pure function of the text, so it is kept across documents: headers, legal bases and lists
    of recipients recur from one document to the next, and are read once.
    """
    signature = _SIGNATURE_RE.match(text)
    read = _POST_UNIT_RE.sub(_capitalise, text) if "rưởng " in text else text  # same length: spans hold
    windows = _windows(read, signature.end() if signature else 0)
    if not windows:
        return ()  # no word a body's name starts with
    shouted = mostly_capitals(text) and not signature
    found = []
    for offset, end in windows:
        scanner = Scanner(read[offset:end], shouted)
        tokens = scanner.tokens
        for mention in scanner.mentions():
            cue = _cue(" ".join(scanner.words[max(0, mention.first - 3) : mention.first]))
            found.append((offset + tokens[mention.first].start, offset + tokens[mention.last - 1].end, cue, mention))
    if not found:
        return ()
    out = []
    # (what the paragraph holds is looked for once, not once a mention)
    places_listed = "các xã" in text or "các phường" in text or "các thị trấn" in text
    ministries_listed = ":" in text and _MINISTRIES_NAMED_RE.search(text) is not None
    for index, (first, last, cue, mention) in enumerate(found):
        if _inside_a_word(text, first):
            continue  # "Quốc Vụ Khanh Pietro Parolin", "Quốc Vụ Viện phê chuẩn": no "Vụ"
        if places_listed and _in_a_list_of_places(text, first):
            continue  # "các xã Tân Mỹ (huyện Lấp Vò), Hội An Đông, Mỹ An Hưng A": a commune, no "Hội"
        if mention.text[:5] == "Liên " and text[:first].rstrip().endswith(_owners().state_forms):
            continue  # "Vương quốc Liên hiệp Anh và Bắc Ireland": a state's name, no "Liên hiệp"
        if text[first - 1 : first] in _OPEN_QUOTES and _DEFINED_RE.match(text, last):
            continue  # "2. “Ban quản lý viện trợ” là tổ chức được thành lập ...": a term a law defines, no body
        if mention.text[:4] in ("Hội ", "HỘI ") and _festival(mention.text):
            continue  # "Hội Xuân núi Bà Đen", "Hội Lồng Tồng", "Hội chứng Việt Nam": no association
        if ministries_listed and _a_ministry_listed(text, first, mention.text):
            continue  # "các Bộ: Quốc phòng, Công an, Ủy ban nhân dân Thành phố Hà Nội": the Bộ Công an
        if (kept := _note_after_name(text, first, last)) is not None:
            mention, last = mention._replace(text=text[first:kept]), kept  # "Trường Lasan Mossard| Lưu trữ ngày"
        if text.startswith(" ", last) and mention.text.startswith(_NUMBERED_TYPES):
            if numeral := _NUMERAL_AFTER_RE.match(text, last):  # "Trung tâm Lưu trữ quốc gia| I. ngày ..."
                mention, last = mention._replace(text=text[first : numeral.end()]), numeral.end()
        if mention.text.startswith("Cục ") and mention.text[4:5].isupper() and text.endswith(_CENTRAL_BEFORE, 0, first):
            first -= len(_CENTRAL_BEFORE[0])  # "Trung ương Cục miền Nam", the Party's bureau, no "Cục"
            mention = mention._replace(text=text[first:last])
        if (standing := _standing_office(text, first, mention.text)) is not None:
            mention, first = mention._replace(text=mention.text[standing:]), first + standing
        if mention.province and not mention.placed and _list_place_doubtful(mention, found[index + 1 :]):
            mention = mention._replace(province=None)  # "Ban chỉ đạo Tây Nam bộ, Thành ủy Cần Thơ"
        # what the words around it say of its owner matters for a state organ's name only (most are none)
        organ = _owner_kind(canonical_org(mention.text)) >= 2
        owner = _owner_cue(text, first, last) if organ else ""
        if (cut := _head_named_after(text, first, last)) is not None:
            mention, last = mention._replace(text=text[first:cut]), cut  # "Thứ trưởng Bộ X Lưu Trần Tiêu"
        out.append((first, last, cue, mention, owner))
    return tuple(out)


_CENTRAL_BEFORE = ("Trung ương ", "Trung Ương ")
# A list of communes or wards: "các xã Tân Mỹ (huyện Lấp Vò), Hội An Đông, ..." (its place notes in brackets).
_PLACE_LIST_RE = re.compile(r"\bcác (?:xã|phường|thị trấn)(?:, (?:xã|phường|thị trấn))* ")
_BRACKETED_RE = re.compile(r"\([^()]*\)")


def _in_a_list_of_places(text: str, first: int) -> bool:
    """The mention at `first` is an item, or the end of an item, of a list of communes or wards whose
    names the list gives ("các xã Tân Lý Đông, Tân| Hội Đông và Tân Hương thành xã mới"): every word
    between the list's word and it is a name's (capitalised), "và", a number or a bracketed note."""
    start = max(0, first - 150)
    found = list(_PLACE_LIST_RE.finditer(text, start, first))
    if not found:
        return False
    words = _BRACKETED_RE.sub(" ", text[found[-1].end() : first]).replace(",", " ").split()
    return all(word == "và" or word[:1].isupper() or word[:1].isdigit() for word in words)


# A term in quotes that the text defines ("“Ban quản lý viện trợ” là tổ chức ..."): a kind of body, not one.
_OPEN_QUOTES = ("“", '"')
_DEFINED_RE = re.compile(r"[”\"]\s*(?:là|được hiểu là)\b")
# A Roman numeral right after the name of a centre, a school, a club is part of its name ("Trung tâm Lưu
# trữ quốc gia I", "Trung tâm Huấn luyện Thể thao Quốc gia III", "Trường Đại học Sư phạm Hà Nội I"); after
# an elected body's name it is its term ("Quốc hội XV", "Hội đồng Giám mục Việt Nam XIV"), not its name.
_NUMBERED_TYPES = ("Trung tâm ", "Trường ", "Câu lạc bộ ")
_NUMERAL_AFTER_RE = re.compile(r" [IVX]{1,4}(?![\w-])")
_NOTE_RE = re.compile(r"(?:\s+(?:Lưu trữ|lưu trữ)|,\s*(?:Bản gốc|bản gốc)|\s+số\s+\d+)$")
_NOTE_DATE_RE = re.compile(r"\s+ngày\s+\d")
_NOTE_NEEDS_RE = {"L": _NOTE_DATE_RE, "l": _NOTE_DATE_RE, "s": re.compile(r"/")}


def _note_after_name(text: str, first: int, last: int) -> int | None:
    """Where a name ends when the words the scanner read after it are a citation's note (the mention
    is text[first:last]): "Lưu trữ" of "Lưu trữ ngày 19 tháng 9 năm 2012 tại Wayback Machine",
    ", Bản gốc" of "Bản gốc (PDF) lưu trữ ngày ...", "số 240" of a document's number ("Quyết định của
    Bộ Giáo dục số 240/QĐ"); None when there is none."""
    if not ("ữ" in text[last - 4 : last] or "gốc" in text[last - 4 : last] or text[last - 1 : last].isdigit()):
        return None
    note = _NOTE_RE.search(text, first, last)
    if note is None:
        return None
    word = note.group().lstrip(", \t")[0]
    needs = _NOTE_NEEDS_RE.get(word)
    if needs is not None and not needs.match(text, last):
        return None  # "Trung tâm Lưu trữ", "Trường Cao đẳng Nghề số 3": part of the name
    return note.start()


_MINISTRIES_WORDS = r"(?<!\w)(?:các|Các|CÁC) (?:Bộ|bộ|BỘ)\s*:"
_MINISTRIES_NAMED_RE = re.compile(_MINISTRIES_WORDS)  # anywhere in the paragraph: looked for once a paragraph
_MINISTRIES_LIST_RE = re.compile(_MINISTRIES_WORDS + r"[^.;:()\n]*$")


def _a_ministry_listed(text: str, first: int, written: str) -> bool:
    """The mention at `first` is an item of a list of ministries named without "Bộ" ("các Bộ: Quốc
    phòng, Công an, ..."): written bare ("Công an"), it is a ministry, not a province's body."""
    return (
        _MINISTRIES_LIST_RE.search(text, max(0, first - 200), first) is not None
        and fold_key(f"Bộ {canonical_org(written)}") in _central_keys()
    )


def _owner_cue(text: str, first: int, last: int) -> str:
    """What the words around a mention (text[first:last]) say of whose it is: "state", another state
    is written right after it (_owned_elsewhere); "post", another state's minister's post is before it
    (_post_of_other_state); or ""."""
    if _owned_elsewhere(text, last) or _named_with_state_before(text, first, last):
        return "state"
    return "post" if _post_of_other_state(text, first) else ""


def _named_with_state_before(text: str, first: int, last: int) -> bool:
    """The sentence names the same body with another state before ("Quốc hội Hoa Kỳ đã ra nghị quyết
    không cho phép ... của Quốc hội"): written bare again, it is that state's; not where Việt Nam is
    written after it ("Quốc hội Việt Nam")."""
    written = text[first:last]
    at = text.find(written, 0, first)
    if at < 0 or _VIETNAMS_AFTER_RE.match(text, last):
        return False
    while 0 <= at < first:
        if _owned_elsewhere(text, at + len(written)) and not _SENTENCE_END_RE.search(text, at, first):
            return True  # in the same sentence: "Chính phủ Pháp, ... 1946. Ngoài ra ... Chính phủ" is another
        at = text.find(written, at + 1, first)
    return False


_SENTENCE_END_RE = re.compile(r"[.;!?](?:\[\d+\])*\s")


_VIETNAMS_AFTER_RE = re.compile(r" (?:nước )?(?:Việt Nam|Cộng hòa xã hội chủ nghĩa|CHXHCN)")


def _capitalise(m: re.Match) -> str:
    """The unit's word capitalised when a capitalised name follows it."""
    return m.group().capitalize() if m.group(2).isupper() else m.group()


# A unit named in its head's post: "Trưởng phòng Nội vụ huyện Sơn Hà" names the "Phòng Nội vụ huyện
# Sơn Hà", "Trưởng khoa Hồi sức tích cực - Chống độc" the "Khoa Hồi sức tích cực - Chống độc".
# Not "Trưởng phòng Phòng X", nor "Trưởng phòng Ban Quản lý dự án tỉnh Bắc Giang" (a room of the
# body named after it, which the post does not name).
_POST_UNIT_RE = re.compile(
    r"(?<=[Tt]rưởng )(phòng|khoa)(?= (\w))(?! (?i:phòng|khoa)\b)"
    r"(?! (?:Ban|BAN|Sở|SỞ|Cục|Chi cục|Trung tâm|Công ty|Tổng công ty|Bệnh viện|Trường|Viện|Ủy ban|UBND|Văn phòng)\b)"
)


def _extra_word_lower(name: str, extra: set[str]) -> bool:
    """The word one spelling adds is written in lower case ("và", "cuộc"), not a name ("Cảng")."""
    return all(not w[:1].isupper() for w in name.split() if fold_key(w) in extra)


def _merge_variants(by_key: dict[str, tuple[str, list[Span]]]) -> list[tuple[str, list[Span]]]:
    """One entry for two spellings of a body: a name that lacks one word of another, between the
    same first and last words ("Sở Tài nguyên Môi trường" and "Sở Tài nguyên và Môi trường")."""
    split = {key: key.split() for key in by_key}
    keys = sorted(by_key, key=lambda k: -len(split[k]))
    # Candidates by (first word, last word, number of words): a document names hundreds of bodies.
    by_ends: dict[tuple[str, str, int], list[str]] = {}
    for key in keys:
        words = split[key]
        by_ends.setdefault((words[0], words[-1], len(words)), []).append(key)
    merged: dict[str, str] = {}
    for short in keys:
        words = split[short]
        for long in by_ends.get((words[0], words[-1], len(words) + 1), ()):
            longer = split[long]
            if (
                long not in merged
                and set(words) <= set(longer)
                and _extra_word_lower(by_key[long][0], set(longer) - set(words))
            ):
                merged[short] = long
                break
    if not merged:
        return list(by_key.values())
    shorts: dict[str, list[str]] = {}  # each long spelling's shorter ones, in the order they were merged
    for short, long in merged.items():
        shorts.setdefault(long, []).append(short)
    out = []
    for key, (name, spans) in by_key.items():
        if key in merged:
            continue
        for short in shorts.get(key, ()):
            spans = spans + by_key[short][1]
        out.append((name, spans))
    return out


# Units that are inside a body, never a province's own (a province has Sở, Ban, Chi cục: Nghị định
# 24/2014/NĐ-CP): "Phòng Cảnh sát giao thông" named bare after "... Công an tỉnh" is the Công an's.
_INNER_UNITS = ("Phòng ", "Đội ")


def _known_parent(name: str, by_key: dict[str, tuple[str, list[Span]]], written: str) -> str:
    """The body already found whose name is this unit's name and its parent's: "Khoa Công nghệ Thông
    tin" of the header's school; a room or a team named again without its parent (`written`, the unit's
    words before the document's province completed them) is that parent's, not the province's."""
    for unit in (name, written) if written.startswith(_INNER_UNITS) else (name,):
        key = fold_key(unit) + " "
        found = next((found for k, (found, _) in by_key.items() if k.startswith(key)), None)
        if found is not None:
            return found
    return name


def _windows(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The stretches of a paragraph around the words a body's name can start with, snapped to spaces.

    A name and what it needs (the "các" before it, its place and parent after it) lie within a
    few hundred characters of its first word; the prose between bodies is not read at all.
    """
    found: list[tuple[int, int]] = []
    whole = len(text) - start <= 800
    list_lower = scanner_words().list_lower
    for m in start_re().finditer(low(text), start):
        if not (text[m.start()].isupper() or m.group().split(None, 1)[0] in list_lower):  # "cán bộ Công an xã"
            continue
        if whole:
            return [(start, len(text))]
        first, last = max(start, m.start() - 40), min(len(text), m.start() + 250)
        if found and first <= found[-1][1]:
            found[-1] = (found[-1][0], last)
        else:
            found.append((first, last))
    out = []
    for first, last in found:
        if first > start:
            first = text.rfind(" ", start, first) + 1 or start
        if last < len(text):
            space = text.find(" ", last)
            last = len(text) if space < 0 else space
        out.append((first, last))
    return out


_LEAD_RE = re.compile(r"[\s*_#>|]+")
_LAW_ENDS_RE = re.compile(r"(?<!\w)Luật(?: [Tt]ổ chức)?[\s*_]*$")  # "*Căn cứ Luật Tổ chức", not "... của pháp luật."


def _ends_a_law_name(text: str) -> bool:
    """The paragraph ends with "Luật" or "Luật Tổ chức" (_LAW_ENDS_RE), which the next one goes on with."""
    # The regex read from where its words can start only: the end, without the spaces and the
    # emphasis marks after them (a search through the whole paragraph cost more than the rest of its loop).
    tail = text.rstrip()
    while tail.endswith(("*", "_")):
        tail = tail.rstrip("*_").rstrip()
    return tail.endswith(("Luật", "chức")) and _LAW_ENDS_RE.search(tail, max(0, len(tail) - 12)) is not None


def _cue(before: str) -> str:
    """What the words before a mention (lower case) tell of it: "law", inside a law's name ("Luật Tổ
    chức Chính phủ"); "general department", after its head's post ("Tổng Cục trưởng Cục thuế"); or ""."""
    if before.endswith(_LAW_TITLES):
        return "law"
    return "general department" if before.endswith("tổng cục trưởng") else ""


def _resolve(mention: Mention, cue: str, context: _Context, recipients: bool = False) -> str | None:
    """The canonical name a mention stands for in this document, or None for no one body; `cue`,
    what the words before it tell (_cue); `recipients`, in the "Nơi nhận" list."""
    text = mention.text
    if mention.written:
        return clean_name(text)  # "VNPT Hà Nội"
    if cue == "law":
        return None  # "Luật Tổ chức Chính phủ", "Luật Mặt trận Tổ quốc Việt Nam": a law's name, no mention
    if context.province and not mention.placed and canonical_org(text) in scanner_words().committees:
        return None  # "các Sở, ban, ngành, Mặt trận Tổ quốc Việt Nam": the nation's, or the province's committee?
    completed = mention.placed  # the text or the document says whose the body is
    if cue == "general department" and fold(text).startswith("cuc "):
        text = "Tổng cục " + text[4:]  # "Tổng Cục trưởng Cục thuế" heads the Tổng cục Thuế
    if text.endswith(" Bộ") and " ".join(text.lower().split()[-2:]) not in scanner_words().region_name:
        text = text[:-3]
        if context.central_body and context.central_body.startswith("Bộ"):
            text, completed = f"{text} {context.central_body}", True
    elif text.endswith(" Sở"):  # "Văn phòng Sở", "Hội đồng Thi đua - Khen thưởng Sở": the issuer's
        if not (context.agency and context.agency.startswith("Sở ")):
            return None  # which Sở, the document does not say
        text, completed = f"{text[:-3]} {context.agency}", True
    elif text.endswith(" Trường") and not mention.placed:  # "Hội đồng TĐKT Trường": the school that writes
        if not (context.agency and _is_school(context.agency)):
            return None
        text, completed = f"{text[:-7]} {context.agency}", True
    elif (
        context.central_body
        and not context.agency
        and not mention.placed
        and fold_key(canonical_org(text)) in _AGENCY_BODIES
    ):
        # "Cổng Thông tin điện tử", "Văn phòng", "Hội đồng Thi đua - Khen thưởng" in a ministry's circular
        text, completed = f"{text} {context.central_body}", True
    elif context.office and not context.agency and not mention.placed and _bare_office(text):
        text, completed = context.office, True  # "Chánh Văn phòng" in a people's committee's decision
    if context.local and not mention.placed:
        base = canonical_org(text)
        level, _, place = context.local.partition(" ")
        if base.lower().endswith(" " + level) or fold(base).endswith(DISTRICT_COMMITTEES):
            text, completed = f"{base} {place}", True  # "UBND huyện", "Huyện ủy" in a district's report
        elif fold(base).startswith(_LOCAL_GOVERNMENT_BODIES) and not has_place(base) and not ends_with_level(base):
            text, completed = f"{base} {context.local}", True  # but "HĐND tỉnh" there is the province's
    if context.agency and not mention.placed and not _bare_office(text) and _agency_own(mention, text):
        text, completed = f"{canonical_org(text)} {context.agency}", True  # "Phòng Tổ chức cán bộ" in a Sở's
    if not completed and _bare_office(text):
        return None  # "Chánh Văn phòng" where the document says not whose
    if not completed and context.page and not mention.placed and _provinces_own(canonical_org(text)):
        text, completed = canonical_org(text, context.page), True  # "Hội đồng nhân dân | 50 đại biểu" in its infobox
    if not completed and context.nearby and not mention.placed and _PARTY_BOARD_RE.search(canonical_org(text)):
        # "Phó Ban Tổ chức cán bộ Tỉnh ủy" after "Tỉnh ủy Kiên Giang"
        text, completed = canonical_org(text, context.nearby), True
    if (
        not completed
        and context.unplaced
        and _every_province_has(text)
        and not _PARENT_NAMED_RE.search(canonical_org(text), 4)
    ):
        if context.nearby is None or not canonical_org(text).startswith("Sở "):
            # "Khối nội chính: Sở Tư pháp, ...", "Giám đốc Sở Du lịch" on a page of no province: whose Sở?
            # A room or a team ("Phòng Trồng trọt", "Đội Bắc Hải") is no province's own even so.
            return None
        text, completed = canonical_org(text, context.nearby), True
    if not completed and (context.central_body or mention.unit) and _type_in(text, "local_only"):
        # A ministry's circular names no one province's "Sở Xây dựng"; a room or a team is no
        # province's own ("Phòng Nội vụ" in a province's rules is every district's), but in a people's
        # committee's "Nơi nhận" its office's ("- Phòng Đô thị, TTHCC;").
        if not (context.office and mention.unit and recipients):
            return None
        text = f"{canonical_org(text)} {context.office}"
    return _final_name(text, mention.province or context.province, mention.text if "-" in mention.text else "")


@lru_cache(maxsize=8192)  # a pure function of names, and names recur from one document to the next
def _final_name(text: str, province: str | None, hyphenated: str) -> str | None:
    """The canonical name of `text` completed with `province`, or None for no one body; `hyphenated`,
    the mention as written when it holds a hyphen (_syllables_joined), else ""."""
    name = _completed(text, province)
    if "hánh " in name[:11]:  # (most names start otherwise: the regex's test, made cheaply first)
        name = _POST_RE.sub("", name)
    name = _type_once(name)
    if name.startswith("Phòng "):
        name = _DISTRICT_ROOM_RE.sub(r"\1 ", name)
    if hyphenated:
        name = _syllables_joined(hyphenated, name)
    return name if specific(name) and not _no_body_named(name) else None


# A board of a province's Party committee named without the province ("Ban Tổ chức cán bộ Tỉnh ủy"), and
# a member of that committee named with it ("Tỉnh ủy viên Kiên Giang"): the paragraph's one province.
_PARTY_BOARD_RE = re.compile(r"^(?!Thường trực )\S.* (?:Tỉnh|Thành) ủy$")  # "Thường trực Tỉnh ủy": an office
_MEMBER_OF_RE = re.compile(r"\b(?:Tỉnh|Thành) ủy viên ((?:[A-ZĐ]\w*)(?: [A-ZĐ]\w*){0,3})")


def _no_body_named(name: str) -> bool:
    """A name of a body's shape that names none: a "Cơ sở" that is a site, not a facility whose work
    follows (_site); a "Đoàn" named by its place alone, a delegation or a team ("Đoàn Việt Nam có HCV",
    "Đoàn Đà Nẵng xếp ở vị trí 28/52")."""
    if name.startswith("Cơ sở "):
        return _site(name)
    if name.startswith("Đoàn "):
        place = name[5:]
        if fold(place) in central_places()[1]:
            return True
        found = find_provinces(place)
        return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(place)
    return False


@lru_cache(maxsize=1)
def _facility_works() -> tuple[str, ...]:
    """The works after "Cơ sở" that make it one body (data/org_facilities.tsv), folded."""
    return tuple(fold(row["work"]) + " " for row in data.rows("org_facilities.tsv"))


def _site(name: str) -> bool:
    """A "Cơ sở" that is a site, not a facility named by its work: a campus ("Cơ sở Hòa Lạc", "Cơ sở V"),
    a book's title ("Cơ sở Văn hóa Việt Nam"), a phrase ("Cơ sở hạ tầng quốc gia")."""
    return not fold(name[6:] + " ").startswith(_facility_works())


_JOINED_RE = re.compile(r"(\w+)-(?=(\w+))")  # overlapping: "Mông-tơ", "tơ-rơi"


def _syllables_joined(written: str, name: str) -> str:
    """A foreign name's syllables joined by a hyphen as written ("Kim Il-sung", "Mông-tơ-rơi",
    "Khác-cốp"), not spaced out as a dash between two fields ("Kim Il - sung")."""
    for found in _JOINED_RE.finditer(written):
        left, right = found.groups()
        if right[:1].islower():
            name = name.replace(f"{left} - {right}", f"{left}-{right}")
            name = name.replace(f"{left} - {right.capitalize()}", f"{left}-{right}")
    return name


# The parent written right after a unit: "Ủy ban Đối ngoại của Quốc hội", "Ủy ban Tu sĩ thuộc Hội đồng Giám mục".
_PARENT_AFTER_RE = re.compile(r"\s+(?:của|thuộc|trực thuộc)\s+(\w)")


# A head's post right before a body ("Thứ trưởng", "Phó Chủ nhiệm"), and a person's full name at the
# end of the body's name: the head's name, glued on ("Thứ trưởng Bộ Văn hóa - Thông tin Lưu Trần Tiêu").
_HEAD_POSTS = ("trưởng", "Trưởng", "Chủ nhiệm", "Chủ tịch", "Giám đốc", "Bí thư", "Tư lệnh")
_NAMED_AFTER_PERSONS = re.compile(
    r"^(?:Trường|Học viện|Đại học|Viện Đại học|Ủy ban nhân dân|Hội đồng nhân dân)\b|\b(?:xã|phường|thị trấn|quận|huyện|đường|phố)\s+\w+\s+\w+$",
    re.IGNORECASE,
)


def _head_named_after(text: str, first: int, last: int) -> int | None:
    """Where a body's name ends when its head's post comes before it and the head's full name is glued
    after it ("Phó Chủ nhiệm Văn phòng Phủ Thủ tướng Nguyễn Văn Ngọc"); None when it does not. Not a
    school or a place named after a person ("Hiệu trưởng Trường THPT Nguyễn Văn Cừ")."""
    before = text[max(0, first - 30) : first]
    if not (before[-1:].isspace() and before.rstrip().endswith(_HEAD_POSTS)):
        return None
    written = text[first:last]
    if _NAMED_AFTER_PERSONS.search(written):
        return None
    cut = None
    while (end := _person_at_end(written)) is not None:  # "Bộ Nông nghiệp Nguyễn Ngọc Trìu và Trần Đức Lương"
        written = cut = written[:end]
        if written.endswith((" và", ",")):
            written = written.rsplit(" ", 1)[0] if written.endswith(" và") else written[:-1]
    return first + len(cut.rstrip()) if cut is not None and cut.rstrip()[-1:].isalpha() else None


def _person_at_end(written: str) -> int | None:
    """Where a person's full name (a family name and two or three more) ends `written` after two
    words or more ("Văn phòng Phủ Thủ tướng| Nguyễn Văn Ngọc"), else None."""
    words = written.split()
    for size in (3, 4):  # "Lưu Trần Tiêu", "Tôn Nữ Thị Ninh"
        person = words[-size:]
        if (
            len(words) - size >= 2
            and person[0].lower() in surnames()
            and all(w[:1].isupper() and w.isalpha() for w in person)
            and not find_provinces(" ".join(person))  # "Bộ Chỉ huy Thái Bình Dương"
            and fold(" ".join(person)) != "ho chi minh"  # "Đoàn Thanh niên Cộng sản Hồ Chí Minh"
        ):
            if not is_syllable(words[-size - 1]) and len(words) - size >= 3:
                size += 1  # a saint's name before it: "Ủy ban Mục vụ Giới trẻ| Giuse Vũ Văn Thiên"
            return len(written.rstrip()) - len(" ".join(words[-size:])) - 1
    return None


@lru_cache(maxsize=1)
def _sub_unit_types() -> tuple[tuple[tuple[str, bool], ...], frozenset[str]]:
    """The types of data/org_sub_units.tsv, longest first, each with whether a common field after it
    says not whose either; and the official names not to drop."""
    rows = sorted(data.rows("org_sub_units.tsv"), key=lambda row: len(row["type"]), reverse=True)
    names = [row["type"] for row in rows if row["field"] == "name"] + [k.name for k in known_names()]
    types = tuple((row["type"], row["field"] == "yes") for row in rows if row["field"] != "name")
    return types, frozenset(map(fold_key, names))


@lru_cache(maxsize=4096)
def _common_sub_unit(name: str) -> bool:
    """A sub-unit named by its type alone ("Bộ Tư lệnh") or with a common field of two or three
    syllables ("Ban Tư vấn", "Hội đồng Khoa học"): no proper name ("Bảo tàng Tretyakov", "Khoa
    Marketing", "Ban Tôn giáo Chính phủ"), no number, no official name ("Hội đồng Dân tộc",
    "Hội đồng Chính phủ")."""
    types, known = _sub_unit_types()
    found = next(((t, field) for t, field in types if name == t or name.startswith(t + " ")), None)
    if found is None:
        return False
    rest = name[len(found[0]) :].split()
    if not rest:
        return fold_key(name) not in known
    if not found[1] or not 2 <= len(rest) <= 3 or not all(is_syllable(w) and w[1:].islower() for w in rest):
        return False
    if not (rest[0][:1].isupper() and all(w.islower() for w in rest[1:])):
        return False
    return fold_key(name) not in known and fold_key(" ".join(rest)) not in known


# A district's rooms are named after the district, not its committee (Nghị định 37/2014/NĐ-CP):
# "Phòng Văn hóa và Thông tin | UBND thành phố Đà Lạt" is "Phòng Văn hóa và Thông tin thành phố Đà Lạt".
_DISTRICT_ROOM_RE = re.compile(
    r"^(Phòng (?:(?!Văn phòng|Ủy ban).)+?) Ủy ban nhân dân (?=(?:huyện|quận|thị xã|thành phố) )"
)


# Bodies every agency has of its own: named without a place in an agency's document, they are its own
# ("Hội đồng Thi đua - Khen thưởng" of a Sở, a Công an tỉnh; Luật Thi đua, khen thưởng 2022, Điều 83).
_AGENCY_BODIES = (
    "hoi dong thi dua khen thuong",
    "thuong truc hoi dong thi dua khen thuong",
    "cong thong tin dien tu",
    "van phong",
)
# Bodies that are none's own agency: a document of these names the province's units.
_NOT_AGENCIES = ("uy ban nhan dan", "hoi dong", "tinh uy", "thanh uy", "huyen uy", "dang uy", "thuong truc")


def _agency_own(mention: Mention, text: str) -> bool:
    """A unit without its parent ("Phòng Tổ chức cán bộ"), or a body every agency has of its own."""
    base = fold_key(canonical_org(text))
    if has_place(canonical_org(text)) or any(f" {fold(w)} " in f" {base} " for w in scanner_words().sector):
        return False  # "Công đoàn ngành Giáo dục" is the province's
    return mention.unit or base in _AGENCY_BODIES


def _agency(block_names: list[tuple[str, list[Span]]]) -> str | None:
    """The lowest body of the header block that is a local agency with units of its own ("Sở Y tế tỉnh X",
    "Công an tỉnh X", "Bảo hiểm xã hội tỉnh X"), not a people's committee, a council or a Party committee."""
    for name, _ in reversed(block_names):
        if not fold(name).startswith(_NOT_AGENCIES):
            return name if find_provinces(name) or _is_school(name) else None
    return None


def _is_school(name: str) -> bool:
    """A school's name ("Trường Trung học phổ thông Hòa An", "Học viện ..."): its document names its own units."""
    return fold(name).startswith(("truong ", "hoc vien ", "dai hoc "))


# The words of a law's name before the body it organises ("Luật Tổ chức Chính phủ").
_LAW_TITLES = ("luật", "luật tổ chức")


@lru_cache(maxsize=8192)  # a pure function of a name
def _bare_office(text: str) -> bool:
    """ "Văn phòng", "CVP" (Chánh Văn phòng): the office of a body the text does not name."""
    return _POST_RE.sub("", canonical_org(text)) in scanner_words().bare_office


_ARCHIVE_RE = re.compile(r"(?<!\w)(?:Lưu|LƯU)\s*:")
_RECIPIENTS_RE = re.compile(r"\s*(?:Nơi nhận|NƠI NHẬN)\s*:?")


# A room or a team named with its parent ("Phòng Tình báo Bộ Tham mưu B2"): whose it is, the name says.
_PARENT_NAMED_RE = re.compile(
    r" (?:Bộ|Cục|Tổng cục|Sở|Ủy ban|Công an|Trường|Viện|Học viện|Bệnh viện|Trung tâm|Công ty|Ban|Văn phòng|Đại học) [A-ZĐ0-9]"
)


@lru_cache(maxsize=8192)  # a pure function of a name, and names recur from one document to the next
def _every_province_has(text: str) -> bool:
    """A room or a team, or a department of a field every province has ("Sở Tư pháp", not the
    colonial "Sở Liêm phóng"): bare, it names no one body."""
    words = lows(tokenize(text))
    typed = match(words, 0, indexes().types, joiners=False)
    if not typed or typed.value.name not in scanner_words().local_only:
        return False
    if typed.value.name != "Sở":
        return True
    field = match(words, typed.end, indexes().known)
    return field is not None and field.value.kind == "field"


def _type_in(text: str, role: str) -> bool:
    """The body's type is one of the words of data/org_scanner_words.tsv `role` ("local_only": "Sở", "Phòng")."""
    return _type_name(text) in getattr(scanner_words(), role)


@lru_cache(maxsize=8192)  # a pure function of a name, and names recur from one document to the next
def _type_name(text: str) -> str | None:
    """The name of the body type `text` starts with ("Sở", "Phòng"), or None."""
    typed = match(lows(tokenize(text)), 0, indexes().types, joiners=False)
    return None if typed is None else typed.value.name


@lru_cache(maxsize=1)
def _school_unit_res() -> tuple[re.Pattern, re.Pattern]:
    """The regexes of a school's professional groups ("Tổ Toán - Tin") and own bodies ("Công đoàn trường")."""
    rows = list(data.rows("org_school_units.tsv"))

    def words(role: str) -> str:
        found = sorted((r["words"] for r in rows if r["role"] == role), key=len, reverse=True)
        return "|".join(re.escape(w) for w in found)

    subject = f"(?:{words('subject')})"
    groups = re.compile(rf"(?<!\w)[Tt]ổ ({subject}(?:\s*[-–]\s*{subject})*)(?![\w-])")
    bodies = re.compile(rf"(?<!\w)({words('body')}) (?:của |cấp )?(?:nhà )?trường(?!\w)(?! [A-ZĐ])")
    return groups, bodies


def school_units(text: str, school: str) -> list[tuple[str, int, int]]:
    """The school's own units a paragraph of its document names: (canonical name, start, end).

    "Tổ Toán - Tin" is "Tổ Toán - Tin Trường THPT Hòa An", "Công đoàn trường" the school's union.
    """
    groups, bodies = _school_unit_res()
    found = []
    if "ổ " in text:  # (the words each regex needs, looked for first: most paragraphs name no unit)
        found += [(f"Tổ {DASH_RE.sub(' - ', m.group(1))} {school}", m.start(), m.end()) for m in groups.finditer(text)]
    if "trường" in text:
        found += [(f"{m.group(1)} {school}", m.start(), m.end()) for m in bodies.finditer(text)]
    return sorted(found, key=lambda item: item[1])


_POST_RE = re.compile(r"^(?:Phó )?[Cc]hánh ")  # "PCVP UBND tỉnh": the office, not its head


@dataclass(frozen=True)
class _Owners:
    """data/org_owners.tsv by role: what makes a body named bare another state's, or no one body."""

    organs: frozenset[str]  # folded keys
    not_ministry: tuple[str, ...]
    states: tuple[str, ...]  # as written, longest first (with the scanner's foreign countries, lower case)
    state_forms: tuple[str, ...]
    owner_words: tuple[str, ...]  # longest first
    topics: tuple[str, ...]
    posts: tuple[str, ...]
    national: frozenset[str]  # folded keys
    national_names: frozenset[str]  # folded keys
    standing_posts: tuple[str, ...]
    one_standing: tuple[str, ...]
    ad_hoc: frozenset[str]  # folded keys: "Ban Tổ chức" and each event after it


@lru_cache(maxsize=1)
def _owners() -> _Owners:
    rows = list(data.rows("org_owners.tsv"))

    def role(name: str) -> list[str]:
        return [row["words"] for row in rows if row["role"] == name]

    countries = [" ".join(w.capitalize() for w in c.split()) for c in scanner_words().country]

    def by_length(found: list[str] | set[str]) -> tuple[str, ...]:
        return tuple(sorted(found, key=len, reverse=True))

    return _Owners(
        organs=frozenset(map(fold_key, role("organ"))),
        not_ministry=tuple(role("not_ministry")),
        states=by_length({*role("state"), *countries}),
        state_forms=tuple(role("state_form")),
        owner_words=by_length(role("owner_word")),
        topics=tuple(role("topic")),
        posts=tuple(role("post")),
        national=frozenset(map(fold_key, role("national"))),
        national_names=frozenset(map(fold_key, role("national_name"))),
        standing_posts=tuple(role("standing_post")),
        one_standing=tuple(role("one_standing")),
        ad_hoc=frozenset(
            fold_key(f"{head} {event}".strip()) for head in role("ad_hoc") for event in ("", *role("event"))
        ),
    )


@lru_cache(maxsize=8192)  # a pure function of a name, and names recur from one document to the next
def _state_organ(name: str) -> bool:
    """A state organ named bare, which reads as Việt Nam's: "Quốc hội", "Hội đồng Bộ trưởng", a ministry
    ("Bộ Tài chính", "Bộ Tiếp tế"); not a command ("Bộ Tư lệnh"), nor a name holding its state."""
    owners = _owners()
    if fold_key(name) in owners.organs:
        return True
    return _type_name(name) == "Bộ" and not name.startswith(owners.not_ministry) and not _state_at(name, 0, True)


_WORD_START_RE = re.compile(r"(?<!\w)[A-ZĐ\u00c0-\u1ef9]")  # a word's first letter, capitalised or accented


def _state_at(text: str, at: int, inside: bool = False) -> bool:
    """Another state's name at `at` in `text`, or anywhere in a name when `inside` ("Bộ Thanh niên
    Quốc gia Việt Nam"): a foreign or former state, or a state's form and a capitalised name ("Cộng
    hòa Cuba", "Đế quốc Nga"), not Việt Nam's own ("Cộng hòa xã hội chủ nghĩa Việt Nam")."""
    states, forms = _state_res()
    starts = [m.start() for m in _WORD_START_RE.finditer(text[at:])] if inside else [0]
    for start in starts:
        here = at + start
        if not text[here : here + 1].isupper():
            continue  # every state's name is capitalised
        found = states.match(text, here)
        if found and not (" " not in found.group(1) and found.group(2) and found.group(2)[1].isupper()):
            return True  # not one word that starts a place: "Mỹ Đình", "Lào Cai", "Đức Giang"
        form = forms.match(text, here)
        if form and form.group(1).isupper():
            return not fold(text[form.start(1) : form.start(1) + 20]).startswith(("xa hoi chu nghia", "xhcn"))
    return False


@lru_cache(maxsize=1)
def _state_res() -> tuple[re.Pattern, re.Pattern]:
    """The states' names (any case; group 2, the first letter of the word after), and their forms
    (group 1, the first letter of the name after)."""
    owners = _owners()
    names = "|".join(re.escape(state) for state in owners.states)
    forms = "|".join(re.escape(form) for form in owners.state_forms)
    return (
        re.compile(rf"(?i:({names}))(?!\w)( \w)?"),
        re.compile(rf"(?:{forms}) (\w)"),
    )


def _owned_elsewhere(text: str, end: int) -> bool:
    """Another state is written right after a body's name at `end`, maybe after "của", "nước" or its
    party ("Hội đồng Nhà nước| Cộng hòa Cuba", "Bộ Tài chính| của Đế quốc Việt Nam", "Bộ Chính trị|
    Đảng Cộng sản Trung Quốc"): the body is that state's."""
    found = _owner_words_re().match(text, end)
    return found is not None and _state_at(text, found.end())


@lru_cache(maxsize=1)
def _owner_words_re() -> re.Pattern:
    """A space, then up to two owner words before a capitalised word ("| của Đế quốc Việt Nam")."""
    words = "|".join(re.escape(word) for word in _owners().owner_words)
    return re.compile(rf" (?:(?:{words}) ){{0,2}}(?=\w)")


def _post_of_other_state(text: str, first: int) -> bool:
    """Another state's minister's post right before a ministry ("Tổng trưởng Bộ Quốc phòng")."""
    return text[max(0, first - 15) : first].rstrip().endswith(_owners().posts)


# A page title's note in brackets at its end: "Quốc hội (Việt Nam Cộng hòa)".
_TITLE_NOTE_RE = re.compile(r"\s*\([^)]*\)\s*$")


def _page_of_other_state(header: Header) -> bool:
    """An encyclopedia page about another state, titled with its name ("Liên Xô", "Việt Nam Cộng hòa",
    "Chính trị Lào", "Cộng hòa Dân chủ Nhân dân Triều Tiên"): its organs named bare are that state's."""
    title = _TITLE_NOTE_RE.sub("", (header.title or "").strip())
    for topic in _owners().topics:
        if title.startswith(topic + " "):
            title = title[len(topic) + 1 :]
            break
    if not title or not _state_at(title, 0):
        return False
    return any(title.lower() == state.lower() for state in _owners().states) or title.startswith(_owners().state_forms)


@lru_cache(maxsize=8192)  # a pure function of a name
def _national_only(name: str) -> bool:
    """A type and words that say only that the body is national ("Ủy ban Trung ương", "Ban Chỉ đạo
    Trung ương", "Ủy ban Nhà nước"), or a committee named after an event alone ("Ban Tổ chức Lễ tang"):
    which one, the name does not say; not a name of that shape that is one body ("Hội đồng Nhà nước",
    "Kiểm toán Nhà nước", "Ban Tổ chức Lễ tang Nhà nước")."""
    owners = _owners()
    key = fold_key(name)
    if key in owners.ad_hoc:
        return True  # "Ban Tổ chức Lễ tang", "Ban Chỉ đạo liên ngành": which event's, the name does not say
    typed = _type_name(name)
    if typed is None or not name.startswith(typed + " "):
        return False
    return fold_key(name[len(typed) + 1 :]) in owners.national and key not in owners.national_names


def _another_states(name: str, owner: str, other_page: bool) -> bool:
    """The body a mention resolves to is no one body, or another state's organ that its bare name would
    make Việt Nam's: its state written after it ("Hội đồng Nhà nước Cộng hòa Cuba"), another state's
    minister's post before it ("Tổng trưởng Bộ Quốc phòng"), both told by `owner` (_owner_cue), or a
    page about another state ("Liên Xô": "Hội đồng Bộ trưởng"); or a national body that the name does
    not say which ("Ủy ban Trung ương")."""
    kind = _owner_kind(name)
    if kind <= 1:
        return kind == 1
    if owner == "state":
        return True  # the name read stops before its state: "Bộ Kinh tế - Tài chính| của Cộng hòa Miền Nam Việt Nam"
    # On another state's page or after its minister's post, "Bộ Quốc phòng", "Hội đồng Bộ trưởng" read as
    # Việt Nam's; "Bộ Công chánh" (Việt Nam Cộng hòa), "Tổng trưởng Bộ Truyền giáo" (the Holy See's) are
    # named as written, no body of Việt Nam's.
    return kind == 3 and (other_page or owner == "post")


@lru_cache(maxsize=8192)  # a pure function of a name, and names recur from one document to the next
def _owner_kind(name: str) -> int:
    """0: a body of its own; 1: a national body the name does not say which (_national_only); 2: a state
    organ (_state_organ); 3: one whose name reads as Việt Nam's (_reads_as_vietnams)."""
    if _national_only(name):
        return 1
    if not _state_organ(name):
        return 0
    return 3 if _reads_as_vietnams(name) else 2


def _reads_as_vietnams(name: str) -> bool:
    """A state organ's name that is also Việt Nam's: "Quốc hội", "Bộ Quốc phòng" (data/org_names.tsv)."""
    return fold_key(name) in _owners().organs or fold_key(name) in _central_keys()


@lru_cache(maxsize=1)
def _central_keys() -> frozenset[str]:
    return frozenset(fold_key(k.name) for k in known_names() if k.kind == "central")


# Words in a body's name that make it a region's or the nation's: no province's own.
_REGION_RE = re.compile(
    r"\b(?:Trung ương|Quốc gia|[Mm]iền|(?:Tây |Đông )?(?:Nam|Bắc|Trung) [Bb]ộ|Tây Nguyên|Tây Bắc)\b"
)


def _list_place_doubtful(mention: Mention, after: list[tuple[int, int, str, Mention]]) -> bool:
    """A list's place, given to an earlier item that names none ("Tỉnh ủy, HĐND, UBND tỉnh Điện Biên"),
    is not that item's where the item is a region's or the nation's body ("Ban chỉ đạo Tây Nam bộ,
    Thành ủy Cần Thơ"), or where the place is a national body's branch's ("Kho bạc Nhà nước, ..., Ngân
    hàng Nhà nước chi nhánh tỉnh Nghệ An")."""
    name = canonical_org(mention.text)
    if has_place(name):
        return False
    if _REGION_RE.search(name):
        return True
    placed = next((m for _, _, _, m in after if m.placed), None)
    # "Hội đồng khoa học Trung tâm Tôn giáo Đương đại, Trường Đại học Khoa học xã hội và Nhân văn Hà Nội":
    # a school's name holds its city, which places no other item
    return placed is not None and ("chi nhánh" in placed.text.lower() or _is_school(canonical_org(placed.text)))


_STANDING = "thường trực "


def _standing_office(text: str, first: int, written: str) -> int | None:
    """Where the body starts in a mention that starts with "Thường trực" when that is an office, not a
    standing body: after a post ("Phó Bí thư| Thường trực Tỉnh ủy Bạc Liêu", "Phó Chánh án| Thường trực
    Tòa án nhân dân tối cao"), or of a body whose standing member is one person ("Thường trực Ban Bí
    thư", "Thường trực Bộ Chính trị"); None otherwise ("Thường trực Hội đồng nhân dân tỉnh" is a body)."""
    if written[:1] not in "Tt" or written[: len(_STANDING)].lower() != _STANDING:
        return None  # most names start otherwise
    if text[first : first + len(_STANDING)] != written[: len(_STANDING)]:
        return None
    owners = _owners()
    rest = written[len(_STANDING) :]
    if rest.startswith(owners.one_standing) or text[max(0, first - 12) : first].rstrip().endswith(
        owners.standing_posts
    ):
        return len(_STANDING)
    return None


def _completed(text: str, province: str | None) -> str:
    """The canonical name completed with the province, but for a name that ends with the province's own
    name ("Bệnh viện Nhi Đồng Cần Thơ", not "... Cần Thơ thành phố Cần Thơ")."""
    name = canonical_org(text, province)
    if province and name.count(province) > 1:
        bare = canonical_org(text)
        if bare.endswith(" " + province):
            return bare
    return name


@lru_cache(maxsize=1)
def _festival_words() -> tuple[tuple[str, bool], ...]:
    """The words after "Hội" that make no association (data/org_festivals.tsv), lower case, each with
    whether a word in upper case may follow them."""
    return tuple((row["words"].lower(), row["then"] == "any") for row in data.rows("org_festivals.tsv"))


@lru_cache(maxsize=4096)  # a pure function of a name
def _festival(name: str) -> bool:
    """A "Hội" named by a festival's season or place, a rite, or a word "hội ..." of the dictionary:
    "Hội Xuân núi Bà Đen", "Hội Cổ Loa", "Hội chứng Việt Nam" (data/org_festivals.tsv)."""
    rest = name[4:]
    lowered = rest.lower()
    for words, any_after in _festival_words():
        if lowered == words:
            return True
        if lowered.startswith(words + " "):
            after = rest[len(words) + 1 :]
            if any_after or after[:1].islower() or name.isupper():
                return True
    return False


@lru_cache(maxsize=4096)
def _page_of_body(title: str) -> bool:
    """An encyclopedia page titled with one body's name that is no ministry nor another central body
    ("Hội Chữ thập đỏ Việt Nam", "Trường Đại học Thương mại"): the boards, rooms and centres it lists
    bare are that body's, which the name written does not say."""
    title = _TITLE_NOTE_RE.sub("", title.strip())
    if not title or len(title) > 80:
        return False
    found = Scanner(title).mentions()
    if not found or found[0].first != 0 or not title.startswith(found[0].text):
        return False
    rest = title[len(found[0].text) :]
    if rest and not (len(found) == 2 and rest == ", " + found[1].text):
        return False  # the body, or the body and its parent: "Trường Đại học Bách khoa, Đại học Quốc gia ..."
    # a ministry's units stand alone (rule R11: "Vụ", "Cục", "Ban" as written); a central body's boards,
    # rooms and centres do not (readers: "Ban Văn hóa - Xã hội" on Đài Tiếng nói Việt Nam's page)
    return _type_name(canonical_org(found[0].text)) not in (None, "Bộ")


@lru_cache(maxsize=4096)
def _sub_unit(name: str) -> bool:
    """A sub-unit named by a type of data/org_sub_units.tsv whose name is a field ("Ban Đối ngoại và
    Truyền thông", "Trung tâm Nghiên cứu và Đào tạo Kỹ năng nghề nghiệp"), no place, no known name."""
    types, known = _sub_unit_types()
    if has_place(name) or fold_key(name) in known or _NATIONAL_WORD_RE.search(name):
        return False  # "Ủy ban Vật giá Nhà nước", "Ban Tôn giáo Chính phủ": the state's, not the page's
    if _PARENT_NAMED_RE.search(name, 4) or _state_at(name, 0, True) or _REGION_RE.search(name):
        return False  # "Phòng Tình báo Bộ Tham mưu B2", "Ủy ban Đối ngoại Thượng viện Hoa Kỳ", "Ban Chỉ đạo Tây Bắc"
    # a board, a faculty, a room, a centre, an office: a committee or a council may be a body of its own
    # ("Ủy ban Liên lạc Công giáo toàn quốc", "Hội đồng Quốc phòng")
    return any(field and name.startswith(t + " ") and t not in _OWN_BODY_TYPES for t, field in types)


_OWN_BODY_TYPES = ("Ủy ban", "Hội đồng", "Bảo tàng", "Bệnh viện")
_NATIONAL_WORD_RE = re.compile(
    r"\b(?:Nhà nước|Chính phủ|Quốc hội|Trung ương|Quốc gia|Việt Nam|Thủ tướng|Chủ tịch)\b"
    r"|(?<![Hh]ợp tác )(?<![Qq]uan hệ )\b[Qq]uốc tế\b"  # "Ủy ban Chữ thập đỏ quốc tế", not "Hợp tác Quốc tế"
)


@lru_cache(maxsize=8192)  # a pure function of a name
def _type_once(name: str) -> str:
    """A body's type written twice, once by the text and once by the name a brand or an abbreviation
    stands for ("Tập đoàn Viettel" -> "Tập đoàn Tập đoàn Công nghiệp - Viễn thông Quân đội", "BAN BAN
    CHÍNH SÁCH", "Đoàn Đoàn đại biểu Quốc hội"), written once; not a word that starts another ("Khoa
    Khoa học Ứng dụng")."""
    words = name.split()
    for size in (2, 1):
        if len(words) > 2 * size and words[:size] == words[size : 2 * size]:
            rest = " ".join(words[size:])
            if (
                _type_name(rest) == " ".join(words[:size])
                and " ".join(words[2 * size - 1 : 2 * size + 1]).lower() not in common_words()
            ):
                return rest
    return name


_WORD_BEFORE_RE = re.compile(r"(\w+) $")


@lru_cache(maxsize=1)
def _type_word_ends() -> frozenset[str]:
    """The words that end in a type's word and are no body (data/org_type_word_ends.tsv), lower case."""
    return frozenset(row["words"].lower() for row in data.rows("org_type_word_ends.tsv"))


def _inside_a_word(text: str, first: int) -> bool:
    """The type's word a mention starts with is the end of a longer word with the word before it
    ("Quốc| Vụ Khanh", "Quốc| Vụ Viện": "quốc vụ khanh", "quốc vụ viện" are words of the dictionary;
    "Sứ| Vụ Giám Quản Tông Tòa", "sứ vụ" a word of the Church, data/org_type_word_ends.tsv)."""
    if text[first - 1 : first] != " ":
        return False  # (the regex's test, made cheaply first: most mentions start a line or follow a mark)
    if text[max(0, first - 20) : first - 1].rsplit(" ", 1)[-1].islower():
        return False  # the word before is in lower case, as most are ("của Sở"): (the same, cheaply)
    before = _WORD_BEFORE_RE.search(text, max(0, first - 20), first)
    if before is None or not before.group(1)[:1].isupper():
        return False
    words = text[first : first + 30].split()[:2]
    if words and f"{before.group(1)} {words[0]}".lower() in _type_word_ends():
        return True  # "KẾT THÚC SỨ| VỤ GIÁM MỤC", "THƯ MỤC| VỤ GIÁNG SINH": no "Vụ"
    if len(words) < 2 or f"{before.group(1)} {words[0]} {words[1]}".lower() not in common_words():
        return False
    # a post's word before a two-word type or name is the post's: "Chánh| Văn phòng Bộ", "Tổng| Thanh tra Chính phủ"
    pair = lows(tokenize(f"{words[0]} {words[1]}"))
    return not any(
        (found := match(pair, 0, index, joiners=False)) is not None and found.end == 2
        for index in (indexes().types, indexes().known)
    )
