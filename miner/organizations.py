"""Organisations and units, with canonical names ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh X")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .document import Document
from .locations import province_index, data_rows, find_provinces, provinces
from .normalize import fold, modern_tones, nfc
from .record import Header, Organization


@dataclass(frozen=True)
class KnownName:
    """A body or field name in its official spelling; `kind` is central, local or field."""

    name: str
    kind: str


# The words that name a level of local government, written before the place's name.
PLACE_LEVELS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
# Matched on lower-cased text with its marks: folded, "quận" would also be "Quản lý".
_LEVEL_RE = re.compile(r"(?<!\w)(" + "|".join(PLACE_LEVELS) + r")(?!\w)")

# Body types after which the next word starts the body's own name ("Cục thuế" -> "Cục Thuế").
_HEADS = (
    "bộ", "sở", "cục", "tổng cục", "chi cục", "vụ", "ban", "phòng", "trung tâm", "hội", "hiệp hội",
    "liên đoàn", "quỹ", "đài", "báo", "viện", "học viện", "trường", "khoa", "tập đoàn", "tổng công ty",
    "công ty", "ngân hàng", "bệnh viện", "văn phòng", "cổng", "đoàn", "câu lạc bộ",
)
_HEAD_RE = re.compile(r"(?<!\w)(" + "|".join(sorted((fold(h) for h in _HEADS), key=len, reverse=True)) + r") (\w)")
_NOT_NAME_WORDS = {"va", "cac", "cua", "thuoc", "tai", "tren", "cap", "so"}
_SPACE_RE = re.compile(r"\s+")
_DASH_RE = re.compile(r"\s*[-–—]\s*")
_LOWER_RE = re.compile(r"[^\W\d_]")


def _abbreviation_rows() -> list[tuple[str, str]]:
    return [(row["written"], row["expansion"]) for row in data_rows("org_abbreviations.tsv")]


@lru_cache(maxsize=1)
def _abbreviation_index() -> tuple[re.Pattern, dict[str, str]]:
    by_folded = {fold(written): expansion for written, expansion in _abbreviation_rows()}
    alternatives = sorted(by_folded, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    return re.compile(r"(?<![\w&])(" + body + r")(?![\w&])"), by_folded


@lru_cache(maxsize=1)
def known_names() -> tuple[KnownName, ...]:
    """The official names of central bodies, local body types and fields (data/org_names.tsv)."""
    return tuple(KnownName(row["name"], row["kind"]) for row in data_rows("org_names.tsv"))


@lru_cache(maxsize=1)
def _known_index() -> tuple[re.Pattern, dict[str, KnownName]]:
    by_folded = {fold(k.name): k for k in known_names()}
    alternatives = sorted(by_folded, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    return re.compile(r"(?<!\w)(" + body + r")(?!\w)"), by_folded


def expand_abbreviations(text: str) -> str:
    """Spell out abbreviations written without lower case ("Cục QLTT" -> "Cục Quản lý thị trường")."""
    pattern, by_folded = _abbreviation_index()
    out, last = [], 0
    for m in pattern.finditer(fold(text)):
        written = text[m.start() : m.end()]
        if _LOWER_RE.search(written) and written[:1].islower():
            continue
        if any(ch.islower() for ch in written) and len(_LOWER_RE.findall(written)) <= 3:
            # "Tp", "Ca": short abbreviations count only in capitals (a "Tp" is tolerated).
            if fold(written) not in ("tp", "tp.") and not written.isupper():
                continue
        out.append(text[last : m.start()])
        out.append(by_folded[m.group(1)])
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def _shouted(text: str) -> bool:
    letters = _LOWER_RE.findall(text)
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _recase(text: str, shouted: bool) -> str:
    """Official capitalisation: known names as listed, place names capitalised, levels lower case."""
    if shouted:
        text = text.lower()
    chars = list(text)
    lower = text.lower()
    folded = fold(text)
    fixed = [False] * len(text)

    def fix(start: int, end: int, written: str) -> None:
        chars[start:end] = written
        fixed[start:end] = [True] * (end - start)

    pattern, by_folded = _known_index()
    for m in pattern.finditer(folded):
        fix(m.start(), m.end(), by_folded[m.group(1)].name)
    places, _ = province_index()
    for m in places.finditer(folded):
        if not any(fixed[m.start() : m.end()]) and (shouted or text[m.start()].isupper()):
            fix(m.start(), m.end(), _title(text[m.start() : m.end()]))
    for m in _LEVEL_RE.finditer(lower):
        rest = text[m.end() :]
        if any(fixed[m.start() : m.end()]) or not rest[1:2].isalpha() or rest[:1] != " ":
            continue
        fix(m.start(), m.end(), lower[m.start() : m.end()])
        # The place's own name: every word up to the end or the next known name.
        i = m.end() + 1
        while i < len(text) and not fixed[i]:
            if text[i - 1] in " -":
                chars[i] = chars[i].upper()
            fixed[i] = True
            i += 1
    for m in _HEAD_RE.finditer(folded):
        i = m.start(2)
        word = folded[i:].split(" ", 1)[0]
        if not fixed[i] and word not in _NOT_NAME_WORDS:
            chars[i] = chars[i].upper()
    if chars and not fixed[0]:
        chars[0] = chars[0].upper()
    return "".join(chars)


def _title(text: str) -> str:
    return re.sub(r"(?<![^\s\-.])(\w)", lambda m: m.group(1).upper(), text.lower())


def _has_place(name: str) -> bool:
    """Whether the name already says where the body is (a province, "huyện X", "Việt Nam" ...)."""
    if find_provinces(name):
        return True
    pattern, by_folded = _known_index()
    # "Việt Nam" inside a local body's own name ("Ủy ban Mặt trận Tổ quốc Việt Nam") is no place.
    folded = pattern.sub(lambda m: "" if by_folded[m.group(1)].kind == "local" else m.group(0), fold(name))
    if any(w in folded for w in ("viet nam", "trung uong", "quoc gia")):
        return True
    lower = name.lower()
    return any(name[m.end() + 1 : m.end() + 2].isupper() for m in _LEVEL_RE.finditer(lower))


def _kinds_in(name: str) -> list[str]:
    pattern, by_folded = _known_index()
    return [by_folded[m.group(1)].kind for m in pattern.finditer(fold(name))]


def complete_with_province(name: str, province: str | None) -> str:
    """Add the province to a local body that does not name its place ("Sở Nội vụ" -> "Sở Nội vụ tỉnh X")."""
    if not province:
        return name
    level = province_level(province)
    lower = name.lower()
    if lower.endswith(" tỉnh") or lower.endswith(" thành phố"):
        # "UBND tỉnh" in a provincial document; "UBND thành phố" in a tỉnh is one of its cities.
        return f"{name} {province}" if lower.endswith(" " + level) else name
    if _has_place(name):
        return name
    last = lower.rsplit(" ", 1)[-1]
    if _LEVEL_RE.fullmatch(last) or lower.endswith(" thị xã") or lower.endswith(" thị trấn"):
        return name  # "Ủy ban nhân dân huyện": a district the name does not say
    kinds = _kinds_in(name)
    if "central" in kinds or "local" not in kinds:
        return name
    if fold(name).endswith(("tinh uy", "thanh uy")):
        return f"{name} {province}"
    return f"{name} {level} {province}"


def province_level(province: str) -> str:
    """ "tỉnh" or "thành phố": how a province is named after a body ("Sở Y tế thành phố Cần Thơ")."""
    for prov in provinces():
        if prov.name == province:
            return prov.kind
    return "tỉnh"


def clean_name(name: str) -> str:
    """NFC, modern tone placement, one space between words, no stray punctuation around."""
    text = modern_tones(nfc(name))
    return _SPACE_RE.sub(" ", text).strip(" \t,;:.-")


def canonical_org(name: str, province: str | None = None) -> str:
    """The canonical full name of an organisation as written in a document about `province`.

    >>> canonical_org("UBND tỉnh", "Đắk Nông")
    'Ủy ban nhân dân tỉnh Đắk Nông'
    """
    text = clean_name(name)
    shouted = _shouted(text)
    text = _recase(_DASH_RE.sub(" - ", expand_abbreviations(text)), shouted)
    return complete_with_province(text, province)


def find_organizations(doc: Document, header: Header) -> tuple[Organization, ...]:
    return ()
