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

from .document import Document, Paragraph
from .locations import data_rows
from .normalize import fold
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
        for row in data_rows("award_types.tsv")
    )


_VOWELS = set("aeiouy")
_CLASS_RE = re.compile(r"[\s,(]*hang\s+(nhat|nhi|ba|iii|ii|i|1|2|3)(?!\w)")
_CLASS_NAMES = {"nhat": "Nhất", "i": "Nhất", "1": "Nhất", "nhi": "Nhì", "ii": "Nhì", "2": "Nhì",
                "ba": "Ba", "iii": "Ba", "3": "Ba"}
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
    for row in data_rows("award_variants.tsv"):
        variants[_variant_words(row["variant"])] = (row["award"], row["match"])
    trie: dict = {}
    for words in variants:
        node = trie
        for word in words:
            node = node.setdefault(word, {})
        node[""] = {}
    return re.compile(rf"(?<!\w){_trie_pattern(trie)}(?!\w)"), variants


@lru_cache(maxsize=1)
def _classes() -> dict[str, tuple[str, ...]]:
    return {t.name: t.classes for t in award_types()}


def match_award_types(text: str, folded: str | None = None) -> list[tuple[int, int, str]]:
    """Each canonical award written in `text`: (start, end, name), offsets in `text`."""
    pattern, groups = _variant_index()
    folded = fold(text) if folded is None else folded
    found = []
    for m in pattern.finditer(folded):
        start, end = m.span()
        award, rule = groups[_variant_words(m.group(0))]
        written = text[start:end]
        if rule == "acronym" and not _CAPITALS_RE.search(written):
            continue
        if rule == "capital" and not written[:1].isupper() and not _OPENING_QUOTE_RE.search(folded[max(0, start - 12) : start]):
            continue
        if _classes().get(award):
            cls = _CLASS_RE.match(folded, end)
            if cls:
                award = f"{award} hạng {_CLASS_NAMES[cls.group(1)]}"
                end = cls.end()
        found.append((start, end, award))
    return found


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


def find_awards(
    doc: Document,
    header: Header,
    organizations: tuple[Organization, ...],
    persons: tuple[Person, ...],
    legal_refs: tuple[LegalRef, ...],
) -> tuple[Award, ...]:
    return ()
