"""Organisations and units, with canonical names ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh X").

Names are read by a small scanner over the words of each paragraph, with the grammar

    body  := PART body | KNOWN place? | TYPE name place? parent?
    place := level Name | level (the document's own) | Province | "Việt Nam" | "Trung ương"

where KNOWN is a name of data/org_names.tsv ("Bộ Tài chính", "Ủy ban nhân dân"), TYPE a type
of data/org_types.tsv ("Sở", "Hội", "Phòng") and parent a body written right after a unit
("Phòng Thi đua, khen thưởng, Sở Nội vụ"). Abbreviations (data/org_abbreviations.tsv) stand
for the words they abbreviate. `canonical_org` then writes each name out in full.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from . import data
from .document import Document, Paragraph
from .locations import (
    district_named,
    find_provinces,
    mostly_capitals,
    names_place,
    places_in,
    provinces,
    surnames,
)
from .normalize import fold, fold_key, modern_tones, nfc, text_cache
from .phrases import trie_pattern
from .record import Header, Organization, Span

# The words that name a level of local government, written before the place's name.
PLACE_LEVELS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
# Matched on lower-cased text with its marks: folded, "quận" would also be "Quản lý".
_LEVEL_RE = re.compile(r"(?<!\w)(" + "|".join(PLACE_LEVELS) + r")(?!\w)")
_CENTRAL_PLACES = ("viet nam", "trung uong", "quoc gia")
_BODY_KINDS = ("central", "local")
_WORD_RE = re.compile(r"[\w&'’]+(?:\.(?=\w)[\w&]+)*|[^\w\s]")
_JOINERS = {",", "-", "–", "—"}
_SPACE_RE = re.compile(r"\s+")
_DASH_RE = re.compile(r"\s*[-–—]\s*")


@dataclass(frozen=True)
class KnownName:
    """A body or field name in its official spelling; `kind` is central, local or field."""

    name: str
    kind: str


@dataclass(frozen=True)
class OrgType:
    """A type of body ("Sở", "Hội"): `unit` is no, yes, part or place; `scope` local, central or none."""

    name: str
    unit: str
    scope: str


@lru_cache(maxsize=1)
def known_names() -> tuple[KnownName, ...]:
    """The official names of central bodies, local body types and fields (data/org_names.tsv)."""
    names = [KnownName(row["name"], row["kind"]) for row in data.rows("org_names.tsv")]
    return tuple(names + [KnownName(name, "central") for name, _ in enterprises()])


@lru_cache(maxsize=1)
def org_types() -> tuple[OrgType, ...]:
    """The types of bodies a name follows (data/org_types.tsv)."""
    return tuple(OrgType(row["type"], row["unit"], row["scope"]) for row in data.rows("org_types.tsv"))


@lru_cache(maxsize=1)
def enterprises() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """State groups and corporations with their short names (data/org_enterprises.tsv)."""
    return tuple(
        (row["name"], tuple(s for s in row["short"].split(";") if s)) for row in data.rows("org_enterprises.tsv")
    )


def _abbreviation_rows() -> list[tuple[str, str]]:
    rows = [(row["written"], row["expansion"]) for row in data.rows("org_abbreviations.tsv")]
    return rows + [(short, name) for name, shorts in enterprises() for short in shorts]


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Words that end a body's name in running text (data/org_stopwords.txt)."""
    return frozenset(w.lower() for w in data.words("org_stopwords.txt"))


# ---------------------------------------------------------------------------------------------
# Words


@text_cache()
def _low(text: str) -> str:
    """Lower case with the marks kept and tones placed the modern way ("Uỷ" -> "ủy")."""
    low = text.lower()
    if not _OLD_TONE_RE.search(low):
        return low
    modern = modern_tones(low)
    return modern if len(modern) == len(low) else low


# A final "oa", "oe" or "uy" with the tone on its second vowel ("hoà", "uỷ"): the old placement.
_OLD_TONE_RE = re.compile("(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\\W\\d_])")


class Token(NamedTuple):
    """A word or punctuation mark; an abbreviation stands for its expansion's words."""

    start: int
    end: int
    word: str
    low: str  # lower case, marks kept: "Sở" and "Số" differ
    cap: bool
    is_word: bool
    abbreviation: bool = False


def _phrase_index(items) -> dict:
    """Phrases as a trie of their words: {"ủy": {"ban": {..., None: value}}}; a phrase's first value wins."""
    trie: dict = {}
    for words, value in items:
        if words:
            node = trie
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(None, value)  # the key None marks where a phrase ends (words are strings)
    return trie


def _words(text: str) -> tuple[str, ...]:
    return tuple(_low(w) for w in _WORD_RE.findall(text) if w not in _JOINERS)


@dataclass(frozen=True)
class _Indexes:
    abbreviations: dict
    known: dict
    types: dict
    places: dict
    levels: dict
    enterprise_cores: dict  # "Xăng dầu" -> "Tập đoàn Xăng dầu Việt Nam"


@lru_cache(maxsize=1)
def _indexes() -> _Indexes:
    return _Indexes(
        abbreviations=_phrase_index(
            (tuple(_low(w) for w in _WORD_RE.findall(written)), (written, expansion))
            for written, expansion in _abbreviation_rows()
        ),
        known=_phrase_index((_words(k.name), k) for k in known_names()),
        types=_phrase_index((_words(t.name), t) for t in org_types()),
        places=_phrase_index((_words(w), p) for p in provinces() for w in (p.name, *p.aliases)),
        levels=_phrase_index((tuple(w.split()), w) for w in PLACE_LEVELS),
        enterprise_cores=_phrase_index(
            (_words(core), name)
            for name, _ in enterprises()
            for core in _enterprise_cores(name)
        ),
    )


def _enterprise_cores(name: str) -> list[str]:
    """The words after an enterprise's type, with and without "Việt Nam": "Xăng dầu Việt Nam", "Xăng dầu"."""
    core = re.sub(r"^(?:Tập đoàn|Tổng công ty)\s+(?:Cổ phần\s+)?", "", name)
    return [core, core[: -len(" Việt Nam")]] if core.endswith(" Việt Nam") else [core]


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """The words a body's name can start with: the first words of known names and of types."""
    known = {words[0] for k in known_names() if k.kind in _BODY_KINDS and (words := _words(k.name))}
    return frozenset(known | set(_indexes().types))


@lru_cache(maxsize=1)
def _start_re() -> re.Pattern:
    """Finds where a body may be named: the words of a known name or a type, or an abbreviation
    (not inside a document's code: "NĐ-CP"), in lower case with the marks."""
    phrases = {" ".join(_words(k.name)) for k in known_names() if k.kind in _BODY_KINDS}
    phrases |= {" ".join(_words(t.name)) for t in org_types()}
    phrases |= {_low(written) for written, _ in _abbreviation_rows()}
    return re.compile(r"(?<![\w/-])(?:" + trie_pattern(phrases, space=r"\s+") + r")(?!\w)")


def _match(tokens: Sequence[Token], i: int, index: dict, joiners: bool = True):
    """The longest phrase of `index` starting at token i, as (end, value), or None; with `joiners`,
    commas and dashes between its words are passed over ("Ủy ban nhân dân, tỉnh")."""
    n = len(tokens)
    node = index.get(tokens[i].low) if i < n else None
    longest = None
    j = i + 1
    while node is not None:
        if None in node:
            longest = (j, node[None])
        words, node = node, None
        while j < n:
            tok = tokens[j]
            if tok.low in words:
                node = words[tok.low]
                j += 1
                break
            if not (joiners and tok.word in _JOINERS):
                break
            j += 1
    return longest


# Level words that are part of a word or a body: "Hợp tác xã", "Thông tấn xã", "Tỉnh ủy", "Thành đoàn".
_NOT_LEVEL_RE = re.compile(r"(?:hợp tác|thông tấn) xã$")


def _level_at(tokens: Sequence[Token], i: int) -> int | None:
    """The end of a level word ("tỉnh", "thành phố") at token i, or None."""
    hit = _match(tokens, i, _indexes().levels, joiners=False)
    if hit is None:
        return None
    after = tokens[hit[0]].low if hit[0] < len(tokens) else ""
    before = tokens[i - 1].low if i else ""
    if after in ("ủy", "đoàn") or (tokens[i].low == "xã" and (before in ("tác", "tấn") or after == "hội")):
        return None  # "Tỉnh ủy", "Hợp tác xã", "Thông tấn xã", "xã hội"
    return hit[0]


def tokenize(text: str) -> tuple[Token, ...]:
    """Words and punctuation of `text`, abbreviations replaced by the words they stand for."""
    # Names are tokenized again and again (canonical names, kinds, places); a paragraph once.
    return _tokenize_name(text) if len(text) <= 300 else _tokenize(text)


@text_cache(maxsize=1024)
def _tokenize_name(text: str) -> tuple[Token, ...]:
    return _tokenize(text)


def _tokenize(text: str) -> tuple[Token, ...]:
    index = _indexes().abbreviations
    plain, abbreviated = _plain_tokens(text, _low(text), index)
    if not abbreviated:
        return tuple(plain)
    out: list[Token] = []
    i = 0
    while i < len(plain):
        hit = _match(plain, i, index, joiners=False) if plain[i].cap and plain[i].low in index else None
        if hit and _written_as_abbreviation(text, plain[i : hit[0]], hit[1][0]):
            start, stop = plain[i].start, plain[hit[0] - 1].end
            for w in _WORD_RE.findall(hit[1][1]):
                out.append(Token(start, stop, w, _low(w), w[:1].isupper(), w[:1].isalnum(), True))
            i = hit[0]
            continue
        out.append(plain[i])
        i += 1
    return tuple(out)


# Punctuation that is a token by itself wherever it stands (not "&", "'" or "’", which join a word's
# letters, nor ".", which joins them only inside a word: "V.I"; at a word's end it stands alone).
_ALONE = ",.;:()[]{}\"“”‘!?-–—/|…*+=<>%#@$^~`§°•·"


def _plain_tokens(text: str, low: str, abbreviations: dict) -> tuple[list[Token], bool]:
    """The tokens of _WORD_RE, each with its lower-case form from `low` (`text` lower-cased), and
    whether a capitalised one may start an abbreviation (its lower case a key of `abbreviations`)."""
    make = tuple.__new__  # a Token without the named tuple's Python-level constructor
    tokens: list[Token] = []
    append = tokens.append
    pieces, low_pieces = text.split(" "), low.split(" ")
    if len(low) != len(text):  # lower case lengthened a character, moving the spaces (never in Vietnamese)
        for m in _WORD_RE.finditer(text):
            start, end = m.span()
            first = text[start]
            append(make(Token, (start, end, m.group(), low[start:end], first.isupper(), first.isalnum(), False)))
        return tokens, any(t.cap and t.low in abbreviations for t in tokens)
    abbreviated = False
    # Tokens never hold a space: the text is read between its spaces. A piece made of letters and
    # digits (most words) is one token, and so is each punctuation mark around one ("đua," "(Sở");
    # the regex reads the other pieces ("354/QĐ-UBND", "V.I", "H'Mông").
    pos = 0
    for piece, low_piece in zip(pieces, low_pieces):
        size = len(piece)
        if piece.isalnum():
            cap = piece[0].isupper()
            append(make(Token, (pos, pos + size, piece, low_piece, cap, True, False)))
            if cap and low_piece in abbreviations:
                abbreviated = True
        elif (core := piece.strip(_ALONE)).isalnum() or (size and not core):
            lead = size - len(piece.lstrip(_ALONE)) if core else size
            for k in range(lead):
                append(make(Token, (pos + k, pos + k + 1, piece[k], low_piece[k], False, False, False)))
            if core:
                tail = lead + len(core)
                cap = core[0].isupper()
                append(make(Token, (pos + lead, pos + tail, core, low_piece[lead:tail], cap, True, False)))
                if cap and low_piece[lead:tail] in abbreviations:
                    abbreviated = True
                for k in range(tail, size):
                    append(make(Token, (pos + k, pos + k + 1, piece[k], low_piece[k], False, False, False)))
        elif size:
            for m in _WORD_RE.finditer(piece):
                start, end = m.span()
                first = piece[start]
                cap = first.isupper()
                append(make(Token, (
                    pos + start, pos + end, m.group(), low_piece[start:end], cap, first.isalnum(), False,
                )))
                if cap and low_piece[start:end] in abbreviations:
                    abbreviated = True
        pos += size + 1
    return tokens, abbreviated


def _written_as_abbreviation(text: str, tokens: Sequence[Token], written: str) -> bool:
    """In capitals as listed ("Tp" aside), and not part of a document's code ("NĐ-CP", "QĐ-UBND")."""
    for token, part in zip(tokens, _WORD_RE.findall(written)):
        if part.isupper() and len(part) > 1 and not token.word.isupper():
            if not (fold(token.word) == "tp" and token.cap):
                return False
    start, end = tokens[0].start, tokens[-1].end
    before = text[start - 1] if start else " "
    after = text[end : end + 2]
    return before not in "/-–" and not (after[:1] in "/-–" and after[1:2].isalnum())


# ---------------------------------------------------------------------------------------------
# Canonical names


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

# Words after a type that stay in lower case: "Công đoàn ngành Giáo dục", "Đảng ủy khối".
_KEEP_LOWER = ("và", "ngành", "khối")


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
    idx = _indexes()
    i = 0
    while i < len(tokens):
        known = _match(tokens, i, idx.known)
        if known:
            end = tokens[known[0] - 1].end
            fix(tokens[i].start, end, known[1].name)
            nxt = tokens[known[0]] if known[0] < len(tokens) else None
            after = nxt and nxt.is_word and not fixed[nxt.start] and nxt.low != "chuyên"
            if shouted and known[1].kind == "generic" and after:
                chars[nxt.start] = chars[nxt.start].upper()  # "Trường Đại học" + "Mở Hà Nội"
            j = known[0]
            while shouted and known[1].name in _NAMED_SCHOOLS and j < len(tokens) and tokens[j].is_word:
                if _level_at(tokens, j) is not None or _match(tokens, j, idx.known):
                    break  # "Trường THPT Hòa An tỉnh Cao Bằng"
                if tokens[j].low != "chuyên":
                    chars[tokens[j].start] = chars[tokens[j].start].upper()  # "TRƯỜNG THPT HOÀ AN": "Hòa An"
                j += 1
            i = known[0]
            continue
        level = _match(tokens, i, idx.levels, joiners=False)
        if level and level[0] < len(tokens) and tokens[level[0]].is_word:
            start = tokens[i].start
            fix(start, tokens[level[0] - 1].end, text[start : tokens[level[0] - 1].end].lower())
            j = level[0]
            while j < len(tokens) and tokens[j].is_word and not fixed[tokens[j].start]:
                if _match(tokens, j, idx.known) or _match(tokens, j, idx.types, joiners=False):
                    break
                fix(tokens[j].start, tokens[j].end, _title(tokens[j].word))
                j += 1
            i = j
            continue
        place = _match(tokens, i, idx.places)
        if place and (shouted or tokens[i].cap):
            start, end = tokens[i].start, tokens[place[0] - 1].end
            fix(start, end, _title(text[start:end]))
            i = place[0]
            continue
        typed = _match(tokens, i, idx.types, joiners=False) if tokens[i].cap or shouted else None
        if typed and not tokens[i].abbreviation:
            start, end = tokens[i].start, tokens[typed[0] - 1].end
            fix(start, end, typed[1].name)  # "Hiệp Hội" -> "Hiệp hội"
        if typed and typed[0] < len(tokens):
            nxt = tokens[typed[0]]
            if nxt.is_word and not fixed[nxt.start] and nxt.low not in _stopwords() and nxt.low not in _KEEP_LOWER and (
                _level_at(tokens, typed[0]) is None
            ):
                chars[nxt.start] = chars[nxt.start].upper()
        i = typed[0] if typed else i + 1
    if chars and not fixed[0]:
        chars[0] = chars[0].upper()
    return "".join(chars)


_AREA_RE = re.compile(r"\bkhu vực\s+(?:[IVXLC]+|\d+|[A-ZĐ]\w*)")


@lru_cache(maxsize=8192)
def _has_place(name: str) -> bool:
    """Whether the name says where the body is (a province, "huyện X", "Phan Thiết", "Việt Nam")."""
    if names_place(name) or _AREA_RE.search(name):
        return True
    tokens = tokenize(name)
    idx = _indexes()
    i = 0
    while i < len(tokens):
        known = _match(tokens, i, idx.known)
        if known and known[1].kind == "local":
            i = known[0]  # "Việt Nam" in "Ủy ban Mặt trận Tổ quốc Việt Nam" is no place
            continue
        if fold(" ".join(t.word for t in tokens[i : i + 2])) in _CENTRAL_PLACES:
            return True
        i += 1
    return False


def _scope(name: str) -> str | None:
    """The scope of the last body named: "central", "local", or None (enterprises, schools)."""
    tokens = tokenize(name)
    idx = _indexes()
    scope, i = None, 0
    while i < len(tokens):
        if not tokens[i].cap:
            i += 1
            continue
        known = _match(tokens, i, idx.known)
        typed = _match(tokens, i, idx.types, joiners=False)
        if known and (not typed or known[0] >= typed[0]):
            if known[1].kind == "central":
                return "central"
            if known[1].kind == "local":
                scope = "local"
            i = known[0]
        elif typed and typed[1].unit != "part":
            scope, i = typed[1].scope, typed[0]
        else:
            i += 1
    return None if scope == "none" else scope


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
_DISTRICT_COMMITTEES = ("huyen uy", "quan uy", "thi uy", "huyen doan", "quan doan", "thi doan")


def complete_with_province(name: str, province: str | None) -> str:
    """Add the province to a local body that does not name its place ("Sở Nội vụ" -> "Sở Nội vụ tỉnh X")."""
    if not province:
        return name
    level = province_level(province)
    lower = name.lower()
    if lower.endswith((" tỉnh", " thành phố")):
        # "UBND tỉnh" in a provincial document; "UBND thành phố" in a tỉnh is one of its cities.
        return f"{name} {province}" if lower.endswith(" " + level) else name
    if _has_place(name):
        return name
    words = name.split(" ", 2)
    if len(words) == 3 and fold(" ".join(words[:2])) in _DISTRICT_COMMITTEES and district_named(words[2]):
        return name  # "Huyện Đoàn Ngọc Hiển": a district named by its whole name after its committee
    if _LEVEL_RE.search(lower.rsplit(" ", 1)[-1]) or lower.endswith((" thị xã", " thị trấn")):
        return name  # "Ủy ban nhân dân huyện": a district the name does not say
    if _scope(name) != "local":
        return name
    if fold(name).endswith(_DISTRICT_COMMITTEES + ("dang uy",)):
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
    text = modern_tones(nfc(name))
    text = _MOTTO_RE.split(text, 1)[0]
    return _SPACE_RE.sub(" ", text).strip(" \t,;:.-–")


_MOTTO_RE = re.compile(r"\s*(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|Cộng h(?:òa|oà) xã hội|ĐẢNG CỘNG SẢN VIỆT NAM)")


_FRONT_RE = re.compile(r"Mặt trận Tổ quốc(?! Việt Nam)")


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
    text = _recase(_DASH_RE.sub(" - ", expand_abbreviations(text)), shouted)
    text = _FRONT_RE.sub("Mặt trận Tổ quốc Việt Nam", text)  # its full name (Luật Mặt trận Tổ quốc)
    if text == "Ban Bí thư":
        text = "Ban Bí thư Trung ương Đảng"  # "Chỉ thị 24-CT/TW của Ban Bí thư": the Party's (Điều lệ Đảng)
    return text


# ---------------------------------------------------------------------------------------------
# Finding bodies in a paragraph


@dataclass(frozen=True)
class Mention:
    """A body as written: its tokens, the text to canonicalise and the province it names."""

    first: int
    last: int  # exclusive
    text: str
    province: str | None = None
    placed: bool = False  # the text says where the body is
    unit: bool = False  # a unit whose parent body the text has not named yet


# Types that start a list in lower case: "các bộ: Tư pháp, Nội vụ", "Các tập đoàn, Tổng công ty: ...".
_LISTED_LOWER = ("bộ", "sở", "tập")
@lru_cache(maxsize=4)
def _not_names(role: str) -> frozenset[str]:
    """Words after a type that make no name (data/org_not_names.tsv): "compound" or "post"."""
    return frozenset(row["words"] for row in data.rows("org_not_names.tsv") if row["role"] == role)


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    """The posts named after a body ("thủ tướng chính phủ"), for str.endswith."""
    return tuple(_not_names("title"))


# Bodies read inside one another at most: a unit, its parents, a part's body ("Thường trực Ban ...").
_MAX_NESTED = 12


@lru_cache(maxsize=1)
def _name_phrases() -> frozenset[str]:
    """Two words that go on with a name though one of them is a stop word (data/org_name_phrases.txt)."""
    return frozenset(w.lower() for w in data.words("org_name_phrases.txt"))


@lru_cache(maxsize=1)
def _addresses() -> frozenset[str]:
    """Forms of address written before a person's name ("ông", "đồng chí"), from data/person_context.tsv."""
    return frozenset(row["words"] for row in data.rows("person_context.tsv") if row["effect"] == "title")


# How low a level of local government is, by its first word: a list names places of one level.
_LEVEL_RANKS = {"tỉnh": 1, "huyện": 2, "quận": 2, "thị": 2, "thành": 2, "xã": 3, "phường": 3, "đặc": 3}


class _Scanner:
    """Reads the bodies named in one paragraph's tokens."""

    def __init__(self, text: str, shouted: bool = False):
        self.text = text
        self.t = tokenize(text)
        self.shouted = shouted
        self.idx = _indexes()
        self.stop = _stopwords()
        self._known: dict[int, tuple | None] = {}  # known() and typed() of each token, once
        self._typed: dict[int, tuple | None] = {}
        self._depth = 0  # bodies being read inside one another (a unit, its parent, the parent's ...)

    def tok(self, i: int) -> Token | None:
        return self.t[i] if 0 <= i < len(self.t) else None

    def cap_word(self, i: int) -> bool:
        tok = self.tok(i)
        return bool(tok and tok.is_word and tok.cap and not tok.word.isdigit())

    def lower_word(self, i: int) -> bool:
        tok = self.tok(i)
        return bool(tok and tok.is_word and not tok.cap and not tok.word.isdigit())

    def known(self, i: int):
        if i not in self._known:
            self._known[i] = _match(self.t, i, self.idx.known)
        return self._known[i]

    def typed(self, i: int):
        if i not in self._typed:
            self._typed[i] = _match(self.t, i, self.idx.types, joiners=False)
        return self._typed[i]

    def level(self, i: int) -> int | None:
        return _level_at(self.t, i)

    def starts_body(self, i: int) -> bool:
        if not self.cap_word(i):
            return False
        known = self.known(i)
        if known and known[1].kind in _BODY_KINDS:
            return True
        typed = self.typed(i)
        if typed and typed[1].unit == "place":
            return self.place(typed[0]) is not None
        return bool(typed)

    def stop_at(self, i: int) -> bool:
        """A function word or a verb ("của", "chủ trì") at token i."""
        tok = self.tok(i)
        if tok is None:
            return True
        nxt = self.tok(i + 1)
        if tok.low in self.stop:
            if nxt and (f"{tok.low} {nxt.low}" in _name_phrases() or (tok.low == "số" and nxt.word.isdigit())):
                return False  # "Cảnh sát giao thông", "Đội Quản lý thị trường số 3"
            if i and f"{self.t[i - 1].low} {tok.low}" in _name_phrases():
                return False  # "Xổ số kiến thiết", "Công trình đô thị"
            return not (tok.low == "cấp" and i and self.t[i - 1].low == "liên")  # "liên cấp" school
        return bool(nxt and f"{tok.low} {nxt.low}" in self.stop)

    def text_of(self, first: int, last: int) -> str:
        return self.text[self.t[first].start : self.t[last - 1].end]

    def ends_name(self, i: int) -> bool:
        """Whether a name may end before token i: punctuation, a function word, a place, a body."""
        tok = self.tok(i)
        if tok is None or not tok.is_word or self.stop_at(i) or tok.low in ("và", "hoặc"):
            return True
        return self.place(i) is not None or self.starts_body(i)

    def place(self, i: int) -> tuple[int, str | None, bool] | None:
        """A place written after a body: (end, province or None, says which)."""
        tok = self.tok(i)
        if tok is None or not tok.is_word:
            return None
        body = self.known(i)
        if body and body[1].kind in _BODY_KINDS:
            return None  # "Tỉnh ủy", "Thành đoàn": a body, not a place
        if tok.low == "khu" and self.tok(i + 1) and self.t[i + 1].low == "vực":
            j = i + 2  # "Chi cục Thuế khu vực Gia Nghĩa", "Kho bạc Nhà nước khu vực XII"
            while self.cap_word(j) or (self.tok(j) and self.t[j].word.isdigit()):
                j += 1
            return (j, None, True) if j > i + 2 else None
        if tok.low == "chi" and self.tok(i + 1) and self.t[i + 1].low == "nhánh":
            inner = self.place(i + 2)  # "Ngân hàng Nhà nước chi nhánh tỉnh Đắk Nông"
            return inner if inner and inner[2] else None
        end = self.level(i)
        if end is not None:
            province = _match(self.t, end, self.idx.places)
            district = self.district(end, after_level=True)
            if district and not province:
                return district  # "huyện Xuân Trường": a district's name, though "Trường" may start a school
            j = end
            while self.cap_word(j) and not self.starts_body(j):
                j += 1
                if self.tok(j) and self.t[j].word in ("-", "–") and self.cap_word(j + 1):
                    j += 1
            if province and province[0] >= j:
                return province[0], province[1].name, True
            if j > end and self.t[i].low != "tỉnh" and j - end <= 4 and self.ends_name(j):
                return j, None, True  # "huyện Cư Jút", "thành phố Phan Thiết"
            return end, None, False  # "UBND tỉnh": the document's own
        hit = _match(self.t, i, self.idx.places)
        if hit and tok.cap and not hit[1].needs_level:
            return hit[0], hit[1].name, True
        nxt = self.tok(i + 1)
        if nxt and fold(f"{tok.word} {nxt.word}") in _CENTRAL_PLACES:
            return i + 2, None, True
        if tok.word == "TW":
            return i + 1, None, True
        return None

    def district(self, i: int, after_level: bool = False) -> tuple[int, str | None, bool] | None:
        """A district named by its whole name at token i ("Hạ Long", "Mộc Châu"), as place() gives it;
        without a level before it, only where a name may end."""
        j = i
        while j - i < 4 and self.cap_word(j) and not self.t[j].abbreviation:
            j += 1
        for k in range(j, i, -1):
            found = district_named(self.text_of(i, k))
            if found and (after_level or self.ends_name(k)):
                return k, found.province, True
        return None

    def name(self, i: int, lower_ok: bool) -> int | None:
        """The end of a body's own name after its type ("Nội vụ", "Dịch vụ việc làm"), or None."""
        if i < len(self.t) and self.not_name(i):
            return None  # "Quỹ thi đua, khen thưởng" is a fund, though "Thi đua - Khen thưởng" names units
        field = self.known(i)
        if field and field[1].kind == "field":
            end = field[0]
            if self.tok(end + 1) and self.t[end].low == "số" and self.t[end + 1].word.isdigit():
                end += 2  # "Đội Quản lý thị trường số 3"
            return end
        if field and field[1].kind == "generic":
            return self.run(field[0])  # "Trường Đại học" + "Mở Hà Nội"
        if self.shouted or self.level(i) is not None:
            return None
        if self.tok(i) and self.t[i].low in ("ngành", "khối") and self.cap_word(i + 1):
            return self.run(i + 1)  # "Công đoàn ngành Giáo dục", "Đảng ủy khối Doanh nghiệp"
        if self.tok(i) and self.t[i].word in ("Sở", "Bộ") and not self.cap_word(i + 1) and not self.known(i + 1):
            return i + 1  # "Văn phòng Sở hoàn chỉnh hồ sơ": the department that writes
        if not self.cap_word(i):
            return self.lower_name(i) if lower_ok else None
        if self.not_name(i) or self.t[i].low in self.stop:
            return None  # "KT. BỘ TRƯỞNG", "Ban Hành"
        return self.run(i + 1)

    def run(self, j: int) -> int:
        """The end of a name whose last capitalised word ends before token j."""
        last_cap = j
        while j < len(self.t):
            tok = self.t[j]
            if self.place(j) or self.starts_body(j):
                break
            if self.cap_word(j) or (tok.word.isdigit() and self.t[j - 1].is_word):
                j += 1
                last_cap = j
            elif tok.word in ("“", '"'):
                close = next((k for k in range(j + 1, min(j + 16, len(self.t))) if self.t[k].word in ("”", '"')), None)
                if close is None:
                    break
                j = last_cap = close + 1  # a quoted name: Ban Chỉ đạo Cuộc vận động “Tiếp bước ...”
            elif tok.low in ("và", ",", "-", "–"):
                if self.starts_body(j + 1) or self.post_at(j + 1):
                    break  # "Trưởng phòng Nghiệp vụ Y, Ủy viên": a member's post follows the unit
                if self.cap_word(j + 1):
                    j += 2
                    last_cap = j
                    continue
                if tok.low in ("và", "-", "–") and self.lower_word(j + 1) and not self.stop_at(j + 2):
                    j += 1  # "Hội Bảo vệ thiên nhiên và môi trường", not "Hội Khuyến học và chỉ được"
                    continue
                listed = self.lower_part(j)
                if listed is None:
                    if tok.word == "," and self.lower_word(j + 1) and not self.stop_at(j + 1) and j > last_cap:
                        j = last_cap  # "Ban Chỉ đạo phòng, chống tội phạm, ...": a name too long to read
                    break
                j = last_cap = listed
            elif self.lower_word(j) and not self.stop_at(j) and j - last_cap < 8:
                j += 1
            else:
                break
        if j > last_cap and not self.ends_name(j):
            j = last_cap  # lower-case words that run on into the sentence
        while j > last_cap and self.t[j - 1].low in ("và", ",", "-", "–"):
            j -= 1
        return j

    def post_at(self, i: int) -> bool:
        """A post starts at token i ("Ủy viên", "Thư ký"): no part of a name."""
        nxt = self.tok(i + 1)
        return bool(nxt and self.t[i].is_word and f"{self.t[i].low} {nxt.low}" in _not_names("post"))

    def not_name(self, i: int) -> bool:
        """Token i makes its type an ordinary word or a post ("Trường hợp", "Cục trưởng")."""
        pair = f"{self.t[i - 1].low} {self.t[i].low}"
        if self.t[i].low in _not_names("post"):
            return True
        longer = _match(self.t, i - 2, self.idx.types, joiners=False) if i >= 2 else None
        if longer and longer[0] == i:  # a type of two words: "Cơ sở dữ liệu", but "Công đoàn Viên chức"
            return f"{self.t[i - 2].low} {pair}" in _not_names("compound")
        return pair in _not_names("compound")

    def lower_part(self, j: int) -> int | None:
        """ "Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp": a lower-case part before a parent."""
        if self.t[j].word != "," or not self.lower_word(j + 1):
            return None
        k = j + 1
        while self.lower_word(k) and not self.stop_at(k) and k - j <= 5:
            k += 1
        if self.tok(k) and self.t[k].word == "," and self.starts_body(k + 1):
            return k
        if self.tok(k) and self.t[k].word == ")" and self.tok(j - 1) and self._opened(j):
            return k  # "(qua Phòng Thi đua, khen thưởng)"
        return None

    def _code_in_brackets(self, j: int) -> bool:
        """Tokens j.. are a short code in brackets: "(NC)", "(TH)"."""
        window = self.t[j : j + 3]
        return len(window) == 3 and window[0].word == "(" and window[2].word == ")" and window[1].word.isupper()

    def _opened(self, j: int) -> bool:
        """A bracket is open before token j in this paragraph."""
        depth = 0
        for tok in self.t[:j]:
            depth += (tok.word == "(") - (tok.word == ")")
        return depth > 0

    def lower_name(self, i: int) -> int | None:
        """A name in lower case ("Ban chỉ đạo bầu cử tỉnh") counts when a place or a parent ends it."""
        if not self.lower_word(i) or self.t[i].low in self.stop or self.not_name(i):
            return None
        j = i
        while self.lower_word(j) and (j == i or not self.stop_at(j)) and self.t[j].low != "và" and j - i < 5:
            j += 1
            if self.place(j) or (self.starts_body(j) and self.body(j) is not None):
                return j
            nxt = self.tok(j)
            if nxt and nxt.word == "và" and j - i <= 3 and self.starts_body(j + 1):
                return j  # "Liên đoàn cầu lông và Hội Golf"
        return None

    def body(self, i: int) -> Mention | None:
        """The body whose name starts at token i, if one does; a chain of parents is read at most
        _MAX_NESTED deep ("Tổ X, Phòng Y, Sở Z, UBND tỉnh"), so a list of a thousand names run
        together costs no deep recursion."""
        if not self.cap_word(i) or self._depth >= _MAX_NESTED:
            return None
        self._depth += 1
        try:
            return self._body(i)
        finally:
            self._depth -= 1

    def _body(self, i: int) -> Mention | None:
        known, typed = self.known(i), self.typed(i)
        if typed and typed[1].unit == "part" and (not known or typed[0] >= known[0]):
            inner = self.body(typed[0])
            if inner is not None:
                return Mention(i, inner.last, self.text_of(i, inner.last), inner.province, inner.placed)
            if not (known and known[1].kind == "local" and known[0] == typed[0]):
                return None
            return self.placed(i, known[0], True, district=True)  # "Đảng ủy xã Giao Thiện", "Đảng ủy phường"
        if known and known[1].kind in _BODY_KINDS and not (typed and typed[0] >= known[0]):
            local = known[1].kind == "local"
            mention = self.placed(i, known[0], local, district=local)
            if local and mention.last == known[0] and known[1].name in _BOARDS and self.starts_body(known[0]):
                parent = self.body(known[0])  # "Ban Thi đua - Khen thưởng Bộ Tài chính": the ministry's board
                if parent is not None:
                    return Mention(i, parent.last, self.with_parent(i, known[0], parent), parent.province, parent.placed)
            return mention
        if not typed:
            return None
        end, kind = typed
        if kind.unit == "place":
            place = self.place(end)
            if not place:
                return None
            return Mention(i, place[0], self.text_of(i, place[0]), place[1], place[2])
        at = end + 3 if kind.unit == "yes" and self._code_in_brackets(end) else end
        if kind.unit == "yes" and self.starts_body(at):
            parent = self.body(at)  # "Văn phòng Ủy ban nhân dân tỉnh", "VP (NC) UBND tỉnh"
            if parent is not None:
                text = self.with_parent(i, end, parent)
                return Mention(i, parent.last, text, parent.province, parent.placed)
        if kind.name == "Đoàn" and self.level(end) is not None:
            place = self.place(end)  # "Đoàn xã Khánh Bình Tây": the youth union of a commune
            return Mention(i, place[0], self.text_of(i, place[0]), place[1], True) if place and place[2] else None
        name_end = self.name(end, True)
        if name_end is None:
            return None
        mention = self.placed(i, name_end, True)
        if mention.placed or mention.last > name_end:
            return mention
        after = name_end
        if kind.unit == "yes" and self._code_in_brackets(after):
            after += 3  # "Phó CVP (NC) UBND tỉnh"
        if kind.unit == "yes" and self.tok(after) and self.t[after].word in (",", "-", "–", "|"):
            comma = self.t[after].word in (",", "|")
            if comma or kind.scope == "local":
                after += 1  # "Phòng Tham mưu - Công an tỉnh", but "Vụ Pháp chế - Bộ Nội vụ" are two
                # "Phòng Tổ chức - Biên chế | Sở Nội vụ |": a table's unit and the body it belongs to
        if self.starts_body(after):
            parent = self.body(after)
            if parent is not None and after > name_end and self.t[name_end].word == ",":
                # "Phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo;" names one unit, but in
                # "Phòng Tài chính - Kế hoạch, Sở Nội vụ, Công an huyện" the commas list three.
                own_comma = any(t.word == "," for t in self.t[end:name_end])
                closing = self.tok(parent.last)
                if not (own_comma or kind.scope == "none" or closing is None or closing.word in (";", ".", ":", ")", "|")):
                    parent = None
            if parent is not None:
                text = self.with_parent(i, name_end, parent)
                return Mention(i, parent.last, text, parent.province, parent.placed)
        if kind.unit == "yes" and mention.last == name_end:
            return Mention(i, name_end, mention.text, unit=True)
        return mention

    def with_parent(self, i: int, end: int, parent: Mention) -> str:
        """A unit's words and its parent's, once each ("VP.UBND tỉnh" is one abbreviation)."""
        if self.t[parent.first].start < self.t[end - 1].end:
            return self.text_of(i, parent.last)
        if end - i > 1 and self.t[end - 1].word in ("Sở", "Bộ") and self.t[parent.first].word == self.t[end - 1].word:
            end -= 1  # "Văn phòng Sở | Sở Tài chính": the unit's "Sở" is its parent
        return f"{self.text_of(i, end)} {parent.text}"

    def placed(self, i: int, end: int, may_have_place: bool, district: bool = False) -> Mention:
        """The body of tokens i..end, with the place written after it when there is one; with
        `district`, a district's name without its level counts ("KBNN Hạ Long", "Huyện ủy Mộc Châu")."""
        place = self.place(end) if may_have_place else None
        if place is None and district:
            place = self.district(end)
        if place is None:
            nxt = self.tok(end)
            if nxt and nxt.word in ("Bộ", "Sở") and not self.cap_word(end + 1) and not self.known(end + 1):
                end += 1  # "Văn phòng Bộ", "Hội đồng Thi đua - Khen thưởng Sở": the body that wrote the document
            return Mention(i, end, self.text_of(i, end))
        return Mention(i, place[0], self.text_of(i, place[0]), place[1], place[2])

    def scan(self) -> list[Mention]:
        """Every body named, left to right, with "các Bộ: Tài chính, Y tế" read as two bodies."""
        found, i = [], 0
        starts = _starts()
        tokens, n = self.t, len(self.t)
        while i < n:
            tok = tokens[i]
            if tok.low not in starts or not (tok.cap or tok.low in _LISTED_LOWER):
                i += 1
                continue
            listed = self.listed(i)
            if listed:
                found.extend(listed)
                i = listed[-1].last
                continue
            mention = None if self.inside_word(i) else self.body(i)
            if mention is None or self.generic(mention) or self.person(mention) or self.titled(mention):
                i += 1
                continue
            found.append(self.under_parent(mention, found))
            i = mention.last
            for more in self.more_places(mention):
                found.append(more)
                i = more.last
        return _share_places(found, self.t)

    def more_places(self, mention: Mention) -> list[Mention]:
        """ "UBND huyện Thủy Nguyên, huyện An Dương": the same body of each place listed after it."""
        if not mention.placed:
            return []
        k = next((k for k in range(mention.last - 1, mention.first, -1) if self.level(k) is not None), None)
        if k is None:
            return []
        head, out, j = self.text_of(mention.first, k), [], mention.last
        rank = _LEVEL_RANKS.get(self.t[k].low, 2)
        while self.tok(j + 1) and self.t[j].word in (",", "và") and self.level(j + 1) is not None:
            if _LEVEL_RANKS.get(self.t[j + 1].low, 2) < rank:
                break  # "UBND xã Quảng Hải, huyện Quảng Xương": the district the commune is in
            place = self.place(j + 1)
            if place is None or not place[2] or place[0] <= j + 1:
                break
            out.append(Mention(j + 1, place[0], f"{head} {self.text_of(j + 1, place[0])}", place[1], True))
            j = place[0]
        return out

    def under_parent(self, mention: Mention, found: list[Mention]) -> Mention:
        """ "Sở Nội vụ (qua Phòng Thi đua, khen thưởng)": the unit of the body before the bracket."""
        if not found or mention.placed or mention.first - found[-1].last not in (1, 2):
            return mention
        between = [t.low for t in self.t[found[-1].last : mention.first]]
        board = self.t[mention.first].word == "Ban" and not self.known(mention.first) and between == ["(", "qua"]
        if not (board or (mention.unit and between in (["("], ["(", "qua"]))):
            return mention  # "Liên đoàn Lao động tỉnh (qua Ban Tổ chức - Kiểm tra)": a board of the body
        parent = found[-1]
        return Mention(mention.first, mention.last, f"{mention.text} {parent.text}", parent.province, parent.placed)

    def inside_word(self, i: int) -> bool:
        """Token i continues an abbreviation ("ĐBQH") or a person's name ("Lê Trường Sơn")."""
        tok, before = self.t[i], self.tok(i - 1)
        if before is None:
            return False
        if tok.abbreviation and before.abbreviation and before.start == tok.start:
            k = i - 1
            while k >= 0 and self.t[k].abbreviation and self.t[k].start == tok.start:
                if self.t[k].low not in ("phó", "chánh"):
                    return True  # "Quốc hội" in "ĐBQH", but "Văn phòng" in "PCVP"
                k -= 1
            return False
        if before.is_word and before.cap and not before.abbreviation and not self.known(i):
            return before.low in surnames()  # "Lê Trường Sơn", "Nguyễn Đoàn Anh"
        return before.is_word and f"{before.low} {tok.low}" in _not_names("compound")  # "Hội trường UBND"

    def person(self, mention: Mention) -> bool:
        """A family name that is also a type, with a given name ("ông Đoàn Minh Chiến", a signature
        "Đoàn Minh Hải"): after a form of address, or a paragraph of its own."""
        words = self.t[mention.first : mention.last]
        if words[0].low not in surnames() or not 3 <= len(words) <= 4:
            return False
        if not all(t.is_word and t.cap and not t.abbreviation and not t.word.isupper() for t in words):
            return False
        before = " ".join(t.low for t in self.t[max(0, mention.first - 2) : mention.first])
        if not before:
            return mention.last == len(self.t)
        return before in _addresses() or before.rsplit(" ", 1)[-1] in _addresses()

    def titled(self, mention: Mention) -> bool:
        """The body's name ends a post ("Thủ tướng Chính phủ", "Chủ tịch nước"): a person's office."""
        size = mention.last - mention.first
        words = " ".join(t.low for t in self.t[max(0, mention.first - 3) : mention.last])
        if not words.endswith(_titles()):
            return False  # most bodies end no post
        return any(words.endswith(title) and len(title.split()) >= size for title in _not_names("title"))

    def generic(self, mention: Mention) -> bool:
        """ "các Sở", "Ủy ban nhân dân các cấp": a kind of body, not one body."""
        before = self.tok(mention.first - 1)
        after = self.tok(mention.last)
        if after and after.low in ("các", "cấp") and not mention.placed:
            return True
        if before and before.low == "biểu" and not mention.placed:
            return True  # "bầu cử đại biểu Hội đồng nhân dân": the deputies, not the council
        following = self.tok(mention.last + 1)
        if after and after.low == "của" and following and following.low in ("các", "cơ", "đơn"):
            return True  # "Hội đồng Sáng kiến của cơ quan, đơn vị": one in each
        return bool(before and before.low in ("các", "những", "mỗi", "từng") and not mention.placed)

    def listed_districts(self, j: int, head: str) -> list[Mention]:
        """ "LĐLĐ các huyện Quỳnh Phụ, Hưng Hà và Thái Thụy": the body of each district named after the
        plural level, without a colon; the list ends at the first item that is no district's name."""
        items: list[Mention] = []
        while (place := self.district(j, after_level=True)) is not None:
            items.append(Mention(j, place[0], f"{head} {self.text_of(j, place[0])}", place[1], True))
            j = place[0]
            if not (self.tok(j + 1) and self.t[j].word in (",", "và")):
                break
            j += 1
        return items

    def listed(self, i: int) -> list[Mention]:
        """ "các Bộ: Giáo dục, Y tế", "UBND các tỉnh: Tuyên Quang, Cao Bằng": one body per item."""
        tok = self.tok(i)
        if tok is None or not tok.is_word:
            return []
        head_end, head = None, None
        typed, known = self.typed(i), self.known(i)
        if typed and typed[1].name in ("Bộ", "Sở") and self.tok(i - 1) and self.t[i - 1].low == "các":
            head_end, head = typed[0], typed[1].name
        elif typed and typed[1].name in ("Tập đoàn", "Tổng công ty") and self.tok(i - 1) and self.t[i - 1].low == "các":
            head_end, head = typed[0], "enterprise"
        elif known and known[1].kind == "local" and self.tok(known[0]) and self.t[known[0]].low == "các":
            level = self.level(known[0] + 1)
            if level is not None:
                head_end, head = level, self.text_of(i, known[0]) + " " + self.text_of(known[0] + 1, level)
        if head_end is None:
            return []
        j = head_end
        while j < len(self.t) and self.t[j].word != ":" and j - head_end < 4:
            j += 1
        if self.tok(j) is None or self.t[j].word != ":":
            return self.listed_districts(head_end, head) if head not in ("Bộ", "Sở", "enterprise") else []
        items, j = [], j + 1
        while j < len(self.t) and self.t[j].word not in (";", ".", ":"):
            field = self.known(j)
            province = _match(self.t, j, self.idx.places)
            enterprise = _match(self.t, j, self.idx.enterprise_cores) if head == "enterprise" else None
            if head in ("Bộ", "Sở") and field and field[1].kind == "field":
                items.append(Mention(j, field[0], f"{head} {self.text_of(j, field[0])}"))
                j = field[0]
            elif enterprise:
                items.append(Mention(j, enterprise[0], enterprise[1], placed=True))
                j = enterprise[0]
            elif head not in ("Bộ", "Sở", "enterprise") and province:
                items.append(Mention(j, province[0], f"{head} {province[1].name}", province[1].name, True))
                j = province[0]
            elif self.starts_body(j):
                mention = self.body(j)
                if mention is None:
                    j += 1
                    continue
                items.append(mention)
                j = mention.last
            else:
                j += 1
        return items


def _share_places(mentions: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
    """In "Tỉnh ủy, HĐND, UBND tỉnh Điện Biên" the last body's province is every body's."""
    out = list(mentions)
    for k in range(len(out) - 2, -1, -1):
        here, nxt = out[k], out[k + 1]
        between = [t.low for t in tokens[here.last : nxt.first]]
        if here.placed or not nxt.province or not between or any(w not in (",", "và") for w in between):
            continue
        out[k] = Mention(here.first, here.last, here.text, nxt.province, False, here.unit)
    return out


# ---------------------------------------------------------------------------------------------
# The document


@dataclass(frozen=True)
class _Context:
    """What completes names in one document: its province, and its issuer's central body."""

    province: str | None
    central_body: str | None  # "Bộ Tư pháp" for a ministry's documents, "Chính phủ" ...
    local: str | None = None  # "huyện Cư Jút" for a district's documents, "xã Hưng Long" ...
    agency: str | None = None  # "Sở Y tế tỉnh Quảng Nam": the local body whose units the document names


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
        if piece.strip() and mostly_capitals(piece):
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
        if _Scanner(piece).starts_body(0) or not groups:
            groups.append((piece, [span]))
        else:
            text, spans = groups[-1]
            groups[-1] = (f"{text} {piece}", [*spans, span])
    bodies = []
    for text, spans in groups:
        scanner = _Scanner(text)
        found = scanner.scan()
        if found:
            bodies.append((found[0].text, spans))
        elif scanner.typed(0) and scanner.typed(0)[1].unit == "yes":
            bodies.append((text, spans))  # "VĂN PHÒNG" under "BỘ TƯ PHÁP"
    return bodies


def _context(doc: Document, header: Header, block: list[tuple[str, list[Span]]]) -> _Context:
    """The document's province (none for a ministry's or the Government's own documents)."""
    top = canonical_org(block[0][0]) if block else (canonical_org(header.issuer) if header.issuer else None)
    lowest = canonical_org(block[-1][0]) if len(block) > 1 else None
    if top and not _has_place(top) and _scope(top) == "central" and not (lowest and find_provinces(lowest)):
        # "BỘ TÀI CHÍNH / CỤC THUẾ" is central, "BỘ CÔNG AN / CÔNG AN TỈNH LÀO CAI" local
        central = next((k.name for k in known_names() if fold(k.name) in fold(top)), top)
        return _Context(None, "Chính phủ" if "chinh phu" in fold(top) else central)
    local = _local_government(block)
    province = header.province or (find_provinces(top)[0][2].name if top and find_provinces(top) else None)
    if province is None and local:
        province = local[2]
    if province is None:
        counts: dict[str, int] = {}
        for para in doc.paragraphs:
            for _, _, prov in find_provinces(para.text):
                counts[prov.name] = counts.get(prov.name, 0) + 1
        province = max(counts, key=counts.get) if counts else None
    return _Context(province, None, f"{local[0]} {local[1]}" if local else None)


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
    "phong", "van phong", "uy ban nhan dan", "hoi dong nhan dan", "huyen uy", "dang uy",
    "uy ban mat tran to quoc", "hoi dong thi dua", "cong an", "ban chi dao",
)


# A Party committee's boards are named after it: "TỈNH ỦY ĐẮK NÔNG" / "BAN TUYÊN GIÁO".
_PARTY_COMMITTEES = ("tinh uy", "thanh uy", "huyen uy", "dang uy")


def _block_names(block: list[tuple[str, list[Span]]], context: _Context) -> list[tuple[str, list[Span]]]:
    """Canonical names of the header block's bodies: a unit under its parent gets the parent's name."""
    out: list[tuple[str, list[Span]]] = []
    parent = None
    for text, spans in block:
        scanner = _Scanner(text)
        typed = scanner.typed(0)
        if parent and typed and (
            typed[1].unit == "yes"
            or fold(parent).startswith(_PARTY_COMMITTEES)
            or (fold_key(canonical_org(text)) in _AGENCY_BODIES and _agency([(parent, [])]) == parent)
        ):  # "SỞ Y TẾ" / "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" is the Sở's council
            child = canonical_org(text)
            if len(child.split()) > len(typed[1].name.split()) and parent.startswith("Ủy ban nhân dân "):
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
    by_key: dict[str, tuple[str, list[Span]]] = {}

    def add(name: str, span: Span) -> None:
        key = fold_key(name)
        if key in by_key:
            by_key[key][1].append(span)
        else:
            by_key[key] = (name, [span])

    block_names = _block_names(block, context)
    if context.province:
        context = replace(context, agency=_agency(block_names))
    for name, spans in block_names:
        if name.lower() in _not_names("title"):
            continue  # "CHỦ TỊCH NƯỚC" heading the President's decision
        for span in spans:
            add(name, span)
    for para in doc.paragraphs:
        if para.seq in in_block:
            continue
        text = para.text
        for first, last, before, mention in _paragraph_mentions(text):
            name = _resolve(mention, before, context)
            if name is None:
                continue
            if mention.unit:
                name = _known_parent(name, by_key, canonical_org(mention.text))
            add(name, Span(para.seq, first, last, text[first:last]))
        if context.agency and _is_school(context.agency):
            for name, first, last in school_units(text, context.agency):
                add(name, Span(para.seq, first, last, text[first:last]))
    return tuple(
        Organization(name=name, kind=_kind(name), province=_province(name), spans=tuple(spans))
        for name, spans in _merge_variants(by_key)
    )


@lru_cache(maxsize=8192)
def _paragraph_mentions(text: str) -> tuple[tuple[int, int, str, Mention], ...]:
    """The bodies a paragraph names as the scanner reads them, before the document completes them:
    (start, end, the three words before, mention), offsets in `text`.

    A pure function of the text, so it is kept across documents: headers, legal bases and lists
    of recipients recur from one document to the next, and are read once.
    """
    signature = _SIGNATURE_RE.match(text)
    shouted = mostly_capitals(text) and not signature
    read = _POST_UNIT_RE.sub(_capitalise, text) if "rưởng " in text else text  # same length: spans hold
    found = []
    for offset, end in _windows(read, signature.end() if signature else 0):
        scanner = _Scanner(read[offset:end], shouted)
        tokens = scanner.t
        for mention in scanner.scan():
            before = " ".join(t.low for t in tokens[max(0, mention.first - 3) : mention.first])
            found.append((offset + tokens[mention.first].start, offset + tokens[mention.last - 1].end, before, mention))
    return tuple(found)


def _capitalise(m: re.Match) -> str:
    """The unit's word capitalised when a capitalised name follows it."""
    return m.group().capitalize() if m.group(1).isupper() else m.group()


# A unit named in its head's post: "Trưởng phòng Nội vụ huyện Sơn Hà" names the "Phòng Nội vụ huyện
# Sơn Hà", "Trưởng khoa Hồi sức tích cực - Chống độc" the "Khoa Hồi sức tích cực - Chống độc".
_POST_UNIT_RE = re.compile(r"(?<=[Tt]rưởng )(?:phòng|khoa)(?= (\w))")


@lru_cache(maxsize=8192)
def _kind(name: str) -> str | None:
    """The type a name starts with: "Sở", "Hội", "Ủy ban nhân dân", "Chính phủ" ..."""
    tokens = tokenize(name)
    idx = _indexes()
    known, typed = _match(tokens, 0, idx.known), _match(tokens, 0, idx.types, joiners=False)
    if known and known[1].kind == "local":
        return known[1].name  # "Ủy ban nhân dân", "Công an", "Tỉnh ủy"
    if typed and typed[1].unit != "part":
        return typed[1].name  # "Bộ", "Sở", "Hội", "Tập đoàn"
    return known[1].name if known and known[1].kind == "central" else None  # "Chính phủ"


@lru_cache(maxsize=8192)
def _province(name: str) -> str | None:
    """The province a canonical name ends with, if it names one."""
    found = find_provinces(name)
    return found[-1][2].name if found else None


def _extra_word_lower(name: str, extra: set[str]) -> bool:
    """The word one spelling adds is written in lower case ("và", "cuộc"), not a name ("Cảng")."""
    return all(not w[:1].isupper() for w in name.split() if fold_key(w) in extra)


def _merge_variants(by_key: dict[str, tuple[str, list[Span]]]) -> list[tuple[str, list[Span]]]:
    """One entry for two spellings of a body: a name that lacks one word of another, between the
    same first and last words ("Sở Tài nguyên Môi trường" and "Sở Tài nguyên và Môi trường")."""
    keys = sorted(by_key, key=lambda k: -len(k.split()))
    # Candidates by (first word, last word, number of words): a document names hundreds of bodies.
    by_ends: dict[tuple[str, str, int], list[str]] = {}
    for key in keys:
        words = key.split()
        by_ends.setdefault((words[0], words[-1], len(words)), []).append(key)
    merged: dict[str, str] = {}
    for short in keys:
        words = short.split()
        for long in by_ends.get((words[0], words[-1], len(words) + 1), ()):
            longer = long.split()
            if (
                long not in merged
                and set(words) <= set(longer)
                and _extra_word_lower(by_key[long][0], set(longer) - set(words))
            ):
                merged[short] = long
                break
    out = []
    for key, (name, spans) in by_key.items():
        if key in merged:
            continue
        for short, long in merged.items():
            if long == key:
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
    for m in _start_re().finditer(_low(text), start):
        if not (text[m.start()].isupper() or m.group().split(None, 1)[0] in _LISTED_LOWER):  # "cán bộ Công an xã"
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


def _resolve(mention: Mention, before: str, context: _Context) -> str | None:
    """The canonical name a mention stands for in this document, or None for no one body; `before`
    holds the three words written before it, in lower case."""
    text = mention.text
    if before.endswith("tổng cục trưởng") and fold(text).startswith("cuc "):
        text = "Tổng cục " + text[4:]  # "Tổng Cục trưởng Cục thuế" heads the Tổng cục Thuế
    if text.endswith(" Bộ"):
        text = text[:-3]
        if context.central_body and context.central_body.startswith("Bộ"):
            text = f"{text} {context.central_body}"
    elif text.endswith(" Sở"):  # "Văn phòng Sở", "Hội đồng Thi đua - Khen thưởng Sở": the issuer's
        if not (context.agency and context.agency.startswith("Sở ")):
            return None  # which Sở, the document does not say
        text = f"{text[:-3]} {context.agency}"
    elif context.central_body and fold(canonical_org(text)) == "cong thong tin dien tu":
        text = f"{text} {context.central_body}"
    if context.local and not mention.placed:
        base = canonical_org(text)
        level, _, place = context.local.partition(" ")
        if base.lower().endswith(" " + level) or fold(base).endswith(_DISTRICT_COMMITTEES):
            text = f"{base} {place}"  # "UBND huyện", "Huyện ủy" in a district's report
        elif fold(base).startswith(_LOCAL_GOVERNMENT_BODIES) and not _has_place(base) and not _ends_with_level(base):
            text = f"{base} {context.local}"  # but "HĐND tỉnh" in a district's report is the province's
    if context.agency and not mention.placed and _agency_own(mention, text):
        text = f"{canonical_org(text)} {context.agency}"  # "Phòng Tổ chức cán bộ" in a Sở's report
    name = _POST_RE.sub("", canonical_org(text, mention.province or context.province))
    name = _DISTRICT_ROOM_RE.sub(r"\1 ", name)
    return name if _specific(name) else None


# A district's rooms are named after the district, not its committee (Nghị định 37/2014/NĐ-CP):
# "Phòng Văn hóa và Thông tin | UBND thành phố Đà Lạt" is "Phòng Văn hóa và Thông tin thành phố Đà Lạt".
_DISTRICT_ROOM_RE = re.compile(
    r"^(Phòng (?:(?!Văn phòng|Ủy ban).)+?) Ủy ban nhân dân (?=(?:huyện|quận|thị xã|thành phố) )"
)


# Bodies every agency has of its own: named without a place in an agency's document, they are its own
# ("Hội đồng Thi đua - Khen thưởng" of a Sở, a Công an tỉnh; Luật Thi đua, khen thưởng 2022, Điều 83).
_AGENCY_BODIES = (
    "hoi dong thi dua khen thuong", "thuong truc hoi dong thi dua khen thuong", "cong thong tin dien tu", "van phong",
)
# Boards and councils that every agency has: the body named right after one is its parent
# ("Ban Thi đua - Khen thưởng Tổng Liên đoàn Lao động Việt Nam", Luật Thi đua, khen thưởng 2022, Điều 83).
_BOARDS = frozenset(("Hội đồng Thi đua - Khen thưởng", "Ban Thi đua - Khen thưởng", "Văn phòng"))
# Bodies that are none's own agency: a document of these names the province's units.
_NOT_AGENCIES = ("uy ban nhan dan", "hoi dong", "tinh uy", "thanh uy", "huyen uy", "dang uy", "thuong truc")


def _ends_with_level(name: str) -> bool:
    """The name ends with a level word that names no place ("Hội đồng nhân dân tỉnh")."""
    return name.lower().endswith(tuple(" " + level for level in PLACE_LEVELS))


def _agency_own(mention: Mention, text: str) -> bool:
    """A unit without its parent ("Phòng Tổ chức cán bộ"), or a body every agency has of its own."""
    base = fold_key(canonical_org(text))
    if _has_place(canonical_org(text)) or " nganh " in f" {base} " or " khoi " in f" {base} ":
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
    """A school's name ("Trường Trung học phổ thông Hòa An"): its document names its own units."""
    return fold(name).startswith("truong ")


@lru_cache(maxsize=1)
def _school_unit_res() -> tuple[re.Pattern, re.Pattern]:
    """The regexes of a school's professional groups ("Tổ Toán - Tin") and own bodies ("Công đoàn trường")."""
    rows = list(data.rows("org_school_units.tsv"))

    def words(role: str) -> str:
        found = sorted((r["words"] for r in rows if r["role"] == role), key=len, reverse=True)
        return "|".join(re.escape(w) for w in found)

    subject = f"(?:{words('subject')})"
    groups = re.compile(rf"(?<!\w)[Tt]ổ ({subject}(?:\s*[-–]\s*{subject})*)(?![\w-])")
    bodies = re.compile(rf"(?<!\w)({words('body')}) (?:nhà )?trường(?!\w)(?! [A-ZĐ])")
    return groups, bodies


def school_units(text: str, school: str) -> list[tuple[str, int, int]]:
    """The school's own units a paragraph of its document names: (canonical name, start, end).

    "Tổ Toán - Tin" is "Tổ Toán - Tin Trường THPT Hòa An", "Công đoàn trường" the school's union.
    """
    groups, bodies = _school_unit_res()
    found = [(f"Tổ {_DASH_RE.sub(' - ', m.group(1))} {school}", m.start(), m.end()) for m in groups.finditer(text)]
    found += [(f"{m.group(1)} {school}", m.start(), m.end()) for m in bodies.finditer(text)]
    return sorted(found, key=lambda item: item[1])


_POST_RE = re.compile(r"^(?:Phó )?Chánh ")  # "PCVP UBND tỉnh": the office, not its head


@lru_cache(maxsize=16384)
def _specific(name: str) -> bool:
    """Not a bare type ("Ủy ban nhân dân", "Hội đồng nhân dân tỉnh", "Ban Giám đốc") but one body."""
    lower = name.lower()
    if lower.endswith((" tỉnh", " thành phố", " huyện", " xã", " phường", " quận")) and not _NOT_LEVEL_RE.search(lower):
        return False
    tokens = tokenize(name)
    idx = _indexes()
    end = next((i for i in range(1, len(tokens)) if _level_at(tokens, i) is not None), len(tokens))
    known = _match(tokens, 0, idx.known)
    if known and known[0] == len(tokens) and known[1].kind == "local":
        return False  # "Ủy ban nhân dân", "Tỉnh ủy": whose, the text does not say
    if known and known[0] == len(tokens) and known[1].kind == "central":
        return True  # "Ban Chấp hành Trung ương Đoàn", though "Ban Chấp hành Trung ương" is a part's words
    first = 0
    while (part := _match(tokens, first, idx.types, joiners=False)) and part[1].unit == "part":
        first = part[0]  # "Thường trực Ban Chỉ đạo": the board's name decides
    typed = _match(tokens, first, idx.types, joiners=False)
    if typed and typed[0] < end:
        generic = _match(tokens, typed[0], idx.known)
        if generic and generic[1].kind == "generic" and generic[0] == end:
            return False  # "Trường Cao đẳng", "Ban Giám đốc tỉnh X"
    return not (typed and typed[0] == len(tokens))
