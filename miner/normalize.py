"""Text normalisation: NFC, tone placement, and `fold()` for matching.

`fold()` is length-preserving (one character out for each character in), so an offset
found in folded text is the same offset in the original: match folded, report original.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _base_char(ch: str) -> str:
    """The letter without diacritics or tone ('ế' -> 'e', 'Đ' -> 'd'), lower case."""
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0] if decomposed else ch
    if unicodedata.category(base) == "Mn":  # a lone combining mark
        return " "
    low = base.lower()
    return low if len(low) == 1 else base


# The fold table is a sequence indexed by code point (str.translate reads a list without hashing, and
# a code point past its end is left as it is); it covers Latin, the combining marks and Vietnamese.
_TABLE_SIZE = 0x2300


def _build_fold_table() -> list[str]:
    table = [chr(code) for code in range(_TABLE_SIZE)]
    ranges = [(0x41, 0x5B), (0xC0, 0x250), (0x300, 0x370), (0x1E00, 0x1F00)]
    for lo, hi in ranges:
        for code in range(lo, hi):
            table[code] = _base_char(chr(code))
    # Odd dashes and spaces fold to their plain forms.
    for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212):
        table[code] = "-"
    for code in (0xA0, 0x2007, 0x202F, 0x2009, 0x200A):
        table[code] = " "
    return table


_FOLD_TABLE = _build_fold_table()


def _fold_by_table(text: str) -> str:
    """fold() of any text: each character through the table, then lower case."""
    return text.translate(_FOLD_TABLE).lower()


# fold() of most texts in two passes at C speed instead of a look-up in the table for each character
# (str.translate, ~3x slower): each character as one byte of a code (a charmap, the machinery of the
# cp125x codecs), then each byte as the character's fold. The code's 256 characters: printable ASCII,
# the letters of Vietnamese in both cases, common punctuation; a text with another one (Σ, whose lower
# case depends on the letters around it, Cyrillic, CJK ...) is folded by the table.
_VIETNAMESE_LOWER = "àáâãèéêìíòóôõùúýăđĩũơư" + "".join(ch for ch in map(chr, range(0x1EA0, 0x1EFA)) if ch.islower())
_COMMON_PUNCTUATION = "\u00a0“”‘’–—…•°·«»×²³½§±‰′″"


def _build_fold_code() -> tuple[Any, str]:
    # NUL first: charmap_build makes its fast map of a table that maps NUL to 0 (else a dict).
    alphabet = "\0\t\n\r" + "".join(map(chr, range(0x20, 0x7F))) + _VIETNAMESE_LOWER + _VIETNAMESE_LOWER.upper()
    alphabet = (alphabet + _COMMON_PUNCTUATION)[:256]  # (the punctuation as far as there is room)
    return codecs.charmap_build(alphabet), "".join(_fold_by_table(ch) for ch in alphabet)


_FOLD_CODE, _FOLDED_CODE = _build_fold_code()

T = TypeVar("T")
_TEXT_CACHES: list[Callable[[], None]] = []


def text_cache(maxsize: int = 4096) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """lru_cache for a pure function of one text, emptied by clear_text_caches().

    Every extractor reads each paragraph in turn: what they all compute of a paragraph (its fold,
    its provinces) is computed once. build_record() empties the caches for each document, so they
    hold one document's texts at most (and `maxsize` of them elsewhere, as in the web server).
    """

    def wrap(func: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(func)
        _TEXT_CACHES.append(cached.cache_clear)
        return cached

    return wrap


def clear_text_caches() -> None:
    """Forget what the text caches hold (a new document's paragraphs are new texts)."""
    for clear in _TEXT_CACHES:
        clear()


@text_cache()
def fold(text: str) -> str:
    """Case, diacritics, tone marks and đ folded away; same length as the input.

    >>> fold("Quyết định số 354/QĐ-UBND")
    'quyet dinh so 354/qd-ubnd'
    """
    if text.isascii():
        return text.lower()
    try:
        code = codecs.charmap_encode(text, "strict", _FOLD_CODE)[0]
    except UnicodeEncodeError:  # a character outside the code
        return _fold_by_table(text)
    return codecs.charmap_decode(code, "strict", _FOLDED_CODE)[0]


_NOT_ASCII_LOWER = bytes(b for b in range(256) if not ord("a") <= b <= ord("z"))


def ascii_lower_count(text: str) -> int:
    """How many of the characters are a-z, counted at C speed (a lower bound of the lower-case letters)."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LOWER))


# Bytes other than a-z and 0-9 become spaces in word_bytes() and plain_words().
_WORD_BYTES = bytes(b if b in b"abcdefghijklmnopqrstuvwxyz0123456789" else 32 for b in range(256))


@text_cache()
def word_bytes(text: str) -> bytes:
    """fold(text) as ASCII bytes, each character other than a-z and 0-9 a space, with a space at each end.

    A fast necessary test for a phrase matched on folded text between non-word characters: if
    phrases.words_re(["bang khen"]) finds nothing in word_bytes(text), no "Bằng khen" is written in it.
    plain_words() without its runs of spaces collapsed (that costs more than the rest of it).

    >>> word_bytes("Tặng Bằng khen, Giấy khen.")
    b' tang bang khen  giay khen  '
    """
    return b" " + fold(text).encode("ascii", "replace").translate(_WORD_BYTES) + b" "


@text_cache()
def plain_words(text: str) -> bytes:
    """The words of fold(text) as ASCII bytes between single spaces, with a space at each end.

    A fast necessary test for a phrase matched on folded text between non-word characters: if
    `b" bang khen "` is not in plain_words(text), no "Bằng khen" is written in it.

    >>> plain_words("Tặng Bằng khen, Giấy khen năm 2023.")
    b' tang bang khen giay khen nam 2023 '
    """
    words = _SPACES_RE.sub(b" ", fold(text).encode("ascii", "replace").translate(_WORD_BYTES))
    return b" " + words.strip(b" ") + b" "


_SPACES_RE = re.compile(b"  +")  # (a run of spaces in one pass, not halved pass after pass)


_PUNCT_RE = re.compile(r"[^\w\s]")
_SPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # a few thousand names ("Ủy ban nhân dân tỉnh", "Bộ Nội vụ") asked again and again
def fold_key(text: str | None) -> str:
    """A comparison key: folded, punctuation dropped, white space collapsed."""
    if not text:
        return ""
    return _SPACE_RE.sub(" ", _PUNCT_RE.sub(" ", fold(nfc(text)))).strip()


# Old-style tone placement ("hoá", "uỷ", "thuỷ") to the style of the 2018 standard
# ("hóa", "ủy", "thủy"): the tone goes on the first vowel of "oa", "oe", "uy" when
# nothing follows the pair in the syllable.
_TONES = {
    "\u0301": "acute",
    "\u0300": "grave",
    "\u0309": "hook",
    "\u0303": "tilde",
    "\u0323": "dot",
}
_OLD_TONE_RE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0301\u0300\u0309\u0303\u0323])(?![^\W\d_]|[\u0300-\u036f])")


# What an NFC text holds where _OLD_TONE_RE may move a tone: "o" or "u" before an "a", "e" or "y"
# that carries a tone mark and no other ("hoá", "hoà", "uỷ"; not "uế": "ê" has a mark of its own).
_OLD_TONE_NFC_RE = re.compile("[oOuU][áàảãạéèẻẽẹýỳỷỹỵÁÀẢÃẠÉÈẺẼẸÝỲỶỸỴ]")


def modern_tones(text: str) -> str:
    """Move the tone mark of a final "oa/oe/uy" to its first vowel: "Uỷ ban" -> "Ủy ban"."""
    if text.isascii() or (unicodedata.is_normalized("NFC", text) and not _OLD_TONE_NFC_RE.search(text)):
        return text  # nothing to move (most texts): the decomposition is not made
    decomposed = unicodedata.normalize("NFD", text)
    if not any(m in decomposed for m in _TONES):
        return text
    moved = _OLD_TONE_RE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return nfc(moved)


# clean_text(): what becomes a plain space, a line break, or nothing.
_ODD_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_LINE_BREAKS = "\v\f\x85\u2028\u2029"  # Word's manual line break (VT), page breaks (FF)
# soft hyphen, zero-width characters, the BOM and the bidi controls (marks, embeddings, isolates)
_INVISIBLE = (
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)
_CLEAN_TABLE = {
    **{code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0))},
    **{ord(ch): None for ch in _INVISIBLE},
    **{ord(ch): " " for ch in _ODD_SPACES},
    **{ord(ch): "\n" for ch in _LINE_BREAKS},
}


# The same as a regex: str.translate looks each character up in the table (~130 ns a character),
# the regex scans past the characters it leaves alone (~10 ns) and replaces the few it finds.
_CLEAN_CHARS = {chr(code): to or "" for code, to in _CLEAN_TABLE.items()}
_CLEAN_RE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_CLEAN_CHARS)) + "]")


def _clean_char(match: re.Match[str]) -> str:
    return _CLEAN_CHARS[match.group()]


def clean_text(text: str) -> str:
    """NFC, no control characters or zero-width marks, ordinary spaces and line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return nfc(_CLEAN_RE.sub(_clean_char, text))
