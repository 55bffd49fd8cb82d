"""Canonical names: a body's name spelled out, capitalised officially and completed with its place.

    >>> canonical_org("UBND tỉnh", "Đắk Nông")
    'Ủy ban nhân dân tỉnh Đắk Nông'

Also what a canonical name tells: whether it says where the body is (`has_place`), its scope
(central or local), its kind ("Sở", "Ủy ban nhân dân"), its province, and whether it names one
body or only a kind of body (`specific`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..locations import PLACE_LEVELS, district_named, find_provinces, mostly_capitals, names_place, provinces
from ..normalize import fold, modern_tones, nfc
from ..persons import common_words
from .words import (
    BODY_KINDS,
    ends_with_level_compound,
    indexes,
    level_end,
    lows,
    match,
    not_names,
    scanner_words,
    stopwords,
    tokenize,
)

_SPACE_RE = re.compile(r"\s+")
DASH_RE = re.compile(r"\s*[-–—]\s*")
# Matched on lower-cased text with its marks: folded, "quận" would also be "Quản lý".
_LEVEL_RE = re.compile(r"(?<!\w)(" + "|".join(PLACE_LEVELS) + r")(?!\w)")
_LEVEL_ENDINGS = tuple(" " + level for level in PLACE_LEVELS)


def expand_abbreviations(text: str) -> str:
    """Spell out abbreviations written in capitals ("Cục QLTT" -> "Cục Quản lý thị trường")."""
    out, last = [], 0
    tokens = tokenize(text)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.abbreviation:
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].abbreviation and tokens[j].start == tok.start:
            j += 1
        out.append(text[last : tok.start])
        out.append(" ".join(t.word for t in tokens[i:j]).replace(" ,", ","))
        last = tok.end
        i = j
    out.append(text[last:])
    return "".join(out)


_WORD_START_RE = re.compile(r"(?<![^\s\-.])(\w)")


def _title(text: str) -> str:
    return _WORD_START_RE.sub(lambda m: m.group(1).upper(), text.lower())


# Schools of general education, named after a person or a place whose every word is capitalised
# (Điều lệ trường trung học, Thông tư 32/2020/TT-BGDĐT): "Trường THPT chuyên Lê Quý Đôn".
_NAMED_SCHOOLS = frozenset(("Trung học phổ thông", "Trung học cơ sở", "Tiểu học", "Mầm non"))


def _recase(text: str, shouted: bool) -> str:
    """Official capitalisation: known names as listed, place names capitalised, levels lower case."""
    if shouted:
        text = text.lower()
    chars = list(text)
    fixed = [False] * len(text)

    def fix(start: int, end: int, written: str) -> None:
        if len(written) == end - start:
            chars[start:end] = written
        fixed[start:end] = [True] * (end - start)

    tokens = tokenize(text)
    words = lows(tokens)
    idx = indexes()
    school_words, keep_lower = scanner_words().school_word, scanner_words().keep_lower
    after_type = -1  # the token after the last type read
    i = 0
    while i < len(tokens):
        known = match(words, i, idx.known)
        if known and known.value.kind == "field" and not shouted and not chars[tokens[i].start].isupper():
            i = known.end  # "... tệ nạn xã hội và xây dựng phong trào": a field's words in lower case, no field
            continue
        if known and known.value.kind == "generic" and i != after_type:
            known = None  # "Ban Giám sát quản lý về hải quan": "Quản lý" names a level only after a type
        if known:
            end = tokens[known.end - 1].end
            fix(tokens[i].start, end, known.value.name)
            nxt = tokens[known.end] if known.end < len(tokens) else None
            after = nxt is not None and nxt.is_word and not fixed[nxt.start] and nxt.low not in school_words
            if shouted and known.value.kind == "generic" and nxt is not None and after:
                chars[nxt.start] = chars[nxt.start].upper()  # "Trường Đại học" + "Mở Hà Nội"
            j = known.end
            while shouted and known.value.name in _NAMED_SCHOOLS and j < len(tokens) and tokens[j].is_word:
                if level_end(words, j) is not None or match(words, j, idx.known):
                    break  # "Trường THPT Hòa An tỉnh Cao Bằng"
                if tokens[j].low not in school_words:
                    chars[tokens[j].start] = chars[tokens[j].start].upper()  # "TRƯỜNG THPT HOÀ AN": "Hòa An"
                j += 1
            i = known.end
            continue
        level = match(words, i, idx.levels, joiners=False)
        if (
            level
            and not shouted
            and tokens[i].cap
            and level.end < len(tokens)
            and not tokens[level.end].cap
            and f"{words[level.end - 1]} {words[level.end]}" in common_words()
        ):
            level = None  # "Khoa học Xã hội và Nhân văn": "Xã" starts a word, no commune
        if level and level.end < len(tokens) and tokens[level.end].is_word:
            start = tokens[i].start
            fix(start, tokens[level.end - 1].end, text[start : tokens[level.end - 1].end].lower())
            j = level.end
            while j < len(tokens) and tokens[j].is_word and not fixed[tokens[j].start]:
                place = match(words, j, idx.places)
                if place:  # "thành phố Hải Phòng": a province's name, though "Phòng" is a type
                    start, end = tokens[j].start, tokens[place.end - 1].end
                    fix(start, end, _title(text[start:end]))
                    j = place.end
                    continue
                if match(words, j, idx.known) or match(words, j, idx.types, joiners=False):
                    break
                fix(tokens[j].start, tokens[j].end, _title(tokens[j].word))
                j += 1
            i = j
            continue
        place = match(words, i, idx.places)
        if place and (shouted or all(t.cap for t in tokens[i : place.end] if t.is_word)):  # not "Hòa bình"
            start, end = tokens[i].start, tokens[place.end - 1].end
            fix(start, end, _title(text[start:end]))
            i = place.end
            continue
        typed = match(words, i, idx.types, joiners=False) if tokens[i].cap or shouted else None
        if typed and shouted and i and f"{words[i - 1]} {words[i]}" in common_words():
            typed = None  # "NGHIỆP VỤ THUẾ": the type's word ends a word (its case lost in capitals)
        after_type = typed.end if typed else -1
        if typed and not tokens[i].abbreviation:
            start, end = tokens[i].start, tokens[typed.end - 1].end
            fix(start, end, typed.value.name)  # "Hiệp Hội" -> "Hiệp hội"
        if typed and typed.end < len(tokens):
            nxt = tokens[typed.end]
            compound = f"{words[typed.end - 1]} {nxt.low}" in not_names("compound")  # "Khoa học"
            if (
                nxt.is_word
                and not fixed[nxt.start]
                and nxt.low not in stopwords()
                and nxt.low not in keep_lower
                and (level_end(words, typed.end) is None and not compound)
            ):
                chars[nxt.start] = chars[nxt.start].upper()
        i = typed.end if typed else i + 1
    if chars and not fixed[0]:
        chars[0] = chars[0].upper()
    return "".join(chars)


_AREA_RE = re.compile(r"\bkhu vực\s+(?:[IVXLC]+|\d+|[A-ZĐ]\w*)")


@lru_cache(maxsize=8192)
def has_place(name: str) -> bool:
    """Whether the name says where the body is (a province, "huyện X", "Phan Thiết", "Việt Nam")."""
    if names_place(name) or _AREA_RE.search(name):
        return True
    tokens = tokenize(name)
    words = lows(tokens)
    idx = indexes()
    i = 0
    while i < len(tokens):
        known = match(words, i, idx.known)
        if known and known.value.kind == "local":
            i = known.end  # "Việt Nam" in "Ủy ban Mặt trận Tổ quốc Việt Nam" is no place
            continue
        if fold(" ".join(t.word for t in tokens[i : i + 2])) in _central_places():
            return True
        i += 1
    return False


@lru_cache(maxsize=1)
def _central_places() -> frozenset[str]:
    """The two-word places that place a body nationally, folded ("viet nam", "trung uong")."""
    return frozenset(fold(w) for w in scanner_words().central_place if " " in w)


@lru_cache(maxsize=1)
def central_places() -> tuple[frozenset[str], frozenset[str]]:
    """The central places of one word, as written ("TW"), and of two words, folded ("viet nam")."""
    return frozenset(w for w in scanner_words().central_place if " " not in w), _central_places()


def scope(name: str) -> str | None:
    """The scope of the last body named: "central", "local", or None (enterprises, schools)."""
    tokens = tokenize(name)
    words = lows(tokens)
    idx = indexes()
    found, i = None, 0
    while i < len(tokens):
        if not tokens[i].cap:
            i += 1
            continue
        known = match(words, i, idx.known)
        typed = match(words, i, idx.types, joiners=False)
        if known and (not typed or known.end >= typed.end):
            if known.value.kind == "central":
                return "central"
            if known.value.kind == "local":
                found = "local"
            i = known.end
        elif typed and typed.value.unit != "part":
            found, i = typed.value.scope, typed.end
        else:
            i += 1
    return None if found == "none" else found


def province_level(province: str) -> str:
    """ "tỉnh" or "thành phố": how a province is named after a body ("Sở Y tế thành phố Cần Thơ")."""
    return _province_levels().get(province, "tỉnh")


@lru_cache(maxsize=1)
def _province_levels() -> dict[str, str]:
    """Each province's kind by its name, the first of a name winning."""
    levels: dict[str, str] = {}
    for prov in provinces():
        levels.setdefault(prov.name, prov.kind)
    return levels


# A district's Party committee and youth union committee (Điều lệ Đảng; Điều lệ Đoàn TNCS Hồ Chí Minh).
DISTRICT_COMMITTEES = ("huyen uy", "quan uy", "thi uy", "huyen doan", "quan doan", "thi doan")


def complete_with_province(name: str, province: str | None) -> str:
    """Add the province to a local body that does not name its place ("Sở Nội vụ" -> "Sở Nội vụ tỉnh X")."""
    if not province:
        return name
    level = province_level(province)
    lower = name.lower()
    if lower.endswith((" tỉnh", " thành phố")):
        # "UBND tỉnh" in a provincial document; "UBND thành phố" in a tỉnh is one of its cities.
        if not lower.endswith(" " + level):
            return name
        return f"{name[: len(name) - len(level)]}{level} {province}"  # "... Thành phố" + "Hồ Chí Minh"
    if has_place(name):
        return name
    words = name.split(" ", 2)
    if len(words) == 3 and fold(" ".join(words[:2])) in DISTRICT_COMMITTEES and district_named(words[2]):
        return name  # "Huyện Đoàn Ngọc Hiển": a district named by its whole name after its committee
    if _LEVEL_RE.search(lower.rsplit(" ", 1)[-1]) or lower.endswith((" thị xã", " thị trấn")):
        return name  # "Ủy ban nhân dân huyện": a district the name does not say
    if scope(name) != "local":
        return name
    if fold(name).endswith(DISTRICT_COMMITTEES + ("dang uy",)):
        return name  # "các Huyện ủy, Thị ủy": a district's, which one the name does not say
    if fold(name) == "doan thanh nien cong san ho chi minh":
        return name  # the union itself, named without a place (Điều lệ Đoàn TNCS Hồ Chí Minh)
    if fold(name).endswith(("tinh uy", "thanh uy", "tinh doan", "thanh doan")):
        # A "Thành ủy" in a tỉnh is one of its cities' (and a "Tỉnh ủy" is no city's).
        same = fold(name).split()[-2] == ("tinh" if level == "tỉnh" else "thanh")
        return f"{name} {province}" if same else name
    return f"{name} {level} {province}"


def clean_name(name: str) -> str:
    """NFC, modern tone placement, one space between words, no stray punctuation around, and no
    national motto a header line ran into ("TRƯỜNG ĐẠI HỌC TÂY ĐÔ CỘNG HÒA XÃ HỘI ...")."""
    text = modern_tones(nfc(name)).replace("*", "")  # Markdown emphasis inside a name: "BỘ C****ÔNG THƯƠNG"
    text = _MOTTO_RE.split(text, 1)[0]
    return _SPACE_RE.sub(" ", text).strip(" \t,;:.-–")


_MOTTO_RE = re.compile(r"\s*(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|Cộng h(?:òa|oà) xã hội|ĐẢNG CỘNG SẢN VIỆT NAM)")


_COMMA_RE = re.compile(r",(?=[^\W\d])")
_FRONT_RE = re.compile(r"Mặt trận Tổ quốc(?! Việt Nam)")
# A province's newspaper and radio-television merged in 2025 as "Báo và Phát thanh, Truyền hình X".
_AREA_DASH_RE = re.compile(r"(\bkhu vực \w{1,6}) - (?=(?:tỉnh|thành phố) [A-ZĐ])")
_MERGED_PRESS_RE = re.compile(r"^Báo và Đài (?=Phát thanh)")
_FRONT_COMMITTEE_RE = re.compile(r"(?<!Ủy ban )Mặt trận(?= Tổ quốc Việt Nam (?:" + "|".join(PLACE_LEVELS) + r")(?!\w))")


@lru_cache(maxsize=16384)
def canonical_org(name: str, province: str | None = None) -> str:
    """The canonical full name of an organisation as written in a document about `province`.

    >>> canonical_org("UBND tỉnh", "Đắk Nông")
    'Ủy ban nhân dân tỉnh Đắk Nông'
    """
    return complete_with_province(_written_out(name), province)


@lru_cache(maxsize=16384)
def _written_out(name: str) -> str:
    """The name spelled out and capitalised officially, before a province completes it (a name is
    canonicalised with and without the document's province: written out once)."""
    text = clean_name(name)
    shouted = mostly_capitals(text)
    text = _COMMA_RE.sub(", ", DASH_RE.sub(" - ", expand_abbreviations(text)))  # "VH,TT&DL": "Văn hóa, Thể thao ..."
    text = _recase(text, shouted)
    if " & " in text:
        text = _and_written_out(text)
    text = _FRONT_RE.sub("Mặt trận Tổ quốc Việt Nam", text)  # its full name (Luật Mặt trận Tổ quốc)
    text = _FRONT_COMMITTEE_RE.sub("Ủy ban Mặt trận", text)  # "MTTQ Việt Nam tỉnh X": the province's committee
    text = _MERGED_PRESS_RE.sub("Báo và ", text)  # "Báo và Đài Phát thanh, Truyền hình X": the merged body's name
    text = _AREA_DASH_RE.sub(r"\1 ", text)  # "Tòa án nhân dân khu vực 17- tỉnh Lâm Đồng": the area is the province's
    if text == "Ban Bí thư":
        text = "Ban Bí thư Trung ương Đảng"  # "Chỉ thị 24-CT/TW của Ban Bí thư": the Party's (Điều lệ Đảng)
    return text


def _and_written_out(text: str) -> str:
    """ "Bộ Kế hoạch & Đầu tư": "và" for "&" where the name so spelled is a known body's ("Bộ Kế
    hoạch và Đầu tư"); an enterprise's or a periodical's "&" stays ("Tạp chí Xưa & Nay")."""
    spelled = text.replace(" & ", " và ")
    words = lows(tokenize(spelled))
    known = match(words, 0, indexes().known)
    return spelled if known and known.end == len(words) and known.value.kind in BODY_KINDS else text


def ends_with_level(name: str) -> bool:
    """The name ends with a level word that names no place ("Hội đồng nhân dân tỉnh")."""
    return name.lower().endswith(_LEVEL_ENDINGS)


@lru_cache(maxsize=8192)
def kind_of(name: str) -> str | None:
    """The type a name starts with: "Sở", "Hội", "Ủy ban nhân dân", "Chính phủ" ..."""
    words = lows(tokenize(name))
    idx = indexes()
    known, typed = match(words, 0, idx.known), match(words, 0, idx.types, joiners=False)
    if known and known.value.kind == "local":
        return known.value.name  # "Ủy ban nhân dân", "Công an", "Tỉnh ủy"
    if typed and typed.value.unit != "part":
        return typed.value.name  # "Bộ", "Sở", "Hội", "Tập đoàn"
    return known.value.name if known and known.value.kind == "central" else None  # "Chính phủ"


@lru_cache(maxsize=8192)
def last_province(name: str) -> str | None:
    """The province a canonical name ends with, if it names one."""
    found = find_provinces(name)
    return found[-1][2].name if found else None


@lru_cache(maxsize=16384)
def specific(name: str) -> bool:
    """Not a bare type ("Ủy ban nhân dân", "Hội đồng nhân dân tỉnh", "Ban Giám đốc") but one body."""
    lower = name.lower()
    if ends_with_level(lower) and not ends_with_level_compound(lower):
        return False
    words = lows(tokenize(name))
    idx = indexes()
    end = next((i for i in range(1, len(words)) if level_end(words, i) is not None), len(words))
    known = match(words, 0, idx.known)
    if known and known.end == len(words) and known.value.kind == "local":
        return False  # "Ủy ban nhân dân", "Tỉnh ủy": whose, the text does not say
    if known and known.end == len(words) and known.value.kind == "central":
        return True  # "Ban Chấp hành Trung ương Đoàn", though "Ban Chấp hành Trung ương" is a part's words
    first = 0
    while (part := match(words, first, idx.types, joiners=False)) and part.value.unit == "part":
        first = part.end  # "Thường trực Ban Chỉ đạo": the board's name decides
    rest = match(words, first, idx.known)
    if first and rest and rest.end == len(words) and rest.value.kind == "local":
        return False  # "Ban Thường vụ Huyện ủy": whose, the text does not say
    typed = match(words, first, idx.types, joiners=False)
    k = typed.end if typed else end
    while k < end and (generic := match(words, k, idx.known)) and generic.value.kind == "generic":
        k = generic.end + (generic.end < end and words[generic.end] == "và")
    if typed and typed.end < end and k >= end:
        return False  # "Trường Cao đẳng", "Ban Giám đốc tỉnh X", "Trường Đại học và Cao đẳng"
    return not (typed and typed.end == len(words))
