"""Shared regexes: document symbols (số/ký hiệu) and dates, with real examples.

Dates are matched on `fold()`ed text (ASCII, lower case, same length as the original), so an
offset found there is an offset in the paragraph as written. Symbols are matched on the text as
written: their codes are told from ordinary words by their capitals ("354/QĐ-UBND ngày").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import data
from .normalize import fold

# "12/3/2018", "24/01/2025", "21/1/2015", "28.6.2025"; "ngày 14 tháng 6 năm 2025";
# "ngày 27 năm 12 năm 2019" (a slip for "tháng", real: Lai Châu QĐ 87/2025/QĐ-UBND); "ngày 01 tháng12 năm
# 2025" (a space lost, real: Hà Tĩnh QĐ 3005/QĐ-UBND as a web page prints it).
DATE_RE = re.compile(
    r"(?<![\w/.])(?P<d>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>(?:19|20)\d{2})(?!\d)"
    r"|ngay\s+(?P<d2>\d{1,2})\s*(?:thang|nam)\s*(?P<m2>\d{1,2})\s*nam\s*(?P<y2>(?:19|20)\d{2})(?!\d)"
)

# A date whose day (or day and month) the writer left blank for the signer to fill in:
# "ngày tháng 10 năm 2022", "ngày tháng năm 2021", "ngày /10/2022".
PARTIAL_DATE_RE = re.compile(
    r"ngay\s*(?:(?:\d{1,2}\s*)?thang\s*(?:\d{1,2}\s*)?nam\s*|/\s*(?:\d{1,2}\s*)?/\s*)(?P<y>(?:19|20)\d{2})(?!\d)"
)

# One part of a code: capitals first, then letters, digits, "&" or "." inside
# ("QĐ", "UBND", "TTr", "KTr2", "QLN&TTBĐS", "QLN& TTBĐS", "V.I", "CGC.BT", "BNN&MT"). A "." ends the
# code when a space or a capitalised word follows: "Nghị định số 98/2023/NĐ-CP. Kinh phí ...",
# "theo Nghị định 98/2023/NĐ-CP.Kinh phí ..." (a sentence glued to the next one).
_UPPER = "A-ZĐÂĂÊÔƠƯ"
_SEG = (
    rf"[{_UPPER}][{_UPPER}a-zđ0-9]*"
    rf"(?:(?:\.|&\s?)(?![{_UPPER}][a-zđ]{{2,}}(?![{_UPPER}a-zđ0-9]))[{_UPPER}0-9][{_UPPER}a-zđ0-9]*)*"
)

# A word glued to a code written in capitals, its space left out: "Kế hoạch 10/KH-TTQLGTCCvề đảm bảo ..."
# (data/citation_words.tsv, list code_glued_word).
_GLUED_WORDS = "|".join(
    re.escape(row["entry"]) for row in data.rows("citation_words.tsv") if row["list"] == "code_glued_word"
)

# A document's number and code as writers put them:
#   "354/QĐ-UBND", "91/2017/NĐ-CP", "06/2022/QH15", "3367/TTr-SNV", "46-CT/TW", "02-TTr/ĐLS",
#   "128.2025/OL.WMCLV", "16/CGC.BT", "1691/UBDNGS15", "779 /QĐ-UBND", "2346/HD - ĐHM",
#   "38/2015/TT- BTC", "15972/SXD-QLN& TTBĐS", "18/20202QĐ-UBND", "22/201 /QĐ-UBND";
#   glued to "số", its space left out: "Tờ trình số374/TTr-CP".
# Not a standard's year: "QCVN 14:2024/BGTVT". (The look-behinds come after the first digit, so that the regex
# engine skips to digits.)
SYMBOL_RE = re.compile(
    rf"""(?P<number>\d(?:(?<![\w/.\-]\d)|(?<=[sS]ố\d))(?<!\d:\d)\d{{0,5}}(?:\.\d{{1,4}})?)
    (?:
        \s?/\s?(?:(?P<year>\d{{2,5}})\s?/?\s?)?
      | \s?[-–—]\s?(?={_SEG}\s?/)
    )
    (?P<code>{_SEG}(?:\s?[-–—/]\s?{_SEG})*)
    (?:(?![\w&])|(?<=[{_UPPER}]{{2}})(?=(?:{_GLUED_WORDS})(?!\w)))""",
    re.VERBOSE,
)

# The rest of a code broken over two lines ("... Thông tư số 07/2014/TT-" / "BNV."): its first parts.
CODE_CONTINUATION_RE = re.compile(rf"\s*(?P<code>{_SEG}(?:\s?[-–—/]\s?{_SEG})*)(?![\w&])")

_SPACES_RE = re.compile(r"\s+")

# Cyrillic letters that look like Latin ones, as they slip into symbols typed on a Russian layout or
# pasted from one ("66/NQ-СР", "TT-BTС": R10 of the annotation rules reads them as Latin).
_LOOKALIKES = str.maketrans("АВЕКМНОРСТУХЅІЈаеорсухѕіј", "ABEKMHOPCTYXSIJaeopcyxsij")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


def latin_lookalikes(text: str) -> str:
    """The text with Cyrillic look-alike letters as the Latin ones (same length): "NQ-СР" -> "NQ-CP"."""
    return text.translate(_LOOKALIKES) if _CYRILLIC_RE.search(text) else text


@dataclass(frozen=True)
class Symbol:
    """A symbol split into its parts: "91/2017/NĐ-CP" is number 91, year 2017, code "NĐ-CP"."""

    text: str  # normalised: no spaces, ordinary dashes ("2346/HD-ĐHM")
    number: str
    year: int | None
    code: str


def parse_date(text: str) -> str | None:
    """The first full date in `text` as ISO `YYYY-MM-DD`, else None.

    >>> parse_date("Đắk Nông, ngày 15 tháng 12 năm 2022")
    '2022-12-15'
    """
    for m in DATE_RE.finditer(fold(text)):
        iso = date_of(m)
        if iso:
            return iso
    return None


def date_of(m: re.Match) -> str | None:
    """The ISO date of a DATE_RE match, or None when it is no calendar date ("31/2/2020")."""
    d, mo, y = (
        (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    )
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def normalise_symbol(written: str) -> str:
    """The symbol without spaces, with plain dashes: "2346/HD - ĐHM" -> "2346/HD-ĐHM"."""
    return _SPACES_RE.sub("", written).replace("–", "-").replace("—", "-")


def parse_symbol(written: str) -> Symbol | None:
    """Split a written symbol into number, year and code, or None when it is not one.

    >>> parse_symbol("91/2017/NĐ-CP")
    Symbol(text='91/2017/NĐ-CP', number='91', year=2017, code='NĐ-CP')
    """
    m = SYMBOL_RE.fullmatch(written.strip())
    return symbol_of(m) if m else None


def symbol_of(m: re.Match) -> Symbol:
    """The Symbol of a SYMBOL_RE match."""
    year = m.group("year")
    return Symbol(
        text=normalise_symbol(m.group(0)),
        number=m.group("number"),
        year=int(year) if year and len(year) == 4 and year[:2] in ("19", "20") else None,
        code=normalise_symbol(m.group("code")),
    )


@cache
def listed_words(file: str, name: str) -> tuple[str, ...]:
    """One list of a word-list data file (columns list, entry, example), as written, in file order.

    A list that is not there is an error, not an empty alternation that would match anywhere.
    """
    found = tuple(row["entry"] for row in data.rows(file) if row["list"] == name)
    if not found:
        raise LookupError(f"no list {name!r} in data/{file}")
    return found


def document_words(name: str) -> tuple[str, ...]:
    """One list of data/document_words.tsv ("body_head", "signing_role" ...), as written."""
    return listed_words("document_words.tsv", name)


def folded_alternatives(name: str, file: str = "document_words.tsv") -> str:
    """A list's entries folded, longest first, as a regex alternation ("uy ban|ubnd|...")."""
    return alternatives(fold(w) for w in listed_words(file, name))


def lower_alternatives(name: str, file: str = "document_words.tsv") -> str:
    """A list's entries in lower case with their marks, longest first, as a regex alternation
    ("tại" is not "tài": for text matched lower-cased, not folded)."""
    return alternatives(w.lower() for w in listed_words(file, name))


def written_alternatives(name: str, file: str = "document_words.tsv") -> str:
    """A list's entries as written (case and marks kept), longest first, as a regex alternation."""
    return alternatives(listed_words(file, name))


def glued_alternatives(name: str, file: str = "document_words.tsv", alone: str = r"(?!\w)") -> str:
    """A list's entries in lower case with their marks as a regex alternation in which a phrase of two
    words or more may have the next word glued to it ("và Nghị quyếtsố 107/2020/QH14") while a single
    word stands alone ("và các", not "và cách"): followed by what `alone` says."""
    words = sorted({w.lower() for w in listed_words(file, name)}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) + ("" if " " in w else alone) for w in words)


def alternatives(words) -> str:
    """Words as a regex alternation, each once, longest first (so that "va cac" is tried before "va")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
