"""Legacy Vietnamese codes (TCVN3/ABC, VNI Windows, VISCII) to Unicode NFC.

Text typed before Unicode arrives in two shapes, and every function here takes both:
- bytes, from a .txt file that is not UTF-8;
- a Unicode string that shows each legacy byte as the Windows-1252/Latin-1 character of the
  same code ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi"): the text of .doc/.docx runs in a
  legacy font, PDF text layers made from such documents, .txt files decoded as cp1252.

TCVN3 (the VN3 subset of TCVN 5712:1993) has codes for the 134 lower-case letters but for only
seven capitals (Ă Â Ê Ô Ơ Ư Đ): capitals were typed with a second font (.VnTimeH, .VnArialH)
that draws the lower-case codes as capitals. So a run in a capitals font is upper-cased after
conversion, and text whose font is unknown gets `_restore_capitals`: a word or line whose
certain letters are all capitals ("QUYÕT ®ÞNH" -> "QUYẾT ĐỊNH") is upper-cased whole.
`from_unicode(..., capitals_font=True)` writes what such a font stores.

Which code a text is in is decided by `detect_legacy`: the share of words that are valid
Vietnamese syllables (data/syllable_parts.tsv) as the text stands and after each conversion.

Run the conversion before `normalize.clean_text`, which drops characters that are letters in
these codes (U+00AD is "ư" in TCVN3, C0/C1 controls are capitals in VISCII).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import data
from ..normalize import nfc

ENCODINGS = ("tcvn3", "vni", "viscii")

_ALIASES = {
    "tcvn3": "tcvn3",
    "tcvn": "tcvn3",
    "abc": "tcvn3",
    "vn3": "tcvn3",
    "tcvn5712": "tcvn3",
    "vni": "vni",
    "vniwindows": "vni",
    "vniwin": "vni",
    "viscii": "viscii",
}

_TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
_ALPHABET = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")


def _vietnamese_letters() -> frozenset[str]:
    """The 134 letters with diacritics: 12 vowels x (5 tones + toneless) + đ, in both cases."""
    lower = {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in ("", *_TONE_MARKS)}
    lower = {c for c in lower | {"đ"} if not c.isascii()}
    return frozenset(lower | {c.upper() for c in lower})


VIETNAMESE_LETTERS = _vietnamese_letters()

# Words: runs of anything but white space, ASCII and typographic punctuation and digits
# (legacy letters are Latin-1 symbols such as "µ" or "§", and VISCII capitals are C0
# controls, so \w won't do).
_WORD_CHAR = r"[^ \t\n\r\f\v\u00a0\u2000-\u205f\u3000!-/:-@\[-`{-~0-9]"
_WORD_RE = re.compile(_WORD_CHAR + "+")
# A word with a non-ASCII letter ("Vieät", "ViÖt", "Việt"), found without making the ASCII words
# ("Nam", "UBND") into strings: 75 -> 54 ns a character over the synthetic archive.
_MARKED_WORD_RE = re.compile(rf"(?<!{_WORD_CHAR}){_WORD_CHAR}*[^\x00-\x7f\u00a0\u2000-\u205f\u3000]{_WORD_CHAR}*")
_CONSONANTS = frozenset("bcdđghklmnpqrstvxfjwz")
_LINE_RE = re.compile(r"[^\n]*\n?")

# Only a sample of a long text is scored: three windows of this many characters.
_WINDOW = 8000


@dataclass(frozen=True)
class Codec:
    """One legacy code: legacy sequence -> letter and back."""

    name: str
    decode_map: dict[str, str]
    encode_map: dict[str, str]
    # Characters that cannot stand for themselves: they are (part of) a legacy letter.
    reserved: frozenset[str]

    @classmethod
    def from_map(cls, name: str, decode_map: dict[str, str], encode_map: dict[str, str]) -> Codec:
        reserved = frozenset(c for key in decode_map for c in key if len(key) == 1 or not c.isascii())
        return cls(name, decode_map, encode_map, reserved)

    def decode(self, text: str) -> str:
        """The Unicode text of `text` read in this code (not yet NFC)."""
        return _decoder(self.name)(text)


@cache
def _decoder(name: str):
    """A fast decoding function: str.translate for one-character codes, a regex for VNI."""
    decode_map = codec(name).decode_map
    if all(len(key) == 1 for key in decode_map):
        table = {ord(char): letter for char, letter in decode_map.items()}
        return lambda text: text.translate(table)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(decode_map, key=len, reverse=True)))
    return lambda text: pattern.sub(lambda m: decode_map[m.group()], text)


def _byte_codec(name: str) -> Codec:
    """A single-byte code (TCVN3, VISCII) from its table of hex codes; TCVN3 also decodes the
    capitals of full TCVN 5712 (VN1, tcvn3_vn1.tsv), but writes VN3."""
    decode_map = {chr(int(row["code"], 16)): row["letter"] for row in data.rows(f"{name}.tsv")}
    # Windows-1252 shows bytes 80-9F as "€", "‚" ...: accept those too.
    for char, letter in list(decode_map.items()):
        if 0x80 <= ord(char) < 0xA0:
            shown = bytes([ord(char)]).decode("cp1252", errors="ignore")
            if shown:
                decode_map[shown] = letter
    encode_map = {letter: char for char, letter in decode_map.items() if ord(char) < 0x100}
    if name == "tcvn3":
        # Only as bytes (or C0/C1 controls): VN1's 80-9F shown by Windows-1252 are "…", "–", "“" ...,
        # punctuation that text in a .VnTime font holds as itself.
        decode_map.update(_vn1_capitals())
    return Codec.from_map(name, decode_map, encode_map)


@lru_cache(maxsize=1)
def _vn1_capitals() -> dict[str, str]:
    """The capitals full TCVN 5712 (VN1) has codes for and VN3 has not: code (as a character) -> letter."""
    return {chr(int(row["code"], 16)): row["letter"] for row in data.rows("tcvn3_vn1.tsv")}


def _has_vn1_capitals(text: str) -> bool:
    """Whether TCVN3 text holds VN1 capital codes: then it wrote every capital, none to restore."""
    return not _vn1_capitals().keys().isdisjoint(text)


def _vni_codec() -> Codec:
    """VNI Windows: base letter + mark byte, decoded longest sequence first."""
    canonical = {bytes.fromhex(row["bytes"]).decode("latin-1"): row["letter"] for row in data.rows("vni.tsv")}
    decode_map = dict(canonical)
    # Tolerate a mark typed in the other case than its letter ("Aù", "aÙ"): the letter's case wins.
    for seq, letter in canonical.items():
        if len(seq) > 1:
            decode_map.setdefault(seq[0] + seq[1:].swapcase(), letter)
    encode_map = {letter: seq for seq, letter in canonical.items()}
    return Codec.from_map("vni", decode_map, encode_map)


@cache
def codec(encoding: str) -> Codec:
    """The codec of a legacy code name ("tcvn3", "vni", "viscii" or an alias such as "abc")."""
    name = encoding_name(encoding)
    return _vni_codec() if name == "vni" else _byte_codec(name)


def encoding_name(encoding: str) -> str:
    """The canonical name of a legacy code; ValueError names the choices."""
    key = re.sub(r"[\s_\-.:]", "", encoding.lower())
    if key in _ALIASES:
        return _ALIASES[key]
    raise ValueError(f"unknown legacy encoding {encoding!r}: choose one of {', '.join(ENCODINGS)}")


def _as_text(data: str | bytes) -> str:
    return data.decode("latin-1") if isinstance(data, bytes) else data


def to_unicode(data: str | bytes, encoding: str) -> str:
    """Legacy bytes, or a string showing them as Latin-1/cp1252, as Unicode NFC.

    >>> to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    """
    return nfc(codec(encoding).decode(_as_text(data)))


def from_unicode(text: str, encoding: str, *, capitals_font: bool = False) -> bytes:
    """Unicode text in a legacy code; UnicodeEncodeError for a letter the code lacks.

    With `capitals_font`, a TCVN3 capital without a code of its own is written as its
    lower-case code, as text typed in a .VnTimeH font is stored.
    """
    chosen = codec(encoding)
    text = nfc(text)
    out = []
    for i, ch in enumerate(text):
        if ch in chosen.encode_map:
            out.append(chosen.encode_map[ch])
        elif capitals_font and ch in VIETNAMESE_LETTERS and ch.lower() in chosen.encode_map:
            out.append(chosen.encode_map[ch.lower()])
        elif ord(ch) < 0x100 and ch not in chosen.reserved and ch not in VIETNAMESE_LETTERS:
            out.append(ch)
        else:
            raise UnicodeEncodeError(chosen.name, text, i, i + 1, "no code for this character")
    return "".join(out).encode("latin-1")


# ---- Vietnamese syllables -------------------------------------------------------------


@dataclass(frozen=True)
class _Final:
    after: frozenset[str]  # last letters of the nuclei it may follow (empty: any)
    never_after: frozenset[str]  # nuclei it never follows


@dataclass(frozen=True)
class _SyllableParts:
    initials: dict[str, frozenset[str]]  # spelling -> first letters of nuclei it may precede
    nuclei: dict[str, str]  # spelling -> "none" | "required" | "optional" final
    finals: dict[str, _Final]


_STOP_FINALS = frozenset({"c", "ch", "p", "t"})


@lru_cache(maxsize=1)
def _syllable_parts() -> _SyllableParts:
    initials, nuclei, finals = {}, {}, {}
    for row in data.rows("syllable_parts.tsv"):
        spelling, rule = row["spelling"], row.get("rule", "")
        if row["part"] == "initial":
            initials[spelling] = frozenset(rule.split())
        elif row["part"] == "nucleus":
            nuclei[spelling] = rule
        else:
            items = rule.split()
            finals[spelling] = _Final(
                frozenset(i for i in items if not i.startswith("-")),
                frozenset(i[1:] for i in items if i.startswith("-")),
            )
    return _SyllableParts(initials, nuclei, finals)


def _fits(parts: _SyllableParts, initial: str, nucleus: str, final: str, tone: str | None) -> bool:
    rule = parts.nuclei.get(nucleus)
    if rule is None or (rule == "none" and final) or (rule == "required" and not final):
        return False
    before = parts.initials.get(initial)
    if before and nucleus[0] not in before:
        return False
    if final:
        spec = parts.finals[final]
        if nucleus in spec.never_after or (spec.after and nucleus[-1] not in spec.after):
            return False
        if final in _STOP_FINALS and tone not in ("acute", "dot"):
            return False
    return True


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether `word` is spelled as a Vietnamese syllable: "Việt" yes, "ViÖt" and "Vieät" no."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [_TONE_MARKS[c] for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if not base or not set(base) <= _ALPHABET:
        return False
    tone = tones[0] if tones else None
    parts = _syllable_parts()
    for initial in ("", *parts.initials):
        if not base.startswith(initial):
            continue
        rest = base[len(initial) :]
        for final in ("", *parts.finals):
            if len(rest) > len(final) and rest.endswith(final):
                if _fits(parts, initial, rest[: len(rest) - len(final)], final, tone):
                    return True
    return False


@lru_cache(maxsize=65536)
def _plausible(word: str) -> bool:
    """A syllable, or an abbreviation of consonants ("HĐND", "QĐ")."""
    return is_syllable(word) or (len(word) <= 10 and set(word.lower()) <= _CONSONANTS)


def _marked_words(text: str) -> list[str]:
    """The words with a non-ASCII character: the only ones a code changes."""
    return _MARKED_WORD_RE.findall(text)


def _sample(text: str) -> str:
    """The whole text when short, else three windows (start, middle, end) cut at spaces."""
    if len(text) <= 3 * _WINDOW:
        return text
    windows = []
    for start in (0, (len(text) - _WINDOW) // 2, len(text) - _WINDOW):
        window = text[start : start + _WINDOW]
        windows.append(window[window.find(" ") + 1 : window.rfind(" ")])
    return "\n".join(windows)


def _valid_share(words: list[str] | Counter[str], encoding: str | None) -> float:
    """The share of `words` (or of a Counter of them) that are syllables as they stand (None) or
    read in `encoding`; each distinct word is tested once."""
    counts = words if isinstance(words, Counter) else Counter(words)
    total = counts.total()
    if not total:
        return 0.0
    if encoding is None:
        return sum(n for word, n in counts.items() if _plausible(word)) / total
    decode = codec(encoding).decode
    return sum(n for word, n in counts.items() if _plausible(nfc(decode(word)))) / total


def _best_encoding(words: list[str] | Counter[str], baseline: float) -> str | None:
    """The legacy code that makes most of `words` syllables, if clearly better than `baseline`."""
    counts = words if isinstance(words, Counter) else Counter(words)
    total = counts.total()
    margin = 0.0 if total < 5 else 0.15
    if not total or baseline + margin >= 1.0:  # no share can exceed it: Unicode text ends here
        return None
    scores = {enc: _valid_share(counts, enc) for enc in ENCODINGS}
    best = max(ENCODINGS, key=lambda enc: scores[enc])  # ties: the order of ENCODINGS
    if scores[best] >= 0.5 and scores[best] > baseline + margin:
        return best
    return None


def detect_legacy(data: str | bytes) -> str | None:
    """ "tcvn3", "vni" or "viscii" when `data` reads better in that code, else None.

    Strings are compared with themselves as they stand; bytes with their UTF-8 and
    Windows-1258 readings. Long texts are sampled.
    """
    if isinstance(data, bytes):
        return _detect_bytes(data)
    words = Counter(_marked_words(_sample(data)))
    return _best_encoding(words, _valid_share(words, None))


def _detect_bytes(data: bytes) -> str | None:
    sample = _sample(data.decode("latin-1"))
    raw = sample.encode("latin-1")
    baseline = _valid_share(_marked_words(nfc(raw.decode("cp1258", errors="replace"))), None)
    try:
        baseline = max(baseline, _valid_share(_marked_words(raw.decode("utf-8")), None))
    except UnicodeDecodeError:
        pass
    return _best_encoding(_marked_words(sample), baseline)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str] | None:
    """The text of a legacy-coded file and its code, or None when it is not in one.

    Called for .txt files whose bytes are not UTF-8 (the caller falls back to
    Windows-1258 on None); `encoding` forces a code (the --encoding option).
    """
    name = encoding_name(encoding) if encoding else _detect_bytes(data)
    if name is None:
        return None
    # raw bytes keep code AD ("ư"): no converter dropped it, so nothing is put back
    return _converted(data.decode("latin-1"), name, restore_u=False), name


# ---- Capitals in TCVN3 ------------------------------------------------------------------

# Letters whose case TCVN3 keeps: ASCII and the seven capitals with codes of their own.
_CERTAIN_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĂÂÊÔƠƯĐ")
_CERTAIN_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _looks_capital(word: str) -> bool:
    """A word of letters of unknown case whose certain letters are all capitals, one of them
    not the first letter: "QUYếT" ("QUYÕT") and "ủY" ("ñY") are; "Số" ("Sè") and "QĐ" are not.
    """
    return (
        any(c in _CERTAIN_UPPER for c in word[1:])
        and not any(c in _CERTAIN_LOWER for c in word)
        and any(c.islower() for c in word)
    )


def _capitals_kind(line: str) -> str:
    """ "capitals" for a line to upper-case whole, "maybe" for one that is if a line beside it is,
    "" otherwise (a line with a certain lower-case letter, or nothing to upper-case)."""
    if any(c in _CERTAIN_LOWER for c in line):
        return ""
    words = _WORD_RE.findall(line)
    if any(_looks_capital(w) for w in words):
        return "capitals"
    # "BỘ", "TẾ", "VÀ": a certain capital, then letters of unknown case only
    long = [w for w in words if len(w) >= 2]
    if not long or not all(w[0] in _CERTAIN_UPPER and any(c.islower() for c in w) for w in long):
        return ""
    return "capitals" if len(long) >= 2 else "maybe"


def _neighbour(lines: list[str], i: int, step: int) -> int | None:
    """The index of the next non-blank line before (step -1) or after (step 1) line i."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return j
        j += step
    return None


# A letter of unknown case (non-ASCII) that starts a sentence: after ". " (not "..." or "…") or
# a line's bullet, but not a list label ("đ) Quan hệ", "đ. Quan hệ").
_AFTER_STOP_RE = re.compile(r"((?<![.…])[.!?]\s+)([^\W\d_a-zA-Z])(?![).])")
_LINE_START_RE = re.compile(r"^([\s\-+•*]*)([^\W\d_a-zA-Z])(?![).])")
_ENDS_SENTENCE_RE = re.compile(r"(?:(?<![.…])[.!?]|[:;])\s*$")


def _restore_capitals(text: str) -> str:
    """Upper-case what converted TCVN3 text typed without a capital code lost.

    A line whose certain letters are all capitals is upper-cased when one of its words looks
    capital, or two of its words are a capital and letters of unknown case ("BỘ Y TẾ"), or one
    is and a line beside it is upper-cased ("VÀ" between two lines of a title); else each word
    that looks capital is. A letter that starts a sentence (a line after a finished one, or
    after ". ", not "...") gets its capital back, unless it is a list label ("đ) Quan hệ").
    """
    lines = _LINE_RE.findall(text)
    kinds = [_capitals_kind(line) for line in lines]
    for i, kind in enumerate(kinds):
        if kind == "maybe" and any(
            kinds[j] == "capitals" for j in (_neighbour(lines, i, -1), _neighbour(lines, i, 1)) if j is not None
        ):
            kinds[i] = "capitals"
    out = []
    starts_sentence = True
    for line, kind in zip(lines, kinds):
        if kind == "capitals":
            line = line.upper()
        else:
            line = _WORD_RE.sub(lambda m: m.group().upper() if _looks_capital(m.group()) else m.group(), line)
        line = _AFTER_STOP_RE.sub(lambda m: m.group(1) + m.group(2).upper(), line)
        if starts_sentence:
            line = _LINE_START_RE.sub(lambda m: m.group(1) + m.group(2).upper(), line)
        if line.strip():
            starts_sentence = bool(_ENDS_SENTENCE_RE.search(line))
        else:
            starts_sentence = True
        out.append(line)
    return "".join(out)


_HORN_O = "ơớờởỡợƠỚỜỞỠỢ"
_HORN_O_WORD_RE = re.compile(rf"[^\W\d_]*[{_HORN_O}][^\W\d_]*")


def _restore_lost_u(text: str) -> str:
    """Put back the TCVN3 "ư" (code AD, the soft hyphen) that converters drop before "ơ".

    "thởng" -> "thưởng", "đợc" -> "được": only words that are no syllable without it.
    """

    def fix(m: re.Match) -> str:
        word = m.group()
        if is_syllable(word):
            return word
        for i, ch in enumerate(word):
            if ch in _HORN_O and (i == 0 or word[i - 1] not in "ưƯ"):
                candidate = word[:i] + ("Ư" if ch.isupper() else "ư") + word[i:]
                if is_syllable(candidate):
                    return candidate
        return word

    return _HORN_O_WORD_RE.sub(fix, text)


# A word with a hyphen inside or at its end: where a PDF text layer may show TCVN3's "ư".
_HYPHENATED_RE = re.compile(r"[^\s\-]+(?:-[^\s\-]*)+")


def soft_hyphens_back(text: str) -> str:
    """TCVN3 text with its "ư" (code AD, the soft hyphen) put back where a PDF text layer shows a
    hyphen: "th-ëng" ("thưởng") and "Nh- §iÒu" ("Như Điều"), while "Q§-UBND" keeps its hyphen.

    A hyphen is taken for "ư" when the syllable around it reads as one with "ư" there and, at
    the end of a word, not without it.
    """

    def syllable(legacy_word: str) -> bool:
        return is_syllable(to_unicode(legacy_word, "tcvn3"))

    def fix(m: re.Match) -> str:
        parts = m.group().split("-")
        out, current = parts[0], parts[0]  # current: the syllable being built
        for part in parts[1:]:
            with_u = current + "\u00ad" + part
            if syllable(with_u) and (part or not syllable(current)):
                out, current = out + "\u00ad" + part, with_u
            else:
                out, current = out + "-" + part, part
        return out

    return _HYPHENATED_RE.sub(fix, text)


def _converted(text: str, encoding: str, restore_u: bool | None = None) -> str:
    """`text` read in `encoding`; for TCVN3, the capitals VN3 could not write restored (unless the
    text writes them in VN1), and the "ư" a converter dropped put back when `restore_u` says so
    (None: when the converted text holds no "ư" at all, see `lost_u`)."""
    converted = to_unicode(text, encoding)
    if encoding != "tcvn3":
        return converted
    if restore_u is None:
        restore_u = _no_u(converted)
    if restore_u:
        converted = _restore_lost_u(converted)
    return converted if _has_vn1_capitals(text) else _restore_capitals(converted)


def _no_u(converted: str) -> bool:
    return "ư" not in converted and "Ư" not in converted


def lost_u(text: str, encoding: str) -> bool:
    """Whether a converter dropped the "ư" of TCVN3 text (code AD, a soft hyphen to Unicode): the
    text, read in `encoding`, holds not one "ư". Vietnamese text of any length holds many
    ("được", "người", "thưởng"); a text that keeps them keeps its misspellings too ("Phớc")."""
    return encoding_name(encoding) == "tcvn3" and _no_u(to_unicode(text, "tcvn3"))


def repair_text(text: str, encoding: str | None = None, restore_u: bool | None = None) -> tuple[str, str | None]:
    """Text that shows legacy codes as Latin-1 ("ViÖt Nam") made Unicode, and the main code.

    When the text as a whole reads better in a legacy code, each line is converted to the
    code it reads best in (that one first, on a tie) or left alone when none helps, so
    Unicode lines and a stray VNI paragraph in a TCVN3 document come out right. An explicit
    `encoding` converts every line. `restore_u`: whether TCVN3's dropped "ư" is put back (None:
    when the whole text holds none).
    """
    if encoding:
        forced = encoding_name(encoding)
        return _converted(text, forced, restore_u), forced
    detected = detect_legacy(text)
    if detected is None:
        return text, None
    return repair_lines(text, detected, restore_u), detected


def repair_lines(text: str, main: str, restore_u: bool | None = None) -> str:
    """Each line of `text` converted to the legacy code it reads best in (`main` first, on a
    tie), or left alone when none makes more of its words Vietnamese syllables. Whether a dropped
    TCVN3 "ư" is put back is decided once, on the whole text (`lost_u`), unless `restore_u` says."""
    if restore_u is None:
        restore_u = lost_u(text, main)
    order = (main, *(e for e in ENCODINGS if e != main))
    out = []
    for line in _LINE_RE.findall(text):
        words = _marked_words(line)
        if words:
            best, best_share = None, _valid_share(words, None)
            for candidate in order:
                share = _valid_share(words, candidate)
                if share > best_share:
                    best, best_share = candidate, share
            if best:
                line = _converted(line, best, restore_u)
        out.append(line)
    return "".join(out)


# ---- Fonts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LegacyFont:
    """What a font name says about the code of its text."""

    encoding: str
    capitals: bool


@lru_cache(maxsize=1)
def _font_rules() -> tuple[tuple[str, str, LegacyFont], ...]:
    return tuple(
        (row["prefix"], row["suffix"], LegacyFont(row["encoding"], row["capitals"] == "yes"))
        for row in data.rows("legacy_fonts.tsv")
    )


@lru_cache(maxsize=256)
def legacy_font(font_name: str | None) -> LegacyFont | None:
    """The legacy code of a font (".VnTimeH" -> tcvn3, capitals), None for Unicode fonts."""
    if not font_name:
        return None
    key = font_name.lower().replace(" ", "")
    for prefix, suffix, font in _font_rules():
        if key.startswith(prefix) and key.endswith(suffix):
            return font
    return None


def encoding_for_font(font_name: str | None) -> str | None:
    """ "tcvn3" for .VnTime, .VnArialH ..., "vni" for VNI-Times ..., None otherwise."""
    font = legacy_font(font_name)
    return font.encoding if font else None


# What legacy bytes look like as text: Latin-1, and Windows-1252's glyphs for bytes 80-9F.
_SHOWN_BYTES = frozenset(chr(b) for b in range(0x100)) | frozenset(
    bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
)


def run_encoding(text: str, font_name: str | None, encoding: str | None = None) -> str | None:
    """The legacy code a run's text is in: `encoding` when given, else its font's; None when the
    text holds a character no legacy byte shows as ("Tặng" typed in Unicode over a .VnTime font)."""
    name = encoding_name(encoding) if encoding else encoding_for_font(font_name)
    if name is None or not set(text) <= _SHOWN_BYTES:
        return None
    return name


def convert_runs(
    runs: Iterable[tuple[str, str | None]], encoding: str | None = None, restore_u: bool | None = None
) -> str:
    """The Unicode text of a paragraph given as (text, font name) runs.

    Runs in a legacy font are converted (capitals fonts upper-cased); `encoding` forces a
    code on every run; a run already in Unicode is kept (see `run_encoding`). Consecutive runs
    in one code are converted together, so a VNI letter split across two runs survives.
    """
    groups: list[tuple[str | None, bool, list[str]]] = []
    for text, font_name in runs:
        name = run_encoding(text, font_name, encoding)
        font = legacy_font(font_name)
        key = (name, bool(name and font and font.capitals))
        if groups and groups[-1][:2] == key:
            groups[-1][2].append(text)
        else:
            groups.append((*key, [text]))
    out = []
    for name, capitals, texts in groups:
        text = "".join(texts)
        if name is None:
            out.append(text)
        elif capitals:
            out.append(to_unicode(text, name).upper())
        else:
            out.append(_converted(text, name, restore_u))
    return "".join(out)
