"""The words of bodies' names: the data files they come from, and a tokenizer that reads them.

The knowledge is in data files (read once): known names (data/org_names.tsv), types of bodies
(org_types.tsv), state enterprises (org_enterprises.tsv), abbreviations (org_abbreviations.tsv),
the words that end a name (org_stopwords.txt, org_name_phrases.txt, org_not_names.tsv) and the
words the scanner tests around a name (org_scanner_words.tsv). Phrases are looked up as tries of
lower-case words (miner.phrases.word_trie): `match` reads the longest one at a token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from .. import data
from ..locations import level_ranks, provinces
from ..normalize import fold, modern_tones, text_cache
from ..phrases import longest_phrase, trie_pattern, word_trie

BODY_KINDS = ("central", "local")
WORD_RE = re.compile(r"[\w&'’]+(?:\.(?=\w)[\w&]+)*|[^\w\s]")
JOINERS = frozenset((",", "-", "–", "—"))
_DOT_RE = re.compile(r"\.")


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


def abbreviation_rows() -> list[tuple[str, str]]:
    """(written, expansion) of every abbreviation, the enterprises' short names among them."""
    rows = [(row["written"], row["expansion"]) for row in data.rows("org_abbreviations.tsv")]
    return rows + [(short, name) for name, shorts in enterprises() for short in shorts]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words that end a body's name in running text (data/org_stopwords.txt)."""
    return frozenset(w.lower() for w in data.words("org_stopwords.txt"))


@lru_cache(maxsize=1)
def name_phrases() -> frozenset[str]:
    """Two words that go on with a name though one of them is a stop word (data/org_name_phrases.txt)."""
    return frozenset(w.lower() for w in data.words("org_name_phrases.txt"))


@lru_cache(maxsize=4)
def not_names(role: str) -> frozenset[str]:
    """Words after a type that make no name (data/org_not_names.tsv): "compound", "post", "title" or "another"."""
    return frozenset(row["words"] for row in data.rows("org_not_names.tsv") if row["role"] == role)


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """The posts named after a body ("thủ tướng chính phủ"), for str.endswith."""
    return tuple(not_names("title"))


@dataclass(frozen=True)
class ScannerWords:
    """The words of data/org_scanner_words.tsv by role (its header says what each role tells)."""

    list_lower: frozenset[str]
    list_head: frozenset[str]
    enterprise_head: frozenset[str]
    own_body: frozenset[str]
    level_body: frozenset[str]
    level_compound: frozenset[str]
    sector: frozenset[str]
    keep_lower: frozenset[str]
    school_word: frozenset[str]
    and_: frozenset[str]
    number: frozenset[str]
    area: frozenset[str]
    branch: frozenset[str]
    central_place: frozenset[str]
    plural: frozenset[str]
    every: frozenset[str]
    of_each: frozenset[str]
    members: frozenset[str]
    via: frozenset[str]
    board: frozenset[str]
    head: frozenset[str]
    list_noun: frozenset[str]
    agency_of_part: frozenset[str]
    local_only: frozenset[str]
    bare_office: frozenset[str]
    capitalised: frozenset[str]
    committees: frozenset[str]
    clause_verb: frozenset[str]
    merged_press: frozenset[str]
    press: frozenset[str]
    other_head: frozenset[str]
    country: frozenset[str]
    place_noun: frozenset[str]
    region: frozenset[str]
    region_name: frozenset[str]
    name_goes_on_not: frozenset[str]
    one_syllable: frozenset[str]
    topic_type: frozenset[str]
    function_word: frozenset[str]
    tail_not_name: frozenset[str]
    ends_capitalised: frozenset[str]
    international: frozenset[str]
    before_name: frozenset[str]

    @cached_property
    def pair_firsts(self) -> frozenset[str]:
        """The first words of "area" and "branch" ("khu", "chi"): a place is looked for after them only."""
        return frozenset(phrase.split()[0] for phrase in self.area | self.branch)

    @cached_property
    def ends_capitalised_firsts(self) -> frozenset[str]:
        """The first words of "ends_capitalised" ("trực" of "trực thuộc"): most words start none."""
        return frozenset(phrase.split(" ")[0] for phrase in self.ends_capitalised)

    @cached_property
    def international_firsts(self) -> frozenset[str]:
        """The first words of "international" ("quốc" of "quốc tế"): most words start none."""
        return frozenset(phrase.split(" ")[0] for phrase in self.international)

    @cached_property
    def country_firsts(self) -> frozenset[str]:
        """The first words of the countries' names ("tây" of "tây ban nha"): most words start none."""
        return frozenset(phrase.split(" ")[0] for phrase in self.country)


@lru_cache(maxsize=1)
def scanner_words() -> ScannerWords:
    """The scanner's words, one set per role; a role the file names and the code does not is an error."""
    by_role: dict[str, set[str]] = {f.name.rstrip("_"): set() for f in fields(ScannerWords)}
    for row in data.rows("org_scanner_words.tsv"):
        if row["role"] not in by_role:
            raise ValueError(f"org_scanner_words.tsv: unknown role {row['role']!r} of {row['words']!r}")
        by_role[row["role"]].add(row["words"])
    return ScannerWords(*(frozenset(by_role[f.name.rstrip("_")]) for f in fields(ScannerWords)))


# ---------------------------------------------------------------------------------------------
# Tokens


@text_cache()
def low(text: str) -> str:
    """Lower case with the marks kept and tones placed the modern way ("Uỷ" -> "ủy")."""
    lowered = text.lower()
    if not _OLD_TONE_RE.search(lowered):
        return lowered
    if unicodedata.is_normalized("NFC", lowered):
        # what modern_tones() gives a composed text, without decomposing and recomposing it all
        return _MOVED_TONE_RE.sub(_move_tone, lowered)
    modern = modern_tones(lowered)
    return modern if len(modern) == len(lowered) else lowered


# A final "oa", "oe" or "uy" with the tone on its second vowel ("hoà", "uỷ"): the old placement. The
# toned vowel first, the "o" or "u" looked behind: the engine skips from one toned vowel to the next,
# fewer than the o's and u's it stopped at (the search over every paragraph cost as much as lower()).
_OLD_TONE_RE = re.compile("[àáảãạèéẻẽẹỳýỷỹỵ](?<=o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\\W\\d_])")
# Every pair modern_tones() moves a tone in, in a composed lower-case text: "o" or "u", then an "a",
# "e" or "y" with a tone and no other mark, ending a word, not after "q" ("hoà" -> "hòa", "thuỷ" -> "thủy",
# not "quý"); the pair with the tone moved to its first vowel.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_MOVED_TONES = {
    unicodedata.normalize("NFC", first + vowel + tone): unicodedata.normalize("NFC", first + tone + vowel)
    for first in "ou"
    for vowel in "aey"
    for tone in _TONE_MARKS
}
_MOVED_TONE_RE = re.compile("(?<![qQ])(?:" + "|".join(sorted(_MOVED_TONES)) + ")(?![^\\W\\d_]|[\u0300-\u036f])")


def _move_tone(m: re.Match) -> str:
    return _MOVED_TONES[m.group()]


class Token(NamedTuple):
    """A word or punctuation mark; an abbreviation stands for its expansion's words."""

    start: int
    end: int
    word: str
    low: str  # lower case, marks kept: "Sở" and "Số" differ
    cap: bool
    is_word: bool
    abbreviation: bool = False


def lows(tokens: Sequence[Token]) -> list[str]:
    """The lower-case words of `tokens`, as the phrase tries are looked up with."""
    return list(map(_LOW, tokens))


_LOW = itemgetter(3)  # Token.low, read faster than by its name


def phrase_words(text: str) -> tuple[str, ...]:
    """A phrase's lower-case words, without commas and dashes."""
    return tuple(low(w) for w in WORD_RE.findall(text) if w not in JOINERS)


# The trie key of a comma or a dash inside a phrase ("Văn hóa, Thể thao", "Thi đua - Khen thưởng").
JOIN = ","


def phrase_paths(text: str) -> list[tuple[str, ...]]:
    """A phrase's paths in a trie: its lower-case words with its commas and dashes as JOIN (any of
    them may stand there in a text), and, when it has some, its words alone."""
    words: list[str] = []
    for w in WORD_RE.findall(text):
        if w not in JOINERS:
            words.append(low(w))
        elif words and words[-1] != JOIN:
            words.append(JOIN)
    joined = tuple(words)
    plain = tuple(w for w in words if w != JOIN)
    return [joined, plain] if joined != plain else [joined]


class Hit(NamedTuple):
    """A phrase read at a token: the index of the token after it, and the phrase's value."""

    end: int
    value: Any


def match(words: Sequence[str], i: int, trie: dict, joiners: bool = True) -> Hit | None:
    """The longest phrase of `trie` starting at words[i] (lower-case words), or None; with `joiners`,
    a comma or a dash in the text stands where the phrase has one ("Văn hóa - Thể thao và Du lịch")."""
    if i >= len(words) or words[i] not in trie:
        return None  # most words start no phrase
    hit = longest_phrase(words, i, trie, JOINERS, JOIN) if joiners else longest_phrase(words, i, trie)
    return None if hit is None else _make_hit(Hit, hit)


_make_hit = tuple.__new__  # a Hit of the pair longest_phrase gives, without the named tuple's Python-level constructor


@dataclass(frozen=True)
class Indexes:
    """The tries of lower-case words that names are read with."""

    abbreviations: dict  # written -> (written, expansion)
    known: dict  # -> KnownName
    types: dict  # -> OrgType
    places: dict  # -> Province
    levels: dict  # "thành phố" -> "thành phố"
    enterprise_cores: dict  # "Xăng dầu" -> "Tập đoàn Xăng dầu Việt Nam"


@lru_cache(maxsize=1)
def indexes() -> Indexes:
    return Indexes(
        abbreviations=word_trie(
            (tuple(low(w) for w in WORD_RE.findall(written)), (written, expansion))
            for written, expansion in abbreviation_rows()
        ),
        known=word_trie((path, k) for k in known_names() for path in phrase_paths(k.name)),
        types=word_trie((phrase_words(t.name), t) for t in org_types()),
        places=word_trie((path, p) for p in provinces() for w in (p.name, *p.aliases) for path in phrase_paths(w)),
        levels=word_trie((tuple(w.split()), w) for w in level_ranks()),
        enterprise_cores=word_trie(
            (path, name) for name, _ in enterprises() for core in _enterprise_cores(name) for path in phrase_paths(core)
        ),
    )


def _enterprise_cores(name: str) -> list[str]:
    """The words after an enterprise's type, with and without "Việt Nam": "Xăng dầu Việt Nam", "Xăng dầu"."""
    core = re.sub(r"^(?:Tập đoàn|Tổng công ty)\s+(?:Cổ phần\s+)?", "", name)
    return [core, core[: -len(" Việt Nam")]] if core.endswith(" Việt Nam") else [core]


@lru_cache(maxsize=1)
def starts() -> frozenset[str]:
    """The words a body's name can start with: the first words of known names and of types."""
    known = {words[0] for k in known_names() if k.kind in BODY_KINDS and (words := phrase_words(k.name))}
    return frozenset(known | set(indexes().types))


@lru_cache(maxsize=1)
def start_re() -> re.Pattern:
    """Finds where a body may be named: the words of a known name or a type, or an abbreviation
    (not inside a document's code: "NĐ-CP"), in lower case with the marks."""
    phrases = {" ".join(phrase_words(k.name)) for k in known_names() if k.kind in BODY_KINDS}
    phrases |= {" ".join(phrase_words(t.name)) for t in org_types()}
    phrases |= {low(written) for written, _ in abbreviation_rows()}
    return re.compile(r"(?<![\w/-])(?:" + trie_pattern(phrases, space=r"\s+") + r")(?!\w)")


@lru_cache(maxsize=1)
def _level_compounds() -> tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]], tuple[str, ...]]:
    """From the level compounds ("hợp tác xã", "xã hội"): the (level, word before) and (level, word
    after) pairs that make a level word no level, and the compounds that end with a level word."""
    before, after, ending = set(), set(), []
    for phrase in scanner_words().level_compound:
        words = phrase.split()
        for k, word in enumerate(words):
            if word in level_ranks():
                if k:
                    before.add((word, words[k - 1]))
                if k + 1 < len(words):
                    after.add((word, words[k + 1]))
        if words[-1] in level_ranks():
            ending.append(phrase)
    return frozenset(before), frozenset(after), tuple(sorted(ending))


def level_end(words: Sequence[str], i: int) -> int | None:
    """The end of a level word ("tỉnh", "thành phố") at words[i] (lower-case words), or None where
    it makes a body or a word with the words around it ("Tỉnh ủy", "Hợp tác xã", "xã hội")."""
    levels = indexes().levels
    if i >= len(words) or words[i] not in levels:
        return None  # most words are no level
    hit = longest_phrase(words, i, levels)
    if hit is None:
        return None
    after = words[hit[0]] if hit[0] < len(words) else ""
    if after in scanner_words().level_body:
        return None  # "Tỉnh ủy", "Thành đoàn"
    before_pairs, after_pairs, _ = _level_compounds()
    if (i and (words[i], words[i - 1]) in before_pairs) or (words[i], after) in after_pairs:
        return None  # "Hợp tác xã", "Thông tấn xã", "xã hội"
    return hit[0]


def ends_with_level_compound(lower: str) -> bool:
    """A lower-case name ends with a word holding a level word ("Liên minh hợp tác xã")."""
    return lower.endswith(_level_compounds()[2])


def tokenize(text: str) -> tuple[Token, ...]:
    """Words and punctuation of `text`, abbreviations replaced by the words they stand for."""
    # Names are tokenized again and again (canonical names, kinds, places); a paragraph, or the
    # scanner's window of one, once: over the dev and 400 public texts, no text of 125 characters
    # or more was tokenized twice in a document, and keeping those windows cost more than it saved.
    return _tokenize_name(text) if len(text) <= 100 else _tokenize(text)


@text_cache(maxsize=1024)
def _tokenize_name(text: str) -> tuple[Token, ...]:
    return _tokenize(text)


def _tokenize(text: str) -> tuple[Token, ...]:
    index = indexes().abbreviations
    plain, candidates, abbreviated = _plain_tokens(text, low(text), index)
    joined = "&" in text and any(_joined_parts(t) for t in plain)
    if not (abbreviated or joined):
        return tuple(plain)
    out: list[Token] = []
    plain_lows = lows(plain)
    # The tokens that may be written out: a capitalised one that starts an abbreviation, or one
    # with "&"; the tokens between them are kept as they are, a stretch at a time.
    if joined:
        candidates = sorted({*candidates, *(k for k, t in enumerate(plain) if "&" in t.word)})
    i = 0  # the tokens before i are in `out`
    for k in candidates:
        if k < i:
            continue  # inside an abbreviation written out already
        out.extend(plain[i:k])
        i = k
        hit = match(plain_lows, k, index, joiners=False) if plain[k].cap and plain[k].low in index else None
        if hit and _written_as_abbreviation(text, plain[k : hit.end], hit.value[0]):
            start, stop = plain[k].start, plain[hit.end - 1].end
            for w in WORD_RE.findall(hit.value[1]):
                out.append(Token(start, stop, w, low(w), w[:1].isupper(), w[:1].isalnum(), True))
            i = hit.end
            continue
        parts = _joined_parts(plain[k]) if joined else None
        if parts:  # "THCS&THPT": "Trung học cơ sở và Trung học phổ thông"
            start, stop = plain[k].start, plain[k].end
            for w in WORD_RE.findall(" và ".join(parts)):
                out.append(Token(start, stop, w, low(w), w[:1].isupper(), w[:1].isalnum(), True))
            i = k + 1
    out.extend(plain[i:])
    return tuple(out)


def _joined_parts(token: Token) -> list[str] | None:
    """The expansions of an abbreviation made of two written with "&" ("THCS&THPT"), or None."""
    if "&" not in token.word or not token.word.isupper() or token.low in indexes().abbreviations:
        return None
    index = indexes().abbreviations
    parts = []
    for part in token.low.split("&"):
        node = index.get(part)
        if not node or None not in node:
            return None
        parts.append(node[None][1])
    return parts


# Punctuation that is a token by itself wherever it stands (not "&", "'" or "’", which join a word's
# letters, nor ".", which joins them only inside a word: "V.I"; at a word's end it stands alone).
_ALONE = ',.;:()[]{}"“”‘!?-–—/|…*+=<>%#@$^~`§°•·'


def _plain_tokens(text: str, low: str, abbreviations: dict) -> tuple[list[Token], list[int], bool]:
    """The tokens of WORD_RE, each with its lower-case form from `low` (`text` lower-cased); the
    indexes of the capitalised ones that may start an abbreviation (their lower case a key of
    `abbreviations`), and whether one of them is a word as written (not "C****ÔNG", see below)."""
    make = tuple.__new__  # a Token without the named tuple's Python-level constructor
    tokens: list[Token] = []
    append = tokens.append
    starts: list[int] = []
    pieces, low_pieces = text.split(" "), low.split(" ")
    if len(low) != len(text):  # lower case lengthened a character, moving the spaces (never in Vietnamese)
        for m in WORD_RE.finditer(text):
            start, end = m.span()
            first = text[start]
            append(make(Token, (start, end, m.group(), low[start:end], first.isupper(), first.isalnum(), False)))
        starts = [k for k, t in enumerate(tokens) if t.cap and t.low in abbreviations]
        return tokens, starts, bool(starts)
    abbreviated = False
    # Tokens never hold a space: the text is read between its spaces. A piece made of letters and
    # digits (most words) is one token, and so is each punctuation mark around one ("đua," "(Sở");
    # the regex reads the other pieces ("354/QĐ-UBND", "V.I", "H'Mông").
    pos = 0
    for piece, low_piece in zip(pieces, low_pieces):
        size = len(piece)
        if piece.isalnum():
            cap = piece[0].isupper()
            if cap and low_piece in abbreviations:
                starts.append(len(tokens))
                abbreviated = True
            append(make(Token, (pos, pos + size, piece, low_piece, cap, True, False)))
        elif piece[-1:] in _ALONE and piece[:-1].isalnum():
            # a word and one mark after it ("đua," "Nội)"), most other pieces: what the general
            # branch below reads them as, without stripping them
            end, word, lower = pos + size - 1, piece[:-1], low_piece[:-1]
            cap = word[0].isupper()
            if cap and lower in abbreviations:
                starts.append(len(tokens))
                abbreviated = True
            append(make(Token, (pos, end, word, lower, cap, True, False)))
            append(make(Token, (end, end + 1, piece[-1], low_piece[-1], False, False, False)))
        elif (core := piece.strip(_ALONE)).isalnum() or (size and not core):
            lead = size - len(piece.lstrip(_ALONE)) if core else size
            for k in range(lead):
                append(make(Token, (pos + k, pos + k + 1, piece[k], low_piece[k], False, False, False)))
            if core:
                tail = lead + len(core)
                cap = core[0].isupper()
                if cap and low_piece[lead:tail] in abbreviations:
                    starts.append(len(tokens))
                    abbreviated = True
                append(make(Token, (pos + lead, pos + tail, core, low_piece[lead:tail], cap, True, False)))
                for k in range(tail, size):
                    append(make(Token, (pos + k, pos + k + 1, piece[k], low_piece[k], False, False, False)))
        elif "*" in core and (word := core.replace("*", "")).isalnum():
            # "C****ÔNG" in "**BỘ C****ÔNG THƯƠNG**": Markdown emphasis inside a word leaves it one word
            lead = size - len(piece.lstrip(_ALONE))
            tail = lead + len(core)
            cap = word[0].isupper()
            if cap and low_piece[lead:tail].replace("*", "") in abbreviations:
                starts.append(len(tokens))  # written out only where another word is (`abbreviated` stays)
            append(make(Token, (pos + lead, pos + tail, word, low_piece[lead:tail].replace("*", ""), cap, True, False)))
        elif size:
            for start, end in _glued_sentences(piece):
                first = piece[start]
                cap = first.isupper()
                if cap and low_piece[start:end] in abbreviations:
                    starts.append(len(tokens))
                    abbreviated = True
                append(
                    make(
                        Token,
                        (
                            pos + start,
                            pos + end,
                            piece[start:end],
                            low_piece[start:end],
                            cap,
                            first.isalnum(),
                            False,
                        ),
                    )
                )
        pos += size + 1
    return tokens, starts, abbreviated


def _glued_sentences(piece: str) -> list[tuple[int, int]]:
    """The spans of WORD_RE's tokens in `piece`, a word holding a full stop split where a sentence
    ends and the next begins without a space ("quân.Thứ" in "Nhà xuất bản Vệ quốc quân.Thứ ba"): a
    lower-case word of three letters or more, then a capitalised one; not "T.Ư", "TP.HCM", "Tp.Huế"."""
    spans: list[tuple[int, int]] = []
    for m in WORD_RE.finditer(piece):
        start, end = m.span()
        if "." in m.group():
            first = start
            for part in _DOT_RE.finditer(m.group()):
                left, right = piece[first : start + part.start()], m.group()[part.end() :].split(".")[0]
                if len(left) >= 3 and left.isalpha() and left.islower() and right[:1].isupper() and right[1:].islower():
                    spans.extend(((first, start + part.start()), (start + part.start(), start + part.end())))
                    first = start + part.end()
            start = first
        spans.append((start, end))
    return spans


def _written_as_abbreviation(text: str, tokens: Sequence[Token], written: str) -> bool:
    """In capitals as listed ("Tp" aside), and not part of a document's code ("NĐ-CP", "QĐ-UBND")."""
    for token, part in zip(tokens, WORD_RE.findall(written)):
        if part.isupper() and len(part) > 1 and not token.word.isupper():
            if not (fold(token.word) == "tp" and token.cap):
                return False
    start, end = tokens[0].start, tokens[-1].end
    before = text[start - 1] if start else " "
    after = text[end : end + 2]
    if written in _SYLLABLE_ABBREVIATIONS:
        prev_words, next_words = text[max(0, start - 12) : start].split()[-1:], text[end : end + 12].split()[:1]
        shouted_prev = bool(prev_words) and prev_words[0].isupper() and len(prev_words[0]) > 1
        shouted_next = bool(next_words) and next_words[0].isupper() and len(next_words[0]) > 1
        title_next = bool(next_words) and next_words[0][:1].isupper() and not next_words[0].isupper()
        if shouted_next or (shouted_prev and not title_next):
            return False  # "BỘ TƯ PHÁP", "BỘ KẾ HOẠCH VÀ ĐẦU TƯ": the syllable in capitals, not "Trung ương" ("BCH TƯ Đảng")
    return before not in "/-–" and not (after[:1] in "/-–" and after[1:2].isalnum())


# Abbreviations that are also a syllable ("TƯ" for Trung ương, "tư" in "Tư pháp"): read as such only
# when the next word is not in capitals too, nor the word before unless a title-case word follows.
_SYLLABLE_ABBREVIATIONS = frozenset(("TƯ",))
