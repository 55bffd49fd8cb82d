"""Award types: the Law on Emulation and Commendation's taxonomy (data/award_types.tsv) and the
ways writers name them (data/award_variants.tsv), found in any paragraph."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product

from .. import data
from ..document import Document
from ..normalize import fold, text_cache, word_bytes
from ..phrases import trie_pattern, words_re
from ..record import AwardTypeMention, Span


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


# The year the first of the two laws came into force (Luật Thi đua, Khen thưởng 15/2003/QH11): an award
# in force from then existed before it, one in force from a later year was instituted by the later laws.
_FIRST_LAW_YEAR = 2004


@cache
def instituted_in(award: str) -> int | None:
    """The year an award was instituted, when the laws of award_types.tsv did (Huân chương Dũng cảm: 2014;
    "Huân chương Lao động hạng Ba", older than the laws: None)."""
    for t in award_types():
        if award == t.name or award.startswith(t.name + " hạng "):
            return t.valid_from if t.valid_from and t.valid_from > _FIRST_LAW_YEAR else None
    return None


_VOWELS = set("aeiouy")
# The class after an order or medal, also after its closing quote: "“Huân chương Độc lập” hạng nhất", and
# after the war a Kháng chiến order or medal was given for: "Huân chương Kháng chiến chống Mỹ cứu nước hạng Nhất".
_CLASS_RE = re.compile(
    r"(?:\s+chong\s+(?:phap|my)(?:\s+cuu\s+nuoc)?)?[\s,(\"”’']*hang\s+(nhat|nhi|ba|iii|ii|i|1|2|3)(?!\w)"
)
# "Huân, Huy chương kháng chiến": the order and the medal of one name, "chương" written once.
_ORDER_AND_MEDAL_RE = re.compile(r"huan\s*,\s*$")
_CLASS_NAMES = {
    "nhat": "Nhất",
    "i": "Nhất",
    "1": "Nhất",
    "nhi": "Nhì",
    "ii": "Nhì",
    "2": "Nhì",
    "ba": "Ba",
    "iii": "Ba",
    "3": "Ba",
}
# The next classes of a list: ", hạng Nhì", " và hạng Ba", ", Nhì, Ba".
_MORE_CLASS_RE = re.compile(
    r"(?:\s*,\s*|\s+(?:va|hoac)\s+|\s*,\s*(?:va|hoac)\s+)(hang\s+)?(nhat|nhi|ba|iii|ii|i|1|2|3)(?!\w)"
)
_AWARDS_JOINED_RE = re.compile(r"\s*,\s*|\s+(?:va|hoac)\s+")
_OPENING_QUOTE_RE = re.compile(r"(?:danh hieu|[\"“‘'])\s*$")
_CAPITALS_RE = re.compile(r"[A-ZĐ]{2}")


@lru_cache(maxsize=1024)  # (each award found in a text asks for the words of the phrase matched: "bang khen")
def _variant_words(variant: str) -> tuple[str, ...]:
    """The folded words of a variant, "y" after a consonant at a syllable's end written "i"."""
    words = []
    for word in fold(variant).replace(",", " ").split():
        if len(word) > 1 and word[-1] == "y" and word[-2] not in _VOWELS:
            word = word[:-1] + "i"
        words.append(word)
    return tuple(words)


@lru_cache(maxsize=1)
def _variant_index() -> tuple[re.Pattern, dict[tuple[str, ...], tuple[str, str]]]:
    """One regex over every variant as a text may spell it (a trie, phrases.trie_pattern, its
    words apart by spaces or commas); words -> (award, match rule)."""
    variants: dict[tuple[str, ...], tuple[str, str]] = {_variant_words(t.name): (t.name, "any") for t in award_types()}
    for row in data.rows("award_variants.tsv"):
        variants[_variant_words(row["variant"])] = (row["award"], row["match"])
    spelled = (" ".join(spelling) for words in variants for spelling in product(*map(_spellings, words)))
    return re.compile(r"(?<!\w)" + trie_pattern(spelled, space=r"[\s,]+") + r"(?!\w)"), variants


def _spellings(word: str) -> tuple[str, ...]:
    """A variant's word as a text may write it: "si" is also "sy"."""
    if len(word) > 1 and word[-1] == "i" and word[-2] not in _VOWELS:
        return word, word[:-1] + "y"
    return (word,)


@lru_cache(maxsize=1)
def _variant_starts_re() -> re.Pattern[bytes]:
    """What a paragraph's word_bytes() holds when it names an award: a variant's first words."""
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
    if not _variant_starts_re().search(word_bytes(text)):
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
        if rule == "capital" and not written[:1].isupper() and not quoted or rule == "other":
            continue  # "other": an award outside the taxonomy ("Huân chương Chiến công giải phóng")
        found.append((start, end, award, _classes_written(text, folded, end) if _classes().get(award) else []))
    # "Huân chương Lao động, Huân chương Bảo vệ Tổ quốc hạng Nhất": the classes written once for both.
    for i in range(len(found) - 2, -1, -1):
        start, end, award, classes = found[i]
        following = found[i + 1]
        if (
            not classes
            and _classes().get(award)
            and following[3]
            and _AWARDS_JOINED_RE.fullmatch(folded, end, following[0])
        ):
            found[i] = (start, end, award, [(end, name) for _, name in following[3]])
    for start, end, award, _ in list(found):
        order = "Huân" + award[3:] if award.startswith("Huy chương ") else None
        head = _ORDER_AND_MEDAL_RE.search(folded, max(0, start - 8), start)
        if head and order in _classes():
            found.append((head.start(), end, order, _classes_written(text, folded, end) if _classes()[order] else []))
    found.sort(key=lambda f: f[0])
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


@lru_cache(maxsize=1)
def _shared_grades() -> tuple[re.Pattern, dict[tuple[str, str], str]]:
    """The honorary titles whose grade several professions share ("Nhà giáo", "Thầy thuốc" ... each
    "nhân dân" and "ưu tú"): a regex over a list of professions and their grades written once, and
    (profession, grade) folded -> title."""
    titles = [t.name for t in award_types() if t.category == "danh hiệu vinh dự nhà nước"]
    split = [(" ".join(_variant_words(n)[:-2]), " ".join(_variant_words(n)[-2:]), n) for n in titles]
    grades = {g for _, g, _ in split if sum(g2 == g for _, g2, _ in split) > 1}
    heads = {h for h, _, _ in split if {g for h2, g, _ in split if h2 == h} == grades}
    titles_by = {(h, g): n for h, g, n in split if h in heads}

    def alternation(phrases):
        return "|".join(
            r"[\s,]+".join(_word_pattern(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)
        )

    joined = r"(?:\s*,\s*|\s+(?:va|hoac)\s+)"
    head, grade = alternation(heads), alternation(grades)
    pattern = re.compile(
        rf"(?<!\w)((?:{head})(?:{joined}(?:{head}))*)\s*\(?\s*((?:{grade})(?:{joined}(?:{grade}))*)\s*\)?(?!\w)"
    )
    return pattern, titles_by


@lru_cache(maxsize=1)
def _shared_professions_re() -> re.Pattern[bytes]:
    """The professions of _shared_grades() as word_bytes() holds them, in each spelling ("nghe si",
    "nghe  sy"), each after a space (where _shared_grades' pattern starts it, after no word character):
    a paragraph without one names none of their titles.

    A trie after a space (" n(?:ghe +...|ha +giao)|thay +thuoc"): the regex engine skips from space to
    space instead of trying each alternative at every "n" and "t"."""
    heads = sorted({head for head, _ in _shared_grades()[1]})
    spelled = (" ".join(s) for h in heads for s in product(*map(_spellings, h.split())))
    return re.compile((" (?:" + trie_pattern(spelled, space=" +") + ")").encode("ascii"))


def _word_pattern(word: str) -> str:
    """A folded word as a text may spell it ("si" or "sy")."""
    return "(?:" + "|".join(re.escape(s) for s in _spellings(word)) + ")"


def _titles_sharing_grades(text: str) -> list[tuple[int, int, str]]:
    """The titles of "Nhà giáo, Thầy thuốc, Nghệ sỹ, Nghệ nhân (nhân dân và ưu tú)": each profession with
    each grade; (start, end, title) with the span of the whole list."""
    folded = fold(text)
    if "nhan dan" not in folded and "uu tu" not in folded:
        return []
    if not _shared_professions_re().search(word_bytes(text)):  # (read for the paragraph's awards already)
        return []  # "Ủy ban nhân dân" names no profession: the regex is not run
    pattern, titles = _shared_grades()
    found = []
    for m in pattern.finditer(folded):
        heads = [" ".join(_variant_words(h)) for h in re.split(r"\s*,\s*|\s+(?:va|hoac)\s+", m.group(1))]
        grades = [" ".join(_variant_words(g)) for g in re.split(r"\s*,\s*|\s+(?:va|hoac)\s+", m.group(2))]
        if len(heads) > 1 or len(grades) > 1:
            found += [(m.start(), m.end(), titles[h, g]) for h in heads for g in grades if (h, g) in titles]
    return found


def award_mentions(doc: Document) -> list[AwardMention]:
    """Every award written in the document, in reading order; also each title of a list of professions
    whose grades are written once ("Nhà giáo, Thầy thuốc (nhân dân và ưu tú)")."""
    found = []
    for para in doc.paragraphs:  # (most paragraphs name no award: nothing is built for them)
        written: Sequence[tuple[int, int, str]] = _award_matches(para.text)
        shared = _titles_sharing_grades(para.text)
        if shared:
            shared = [m for m in shared if m not in written]
        if shared:
            written = sorted([*written, *shared], key=lambda m: m[0])
        if written:
            found += [AwardMention(name, para.seq, start, end) for start, end, name in written]
    return found


def find_award_types(doc: Document) -> tuple[AwardTypeMention, ...]:
    """The canonical award types mentioned anywhere, each once, with every span."""
    texts = {p.seq: p.text for p in doc.paragraphs}
    by_name: dict[str, list[Span]] = {}
    for m in award_mentions(doc):
        by_name.setdefault(m.name, []).append(Span(m.paragraph, m.start, m.end, texts[m.paragraph][m.start : m.end]))
    return tuple(AwardTypeMention(name=name, spans=tuple(spans)) for name, spans in by_name.items())
