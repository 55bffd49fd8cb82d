"""Award types (the Law on Emulation and Commendation's taxonomy) and award events.

`find_award_types` names every canonical award a document mentions (data/award_types.tsv,
written as in data/award_variants.tsv). `find_awards` finds who received, or was proposed
for, which award: in decision articles and the lists that follow them ("Điều 1. Tặng Bằng
khen ... cho 05 tập thể ..., gồm:" then "1. Công an tỉnh;"), in tables whose header says
which column holds the names, and in sentences ("đơn vị X đạt danh hiệu Cờ thi đua của Bộ
Tài chính").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from . import data
from .document import Document, Paragraph
from .normalize import fold, plain_words, text_cache
from .organizations import canonical_org, known_names, org_types
from .persons import name_in_cell, normalise_name, table_cells
from .phrases import word_starts, words_re
from .record import Award, AwardTypeMention, Header, LegalRef, Organization, Person, Span


@dataclass(frozen=True)
class AwardType:
    """One award of the taxonomy, as data/award_types.tsv lists it."""

    name: str
    category: str
    recipients: tuple[str, ...]
    valid_from: int | None
    valid_to: int | None
    classes: tuple[str, ...]


@dataclass(frozen=True)
class AwardMention:
    """A canonical award written in one paragraph, at [start, end)."""

    name: str
    paragraph: int
    start: int
    end: int


@lru_cache(maxsize=1)
def award_types() -> tuple[AwardType, ...]:
    """The taxonomy: every canonical award with its category, recipients and years."""
    return tuple(
        AwardType(
            name=row["name"],
            category=row["category"],
            recipients=tuple(r for r in row["recipients"].split(";") if r),
            valid_from=int(row["valid_from"]) if row["valid_from"] else None,
            valid_to=int(row["valid_to"]) if row["valid_to"] else None,
            classes=tuple(c for c in row["classes"].split(";") if c),
        )
        for row in data.rows("award_types.tsv")
    )


_VOWELS = set("aeiouy")
_CLASS_RE = re.compile(r"[\s,(]*hang\s+(nhat|nhi|ba|iii|ii|i|1|2|3)(?!\w)")
_CLASS_NAMES = {"nhat": "Nhất", "i": "Nhất", "1": "Nhất", "nhi": "Nhì", "ii": "Nhì", "2": "Nhì",
                "ba": "Ba", "iii": "Ba", "3": "Ba"}
# The next classes of a list: ", hạng Nhì", " và hạng Ba", ", Nhì, Ba".
_MORE_CLASS_RE = re.compile(r"(?:\s*,\s*|\s+(?:va|hoac)\s+|\s*,\s*(?:va|hoac)\s+)(hang\s+)?(nhat|nhi|ba|iii|ii|i|1|2|3)(?!\w)")
_AWARDS_JOINED_RE = re.compile(r"\s*,\s*|\s+(?:va|hoac)\s+")
_OPENING_QUOTE_RE = re.compile(r"(?:danh hieu|[\"“‘'])\s*$")
_CAPITALS_RE = re.compile(r"[A-ZĐ]{2}")


def _variant_words(variant: str) -> tuple[str, ...]:
    """The folded words of a variant, "y" after a consonant at a syllable's end written "i"."""
    words = []
    for word in fold(variant).replace(",", " ").split():
        if len(word) > 1 and word[-1] == "y" and word[-2] not in _VOWELS:
            word = word[:-1] + "i"
        words.append(word)
    return tuple(words)


def _word_pattern(word: str) -> str:
    if len(word) > 1 and word[-1] == "i" and word[-2] not in _VOWELS:
        return re.escape(word[:-1]) + "[iy]"
    return re.escape(word)


def _trie_pattern(trie: dict) -> str:
    """A regex matching every word sequence of a trie, the longest first at each step."""
    branches = []
    for word in sorted((w for w in trie if w), key=len, reverse=True):
        rest = _trie_pattern(trie[word])
        branches.append(_word_pattern(word) + (rf"(?:[\s,]+{rest})?" if rest and "" in trie[word] else
                                               rf"[\s,]+{rest}" if rest else ""))
    if not branches:
        return ""
    return "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def _variant_index() -> tuple[re.Pattern, dict[tuple[str, ...], tuple[str, str]]]:
    """One regex over every variant (a trie of words); words -> (award, match rule)."""
    variants: dict[tuple[str, ...], tuple[str, str]] = {
        _variant_words(t.name): (t.name, "any") for t in award_types()
    }
    for row in data.rows("award_variants.tsv"):
        variants[_variant_words(row["variant"])] = (row["award"], row["match"])
    trie: dict = {}
    for words in variants:
        node = trie
        for word in words:
            node = node.setdefault(word, {})
        node[""] = {}
    return re.compile(rf"(?<!\w){_trie_pattern(trie)}(?!\w)"), variants


def _spellings(word: str) -> tuple[str, ...]:
    """A variant's word as a text may write it: "si" is also "sy" (_word_pattern)."""
    if len(word) > 1 and word[-1] == "i" and word[-2] not in _VOWELS:
        return word, word[:-1] + "y"
    return (word,)


@lru_cache(maxsize=1)
def _variant_starts_re() -> re.Pattern[bytes]:
    """What a paragraph's plain_words() holds when it names an award: a variant's first words."""
    return words_re(
        " ".join(spelling) for words in _variant_index()[1] for spelling in product(*map(_spellings, words[:3]))
    )


@lru_cache(maxsize=1)
def _classes() -> dict[str, tuple[str, ...]]:
    return {t.name: t.classes for t in award_types()}


def match_award_types(text: str) -> list[tuple[int, int, str]]:
    """Each canonical award written in `text`: (start, end, name), offsets in `text`."""
    return list(_award_matches(text))


@text_cache()
def _award_matches(text: str) -> tuple[tuple[int, int, str], ...]:
    """match_award_types, remembered: the types and the events of a paragraph read it twice."""
    if not _variant_starts_re().search(plain_words(text)):
        return ()  # the cheap test first: most paragraphs name no award
    pattern, groups = _variant_index()
    folded = fold(text)
    found: list[tuple[int, int, str, list[tuple[int, str]]]] = []  # start, end, award, [(end, class)]
    for m in pattern.finditer(folded):
        start, end = m.span()
        award, rule = groups[_variant_words(m.group(0))]
        written = text[start:end]
        if rule == "acronym" and not _CAPITALS_RE.search(written):
            continue
        quoted = _OPENING_QUOTE_RE.search(folded[max(0, start - 12) : start])
        if rule == "capital" and not written[:1].isupper() and not quoted:
            continue
        found.append((start, end, award, _classes_written(text, folded, end) if _classes().get(award) else []))
    # "Huân chương Lao động, Huân chương Bảo vệ Tổ quốc hạng Nhất": the classes written once for both.
    for i in range(len(found) - 2, -1, -1):
        start, end, award, classes = found[i]
        following = found[i + 1]
        if (not classes and _classes().get(award) and following[3]
                and _AWARDS_JOINED_RE.fullmatch(folded, end, following[0])):
            found[i] = (start, end, award, [(end, name) for _, name in following[3]])
    return tuple(
        (start, class_end, f"{award} hạng {name}") if classes else (start, end, award)
        for start, end, award, classes in found
        for class_end, name in (classes or [(end, "")])
    )


def _classes_written(text: str, folded: str, end: int) -> list[tuple[int, str]]:
    """The classes written after an order or medal ending at `end`: "hạng Nhất, hạng Nhì và Ba"."""
    cls = _CLASS_RE.match(folded, end)
    if not cls:
        return []
    classes = [(cls.end(), _CLASS_NAMES[cls.group(1)])]
    while more := _MORE_CLASS_RE.match(folded, classes[-1][0]):
        name = _CLASS_NAMES[more.group(2)]
        # "hạng Nhì, Ba": a class without "hạng" only written with its capital ("ba" is also "three").
        if name in (c for _, c in classes) or not (more.group(1) or text[more.start(2)].isupper()):
            break
        classes.append((more.end(), name))
    return classes


def award_mentions(doc: Document) -> list[AwardMention]:
    """Every award written in the document, in reading order."""
    return [
        AwardMention(name, para.seq, start, end)
        for para in doc.paragraphs
        for start, end, name in match_award_types(para.text)
    ]


def find_award_types(doc: Document) -> tuple[AwardTypeMention, ...]:
    """The canonical award types mentioned anywhere, each once, with every span."""
    texts = {p.seq: p.text for p in doc.paragraphs}
    by_name: dict[str, list[Span]] = {}
    for m in award_mentions(doc):
        by_name.setdefault(m.name, []).append(Span(m.paragraph, m.start, m.end, texts[m.paragraph][m.start : m.end]))
    return tuple(AwardTypeMention(name=name, spans=tuple(spans)) for name, spans in by_name.items())


# Offices that grant awards, as written before the body they head ("Chủ tịch UBND tỉnh").
# "central" offices head national bodies: never completed with the document's province.
_OFFICES = (
    ("Chủ tịch nước", "central"), ("Thủ tướng Chính phủ", "central"), ("Thủ tướng", "central"),
    ("Tổng cục trưởng", "central"), ("Bộ trưởng", "central"), ("Cục trưởng", "central"),
    ("Tổng Giám đốc", "central"), ("Thống đốc", "central"),
    ("Chủ tịch", "local"), ("Giám đốc", "local"), ("Hiệu trưởng", "local"),
    ("Thủ trưởng", "local"), ("Chủ nhiệm", "local"), ("Trưởng ban", "local"), ("Viện trưởng", "local"),
    ("Chánh án", "local"), ("Tư lệnh", "local"), ("Chi cục trưởng", "local"), ("Chỉ huy trưởng", "local"),
)
_OFFICE_RE = re.compile(
    r"^(" + "|".join(re.escape(fold(o)) for o, _ in sorted(_OFFICES, key=lambda o: -len(o[0]))) + r")(?!\w)"
)
_OFFICE_BY_FOLDED = {fold(o): (o, scope) for o, scope in _OFFICES}
# Where the grantor written after an award ends ("Bằng khen của Chủ tịch UBND tỉnh cho ..."); "hàng" only
# before "năm" ("... tặng hàng năm", not "Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh").
_GRANTOR_END_RE = re.compile(
    r"\s*(?:[;,.()“”\"’:|]|\s-\s|$)|\s+(?:cho|đối với|về|vì|năm|để|khen thưởng|tặng|kèm|đã|có|trong|là|và"
    r"|theo|tại|với|của các|đạt|nhận|được|trình|xét|hoặc|thì|khi|(?:hằng|hàng)(?=\s+(?:năm|quý|tháng)))(?!\w)"
)
_MAX_GRANTOR_WORDS = 15
# A grantor with no end within this many characters has more words than _MAX_GRANTOR_WORDS but in
# a text of very long words (then the whole rest is read).
_GRANTOR_AFTER_WINDOW = 300
_LONGEST_OFFICE = max(len(o) for o, _ in _OFFICES) + 1
_BARE_LEVEL_RE = re.compile(r"(?<!\w)(?:huyện|quận|thị xã)$")  # a body named without its district
_GENERIC_GRANTORS = {"bo", "cap tren", "cac cap", "cap tinh", "cap bo", "co quan", "don vi", "nha nuoc"}
_YEAR_RE = re.compile(word_starts([r"năm(?:\s+học)?\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?"]))
_DATE_BEFORE_RE = re.compile(r"tháng\s+\d{1,2}\s*$")
# What puts an award forward instead of granting it ("bầu cử" is an election, "chương trình" a plan).
_PROPOSED_RE = re.compile(
    "(?:" + word_starts(["đề nghị", "đề xuất", "bình xét", "biểu quyết", r"bầu(?!\s+cử)", "suy tôn", "xét tặng",
                         "kính trình", "dự kiến", "trình (?:chủ tịch|thủ tướng|cấp|bộ|hội đồng|ubnd|ủy ban|uỷ ban)"])
    + r")(?!\w)"
)
# An award received before the document: "đã được ... tặng", "đã được công nhận" (past, passive).
_RECEIVED_RE = re.compile(r"đ(?<!\wđ)ã\s+được\s+(?:[^,;.]{0,60}?\s)?(?:tặng thưởng|tặng|trao tặng|truy tặng|công nhận"
                          r"|khen thưởng|phong tặng)(?!\w)")
_GRANT_RE = re.compile(
    "(?:" + word_starts(["tặng", "truy tặng", "công nhận", "khen thưởng", "đề nghị", "đề xuất", "suy tôn", "xét tặng",
                         "bình xét", "biểu quyết", r"bầu(?!\s+cử)", "phong tặng", "trao tặng"])
    + r")(?!\w)"
)
_ATTACHED_RE = re.compile("(?:" + word_starts(["có danh sách", "danh sách kèm theo", "kèm theo danh sách"]) + r")(?!\w)")
_LIST_INTRO_RE = re.compile(
    r"(?::\s*$|" + word_starts([rf"{w}\s*:?\s*$" for w in ("gồm", "như sau", "sau đây", "cụ thể")]) + "|"
    + word_starts([rf"{w}(?!\w)" for w in ("có danh sách", "danh sách kèm theo", "kèm theo danh sách")]) + ")"
)
_MARKER_RE = re.compile(
    r"^\s*(?:[-+*•–]\s*|\(?\d{1,3}(?:\.\d{1,3})*\s*[.)]\s*|\(?[a-zđ][.)]\s*|[IVX]{1,4}\s*[.)]\s*)"
)
_ARTICLE_RE = re.compile(r"^\s*Điều\s+\d+")
# "I. Tập thể", "II | Cá nhân", "a) Đối với tập thể:": the kind of recipients listed next.
_SECTION_RE = re.compile(
    r"^(?:\S{1,4}\s+)?(?:doi voi\s+)?(?:cac\s+)?(tap the|ca nhan|ho gia dinh)\b[^|:]{0,40}$"
)
_LABEL_RE = re.compile(r"^[-+*•\s]*danh hiệu\s*:")
_AWARD_HEADER_RE = re.compile(r"^(?:danh hieu|hinh thuc|khen thuong|de nghi)")
_RECIPIENT_HEADER_RE = re.compile(
    r"^(?:ho (?:va )?ten|ho, ten|ten (?:ca nhan|tap the|don vi|co quan)|tap the|ca nhan|don vi|co quan)"
)
_NOT_RECIPIENT_RE = re.compile(
    r"^(?:các|tập thể|cá nhân|hộ gia đình|đối tượng|tiêu chuẩn|danh hiệu|hình thức|đối với|có|được|là|"
    r"không|hồ sơ|thời gian|căn cứ|số|mức|trường hợp|cán bộ|tổng|mỗi|những|trong|theo|để|thành tích|"
    r"kết quả|đạt|như|lưu|nơi nhận|kính gửi|cộng|tổng cộng|ghi chú)(?!\w)"
)
# "Bệnh viện Đa khoa tỉnh Quảng Ngãi - đơn vị dẫn đầu Khối": a description in lower case after a dash.
_RECIPIENT_END_RE = re.compile(
    r"\s*(?:[;(]|\.\s*$|\./\.|,?\s+(?i:đã có|có thành tích|vì đã|vì có|đạt thành tích|do có)(?!\w)"
    r"|\s[-–]\s+(?=[a-zđà-ỹ])|:\s+(?=[a-zđà-ỹ]))"  # "- Chi cục Hải quan khu vực I: hoàn thành thu ngân sách"
)
# Between a recipient and its award: "X đạt danh hiệu", "X được Bộ Tài chính tặng", "X nhận";
# "X tặng Bằng khen" (active) names the grantor, not the recipient.
# Between the recipients written after a colon: ";", " và ông ".
_RECIPIENTS_SPLIT_RE = re.compile(r";|(?<=\s)và(?=\s+(?:ông|bà|đồng chí|đ/c)\s)")
_OF_BEFORE_RE = re.compile(r"(?<!\w)của\s+$")
# Both matched with pos and endpos (no "^": a match is anchored at pos), not on slices of the paragraph.
_INLINE_BEFORE_RE = re.compile(
    r"(?:\s*\([^()]{0,60}\))?(?:\s*[,–-]\s*[^;.]{0,80}?)?\s*(?:(?:đã|đều|vinh dự|cũng|đơn vị)\s+)*"
    r"(?:được\s+(?:[^,;.]{0,60}?\s)?"
    r"(?:tặng thưởng|tặng|trao tặng|truy tặng|công nhận|khen thưởng|phong tặng)|đạt được|đạt|được nhận|nhận)"
    r"\s+(?:danh hiệu\s+|hình thức\s+)?[\"“]?\s*$"
)
# "Công nhận danh hiệu "Chiến sĩ thi đua cơ sở" cho 04 công chức: Tăng Văn Lực, Kim Thị Sa Ry, ...".
_INLINE_AFTER_COUNT_RE = re.compile(
    r"[^.;:]{0,80}?\s(?:cho|đối với)\s+(?:\d+|các)\s+[^\d.;:]{1,40}?:\s*(?:(?:ông|bà|đồng chí|đ/c)\s+)?$"
)
# The farthest a recipient stands after its award for _INLINE_AFTER_RE and the regex above (80 + 40
# characters of words, and the words between; a paragraph's spaces are single).
_INLINE_AFTER_REACH = 250
# "- UBND huyện Quản Bạ: dẫn đầu Cụm, đề nghị UBND tỉnh tặng Cờ thi đua;": the item's name, then its award.
_ITEM_NAME_END_RE = re.compile(r"\s*:")
# "cho đồng chí Thượng tá Nguyễn Văn Cường", "cho BSCKII. Nguyễn Thị Thu Sương": forms of address, ranks, titles.
_INLINE_AFTER_RE = re.compile(
    r"[^.;:]{0,80}?\s(?:cho|đối với)\s+(?:(?:đơn vị|tập thể|ông|bà|đồng chí|đ/c|bác sĩ"
    r"|(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá|úy|uý))\s+|(?:[a-zđ]{1,7}\.)+\s*){0,3}$"
)
_MAX_RECIPIENT_WORDS = 25
# Between two recipients of one list: ", ", " và ", ", và ông ".
_LISTED_GAP_RE = re.compile(r"\s*(?:,\s*và|,|và)\s+(?:(?:đơn vị|tập thể|ông|bà|đồng chí|đ/c)\s+)?")
# Between a person and the body of their office: ", Phó Chủ tịch ", ", hội viên ", ", Giám đốc ".
_APPOSITION_RE = re.compile(r"\s*,\s*(?:(?!được|đã|và|là|tặng|cho|của)[^\W\d_]+\s+){1,5}")
# Where a unit is, written after its name: ", huyện Thọ Xuân", ", thành phố Sầm Sơn" (the levels of
# Luật Tổ chức chính quyền địa phương).
_PLACE_AFTER_RE = re.compile(r"\s*,\s*(?:huyện|quận|thị xã|thành phố|tỉnh|xã|phường|thị trấn)\s+([^,;()|]+?)\s*")
_EACH_BODY_RE = re.compile(r"(?:các|những|cơ quan|đơn vị)(?!\w)")
_OF_RE = re.compile(r"\s*[\"”’]?\s*((?i:của)\s+)?")  # "CỦA" in a heading in capitals
_PLURAL_RE = re.compile("(?:" + word_starts(["các", "những"]) + r")(?!\w)")
_TWO_LETTERS_RE = re.compile(r"[^\W\d_]{2}")
# A sentence that introduces what follows it: "các đơn vị đã chấm điểm chéo theo bảng tiêu chí:".
_INTRODUCES_RE = re.compile("(?::|" + word_starts(["như sau", "sau đây"]) + r")\s*$")
# A sentence whose last clause proposes what it lists: "Hội nghị ... đã bỏ phiếu và thống nhất đề nghị:",
# "Sở kính đề nghị Chủ tịch UBND tỉnh xem xét:" (not "căn cứ kết quả bình xét, ... thông báo như sau:").
_PROPOSING_INTRO_RE = re.compile(
    "(?:" + word_starts(["đề nghị", "đề xuất", "kính trình", "trình"]) + r")(?:\s+[^\s,;.:]+){0,8}\s*:\s*$"
)
# A caption under a list's heading: "(Kèm theo Quyết định số 95/QĐ-CTBĐI ngày 15/01/2024 của Cục trưởng ...)".
_CAPTION_RE = re.compile(r"^\s*\([^()]*\)\s*$")
# Whom such a sentence proposes to (lower case, its colon gone): "2. Đề nghị Bộ trưởng Bộ Quốc phòng:",
# "Sở kính đề nghị Chủ tịch UBND tỉnh xem xét:" ("1. Đề nghị Tư lệnh Quân khu 9 tặng:" is _GRANTOR_BEFORE_RE's).
_PROPOSED_TO_RE = re.compile(r"đ(?<!\wđ)ề nghị\s+(?P<g>[^,;.:]{3,80}?)(?:,?\s+(?:xem xét|xét))?\s*$")


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


def _school_of(header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The school a "Hiệu trưởng" heads: the issuer's "Trường ...", else the first school named."""
    names = [header.issuer or ""] + [o.name for o in organizations]
    for name in names:
        i = name.find("Trường ")
        if i >= 0:
            return name[i:]
    return None


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
    if not rest:
        body = _school_of(header, organizations) if office == "Hiệu trưởng" else header.issuer
        return f"{office} {body}" if body else office
    if office == "Tổng cục trưởng" and fold(rest).startswith("cuc "):
        rest = "Tổng c" + rest[1:]  # "Tổng Cục trưởng Cục Thuế" heads the Tổng cục Thuế
    body = canonical_org(rest, None if scope == "central" else header.province)
    if office == "Cục trưởng" and header.issuer and fold(header.issuer).startswith(fold(body) + " "):
        body = header.issuer  # "Cục trưởng Cục Thuế" in a decision of the Cục Thuế tỉnh Bình Định
    elif _BARE_LEVEL_RE.search(body):
        # "Chủ tịch UBND huyện" in a document naming one Ủy ban nhân dân huyện: that district's.
        named = {o.name for o in organizations if o.name.startswith(body + " ")}
        body = named.pop() if len(named) == 1 else body
    return f"{office} {body}"


def _grantor_after(text: str, end: int, header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The grantor written right after an award: "của Bộ tài chính", "Thủ tướng Chính phủ"."""
    rest = text[end : end + _GRANTOR_AFTER_WINDOW]  # the rest of a long paragraph is read only when needed
    m = _OF_RE.match(rest)
    start = m.end()
    if not m.group(1) and not _OFFICE_RE.match(fold(rest[start : start + _LONGEST_OFFICE])):
        return None
    stop = _GRANTOR_END_RE.search(rest.lower(), start)
    if stop is None and len(rest) == _GRANTOR_AFTER_WINDOW and len(rest[start:].split()) <= _MAX_GRANTOR_WORDS:
        rest = text[end:]
        stop = _GRANTOR_END_RE.search(rest.lower(), start)
    written = rest[start : stop.start() if stop else len(rest)]
    return grantor_name(written, header, organizations)


# "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen", "được Bộ Tài chính tặng Cờ thi đua": the grantor
# stands before the verb. Matched (not searched) from the start of a window: the leading ".*" then
# finds the last such verb phrase in one pass, where a search retried it from every position.
_GRANTOR_BEFORE_RE = re.compile(
    r".*(?:" + word_starts(["đề nghị", "trình", "được"]) + r")\s+(?P<g>[^,;.]{3,80}?)\s+(?:xem xét,?\s+|xét,?\s+)?(?:tặng thưởng|tặng|khen thưởng"
    r"|công nhận)(?:\s+danh hiệu)?\s*[\"“]?\s*$"
)
# How the verbs of _GRANTOR_BEFORE_RE and _GRANTOR_SUBJECT_RE end ("tặng thưởng", "khen thưởng").
_GIVING_ENDS = ("tặng", "thưởng", "công nhận", "danh hiệu")
# The subject of an active clause: "1. UBND tỉnh tặng Cờ thi đua cho ...", "Giám đốc Công an tỉnh đã ký
# Quyết định số 1570/QĐ-CAT ngày 21/12/2023 công nhận danh hiệu ..." (matched from the clause's start).
_GRANTOR_SUBJECT_RE = re.compile(
    r"\s*(?P<g>[^\W\d][^,;.:()]{2,60}?)\s+(?:(?:đã\s+)?(?:ký|ban hành)\s+(?:quyết định|qđ)(?!\w)[^;:]{0,60}?\s+)?"
    r"(?:tặng thưởng|trao tặng|tặng|công nhận|khen thưởng)(?:\s+danh hiệu)?\s*[\"“]?\s*$"
)
# The longest match but ".*": a verb (8) and a grantor (80), "xem xét khen thưởng danh hiệu" and the
# single spaces of a paragraph between them (segment collapses runs of spaces) take ~130 characters.
_GRANTOR_BEFORE_WINDOW = 300


def _proposed_or_given_by(written: str, header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The grantor named after "đề nghị"/"được" when it is an office or a capitalised name
    ("Chủ tịch UBND tỉnh"; not "các cấp")."""
    if not (_OFFICE_RE.match(fold(written)) or written[:1].isupper()):
        return None
    return grantor_name(written, header, organizations)


def _grantor_before(text: str, start: int, header: Header, organizations: tuple[Organization, ...]) -> str | None:
    """The grantor written before the verb that gives the award at `start`."""
    clause_start = max(text.rfind(".", 0, start), text.rfind(";", 0, start)) + 1
    # The window begins one character early when it cuts the clause, for the look-behind "(?<!\w)".
    window = max(clause_start, start - _GRANTOR_BEFORE_WINDOW - 1)
    skip = 1 if window > clause_start else 0
    low = text[window:start].lower()
    if not low.rstrip().rstrip('"“').rstrip().endswith(_GIVING_ENDS):
        return None  # both regexes below end with the verb that gives: tested first, cheaply
    m = _GRANTOR_BEFORE_RE.match(low, skip)
    if m:
        return _proposed_or_given_by(text[window + m.start("g") : window + m.end("g")], header, organizations)
    m = _GRANTOR_SUBJECT_RE.match(low) if window == clause_start else None
    if not m:
        return None
    # The subject is a grantor when it is an office or a body ("TẬP THỂ ĐƯỢC TẶNG ..." is neither).
    written = text[window + m.start("g") : window + m.end("g")]
    if not (_OFFICE_RE.match(fold(written)) or _names_a_body(canonical_org(written, header.province))):
        return None
    return grantor_name(written, header, organizations)


def _authority(doc: Document, header: Header) -> str | None:
    """Who a decision speaks for: the line before "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X")."""
    for para in doc.paragraphs[:40]:
        text = para.text.strip()
        if fold(text).startswith("can cu"):
            break
        if para.kind == "heading" and _OFFICE_RE.match(fold(text)):
            return grantor_name(text, header)
    return None


def _is_section(text: str, marker: re.Match | None) -> bool:
    """Whether a line heads the kind of recipients listed next ("I. Tập thể", "II | Cá nhân")."""
    item = fold(text[marker.end() :] if marker else text).strip(" :.")
    return bool(_SECTION_RE.match(item) or _SECTION_RE.match(fold(text).strip(" :.")))


@lru_cache(maxsize=1)
def _body_starts() -> re.Pattern:
    """The types of bodies and the known bodies a recipient's name starts with ("Sở", "Công an tỉnh")."""
    # Lower case with the marks kept: folded, "Cộng" would be "Công", "Số" would be "Sở".
    words = {t.name.lower() for t in org_types()} | {k.name.lower() for k in known_names()}
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:{body})(?!\w)")


def _names_a_body(written: str) -> bool:
    """Whether a list item names a body ("Phòng Nội chính", "Công an tỉnh"), not a criterion."""
    m = _body_starts().match(written.lower())
    if not m:
        return False
    rest = written[m.end() :].strip()
    return not rest or rest[0].isupper() or fold(rest).split()[0] in ("tinh", "huyen", "xa", "thanh", "phuong", "quan")


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
        self.events: dict[tuple[str, str], Award] = {}
        # Under "... thống nhất đề nghị:", the numbered items propose ("1. Tặng Cờ thi đua ... cho X;").
        self.proposing = False
        # Under "Đề nghị Tư lệnh Quân khu 9 tặng:", whom the items propose to, when they do not say.
        self.proposed_to: str | None = None

    def proposed_grantor(self, text: str) -> str | None:
        """Whom a sentence ending in a colon proposes to ("Đề nghị Tư lệnh Quân khu 9 tặng:")."""
        text = text.rstrip().rstrip(":").rstrip()
        grantor = _grantor_before(text, len(text), self.header, self.organizations)
        if grantor:
            return grantor
        m = _PROPOSED_TO_RE.search(text.lower())
        if not m:
            return None
        return _proposed_or_given_by(text[m.start("g") : m.end("g")], self.header, self.organizations)

    def default_grantor(self) -> str | None:
        if not self.authority_found:
            self.authority = _authority(self.doc, self.header)
            self.authority_found = True
        return self.authority

    def context(self, para: Paragraph, mention: tuple[int, int, str] | None, text_before: str) -> _Context:
        """The award, grantor, status, year and decision a paragraph gives to what it introduces."""
        status = "proposed" if self.proposing else _status(self.header, text_before)
        award = grantor = None
        span = None
        if mention:
            start, end, award = mention
            grantor = (_grantor_after(para.text, end, self.header, self.organizations)
                       or _grantor_before(para.text, start, self.header, self.organizations))
            span = Span(para.seq, start, end, para.text[start:end])
        if grantor is None and self.proposing:
            grantor = self.proposed_to
        if grantor is None and award and self.header.kind == "quyet_dinh" and status == "granted":
            grantor = self.default_grantor()
        year = _paragraph_year(para.text) or _default_year(self.header)
        return _Context(award, grantor, status, year, _decision(self.header, self.decisions_cited, para.seq, status), span)

    def add(self, context: _Context, recipient: _Recipient, award: str | None = None) -> None:
        award = award or context.award
        if not award:
            return
        key = (fold(award), fold(recipient.name))
        spans = tuple(s for s in (context.span, recipient.span) if s)
        if key in self.events:
            old = self.events[key]
            self.events[key] = Award(**{**old.__dict__, "spans": old.spans + spans})
            return
        self.events[key] = Award(
            award=award, recipient=recipient.name, grantor=context.grantor, year=context.year,
            status=context.status, decision=context.decision, recipient_kind=recipient.kind, spans=spans,
        )

    def recipient(self, para: Paragraph, start: int, end: int, trusted: bool = False) -> _Recipient | None:
        """The person or body named in text[start:end] (a list item, a table cell)."""
        text = para.text
        for s, e, name in self.person_spans.get(para.seq, ()):
            if start <= s < end and s - start <= 30 and "," not in text[start:s]:
                return _Recipient(name, "person", Span(para.seq, s, e, text[s:e]))
        where = name_in_cell(text, start, end)
        if where:
            written = text[where[0] : where[1]]
            return _Recipient(normalise_name(written), "person", Span(para.seq, *where, written))
        stop = _RECIPIENT_END_RE.search(text, start, end)
        end = stop.start() if stop else end
        written = text[start:end].strip(" ,;:.-–*•|\"“”")
        if not written:
            return None
        start = text.index(written, start)
        if (not written[0].isupper() or _NOT_RECIPIENT_RE.match(written.lower()) or match_award_types(written)
                or len(written.split()) > _MAX_RECIPIENT_WORDS or ":" in written
                or _PLURAL_RE.search(written.lower())):
            return None
        org = next((o for o in self.org_spans.get(para.seq, ()) if start <= o[0] <= start + 2), None)
        # The body found by find_organizations when it is the whole item, so both say the same name; or
        # when the rest says where a named unit is ("Trường Tiểu học Thiệu Trung, huyện Thiệu Hoá").
        whole = org and (org[1] >= start + len(written) - 1 or self.placed_after(text, org, start + len(written)))
        name = org[2] if whole else canonical_org(written, self.header.province)
        if org is None and not trusted and not _names_a_body(name):
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

    def table_columns(self, values: list[str]) -> tuple[int, int | None] | None:
        """(name column, award column) when a table row is a header naming its columns."""
        if values and values[0].strip(" .").isdigit():
            return None  # a numbered data row ("1 | ... | Tập thể LĐXS 2019, 2020"), not a header
        name = award = None
        for i, value in enumerate(values):
            folded = fold(value).strip(" .:")
            if name is None and _RECIPIENT_HEADER_RE.match(folded) and len(folded.split()) <= 10:
                name = i
            elif award is None and _AWARD_HEADER_RE.match(folded) and len(folded.split()) <= 6:
                award = i
        return (name, award) if name is not None else None

    def table_row(self, para: Paragraph, columns, context: _Context | None) -> _Context | None:
        """Read one data row; return the context a row naming an award sets for the rows after it."""
        cells = table_cells(para)
        values = [para.text[s:e] for s, e in cells]
        if columns:
            name_col, award_col = columns
        else:
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
            grantor = _grantor_after(para.text, in_cell[0][1], self.header, self.organizations)
            base = context or self.context(para, None, "")
            if grantor or base.award != award:
                context = _Context(award, grantor, base.status, base.year, base.decision, base.span)
        elif columns and mentions and any(cells[name_col][0] <= m[0] < cells[name_col][1] for m in mentions):
            # "I | BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ": the rows below receive it.
            return self.context(para, mentions[0], para.text)
        if context is None and award is None:
            return None
        # A column whose header says it holds names is trusted to: "Nhà khách Văn phòng" is a unit there.
        recipient = self.recipient(para, *cells[name_col], trusted=columns is not None)
        if recipient:
            self.add(context or self.context(para, None, ""), recipient, award)
        return None

    def inline(self, para: Paragraph, mentions: list[tuple[int, int, str]]) -> None:
        """Awards in running text: "đơn vị X đạt danh hiệu Cờ thi đua", "tặng Bằng khen cho X và Y"."""
        text = para.text
        marker = _MARKER_RE.match(text)
        low = text.lower()
        people = self.person_spans.get(para.seq, [])
        spans = sorted(self.org_spans.get(para.seq, []) + people)
        for mention in mentions:
            start, end, award = mention
            clause_start = max(low.rfind(".", 0, start), low.rfind(";", 0, start)) + 1
            found: list[tuple[int, int, str]] = []
            for i in range(len(spans) - 1, -1, -1):
                s, e, name = spans[i]
                # Not a body after "của": "Đơn vị dẫn đầu Cụm của Công an tỉnh được đề nghị ... tặng".
                if e <= start and s >= clause_start and _INLINE_BEFORE_RE.match(low, e, start) \
                        and not _OF_BEFORE_RE.search(low, max(0, s - 5), s):
                    found = self.listed(low, spans, i, -1, clause_start)
                    break
            if not found:
                for i, (s, e, name) in enumerate(spans):
                    if s - end > _INLINE_AFTER_REACH:
                        break
                    if s >= end and (_INLINE_AFTER_RE.match(low, end, s) or _INLINE_AFTER_COUNT_RE.match(low, end, s)):
                        found = self.listed(low, spans, i, 1, clause_start)
                        break
            if not found and marker:
                # "- UBND huyện Quản Bạ: dẫn đầu Cụm, đề nghị UBND tỉnh tặng Cờ thi đua;"
                found = [sp for sp in spans if marker.end() <= sp[0] <= marker.end() + 1 and sp[1] < start
                         and _ITEM_NAME_END_RE.match(text, sp[1]) and _GRANT_RE.search(low, sp[1], start)][:1]
            if not found:
                continue
            clause_end = min([i for i in (low.find(".", end), low.find(";", end)) if i >= 0] or [len(text)])
            context = self.context(para, mention, low[clause_start:start])
            year = _year_in(text[clause_start:clause_end]) or context.year
            context = _Context(award, context.grantor, context.status, year, context.decision, context.span)
            for s, e, name in found:
                kind = "person" if any(p[0] == s for p in people) else "organization"
                if kind == "organization":
                    # "Bà Nguyễn Thị Mỹ Lệ, Phó Chủ tịch Hội LHPN tỉnh được ... tặng": the body of her office.
                    person = next((p for p in people if clause_start <= p[0] and p[1] <= s
                                   and _APPOSITION_RE.fullmatch(low, p[1], s)), None)
                    if person:
                        (s, e, name), kind = person, "person"
                self.add(context, _Recipient(name, kind, Span(para.seq, s, e, text[s:e])))

    @staticmethod
    def listed(low: str, spans: list[tuple[int, int, str]], i: int, step: int,
               clause_start: int) -> list[tuple[int, int, str]]:
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
            elif (s < last[1] if step > 0 else e > last[0]):
                pass  # a name inside the last one
            else:
                break
            j += step
        return found if step > 0 else found[::-1]

    def run(self) -> tuple[Award, ...]:
        current: _Context | None = None  # the list being read
        attached: _Context | None = None  # "(có danh sách kèm theo)": the list comes further on
        recent: tuple[int, _Context] | None = None  # the last paragraph naming an award
        introducing = ""  # the text of the last paragraph that introduced recipients
        columns = None
        table_context: _Context | None = None
        for para in self.doc.paragraphs:
            text = para.text
            low = text.lower()
            mentions = match_award_types(text)
            if para.kind == "table_row":
                header = self.table_columns([text[s:e] for s, e in table_cells(para)])
                if header:
                    near = recent[1] if recent and para.seq - recent[0] <= 4 else None
                    columns, table_context = header, _first_award(current, near, attached)
                    continue
                if columns is None and table_context is None:
                    near = recent[1] if recent and para.seq - recent[0] <= 4 else None
                    table_context = _first_award(current, near, attached)
                table_context = self.table_row(para, columns, table_context) or table_context
                continue
            columns = table_context = None
            # "tặng Bằng khen: thầy X, Tổ trưởng (02 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở)": an
            # award in parentheses is said of the recipient, not given here.
            if mentions and "(" in text:
                mentions = [m for m in mentions if text.count("(", 0, m[0]) <= text.count(")", 0, m[0])]
            if _LABEL_RE.match(low) and mentions and self.header.issuer and self.header.kind == "bien_ban":
                # "Danh hiệu: Tập thể lao động xuất sắc; Số phiếu: 19/19": the unit's own result.
                context = self.context(para, mentions[0], low)
                self.add(context, _Recipient(self.header.issuer, "organization", None))
                continue
            marker = _MARKER_RE.match(text)
            article = bool(_ARTICLE_RE.match(text))
            if self.proposing and not marker:
                self.proposing = False
                self.proposed_to = None
            if not mentions and ":" in low[-3:] and _PROPOSING_INTRO_RE.search(low):
                self.proposing = True  # until an item without a marker; a new such sentence says to whom
                self.proposed_to = self.proposed_grantor(text)
            if not mentions and len(text) < 80 and _is_section(text, marker):
                current = current or attached
                continue
            granting = bool(mentions) and bool(_GRANT_RE.search(low))
            label = bool(mentions) and ":" in text[mentions[-1][1] :] and len(text[: mentions[0][0]].split()) <= 8
            if mentions and (label or granting and _LIST_INTRO_RE.search(low)):
                introducing = text
                current = self.trigger(para, mentions, label)
                if _ATTACHED_RE.search(low):
                    attached = current
                recent = (para.seq, current)
                continue
            if current and marker and not article and not mentions:
                recipient = self.recipient(para, marker.end(), len(text))
                if recipient:
                    self.add(current, recipient)
                continue
            if current and recent and recent[0] == para.seq - 1 and recent[1] is current and not mentions \
                    and not article and para.kind != "heading" and _introduces(introducing):
                # "cho 01 cá nhân:" then the one recipient without a marker: "BS. Trương Công Định, Phó ..."
                recipient = self.recipient(para, 0, len(text))
                if recipient:
                    self.add(current, recipient)
                    continue
            if para.kind == "heading" and fold(text).startswith("danh sach"):
                # "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023": what the list below receives or is proposed for.
                current = self.context(para, mentions[0] if mentions else None, low)
                if not mentions and attached:
                    current = attached
                continue
            if not mentions and recent and para.seq - recent[0] <= 3 and _ATTACHED_RE.search(low):
                attached = recent[1]  # "(Có danh sách ... kèm theo)." under the sentence that proposes
            if (len(text.split(None, 3)) > 3 and not _RECIPIENT_HEADER_RE.match(fold(text).lstrip("t "))
                    and not ("(" in text[:3] and _CAPTION_RE.match(text))):
                current = None  # a paragraph that is no item ends the list (not a page number, not a caption)
                if recent and not mentions and _introduces(text):
                    recent = None  # "... theo bảng tiêu chí:": the table below is that one's, not an award's
            if mentions:
                self.inline(para, mentions)
                recent = (para.seq, self.context(para, mentions[0], low[: mentions[0][0]]))
        return tuple(self.events.values())

    def trigger(self, para: Paragraph, mentions: list[tuple[int, int, str]], label: bool) -> _Context:
        """The context of a paragraph that introduces recipients; those after its colon are read now."""
        text = para.text
        low = text.lower()
        context = self.context(para, mentions[0], low[: mentions[0][0]])
        if len({m[2] for m in mentions}) > 1:
            context = _Context(None, None, context.status, context.year, context.decision, None)
        self.inline(para, mentions)
        colon = text.find(":", mentions[-1][1])
        if label and colon >= 0 and text[colon + 1 :].strip():
            pos = colon + 1
            for sep in [*_RECIPIENTS_SPLIT_RE.finditer(text, pos), None]:
                recipient = self.recipient(para, pos, sep.start() if sep else len(text))
                if recipient:
                    self.add(context, recipient)
                pos = sep.end() if sep else pos
        return context


def find_awards(
    doc: Document,
    header: Header,
    organizations: tuple[Organization, ...],
    persons: tuple[Person, ...],
    legal_refs: tuple[LegalRef, ...],
) -> tuple[Award, ...]:
    """Award events with a named recipient, one per (award, recipient)."""
    return _Finder(doc, header, organizations, persons, legal_refs).run()
