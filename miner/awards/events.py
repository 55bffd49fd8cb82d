"""Award events: who received, or was proposed for, which award.

In decision articles and the lists that follow them ("Điều 1. Tặng Bằng khen ... cho 05 tập thể
..., gồm:" then "1. Công an tỉnh;"), in tables whose header says which column holds the names, and
in sentences ("đơn vị X đạt danh hiệu Cờ thi đua của Bộ Tài chính"). A paragraph is read by what it
is (a table row, a label, a list's introduction, a list item, a heading, running text); what it
says about the paragraphs after it is the list state, `_Lists`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from ..document import Document, Paragraph
from ..normalize import fold, text_cache
from ..organizations import canonical_org, org_types
from ..patterns import parse_symbol
from ..persons import name_in_cell, normalise_name, table_cells
from ..phrases import word_starts
from ..record import Award, Header, LegalRef, Organization, Person, Span
from .grantors import authority, grantor_after, grantor_before, is_body_type, names_a_body, proposed_to
from .taxonomy import instituted_in, match_award_types
from .words import alternatives, escaped

_GIVE = alternatives("give")
_YEAR_RE = re.compile(word_starts([r"năm(?:\s+học)?\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?"]))
# A year that is no achievement's: a date's ("tháng 12 năm 2022"), a birth's ("sinh năm 1970").
_DATE_BEFORE_RE = re.compile(r"(?i:tháng\s+\d{1,2}|sinh)\s*$")
# The first year an award of Việt Nam was given (Sắc lệnh 58/SL, 1947, instituted the first orders; the
# state was founded in 1945): an earlier year is no award's.
_FIRST_AWARD_YEAR = 1945
# What puts an award forward instead of granting it ("bầu cử" is an election, "chương trình" a plan).
# What makes a sentence about an award a rule, a condition or a promise, no event ("để tặng cho",
# "khi", "trường hợp", "sẽ").
_RULE_RE = re.compile("(?:" + word_starts(escaped("rule")) + r")(?!\w)")
# How a sentence that introduces a list of things, not of recipients, starts ("Hồ sơ đề nghị ... gồm:").
_THINGS_RE = re.compile(rf"\s*(?:{alternatives('not_recipients')})(?!\w)")
_PROPOSED_RE = re.compile("(?:" + word_starts(escaped("propose")) + r")(?!\w)")
# An award received before the document: "đã được ... tặng", "đã được công nhận" (past, passive).
_RECEIVED_RE = re.compile(rf"đ(?<!\wđ)ã\s+được\s+(?:[^,;.]{{0,60}}?\s)?(?:{_GIVE})(?!\w)")
_GRANT_RE = re.compile("(?:" + word_starts(escaped("give", "propose")) + r")(?!\w)")
_ATTACHED_RE = re.compile("(?:" + word_starts(escaped("attached_list")) + r")(?!\w)")
_LIST_INTRO_RE = re.compile(
    r"(?::\s*$|"
    + word_starts([rf"{w}\s*:?\s*$" for w in escaped("list_intro")])
    + "|"
    + word_starts([rf"{w}(?!\w)" for w in escaped("attached_list")])
    + ")"
)
_MARKER_RE = re.compile(r"^\s*(?:[-+*•–]\s*|\(?\d{1,3}(?:\.\d{1,3})*\s*[.)]\s*|\(?[a-zđ][.)]\s*|[IVX]{1,4}\s*[.)]\s*)")
_ARTICLE_RE = re.compile(r"^\s*Điều\s+\d+")
# "I. Tập thể", "II | Cá nhân", "a) Đối với tập thể:": the kind of recipients listed next.
_SECTION_RE = re.compile(
    rf"^(?:\S{{1,4}}\s+)?(?:doi voi\s+)?(?:cac\s+)?({alternatives('recipient_kind', folded=True)})\b[^|:]{{0,40}}$"
)
_LABEL_RE = re.compile(r"^[-+*•\s]*danh hiệu\s*:")
_AWARD_HEADER_RE = re.compile(rf"^(?:{alternatives('award_column', folded=True)})")
_RECIPIENT_HEADER_RE = re.compile(rf"^(?:{alternatives('recipient_column', folded=True)})")
_NOT_RECIPIENT_RE = re.compile(rf"^(?:{alternatives('not_recipient')})(?!\w)")
# "Bệnh viện Đa khoa tỉnh Quảng Ngãi - đơn vị dẫn đầu Khối": a description in lower case after a dash.
_RECIPIENT_END_RE = re.compile(
    rf"\s*(?:[;(]|\.\s*$|\./\.|,?\s+(?i:{alternatives('recipient_end')})(?!\w)"
    r"|\s[-–]\s+(?=[a-zđà-ỹ])|:\s+(?=[a-zđà-ỹ]))"  # "- Chi cục Hải quan khu vực I: hoàn thành thu ngân sách"
)
_PERSON_ADDRESS = alternatives("person_address")
# Between the recipients written after a colon: ";", " và ông ".
_RECIPIENTS_SPLIT_RE = re.compile(rf";|(?<=\s)và(?=\s+(?:{_PERSON_ADDRESS})\s)")
_OF_BEFORE_RE = re.compile(r"(?<!\w)của\s+$")
# Between a recipient and its award: "X đạt danh hiệu", "X được Bộ Tài chính tặng", "X nhận";
# "X tặng Bằng khen" (active) names the grantor, not the recipient.
# Both matched with pos and endpos (no "^": a match is anchored at pos), not on slices of the paragraph.
_INLINE_BEFORE_RE = re.compile(
    rf"(?:\s*\([^()]{{0,60}}\))?(?:\s*[,–-]\s*[^;.]{{0,80}}?)?\s*(?:(?:{alternatives('before_passive')})\s+)*"
    rf"(?:được\s+(?:[^,;.]{{0,60}}?\s)?(?:{_GIVE})|{alternatives('receive')})"
    r"\s+(?:danh hiệu\s+|hình thức\s+)?[\"“]?\s*$"
)
_RECIPIENT_CUE = alternatives("recipient_cue")
# "Công nhận danh hiệu "Chiến sĩ thi đua cơ sở" cho 04 công chức: Tăng Văn Lực, Kim Thị Sa Ry, ...".
_INLINE_AFTER_COUNT_RE = re.compile(
    rf"[^.;:]{{0,80}}?\s(?:{_RECIPIENT_CUE})\s+(?:\d+|các)\s+[^\d.;:]{{1,40}}?:\s*(?:(?:{_PERSON_ADDRESS})\s+)?$"
)
# The farthest a recipient ends before its award for _INLINE_BEFORE_RE (its bounded parts, and the words
# "đã", "vinh dự" ... between), and a person before the body of their office for _APPOSITION_RE (five words).
_INLINE_BEFORE_REACH = 600
_APPOSITION_REACH = 300
# What is read before an award in running text for the words that propose it ("đề nghị ... tặng").
_STATUS_REACH = 300
_CLAUSE_END_RE = re.compile(r"[.;]")
_PARENTHESIS_RE = re.compile(r"[()]")
# "Danh hiệu “Lao động tiên tiến”: 15/15 đồng chí, bao gồm: Nguyễn Văn An, ...": names after "gồm ...:".
_INLINE_AFTER_LIST_RE = re.compile(
    rf"[^.;]{{0,120}}?\s(?:{alternatives('listed_after')})(?:\s+các\s+[^\d.;:]{{1,20}}?)?\s*:\s*"
    rf"(?:(?:{_PERSON_ADDRESS})\s+)?$"
)
# Not the members of a council or a meeting ("Hội đồng xét tặng ... gồm: ông X - Chủ tịch Hội đồng").
_MEMBERS_RE = re.compile("(?:" + word_starts(escaped("members")) + r")(?!\w)")
# The farthest a recipient stands after its award for _INLINE_AFTER_RE and the regex above (80 + 40
# characters of words, and the words between; a paragraph's spaces are single).
_INLINE_AFTER_REACH = 250
# "- UBND huyện Quản Bạ: dẫn đầu Cụm, đề nghị UBND tỉnh tặng Cờ thi đua;": the item's name, then its award.
_ITEM_NAME_END_RE = re.compile(r"\s*:")
# "cho đồng chí Thượng tá Nguyễn Văn Cường", "cho BSCKII. Nguyễn Thị Thu Sương": forms of address, ranks, titles.
_INLINE_AFTER_RE = re.compile(
    rf"[^.;:]{{0,80}}?\s(?:{_RECIPIENT_CUE})\s+(?:(?:{alternatives('body_address', 'person_address', 'title')}"
    rf"|(?:{alternatives('rank_grade')})\s+(?:{alternatives('rank')}))\s+|(?:[a-zđ]{{1,7}}\.)+\s*){{0,3}}$"
)
_MAX_RECIPIENT_WORDS = 25
# "02 cá nhân được công nhận danh hiệu Chiến sĩ thi đua cấp tỉnh là ông Nguyễn Văn Bình và bà Trần Thị Lan": the
# names after "là", when the clause counts those who receive before the award.
_INLINE_AFTER_IS_RE = re.compile(
    rf"[^.;:]{{0,40}}?\s(?:là|gồm)\s+(?:(?:{alternatives('body_address', 'person_address')})\s+)?$"
)
_COUNTED_BEFORE_RE = re.compile(
    rf"(?<!\w)\d+\s+(?:{alternatives('recipient_kind')}|đơn vị|đồng chí)\s+(?:(?:{alternatives('before_passive')})\s+)*"
    rf"(?:được|{alternatives('receive')})(?!\w)"
)
# A mark in a table's cell under an award ("x", "✓"), and the words of such a header cell at most
# ("Danh hiệu Chiến sĩ thi đua cơ sở", "Giấy khen của Hiệu trưởng").
_MARK_RE = re.compile(r"[xX✓✔vV+*]|(?i:có)")
_MAX_MARKED_HEADER_WORDS = 10
_MAX_RECIPIENT_WORDS = 25
# What a body does, in lower case after its name: the item is a sentence, no recipient.
_ACT_RE = re.compile(rf"(?<=\s)(?:{alternatives('act')})(?!\w)")
# A blank to fill in a form: dots ("Ông/Bà: ........", "Sở Nội vụ tỉnh ...") or both forms of address
# ("Ông/Bà", "Ông (bà)").
_PLACEHOLDER_RE = re.compile(rf"\.\.\.|…|\.\s\.\s\.|(?i:{_PERSON_ADDRESS})\s*[/(]\s*(?i:{_PERSON_ADDRESS})(?!\w)")
# A form of address with no name after it: "Ông", "Bà:".
_ADDRESS_ALONE_RE = re.compile(rf"(?i:{_PERSON_ADDRESS})(?!\w)(?!\s+[A-ZĐÀ-Ỹ])")
# Between two recipients of one list: ", ", " và ", ", và ông ".
_LISTED_GAP_RE = re.compile(rf"\s*(?:,\s*và|,|và)\s+(?:(?:{alternatives('body_address', 'person_address')})\s+)?")
# Between a person and the body of their office: ", Phó Chủ tịch ", ", hội viên ", ", Giám đốc ".
_APPOSITION_RE = re.compile(r"\s*,\s*(?:(?!được|đã|và|là|tặng|cho|của)[^\W\d_]+\s+){1,5}")
# Where a unit is, written after its name: ", huyện Thọ Xuân", ", thành phố Sầm Sơn".
_PLACE_AFTER_RE = re.compile(
    rf"\s*,\s*(?:{alternatives('district_level', 'province_level', 'commune_level')})\s+([^,;()|]+?)\s*"
)
_PLURAL_RE = re.compile("(?:" + word_starts(["các", "những"]) + r")(?!\w)")
_TWO_LETTERS_RE = re.compile(r"[^\W\d_]{2}")
# A sentence that introduces what follows it: "các đơn vị đã chấm điểm chéo theo bảng tiêu chí:".
_INTRODUCES_RE = re.compile("(?::|" + word_starts(["như sau", "sau đây"]) + r")\s*$")
# A sentence whose last clause proposes what it lists: "Hội nghị ... đã bỏ phiếu và thống nhất đề nghị:",
# "Sở kính đề nghị Chủ tịch UBND tỉnh xem xét:" (not "căn cứ kết quả bình xét, ... thông báo như sau:").
_PROPOSING_INTRO_RE = re.compile("(?:" + word_starts(escaped("submit")) + r")(?:\s+[^\s,;.:]+){0,8}\s*:\s*$")
# A caption under a list's heading: "(Kèm theo Quyết định số 95/QĐ-CTBĐI ngày 15/01/2024 của Cục trưởng ...)".
_CAPTION_RE = re.compile(r"^\s*\([^()]*\)\s*$")
# A unit of a body, named by its type ("Phòng Nội chính", "Nhà khách Văn phòng"); one written with its
# body ("Phòng Nội chính Văn phòng Ủy ban nhân dân tỉnh"): the unit's own name is capitalised words and
# "-" (the body starts with a type of its own, found among the document's bodies).
_SUBUNIT_RE = re.compile(rf"(?:{alternatives('subunit_type')})\s+[A-ZĐÀ-Ỹ]")
_NAME_WORD_RE = re.compile(r"(?<=\s)[A-ZĐÀ-Ỹ]")
_LEVEL_WORD_RE = re.compile(r"tỉnh|thành phố|Tỉnh|Thành phố")
# "Về việc khen thưởng thành tích các tập thể, cá nhân thuộc Văn phòng UBND tỉnh năm 2010": whose units.
_UNITS_OF_RE = re.compile(
    r"(?:tập thể|cá nhân|đơn vị)\s+(?:trực\s+)?thuộc\s+(.+?)(?:\s+(?:năm|giai đoạn|đã|có|vì)\b.*)?$"
)
# An item without a marker is a line this long at most; it holds no more letters outside its names than
# OCR leaves of a marker or a cell ("Em Phòng Phổ biến ...", "UBND huyện Quảng Ninh sa Sở Tài nguyên ...").
_MAX_UNMARKED_ITEM = 200
# A line under a list's heading that names the document it is annexed to: "(Kèm theo Quyết định số
# 2871/QĐ-UBND ngày 24/10/2022", "số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022" (OCR lost its parenthesis).
_ANNEXED_TO_RE = re.compile(r"kèm theo|/q[đd]-|quyết định số")
_MAX_STRAY_LETTERS = 3
_LETTERS_RE = re.compile(r"[^\W\d_]")
# After a person's name in an item: nothing, or their office after a comma or a dash, capitalised ("Phó
# Giám đốc Sở Tư pháp", "Chính ủy ...") and this long at most.
_OFFICE_AFTER_RE = re.compile(r"\s*(?:[,–—-]|[.;]?\s*$)")
_OFFICE_START_RE = re.compile(r"[,–—-]?\s*[A-ZĐÀ-Ỹ]")
_MAX_OFFICE = 100
# An office ends with a name or a level ("... tỉnh Quảng Bình", "Phó chánh Văn phòng Ủy ban nhân dân tỉnh"), not
# with what the person does ("Giám đốc Sở Tư pháp phát biểu kết luận").
_OFFICE_END_RE = re.compile(
    rf"(?:[A-ZĐÀ-Ỹ0-9]\w*|(?<!\w)(?:{alternatives('district_level', 'province_level', 'commune_level')}))\W*$"
)


# The kinds of document (the spec's codes) that lay down rules.
_RULE_KINDS = frozenset({"quy_che"})
_RULES_DOCUMENT_RE = re.compile(rf"(?:{alternatives('rules_document', folded=True)})")
_RULES_TITLE_RE = re.compile(rf"(?:(?:ve viec|v/v)\s+)?(?:{alternatives('rules_title', folded=True)})(?!\w)")
# A form's own number or date left blank: "Số: .../TTr-...", "..., ngày ... tháng ... năm ...".
_BLANK_HEADER_RE = re.compile(r"[\s*#|]*(?:(?i:số)\s*:?\s*(?:\.{2,}|…)|[^,]{0,40},\s*ngày\s*(?:\.{2,}|…))")
# Where the heading that names the document's type stands: after its header block; how long it is at
# most with the title after it.
_TITLE_LENGTH = 300
_HEADER_PARAGRAPHS = 30


@dataclass(frozen=True)
class _Context:
    """What the sentence that introduces a list says about its awards."""

    award: str | None
    grantor: str | None
    status: str
    year: int | None
    decision: str | None
    span: Span | None


@dataclass(frozen=True)
class _Recipient:
    name: str
    kind: str  # "person" or "organization"
    span: Span | None


@dataclass(frozen=True)
class _Proposal:
    """Under "... thống nhất đề nghị:", the items that follow propose; `to` is whom, when said
    ("Đề nghị Tư lệnh Quân khu 9 tặng:")."""

    to: str | None


class _Columns(NamedTuple):
    """What a table's header says its columns hold: names, awards (written in the cells), and awards
    that a mark in a cell gives ("Lao động tiên tiến | Chiến sĩ thi đua cơ sở" over "x |  ")."""

    name: int
    award: int | None
    marked: tuple[tuple[int, str, str | None], ...]  # (column, award, grantor)


class _Lists(NamedTuple):
    """What the paragraphs read so far say about the ones after them (a named tuple: one is made
    for each paragraph that changes them, so cheaply)."""

    current: _Context | None = None  # the list being read
    attached: _Context | None = None  # "(có danh sách kèm theo)": the list comes further on
    recent: tuple[int, _Context] | None = None  # the last paragraph naming an award
    introducing: str = ""  # the text of the last paragraph that introduced recipients
    columns: _Columns | None = None  # what the table's header says its columns hold
    table: _Context | None = None  # what the rows of the table being read receive
    proposal: _Proposal | None = None  # the items of a list propose
    tail: int = -1  # the last paragraph read as part of the current list (its introduction, a section, an item)

    def near(self, seq: int) -> _Context | None:
        """The context of the last paragraph naming an award when it is at most four paragraphs back."""
        return self.recent[1] if self.recent and seq - self.recent[0] <= 4 else None


_NO_LISTS = _Lists()


class _Spans:
    """The names found in one paragraph, (start, end, name) in the order found, looked up by position."""

    def __init__(self, spans: list[tuple[int, int, str]]):
        self.spans = spans
        self.by_start = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.by_start]
        self.by_end: list[int] | None = None  # sorted when first asked
        self.ends: list[int] = []

    def starting(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The names that start in [lo, hi), in the order found."""
        found = self.by_start[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
        return [self.spans[i] for i in sorted(found)]

    def ending(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The names that end in [lo, hi], in the order found."""
        if self.by_end is None:
            self.by_end = sorted(range(len(self.spans)), key=lambda i: self.spans[i][1])
            self.ends = [self.spans[i][1] for i in self.by_end]
        found = self.by_end[bisect_left(self.ends, lo) : bisect_right(self.ends, hi)]
        return [self.spans[i] for i in sorted(found)]

    def starts_at(self, pos: int) -> bool:
        i = bisect_left(self.starts, pos)
        return i < len(self.starts) and self.starts[i] == pos


class _Clauses:
    """A paragraph's clauses (between "." and ";"), the years its clauses are about and its verbs that
    give or propose, found once for all its awards."""

    def __init__(self, text: str, low: str):
        self.text = text
        self.low = low
        self.ends = [m.start() for m in _CLAUSE_END_RE.finditer(low)]
        self.years: list[tuple[int, int]] | None = None  # (where, year), found when first asked
        self.grants: list[tuple[int, int]] | None = None  # (start, end) of the verbs, found when first asked
        self.rules: list[int] | None = None  # where the words of a rule are, found when first asked

    def start(self, pos: int) -> int:
        """Where the clause holding `pos` starts."""
        i = bisect_left(self.ends, pos)
        return self.ends[i - 1] + 1 if i else 0

    def end(self, pos: int) -> int:
        """Where the clause holding `pos` ends (its "." or ";", or the paragraph's end)."""
        i = bisect_left(self.ends, pos)
        return self.ends[i] if i < len(self.ends) else len(self.text)

    def year(self, start: int, end: int) -> int | None:
        """The first year written in text[start:end] (_year_in)."""
        if self.years is None:
            self.years = [
                (m.start(), int(m.group(2) or m.group(1)))
                for m in _YEAR_RE.finditer(self.low)
                if not _DATE_BEFORE_RE.search(self.text[max(0, m.start() - 12) : m.start()])
            ]
        i = bisect_left(self.years, (start, 0))
        return self.years[i][1] if i < len(self.years) and self.years[i][0] < end else None

    def rule_between(self, start: int, end: int) -> bool:
        """Whether text[start:end] says a rule, a condition or a promise (_RULE_RE)."""
        if self.rules is None:
            self.rules = [m.start() for m in _RULE_RE.finditer(self.low)]
        i = bisect_left(self.rules, start)
        return i < len(self.rules) and self.rules[i] < end

    def grants_between(self, start: int, end: int) -> bool:
        """Whether a verb that gives or proposes is written in text[start:end]."""
        if self.grants is None:
            self.grants = [m.span() for m in _GRANT_RE.finditer(self.low)]
        i = bisect_left(self.grants, (start, start))
        return i < len(self.grants) and self.grants[i][1] <= end


@lru_cache(maxsize=1)
def _body_type_re() -> re.Pattern:
    """A name that starts with a type of body ("Văn phòng", "Sở", "Trường"), as written (capitalised)."""
    types = sorted((t.name for t in org_types()), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(t) for t in types)})\s+[A-ZĐÀ-Ỹa-zđà-ỹ]")


def _year_in(text: str) -> int | None:
    """The year an achievement is about: "năm 2022", "năm học 2023-2024" (2024); not a date's year."""
    for m in _YEAR_RE.finditer(text.lower()):
        if _DATE_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        return int(m.group(2) or m.group(1))
    return None


@text_cache()
def _paragraph_year(text: str) -> int | None:
    """_year_in of a whole paragraph, remembered: each award of a paragraph asks for it."""
    return _year_in(text)


def _default_year(header: Header) -> int | None:
    if header.year:
        return header.year
    return int(header.issued_date[:4]) if header.issued_date else None


def _is_section(text: str, marker: re.Match | None) -> bool:
    """Whether a line heads the kind of recipients listed next ("I. Tập thể", "II | Cá nhân")."""
    item = fold(text[marker.end() :] if marker else text).strip(" :.")
    return bool(_SECTION_RE.match(item) or _SECTION_RE.match(fold(text).strip(" :.")))


def _status(header: Header, context: str) -> str:
    """Proposed where the words say so, or in minutes and submissions unless the award was received
    already ("Tờ trình: ... bác sĩ X đã được Chủ tịch nước phong tặng danh hiệu Thầy thuốc ưu tú năm 2017")."""
    low = context.lower()
    if _PROPOSED_RE.search(low):
        return "proposed"
    if header.kind in ("bien_ban", "to_trinh") and not _RECEIVED_RE.search(low):
        return "proposed"
    return "granted"


def _decisions_cited(legal_refs: tuple[LegalRef, ...]) -> dict[int, str]:
    """The first Quyết định cited in each paragraph, by paragraph."""
    cited: dict[int, str] = {}
    for ref in legal_refs:
        if ref.doc_type == "Quyết định" and ref.symbol:
            for span in ref.spans:
                cited.setdefault(span.paragraph, ref.symbol)
    return cited


def _decision(header: Header, cited: dict[int, str], paragraph: int, status: str) -> str | None:
    """The deciding document: a Quyết định cited in the same paragraph, else the decision itself."""
    if paragraph in cited:
        return cited[paragraph]
    if header.kind == "quyet_dinh" and status == "granted":
        return header.symbol
    return None


def _introduces(text: str) -> bool:
    """Whether a sentence introduces what follows it (ends with ":", "như sau", "sau đây")."""
    return text.rstrip().endswith((":", "sau", "đây")) and bool(_INTRODUCES_RE.search(text))


def _first_award(*contexts: _Context | None) -> _Context | None:
    """The first context that names an award, else the first there is ("DANH SÁCH II" names none,
    the line under it does: "CÁ NHÂN ĐƯỢC TẶNG DANH HIỆU "CHIẾN SĨ THI ĐUA CẤP TỈNH"")."""
    return next((c for c in contexts if c and c.award), None) or next((c for c in contexts if c), None)


def lays_down_rules(doc: Document, header: Header) -> bool:
    """Whether a document lays down rules: a law, a decree, a circular, a regulation and the decision
    that issues it. Its awards are what the rules say of them ("Bằng khen của Bộ trưởng để tặng cho
    ..."), its forms are blank ("Ông/Bà: ....."): it grants and proposes none. Told by its kind, its own
    number with a year ("11/2021/QĐ-UBND": a legal normative document, Luật Ban hành văn bản quy phạm
    pháp luật, Điều 10), its title ("Ban hành Quy chế ...") or the heading that names its type
    ("THÔNG TƯ", "LUẬT")."""
    if header.kind in _RULE_KINDS:
        return True
    symbol = parse_symbol(header.symbol) if header.symbol else None
    if symbol and symbol.year:
        return True
    if header.title and _RULES_TITLE_RE.match(fold(header.title).strip(" .:*#")):
        return True
    return any(_names_a_rules_document(para.text) for para in doc.paragraphs[:_HEADER_PARAGRAPHS])


def _names_a_rules_document(text: str) -> bool:
    """ "THÔNG TƯ", "**LUẬT**", "THÔNG TƯ QUY ĐỊNH CHI TIẾT ..." (its title on the same line): a heading in
    capitals that starts with the type of a document laying down rules."""
    if len(text) > _TITLE_LENGTH:
        return False
    written = text.strip(" .:*#|")
    m = _RULES_DOCUMENT_RE.match(fold(written))
    return m is not None and (m.end() == len(written) or written[m.end()] == " " and written.isupper())


def is_blank_form(doc: Document) -> bool:
    """Whether the document itself is a form to fill in: its own number or date is a blank ("Số: .../TTr-...",
    "..., ngày ... tháng ... năm ..."). Its names are examples, its lists blanks: it grants nothing."""
    return any(_BLANK_HEADER_RE.match(para.text) for para in doc.paragraphs[:_HEADER_PARAGRAPHS])


def tells_history(header: Header) -> bool:
    """Whether a text is no administrative document (no type, number, issuer or date in a header): an
    encyclopedia's or a news page tells what was awarded before it ("Huân chương Sao vàng: 2025", "được
    tặng thưởng Huân chương Độc lập hạng Nhất"), in its sentences, lists and tables; it grants nothing.
    A list of awards proposed or given without its cover page is no such text."""
    if header.kind != "other" or header.symbol or header.issuer or header.issued_date:
        return False
    # "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023": a list of awards proposed or given, kept without its cover.
    title = (header.title or "").lower()
    return not (fold(title).startswith("danh sach") and _GRANT_RE.search(title))


def _said_here(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The awards a paragraph gives: "tặng Bằng khen: thầy X, Tổ trưởng (02 năm liên tục đạt danh hiệu
    Chiến sĩ thi đua cơ sở)": an award in parentheses is said of the recipient, not given here (a ")"
    that closes none, as in the marker "d)", opens nothing)."""
    if "(" not in text:
        return mentions
    inside: list[tuple[int, int]] = []  # [start, end) of each outermost pair of parentheses
    depth = opened = 0
    for m in _PARENTHESIS_RE.finditer(text):
        if m.group() == "(":
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                inside.append((opened, m.end()))
    if depth:
        inside.append((opened, len(text)))
    starts = [s for s, _ in inside]
    return [m for m in mentions if not ((i := bisect_right(starts, m[0]) - 1) >= 0 and m[0] < inside[i][1])]


class _Finder:
    """The award events of one document, gathered paragraph by paragraph."""

    def __init__(self, doc, header, organizations, persons, legal_refs):
        self.doc = doc
        self.header = header
        self.organizations = organizations
        self.decisions_cited = _decisions_cited(legal_refs)
        self.authority: str | None = None
        self.authority_found = False
        self.person_spans: dict[int, list[tuple[int, int, str]]] = {}
        for p in persons:
            for s in p.spans:
                self.person_spans.setdefault(s.paragraph, []).append((s.start, s.end, p.name))
        self.org_spans: dict[int, list[tuple[int, int, str]]] = {}
        for o in organizations:
            for s in o.spans:
                self.org_spans.setdefault(s.paragraph, []).append((s.start, s.end, o.name))
        # One event per (award, recipient): the first one read, with the spans of every one.
        self.events: dict[tuple[str, str], tuple[_Context, _Recipient, str, list[Span]]] = {}
        self.looked_up: dict[tuple[str, int], _Spans] = {}
        self.parent: str | None = None
        self.parent_found = False

    def names(self, kind: str, seq: int) -> _Spans:
        """The persons ("person") or bodies ("organization") of a paragraph, looked up by position."""
        key = (kind, seq)
        if key not in self.looked_up:
            spans = self.person_spans if kind == "person" else self.org_spans
            self.looked_up[key] = _Spans(spans.get(seq, []))
        return self.looked_up[key]

    def run(self) -> tuple[Award, ...]:
        lists = _NO_LISTS
        for para in self.doc.paragraphs:
            if para.kind == "table_row":
                lists = self.table_row(para, lists)
                continue
            if lists.columns is not None or lists.table is not None:
                lists = lists._replace(columns=None, table=None)  # a paragraph that is no row ends the table
            mentions = match_award_types(para.text)
            lists = self.paragraph(para, _said_here(para.text, mentions) if mentions else mentions, lists)
        return tuple(
            Award(
                award=award,
                recipient=recipient.name,
                grantor=context.grantor,
                year=self.plausible_year(award, context.year),
                status=context.status,
                decision=context.decision,
                recipient_kind=recipient.kind,
                spans=tuple(spans),
            )
            for context, recipient, award, spans in self.events.values()
        )

    def paragraph(self, para: Paragraph, mentions: list[tuple[int, int, str]], lists: _Lists) -> _Lists:
        """Read a paragraph that is no table row: a label, a section line, a list's introduction, a list
        item, a heading or running text."""
        text = para.text
        low = text.lower()
        if mentions and self.own_title(para, mentions, low, lists.proposal):
            return lists
        marker = _MARKER_RE.match(text)
        if lists.proposal and not marker or not mentions and ":" in low[-3:]:
            proposal = self.proposal(text, low, marker, mentions, lists.proposal)
            if proposal is not lists.proposal:
                lists = lists._replace(proposal=proposal)
        if not mentions and len(text) < 80 and _is_section(text, marker):
            # "I. Tập thể": the list goes on with another kind of recipients
            if lists.current or lists.attached:
                return lists._replace(current=lists.current or lists.attached, tail=para.seq)
            return lists
        if mentions:
            # "Danh hiệu Lao động tiên tiến: ...", "Đề nghị Bộ trưởng Bộ X tặng Kỷ niệm chương: cô Y": the names
            # after the colon receive it.
            label = ":" in text[mentions[-1][1] :] and (
                len(text[: mentions[0][0]].split()) <= 8 or bool(_GRANT_RE.search(low, 0, mentions[0][0]))
            )
            if label or _GRANT_RE.search(low) and _LIST_INTRO_RE.search(low):
                if _RULE_RE.search(low) or _THINGS_RE.match(low, marker.end() if marker else 0):
                    # "Bằng khen ... để tặng cho tập thể đạt các tiêu chuẩn sau:", "Hồ sơ đề nghị Bằng khen
                    # gồm:": criteria or documents follow, no recipients
                    return lists._replace(current=None, recent=None)
                return self.introduction(para, mentions, label, lists)
        elif lists.current and not _ARTICLE_RE.match(text):
            if marker:
                self.item(para, marker.end(), lists.current)
                return lists._replace(tail=para.seq)
            if self.lone_item(para, lists) or lists.tail == para.seq - 1 and self.unmarked_item(para, lists.current):
                return lists._replace(tail=para.seq)
        if para.kind == "heading" and fold(text).startswith("danh sach"):
            return self.list_heading(para, mentions, low, lists)
        return self.running_text(para, mentions, low, lists)

    def list_heading(self, para: Paragraph, mentions: list[tuple[int, int, str]], low: str, lists: _Lists) -> _Lists:
        """ "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023": what the list below receives or is proposed for (the
        list a decision said it attaches, when the heading names no award)."""
        current = self.context(para, mentions[0] if mentions else None, low, lists.proposal)
        if lists.attached and not mentions:
            current = lists.attached
        elif lists.attached and lists.attached.year and not _paragraph_year(para.text):
            # "DANH SÁCH ... ĐƯỢC TẶNG BẰNG KHEN": the year of the achievement is the attaching sentence's
            # ("... có thành tích xuất sắc trong công tác năm 2023"), not the decision's.
            current = replace(current, year=lists.attached.year)
        return lists._replace(current=current, tail=para.seq)

    def unmarked_item(self, para: Paragraph, current: _Context) -> bool:
        """An item whose marker is not in the text (a Word list's numbers, a table's "STT" column lost to
        OCR), right after the list's introduction, section line or last item: a line of names only, a
        person at its start with their office after it ("Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp",
        "Đại tá Lê Văn Tiến - Chính ủy ...") or bodies side by side ("UBND huyện Quảng Ninh", two cells
        of a row on one line); whether it was one."""
        text = para.text
        if len(text) > _MAX_UNMARKED_ITEM or para.kind == "heading" or text.rstrip().endswith(":"):
            return False
        bodies = sorted(self.names("organization", para.seq).spans) if para.seq in self.org_spans else []
        people = sorted(
            p
            for p in (self.names("person", para.seq).spans if para.seq in self.person_spans else [])
            if not any(s <= p[0] and p[1] <= e for s, e, _ in bodies)
        )  # not "Đoàn TNCS Hồ Chí Minh"
        if people and len(text[: people[0][0]].split()) <= 2:
            # Each person and their office, up to the next person (two rows of a table on one line).
            for (_, e, _), end in zip(people, [q[0] for q in people[1:]] + [len(text)]):
                office = text[e:end].strip()
                if not (
                    _OFFICE_AFTER_RE.match(text, e)
                    and len(office) <= _MAX_OFFICE
                    and (not office or _OFFICE_START_RE.match(office) and _OFFICE_END_RE.search(office))
                    and not (":" in office or _ACT_RE.search(office) or _GRANT_RE.search(office.lower()))
                ):
                    return False  # a sentence about the person ("Đồng chí X, Giám đốc Sở, phổ biến ...")
            if (
                len(people) == 1
                and not text[people[0][1] :].strip(" .;")
                and self.header.signer
                and fold(people[0][2]) == fold(self.header.signer)
            ):
                return False  # the signature under the list
            for s, e, name in people:
                self.add(current, _Recipient(name, "person", Span(para.seq, s, e, text[s:e])))
            return True
        if bodies:
            covered, pos, outside = [], 0, 0
            for s, e, name in bodies:
                if s < pos:
                    continue  # a name inside the last one
                outside += len(_LETTERS_RE.findall(text, pos, s))
                covered.append((s, e, name))
                pos = e
            outside += len(_LETTERS_RE.findall(text, pos))
            if outside > _MAX_STRAY_LETTERS:
                return False
            for s, e, name in covered:
                self.add(current, _Recipient(name, "organization", Span(para.seq, s, e, text[s:e])))
            return True
        recipient = self.recipient(para, 0, len(text))
        if recipient is None or recipient.kind != "organization" or recipient.span is None:
            return False
        if len(_LETTERS_RE.findall(text)) - len(_LETTERS_RE.findall(recipient.span.text)) > _MAX_STRAY_LETTERS:
            return False
        self.add(current, recipient)
        return True

    def own_title(
        self, para: Paragraph, mentions: list[tuple[int, int, str]], low: str, proposal: _Proposal | None
    ) -> bool:
        """A biên bản's "Danh hiệu: Tập thể lao động xuất sắc; Số phiếu: 19/19": the unit's own result."""
        if not (_LABEL_RE.match(low) and self.header.issuer and self.header.kind == "bien_ban"):
            return False
        self.add(self.context(para, mentions[0], low, proposal), _Recipient(self.header.issuer, "organization", None))
        return True

    def plausible_year(self, award: str, year: int | None) -> int | None:
        """The year of an achievement when the award could be given for it, else the document's: not
        before the award was instituted (Huân chương Dũng cảm, 2014) nor any award was, not after the
        year after the document's ("phấn đấu đến năm 2030")."""
        default = _default_year(self.header)
        if year is None or year == default:
            return year
        instituted = instituted_in(award) or _FIRST_AWARD_YEAR
        if year < instituted or default and year > default + 1:
            return default
        return year

    def proposal(
        self,
        text: str,
        low: str,
        marker: re.Match | None,
        mentions: list,
        proposal: _Proposal | None,
    ) -> _Proposal | None:
        """Whether the items from here on propose: from "... thống nhất đề nghị:" (a new such sentence says
        to whom) until a paragraph without a marker."""
        if proposal and not marker:
            proposal = None
        if not mentions and ":" in low[-3:] and _PROPOSING_INTRO_RE.search(low):
            proposal = _Proposal(proposed_to(text, self.header, self.organizations))
        return proposal

    def introduction(self, para: Paragraph, mentions: list[tuple[int, int, str]], label: bool, lists: _Lists) -> _Lists:
        """A paragraph that introduces recipients ("Điều 1. Tặng Bằng khen ... cho 05 tập thể, gồm:",
        "Danh hiệu Lao động tiên tiến: ông X; bà Y"): those after its colon are read now, the items
        after it receive its award."""
        text = para.text
        low = text.lower()
        current = self.context(para, mentions[0], low[: mentions[0][0]], lists.proposal)
        if len({m[2] for m in mentions}) > 1:
            current = _Context(None, None, current.status, current.year, current.decision, None)
        self.inline(para, mentions, lists.proposal)
        colon = text.find(":", mentions[-1][1])
        if label and colon >= 0 and text[colon + 1 :].strip() and not _MEMBERS_RE.search(low, 0, colon):
            pos = colon + 1
            for sep in [*_RECIPIENTS_SPLIT_RE.finditer(text, pos), None]:
                recipient = self.recipient(para, pos, sep.start() if sep else len(text))
                if recipient:
                    self.add(current, recipient)
                pos = sep.end() if sep else pos
        attached = current if _ATTACHED_RE.search(low) else lists.attached
        return lists._replace(
            current=current, attached=attached, recent=(para.seq, current), introducing=text, tail=para.seq
        )

    def item(self, para: Paragraph, start: int, current: _Context) -> None:
        """A list item ("1. Công an tỉnh;"): its recipient receives the list's award."""
        recipient = self.recipient(para, start, len(para.text))
        if recipient:
            self.add(current, recipient)

    def lone_item(self, para: Paragraph, lists: _Lists) -> bool:
        """ "cho 01 cá nhân:" then the one recipient without a marker: "BS. Trương Công Định, Phó ...";
        whether it was one."""
        recent = lists.recent
        if not (
            recent
            and recent[0] == para.seq - 1
            and recent[1] is lists.current
            and para.kind != "heading"
            and _introduces(lists.introducing)
        ):
            return False
        recipient = self.recipient(para, 0, len(para.text))
        if recipient:
            self.add(lists.current, recipient)
        return recipient is not None

    def running_text(self, para: Paragraph, mentions: list[tuple[int, int, str]], low: str, lists: _Lists) -> _Lists:
        """Running text: it ends a list, and its awards are read in its sentences."""
        text = para.text
        current, attached, recent = lists.current, lists.attached, lists.recent
        if not mentions and recent and para.seq - recent[0] <= 3 and _ATTACHED_RE.search(low):
            attached = recent[1]  # "(Có danh sách ... kèm theo)." under the sentence that proposes
        tail = lists.tail
        if len(text.split(None, 3)) > 3:
            if current and (
                _RECIPIENT_HEADER_RE.match(fold(text).lstrip("t "))
                or "(" in text[:3]
                and _CAPTION_RE.match(text)
                or not mentions
                and tail == para.seq - 1
                and _ANNEXED_TO_RE.search(low)
            ):
                tail = para.seq  # the list's column header or a caption under its heading
            else:
                current = None  # a paragraph that is no item ends the list (not a page number, not a caption)
                if recent and not mentions and _introduces(text):
                    recent = None  # "... theo bảng tiêu chí:": the table below is that one's, not an award's
        if mentions:
            self.inline(para, mentions, lists.proposal)
            recent = (para.seq, self.context(para, mentions[0], low[: mentions[0][0]], lists.proposal))
        if current is lists.current and attached is lists.attached and recent is lists.recent and tail == lists.tail:
            return lists
        return lists._replace(current=current, attached=attached, recent=recent, tail=tail)

    def table_row(self, para: Paragraph, lists: _Lists) -> _Lists:
        """A table row: a header naming the columns, or a row of data under the award that the table's
        header, the sentence before it or the rows above say."""
        cells = table_cells(para)
        values = [para.text[s:e] for s, e in cells]
        if len(para.text) < _TITLE_LENGTH and any(fold(v).strip(" *#").startswith("danh sach") for v in values):
            # "NỊ | DANH SÁCH": a list's heading read as the cells of a row (a scan's header block)
            return self.list_heading(para, match_award_types(para.text), para.text.lower(), lists)
        if lists.current and lists.tail == para.seq - 1 and not lists.columns and not lists.table:
            lists = lists._replace(tail=para.seq)  # "của Chủ tịch UBND tỉnh)": a line of the list's heading
        header = self.table_columns(para, cells, values)
        if header:
            return lists._replace(
                columns=header, table=_first_award(lists.current, lists.near(para.seq), lists.attached)
            )
        table = lists.table
        if lists.columns is None and table is None:
            table = _first_award(lists.current, lists.near(para.seq), lists.attached)
        table = self.table_data(para, cells, values, lists.columns, table, lists.proposal) or table
        return lists if table is lists.table else lists._replace(table=table)

    def default_grantor(self) -> str | None:
        if not self.authority_found:
            self.authority = authority(self.doc, self.header)
            self.authority_found = True
        return self.authority

    def context(
        self, para: Paragraph, mention: tuple[int, int, str] | None, text_before: str, proposal: _Proposal | None
    ) -> _Context:
        """The award, grantor, status, year and decision a paragraph gives to what it introduces."""
        status = "proposed" if proposal else _status(self.header, text_before)
        award = grantor = None
        span = None
        if mention:
            start, end, award = mention
            grantor = grantor_after(para.text, end, self.header, self.organizations) or grantor_before(
                para.text, start, self.header, self.organizations
            )
            span = Span(para.seq, start, end, para.text[start:end])
        if grantor is None and proposal:
            grantor = proposal.to
        if grantor is None and award and self.header.kind == "quyet_dinh" and status == "granted":
            grantor = self.default_grantor()
        year = _paragraph_year(para.text) or _default_year(self.header)
        return _Context(
            award, grantor, status, year, _decision(self.header, self.decisions_cited, para.seq, status), span
        )

    def add(self, context: _Context, recipient: _Recipient, award: str | None = None) -> None:
        award = award or context.award
        if not award:
            return
        if recipient.kind == "organization" and recipient.span and _SUBUNIT_RE.match(recipient.name):
            recipient = self.with_parent(recipient, recipient.span)
        key = (fold(award), fold(recipient.name))
        spans = [s for s in (context.span, recipient.span) if s]
        if key in self.events:
            self.events[key][3].extend(spans)
        else:
            self.events[key] = (context, recipient, award, spans)

    def with_parent(self, recipient: _Recipient, span: Span) -> _Recipient:
        """A unit of a body written without it ("Phòng Nội chính", "Nhà khách Văn phòng") and so completed
        with the province alone ("Phòng Nội chính tỉnh Hải Dương": a Phòng is never the province's own),
        completed with the body the document gives its units instead: the one its title says they belong
        to ("khen thưởng ... các tập thể, cá nhân thuộc Văn phòng UBND tỉnh"), else the one body whose
        units it names in full ("Phòng Nội chính Văn phòng Ủy ban nhân dân tỉnh"). `span`: where the recipient is written."""
        written = span.text.strip(" ,;:.")
        province = self.header.province
        bare = canonical_org(written)
        rest = recipient.name[len(bare) :].split() if recipient.name.startswith(bare + " ") else []
        # Completed with the province alone: "tỉnh Hải Dương" after it (not the level of a body written
        # in it: "Phòng Nội chính Văn phòng Ủy ban nhân dân tỉnh" is the body's).
        if not (
            province
            and rest
            and " ".join(rest[1:]) == province
            and _LEVEL_WORD_RE.fullmatch(rest[0])
            and not _LEVEL_WORD_RE.fullmatch(bare.split()[-1])
        ):
            return recipient
        parent = self.units_parent()
        if not parent:
            return recipient
        # "Nhà khách Văn phòng": the unit of the "Văn phòng ..." the parent is.
        head = parent.split()[: len(parent.split()) - len(province.split()) - 1]
        words = written.split()
        for n in range(min(len(head), len(words) - 1), 0, -1):
            if fold(" ".join(words[-n:])) == fold(" ".join(head[:n])):
                words = words[:-n]
                break
        return _Recipient(f"{' '.join(words)} {parent}", recipient.kind, recipient.span)

    def units_parent(self) -> str | None:
        """The body whose units the document names (with_parent), found once."""
        if self.parent_found:
            return self.parent
        self.parent_found = True
        title = self.header.title or ""
        m = _UNITS_OF_RE.search(title)
        if m:
            bodies = [o.name for o in self.organizations if o.name == canonical_org(m.group(1), self.header.province)]
            if bodies and not _SUBUNIT_RE.match(bodies[0]):
                self.parent = bodies[0]
                return self.parent
        names = {o.name for o in self.organizations}
        parents = {parent for name in names if _SUBUNIT_RE.match(name) and (parent := self.parent_in(name, names))}
        self.parent = parents.pop() if len(parents) == 1 else None
        return self.parent

    def parent_in(self, name: str, names: set[str]) -> str | None:
        """The body a unit's full name ends with: "Phòng Nội chính Văn phòng Ủy ban nhân dân tỉnh Hải Dương" ->
        "Văn phòng Ủy ban nhân dân tỉnh Hải Dương" (a type of body, then a body of the document or of its
        province)."""
        province = self.header.province or ""
        for m in _NAME_WORD_RE.finditer(name, name.find(" ") + 1):
            rest = name[m.start() :]
            if _SUBUNIT_RE.match(rest) or not _body_type_re().match(rest):
                continue
            if rest in names or province and rest.endswith(" " + province):
                return rest
        return None

    def recipient(self, para: Paragraph, start: int, end: int, trusted: bool = False) -> _Recipient | None:
        """The person or body named in text[start:end] (a list item, a table cell); none in a blank form
        ("Ông/Bà: .....", "Phòng ........", "Sở Nội vụ tỉnh ...")."""
        text = para.text
        comma = text.find(",", start, end)
        if _PLACEHOLDER_RE.search(text, start, comma if comma >= 0 else end):
            return None
        for s, e, name in (
            self.names("person", para.seq).starting(start, min(end, start + 31))
            if para.seq in self.person_spans
            else ()
        ):
            if "," not in text[start:s]:
                return _Recipient(name, "person", Span(para.seq, s, e, text[s:e]))
        where = name_in_cell(text, start, end)
        if where:
            written = text[where[0] : where[1]]
            return _Recipient(normalise_name(written), "person", Span(para.seq, *where, written))
        stop = _RECIPIENT_END_RE.search(text, start, end)
        end = stop.start() if stop else end
        written = text[start:end].strip(' ,;:.-–*•|"“”')
        if not written:
            return None
        start = text.index(written, start)
        if (
            not written[0].isupper()
            or _NOT_RECIPIENT_RE.match(written.lower())
            or match_award_types(written)
            or _ADDRESS_ALONE_RE.match(written)
            or is_body_type(written)
            or _ACT_RE.search(written)
            or len(written.split()) > _MAX_RECIPIENT_WORDS
            or ":" in written
            or _PLURAL_RE.search(written.lower())
        ):
            return None
        bodies = self.names("organization", para.seq).starting(start, start + 3) if para.seq in self.org_spans else ()
        # Not a name that runs past the item ("Ban Công tác Mặt trận thôn X và ông Y" before " và ông "), but
        # past its cell into the next, that names its parent ("Phòng Tổ chức - Biên chế | Sở Nội vụ").
        org = next((o for o in bodies if o[1] <= end + 1 or "|" in text[end : end + 2]), None)
        # The body found by find_organizations when it is the whole item, so both say the same name; or
        # when the rest says where a named unit is ("Trường Tiểu học Thiệu Trung, huyện Thiệu Hoá").
        if org is not None and (
            org[1] >= start + len(written) - 1 or self.placed_after(text, org, start + len(written))
        ):
            name = org[2]
        else:
            name = canonical_org(written, self.header.province)
        if org is None and not trusted and not names_a_body(name):
            return None
        return _Recipient(name, "organization", Span(para.seq, start, start + len(written), written))

    def placed_after(self, text: str, org: tuple[int, int, str], end: int) -> bool:
        """Whether text[org end:end] only says where a unit with a name of its own is: ", huyện Thọ
        Xuân" after "Trường Trung học phổ thông Lam Kinh" (not after a body the province completes)."""
        m = _PLACE_AFTER_RE.fullmatch(text, org[1], end)
        if not m or not all(w[:1].isupper() for w in m.group(1).split()):
            return False
        province = self.header.province
        return not (province and org[2].endswith(province))

    def table_columns(self, para: Paragraph, cells: list[tuple[int, int]], values: list[str]) -> _Columns | None:
        """What a table row that is a header says its columns hold (its column of names at least)."""
        if values and values[0].strip(" .").isdigit():
            return None  # a numbered data row ("1 | ... | Tập thể LĐXS 2019, 2020"), not a header
        name = award = None
        for i, value in enumerate(values):
            folded = fold(value).strip(" .:")
            if name is None and _RECIPIENT_HEADER_RE.match(folded) and len(folded.split()) <= 10:
                name = i
            elif award is None and _AWARD_HEADER_RE.match(folded) and len(folded.split()) <= 6:
                award = i
        if name is None:
            return None
        marked = []
        for i, (s, e) in enumerate(cells):
            written = [m for m in match_award_types(para.text) if s <= m[0] < e] if i not in (name, award) else []
            if len(written) == 1 and len(values[i].split()) <= _MAX_MARKED_HEADER_WORDS:
                grantor = grantor_after(para.text, written[0][1], self.header, self.organizations)
                marked.append((i, written[0][2], grantor))
        return _Columns(name, award, tuple(marked))

    def table_data(
        self,
        para: Paragraph,
        cells: list[tuple[int, int]],
        values: list[str],
        columns,
        context: _Context | None,
        proposal: _Proposal | None,
    ) -> _Context | None:
        """Read one data row; return the context a row naming an award sets for the rows after it."""
        if columns:
            name_col, award_col, marked = columns
        else:
            marked = ()
            # No header: the first cell that is more than a number.
            name_col = next((i for i, v in enumerate(values) if _TWO_LETTERS_RE.search(v)), None)
            award_col = None
        if name_col is None or name_col >= len(values):
            return None
        name_value = values[name_col]
        if _SECTION_RE.match(fold(name_value).strip()):
            return None
        mentions = match_award_types(para.text)
        award = None
        if award_col is not None:
            if award_col >= len(values) or not values[award_col].strip():
                return None
            in_cell = [m for m in mentions if cells[award_col][0] <= m[0] < cells[award_col][1]]
            if not in_cell:
                return None
            award = in_cell[0][2]
            grantor = grantor_after(para.text, in_cell[0][1], self.header, self.organizations)
            base = context or self.context(para, None, "", proposal)
            if grantor or base.award != award:
                context = _Context(award, grantor, base.status, base.year, base.decision, base.span)
        elif columns and mentions and any(cells[name_col][0] <= m[0] < cells[name_col][1] for m in mentions):
            # "I | BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ": the rows below receive it.
            return self.context(para, mentions[0], para.text, proposal)
        given = [(a, g) for col, a, g in marked if col < len(values) and _MARK_RE.fullmatch(values[col].strip())]
        if context is None and award is None and not given:
            return None
        # A column whose header says it holds names is trusted to: "Nhà khách Văn phòng" is a unit there.
        name_start, name_end = cells[name_col]
        recipient = self.recipient(para, name_start, name_end, trusted=columns is not None)
        if recipient:
            base = context or self.context(para, None, "", proposal)
            if context is not None or award is not None:
                self.add(base, recipient, award)
            for marked_award, grantor in given:
                self.add(_Context(marked_award, grantor, base.status, base.year, base.decision, None), recipient)
        return None

    def inline(self, para: Paragraph, mentions: list[tuple[int, int, str]], proposal: _Proposal | None) -> None:
        """Awards in running text: "đơn vị X đạt danh hiệu Cờ thi đua", "tặng Bằng khen cho X và Y".

        Each award looks at the names near it only (the clauses, years and verbs of the paragraph are
        found once): a paragraph of thousands of awards costs what its awards do, not their square."""
        spans = sorted(self.org_spans.get(para.seq, []) + self.person_spans.get(para.seq, []))
        if not spans:
            return  # no name that could receive an award
        text = para.text
        marker = _MARKER_RE.match(text)
        low = text.lower()
        people = self.names("person", para.seq) if para.seq in self.person_spans else None
        starts = [sp[0] for sp in spans]
        longest = max((e - s for s, e, _ in spans), default=0)
        clauses = _Clauses(text, low)
        # "- UBND huyện Quản Bạ: dẫn đầu Cụm, đề nghị UBND tỉnh tặng Cờ thi đua;": the item's name, then its award.
        item_names = (
            [sp for sp in spans if marker.end() <= sp[0] <= marker.end() + 1 and _ITEM_NAME_END_RE.match(text, sp[1])]
            if marker
            else []
        )
        for mention in mentions:
            start, end, award = mention
            clause_start = clauses.start(start)
            found: list[tuple[int, int, str]] = []
            # The nearest name before the award that receives it; none ends farther than _INLINE_BEFORE_REACH.
            nearest = max(clause_start, start - _INLINE_BEFORE_REACH - longest)
            for i in range(bisect_left(starts, start) - 1, -1, -1):
                s, e, name = spans[i]
                if s < nearest:
                    break
                # Not a body after "của": "Đơn vị dẫn đầu Cụm của Công an tỉnh được đề nghị ... tặng".
                if (
                    e <= start
                    and _INLINE_BEFORE_RE.match(low, e, start)
                    and not _OF_BEFORE_RE.search(low, max(0, s - 5), s)
                ):
                    found = self.listed(low, spans, i, -1, clause_start)
                    break
            if not found:
                for i in range(bisect_left(starts, end), len(spans)):
                    s = spans[i][0]
                    if s - end > _INLINE_AFTER_REACH:
                        break
                    if (
                        _INLINE_AFTER_RE.match(low, end, s)
                        or _INLINE_AFTER_COUNT_RE.match(low, end, s)
                        or _INLINE_AFTER_LIST_RE.match(low, end, s)
                        and not _MEMBERS_RE.search(low, clause_start, s)
                        or _INLINE_AFTER_IS_RE.match(low, end, s)
                        and _COUNTED_BEFORE_RE.search(low, max(clause_start, start - _STATUS_REACH), start)
                    ):
                        found = self.listed(low, spans, i, 1, clause_start)
                        break
            if not found:
                found = [sp for sp in item_names if sp[1] < start and clauses.grants_between(sp[1], start)][:1]
            if not found or clauses.rule_between(clause_start, clauses.end(end)):
                continue
            context = self.context(para, mention, low[max(clause_start, start - _STATUS_REACH) : start], proposal)
            year = clauses.year(clause_start, clauses.end(end)) or context.year
            context = _Context(award, context.grantor, context.status, year, context.decision, context.span)
            for s, e, name in found:
                kind = "person" if people and people.starts_at(s) else "organization"
                if kind == "organization" and people:
                    # "Bà Nguyễn Thị Mỹ Lệ, Phó Chủ tịch Hội LHPN tỉnh được ... tặng": the body of her office.
                    person = next(
                        (
                            p
                            for p in people.ending(max(clause_start, s - _APPOSITION_REACH), s)
                            if clause_start <= p[0] and _APPOSITION_RE.fullmatch(low, p[1], s)
                        ),
                        None,
                    )
                    if person:
                        (s, e, name), kind = person, "person"
                self.add(context, _Recipient(name, kind, Span(para.seq, s, e, text[s:e])))

    @staticmethod
    def listed(
        low: str, spans: list[tuple[int, int, str]], i: int, step: int, clause_start: int
    ) -> list[tuple[int, int, str]]:
        """spans[i] and the names listed with it, going forward (step 1: "cho X, Y và Z") or back
        (step -1: "X và Y được tặng")."""
        found = [spans[i]]
        j = i + step
        while 0 <= j < len(spans):
            s, e, name = spans[j]
            last = found[-1]
            if step > 0 and s >= last[1] and _LISTED_GAP_RE.fullmatch(low, last[1], s):
                found.append(spans[j])
            elif step < 0 and e <= last[0] and s >= clause_start and _LISTED_GAP_RE.fullmatch(low, e, last[0]):
                found.append(spans[j])
            elif s < last[1] if step > 0 else e > last[0]:
                pass  # a name inside the last one
            else:
                break
            j += step
        return found if step > 0 else found[::-1]


def find_awards(
    doc: Document,
    header: Header,
    organizations: tuple[Organization, ...],
    persons: tuple[Person, ...],
    legal_refs: tuple[LegalRef, ...],
) -> tuple[Award, ...]:
    """Award events with a named recipient, one per (award, recipient); none in a document that lays
    down rules, in a page that tells what was awarded before it, or in a blank form."""
    if lays_down_rules(doc, header) or tells_history(header) or is_blank_form(doc):
        return ()
    return _Finder(doc, header, organizations, persons, legal_refs).run()
