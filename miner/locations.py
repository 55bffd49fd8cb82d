"""Provinces, districts and communes, including the provinces merged on 1 July 2025."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import data
from .document import Document
from .normalize import ascii_lower_count, fold, modern_tones, plain_words, text_cache, word_bytes
from .phrases import trie_pattern, words_re
from .record import Header, Location, Organization, Span


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # "tỉnh" or "thành phố"
    merged_into: str | None
    aliases: tuple[str, ...]
    needs_level: bool = False  # the bare name is also a person's ("tư tưởng Hồ Chí Minh")


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """Every province and centrally-run city, before and after the 2025 mergers."""
    return tuple(
        Province(
            name=row["name"],
            kind=row["kind"],
            merged_into=row["merged_into"] or None,
            aliases=tuple(a for a in row["aliases"].split(";") if a),
            needs_level=row["needs_level"] == "yes",
        )
        for row in data.rows("provinces.tsv")
    )


@lru_cache(maxsize=1)
def province_index() -> tuple[re.Pattern, dict[str, Province]]:
    by_folded: dict[str, Province] = {}
    for prov in provinces():
        for written in (prov.name, *prov.aliases):
            by_folded.setdefault(fold(written), prov)
    return re.compile(r"(?<!\w)(" + trie_pattern(by_folded) + r")(?!\w)"), by_folded


@lru_cache(maxsize=1)
def _province_words_re() -> re.Pattern[bytes]:
    """What a text's word_bytes() holds when it names a province: the first words of a name."""
    _, by_folded = province_index()
    return words_re(b" ".join(plain_words(name).split()[:3]).decode("ascii") for name in by_folded)


def _capitalised(mention: str) -> bool:
    """ "Hòa Bình" names a province, "hòa bình" (peace) does not."""
    words = [w for w in _NAME_SPLIT_RE.split(mention) if w and w.lower() not in _LEVEL_WORDS]
    return all(w[0].isupper() for w in words)


_NAME_SPLIT_RE = re.compile(r"[\s\-–.]+")
_LEVEL_WORDS = {"thành", "phố", "thủ", "đô", "tỉnh"}  # in aliases: "Thành phố Hồ Chí Minh"


# Places are a pure function of the text: kept across documents (not emptied with the text caches),
# since headers, legal bases and names of bodies recur from one document to the next.
@lru_cache(maxsize=16384)
def find_provinces(text: str) -> tuple[tuple[int, int, Province], ...]:
    """Each capitalised mention of a province: (start, end, province), offsets in `text`."""
    if not _province_words_re().search(word_bytes(text)):
        return ()  # the cheap test first: most paragraphs name no province
    pattern, by_folded = province_index()
    found = []
    folded = fold(text)
    for m in pattern.finditer(folded):
        mention = text[m.start() : m.end()]
        prov = by_folded[m.group(1)]
        if not _capitalised(mention):
            continue
        if prov.needs_level and m.group(1) == fold(prov.name) and not _LEVEL_BEFORE_RE.search(folded, 0, m.start()):
            continue  # "tư tưởng Hồ Chí Minh", but "TP Hồ Chí Minh"
        found.append((m.start(), m.end(), prov))
    return tuple(found)


_LEVEL_BEFORE_RE = re.compile(r"(?:thanh pho|tp\.?)\s*$")


def province_of(text: str) -> str | None:
    """The first province named in `text`, by its own name ("UBND TỈNH ĐẮK NÔNG" -> "Đắk Nông")."""
    found = find_provinces(text)
    return found[0][2].name if found else None


@dataclass(frozen=True)
class District:
    """A district (huyện, quận, thị xã, thành phố thuộc tỉnh) until the level was abolished in 2025."""

    name: str
    level: str
    province: str


@lru_cache(maxsize=1)
def districts() -> tuple[District, ...]:
    """The 705 districts of data/districts.tsv (Tổng cục Thống kê, January 2025)."""
    return tuple(District(row["name"], row["level"], row["province"]) for row in data.rows("districts.tsv"))


@lru_cache(maxsize=1)
def _districts_by_folded() -> dict[str, District]:
    """The districts by their folded names (the first of a name wins)."""
    by_folded: dict[str, District] = {}
    for district in districts():
        by_folded.setdefault(fold(district.name), district)
    return by_folded


@lru_cache(maxsize=1)
def _province_by_name() -> dict[str, Province]:
    return {p.name: p for p in provinces()}


def now_in(province: str) -> str | None:
    """The province a place of `province` belongs to since 1 July 2025, when it was merged."""
    prov = _province_by_name().get(province)
    return prov.merged_into if prov else None


@lru_cache(maxsize=1)
def level_ranks() -> dict[str, int]:
    """The levels of local government, written before a place's name ("huyện Cư Jút", "các phường:
    ..."), in the order regexes try them, with their rank: 1 a province, 2 a district, 3 a commune
    (data/place_levels.tsv)."""
    return {row["level"]: int(row["rank"]) for row in data.rows("place_levels.tsv")}


PLACE_LEVELS = tuple(level_ranks())  # "thành phố", "thị xã", ... "phường"
_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1F00)) if ch.isupper() and ch.isalpha())
# A capitalised word, and a run of them ("Bà Rịa - Vũng Tàu" is two runs; "Phan Rang-Tháp Chàm" one).
_CAP_REST = rf"[\w'’]*(?:-[{_UPPER}][\w'’]*)*"
_CAP = rf"[{_UPPER}]{_CAP_REST}"
# The run's look-behind comes after its first capital, so that the regex engine skips to capitals.
_RUN_RE = re.compile(rf"[{_UPPER}](?<![\w'’][{_UPPER}]){_CAP_REST}(?:[ \t]+{_CAP})*(?![\w'’])")
_LEVEL_RE = re.compile(
    r"(?<!\w)(?:(các)\s+)?(" + "|".join(PLACE_LEVELS) + rf")(?:\s*:)?\s+(?={_CAP}|\d)", re.IGNORECASE
)
_LIST_ITEM_RE = re.compile(rf"\s*(?:,|và)\s*({_CAP}(?:[ \t]+{_CAP}){{0,3}})")
_NUMBER_RE = re.compile(r"\d{1,2}(?!\d)")
_WORD_RUN_RE = re.compile(r"[\w'’]+")


@lru_cache(maxsize=4)
def _place_words(role: str) -> frozenset[str]:
    """Words that tell a capitalised name is no unit (data/place_words.tsv): "before" or "first"."""
    return frozenset(row["word"] for row in data.rows("place_words.tsv") if row["role"] == role)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Vietnamese family names, lower case (data/surnames.txt)."""
    return frozenset(w.lower() for w in data.words("surnames.txt"))


def _same_marks(written: str, name: str) -> bool:
    """ "Chủ" is not the district "Chũ": compare with the marks, old or new tone placement."""
    return modern_tones(written.lower()) == modern_tones(name.lower())


def _word_before(text: str, start: int) -> str:
    """The word that ends right before the spaces before `start` ("Trương" in "Trương Bình Định"), or ""."""
    head = text[max(0, start - 30) : start]
    if head.endswith("\n"):
        head = head[:-1]
    word = head.rstrip(" \t")
    if len(word) == len(head):
        return ""  # no space before `start`
    # Read backwards: a regex searching forwards for the last word of the head tries every word.
    m = _WORD_RUN_RE.match(word[::-1])
    return m.group()[::-1] if m else ""


@lru_cache(maxsize=1)
def _district_words_re() -> re.Pattern[bytes]:
    """What a text's word_bytes() holds when a capitalised run of it is a district's whole name."""
    # A run starts with a capital: "Quận 1" is found after its level, never by its name alone.
    names = (district.name for district in districts() if district.name[0].isalpha())
    return words_re(plain_words(name).strip().decode("ascii") for name in names)


@lru_cache(maxsize=1)
def _district_first_words() -> frozenset[str]:
    """The first word of each district's name that _district_words_re() finds, lower case, tones
    placed by modern_tones(): "chũ", "văn", "vinh", "thống" (the first word's extent as in word_bytes())."""
    firsts = set()
    for district in districts():
        if district.name[0].isalpha():
            end = word_bytes(district.name).index(b" ", 1) - 1
            firsts.add(modern_tones(district.name[:end].lower()))
    return frozenset(firsts)


def _may_name_district(text: str) -> bool:
    """Whether a capitalised run of `text` may be a district's whole name: a necessary test for
    places_in's runs, cheaper than reading them. word_bytes() holds a district's folded words where
    the text writes it, and the run starts with a capital and the first word of the name, with its
    marks: "Chủ tịch" and "văn bản" hold the words of "Chũ" and "Văn Bàn", but not so written."""
    words = word_bytes(text)
    pattern = _district_words_re()
    found = pattern.search(words)
    while found:
        start = found.start()  # where the name would start in `text` (word_bytes has a space first)
        if text[start].isupper():
            first = text[start : words.index(b" ", start + 1) - 1]  # as far as its first word in word_bytes()
            if modern_tones(first.lower()) in _district_first_words():
                return True
        found = pattern.search(words, start + 1)  # a name with another first word starts further on
    return False


@lru_cache(maxsize=16384)
def district_named(written: str) -> District | None:
    """The district a capitalised run names with its marks ("Cư Jút"), or None; runs repeat across
    documents ("Ủy ban", "Quyết định"), so each is looked up once."""
    district = _districts_by_folded().get(fold(written))
    return district if district and _same_marks(written, district.name) else None


def names_place(text: str) -> bool:
    """Whether `text` names a place, as bool(places_in(text)) tells, without reading the levels and the
    runs of a text that names a province: places_in() keeps the first place it finds, and finds the
    provinces first."""
    provinces_named = find_provinces(text)
    if provinces_named:
        if len(text) < 200 and mostly_capitals(text):
            return True
        for start, _, _ in provinces_named:
            before = _word_before(text, start)
            if not (before[:1].isupper() and before.lower() in surnames()):
                return True
    return bool(places_in(text))


@lru_cache(maxsize=16384)
def places_in(text: str) -> tuple[tuple[int, int, str, str, str | None], ...]:
    """(start, end, name, level, province) of each place named in `text`, offsets in `text`."""

    def shouted() -> bool:  # a heading in capitals; asked only where it matters (most paragraphs name no place)
        return len(text) < 200 and mostly_capitals(text)

    found: list[tuple[int, int, str, str, str | None]] = []
    starts: list[int] = []  # the spans taken, which never overlap: sorted by start, so by end too
    ends: list[int] = []

    def add(start: int, end: int, name: str, level: str, province: str | None) -> None:
        i = bisect_left(starts, end)  # the spans before i start before `end`; the last of them ends last
        if (i and ends[i - 1] > start) or fold(name) == "viet nam":
            return
        starts.insert(i, start)
        ends.insert(i, end)
        found.append((start, end, name, level, province))

    for start, end, prov in find_provinces(text):
        before = _word_before(text, start)
        if not (before[:1].isupper() and before.lower() in surnames()) or shouted():
            add(start, end, prov.name, prov.kind, prov.name)  # not "Trương Bình Định"
    for m in _level_matches(text):
        level = m.group(2).lower()
        if _word_before(text, m.start()).lower() == "tấn" or (m.group(2) != m.group(2).upper() and shouted()):
            continue  # "Thông tấn xã Việt Nam"
        run = _RUN_RE.match(text, m.end())
        if run is None and level in ("quận", "phường"):
            number = _NUMBER_RE.match(text, m.end())  # "Quận 1", "Phường 5"
            if number:
                add(m.start(2), number.end(), f"{level.capitalize()} {number.group()}", level, None)
            continue
        if run is None or run.group().split()[0].lower() in _place_words("first"):
            continue
        if m.group(1):  # "các phường: Sông Trí, Thành Sen và Hà Huy Tập"
            items = [(run.start(), _first_words(run.group()))]
            pos = run.start() + len(items[0][1])
            while item := _LIST_ITEM_RE.match(text, pos):
                items.append((item.start(1), item.group(1)))
                pos = item.end()
            for start, name in items:
                add(start, start + len(name), name, level, None)
            continue
        if level == "tỉnh" or (m.group(2)[:1].isupper() and not m.group(2).isupper() and m.start() == 0):
            continue  # provinces are found above, by name; "Xã hội" starts a sentence
        name = _first_words(run.group())
        district = district_named(name)
        if district is None and (shouted() or find_provinces(name)):
            continue
        if district is None and run.end() < len(text) and text[run.end() : run.end() + 2].strip()[:1].isalpha():
            continue  # "thành phố Chỉ thị": a capitalised word that runs on
        add(
            run.start(),
            run.start() + len(name),
            district.name if district else name,
            level,
            district.province if district else None,
        )
    if not _may_name_district(text) or shouted():
        return tuple(found)  # the cheap test first: most paragraphs name no district by its name alone
    for run in _RUN_RE.finditer(text):
        district = district_named(run.group())
        first, _, rest = run.group().partition(" ")
        if district is None and len(first) > 1 and first.isupper() and rest:
            district = district_named(rest)  # "KBNN Hạ Long": an abbreviated body, then its district
            if district:
                start = run.start() + len(first) + 1
                add(start, run.end(), district.name, district.level, district.province)
            continue
        if district is None:
            continue
        before = _word_before(text, run.start()).lower()
        if before in _place_words("before") or before in surnames():
            continue  # "đường Lê Lợi", "Lê Trường Sơn"
        if _starts_word(run.group(), text, run.end()):
            continue  # "Danh hiệu Vinh dự Nhà nước": "vinh dự" (honour) is a word, no city
        words = district.name.split()
        if len(words) >= 3 and words[0].lower() in surnames():
            continue  # "Trần Văn Thời" names a district only after "huyện"
        add(run.start(), run.end(), district.name, district.level, district.province)
    return tuple(found)


def _starts_word(run: str, text: str, end: int) -> bool:
    """The run's last syllable and the lower-case one after it make a common word ("Vinh dự")."""
    from .persons import common_words  # persons reads places: imported when first needed

    m = _NEXT_LOWER_RE.match(text, end)
    return m is not None and f"{run.rsplit(None, 1)[-1].lower()} {m.group(1)}" in common_words()


_NEXT_LOWER_RE = re.compile(r"[ \t]+([^\W\d_A-ZĐ][\w]*)")


def _level_matches(text: str) -> Iterator[re.Match]:
    """The matches of _LEVEL_RE in `text`, as finditer() finds them, tried only where the text in lower
    case has a level word or "các": a search of the case-blind regex at every character costs more."""
    low = text.lower()
    if not _LEVEL_WORD_RE.search(low):
        return  # most paragraphs name none
    if len(low) != len(text):  # lower case moved the characters (never in Vietnamese)
        yield from _LEVEL_RE.finditer(text)
        return
    end = 0
    start = _LEVEL_START_RE.search(low)
    while start:  # each place a level word or "các" starts, in order (one regex, not a find for each word)
        i = start.start()
        if i >= end and (m := _LEVEL_RE.match(text, i)):
            yield m
            end = m.end()
        start = _LEVEL_START_RE.search(low, max(i + 1, end))


# Where a match of _LEVEL_RE starts, in lower case; and the level words alone (one search a paragraph).
# Tries (phrases.trie_pattern): "t" is tried once for "thành phố", "thị xã", "thị trấn" and "tỉnh".
_LEVEL_START_RE = re.compile(trie_pattern(["các", *PLACE_LEVELS]))
_LEVEL_WORD_RE = re.compile(trie_pattern(PLACE_LEVELS))


def _first_words(run: str, most: int = 4) -> str:
    """The first words of a capitalised run: a place's name has at most four."""
    words = run.split()
    return " ".join(words[:most])


@text_cache()
def mostly_capitals(text: str) -> bool:
    """A heading in capitals ("UBND TỈNH BÌNH THUẬN"), whose words say nothing by their case:
    fewer than a fifth of the letters of its first 200 characters in lower case."""
    text = text[:200]
    if 5 * ascii_lower_count(text) >= len(text):
        return False  # a fifth of the characters are a-z: running text, counted at C speed
    lowers = sum(map(len, _LOWER_RUN_RE.findall(text)))
    if 5 * lowers >= len(text):
        return False  # a fifth of the characters are lower case, so a fifth of the letters at least
    letters = sum(map(len, _LETTER_RUN_RE.findall(text)))
    return letters >= 4 and lowers < 0.2 * letters


# Runs of letters, and of lower-case letters (counted by the length of the runs).
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_LOWER_RUN_RE = re.compile("[" + "".join(ch for ch in map(chr, range(0x61, 0x1F00)) if ch.islower()) + "]+")


def find_locations(doc: Document, header: Header, organizations: tuple[Organization, ...]) -> tuple[Location, ...]:
    """Provinces, districts and communes named in the document, without their "tỉnh/huyện/xã" prefix."""
    by_key: dict[str, tuple[str, str, str | None, list[Span]]] = {}
    for para in doc.paragraphs:
        for start, end, name, level, province in places_in(para.text):
            span = Span(para.seq, start, end, para.text[start:end])
            key = fold(name)
            if key in by_key:
                by_key[key][3].append(span)
            else:
                by_key[key] = (name, level, province, [span])
    return tuple(
        Location(
            name=name,
            level=level,
            province=province,
            merged_into=now_in(province) if province else None,
            spans=tuple(spans),
        )
        for name, level, province, spans in by_key.values()
    )
