"""Cited legal documents: "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh về việc ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import data
from .document import Document, Paragraph
from .locations import province_index
from .normalize import fold, fold_key, modern_tones
from .organizations import canonical_org, province_level
from .organizations.words import scanner_words
from .patterns import (
    CODE_CONTINUATION_RE,
    DATE_RE,
    SYMBOL_RE,
    Symbol,
    alternatives,
    date_of,
    document_words,
    folded_alternatives,
    glued_alternatives,
    latin_lookalikes,
    listed_words,
    lower_alternatives,
    normalise_symbol,
    symbol_of,
    written_alternatives,
)
from .phrases import trie_pattern, word_starts
from .record import Header, LegalRef, Span


@dataclass(frozen=True)
class DocType:
    """A type of document: its code in symbols ("QĐ"), full name and the record's kind."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class IssuerCode:
    """The body a symbol's issuer part names ("BNV" -> Bộ Nội vụ); local ones take the province."""

    code: str
    issuer: str
    local: bool
    digits: bool


@lru_cache(maxsize=1)
def doc_types() -> tuple[DocType, ...]:
    """The document types of data/doc_types.tsv, in file order (not the Party's readings of a code)."""
    return tuple(DocType(r["code"], r["name"], r["kind"]) for r in data.rows("doc_types.tsv") if r["party"] != "yes")


@lru_cache(maxsize=1)
def _party_types() -> dict[str, DocType]:
    """How a code reads in a Party symbol where that differs ("QĐ" in "214-QĐ/TW" is a Quy định)."""
    return {
        fold(r["code"]): DocType(r["code"], r["name"], r["kind"])
        for r in data.rows("doc_types.tsv")
        if r["party"] == "yes"
    }


@lru_cache(maxsize=1)
def _types_by_code() -> tuple[dict[str, DocType], dict[str, DocType]]:
    exact: dict[str, DocType] = {}
    folded: dict[str, DocType] = {}
    for t in doc_types():
        if t.code:
            exact.setdefault(t.code, t)
            folded.setdefault(fold(t.code), t)
    return exact, folded


_PARTY_SYMBOL_RE = re.compile(r"^\d+(?:\.\d+)?-")


def type_of_code(code: str, symbol: str | None = None) -> DocType | None:
    """The type a symbol's code starts with ("QĐ-UBND" -> Quyết định), exact spelling first ("HĐ" is a contract);
    with the whole `symbol`, a Party symbol's reading ("214-QĐ/TW" -> Quy định)."""
    first = _segments(code)[0] if code else ""
    if symbol and _PARTY_SYMBOL_RE.match(symbol):
        party = _party_types().get(fold(first))
        if party:
            return party
    exact, folded = _types_by_code()
    return exact.get(first) or folded.get(fold(first))


@lru_cache(maxsize=1)
def _types_by_name() -> dict[str, DocType]:
    by_name: dict[str, DocType] = {}
    for t in doc_types():
        by_name.setdefault(fold(t.name), t)
    return by_name


def type_named(word: str) -> DocType | None:
    """The type a word names ("QUYẾT ĐỊNH", "công văn", "QĐ"), or None."""
    key = fold(word).strip()
    return _types_by_name().get(key) or (_types_by_code()[1].get(key) if key else None)


@lru_cache(maxsize=1)
def _issuer_codes() -> dict[str, IssuerCode]:
    return {
        fold(r["code"]): IssuerCode(r["code"], r["issuer"], r["level"] == "local", r["digits"] == "yes")
        for r in data.rows("issuer_codes.tsv")
    }


_CODE_SPLIT_RE = re.compile(r"[-/]")
_SPACES_RE = re.compile(r"\s+")
_TRAILING_DIGITS_RE = re.compile(r"^(.*?[^\d])(\d+)$")


def _segments(code: str) -> list[str]:
    return [s for s in _CODE_SPLIT_RE.split(code) if s]


_MARKED_RE = re.compile(r"[^\x00-\x7FĐđ]")  # a letter with a vowel mark


def _known_issuer(segment: str) -> IssuerCode | None:
    codes = _issuer_codes()
    key = fold(segment)
    if _MARKED_RE.search(segment):
        return None  # a code holds no vowel mark: "100-QĐ/TƯ" is the Trung ương's, not a Tỉnh ủy's "TU"
    if key in codes:
        return codes[key]
    m = _TRAILING_DIGITS_RE.match(key)
    if m and m.group(1) in codes and codes[m.group(1)].digits:
        return codes[m.group(1)]
    return None


def _issuer_segments(code: str) -> list[str]:
    segments = _segments(code)
    return segments[1:] if segments and type_of_code(code) else segments


@lru_cache(maxsize=4096)
def _folded_issuer_segments(code: str) -> tuple[str, ...]:
    return tuple(fold(s) for s in _issuer_segments(code))


@lru_cache(maxsize=4096)
def issuer_of_code(code: str, province: str | None) -> str | None:
    """The body the code names ("TT-BNV" -> "Bộ Nội vụ"; "QĐ-UBND" with a province -> its UBND), or None."""
    names = []
    for segment in _issuer_segments(code):
        known = _known_issuer(segment)
        if known is None:
            break
        if known.local:
            if not province:
                break
            level = province_level(province)
            council = known.code in ("UBND", "HĐND")  # named with the level: "Ủy ban nhân dân tỉnh X"
            written = f"{known.issuer} {level}" if council else known.issuer
            if known.code == "TU" and level == "thành phố":
                written = "Thành ủy"  # a city's party committee
            names.append(canonical_org(written, province))
        else:
            names.append(known.issuer)
    return " và ".join(names) if names else None


def _unglued(sym: Symbol) -> Symbol:
    """ "115/2020/NĐCP" (the dash left out between a type's code and its issuer's) -> "115/2020/NĐ-CP"; a
    footnote mark after it stays for `_without_footnote_mark` ("NĐCP4")."""
    code = sym.code
    fixed = _unglued_code(code) if code else None
    if fixed is None:
        return sym
    return replace(sym, text=sym.text[: len(sym.text) - len(code)] + fixed, code=fixed)


# The same codes come back in every document ("NĐ-CP", "QĐ-UBND"): what a code alone decides is
# remembered across documents (here and below: a few thousand short strings).
@lru_cache(maxsize=4096)
def _unglued_code(code: str) -> str | None:
    """The code with the dash put back between a type's code and its issuer's ("NĐCP" -> "NĐ-CP"), or None."""
    if any(ch in code for ch in "-/") or type_of_code(code) or _known_issuer(code):
        return None
    for t in doc_types():
        if len(t.code) > 1 and code.startswith(t.code):
            rest = code[len(t.code) :]
            issuer = _known_issuer(rest.rstrip("0123456789")) if rest[:1].isupper() else None
            if issuer and not issuer.local:
                return f"{t.code}-{rest}"
    return None


def _without_footnote_mark(sym: Symbol) -> Symbol:
    """ "126/2024/NĐ-CP1" (a footnote mark stuck to the code) -> "126/2024/NĐ-CP"."""
    cut = _footnote_mark_length(sym.code)
    return replace(sym, text=sym.text[:-cut], code=sym.code[:-cut]) if cut else sym


@lru_cache(maxsize=4096)
def _footnote_mark_length(code: str) -> int:
    """The length of a footnote mark stuck to the code's last segment ("NĐ-CP1": 1), else 0."""
    last = _segments(code)[-1]
    m = _TRAILING_DIGITS_RE.match(last)
    if not m or len(m.group(2)) > 1:
        return 0
    known = _issuer_codes().get(fold(m.group(1)))
    if known is None or known.digits:
        return 0
    return len(m.group(2))


@lru_cache(maxsize=8192)
def symbol_key(text: str | None) -> str:
    """A symbol's comparison key: folded, upper case, no spaces ("354/QĐ-UBND" ~ "354/QD - UBND")."""
    return _SPACES_RE.sub("", fold(text or "")).upper().strip(".,;:")


# --- Finding citations in a paragraph -------------------------------------------------------

# The words of a citation: data/citation_words.tsv.
_WORDS = "citation_words.tsv"


def _folded(name: str) -> str:
    return folded_alternatives(name, _WORDS)


def _lower(name: str) -> str:
    return lower_alternatives(name, _WORDS)


def _type_words() -> list[str]:
    words = {fold(t.name) for t in doc_types()} | {fold(t.code) for t in doc_types() if len(t.code) > 1}
    words |= {fold(w) for w in listed_words(_WORDS, "type_word")}
    return sorted(words, key=len, reverse=True)


@lru_cache(maxsize=1)
def _type_re() -> re.Pattern:
    return re.compile(r"(?<![\w/])(" + trie_pattern(_type_words()) + r")(?![\w/])")


# Right before the symbol: "Quyết định số ", "Nghị định ", "QĐ ", "Chỉ thị so ", "Nghị quyết số: ".
_SO_TAIL_RE = re.compile(r"\s*(?:\bso\b\s*:?)?\s*$")


def _so_tail_start(before: str) -> int:
    """Where the "số:" and the spaces that end `before` start (`_SO_TAIL_RE`, every part optional: it always
    matches). Searched from the last word before them: no earlier position can start the match, and a
    search from the start of a long clause tries every position."""
    rest = before.rstrip()
    rest = rest[:-1].rstrip() if rest.endswith(":") else rest
    rest = rest[:-2].rstrip() if rest.endswith("so") else rest
    tail = _SO_TAIL_RE.search(before, len(rest))
    return tail.start() if tail else len(before)


_HAS_SO_RE = re.compile(r"\bso\s*:?\s*$")
_LIST_TAIL_RE = re.compile(r"(?:,|;|\bva\b|\bhoac\b)\s*(?:cac\s+)?$")
# "Mẫu số 01/TĐKT", "Phụ lục số 02/..." name forms and annexes, not documents.
_NOT_A_CITATION_RE = re.compile(
    rf"(?:{word_starts(_folded('not_citation_label').split('|'))})\s*(?:so\s*)?:?\s*$"
)  # (each label's first letter, then the look-behind: the regex engine skips to those letters)
# ("Quyết định Số: 44-QĐ/TW" is one citation; each branch starts with its character, the look-behinds after the
# colon: the regex engine skips to the next ";", "." or ":")
_CLAUSE_END_RE = re.compile(r"[;]|\.\s|:(?<!\bso:)(?<!\bso :)\s")
# Between a number and its date: a comma, a bracket, a footnote mark ("35-CT/TW[5] ngày 30/5/2019").
_GAP_RE = re.compile(r"\s*(?:\[\d{1,3}\]\s*)?[,(]?\s*(?:\[\d{1,3}\]\s*)?")
# A date a clause gives the document it has just named: "Nghị quyết số 203/2025/QH15 ban hành ngày ...",
# "Công văn số 1393/VHTT-BTCM do Thứ trưởng ... ký ngày ...", "Luật X được Quốc hội khóa XII ... thông qua ngày",
# "Giấy phép số 481/GP-STTTT của Sở Thông tin và Truyền thông ... cấp ngày 01/4/2009".
_DATED_BY_VERB_RE = re.compile(
    r"\s*(?:\[\d{1,3}\]\s*)?,?\s*(?:(?:da\s+)?(?:duoc|do)\s+(?:[^;.:()\[\]\"]{1,80}?\s+)?)?"
    r"(?:ban hanh|ky|thong qua|cap)\s+(?:vao\s+)?(?=ngay\s)"
)
# Who signed or issued it, said with the date after the number: "... do Thứ trưởng Bộ Văn hóa - Thông tin Lưu Trần
# Tiêu ký ngày 18 tháng 4 năm 2001", "... do Bộ Tài chính ban hành ngày ...".
_SIGNED_BY_RE = re.compile(
    r"\s*,?\s*do\s+(?P<org>[^;.:()\[\]\"“”,]{3,100}?)\s+(?:ky|ban hanh|cap)\s+(?:vao\s+)?(?=ngay\s)"
)
# What is left of a paragraph broken inside a date: "Nghị định số 87/2011/NĐ-CP ngày" / "27 tháng 9 năm 2011".
_DATE_CUT_RE = re.compile(
    r"[\s,(]*ngay(?:\s+\d{1,2}(?:\s+thang(?:\s+\d{1,2}(?:\s+nam)?)?|\s?/(?:\s?\d{1,2}\s?/?)?)?)?\s*$"
)
_NGAY_RE = re.compile(r"ngay\s+")
_YEAR_GAP_RE = re.compile(r"nam\s+((?:19|20)\d{2})\s*,?\s*")
# (after a footnote mark or the year: "45-NQ/TW[32] của Bộ Chính trị", "Chỉ thị 282/CT-QP năm 1991 của Bộ trưởng ...")
_OF_RE = re.compile(r"\s*(?:\[\d{1,3}\]\s*)?(?:(?:nam\s+)?(?:19|20)\d\d\s*)?,?\s*(?:cua|giua)\s+")
_ABOUT_RE = re.compile(rf"\s*(?:{_folded('subject_start')})\s+")

# Words that end an issuer's name and may start the subject ("... của Chính phủ quy định ...").
# Matched on the lower-cased text with its marks: folded, "tại" would end "Bộ Tài chính".
_VERBS = document_words("trich_yeu_verb")
_ISSUER_STOP_RE = re.compile(
    rf"\s(?:{_lower('issuer_end')}|{'|'.join(_VERBS)})(?!\w)"
    # "của Chính phủ và Quyết định số 23/2021/QĐ-TTg": the next citation, not a second issuer.
    rf"|\svà\s(?={glued_alternatives('issuer_end_after_and', _WORDS)})"
    rf"|,(?!\s*(?:{_lower('issuer_comma_inside')})(?!\w))|[;()“”\"'’:\[^]"  # (a footnote mark: "của Chính phủ[6] quy định ...")
    r"|\.(?!(?<=\st\.)ư(?!\w))"  # (not the dot of "Trung ương" written "T.Ư": "của Ban Chấp hành T.Ư Đảng")
)
_FOLDED_VERBS = tuple(fold(v) for v in _VERBS)
_SUBJECT_VERB_RE = re.compile(r"\s*(?=(?:" + "|".join(_FOLDED_VERBS) + r")(?!\w))")
# Where a trích yếu ends (on the lower-cased text): the clause, or what the writer says next about it.
# A cited document inside it stays ("sửa đổi, bổ sung Nghị định số 105/2012/NĐ-CP ... về ..."),
# up to a comma right after a number ("thực hiện Kết luận số 132-KL/TW, xác định ...").
_SPACE_AFTER = r"(?=\s)"
# (and where a reference list glues the next entry or a footnote mark on: '... Việt Nam".Cổng thông tin',
# "... Hồ Chí Minh.^Thúy Quỳnh", "... năm 2025[3]")
# Two patterns, the ends that start with a mark and those that start with a space: each starts with the characters
# it can, and the regex engine skips to them (one pattern of both would be tried at every position).
_SUBJECT_END_MARK_RE = re.compile(
    rf";|\(|\^|\||\[\d{{1,3}}\]|\.(?<=[\"”]\.)(?=\S)|\.(?:\s|$)|:\s|,\s(?:{_lower('subject_end_after_comma')})(?!\w)"
)
_SUBJECT_END_WORD_RE = re.compile(
    rf"\s-\s(?!\d)|\s(?:{glued_alternatives('subject_end', _WORDS, alone=_SPACE_AFTER)})"
    rf"|\svà\s(?={glued_alternatives('subject_end_after_and', _WORDS, alone=_SPACE_AFTER)})"
)


def _subject_end(lower: str, begin: int, limit: int) -> re.Match | None:
    """The first end of a trích yếu in lower[begin:limit], of either pattern (no position starts both)."""
    mark = _SUBJECT_END_MARK_RE.search(lower, begin, limit)
    word = _SUBJECT_END_WORD_RE.search(lower, begin, limit)
    return word if word and (mark is None or word.start() < mark.start()) else mark


# What a clause says of a document, not its trích yếu: "Nghị quyết số 198/2025/QH15 quy định như sau:".
# (nor what it says happened to it: "Nghị định 38/2021/NĐ-CP sửa đổi bởi khoản 2 Điều 1 Nghị định ...")
_NOT_A_SUBJECT_RE = re.compile(rf"(?:{_folded('not_a_subject')})|(?:{_folded('not_a_subject_start')})\b.*")
# (the comma first, then the look-behind: the regex engine skips from one comma to the next)
_AFTER_NUMBER_COMMA_RE = re.compile(r",(?<=[A-ZĐ0-9],)\s")
# A new clause about someone else: "... về tổ chức phong trào thi đua, Sở Nội vụ báo cáo như sau".
_NEW_CLAUSE_RE = re.compile(rf",\s(?=(?:{written_alternatives('clause_subject', _WORDS)})\s)")
_SUBJECT_TRIM_RE = re.compile(rf"(?:[\s,;:]+|\s(?:{_folded('subject_trailing')})\s*)+$")
_TRAILING_WORDS = tuple(fold(w) for w in listed_words(_WORDS, "subject_trailing"))


def _may_trail(folded: str) -> bool:
    """Whether `_SUBJECT_TRIM_RE` can match: the text ends as it does, with a space, a "," ";" ":" or one of
    its words (the search tries every position of the text; most trích yếu end with none)."""
    return folded[-1:] in ",;:" or folded[-1:].isspace() or folded.endswith(_TRAILING_WORDS)


# Who issued it, written before: "đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số ...",
# "Ngày 30/8/2024, Sở Nội vụ có Công văn số ...", "Chính phủ ban hành Nghị định số ...".
_OF_AT_RE = re.compile(
    r"\b(?:cua|do)\s+(?P<org>(?:(?!\b(?:cua|do)\s)[^;.()]){2,120}?)\s+(?:(?:chuyen|gui)(?: den)?\s+)?tai\s+(?:cac\s+)?$"
)
# ("Thủ tướng Chính phủ Phạm Minh Chính vừa ký Quyết định số ...", "Bộ Chính trị ... lại ra Nghị quyết ..."; not "đưa ra",
# "đề ra": what a body puts forward; nor "tổ chức lễ công bố Quyết định ...": a ceremony announces another's)
_HAS_RE = re.compile(
    rf"(?P<org>[^;.:]{{2,160}}?)(?<!\sdua)(?<!\sde)(?<!\sle)\s+(?:(?:da|vua|lai|cung|moi|tiep tuc|chinh thuc)\s+)*"
    rf"(?:{_folded('issuer_verb_before')})\s+(?:cac\s+)?$"
)
# How _OF_AT_RE and _HAS_RE end: found fast (they start with letters), they tell when those can match.
_OF_AT_TAIL_RE = re.compile(r"tai\s+(?:cac\s+)?$")
_HAS_TAIL_RE = re.compile(rf"(?:{_folded('issuer_verb_before')})\s+(?:cac\s+)?$")
# A verb after which the date before is the day the document was made known, not issued: "Ngày 6-7-1981, Hội đồng
# Nhà nước đã công bố Nghị quyết số 01-NQ/HĐNN7".
_UNDATED_TAIL_RE = re.compile(rf"(?<!\w)(?:{_folded('issuer_verb_before_undated')})\s+(?:cac\s+)?$")
_DATE_BEFORE_RE = re.compile(
    r"\bngay\s+(?P<date>\d{1,2}\s?([/.-])\s?\d{1,2}\s?\2\s?\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})\s*,\s*[^;.]*$"
)

# A date the clause opens with, no comma after it: "Ngày 04 tháng 4 năm 2013 Chính phủ đã ban hành Nghị định số ...".
_DATE_OPENS_RE = re.compile(
    r"[\s\-–•*+]*ngay\s+(?P<date>\d{1,2}\s?([/.-])\s?\d{1,2}\s?\2\s?\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})"
    r"\s+[^;.,]*$"
)

# Heads of bodies that start an issuer's name, and roles dropped before it.
_ORG_HEAD_RE = re.compile(rf"(?<!\w)(?:{folded_alternatives('body_head')})(?!\w)")
_ROLE_RE = re.compile(rf"^(?:pho\s+)?(?:{folded_alternatives('role_before_body')})(?:\s*,)?\s+(?=\S)")
_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_COUNTRY_RE = re.compile(
    r"(?<!\bnha)(?<!chu tich)\s+nuoc(?:\s+(?:cong hoa|chxhcn)\b.*\bviet nam\b.*)?$"  # (a foreign body keeps its country)
    # "Chủ tịch nước Cộng hoà Xã hội chủ nghĩa Việt Nam", "Chủ tịch nước Việt Nam Dân chủ Cộng hoà Hồ Chí Minh"
    r"|(?<=chu tich nuoc)\s+(?:cong hoa|chxhcn|viet nam)\b.*$"
)
# An office alone, before a comma and the next office of the same person ("Bộ trưởng, Chủ nhiệm ...").
_OFFICE_AFTER_DASH_RE = re.compile(rf"\s?[-–]\s?(?=(?:pho\s+)?(?:{folded_alternatives('role_before_body')})\s)")
_OFFICE_ONLY_RE = re.compile(rf"(?:pho\s+)?(?:{folded_alternatives('role_before_body')})")
# An office written before the body's head word, kept with it ("Chủ tịch Ủy ban nhân dân tỉnh").
_OFFICE_BEFORE_BODY_RE = re.compile(rf"(?:{_folded('office_before_body')})(?!\w)")


_AFTER, _FROM_CODE, _BEFORE, _NO_ISSUER = 3, 2, 1, 0


@dataclass(frozen=True)
class _Mention:
    """One citation as written, before mentions of the same document are merged."""

    symbol: Symbol
    doc_type: str | None
    issued_date: str | None
    issuer: str | None
    issuer_rank: int  # how sure: written after ("của ..."), from the code, written before ("... có"), none
    subject: str | None
    span: Span
    type_start: int
    end: int  # where the citation's number and date end
    group_next: bool  # followed by ", số ..." citing another document of the same list
    joined_next: bool = False  # followed by "và Kết luận số ..." of the same issuer's code
    year: int | None = None  # the year written after the number without a date: "26-NQ/TW năm 1980"
    dated_before: bool = False  # its date written before it: "Ngày 25 tháng 7 năm 2008, Bộ Quốc phòng ra ..."


@dataclass(frozen=True)
class _ShortNames:
    """issuer_short_names.tsv: national bodies written short, collegial organs and who has them."""

    full: dict[str, str]  # folded short name -> the body's name
    organs: frozenset[str]  # folded
    owners: tuple[str, ...]  # folded starts of names
    plenums: dict[str, str]  # folded start of a meeting's name -> the body holding it


@lru_cache(maxsize=1)
def _short_names() -> _ShortNames:
    rows = list(data.rows("issuer_short_names.tsv"))
    return _ShortNames(
        full={fold(r["written"]): r["full"] for r in rows if r["kind"] == "short"},
        organs=frozenset(fold(r["written"]) for r in rows if r["kind"] == "organ"),
        owners=tuple(fold(r["written"]) + " " for r in rows if r["kind"] == "owner"),
        plenums={fold(r["written"]): r["full"] for r in rows if r["kind"] == "plenum"},
    )


# A meeting: "Hội nghị Trung ương 7 khóa XII", "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng".
_MEETING_RE = re.compile(r"^hoi nghi\s")
# A meeting's own words before the body holding it: "Hội nghị lần thứ sáu (lần 1) BCHTW Đảng (khóa VIII)".
_MEETING_WORDS_RE = re.compile(r"hoi nghi\s+(?:lan\s+)?(?:thu\s+)?\w+\s+(?:lan\s+\d\s+)?")
_MEETING_NUMBER_RE = re.compile(r"(?:\s+(?:lan\s+)?(?:thu\s+)?\w+)?(?:\s*,?\s*khoa\s+[ivxlc]+)?\s*$")


def _meeting_body(text: str, folded: str) -> str | None:
    """The body a meeting's resolution is issued by: the body named after the meeting ("Hội nghị lần thứ
    sáu Ban Chấp hành Trung ương Đảng" -> "Ban Chấp hành Trung ương Đảng"), a Party plenum's
    (short_names.tsv), else none (a meeting is no issuer)."""
    for start, full in _short_names().plenums.items():
        if folded.startswith(start) and _MEETING_NUMBER_RE.match(folded, len(start)):
            return full
    words = _MEETING_WORDS_RE.match(folded)
    short = _short_names().full.get(folded[words.end() :].strip()) if words else None
    if short:  # "Hội nghị lần thứ bảy BCHTW Đảng"
        return short
    body = _ORG_HEAD_RE.search(folded, len("hoi nghi "))
    return text[body.start() :] if body else None


_PROPER_NAME_RE = re.compile(r"\s[A-ZĐ\u00C0-\u1EF8]")


@lru_cache(maxsize=4096)
def _org_name(written: str, province: str | None) -> str | None:
    """A written issuer ("Giám đốc Sở Tư pháp", "UBND tỉnh") as a canonical body name, or None."""
    text = _PAREN_RE.sub("", written).strip(" ,;:-")
    folded = fold(text)
    if (dash := _OFFICE_AFTER_DASH_RE.search(folded)) and dash.start() > 0:
        # "Bộ trưởng Bộ Quốc phòng-Tổng tư lệnh Quân đội ...": the body of the first office;
        # "Đại tướng Võ Nguyên Giáp - Bộ trưởng Bộ Quốc phòng": a person's, the office after the dash
        before = text[: dash.start()]
        has_body = _ORG_HEAD_RE.search(folded, 0, dash.start()) is not None and _head_as_written(before)
        text = before if has_body else text[dash.end() :]
        folded = fold(text)
    short = _short_names().full.get(folded)
    if short:
        return short
    country = _COUNTRY_RE.search(folded)
    if country:  # "Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam": the body, not its country
        text, folded = text[: country.start()], folded[: country.start()]
    if _MEETING_RE.match(folded):
        body = _meeting_body(text, folded)
        if body is None or body in _short_names().plenums.values():
            return body
        text, folded = body, fold(body)
    m = _ORG_HEAD_RE.search(folded)
    if not m or not text:
        return None
    role = _ROLE_RE.match(folded)
    if role:
        while role:  # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": each office dropped
            minister = folded.startswith("bo truong ")
            text, folded = text[role.end() :], folded[role.end() :]
            role = _ROLE_RE.match(folded)
        if minister and text[:1].isupper() and not _ORG_HEAD_RE.match(folded):
            text = "Bộ " + text  # "Bộ trưởng Nội vụ": the minister of the Bộ Nội vụ, named as offices were
    elif m.start() > 0 and not _OFFICE_BEFORE_BODY_RE.match(fold(text[: m.start()]).strip()):
        # Text before the first head word that is not a role ("Sau khi Thủ tướng ...") is dropped.
        text = text[m.start() :]
    if not text[:1].isupper():
        if m.start() > 0 or not _PROPER_NAME_RE.search(text, m.end()):
            return None
        text = text[:1].upper() + text[1:]  # "của ủy ban nhân dân tỉnh Đồng Nai": a body named, written in lower case
    folded = fold(text)
    if folded.endswith(_NATIONAL_ENDS):
        province = None  # "Hội đồng Chức danh Giáo sư Nhà nước": a national body, no province's
    council = _COUNCIL_RE.match(folded)
    place = _PLACE_NAMED_RE.match(text, council.end()) if council else None
    word = place.group(1) if place else ""
    if word[:1].isupper() and word[1:].islower() and word.lower() not in _LEVEL_WORDS:
        province = None  # "Ủy ban nhân dân (tỉnh) Bình Trị Thiên": named with its own place, no other's added
    return _short_names().full.get(folded) or canonical_org(text, province)


_COUNCIL_RE = re.compile(r"(?:uy ban|hoi dong) nhan dan ")
_NATIONAL_ENDS = (" nha nuoc", " quoc gia", " trung uong", " toi cao", " viet nam")
_LOCAL_LEVELS = "tỉnh|thành phố|huyện|quận|thị xã|xã|phường"  # the levels of a local body, as written
_PLACE_NAMED_RE = re.compile(rf"(?i:(?:{_LOCAL_LEVELS})\s+)?(\w+)")
_LEVEL_WORDS = frozenset(("tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường", "cấp", "các"))


def _joint(code: str) -> bool:
    """A joint document's code ("NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN", "TTLT-BTC-BNV"): several bodies issue it."""
    first = _segments(code)[0] if code else ""
    return len(first) > 2 and fold(first).endswith("lt")


# A word written short in a name: "PTNT", "KH&CN", "TW" (not a Roman numeral: "khóa XII").
_SHORT_WORD_RE = re.compile(r"(?<!\w)(?![IVXLC]+(?!\w))[A-ZĐ][A-ZĐ&.]+(?!\w)")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(data.words("surnames.txt"))


def _office_of_person(written: str, coded: str) -> bool:
    """Whether the written issuer is the coded body's office followed by its holder's name: "Thủ tướng Phạm
    Minh Chính" for a "QĐ-TTg" (Thủ tướng Chính phủ)."""
    words = written.split()
    for k in range(1, len(words) - 1):
        if fold(words[k - 1]) in _PLACE_LEVELS:
            continue  # "Uỷ ban nhân dân tỉnh Hà Nam": a place named after its level, no holder ("Hà" is also a surname)
        if words[k] in _surnames() and all(w[:1].isupper() for w in words[k:]):
            return fold(coded).startswith(fold(" ".join(words[:k])) + " ")
    return False


# The last word of a place's level, after which a name is the place's: "tỉnh", "thành phố", "thị xã", "thị trấn".
_PLACE_LEVELS = frozenset(("tinh", "pho", "huyen", "quan", "xa", "phuong", "tran"))


def _without_holder(written: str) -> str:
    """An office's name without its holder's: "Chủ tịch Chính phủ Cách mạng lâm thời Cộng hòa miền Nam Việt Nam
    Huỳnh Tấn Phát" -> "Chủ tịch Chính phủ Cách mạng lâm thời Cộng hòa miền Nam Việt Nam" (a person's name of three
    or four words, from a family name, after an office; a body named after a person keeps it: "Trường THPT Nguyễn
    Du", "Thành phố Hồ Chí Minh")."""
    words = written.split()
    office = fold(written).strip()
    if len(words) < 5 or not (_OFFICE_BEFORE_BODY_RE.match(office) or _ROLE_RE.match(office)):
        return written
    for k in (len(words) - 3, len(words) - 4):  # three or four words ("tỉnh Hà Giang" is a place)
        if words[k] in _surnames() and words[k] != "Hồ" and all(w[:1].isupper() for w in words[k:]):
            return " ".join(words[:k])
    return written


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(modern_tones(w).lower() for w in document_words("body_head"))


@lru_cache(maxsize=1)
def _longer_heads() -> tuple[str, ...]:
    """Heads of more words whose first folds like another head's ("Đại học", folded as "Đài")."""
    return tuple(modern_tones(w).lower() for w in listed_words(_WORDS, "issuer_head_longer"))


def _head_as_written(written: str) -> bool:
    """Whether a body's head word is written as such, marks and all: "Đài" heads a body, "Đại tướng Võ Nguyên
    Giáp đã ký ..." names a person ("Đại" and "Đài" fold alike, as "Trưởng" and "Trường"); a text typed without
    marks passes."""
    found = False
    for m in _ORG_HEAD_RE.finditer(fold(written)):
        head = written[m.start() : m.end()]
        if head.isascii() or modern_tones(head).lower() in _heads():
            return True
        if any(modern_tones(written[m.start() : m.start() + len(h)]).lower() == h for h in _longer_heads()):
            return True
        found = True
    return not found  # (no head at all: _org_name says what the name is)


# A local body's name ends with its place ("Ủy ban nhân dân tỉnh Đồng Nai"): one written short is completed by the
# document's province elsewhere, not here.
_LOCAL_LEVEL_END_RE = re.compile(rf"\s(?:{_LOCAL_LEVELS})\s")


@lru_cache(maxsize=4096)
def _within_code(written: str | None, coded: str | None) -> str | None:
    """The written issuer, or the one the code names when the written one is that name run on into the
    next words ("Chính phủ đảm bảo yêu cầu ..." after "145/2013/NĐ-CP của": "Chính phủ"), written
    with a word short ("Bộ Nông nghiệp và PTNT") or as its office and holder ("Thủ tướng Phạm Minh Chính")."""
    if written and coded and _office_of_person(written, coded):
        return coded
    if written and coded and fold(coded).startswith(fold(written) + " ") and not _LOCAL_LEVEL_END_RE.search(coded):
        return coded  # "Quyết định 1120/QĐ-TTg của Thủ tướng": the Thủ tướng Chính phủ
    bodies = coded.split(" và ") if written and coded else []
    parts = written.split(" - ") if written and len(bodies) > 1 else []
    if (
        len(bodies) > 1
        and len(parts) == len(bodies)
        and all(fold(body) in fold(part) for body, part in zip(bodies, parts, strict=True))
    ):
        return coded  # "Bộ trưởng Bộ Y tế - Bộ trưởng Bộ Quốc phòng" of a "TTLT-BYT-BQP": "Bộ Y tế và Bộ Quốc phòng"
    short = _SHORT_WORD_RE.search(written) if written and coded else None
    if (
        written
        and coded
        and short
        and short.start() > 0
        and not _SHORT_WORD_RE.search(coded)
        and fold(coded).startswith(fold(written[: short.start()]))
    ):
        return coded  # "Bộ Nông nghiệp và PTNT" of a "TT-BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn"
    if written and coded and len(written) > len(coded) and fold(written).startswith(fold(coded) + " "):
        words = written[len(coded) + 1 :].split()
        if all(w.strip(".").isdigit() for w in words):
            return coded  # "Thủ tướng Chính phủ 3" (before "3.5. Đề xuất ...", the next item of a list)
        if words and words[0][:1].islower() and (words[0] != "và" or len(words) > 1 and words[1][:1].islower()):
            return coded  # (but "Bộ Công an và Bộ Nông nghiệp và Môi trường" names two bodies)
    return written


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    """`text` in lower case, once for all the citations of a paragraph (a paragraph of 500 KB
    citing 4,000 documents was lower-cased 4,000 times)."""
    return text.lower()


_NEXT_CHAR_RE = re.compile(r"\s*(\S)")


_ABBREVIATION_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")


def _without_shouted_tail(name: str) -> str:
    """ "Bộ Công an TẢI VỀ" -> "Bộ Công an": words in capitals with a tone mark at the end of a name written in
    lower case are a page's words, not an abbreviation (those hold no tone mark: "UBND", "ĐHQG")."""
    words = name.split()
    keep = len(words)
    while keep > 1 and (
        len(w := words[keep - 1]) > 1 and w.isupper() and w.isalpha() and not set(w) <= _ABBREVIATION_LETTERS
    ):
        keep -= 1
    if keep == len(words) or not any(ch.islower() for ch in " ".join(words[:keep])):
        return name
    return " ".join(words[:keep])


def _org_after(text: str, start: int, several: bool = False) -> tuple[str, int]:
    """The issuer's name written from `start` ("Bộ trưởng Bộ Nội vụ quy định ..."), and where it ends;
    `several` bodies may follow each other after "giữa" ("giữa Bộ Công an, Viện kiểm sát ...")."""
    lower = _lowered(text)
    stop = _ISSUER_STOP_RE.search(lower, start)
    while (
        stop
        and lower[stop.start()] == ","
        and _upper_next(text, stop.end())
        and (several or _OFFICE_ONLY_RE.fullmatch(fold(text[start : stop.start()]).strip()))
    ):
        # "giữa Bộ Công an, Viện kiểm sát ...", "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
        stop = _ISSUER_STOP_RE.search(lower, stop.end())
    end = stop.start() if stop else len(text)
    words = text[start:end].split()
    most = 30 if several else 14  # several bodies' names are long
    if len(words) > most:
        end = start + len(" ".join(words[:most]))
    return _without_shouted_tail(text[start:end].strip()), end


def _upper_next(text: str, pos: int) -> bool:
    """Whether the first character after `pos` that is not a space is a capital."""
    m = _NEXT_CHAR_RE.match(text, pos)
    return bool(m and m.group(1).isupper())


def _date_after(folded: str, pos: int) -> re.Match | None:
    """The date written right after a number: "354/QĐ-UBND ngày 12/3/2018", "2753/TTr-STP 28/9/2022"."""
    gap = _GAP_RE.match(folded, pos)  # every part optional: it always matches
    pos = gap.end() if gap else pos
    dm = _date_at(folded, pos)
    year = _YEAR_GAP_RE.match(folded, pos) if dm is None else None
    if year:  # "Văn bản 4959/BCA-C06 năm 2025 ngày 04/11/2025": the year written first, then the date of that year
        dm = _date_at(folded, year.end())
        dm = dm if dm and (date_of(dm) or "")[:4] == year.group(1) else None
    return dm


def _date_at(folded: str, pos: int) -> re.Match | None:
    dm = DATE_RE.match(folded, pos)
    ngay = _NGAY_RE.match(folded, pos) if dm is None else None
    if ngay:
        dm = DATE_RE.match(folded, ngay.end())
    return dm


# "Luật sửa đổi, bổ sung một số điều của Luật X đã được Quốc hội thông qua ngày ...": the date is the amending law's.
_AMENDED_BEFORE_RE = re.compile(r"\bsua doi\b[^;.]{0,160}\bcua\s+(?:cac\s+)?$")


def _date_given(folded: str, pos: int, next_text: str = "", start: int = 0) -> tuple[str | None, int]:
    """The date written right after a number or name (`_date_after`) that starts at `start`, given by the
    clause ("... ban hành ngày ...", unless the document is named as the one an amendment amends), or
    completed by the next paragraph when a line break cut it ("ngày 08 tháng 6 năm" / "2010"); and where
    it ends."""
    dm = _date_after(folded, pos)
    if dm is None:
        verb = _DATED_BY_VERB_RE.match(folded, pos)
        if verb and not _AMENDED_BEFORE_RE.search(folded, max(0, start - 200), start):
            dm = _date_after(folded, verb.end())
    if dm is None and next_text and _DATE_CUT_RE.fullmatch(folded, pos):
        dm = _date_after(folded[pos:].rstrip() + " " + fold(next_text[:40]), 0)
        return (date_of(dm) if dm else None), len(folded)
    return (date_of(dm), dm.end()) if dm else (None, pos)


@lru_cache(maxsize=1)
def _next_citation_re() -> re.Pattern:
    return re.compile(r",\s+(?:va\s+)?(?:" + trie_pattern(_type_words()) + r")\s+(?:so\s*:?\s*)?\d")


def _subject_from(text: str, folded: str, start: int, limit: int, whole_rest: bool) -> str | None:
    """The trích yếu written from `start`: "về việc ban hành ...", "quy định ...", up to the clause end."""
    about = _ABOUT_RE.match(folded, start)
    if about:
        begin = about.end()
        word = folded[about.start() : about.end()].strip()
        if folded.startswith(word + " ", begin):
            begin += len(word) + 1  # "Công văn 191/STNMT-CCQLĐĐ về về cung cấp ...": the word typed twice
    else:
        verb = _SUBJECT_VERB_RE.match(folded, start)
        if not verb:
            return None
        begin = verb.end()
    end_m = _subject_end(_lowered(text), begin, limit)
    end = end_m.start() if end_m else limit
    rest = text[end_m.end() : limit] if end_m else ""
    if (
        whole_rest
        and end_m
        and text[end_m.start()] == ";"
        and ";" not in rest.rstrip(" ;.")
        and not SYMBOL_RE.search(rest)
    ):
        end = limit  # a "Căn cứ" line citing one document: its trích yếu may hold a ";"
    clause = _NEW_CLAUSE_RE.search(text, begin, end)
    end = clause.start() if clause else end
    # ", Nghị định số 137/2020/NĐ-CP ...": the next citation, unless this one amends a list of them.
    cited = _next_citation_re().search(folded, begin, end)
    if cited and "sua doi" not in folded[begin : cited.start()]:
        end = cited.start()
    for comma in _AFTER_NUMBER_COMMA_RE.finditer(text, begin, end):
        inside = text[begin : comma.start()]
        if inside.count("“") <= inside.count("”"):  # not inside a quoted name
            end = comma.start()
            break
    subject = text[begin:end]
    folded_subject = fold(subject)
    trim = _SUBJECT_TRIM_RE.search(folded_subject) if _may_trail(folded_subject) else None
    if trim:
        subject = subject[: trim.start()]
    subject = subject.strip(" ,;:").rstrip(".")  # ("... trực thuộc Bộ Quốc phòng.[61]")
    if subject.count('"') % 2 and subject.endswith('"'):
        subject = subject[:-1].rstrip()  # the quote a reference list closed the title with
    if subject and "?" in subject:
        return None  # a question's words ("... quy định về mẫu thẻ căn cước như thế nào?"), no trích yếu
    return subject if subject and not _NOT_A_SUBJECT_RE.fullmatch(fold(subject)) else None


_LUAT_RE = re.compile(r"(?<!\w)(?:bo )?luat(?!\w)")


def _law_name(text: str, folded: str, clause_start: int, so_start: int) -> str | None:
    """ "Luật Thi đua, khen thưởng" from "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15"."""
    for m in _LUAT_RE.finditer(folded[clause_start:so_start]):
        i = clause_start + m.start()
        if text[i].isupper() and len(text[i:so_start].split()) <= _AMENDING_WORDS:
            # (not a "Luật" far back in a run-on reference list: "*Luật Bầu cử đại biểu Quốc hội*(...)... theo Quyết
            # định cho phép xuất bản số 480/GP-STTTT")
            name = text[i:so_start].split("(")[0].strip(" ,")  # ("Luật Quốc phòng năm 2005 (luật số 39/2005/QH11")
            if _ENACTS_RE.search(folded, clause_start, i) and fold(name).startswith(
                ("luat sua doi", "bo luat sua doi")
            ):
                # "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 25/2008/QH12":
                # the enacting formula names the document itself; the number is the law it amends.
                amended = [a for a in _AMENDED_LAW_RE.finditer(name)]
                name = name[amended[-1].start(1) :] if amended else name
            return name if len(name.split()) > 1 else None
    return None


_ENACTS_RE = re.compile(r"(?:^|[.;:]\s*)quoc hoi ban hanh\s+$")
_ENACTING_RE = re.compile(r"[\W_]*quoc hoi ban hanh (?:bo )?luat [^.;:]+\.?[\W_]*")  # a paragraph of its own
_ENACTING_HEAD_RE = re.compile(r"[\W_]*quoc hoi ban hanh\s+")
_AMENDED_LAW_RE = re.compile(r"\bcủa\s+((?:Bộ luật|Luật)\s+[A-ZĐ])")


# The district or town of a local body: "Ủy ban nhân dân huyện Mộc Châu" -> ("huyện", "Mộc Châu").
_LOCAL_LEVEL_RE = re.compile(
    rf"(?<!\w)({written_alternatives('local_level', _WORDS)})\s+([A-ZĐ\u00C0-\u1EF8][^,;()]*)$"
)


def _organisation_of(issuer: str | None) -> str | None:
    """The party, union or association that issues a document ("Ban Chấp hành Hội Nông dân tỉnh An Giang"
    -> "Hội Nông dân tỉnh An Giang", also after its parent's name: "Hội Nông dân Việt Nam Ban Chấp hành
    Hội Nông dân tỉnh An Giang"); None for a state agency."""
    if not issuer:
        return None
    names = _short_names()
    folded = f" {fold(issuer)} "
    # Where the last organ named ends (fold keeps the length: one letter for one letter).
    after = max((folded.rfind(f" {o} ") + len(o) + 1 for o in names.organs if f" {o} " in folded), default=0)
    name = issuer[after:].strip()
    return name if fold(name).startswith(names.owners) else None


class _Context:
    """What the citations of one document share: its province, own symbol and issuer."""

    def __init__(self, header: Header):
        self.province = header.province
        self.own_key = symbol_key(header.symbol)
        self.own_date = header.issued_date
        own = SYMBOL_RE.fullmatch(header.symbol or "")
        self.own_issuer_segments = _folded_issuer_segments(symbol_of(own).code) if own else ()
        self.own_issuer = header.issuer
        own_level = _LOCAL_LEVEL_RE.search(header.issuer or "")
        self.own_level = (own_level.group(1), own_level.group(2)) if own_level else None
        self.own_organisation = _organisation_of(header.issuer)

    def local(self, issuer: str | None) -> str | None:
        """ "Ủy ban nhân dân huyện" in a document of the Ủy ban nhân dân huyện Mộc Châu is that district's;
        "Ban Thường vụ" in one of the Liên đoàn Lao động tỉnh Thái Bình is that union's."""
        if issuer and self.own_level and issuer.endswith(" " + self.own_level[0]):
            return f"{issuer} {self.own_level[1]}"
        if issuer and self.own_organisation and fold(issuer) in _short_names().organs:
            return f"{issuer} {self.own_organisation}"
        return issuer

    def issuer_of(self, sym: Symbol) -> str | None:
        segments = _folded_issuer_segments(sym.code)
        if segments and segments == self.own_issuer_segments[: len(segments)] and self.own_issuer:
            return self.own_issuer
        return issuer_of_code(sym.code, self.province)


def _cited_type(
    text: str, folded: str, clause_start: int, s: int, mentions: list[_Mention], prev_type: str | None
) -> tuple[str | None, int, str | None]:
    """The type word written before a number, where the citation starts, and a law's name.

    "Quyết định số 354/...", "Nghị định 91/...", "QĐ 354/...", "Báo cáo thẩm tra số 118/...",
    "Luật Tổ chức chính quyền địa phương số 72/...", a list's ", số 380/NQ-CP" (the type before).
    """
    before = folded[clause_start:s]
    head = before[: _so_tail_start(before)]
    t_last = None
    for t in _type_re().finditer(head):
        t_last = t
    is_law = bool(t_last and t_last.group(1) in ("luat", "bo luat"))
    if t_last and t_last.end() == len(head) and not (is_law and text[clause_start + t_last.start()].islower()):
        return t_last.group(1), clause_start + t_last.start(), None
    if mentions and mentions[-1].end >= clause_start and _LIST_TAIL_RE.search(head) and prev_type:
        return prev_type, clause_start + len(head) - len(head.lstrip()), None
    if _HAS_SO_RE.search(before) or (is_law and t_last is not None and text[clause_start + t_last.start()].isupper()):
        law = _law_name(text, folded, clause_start, clause_start + len(head))
        law_at = folded.find(fold(law), clause_start) if law else -1  # (fold keeps the length: text's index too)
        if law and t_last and not is_law and clause_start + t_last.start() > law_at:
            law = None  # "Luật Hiến pháp nước ngoài, ..., theo Quyết định cho phép xuất bản số 480/GP-STTTT": the nearer type
        if law:
            word = "bo luat" if folded.startswith("bo luat", law_at) else "luat"
            return word, law_at, law
        if t_last and _HAS_SO_RE.search(before) and len(head) - t_last.end() <= 60:
            return t_last.group(1), clause_start + t_last.start(), None
    return None, s, None


# "Ngày 5 tháng 10 năm 2020, tại Quyết định số 1518/QĐ-TTg, Thủ tướng Chính phủ điều động ...": the day of
# what the decision does, its date.
_DATE_AT_RE = re.compile(r"(?<!\w)ngay\s+[\d/.\-\s]+(?:thang\s+\d{1,2}\s+nam\s+\d{4})?\s*,\s*tai\s+$")
# "tại Quyết định số 01-QĐNS/TW ngày 5 tháng 2 năm 2021, Bộ Chính trị phân công ...": who acts in it issued it.
_ACTS_IN_IT_RE = re.compile(rf"\s*,\s*(?P<org>[^,;.()]{{3,60}}?)\s+(?:da\s+)?(?:{_folded('issuer_acts_in_it')})(?!\w)")


_ACTOR_WORDS = 8  # "Thủ tướng Chính phủ Phạm Minh Chính", not a clause ("Quy chế đã được sửa đổi lần thứ nhất theo")


def _actor(written: str) -> str:
    """ "Thủ tướng Nguyễn Xuân Phúc quyết định": the body written before what it does, its holder's name dropped."""
    stop = _ISSUER_STOP_RE.search(written.lower())
    return _without_holder(written[: stop.start()] if stop else written)


# The issuer before the date, the verb after it: "Chủ tịch Hồ Chí Minh, ngày 10/10/1945 đã ký Sắc lệnh số 45/SL".
_DATE_THEN_VERB_RE = re.compile(
    r",\s*ngay\s+(?P<date>\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|\d[\d/.\-]{3,10})\s+(?:(?:da|vua)\s+)*"
    rf"(?:{_folded('issuer_verb_before')})\s+(?:cac\s+)?$"
)
# A body deciding, the decision's own word for the verb: "Ngày 24 tháng 3 năm 1976, Chính phủ Việt Nam Quyết định số
# 17/QĐ-76 về việc ..." (the clause opens with the date, the body alone between).
_DATE_THEN_BODY_RE = re.compile(
    r"[\s\-–•*+]*ngay\s+(?P<date>\d{1,2}\s?([/.-])\s?\d{1,2}\s?\2\s?\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})"
    r"\s*,\s*(?P<org>[^,;.:()\[\]]{2,80}?)\s+"
)
_FIRST_CAPITAL_RE = re.compile(r"(?<!\w)[A-ZĐ\u00C0-\u1EF8]")
_BODY_WORDS = 8  # "Chính phủ Việt Nam", "Bộ trưởng Bộ Quốc phòng": a body's name, not a clause


def _body_named(written: str, province: str | None) -> str | None:
    """The body a few words name, from a capital on ("Vậy nên Chủ tịch Hồ Chí Minh" -> "Chủ tịch nước")."""
    written = _PAREN_RE.sub("", written).strip()
    for first in _FIRST_CAPITAL_RE.finditer(written):
        name = written[first.start() :]
        if len(name.split()) <= _BODY_WORDS and _head_as_written(name) and (body := _org_name(name, province)):
            # the whole of the words a body's name ("Tỉnh ủy tổ chức lễ công bố Quyết định ..." names no body)
            named = fold(name) in _short_names().full or fold(body) == fold(name)
            # (or completed with the document's place: "Ủy ban nhân dân tỉnh")
            local = fold(name).split()[-1] in _PLACE_LEVELS and fold(body).startswith(fold(name) + " ")
            return body if named or local else None
    return None


def _written_around_date(
    text: str, folded: str, clause_start: int, type_start: int, province: str | None
) -> tuple[str | None, str | None]:
    """Date and issuer a clause gives its one citation without a verb between them: "Chủ tịch Hồ Chí Minh, ngày
    10/10/1945 đã ký Sắc lệnh số 45/SL", "Ngày 24 tháng 3 năm 1976, Chính phủ Việt Nam Quyết định số 17/QĐ-76"."""
    m = _DATE_THEN_VERB_RE.search(folded, clause_start, type_start)
    if m:
        org_start = max(clause_start, folded.rfind(",", clause_start, m.start()) + 1)
        issuer = _body_named(text[org_start : m.start()], province)
    elif folded.startswith("quyet dinh ", type_start) and (
        m := _DATE_THEN_BODY_RE.fullmatch(folded, clause_start, type_start)
    ):
        issuer = _body_named(text[m.start("org") : m.end("org")], province)
    else:
        return None, None
    if issuer is None:
        return None, None
    db = DATE_RE.search(folded, m.start("date") - 5, m.end("date"))
    return (date_of(db) if db else None), issuer


# A reference list's entry: its author, the date, then the title, a document the author issued:
# 'HĐND tỉnh Bạc Liêu (ngày 28 tháng 4 năm 2025). "Nghị quyết số 13/NQ-HĐND về việc ..."'.
_AUTHOR_DATE_RE = re.compile(
    r"(?P<author>[^.;:()^\[\]\"“”]{3,80})\(ngay\s+(?P<date>\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})\)\s*\.\s*[\"“]\s*$"
)
_BACKLINK_RE = re.compile(r"^\s*(?:-\s*)?[a-z]{1,4}(?=[A-ZĐ])")  # the letters of a wiki's backlinks: "abcHĐND tỉnh ..."


def _dated_by_author(text: str, folded: str, type_start: int, issuer: str, province: str | None) -> str | None:
    """The date of a reference list's entry whose author is the cited document's issuer (the day it was issued)."""
    m = _AUTHOR_DATE_RE.search(folded, max(0, type_start - 140), type_start)
    if m is None:
        return None
    author = _BACKLINK_RE.sub("", text[m.start("author") : m.end("author")])
    written = author.strip()
    body = _org_name(written, province) if _head_as_written(written) else None
    # (the author's whole name, not a body named in it: "Báo Chính phủ" is a paper, its article no decree's)
    if body is None or fold(body) != fold(issuer) or len(body.split()) < len(written.split()):
        return None
    db = DATE_RE.search(folded, m.start("date") - 5, m.end("date"))
    return date_of(db) if db else None


def _written_before(
    text: str, folded: str, clause_start: int, type_start: int, province: str | None
) -> tuple[str | None, str | None]:
    """Date and issuer written before the citation: "Ngày 30/8/2024, Sở Nội vụ có Công văn số ...",
    "đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số ..."."""
    lead = folded[clause_start:type_start]
    issued = issuer = None
    # Each regex that reads back from the citation is tried only when its last words are there.
    dbm = (
        _DATE_BEFORE_RE.search(folded, clause_start, type_start)
        or _DATE_OPENS_RE.match(folded, clause_start, type_start)
        if "ngay" in lead
        else None
    )
    if dbm and (
        _DATE_AT_RE.search(lead)
        or _HAS_TAIL_RE.search(lead)
        and not _UNDATED_TAIL_RE.search(lead)
        and _HAS_RE.search(lead)
    ):
        db = DATE_RE.search(folded, dbm.start(), dbm.end())
        issued = date_of(db) if db else None
    om = _OF_AT_RE.search(lead) if _OF_AT_TAIL_RE.search(lead) else None
    base = clause_start
    if om is None:
        base = clause_start + lead.rfind(",") + 1
        om = _HAS_RE.search(folded, base, type_start) if _HAS_TAIL_RE.search(folded, base, type_start) else None
        base = 0
    if om:
        written = _without_holder(_PAREN_RE.sub("", text[base + om.start("org") : base + om.end("org")]))
        stop = _ISSUER_STOP_RE.search(written.lower())
        written = written[: stop.start()] if stop else written
        issuer = _org_name(written, province) if _head_as_written(written) else None
    if issued is None and issuer is None and "ngay" in lead:
        return _written_around_date(text, folded, clause_start, type_start, province)
    return issued, issuer


@lru_cache(maxsize=1)
def _typed_gap_re() -> re.Pattern:
    """Between two citations joined by "và", the second with its type word: " và Kết luận số "."""
    return re.compile(r"\s*,?\s*va\s+(?:" + trie_pattern(_type_words()) + r")\s+(?:so\s*:?\s*)?")


def _same_issuer_code(a: Symbol, b: Symbol) -> bool:
    """Both codes end with the same issuer's part ("35-CT/TW" and "118-KL/TW")."""
    sa, sb = _segments(a.code or ""), _segments(b.code or "")
    return len(sa) > 1 and len(sb) > 1 and fold(sa[-1]) == fold(sb[-1])


_SO_COLON_RE = re.compile(r"\s*so\s*:")
# A law's name, then its number in brackets: "Luật Quản lý thuế 2025 (Luật số 108/2025/QH15)".
_NAMED_BEFORE_RE = re.compile(r"(?P<law>(?:Bộ luật|Luật) [A-ZĐ][^()]{2,120}?)\s*(?:\(sửa đổi\)\s*)?\($")
_TYPE_OF_RE = re.compile(r"\s+cua\s+([^,;.()]{3,80}?)\s+so\s*:?\s*")
# Between two citations of one list: ", số ", " và ", "; các ".
_LIST_GAP_RE = re.compile(r"\s*(?:,|;|\bva\b)\s*(?:cac\s+)?(?:\bso\b\s*:?\s*)?")


# A code SYMBOL_RE stops short of: a year after a dash or slash ("17/QĐ-76", "3/NQ/1976", "03/NQ-1997-QH10"),
# or a body's name for its issuer part ("4412/QĐ-Đại học Quốc gia Hà Nội").
_CODE_GOES_ON = frozenset("-–/")
_CODE_TAIL_RE = re.compile(r"[-–/](?:19|20)?\d{2}(?:[-/][A-ZĐ0-9]+)*(?![\w/])")
_NAME_TAIL_RE = re.compile(r"[-–][A-ZĐ\u00C0-\u1EF8][a-zđ\u00E0-\u1EF9]")


@lru_cache(maxsize=1)
def _of_province_re() -> tuple[re.Pattern, dict[str, str]]:
    """ "của tỉnh Kiên Giang", "của thành phố Hà Nội" in a folded text, and each province's folded name."""
    _, by_folded = province_index()
    names = {written: fold(prov.name) for written, prov in by_folded.items()}
    return re.compile(r"\bcua\s+(?:tinh|thanh pho)\s+(" + trie_pattern(names) + r")(?!\w)"), names


def _of_another_province(subject: str, province: str) -> bool:
    """Whether a trích yếu is about another province's own matter than the document's province."""
    folded = fold(subject)
    if "cua " not in folded:
        return False
    pattern, names = _of_province_re()
    own = fold(province)
    found = [names[m.group(1)] for m in pattern.finditer(folded)]
    return bool(found) and own not in found


def _mentions_in(par: Paragraph, folded: str, ctx: _Context, next_text: str = "") -> list[_Mention]:
    text = par.text
    # Every symbol holds a "/" (after its number, or later in its code: "46-CT/TW"): tested first, cheaply.
    found = list(SYMBOL_RE.finditer(text)) if "/" in text else []
    if found and _SO_COLON_RE.match(folded) and found[0].start() < 12:
        found = found[1:]  # an attached document's own "Số: ..." line
    if not found:
        return []
    whole_rest = folded.lstrip().startswith("can cu")
    mentions: list[_Mention] = []
    prev_end = 0
    prev_type: str | None = None
    for i, m in enumerate(found):
        written = _unglued(symbol_of(m))
        sym = _without_footnote_mark(written)
        s, e = m.start(), m.end() - (len(written.text) - len(sym.text))
        stop = m.end()
        if (tally := m.group("year")) and len(tally) == 3 and "/" not in text[m.end("year") : m.start("code")]:
            # "với 416/416 ĐBQH tham gia biểu quyết": a vote, no document (a year slip keeps its "/")
            prev_end = m.end()
            continue
        if text[e : e + 1] in _CODE_GOES_ON and written is sym:
            if tail := _CODE_TAIL_RE.match(text, e):
                # "Quyết định số 17/QĐ-76", "Nghị định số 3/NQ/1976": the code goes on with the year
                code = sym.code + normalise_symbol(tail.group())
                sym = replace(sym, text=sym.text[: len(sym.text) - len(sym.code)] + code, code=code)
                e = stop = tail.end()
            elif _NAME_TAIL_RE.match(text, e):
                # "Quyết định số 4412/QĐ-Đại học Quốc gia Hà Nội": a body's name for a code, its symbol uncertain
                prev_end = m.end()
                continue
        if text[e:].strip() == "-" and next_text:  # "Thông tư số 07/2014/TT-" / "BNV."
            rest = CODE_CONTINUATION_RE.match(next_text)
            if rest:
                code = f"{sym.code}-{normalise_symbol(rest.group('code'))}"
                sym = replace(sym, text=sym.text[: len(sym.text) - len(sym.code)] + code, code=code)
        clause_start = prev_end
        for c in _CLAUSE_END_RE.finditer(folded, prev_end, s):
            clause_start = c.end()
        if _NOT_A_CITATION_RE.search(folded, max(prev_end, clause_start - 12), s):  # (": " ends a clause: "Số EOF: ")
            prev_end = m.end()
            continue
        word, type_start, law = _cited_type(text, folded, clause_start, s, mentions, prev_type)
        if (
            word == "luat"
            and law is None
            and (named_before := _NAMED_BEFORE_RE.search(text, max(0, type_start - 160), type_start))
        ):
            # "Luật Tổ chức chính quyền địa phương (sửa đổi) (Luật số 72/2025/QH15)": the law's name before its number
            at = named_before.start("law")
            name = text[at : _law_end(text, _lowered(text), at)].rstrip(" ,")
            if at + len(name) == named_before.end("law") and not _not_a_law_name(name):
                law, type_start = name, at  # (the name runs up to the brackets)
        if word is None and not _code_is_known(sym):
            prev_end = m.end()
            continue  # no type word and a code that names nothing: a DOI, a house number, a ratio, a form
        type_name = _type_name(word, sym)
        if type_name is None:
            prev_end = m.end()
            continue  # a Quốc hội's number without a type word: a Luật or a Nghị quyết, the text does not say
        prev_type = word or fold(type_name)

        # The date right after the number, then "của <issuer>", then "về việc <subject>".
        dm = _date_after(folded, stop)  # (after a footnote mark cut from the symbol: "NĐ-CP1 ngày ...")
        issued = date_of(dm) if dm else None
        year_written = None if dm else _YEAR_AFTER_RE.match(folded, stop)
        end = after = dm.end() if dm else stop
        issuer, rank = None, _NO_ISSUER
        of = _OF_RE.match(folded, end)
        if of:
            several = folded[of.start() : of.end()].strip(" ,") == "giua" or _joint(sym.code)
            written_org, org_end = _org_after(text, of.end(), several=several)
            province = None if _national_term(sym) else ctx.province
            issuer = _within_code(ctx.local(_org_name(_without_holder(written_org), province)), ctx.issuer_of(sym))
            if issuer:
                rank, after = _AFTER, org_end
                late = None if dm else _date_after(folded, org_end)  # "... của UBND tỉnh ngày 5/6/2020 về ..."
                if late:
                    issued, after = date_of(late), late.end()
        elif dm and (meeting := _MEETING_AFTER_RE.match(folded, end)):
            # "Nghị quyết 13-NQ/TW, ngày 16/8/1999 Hội nghị lần thứ bảy BCHTW Đảng (khóa VIII)": the body holding
            # the meeting, named without "của"
            window = _SESSION_RE.sub("", text[meeting.end() : meeting.end() + 160])
            words = _MEETING_WORDS_RE.match(fold(window))
            issuer = _org_name(_org_after(window, words.end())[0], None) if words else None
            rank = _AFTER if issuer else _NO_ISSUER
        if issuer is None and word and (between := _TYPE_OF_RE.fullmatch(folded, type_start + len(word), s)):
            # "Quyết định của Ban Bí thư số 100-QĐ/TƯ": the issuer between the type word and the number
            issuer = ctx.local(_org_name(text[between.start(1) : between.end(1)], ctx.province))
            rank = _AFTER if issuer else _NO_ISSUER
        if (
            rank in (_NO_ISSUER, _FROM_CODE)
            and folded.endswith("tai ", 0, type_start)
            and (acts := _ACTS_IN_IT_RE.match(folded, max(end, after)))
            and len((actor := _actor(text[acts.start("org") : acts.end("org")])).split()) <= _ACTOR_WORDS
            and _ORG_HEAD_RE.search(fold(actor))
            and _head_as_written(actor)
            and (acting := _org_name(actor, ctx.province))
        ):
            issuer, rank = _within_code(ctx.local(acting), ctx.issuer_of(sym)) or issuer, _AFTER
        if (
            rank == _NO_ISSUER
            and " do " in folded[after : after + 6]
            and (signed := _SIGNED_BY_RE.match(folded, after))
            and ctx.issuer_of(sym) is None
        ):
            # "công văn số 1393/VHTT-BTCM do Thứ trưởng Bộ Văn hóa - Thông tin Lưu Trần Tiêu ký ngày ..." (a code
            # that names its issuer wins: "Nghị định 96/CP do Thủ tướng Võ Văn Kiệt ký" is the Chính phủ's)
            signer = text[signed.start("org") : signed.end("org")]
            body = _org_name(_without_holder(signer), ctx.province) if _head_as_written(signer) else None
            if body:
                issuer, rank = ctx.local(body), _AFTER
        if issued is None:
            issued, after = _date_given(folded, after, next_text, type_start)
        subject = law or _subject_from(text, folded, after, len(text), whole_rest)
        by = _issued_by(subject, ctx.province) if subject and not law else None
        if subject and by:  # "... của Bộ luật Hình sự do Hội đồng Thẩm phán Tòa án nhân dân tối cao ban hành"
            subject = subject[: by[1]].rstrip(" ,") or None
            if rank < _AFTER:
                issuer, rank = by[0], _AFTER
        if issued is None and e >= len(text.rstrip(" ,;")) and next_text:
            dm = _date_after(fold(next_text), 0)  # a citation broken across paragraphs
            issued = date_of(dm) if dm else None
        date_before, issuer_before = _written_before(text, folded, clause_start, type_start, ctx.province)
        dated_before = issued is None and date_before is not None
        issued = issued or date_before
        if issuer is None and issuer_before and type_name == "Tờ trình":
            # "đề nghị của Trưởng ban Ban Thi đua - Khen thưởng tỉnh tại Tờ trình số 987/TTr-BTĐKT": a
            # submission is the proposer's own (the code alone would say the central Ban); a Công văn
            # "chỉ đạo của Thủ tướng Chính phủ tại Công văn số .../VPCP" is the Văn phòng's.
            issuer, rank = issuer_before, _BEFORE
        if issuer is None:
            issuer = ctx.issuer_of(sym)
            rank = _FROM_CODE if issuer else _NO_ISSUER
            if issuer and issuer_before and _written_names_it(issuer_before, issuer, sym):
                issuer = issuer_before  # "Năm 2020, UBND tỉnh Quảng Nam ban hành Quyết định số 3289/QĐ-UBND" on a page of Huế
        if issuer is None and issuer_before:
            issuer, rank = issuer_before, _BEFORE
        if (
            rank == _FROM_CODE
            and subject
            and ctx.province
            and fold(ctx.province) in fold(issuer or "")
            and _of_another_province(subject, ctx.province)
        ):
            # "Nghị quyết số 23/NQ-HĐND về việc ... của tỉnh Kiên Giang" on a page of Quảng Ninh: another
            # province's council, which the code alone does not name
            issuer, rank = None, _NO_ISSUER

        if issued is None and issuer and "(ngay " in folded[max(0, type_start - 40) : type_start]:
            issued = _dated_by_author(text, folded, type_start, issuer, ctx.province)

        group_next = bool(i + 1 < len(found) and _LIST_GAP_RE.fullmatch(folded[end : found[i + 1].start()]))
        joined_next = bool(
            not group_next
            and i + 1 < len(found)
            and _typed_gap_re().fullmatch(folded, end, found[i + 1].start())
            and _same_issuer_code(sym, symbol_of(found[i + 1]))
        )
        span_start = min(type_start, s)
        mentions.append(
            _Mention(
                symbol=sym,
                doc_type=type_name,
                issued_date=issued,
                issuer=issuer,
                issuer_rank=rank,
                subject=subject,
                span=Span(par.seq, span_start, e, text[span_start:e]),
                type_start=type_start,
                end=end,
                group_next=group_next,
                joined_next=joined_next,
                year=int(year_written.group(1)) if year_written else None,
                dated_before=dated_before,
            )
        )
        prev_end = max(end, after)
    return _share_in_lists(mentions)


def _share_in_lists(mentions: list[_Mention]) -> list[_Mention]:
    """ "số 6721/VPCP-V.I ngày ... và số 7514/VPCP-V.I ngày ... của Văn phòng Chính phủ": the last one's
    issuer and subject hold for the whole list; "các Quyết định số 101/QĐ-UBND, 102/QĐ-UBND và
    103/QĐ-UBND ngày 10/01/2024": so does its date, for those written without one. "Chỉ thị số 35-CT/TW
    ngày 14/6/2024 và Kết luận số 118-KL/TW ngày 18/1/2025 của Bộ Chính trị": two types of one issuer's
    code ("/TW") share the issuer; "Tờ trình số 386/TTr-CP và Đề án số 387/ĐA-CP ngày 09 tháng 5 năm 2025" (one
    body's, numbered together, the first without a date of its own) the date too. A date written before the list ("Ngày 25 tháng 7
    năm 2008, Bộ Quốc phòng ra Quyết định số 2192/QĐ-BQP, 2194/QĐ-BQP") holds for each number in it."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        if (
            (cur.group_next or cur.joined_next and _numbered_together(cur, nxt))
            and cur.issued_date is None
            and nxt.issued_date
        ):
            cur = out[i] = replace(cur, issued_date=nxt.issued_date)
        if cur.group_next and cur.issuer_rank < _AFTER and nxt.issuer_rank == _AFTER:
            out[i] = replace(cur, issuer=nxt.issuer, issuer_rank=_AFTER, subject=cur.subject or nxt.subject)
        elif cur.joined_next and cur.issuer_rank < _AFTER and nxt.issuer_rank == _AFTER:
            out[i] = replace(cur, issuer=nxt.issuer, issuer_rank=_AFTER)
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        if cur.group_next and cur.dated_before and nxt.issued_date is None:
            out[i + 1] = replace(nxt, issued_date=cur.issued_date, dated_before=True)
    return out


def _numbered_together(a: _Mention, b: _Mention) -> bool:
    """Whether two documents of one body were numbered one after the other (sent together, the same day):
    "Tờ trình số 386/TTr-CP và Đề án số 387/ĐA-CP ngày 09 tháng 5 năm 2025"; "Chỉ thị số 35-CT/TW và Kết
    luận số 118-KL/TW" were not."""
    na, nb = a.symbol.number, b.symbol.number
    return na.isdigit() and nb.isdigit() and 0 < int(nb) - int(na) <= 2


# A trích yếu that ends with who issued the document: "hướng dẫn áp dụng Điều 214 ... của Bộ luật Hình sự do Hội
# đồng Thẩm phán Tòa án nhân dân tối cao ban hành".
_ISSUED_BY_RE = re.compile(r"\s+do\s+(?P<org>[^,;]{3,120}?)\s+ban hanh$")


def _issued_by(subject: str, province: str | None) -> tuple[str, int] | None:
    """The body a trích yếu ends by naming as the issuer, and where that part starts; None when the trích yếu
    cites another document by number that the words could be about ("bãi bỏ Quyết định số 12/QĐ-UBND do UBND
    huyện ban hành"), or a law when the body is the Quốc hội."""
    if not fold(subject[-8:]) == "ban hanh":
        return None  # (the cheap test first)
    folded = fold(subject)
    by = _ISSUED_BY_RE.search(folded)
    if by is None:
        return None
    if SYMBOL_RE.search(subject, 0, by.start()) or (by.group("org").startswith("quoc hoi") and "luat " in folded):
        return None
    issuer = _org_name(subject[by.start("org") : by.end("org")], province)
    return (issuer, by.start()) if issuer else None


# Bodies the Chính phủ was named before 1992 ("Hội đồng Chính phủ ban hành Quyết định 185/1981/QĐ-CP"): a "CP" code's.
_FORMER_GOVERNMENTS = frozenset(("Hội đồng Chính phủ", "Hội đồng Bộ trưởng"))


def _written_names_it(written: str, coded: str, sym: Symbol) -> bool:
    """Whether the issuer written before the citation names the body its code stands for more precisely: a local
    body of another place than the document's ("UBND tỉnh Quảng Nam" for a "QĐ-UBND" cited on a page about Huế),
    or the Chính phủ under its former name."""
    if written == coded:
        return False
    if coded == "Chính phủ":
        return written in _FORMER_GOVERNMENTS
    local = any((known := _known_issuer(s)) and known.local for s in _issuer_segments(sym.code))
    return (
        local and fold(written).split()[:3] == fold(coded).split()[:3] and _PROPER_NAME_RE.search(written) is not None
    )


# "nghị quyết số 26-NQ/TW năm 1980": not the 26-NQ/TW of 2018 the document cites elsewhere (Party numbers run per term).
# (not when a date of another year follows: "Quyết định số 13/QĐ-UBND năm 2024 ngày 04/11/2025" says neither for sure)
_YEAR_AFTER_RE = re.compile(r"\s*(?:\[\d{1,3}\]\s*)?nam\s+((?:19|20)\d{2})(?!\d)(?!\s*,?\s*(?:ngay\s+)?\d)")
_MEETING_AFTER_RE = re.compile(r"\s*,?\s*(?=hoi nghi\s)")
_SESSION_RE = re.compile(r"\s*\(lần\s+\d+\)")  # "Hội nghị lần thứ sáu (lần 1) BCHTW"
# The issuer part of a code of the Quốc hội's bodies holds the term's number ("BC-UBPLTP15", "UBPL13", "QH15").
_TERM_CODE_RE = re.compile(r"[A-ZĐ]{2,}1[0-6]")


def _national_term(sym: Symbol) -> bool:
    """Whether the code is that of a body of the Quốc hội, named with its term ("414/BC-UBPLTP15"): the
    "Ủy ban Pháp luật và Tư pháp" it cites is the Quốc hội's, not one of the document's province."""
    last = _segments(sym.code)[-1] if sym.code else ""
    return _TERM_CODE_RE.fullmatch(last) is not None


def _code_is_known(sym: Symbol) -> bool:
    """Whether a code names a type of document or a body that issues them ("QĐ-TTg", "VPCP-CN", "QH15"),
    as a number written without a type word must ("doi:10.1017/S0021911818000505", "781/B1-B3-B5 Lê Hồng
    Phong", "472/484 ĐB có mặt" are no citations)."""
    return bool(type_of_code(sym.code, sym.text)) or any(_known_issuer(s) for s in _segments(sym.code))


# Types whose code every symbol of theirs carries: the code names the type whatever word the writer put.
_CODED_TYPES = frozenset(("Nghị định", "Nghị quyết", "Quyết định", "Thông tư"))
# The code of what the Quốc hội and its Ủy ban Thường vụ pass, whatever its type: "QH13", "UBTVQH15".
_ASSEMBLY_CODE_RE = re.compile(r"(?:UBTV)?QH\d{1,2}")


def _type_name(word: str | None, sym: Symbol) -> str | None:
    """The cited type as a full word; "Văn bản" gives way to the type the code names."""
    return _type_of(word, sym.code, sym.text)


@lru_cache(maxsize=4096)
def _type_of(word: str | None, code: str, text: str) -> str | None:
    named = type_named(word) if word else None
    coded = type_of_code(code, text)
    if (
        named
        and coded
        and named.name in _CODED_TYPES
        and coded.name in _CODED_TYPES
        and len(_segments(code)) > 1
        and _known_issuer(_segments(code)[1])
    ):
        return coded.name  # a slip of the writer's: "Nghị định số 11/NQ-CP" is the Nghị quyết the code says
    if named and not (named.name == "Văn bản" and coded):
        return named.name
    if coded:
        return coded.name
    if named:
        return named.name
    # A number without a type word is a Công văn's ("2453/UBND-KT"), unless the Quốc hội or its Ủy ban
    # Thường vụ issues it ("83/2015/QH13", "81/2025/UBTVQH15"): a Luật, Nghị quyết or Pháp lệnh, not said.
    return None if _ASSEMBLY_CODE_RE.fullmatch(code) else "Công văn"


# --- Documents cited by a number without a code -------------------------------------------


@lru_cache(maxsize=1)
def _number_only_re() -> re.Pattern:
    """ "Quyết định số 1234 ngày 5/6/2020": a type word, "số", a bare number, then a date; or a number and
    a code after a dash, as symbols were written before the "/" ("Quyết định số 176-HĐBT ngày 09 tháng 9
    năm 1989", "Nghị định số 64-CP")."""
    needs_code = {fold(w) for w in listed_words(_WORDS, "type_word_needs_code")}
    types = trie_pattern(w for w in _type_words() if w not in needs_code)
    return re.compile(r"(?<![\w/])(" + types + r")\s+so\s*:?\s*(\d{1,6})(?:-([a-z]{2,8}))?(?![\w/.\-])")


# What every match of _number_only_re() holds; it starts with "so", which the regex engine finds fast.
_BARE_NUMBER_RE = re.compile(r"so\s*:?\s*\d{1,6}(?:-[a-z]{2,8})?(?![\w/.\-])")


def _numbers_in(par: Paragraph, folded: str, ctx: _Context, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Documents cited by type and bare number, dated so that they can be told apart."""
    text = par.text
    found = []
    if not _BARE_NUMBER_RE.search(folded):
        return []  # the cheap test first: "so" before a bare number
    for m in _number_only_re().finditer(folded):
        code = text[m.start(3) : m.end(3)] if m.group(3) else ""
        if any(a <= m.start() < b for a, b in taken) or (code and not code.isupper()):
            continue
        dm = _date_after(folded, m.end())
        if not dm:
            continue
        end = dm.end()
        issuer, rank = None, _NO_ISSUER
        of = _OF_RE.match(folded, end)
        after = end
        if of:
            written_org, org_end = _org_after(text, of.end())
            issuer = ctx.local(_org_name(written_org, ctx.province))
            if issuer:
                rank, after = _AFTER, org_end
        number = m.group(2)
        named = type_named(m.group(1))  # the pattern's type words are the types' own: never None
        if named is None:
            continue
        found.append(
            _Mention(
                symbol=Symbol(text=f"{number}-{code}" if code else number, number=number, year=None, code=code),
                doc_type=named.name,
                issued_date=date_of(dm),
                issuer=issuer,
                issuer_rank=rank,
                subject=_subject_from(text, folded, after, len(text), False),
                span=Span(par.seq, m.start(), m.end(), text[m.start() : m.end()]),
                type_start=m.start(),
                end=end,
                group_next=False,
            )
        )
    return found


# --- Laws cited by name only ---------------------------------------------------------------

# Each look-behind after the first letter: the regex engine skips to a "B" or an "L".
_LAW_RE = re.compile(r"B(?<!\wB)ộ [lL]uật (?=\w)|L(?<!\wL)uật (?=[A-ZĐ]|sửa đổi)")


def _may_name_a_law(text: str) -> bool:
    """Whether `_LAW_RE` can match: every match holds "Luật " or "ộ luật " ("Bộ luật "; not "pháp luật ")."""
    return "uật " in text and ("Luật " in text or "ộ luật " in text)  # (the first test, one search, fails most)


# Where a law's name ends (lower-cased text): "Luật Thi đua, khen thưởng ngày ...", "Luật Viên chức và ...".
# (not the end word of a name's own words: "Luật Phòng không nhân dân")
_LAW_END_RE = re.compile(
    "".join(rf"(?<!{re.escape(w.rsplit(' ', 1)[0])})" for w in listed_words(_WORDS, "law_name_inner"))
    + rf"\s(?:{_lower('law_name_end')}|(?:{_lower('law_name_end_unless_year')})(?!\s+(?:19|20)\d\d\b))(?!\w)"
    rf"|[;.:()“”\"?\[^|*]|,|\svà(?!\s+(?:{_lower('law_name_and_inner')})(?!\w))"
    rf"(?=\s+(?-i:[A-ZĐ])|\s+(?:{_lower('law_name_end_after_and')})\b)"
    r"|(?:(?<=\s19\d\d)|(?<=\s20\d\d))(?=\s)"  # after its year: "Luật Trật tự, an toàn giao thông 2024 như sau"
    # before another document's type, capitalised: "Luật Mặt trận Tổ quốc Việt Nam Nghị định Chính phủ Nghị quyết ..."
    # (or glued on where a list's markup was dropped: "Luật Bầu cử đại biểu Hội đồng nhân dânnăm 2003Nghị định")
    r"|(?:\s|(?<=\w))(?-i:Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Pháp lệnh|Hiến pháp)\s"
    r"|(?<=[^\W\d_])(?=năm\s(?:19|20)\d\d)",
    re.IGNORECASE,
)
# An amending law runs to its date or number: "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B ngày ...".
# Or to what the writer says of it: "... của Luật Sở hữu trí tuệ, trong đó ...", "... đã được Quốc hội thông qua",
# "Luật sửa đổi Bộ luật Hình sự 2017 có quy định như sau".
_AMENDING_END_RE = re.compile(
    r"\s(?:ngày|số)\s+\d|[;.:()“”\"^]|,\s(?:trong đó|theo đó|(?=(?:nghị định|nghị quyết|thông tư|quyết định)\s))"
    r"|\s(?:đã|đang|được|mà|có quy định|có hiệu lực|quy định|như sau|thì|gồm|với|phù hợp)(?!\w)"
    # or to its year: "... Luật Xử lý vi phạm hành chính 2024 và Luật Ngân sách nhà nước 2025" cites two laws
    r"|(?:(?<=\s19\d\d)|(?<=\s20\d\d))(?=[\s,])"
)
# An amending law's name names the laws it amends: "... của Luật Quốc tịch", "Luật sửa đổi 11 luật về ...".
_AMENDS_A_LAW_RE = re.compile(r"(?:Bộ luật|Luật)\s+[A-ZĐ]|\d+\s+[Ll]uật\b")
_LAW_YEAR_RE = re.compile(r"\s+năm\s+(?:19|20)\d{2}")
# "Luật Hôn nhân và Gia đình sửa đổi năm 2014", "Luật Sở hữu trí tuệ sửa đổi 2022": the amended law, a law of
# that year, not the first one of the name (without a year, "sửa đổi" ends the name: often a bill).
_AMENDED_IN_RE = re.compile(r"\s+sửa đổi(?:,? bổ sung)?\s+(?:năm\s+)?(?:19|20)\d{2}(?!\d)")


_COMMA_WORD_RE = re.compile(r",\s*(\w+)")
_COMMA_NEXT_RE = re.compile(r",\s(\w)")
_NEXT_LAW_RE = re.compile(r"(?:Bộ luật|Luật)\s")
# The word after a comma that starts a list rather than a name's second half ("Luật A, các ...").
_LIST_AFTER_COMMA = frozenset(w.lower() for w in listed_words(_WORDS, "law_name_list_after_comma"))


@lru_cache(maxsize=1)
def _law_title_re() -> re.Pattern:
    """The titles of data/law_titles.tsv in lower case, a longer one first, as whole words; a comma inside one
    may be left out ("Luật Quản lý sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ")."""
    titles = alternatives(r["title"].lower() for r in data.rows("law_titles.tsv"))
    return re.compile("(?:" + titles.replace(r",\ ", r",?\ ") + r")(?!\w)")


_TITLE_NEXT_WORD_RE = re.compile(r" (\w+)")
# After a known title, the lower-case words that go on with the name: its year, its amendment ("Luật Sở hữu trí tuệ
# sửa đổi 2022"), the country's name ("Luật Cư trú nước Cộng hòa xã hội chủ nghĩa Việt Nam 2020"); any other ends
# it (a longer title is listed itself: "Luật Căn cước công dân").
_TITLE_GOES_ON = frozenset(("năm", "sửa", "nước"))

# The words after a comma that joins a name's two halves, up to where the name ends: a few ("Luật Trật tự, an
# toàn giao thông đường bộ"), not a list of other sources ("Luật Căn cước, điều ước quốc tế và thỏa thuận ...").
_SECOND_HALF_WORDS = 5


def _law_end(text: str, lower: str, start: int) -> int:
    """Where a law's name written from `start` ends: past a known title (data/law_titles.tsv: "Luật Phòng cháy,
    chữa cháy và cứu nạn, cứu hộ"), then to the first word that ends a name; one comma may join a short name's
    two halves ("Luật Thi đua, khen thưởng", "Luật Cán bộ, công chức"), not a list ("Luật A, Luật B, các ..."),
    a new clause ("Luật Đấu thầu, Chính phủ quyết định ...") nor what follows a known title."""
    if lower.startswith(("luật sửa đổi", "bộ luật sửa đổi"), start):
        stop = _AMENDING_END_RE.search(lower, start)
        end = stop.start() if stop else len(lower)
        for comma in _COMMA_NEXT_RE.finditer(text, start, end):
            # "... của Luật Quốc tịch Việt Nam, Bộ trưởng Bộ Tư pháp cho biết": a new clause after the comma
            if comma.group(1).isupper() and not _NEXT_LAW_RE.match(text, comma.start(1)):
                law = lower.rfind("luật ", start, comma.start())
                title = _law_title_re().match(lower, law) if law >= 0 else None
                if title is None or title.end() <= comma.start():  # (not "Luật Thi đua, Khen thưởng")
                    return comma.start()
        return end
    title = _law_title_re().match(lower, start)
    after_title = _TITLE_NEXT_WORD_RE.match(text, title.end()) if title else None
    if title and after_title and after_title.group(1)[:1].islower() and after_title.group(1) not in _TITLE_GOES_ON:
        return title.end()  # "Luật Bảo hiểm xã hội bằng mức lương cơ sở", "Luật Đấu thầu bằng tiếng Việt"
    commas = 1 if title else 0
    pos = title.end() if title else start + 5
    while True:
        stop = _LAW_END_RE.search(text, pos)
        if stop is None:
            return len(lower)
        if lower[stop.start()] == "," and commas == 0 and len(lower[start : stop.start()].split()) <= 3:
            after = _COMMA_WORD_RE.match(lower, stop.start())
            if after and after.group(1) not in _LIST_AFTER_COMMA and text[after.start(1)].islower():
                half = _LAW_END_RE.search(text, stop.end())
                if len(lower[stop.end() : half.start() if half else len(lower)].split()) <= _SECOND_HALF_WORDS:
                    commas, pos = 1, stop.end()
                    continue
        year = _LAW_YEAR_RE.match(lower, stop.start()) or _AMENDED_IN_RE.match(lower, stop.start())
        return year.end() if year else stop.start()


_TRAILING_AND_RE = re.compile(r"(?:\s+(?:và|hoặc))+$")
_NOT_LAW_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_folded('not_law_before')})\s+$")
_LAW_WORD_RE = re.compile(r"^(?:bo\s+)?luat\s*")
_NOT_A_LAW_NAME_RE = re.compile(rf"(?:{_folded('not_a_law_name')})?(?:\s+(?:nam\s+)?(?:19|20)\d\d)?")
_LAW_FIELD_RE = re.compile(rf"(?:{_folded('not_a_law_field')})(?!\w)")
# A law no Quốc hội passed: "Luật Hồng Đức" (the Lê dynasty's code).
_NOT_PASSED_RE = re.compile(rf"(?:bo\s+)?luat\s+(?:{_folded('law_of_old')})(?!\w)")
# A bill never passed: "dự án Luật Biểu tình", "Luật Đặc khu" (no document to cite).
_BILL_RE = re.compile(rf"(?:{_folded('law_bill')})(?!\w)")


def _not_a_law_name(name: str) -> bool:
    """ "Luật Việt Nam", "Bộ luật này", "Bộ luật": what follows the word names no law."""
    folded = fold(name)
    word = _LAW_WORD_RE.match(folded)
    rest = folded[word.end() :] if word else folded
    # ("Bộ luật này và luật khác có liên quan": the code's own words, whatever follows them)
    return (
        _NOT_A_LAW_NAME_RE.fullmatch(rest) is not None
        or rest.startswith("nay ")
        or _LAW_FIELD_RE.match(rest) is not None
        or _BILL_RE.match(rest) is not None
    )


# "Ngày 2 tháng 12 năm 1997, Quốc hội khóa X thông qua Luật Ngân hàng Nhà nước Việt Nam": the date the clause
# opens with (after a word or two: "Đặc biệt, ngày 25/11/2015, Quốc hội ..."), when the law is what it says was passed.
_PASSED_BEFORE_RE = re.compile(
    r"(?:^[\s\-–•*+]*|[.;](?:\[\d{1,3}\])*\s+)(?:\w+(?:\s\w+)?\s*,\s*)?ngay\s+(?P<date>\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})\s*[,:]"
    r"\s*quoc hoi\b[^;.:]{0,80}?\s(?:da\s+)?thong qua\s+$"
)


def _passed_before(folded: str, start: int) -> str | None:
    m = (
        _PASSED_BEFORE_RE.search(folded, max(0, start - 160), start)
        if "thong qua" in folded[max(0, start - 12) : start]
        else None
    )
    dm = DATE_RE.search(folded, m.start("date") - 5, m.end("date")) if m else None
    return date_of(dm) if dm else None


# The most words an amending law's name holds: "Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế
# toán, ..., Luật Xử lý vi phạm hành chính" (56/2024/QH15, nine laws) holds 47.
_AMENDING_WORDS = 60


# A law another country's parliament passed: "nghị viện Ukraina thông qua Luật Độc lập" (no Quốc hội's).
_FOREIGN_PASSED_RE = re.compile(
    r"\b(?:nghi vien|ha vien|thuong vien)\b[^;.:]{0,60}?\s(?:da\s+)?(?:thong qua|ban hanh)\s+$"
)
_DASH_RE = re.compile(r"\s[-–—]\s")


@lru_cache(maxsize=1)
def _of_country_re() -> re.Pattern:
    """ "Luật Cơ bản sửa đổi của Nga", "Luật Dân quyền của Hoa Kỳ": another state's law, matched on the lower-cased
    text after the law's name (the country's first letter is checked in the written text)."""
    return re.compile(
        r"\s*(?:\(?sửa đổi(?:,? bổ sung)?\)?\s+)?của\s+(?:nước\s+)?"
        rf"(?P<country>{alternatives(scanner_words().country)})(?!\w)"
    )


# A treaty named after the law it makes: "Công ước Liên Hợp Quốc về Luật biển năm 1982" (no Quốc hội's law).
_TREATY_ABOUT_RE = re.compile(r"\bcong uoc\b[^.;,()]{0,60}\bve\s+$")


def _laws_in(
    par: Paragraph, folded: str, taken: list[tuple[int, int]], next_text: str = "", foreign: set[str] | None = None
) -> list[tuple[str, str | None, Span]]:
    """Laws cited by name without a number ("Luật Thi đua, khen thưởng ngày 26/11/2003"); the names of laws
    another country's parliament passed are added to `foreign`."""
    text = par.text
    if not _may_name_a_law(text):
        return []  # (tested first, cheaply)
    lower = _lowered(text)
    found = []
    last_end = 0
    for m in _LAW_RE.finditer(text):
        start = m.start()
        if start < last_end or any(a <= start < b for a, b in taken):
            continue
        if "vien " in folded and _FOREIGN_PASSED_RE.search(folded, max(0, start - 80), start):
            last_end = _law_end(text, lower, start)
            if foreign is not None:
                foreign.add(_law_key(text[start:last_end].rstrip(" ,"), None)[0])
            continue
        if _NOT_LAW_BEFORE_RE.search(folded, max(0, start - 16), start) or (
            "cong uoc" in folded and _TREATY_ABOUT_RE.search(folded, max(0, start - 80), start)
        ):
            # (a field of study: "Trường Đại học Luật Hà Nội", "Thạc sĩ Luật Quốc tế"; a bill: "dự án Luật sửa
            # đổi, bổ sung một số điều của Luật Sở hữu trí tuệ", the laws it names with it)
            last_end = _law_end(text, lower, start)
            continue
        end = _law_end(text, lower, start)
        if (
            "của " in lower[end : end + 24]
            and (country := _of_country_re().match(lower, end))
            and text[country.start("country")].isupper()
        ):
            last_end = end  # "Luật Cơ bản sửa đổi của Nga ngày 20 tháng 2 năm 1906": no Quốc hội's
            if foreign is not None:
                foreign.add(_law_key(text[start:end].rstrip(" ,"), None)[0])
            continue
        if start < 40 and _ENACTING_RE.fullmatch(folded) and _ENACTING_HEAD_RE.fullmatch(folded, 0, start):
            last_end = end  # "Quốc hội ban hành Luật Việc làm.": the enacting formula of the law itself
            continue
        # ("Bộ luật Lao động và bị suy giảm ...", "Luật Tổ chức Quốc hội 2014- ^")
        name = _TRAILING_AND_RE.sub("", text[start:end].rstrip(" ,-–"))
        dash = _DASH_RE.search(name) if " – " in name or " - " in name or " — " in name else None
        if dash and _ORG_HEAD_RE.match(fold(name[dash.end() :])):
            # "Bộ luật Lao động – Quốc hội nước Cộng hòa ...": who passed it, in a reference list
            name = name[: dash.start()]
        amending = lower.startswith(("luật sửa đổi", "bộ luật sửa đổi"), start)
        if amending and len(name.split()) > _AMENDING_WORDS:
            last_end = end  # the laws it amends are no citations of their own, its name is not certain
            continue
        if (
            not 2 <= len(name.split()) <= (_AMENDING_WORDS if amending else 30)
            or _not_a_law_name(name)
            or (amending and not _AMENDS_A_LAW_RE.search(name, 5))
            or (amending and _ENACTS_RE.search(folded, max(0, start - 40), start))
        ):  # (the document itself)
            continue
        last_end = end
        issued = _date_given(folded, end, next_text, start)[0] or _passed_before(folded, start)
        found.append((name, issued, Span(par.seq, start, start + len(name), name)))
    return found


# --- The document's citations --------------------------------------------------------------


def _year_of(ref: LegalRef) -> int | None:
    """The year a symbol gives ("50/2024/NĐ-CP"), else its date's (a page's slip "50/2024/NĐ-CP ngày
    28/02/2025" written twice is one document)."""
    if ref.year:
        return ref.year
    return int(ref.issued_date[:4]) if ref.issued_date else None


def _same_document(a: LegalRef, b: _Mention, b_year: int | None) -> bool:
    """The same number from the same issuer in the same year is one document (numbers run per issuer
    and year), whatever type word the writer put: "2346/HD-ĐHM" and later "2346/QĐ-ĐHM"."""
    if symbol_key(a.symbol) == symbol_key(b.symbol.text):
        ya = _year_of(a)
        return not (ya and b_year and ya != b_year)
    ya = _year_of(a)
    if a.number != b.symbol.number or not (ya or b_year) or (ya and b_year and ya != b_year):
        return False
    sa, sb = _segments(a.code or ""), _segments(b.symbol.code)
    if not sa or not sb:  # "Quyết định số 354 ngày 12/3/2018" and "Quyết định số 354/QĐ-UBND ngày 12/3/2018"
        return bool(ya and b_year) and a.doc_type == b.doc_type
    return fold(sa[-1]) == fold(sb[-1])


_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_WRITTEN_YEAR_RE = re.compile(r"^\d+(?:\.\d+)?/(\d{2,5})/")


def _better_symbol(kept: LegalRef, new: Symbol) -> bool:
    """Whether `new` is a better spelling of the same symbol ("45/2010/NĐ-CP" over "45/25010/NĐ-CP",
    "354/QĐ-UBND" over "354")."""
    if not kept.code and new.code:
        return True
    written = _WRITTEN_YEAR_RE.match(kept.symbol or "")
    slip = written is not None and not _YEAR_RE.fullmatch(written.group(1))
    return slip and new.year is not None and new.number == kept.number and symbol_key(new.code) == symbol_key(kept.code)


_DIGIT_RE = re.compile(r"\d")


def find_legal_refs(doc: Document, header: Header) -> tuple[LegalRef, ...]:
    """Every document cited by number (and every law cited by name), one entry per document."""
    ctx = _Context(header)
    refs: list[LegalRef] = []
    ranks: list[int] = []
    foreign: set[str] = set()
    pars = doc.paragraphs
    for k, par in enumerate(pars):
        has_digit = _DIGIT_RE.search(par.text) is not None
        if not has_digit and not _may_name_a_law(par.text):
            continue  # every citation has a number, or names a law
        written = par.text
        folded = fold(written)
        # (a Cyrillic letter stays one when folded: an ASCII fold, as most are, holds none, and needs no search)
        latin = latin_lookalikes(written) if has_digit and not folded.isascii() else written
        if latin is not written:
            par = replace(par, text=latin)  # "66/NQ-СР" (Cyrillic С, Р) is "66/NQ-CP"
            folded = fold(latin)
        taken = []
        next_text = pars[k + 1].text if k + 1 < len(pars) else ""
        mentions = _mentions_in(par, folded, ctx, next_text) if has_digit else []
        if latin is not written:  # the spans quote the text as written
            mentions = [replace(m, span=replace(m.span, text=written[m.span.start : m.span.end])) for m in mentions]
        for mention in mentions:
            taken.append((mention.type_start, mention.end))
            if symbol_key(mention.symbol.text) == ctx.own_key and not _dated_apart(mention, ctx.own_date):
                continue  # the document's own number, not a citation
            _add(refs, ranks, mention)
        for mention in _numbers_in(par, folded, ctx, taken) if has_digit else ():
            _add(refs, ranks, mention)
        for name, issued, span in _laws_in(par, folded, taken, next_text, foreign):
            _add_law(refs, ranks, name, issued, span)
    if foreign:  # "nghị viện Ukraina thông qua Luật Độc lập": the page's other mentions of it are no Quốc hội's either
        refs = [
            r
            for r in refs
            if r.symbol or r.doc_type not in ("Luật", "Bộ luật") or _law_key(r.subject, None)[0] not in foreign
        ]
    return tuple(_without_note_marks(refs))


def _without_note_marks(refs: list[LegalRef]) -> list[LegalRef]:
    """A footnote's number glued to a symbol the document also writes without it ("Hướng dẫn 2345/HD-ĐHM2"
    and "Hướng dẫn số 2345/HD-ĐHM"): one document, the symbol as written elsewhere (R10)."""
    at = {symbol_key(r.symbol): i for i, r in enumerate(refs) if r.symbol}
    dropped = set()
    for i, ref in enumerate(refs):
        if not ref.symbol or not ref.symbol[-1].isdigit() or not ref.symbol[-2:-1].isalpha():
            continue
        j = at.get(symbol_key(ref.symbol[:-1]))
        if j is None or j in dropped or (ref.year and refs[j].year and ref.year != refs[j].year):
            continue
        kept = refs[j]
        refs[j] = replace(
            kept,
            spans=kept.spans + ref.spans,
            issued_date=kept.issued_date or ref.issued_date,
            subject=kept.subject or ref.subject,
        )
        dropped.add(i)
    return [r for i, r in enumerate(refs) if i not in dropped]


def _dated_apart(mention: _Mention, own_date: str | None) -> bool:
    """Whether a citation of the document's own number is dated another year: "thay thế Quy chế số
    01/QC-KTĐDN ngày 18/02/2022" in the Quy chế 01/QC-KTĐDN of 2023 cites the one it replaces."""
    return bool(mention.issued_date and own_date and mention.issued_date[:4] != own_date[:4])


def _add(refs: list[LegalRef], ranks: list[int], m: _Mention) -> None:
    sym = m.symbol
    year = sym.year or (int(m.issued_date[:4]) if m.issued_date else None) or m.year
    key = symbol_key(sym.text)
    for i, ref in enumerate(refs):
        # (what _same_document needs, the same key or number, tested first: most documents have neither)
        if ref.symbol and (ref.number == sym.number or symbol_key(ref.symbol) == key) and _same_document(ref, m, year):
            better_issuer = m.issuer_rank > ranks[i]
            keep_symbol = not _better_symbol(ref, sym)
            refs[i] = replace(
                ref,
                symbol=ref.symbol if keep_symbol else sym.text,
                code=ref.code if keep_symbol else sym.code,
                year=ref.year if keep_symbol else (sym.year or ref.year),
                issued_date=ref.issued_date or m.issued_date,
                issuer=m.issuer if better_issuer else ref.issuer,
                subject=ref.subject or m.subject,
                doc_type=ref.doc_type or m.doc_type,
                spans=ref.spans + (m.span,),
            )
            ranks[i] = max(ranks[i], m.issuer_rank)
            return
    refs.append(
        LegalRef(
            doc_type=m.doc_type,
            symbol=sym.text,
            number=sym.number,
            issued_date=m.issued_date,
            issuer=m.issuer,
            subject=m.subject,
            year=year,
            code=sym.code,
            spans=(m.span,),
        )
    )
    ranks.append(m.issuer_rank)


_NAMED_YEAR_RE = re.compile(r"^(.*?)(?: nam ((?:19|20)\d{2}))?$")


@lru_cache(maxsize=4096)
def _law_key(name: str | None, issued: str | None) -> tuple[str, str | None]:
    """A law's folded name without "năm 2023", and its year ("Luật Giáo dục năm 2019" -> 2019)."""
    key = fold_key(name)
    m = _NAMED_YEAR_RE.match(key)  # None only for a name across lines ("." stops at a line break)
    if m is None:
        return key, issued[:4] if issued else None
    return m.group(1), m.group(2) or (issued[:4] if issued else None)


# The year of the Quốc hội's first laws (Hiến pháp 1946): a law named with an earlier year is another's
# ("Bộ luật lao động sửa đổi năm 1938", a colony's).
_FIRST_LAWS = 1946


def _add_law(refs: list[LegalRef], ranks: list[int], name: str, issued: str | None, span: Span) -> None:
    key, year = _law_key(name, issued)
    for i, ref in enumerate(refs):
        if ref.doc_type not in ("Luật", "Bộ luật"):
            continue
        known, known_year = _law_key(ref.subject, ref.issued_date)
        same = known == key and (not year or not known_year or year == known_year)
        if same and (not issued or not ref.issued_date or ref.issued_date == issued):
            longer = len(fold_key(name)) > len(fold_key(ref.subject))  # "... năm 2023" says more
            refs[i] = replace(
                ref,
                issued_date=ref.issued_date or issued,
                spans=ref.spans + (span,),
                subject=name if longer else ref.subject,
            )
            return
    doc_type = "Bộ luật" if key.startswith("bo luat") else "Luật"
    refs.append(
        LegalRef(
            doc_type=doc_type,
            symbol=None,
            number=None,
            issued_date=issued,
            issuer=None if _NOT_PASSED_RE.match(key) or (year and int(year) < _FIRST_LAWS) else "Quốc hội",
            subject=name,
            year=int(issued[:4]) if issued else None,
            code=None,
            spans=(span,),
        )
    )
    ranks.append(_AFTER)
