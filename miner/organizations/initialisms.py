"""Abbreviations a document makes of its own long names ("Phòng Tổ chức Hành chính" ... "Phòng TCHC").

A body named with an abbreviation that data/org_abbreviations.tsv does not know ("Trường ĐHM HN",
"Trung tâm PV HCC tỉnh", "Công ty CPCN&VSMTNT Hậu Giang") is written out from a name the same
document gives in full, when the abbreviation's letters are that name's initials ("Trường Đại học
Mở Hà Nội", "Trung tâm Phục vụ hành chính công tỉnh ..."; "và" is written "&"). An abbreviation no
long name explains is left out rather than taken for a body of its own ("Ban CLG", "Vụ CQĐP").

An abbreviation is a word written in capitals that is no Vietnamese syllable ("TCHC", "KKTCKQT";
not "SỞ", "IT"), nor a number ("XII", "C03"). Enterprises keep theirs: their names are brands
("Công ty TNHH ABC").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..normalize import fold
from .words import Token, indexes, level_end, lows, match, tokenize

# A Vietnamese syllable without its marks: an onset, one to three vowels, a final consonant.
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_ROMAN_RE = re.compile(r"[IVXLC]+")
_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1F00)) if ch.isupper() and ch.isalpha())
_TWO_CAPITALS_RE = re.compile(f"[{_UPPER}][{_UPPER}]")
# Types whose bodies may bear a brand written in capitals.
_BRANDED = ("cong ty", "tong cong ty", "tap doan", "ngan hang", "hop tac xa")


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """Whether `word` can be one Vietnamese syllable ("Quyết", "nghiêng"; not "TCHC", "Kktckqt")."""
    return bool(_SYLLABLE_RE.fullmatch(fold(word).lower()))


def unknown_initials(token: Token) -> bool:
    """An abbreviation the tokenizer did not write out: capitals, no syllable, no number."""
    word = token.word
    if token.abbreviation or not token.is_word or len(word) < 2 or not word.isupper():
        return False
    if any(ch.isdigit() for ch in word) or _ROMAN_RE.fullmatch(word):
        return False
    return not is_syllable(word)


@lru_cache(maxsize=8192)
def unknown_abbreviations(text: str) -> bool:
    """Whether a body's name holds an abbreviation no data file writes out, and says too little
    without it: fewer than three words of its own, its type and place aside ("Phòng Đô thị, TTHCC";
    but "Cục Kiểm tra văn bản và Quản lý XLVP hành chính" is known by its other words)."""
    if not _TWO_CAPITALS_RE.search(text):
        return False  # most names: no word in capitals
    tokens = tokenize(text)
    if not any(unknown_initials(t) for t in tokens):
        return False
    words = lows(tokens)
    typed = match(words, 0, indexes().types, joiners=False)
    own = 0
    for k in range(typed.end if typed else 0, len(tokens)):
        if level_end(words, k) is not None:
            break
        own += tokens[k].is_word and not tokens[k].abbreviation and not unknown_initials(tokens[k]) and words[k] != "và"
    return own < 3


def branded(text: str) -> bool:
    """An enterprise, whose name may hold a brand in capitals ("Công ty TNHH ABC")."""
    return fold(text).lower().startswith(_BRANDED)


def _skeleton(tokens: Iterable[Token], spell: bool) -> list[tuple[str, int]]:
    """The initials of a name's words, with the index of the word each comes from: "và" and "&" are
    "&"; with `spell`, an abbreviation gives each of its letters ("TCHC": t, c, h, c)."""
    out: list[tuple[str, int]] = []
    for k, tok in enumerate(tokens):
        if not tok.is_word and tok.word != "&":
            continue
        if spell and unknown_initials(tok):
            out.extend(("&" if ch == "&" else fold(ch).lower(), k) for ch in tok.word if ch.isalpha() or ch == "&")
        elif tok.low == "và" or tok.word == "&":
            out.append(("&", k))
        else:
            out.append((fold(tok.word[0]).lower(), k))
    return out


def write_out(text: str, long_names: Iterable[str]) -> str | None:
    """The name `text` abbreviates, written from the long name of the same document whose initials its
    letters are (the long name's words as far as the abbreviated name goes), or None when no long
    name, or more than one, explains it."""
    tokens = tokenize(text)
    wanted = [letter for letter, _ in _skeleton(tokens, spell=True)]
    first = tokens[0].low if tokens else ""
    found = set()
    for name in long_names:
        long_tokens = tokenize(name)
        if not long_tokens or long_tokens[0].low != first or unknown_abbreviations(name):
            continue
        skeleton = _skeleton(long_tokens, spell=False)
        if len(skeleton) >= len(wanted) and [letter for letter, _ in skeleton[: len(wanted)]] == wanted:
            found.add(name[: long_tokens[skeleton[len(wanted) - 1][1]].end])
    return found.pop() if len(found) == 1 else None
