"""Who grants an award, written out: "Bằng khen của Chủ tịch UBND tỉnh" -> "Chủ tịch Ủy ban nhân dân
tỉnh X", "được Bộ Tài chính tặng" -> "Bộ Tài chính", and who a decision speaks for ("CHỦ TỊCH ỦY BAN
NHÂN DÂN TỈNH X" before its "Căn cứ" lines). The offices are data/grantor_offices.tsv."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from ..document import Document
from ..normalize import fold
from ..organizations import canonical_org, known_names, org_types
from ..phrases import word_starts
from ..record import Header, Organization
from .words import alternatives, award_words, escaped, office_heads, offices

_OFFICE_RE = re.compile(
    r"^(" + "|".join(re.escape(fold(o)) for o, _ in sorted(offices(), key=lambda o: -len(o[0]))) + r")(?!\w)"
)
_OFFICE_BY_FOLDED = {fold(o): (o, scope) for o, scope in offices()}
# Where the grantor written after an award ends ("Bằng khen của Chủ tịch UBND tỉnh cho ..."); "hàng" only
# before "năm" ("... tặng hàng năm", not "Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh").
_GRANTOR_END_RE = re.compile(
    r"\s*(?:[;,.()“”\"’:|]|\s-\s|$)|\s+(?:"
    + alternatives("grantor_end")
    + r"|(?:hằng|hàng)(?=\s+(?:năm|quý|tháng)))(?!\w)"
)
# The body of the document written as "this one" after an office: "Hiệu trưởng Nhà trường", "Thủ trưởng đơn vị".
_THIS_BODY = frozenset({"nha truong", "co quan", "don vi"})
_MAX_GRANTOR_WORDS = 15
# A grantor with no end within this many characters has more words than _MAX_GRANTOR_WORDS but in
# a text of very long words (then the whole rest is read).
_GRANTOR_AFTER_WINDOW = 300
_LONGEST_OFFICE = max(len(o) for o, _ in offices()) + 1
_BARE_LEVEL_RE = re.compile(rf"(?<!\w)(?:{alternatives('district_level')})$")  # a body named without its district
_GENERIC_GRANTORS = {fold(w) for w in award_words("generic_grantor")}
_EACH_BODY_RE = re.compile(rf"(?:{alternatives('each_body')})(?!\w)")
_OF_RE = re.compile(r"\s*[\"”’]?\s*((?i:của)\s+)?")  # "CỦA" in a heading in capitals
_GIVE = alternatives("give")
# "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen", "được Bộ Tài chính tặng Cờ thi đua": the grantor
# stands before the verb. Matched (not searched) from the start of a window: the leading ".*" then
# finds the last such verb phrase in one pass, where a search retried it from every position.
_GRANTOR_BEFORE_RE = re.compile(
    r".*(?:" + word_starts(escaped("grantor_cue")) + r")\s+(?P<g>[^,;.]{3,80}?)\s+(?:xem xét,?\s+|xét,?\s+)?"
    rf"(?:{_GIVE})(?:\s+danh hiệu)?\s*[\"“]?\s*$"
)
# How the verbs of _GRANTOR_BEFORE_RE and _GRANTOR_SUBJECT_RE end ("tặng thưởng", "khen thưởng").
_GIVING_ENDS = (*award_words("give"), "danh hiệu")
# The subject of an active clause (not of "X được tặng": X receives): "1. UBND tỉnh tặng Cờ thi đua cho ...",
# "Giám đốc Công an tỉnh đã ký Quyết định số 1570/QĐ-CAT ngày 21/12/2023 công nhận danh hiệu ..."
# (matched from the clause's start).
_GRANTOR_SUBJECT_RE = re.compile(
    r"\s*(?P<g>[^\W\d][^,;.:()]{2,60}?)(?<!được)\s+(?:(?:đã\s+)?(?:ký|ban hành)\s+(?:quyết định|qđ)(?!\w)[^;:]{0,60}?\s+)?"
    rf"(?:{_GIVE})(?:\s+danh hiệu)?\s*[\"“]?\s*$"
)
# A subject that proposes is no grantor: "Hội nghị thống nhất đề nghị công nhận danh hiệu ...".
_PROPOSING_RE = re.compile("(?:" + word_starts(escaped("propose")) + r")(?!\w)")
# The longest match but ".*": a verb (8) and a grantor (80), "xem xét khen thưởng danh hiệu" and the
# single spaces of a paragraph between them (segment collapses runs of spaces) take ~130 characters.
_GRANTOR_BEFORE_WINDOW = 300
# Whom a sentence ending in a colon proposes to (lower case, its colon gone): "2. Đề nghị Bộ trưởng Bộ
# Quốc phòng:", "Sở kính đề nghị Chủ tịch UBND tỉnh xem xét:" ("1. Đề nghị Tư lệnh Quân khu 9 tặng:" is
# _GRANTOR_BEFORE_RE's).
_PROPOSED_TO_RE = re.compile(r"đ(?<!\wđ)ề nghị\s+(?P<g>[^,;.:]{3,80}?)(?:,?\s+(?:xem xét|xét))?\s*$")
# Markdown and table marks around a line of a header ("**GIÁM ĐỐC SỞ NỘI VỤ**", "| CHỦ TỊCH |").
_MARKUP_RE = re.compile(r"[*#_|]+")
# The signature block: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "GIÁM ĐỐC" (folded); the office only
# (the issuer is whose office it is), read in the last paragraphs.
_SIGNED_FOR_RE = re.compile(
    r"(?:.{0,40}?(?<!\w)(?:kt|tl|tuq|q)\.\s*)?("
    + "|".join(re.escape(fold(o)) for o, _ in sorted(offices(), key=lambda o: -len(o[0])))
    + r")(?!\w)"
)
_SIGNATURE_PARAGRAPHS = 30
# A place level, folded: "Công an tỉnh", "UBND huyện Cư Jút" (a body named by its level).
_LEVEL_RE = re.compile(rf"(?:{alternatives('province_level', 'district_level', 'commune_level', folded=True)})(?!\w)")


def _school_of(header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The school a "Hiệu trưởng" heads: the issuer's "Trường ...", else the first school named."""
    names = [header.issuer or ""] + [o.name for o in organizations]
    for name in names:
        i = name.find("Trường ")
        if i >= 0:
            return name[i:]
    return None


def _headed(office: str, written: str, issuer: str | None) -> str | None:
    """The issuer when the office heads a body of its kind (of the kind written: "Sở" after "Giám đốc")."""
    if not issuer:
        return None
    kinds = (written,) if written and is_body_type(written) else office_heads().get(office, ())
    return issuer if not kinds or fold(issuer).startswith(tuple(fold(k) + " " for k in kinds)) else None


def is_office(written: str) -> bool:
    """Whether `written` starts with an office that grants ("Chủ tịch UBND tỉnh", "Bộ trưởng")."""
    return bool(_OFFICE_RE.match(fold(written)))


def grantor_name(written: str, header: Header, organizations: tuple[Organization, ...] = ()) -> str | None:
    """Who grants, written out: "Chủ tịch UBND tỉnh" -> "Chủ tịch Ủy ban nhân dân tỉnh X"."""
    written = written.strip(" ,;:.")
    folded = fold(written)
    if not written or folded in _GENERIC_GRANTORS or len(written.split()) > _MAX_GRANTOR_WORDS:
        return None
    m = _OFFICE_RE.match(folded)
    if not m:
        if not written[0].isupper():
            return None
        return canonical_org(written, header.province)
    office, scope = _OFFICE_BY_FOLDED[m.group(1)]
    rest = written[m.end() :].strip(" ,")
    if _EACH_BODY_RE.match(rest.lower()):
        return None  # "Thủ trưởng các cơ quan, đơn vị": whoever heads each one
    if office == "Thủ tướng" and (not rest or fold(rest) == "chinh phu"):
        return "Thủ tướng Chính phủ"
    if office in ("Thủ tướng Chính phủ", "Chủ tịch nước"):
        return office
    if not rest or is_body_type(rest) or fold(rest) in _THIS_BODY:
        # "Giấy khen của Giám đốc", "Giám đốc Sở", "Hiệu trưởng Nhà trường": the head of the issuer (or of the
        # school a Hiệu trưởng heads), when it is a body of the kind the office heads.
        body = _school_of(header, organizations) if office == "Hiệu trưởng" else _headed(office, rest, header.issuer)
        return f"{office} {body}" if body else office
    if office == "Tổng cục trưởng" and fold(rest).startswith("cuc "):
        rest = "Tổng c" + rest[1:]  # "Tổng Cục trưởng Cục Thuế" heads the Tổng cục Thuế
    body = canonical_org(rest, None if scope == "central" else header.province)
    if header.issuer and fold(body) == fold(header.issuer):
        body = header.issuer  # "CHỦ TỊCH ỦY BAN NHÂN DẦN TỈNH HÁI DƯƠNG" (a scan): the issuer as the header reads it
    elif office == "Cục trưởng" and header.issuer and fold(header.issuer).startswith(fold(body) + " "):
        body = header.issuer  # "Cục trưởng Cục Thuế" in a decision of the Cục Thuế tỉnh Bình Định
    elif _BARE_LEVEL_RE.search(body):
        # "Chủ tịch UBND huyện" in a document naming one Ủy ban nhân dân huyện: that district's.
        named = {o.name for o in organizations if o.name.startswith(body + " ")}
        body = named.pop() if len(named) == 1 else body
    return f"{office} {body}"


def grantor_after(text: str, end: int, header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The grantor written right after an award: "của Bộ tài chính", "Thủ tướng Chính phủ"."""
    rest = text[end : end + _GRANTOR_AFTER_WINDOW]  # the rest of a long paragraph is read only when needed
    m = cast(re.Match[str], _OF_RE.match(rest))  # every part of the pattern is optional: it always matches
    start = m.end()
    if not m.group(1) and not is_office(rest[start : start + _LONGEST_OFFICE]):
        return None
    stop = _GRANTOR_END_RE.search(rest.lower(), start)
    if stop is None and len(rest) == _GRANTOR_AFTER_WINDOW and len(rest[start:].split()) <= _MAX_GRANTOR_WORDS:
        rest = text[end:]
        stop = _GRANTOR_END_RE.search(rest.lower(), start)
    written = rest[start : stop.start() if stop else len(rest)]
    return grantor_name(written, header, organizations)


def proposed_or_given_by(written: str, header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The grantor named after "đề nghị"/"được" when it is an office or a capitalised name
    ("Chủ tịch UBND tỉnh"; not "các cấp")."""
    if not (is_office(written) or written[:1].isupper()):
        return None
    return grantor_name(written, header, organizations)


def grantor_before(text: str, start: int, header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The grantor written before the verb that gives the award at `start`."""
    # The clause's start when it is in the window (sought there only: a paragraph without "." or ";"
    # is not read back to its start for each award); the window begins one character early when it
    # cuts the clause, for the look-behind "(?<!\w)".
    window = max(0, start - _GRANTOR_BEFORE_WINDOW - 1)
    sought = max(0, window - 1)
    clause_start = max(text.rfind(".", sought, start), text.rfind(";", sought, start)) + 1
    window = max(clause_start, window)
    skip = 1 if window > clause_start else 0
    low = text[window:start].lower()
    if not low.rstrip().rstrip('"“').rstrip().endswith(_GIVING_ENDS):
        return None  # both regexes below end with the verb that gives: tested first, cheaply
    m = _GRANTOR_BEFORE_RE.match(low, skip)
    if m:
        return proposed_or_given_by(text[window + m.start("g") : window + m.end("g")], header, organizations)
    m = _GRANTOR_SUBJECT_RE.match(low) if window == clause_start else None
    if not m:
        return None
    # The subject is a grantor when it is an office or a body ("TẬP THỂ ĐƯỢC TẶNG ..." is neither) that
    # does not propose.
    written = text[window + m.start("g") : window + m.end("g")]
    if _PROPOSING_RE.search(written.lower()):
        return None
    if not (is_office(written) or names_a_body(canonical_org(written, header.province))):
        return None
    return grantor_name(written, header, organizations)


def proposed_to(text: str, header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """Whom a sentence ending in a colon proposes to ("Đề nghị Tư lệnh Quân khu 9 tặng:")."""
    text = text.rstrip().rstrip(":").rstrip()
    grantor = grantor_before(text, len(text), header, organizations)
    if grantor:
        return grantor
    m = _PROPOSED_TO_RE.search(text.lower())
    if not m:
        return None
    return proposed_or_given_by(text[m.start("g") : m.end("g")], header, organizations)


def authority(doc: Document, header: Header) -> str | None:
    """Who a decision speaks for: the line in capitals before "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X",
    "**GIÁM ĐỐC SỞ NỘI VỤ**"), else the office its signature is given for ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    "GIÁM ĐỐC"), with the issuer."""
    for para in doc.paragraphs[:40]:
        text = _MARKUP_RE.sub("", para.text).strip()
        if fold(text).startswith("can cu"):
            break
        if is_office(text) and _in_capitals(text):
            return grantor_name(text, header)
    for para in reversed(doc.paragraphs[-_SIGNATURE_PARAGRAPHS:]):
        m = _SIGNED_FOR_RE.match(fold(_MARKUP_RE.sub("", para.text).strip()))
        if m and _in_capitals(para.text):
            return grantor_name(_OFFICE_BY_FOLDED[m.group(1)][0], header)
    return None


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


@lru_cache(maxsize=1)
def _body_starts() -> re.Pattern:
    """The types of bodies and units and the known bodies a recipient's name starts with ("Sở", "Công an
    tỉnh", "Tiểu đoàn")."""
    # Lower case with the marks kept: folded, "Cộng" would be "Công", "Số" would be "Sở".
    words = (
        {t.name.lower() for t in org_types()}
        | {k.name.lower() for k in known_names()}
        | {w.lower() for w in award_words("unit_type")}
    )
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:{body})(?!\w)")


def names_a_body(written: str) -> bool:
    """Whether a name starts with a body ("Phòng Nội chính", "Công an tỉnh", "Đại đội 1"), not a criterion."""
    m = _body_starts().match(written.lower())
    if not m:
        return False
    rest = written[m.end() :].strip()
    return not rest or rest[0].isupper() or rest[0].isdigit() or bool(_LEVEL_RE.match(fold(rest)))


@lru_cache(maxsize=1)
def _body_types() -> frozenset[str]:
    return frozenset(fold(t.name) for t in org_types())


def is_body_type(written: str) -> bool:
    """Whether `written` is only the type of a body ("Phòng", "Sở"), no name: a blank in a form."""
    return fold(written) in _body_types()
