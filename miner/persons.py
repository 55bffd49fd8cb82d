"""People named in the text, without titles and roles.

A name is a family name from data/surnames.txt followed by one to three capitalised
syllables ("Lê Thị Thu Hiền"), or any such run after a title ("ông", "Luật sư", "Thứ
trưởng"), a name alone on a signature line ("Trần Thắng", "NGUYỄN VĂN A"), or the cell of a
table's name column ("1 | Đinh Tuấn long | Lao động TT"). Names that stand after a place or
a body's word ("phường Hà Huy Tập", "Huân chương Hồ Chí Minh") are not people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from . import data
from .document import Document, Paragraph
from .errors import MissingTool
from .locations import districts, find_provinces
from .normalize import fold, modern_tones
from .patterns import folded_alternatives, listed_words
from .phrases import trie_pattern
from .record import Header, Person, Span

_LETTERS = [chr(c) for c in range(0x41, 0x1EFA) if chr(c).isalpha()]
UPPER = "".join(ch for ch in _LETTERS if ch.isupper())
LOWER = "".join(ch for ch in _LETTERS if ch.islower())
# One syllable of a name as written: "Thu", "Hiền"; or in capitals in a signature block.
_TITLE_WORD = rf"[{UPPER}][{LOWER}]{{1,6}}"
_CAPS_WORD = rf"[{UPPER}]{{2,7}}"
# After a form of address, a one-letter syllable too: "ông Y Bih Niê".
_ADDRESSED_WORD = rf"[{UPPER}][{LOWER}]{{0,6}}"
_WORD_RE = re.compile(rf"[{UPPER}{LOWER}]+")
_TABLE_CELL_RE = re.compile(r"\s*\|\s*")
# Column headers that say the column holds people's names.
# The words of data/name_words.tsv.
_WORDS = "name_words.tsv"
NAME_HEADER_RE = re.compile(rf"^(?:{folded_alternatives('name_column', _WORDS)})$")
# Words of school names between "Trường" and the person it is named after.
_SCHOOL_WORDS = frozenset(w.lower() for w in listed_words(_WORDS, "school_word"))
# A last syllable that starts a body's name after a person's ("Nguyễn Văn An Sở ...").
_BODY_AFTER_NAME = frozenset(listed_words(_WORDS, "body_after_name"))
# Offices written right after a name ("Nguyễn Văn An Giám đốc Sở"), lower case.
_OFFICE_AFTER_NAME = tuple(w.lower() for w in listed_words(_WORDS, "office_after_name"))
_MAX_LOOKBACK = 80
_NEXT_LOWER_WORD_RE = re.compile(rf"[ \t]+([{LOWER}]+)")
_GAP_PUNCTUATION_RE = re.compile(r"[:,;()\-–]")
_NON_SPACE_RE = re.compile(r"\S+")
# What every name holds: a capitalised word, a space, a capital ("Văn A", "N V" in "NGUYỄN VĂN", the
# family names being such words). It starts with a capital, so the regex engine skips to capitals; the
# regex of the forms of address, run on a paragraph without it, would try every "t", "c" and "b".
_TWO_CAPITALISED_RE = re.compile(rf"{_ADDRESSED_WORD}[ \t]+[{UPPER}]")


@dataclass(frozen=True)
class NameMention:
    """A person's name found in one paragraph: the name normalised, where it was written."""

    name: str
    span: Span
    role: str | None = None


@lru_cache(maxsize=1)
def _family_names() -> tuple[str, ...]:
    """Vietnamese family names as data/surnames.txt writes them ("Nguyễn", "Trần" ...)."""
    return tuple(data.words("surnames.txt"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Vietnamese family names in lower case with their marks ("nguyễn", "tống": not "tổng")."""
    return frozenset(name.lower() for name in _family_names())


@lru_cache(maxsize=1)
def _context_words() -> dict[str, tuple[str, ...]]:
    """The words of data/person_context.tsv by effect, longest first."""
    by_effect: dict[str, list[str]] = {}
    for row in data.rows("person_context.tsv"):
        by_effect.setdefault(row["effect"], []).append(row["words"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_effect.items()}


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern:
    """A family name then one to three capitalised syllables, in title case or in capitals."""
    written = _family_names()
    family = trie_pattern(written)
    family_caps = trie_pattern(w.upper() for w in written)
    title = rf"(?:{family})(?:[ \t]+{_TITLE_WORD}){{1,3}}"
    caps = rf"(?:{family_caps})(?:[ \t]+{_CAPS_WORD}){{1,3}}"
    return re.compile(rf"(?<![\w.])(?=[{UPPER}])({title}|{caps})(?![\w])")


@lru_cache(maxsize=1)
def _family_then_capital_re() -> re.Pattern:
    """What every candidate holds: a family name, a space, a capital. It starts with a capital,
    so that the regex engine skips to capitals: a fast test of whether a paragraph names anyone."""
    written = _family_names()
    return re.compile(trie_pattern([*written, *(w.upper() for w in written)]) + rf"[ \t]+[{UPPER}]")


@lru_cache(maxsize=1)
def _titled_re() -> re.Pattern:
    """Any two to four capitalised syllables after a form of address ("ông Y Bih Niê").

    The form of address is matched regardless of case, but its first letter is written out in
    each of its cases ("ô", "Ô") with the look-behind after it, so that the regex engine skips to
    those letters instead of trying every position.
    """
    by_first: dict[str, list[str]] = {}
    for title in _context_words()["title"]:  # written in lower case
        by_first.setdefault(title[0], []).append(title[1:])
    variants = _case_variants("".join(by_first))
    titles = "|".join(
        rf"{re.escape(ch)}(?<!\w{re.escape(ch)})(?i:{trie_pattern(rests)}){'?' if '' in rests else ''}"
        for first, rests in by_first.items()
        for ch in variants[first]
    )
    return re.compile(rf"(?:{titles})[ \t]*:?[ \t]+((?:{_ADDRESSED_WORD})(?:[ \t]+{_ADDRESSED_WORD}){{1,3}})(?![\w])")


def _case_variants(letters: str) -> dict[str, list[str]]:
    """Every character a case-insensitive regex matches for each letter ("k": "k", "K", "K" the Kelvin
    sign). Only characters below U+10000 case-match Latin letters, so those are the ones tried."""
    found = re.findall(f"(?i)[{re.escape(letters)}]", "".join(map(chr, range(0x10000))))
    return {letter: [ch for ch in found if re.fullmatch(f"(?i){re.escape(letter)}", ch)] for letter in letters}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common words of two or more syllables, in lower case ("luật sư", "tiêu chuẩn").

    From the Vietnamese dictionary underthesea publishes (`underthesea.corpus.viet_dict_74K`, Hồ
    Ngọc Đức's word list of 73,901 entries); its capitalised entries (proper names) are left out.
    Loaded once per process; MissingTool, naming the package, when underthesea is not installed.
    """
    try:
        from underthesea.corpus import viet_dict_74K
    except ImportError as exc:
        raise MissingTool(
            None,
            f"the Vietnamese word list (underthesea.corpus.viet_dict_74K) cannot be loaded: {exc}",
            "install the underthesea package: pip install 'underthesea==9.5.*'",
        ) from exc
    return frozenset(w for w in viet_dict_74K.words if " " in w and w.islower())


def _fused_end(text: str, start: int, end: int) -> int:
    """Where the name ends when its last syllable is the start of a common word ("Đoàn Luật| sư")."""
    m = _NEXT_LOWER_WORD_RE.match(text[end : end + 12])
    if not m:
        return end
    words = text[start:end].split()
    if len(words) > 1 and f"{words[-1].lower()} {m.group(1)}" in common_words():
        return start + text[start:end].rfind(words[-1]) - 1
    return end


def _is_common_phrase(written: str) -> bool:
    """Whether the name begins with a common word written capitalised ("Tiêu Chuẩn Khen Thưởng")."""
    words = written.lower().split()
    return f"{words[0]} {words[1]}" in common_words()


def normalise_name(written: str) -> str:
    """One space between syllables, each capitalised: "Đinh Tuấn long" -> "Đinh Tuấn Long"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in written.split())


@lru_cache(maxsize=1)
def _context_words_by_last() -> dict[str, dict[str, tuple[str, ...]]]:
    """_context_words() by effect, then by their last character (in the same order, longest first)."""
    index: dict[str, dict[str, tuple[str, ...]]] = {}
    for effect, words in _context_words().items():
        by_last: dict[str, list[str]] = {}
        for w in words:
            by_last.setdefault(w[-1:], []).append(w)
        index[effect] = {last: tuple(ws) for last, ws in by_last.items()}
    return index


def _ends_with_word(before: str, effect: str) -> str | None:
    """The word of an effect's context words that `before` ends with (as a whole word), if any."""
    for w in _context_words_by_last()[effect].get(before[-1:], ()):
        if before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()):
            return w
    return None


def _preceding(text: str, start: int) -> str:
    """The lower-cased text before `start`, without the spaces, colons and brackets next to it."""
    return text[max(0, start - _MAX_LOOKBACK) : start].lower().rstrip(" \t:(")


def title_before(text: str, start: int) -> tuple[str, str] | None:
    """The title, office or legacy word just before a name, with its effect ("Thứ trưởng", "office")."""
    before = _preceding(text, start)
    found = [(w, effect) for effect in ("title", "office", "legacy") if (w := _ends_with_word(before, effect))]
    return max(found, key=lambda f: len(f[0])) if found else None


def _written_before(text: str, start: int, cue: str) -> str:
    """The cue as the text writes it ("Phó Thủ tướng Chính phủ" for "phó thủ tướng chính phủ")."""
    before = text[max(0, start - _MAX_LOOKBACK) : start].rstrip(" \t:(")
    return before[len(before) - len(cue) :]


@lru_cache(maxsize=1)
def _district_names() -> frozenset[str]:
    """The districts' names in lower case with their marks ("hoàng su phì", "lê chân")."""
    return frozenset(modern_tones(d.name.lower()) for d in districts())


def _is_known_place(name: str) -> bool:
    """A province's name ("Hồ Chí Minh", "Cao Bằng"), or one beginning a longer name ("Hà Nội Mới")."""
    return any(s == 0 and (e == len(name) or len(name[:e].split()) > 1) for s, e, _ in find_provinces(name))


def is_place_name(name: str) -> bool:
    """A province's or a district's name ("Cao Bằng", "Hà Quảng"), that a person's name may look like."""
    return _is_known_place(name) or _is_district(name)


def _is_district(name: str) -> bool:
    """A district's name ("Hoàng Su Phì"); after a title it is a person's ("ông Vũ Quang")."""
    return modern_tones(" ".join(name.lower().split())) in _district_names()


def _after_place_word(text: str, start: int, name: str) -> bool:
    """Whether the name stands where a place's or a body's name stands."""
    before = _preceding(text, start)
    if before[-1:].isdigit():
        return True  # "16 Phan Chu Trinh": a house number, then a street
    city = _ends_with_word(before, "city")
    if city and (len(name.split()) < 3 or _is_known_place(name) or _is_city_named(text, start, before, city, name)):
        return True
    # "phường Hà Huy Tập", "các phường: Sông Trí, Thành Sen, Hà Huy Tập", "Trường Đại học Tôn Đức
    # Thắng", "Công ty TNHH Nguyễn Kim": only names, acronyms and a school's words in between.
    original = text[max(0, start - _MAX_LOOKBACK) : start]
    lowered = original.lower()
    for m in _place_or_body_re().finditer(lowered):
        if _only_names(original[m.start() + len(m.group(1)) :]):
            return True
    return False


@lru_cache(maxsize=1)
def _place_or_body_re() -> re.Pattern:
    """Where a word of a place or a body (data/person_context.tsv) starts, and the word: one regex
    for them all, the longest word first at each place (the name follows it, if it follows any)."""
    words = _context_words()
    alternation = "|".join(re.escape(w) for w in sorted({*words["place"], *words["body"]}, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?=({alternation})(?!\w))")


def _is_city_named(text: str, start: int, before: str, city: str, name: str) -> bool:
    """Whether the city word and the name together name a province: "TP. Hồ Chí Minh" (the bare
    name of that city is also a person's, so find_provinces wants the word before it)."""
    city_start = max(0, start - _MAX_LOOKBACK) + len(before) - len(city)
    written = text[city_start : start + len(name)]
    return any(e == len(written) for _, e, _ in find_provinces(written))


def _only_names(gap: str) -> bool:
    """Whether the words between a place's or body's word and a name are names themselves."""
    return all(
        w[:1].isupper() or w.lower() in _SCHOOL_WORDS or w == "và" for w in _GAP_PUNCTUATION_RE.sub(" ", gap).split()
    )


def _trim(text: str, start: int, end: int) -> int:
    """Drop a last syllable that starts an office or body rather than ending the name."""
    words = list(_NON_SPACE_RE.finditer(text[start:end]))
    if len(words) > 2:
        last = words[-1].group(0)
        after = text[end : end + 12].lower()
        if last in _BODY_AFTER_NAME:
            return start + words[-2].end()
        if (last.lower() + after).startswith(_OFFICE_AFTER_NAME):
            return start + words[-2].end()
    return end


def _name_mentions(para: Paragraph) -> list[NameMention]:
    """The names in one paragraph, in order, each once per place it is written."""
    text = para.text
    names = _remembered_names(text) if len(text) <= _REMEMBERED_LENGTH else _names_written(text)
    return [NameMention(name, Span(para.seq, start, end, written), role) for name, start, end, written, role in names]


def _names_written(text: str) -> tuple[tuple[str, int, int, str, str | None], ...]:
    """The names in a paragraph's text, in order: (name, start, end, as written, role)."""
    if not _TWO_CAPITALISED_RE.search(text):
        return ()  # the cheap test first: most paragraphs name no one
    found: dict[int, tuple[str, int, int, str, str | None]] = {}
    for m in _titled_re().finditer(text):
        start, end = m.span(1)
        previous = text[max(0, m.start() - 12) : m.start()].split()
        if previous and previous[-1][:1].isupper() and previous[-1].isalpha():
            continue  # "Liên Đoàn Luật sư Việt Nam": the title is part of a body's name
        end = _fused_end(text, start, _trim(text, start, end))
        written = text[start:end].rstrip()
        end = start + len(written)
        if len(written.split()) < 2 or _is_known_place(written) or _is_known_place(text[m.start() : end]):
            continue
        found[start] = (normalise_name(written), start, end, written, None)
    candidates = _candidate_re().finditer(text) if _family_then_capital_re().search(text) else ()
    for m in candidates:
        start, end = m.span(1)
        if any(s <= start < s + len(f[3]) for s, f in found.items()):
            continue
        end = _fused_end(text, start, _trim(text, start, end))
        written = text[start:end].rstrip()
        end = start + len(written)
        if len(written.split()) < 2:
            continue
        alone = text.strip(" .;,") == written
        if written.isupper() and not alone:
            continue  # a heading in capitals, not a signature line
        cue = title_before(text, start)
        if _is_known_place(written):
            # "Hồ Chí Minh" is a city unless its legacy or the office is spoken of.
            if not cue or cue[1] == "title" or cue[1] == "office" and fold(cue[0]) != "chu tich":
                continue
        elif not cue:
            if _after_place_word(text, start, written) or _is_common_phrase(written) or _is_district(written):
                continue
            if len(written.split()) < 3 and not alone:
                continue
        role = _written_before(text, start, cue[0]) if cue and cue[1] == "office" else None
        found[start] = (normalise_name(written), start, end, written, role)
    return tuple(found[k] for k in sorted(found))


# A paragraph's names depend on its text alone, and the same lines come back from document to
# document (a signature block, "Căn cứ" lines, a list of recipients): those of short paragraphs are
# remembered across documents (4096 of at most 1000 characters: a few MB).
_REMEMBERED_LENGTH = 1000
_remembered_names = lru_cache(maxsize=4096)(_names_written)


def table_name_column(header_cells: list[str]) -> int | None:
    """The index of the column whose header says it holds people's names ("Họ và tên")."""
    for i, cell in enumerate(header_cells):
        if NAME_HEADER_RE.match(fold(cell).strip(" .:")):
            return i
    return None


def table_cells(para: Paragraph) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table row, without the spaces around it."""
    cells, pos = [], 0
    for piece in para.text.split("|"):
        lead = len(piece) - len(piece.lstrip())
        cells.append((pos + lead, pos + len(piece.rstrip())))
        pos += len(piece) + 1
    return cells


def name_in_cell(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a person's name stands in a name cell ("Ông Nguyễn Văn A", "Đinh Tuấn long")."""
    cell = text[start:end]
    titles, most_words = _titles_by_first()
    words = list(islice(_WORD_RE.finditer(cell), most_words + 6))
    if not words or len(words) > most_words + 5:
        return None  # no words, or more than a title's and five names'
    lowered = cell.lower()
    title = next(
        (
            w
            for w in titles.get(lowered[:1], ())
            if lowered.startswith(w) and not lowered[len(w) : len(w) + 1].isalpha()
        ),
        None,
    )
    first = len(_WORD_RE.findall(title)) if title else 0
    names = words[first:]
    if not 2 <= len(names) <= 5 or not names[0].group(0)[:1].isupper():
        return None
    if not title and names[0].group(0).lower() not in surnames():
        return None
    if any(len(w.group(0)) > 7 for w in names):
        return None
    tail = cell[names[-1].end() :].strip()
    if tail and not tail.startswith((",", "-", "–", "(")):
        return None
    return start + names[0].start(), start + names[-1].end()


@lru_cache(maxsize=1)
def _titles_by_first() -> tuple[dict[str, tuple[str, ...]], int]:
    """The forms of address by their first letter (in the file's order), and the most words one has."""
    by_first: dict[str, list[str]] = {}
    for title in _context_words()["title"]:
        by_first.setdefault(title[:1], []).append(title)
    most_words = max((len(_WORD_RE.findall(t)) for t in _context_words()["title"]), default=0)
    return {first: tuple(titles) for first, titles in by_first.items()}, most_words


def _table_mentions(doc: Document) -> list[NameMention]:
    """Names in the name column of tables ("STT | Họ và tên | ...")."""
    found = []
    column = None
    for para in doc.paragraphs:
        if para.kind != "table_row":
            column = None
            continue
        cells = table_cells(para)
        header = table_name_column([para.text[s:e] for s, e in cells])
        if header is not None:
            column = header
            continue
        if column is None or column >= len(cells):
            continue
        where = name_in_cell(para.text, *cells[column])
        if where:
            written = para.text[where[0] : where[1]]
            found.append(NameMention(normalise_name(written), Span(para.seq, where[0], where[1], written)))
    return found


def find_name_mentions(doc: Document) -> list[NameMention]:
    """Every mention of a person's name in the document, in reading order."""
    mentions = [m for para in doc.paragraphs for m in _name_mentions(para)]
    seen = {(m.span.paragraph, m.span.start) for m in mentions}
    mentions += [m for m in _table_mentions(doc) if (m.span.paragraph, m.span.start) not in seen]
    return sorted(mentions, key=lambda m: (m.span.paragraph, m.span.start))


def _signer_span(doc: Document, signer: str) -> Span | None:
    key = fold(signer)
    for para in reversed(doc.paragraphs):
        i = fold(para.text).rfind(key)
        if i >= 0:
            return Span(para.seq, i, i + len(signer), para.text[i : i + len(signer)])
    return None


def find_persons(doc: Document, header: Header) -> tuple[Person, ...]:
    """The people named in the document, each once, with every span where the name is written."""
    by_key: dict[str, tuple[str, str | None, list[Span]]] = {}
    for m in find_name_mentions(doc):
        key = fold(m.name)
        name, role, spans = by_key.setdefault(key, (m.name, m.role, []))
        spans.append(m.span)
        if role is None and m.role:
            by_key[key] = (name, m.role, spans)
    if header.signer and fold(header.signer) not in by_key:
        span = _signer_span(doc, header.signer)
        by_key[fold(header.signer)] = (normalise_name(header.signer), "signer", [span] if span else [])
    for key in [
        k
        for k in by_key
        if _runs_into_another(k, by_key) or _not_a_person(by_key[k][0]) or _broken_off(k, by_key[k][2], by_key, doc)
    ]:
        del by_key[key]
    return tuple(Person(name=name, role=role, spans=tuple(spans)) for name, role, spans in by_key.values())


@lru_cache(maxsize=1)
def _not_person_words() -> tuple[frozenset[str], frozenset[str]]:
    """data/name_words.tsv: whole names that are no person ("Đồng Việt Nam"), words no name holds ("Tỉnh"),
    in lower case with their marks ("Tỉnh" is not "Tịnh", "Tĩnh" or "Tính")."""
    return (
        frozenset(modern_tones(w.lower()) for w in listed_words(_WORDS, "not_a_person")),
        frozenset(modern_tones(w.lower()) for w in listed_words(_WORDS, "not_in_a_name")),
    )


def _not_a_person(name: str) -> bool:
    """ "Đồng Việt Nam" (a currency), "Nhật Bản" (a country), "Vi Tỉnh Cao Bằng", "Ninh Tiếng Anh"."""
    names, words = _not_person_words()
    lowered = modern_tones(name.lower())
    return lowered in names or any(w in words for w in lowered.split()[1:])


def _broken_off(key: str, spans: list[Span], by_key: dict, doc: Document) -> bool:
    """A name cut where its line broke ("Kính gửi: Ông Thái Mạnh" / "Cường", "Lê Tấn" / "Cận"): two words
    that begin a longer name of the document, each time written at the end of its paragraph."""
    if len(key.split()) != 2 or not spans or not any(k.startswith(key + " ") for k in by_key):
        return False
    return all(s.end >= len(doc.paragraphs[s.paragraph].text.rstrip(" .,;")) for s in spans)


def _runs_into_another(key: str, by_key: dict) -> bool:
    """Whether a name is another one found in the document followed by the family name that starts a
    second name: "Quách Mỹ Huyền Thạch" on a signature line whose two names ran together."""
    words = key.split()
    folded_surnames = _folded_surnames()
    return any(" ".join(words[:k]) in by_key and words[k] in folded_surnames for k in range(3, len(words)))


@lru_cache(maxsize=1)
def _folded_surnames() -> frozenset[str]:
    return frozenset(fold(name) for name in _family_names())
