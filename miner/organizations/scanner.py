"""The bodies named in one paragraph, read by a scanner over its words with the grammar

    body  := PART body | KNOWN place? | TYPE name place? parent?
    place := level Name | level (the document's own) | Province | "Việt Nam" | "Trung ương"

where KNOWN is a name of data/org_names.tsv ("Bộ Tài chính", "Ủy ban nhân dân"), TYPE a type of
data/org_types.tsv ("Sở", "Hội", "Phòng") and parent a body written right after a unit ("Phòng
Thi đua, khen thưởng, Sở Nội vụ"). Lists ("các Bộ: Tài chính, Y tế", "UBND các tỉnh: Tuyên Quang,
Cao Bằng") give one body per item. Every method taking a token index `i` reads at that token;
those named `..._end` return the index of the token after what they read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from .. import data
from ..locations import PLACE_LEVELS, district_named, level_ranks, surnames
from ..normalize import fold
from ..persons import common_words
from .initialisms import is_syllable, unknown_initials
from .names import central_places, province_level
from .words import (
    BODY_KINDS,
    Hit,
    OrgType,
    Token,
    abbreviation_rows,
    enterprises,
    indexes,
    level_end,
    lows,
    match,
    name_phrases,
    not_names,
    scanner_words,
    starts,
    stopwords,
    titles,
    tokenize,
)

# Bodies read inside one another at most: a unit, its parents, a part's body ("Thường trực Ban ...").
_MAX_NESTED = 12
_LIST_ENDS = (";", ".", ":")
# Punctuation after which a name has ended; and the most tokens read after a comma inside a name.
_NAME_CLOSERS = (";", ".", ":", ")", "(", "|", "”", '"')
_MAX_COMMA_PART = 24
_CUT_WORDS = ("và", "-", "–")  # a paragraph ending with one of these cuts the name before it
_NUMERAL_RE = re.compile(r"^(?:[IVX]+|\d{1,3})$")
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
_DECIMAL_TAIL_RE = re.compile(r"[,.]\d")  # right after a number: its decimals ("55,03 tỷ")
_DATE_TAIL_RE = re.compile(r"([/.-])\d{1,2}\1(?:1[89]|20)\d\d\b")  # right after a day: its month and year ("22/2/2017")


class Mention(NamedTuple):
    """A body as written: its tokens, the text to canonicalise and the province it names.

    A named tuple, not a frozen dataclass: tens of thousands are made a pass over new text, and a
    frozen dataclass's __init__ (one object.__setattr__ a field) costs three times as much; a
    changed copy is `mention._replace(text=...)`."""

    first: int
    last: int  # exclusive
    text: str
    province: str | None = None
    placed: bool = False  # the text says where the body is
    unit: bool = False  # a unit whose parent body the text has not named yet
    written: bool = False  # named as written, a brand's unit ("VNPT Hà Nội"): no abbreviation spelt out


class Place(NamedTuple):
    """A place written after a body: the token after it, its province if it names one, and whether
    it says which place ("huyện Cư Jút") or leaves it to the document ("UBND tỉnh")."""

    end: int
    province: str | None
    named: bool


@lru_cache(maxsize=1)
def _doc_type_names() -> frozenset[str]:
    """The names of document types in lower case ("quyết định", "nghị quyết"), from data/doc_types.tsv."""
    return frozenset(row["name"].lower() for row in data.rows("doc_types.tsv"))


@lru_cache(maxsize=1)
def _addresses() -> frozenset[str]:
    """Forms of address written before a person's name ("ông", "đồng chí"), from data/person_context.tsv."""
    return frozenset(row["words"] for row in data.rows("person_context.tsv") if row["effect"] == "title")


@lru_cache(maxsize=1)
def _brands() -> frozenset[str]:
    """The short names of enterprises that are brands written in capitals ("VNPT", "EVN")."""
    return frozenset(short for _, shorts in enterprises() for short in shorts if short.isupper())


@lru_cache(maxsize=1)
def _posts() -> frozenset[str]:
    """The words of posts (data/org_not_names.tsv "post", and the offices of data/person_context.tsv)."""
    offices = (row["words"] for row in data.rows("person_context.tsv") if row["effect"] in ("office", "title"))
    return frozenset(not_names("post")) | frozenset(w for w in offices if w.replace(" ", "").isalpha())


# Types no body is named after a person with ("Trường Lê Quý Đôn", "Viện Trần Nhân Tông" are): a
# person's name after them is the person's ("vụ Trịnh Xuân Thanh", "Trưởng Ban Phan Đình Trạc").
_NAMED_AFTER_NO_ONE = frozenset(("vụ", "ban", "trang"))
_NAME_REACH = 40  # tokens: no name of a body is longer
_UNREAD: Any = object()  # a token's lookup not made yet (None is a lookup that found nothing)
_LONG_LIST = 12  # tokens after a comma that a list of fields in a name may take, closed by "và"


# Letters that start no Vietnamese syllable: initials holding one stand for words in another language.
_FOREIGN_LETTERS_RE = re.compile("[FJWZ]")


@lru_cache(maxsize=1)
def _central_firsts() -> frozenset[str]:
    """The first words of the central places of two words, folded ("viet" of "viet nam")."""
    return frozenset(pair.split(" ")[0] for pair in central_places()[1])


@lru_cache(maxsize=8192)  # a word as written: asked of most words a place may follow
def _starts_central_pair(word: str) -> bool:
    """A word may start a central place of two words: fold() maps one character at a time, so a
    pair's fold starts with its first word's."""
    folded = fold(word)
    return folded in _central_firsts() or " " in folded


@lru_cache(maxsize=8192)  # a word as written and in lower case: asked of most words after a name
def _may_start_place(word: str, low: str) -> bool:
    """A place may start with the word: a level ("tỉnh"), a province's first word, the first word
    of a pair that does ("khu vực"), or of a central place ("TW", "Việt Nam"); each way
    Scanner.place_after() reads a place starts so."""
    words, idx = scanner_words(), indexes()
    return (
        _starts_central_pair(word)
        or low in words.pair_firsts
        or low in idx.levels
        or low in idx.places
        or word in central_places()[0]
    )


@lru_cache(maxsize=1)
def _dotted_expansions() -> bool:
    """Whether an abbreviation's expansion holds a full stop (none does: a token's full stop is then the text's)."""
    return any("." in expansion for _, expansion in abbreviation_rows())


@lru_cache(maxsize=1)
def _title_tails() -> tuple[str, ...]:
    """The last words of the posts named after a body ("phủ" of "thủ tướng chính phủ"): a name that
    ends such a post ends with one of them (a post's last word holds no space)."""
    return tuple(title.rsplit(" ", 1)[-1] for title in titles())


@lru_cache(maxsize=1)
def _listing_expansions() -> bool:
    """Whether an abbreviation's expansion holds a colon or "các" (none does: a list's words are then the text's)."""
    return any(":" in expansion or "các" in expansion.lower().split() for _, expansion in abbreviation_rows())


@lru_cache(maxsize=1)
def _another_heads() -> frozenset[str]:
    """The names that words making another body follow ("chính phủ" of "chính phủ lâm thời", role
    "another" of data/org_not_names.tsv)."""
    return frozenset(" ".join(words.split()[:2]) for words in not_names("another"))


@lru_cache(maxsize=1)
def _another_firsts() -> frozenset[str]:
    """The first words of _another_heads() ("chính" of "chính phủ")."""
    return frozenset(head.split(" ")[0] for head in _another_heads())


@lru_cache(maxsize=1)
def _topic_firsts() -> frozenset[str]:
    """The first words of the types a topic follows ("ban" of "ban chỉ đạo", role "topic_type")."""
    return frozenset(words.split(" ")[0] for words in scanner_words().topic_type)


@lru_cache(maxsize=1)
def _generic_pair_firsts() -> frozenset[str]:
    """The first words of the pairs is_generic() looks for after a name ("cùng" of "cùng cấp", "của"
    of "của các"): the pair is read only after one of them."""
    w = scanner_words()
    return frozenset(pair.split(" ")[0] for pair in w.every | w.of_each if " " in pair)


class Scanner:
    """Reads the bodies named in one paragraph's tokens."""

    def __init__(self, text: str, shouted: bool = False):
        self.text = text
        self.tokens = tokenize(text)
        self.words = lows(self.tokens)  # lower case: the phrase tries are looked up with these
        self._n = len(self.tokens)
        self.shouted = shouted
        self.idx = indexes()
        self.stop = stopwords()
        self.w = scanner_words()
        self._known: dict[int, Hit | None] = {}  # known_at() and type_at() of each token, once
        self._typed: dict[int, Hit | None] = {}
        self._places: dict[int, Place | None] = {}  # place_after() of each token, once
        self._depth = 0  # bodies being read inside one another (a unit, its parent, the parent's ...)

    # -- single tokens -------------------------------------------------------------------------

    def token(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < self._n else None

    def cap_word(self, i: int) -> bool:
        if not 0 <= i < self._n:
            return False
        tok = self.tokens[i]
        return tok.is_word and tok.cap and not tok.word.isdigit()

    def lower_word(self, i: int) -> bool:
        if not 0 <= i < self._n:
            return False
        tok = self.tokens[i]
        return tok.is_word and not tok.cap and tok.word[0].isalpha()

    def known_at(self, i: int) -> Hit | None:
        """The known name (a KnownName) starting at token i."""
        hit = self._known.get(i, _UNREAD)
        if hit is _UNREAD:
            trie = self.idx.known  # most words start no name: match() is not called for them
            hit = self._known[i] = match(self.words, i, trie) if i < self._n and self.words[i] in trie else None
        return hit

    def type_at(self, i: int) -> Hit | None:
        """The type of body (an OrgType) starting at token i."""
        hit = self._typed.get(i, _UNREAD)
        if hit is _UNREAD:
            trie = self.idx.types
            hit = self._typed[i] = (
                match(self.words, i, trie, joiners=False) if i < self._n and self.words[i] in trie else None
            )
        return hit

    def level_end(self, i: int) -> int | None:
        if i >= self._n or self.words[i] not in self.idx.levels:
            return None  # most words are no level (tested here first, cheaply)
        return level_end(self.words, i)

    def pair(self, i: int) -> str:
        """Tokens i and i + 1 in lower case, as "khu vực"; "" past the end."""
        return f"{self.words[i]} {self.words[i + 1]}" if 0 <= i and i + 1 < self._n else ""

    def starts_body(self, i: int) -> bool:
        if not self.cap_word(i):
            return False
        known = self.known_at(i)
        if known and known.value.kind in BODY_KINDS:
            return True
        typed = self.type_at(i)
        if typed and typed.end < len(self.tokens) and self.makes_no_name(typed.end):
            return False  # "Khoa học", "Trường hợp", "Cục trưởng": a word or a post, no body
        if typed and typed.value.unit == "place":
            return self.place_after(typed.end) is not None
        return bool(typed)

    def is_stop(self, i: int) -> bool:
        """A function word or a verb ("của", "chủ trì") at token i: a name ends before it."""
        tok = self.token(i)
        if tok is None:
            return True
        nxt = self.token(i + 1)
        if tok.low in self.stop:
            if nxt and (f"{tok.low} {nxt.low}" in name_phrases() or (tok.low in self.w.number and nxt.word.isdigit())):
                return False  # "Cảnh sát giao thông", "Đội Quản lý thị trường số 3"
            return not (i and f"{self.words[i - 1]} {tok.low}" in name_phrases())  # "Xổ số kiến thiết", "liên cấp"
        return bool(nxt and f"{tok.low} {nxt.low}" in self.stop)

    def text_of(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    def name_may_end(self, i: int) -> bool:
        """Whether a name may end before token i: punctuation, a function word, a place, a body."""
        tok = self.token(i)
        if tok is None or not tok.is_word or self.is_stop(i) or tok.low in self.w.and_:
            return True
        return self.place_after(i) is not None or self.starts_body(i)

    def starts_post(self, i: int) -> bool:
        """A post starts at token i ("Ủy viên", "Thư ký", "Trưởng ban", "Chủ tịch"): no part of a name."""
        if i >= len(self.tokens) or not self.tokens[i].is_word:
            return False
        typed = self.type_at(i)
        if typed and typed.end < len(self.words) and self.words[typed.end] in not_names("post"):
            return True  # "Viện trưởng", "Cục trưởng"
        posts = _posts()
        return any(" ".join(self.words[i : i + size]) in posts for size in (1, 2, 3) if i + size <= len(self.words))

    def ends_post(self, i: int) -> bool:
        """A post ends right before token i ("Phó Trưởng ban", "Phó Chủ tịch")."""
        posts = _posts()
        return any(" ".join(self.words[k:i]) in posts for k in range(max(0, i - 3), i))

    def makes_no_name(self, i: int) -> bool:
        """Token i makes its type an ordinary word or a post ("Trường hợp", "Cục trưởng")."""
        pair = f"{self.words[i - 1]} {self.words[i]}"
        if self.words[i] in not_names("post"):
            return True
        longer = self.type_at(i - 2) if i >= 2 else None
        if longer and longer.end == i:  # a type of two words: "Cơ sở dữ liệu", but "Công đoàn Viên chức"
            return f"{self.words[i - 2]} {pair}" in not_names("compound")
        return pair in not_names("compound")

    def _bare_at(self, j: int) -> bool:
        """A type stands bare before token j: the clause or a list item ends, or a verb follows."""
        tok = self.token(j)
        return (
            tok is None
            or tok.word in (",", ";", ".", ")")
            or tok.low in self.w.and_
            or (self.lower_word(j) and self.is_stop(j))
        )

    def _code_in_brackets(self, j: int) -> bool:
        """Tokens j.. are a short code in brackets: "(NC)", "(TH)"."""
        window = self.tokens[j : j + 3]
        return len(window) == 3 and window[0].word == "(" and window[2].word == ")" and window[1].word.isupper()

    def inside_word(self, i: int) -> bool:
        """Token i continues an abbreviation ("ĐBQH") or a person's name ("Lê Trường Sơn")."""
        tok, before = self.tokens[i], self.token(i - 1)
        if before is None:
            return False
        if tok.abbreviation and before.abbreviation and before.start == tok.start:
            k = i - 1
            while k >= 0 and self.tokens[k].abbreviation and self.tokens[k].start == tok.start:
                if self.words[k] not in self.w.head:
                    return True  # "Quốc hội" in "ĐBQH", but "Văn phòng" in "PCVP"
                k -= 1
            return False
        if not before.is_word or before.abbreviation:
            return False
        pair = f"{before.low} {tok.low}"
        if pair in not_names("compound"):
            return True  # "Hội trường UBND", "XÃ HỘI CHỦ NGHĨA"
        if before.word.isupper() and tok.word.isupper() and len(before.word) > 1:
            spanning = self.known_at(i - 1)
            if spanning is not None and spanning.end > i:
                return True  # "CỦA QUÂN ĐỘI NHÂN DÂN VIỆT NAM": in capitals, a known name goes on across the type
        same_case = before.cap == tok.cap  # "DỊCH VỤ", "cán bộ"; not "Đề nghị Viện kiểm sát"
        if (
            same_case
            and pair in common_words()
            and before.low not in _posts()
            and before.low not in self.stop
            and not self.known_at(i - 1)
        ):
            return True  # "DỊCH VỤ KARAOKE", "cán bộ Công an xã", "Nghị viện châu Âu": the type's word ends a word
        if before.cap and not self.known_at(i):
            if before.low in surnames():
                return True  # "Lê Trường Sơn", "Nguyễn Đoàn Anh"
            return self.ends_district(i)
        return False

    def _word_goes_on(self, i: int) -> bool:
        """Token i, a type's word, ends a word begun by the one before it, in the same case ("Đại học
        Bách Khoa", "TỔNG CỤC MÔI TRƯỜNG", "Viện Y học cổ truyền Quân đội", "Ủy ban Kháng chiến
        Hành chánh Nam Bộ"): the name goes on, no body starts there."""
        tok, before = self.tokens[i], self.token(i - 1)
        if before is None or not before.is_word or before.abbreviation or before.cap != tok.cap:
            return False
        pair = f"{before.low} {tok.low}"
        return pair in self.w.region_name or (
            pair in common_words() and before.low not in _posts() and before.low not in self.stop
        )

    def ends_district(self, i: int) -> bool:
        """Token i, a type's word, ends a district's name begun by the capitalised word before it
        ("Giáo phận Nha Trang", "Trường Đại học Nha Trang", "huyện Xuân Trường"): no body starts there."""
        before = self.token(i - 1)
        return bool(
            before
            and before.is_word
            and before.cap
            and not before.abbreviation
            and district_named(f"{before.word} {self.tokens[i].word}") is not None
        )

    # -- places ----------------------------------------------------------------------------------

    def place_after(self, i: int) -> Place | None:
        """The place written at token i, after a body ("tỉnh Đắk Nông", "khu vực XII", "Việt Nam")."""
        place = self._places.get(i, _UNREAD)
        if place is _UNREAD:  # a fifth of the questions are asked again (a name's end, then its place)
            place = self._places[i] = self._place_after(i)
        return place

    def _place_after(self, i: int) -> Place | None:
        tok = self.token(i)
        if tok is None or not tok.is_word:
            return None
        if not _may_start_place(tok.word, self.words[i]):
            return None  # most words start no place (each way of reading one below starts so)
        central_pair = _starts_central_pair(tok.word)
        body = self.known_at(i)
        if body and body.value.kind in BODY_KINDS:
            return None  # "Tỉnh ủy", "Thành đoàn": a body, not a place
        pair = self.pair(i) if self.words[i] in self.w.pair_firsts else ""
        if pair in self.w.area:
            j = i + 2  # "Chi cục Thuế khu vực Gia Nghĩa", "Kho bạc Nhà nước khu vực XII"
            while self.cap_word(j) or (self.token(j) and self.tokens[j].word.isdigit()):
                j += 1
            if j > i + 2 and self.token(j) and self.tokens[j].word in ("-", "–") and self.level_end(j + 1) is not None:
                province = self.place_after(j + 1)  # "Tòa án nhân dân khu vực 17 - tỉnh Lâm Đồng": numbered within it
                if province and province.named and province.province:
                    return province
            return Place(j, None, True) if j > i + 2 else None
        if pair in self.w.branch:
            inner = self.place_after(i + 2)  # "Ngân hàng Nhà nước chi nhánh tỉnh Đắk Nông"
            return inner if inner and inner.named else None
        end = self.level_end(i)
        if end is not None:
            named = match(self.words, end, self.idx.places)
            district = self.district_at(end, after_level=True)
            if district and not named:
                return district  # "huyện Xuân Trường": a district's name, though "Trường" may start a school
            j = end
            while self.cap_word(j) and not self.starts_body(j):
                j += 1
                if self.token(j) and self.tokens[j].word in ("-", "–") and self.cap_word(j + 1):
                    j += 1
            if named and (named.end >= j or self.level_rank(i) == 1 or self.pair(i) == "thành phố"):
                return Place(named.end, named.value.name, True)  # "tỉnh Bắc Ninh Tiếng Anh"
            if j > end and self.level_rank(i) > 1 and j - end <= 4 and self.name_may_end(j):
                return Place(j, None, True)  # "huyện Cư Jút", "thành phố Phan Thiết"
            return Place(end, None, False)  # "UBND tỉnh": the document's own
        hit = match(self.words, i, self.idx.places)
        if hit and any(" ".join(self.words[i : hit.end + more]) in self.w.region for more in (1, 2)):
            return None  # "Trường Đại học Thái Bình Dương": the Pacific, no province
        if hit and not hit.value.needs_level and all(t.cap for t in self.tokens[i : hit.end] if t.is_word):
            return Place(hit.end, hit.value.name, True)  # "Hòa Bình", not "Hòa bình" (peace)
        one_word, two_words = central_places()
        nxt = self.token(i + 1)
        if nxt and central_pair and fold(f"{tok.word} {nxt.word}") in two_words:
            more = self.token(i + 3)
            if more and fold(f"{self.tokens[i + 2].word} {more.word}") in two_words and self.cap_word(i + 2):
                return Place(i + 4, None, True)  # "Cục Du lịch Quốc gia Việt Nam"
            return Place(i + 2, None, True)
        if tok.word in one_word:
            return Place(i + 1, None, True)
        return None

    def district_at(self, i: int, after_level: bool = False) -> Place | None:
        """A district named by its whole name at token i ("Hạ Long", "Mộc Châu"); without a level
        before it, only where a name may end."""
        j = i
        while j - i < 4 and self.cap_word(j) and not self.tokens[j].abbreviation:
            j += 1
        for k in range(j, i, -1):
            found = district_named(self.text_of(i, k))
            if found and (after_level or self.name_may_end(k)):
                return Place(k, found.province, True)
        return None

    # -- a body's own name -----------------------------------------------------------------------

    def own_name_end(self, i: int, lower_ok: bool, central: bool = False) -> int | None:
        """The end of a body's own name after its type, starting at token i ("Nội vụ", "Dịch vụ
        việc làm"), or None when no name follows; `central` for a ministry's unit ("Cục", "Vụ")."""
        if i < len(self.tokens) and self.makes_no_name(i):
            return None  # "Quỹ thi đua, khen thưởng" is a fund, though "Thi đua - Khen thưởng" names units
        field = self.known_at(i)
        if field and field.value.kind == "field":
            end = field.end
            if self.token(end + 1) and self.words[end] in self.w.number and self.tokens[end + 1].word.isdigit():
                end += 2  # "Đội Quản lý thị trường số 3"
            elif (
                lower_ok
                and self.token(end)
                and (self.words[end] in self.w.and_ or self.tokens[end].word in ("-", "–"))
                and self.cap_word(end + 1)
            ):
                if not (self.starts_body(end + 1) or self.place_after(end + 1)):
                    # "Phòng Thi đua - Khen thưởng và Truyền thông", "Công ty Xây dựng - Thương mại Sài Gòn 5"
                    return self.name_run_end(end, central)
            elif (
                lower_ok
                and self.token(end)
                and self.tokens[end].word == ","
                and self.cap_word(end + 1)
                and not (self.starts_body(end + 1) or self.place_after(end + 1))
                and self._fields_listed(end)
            ):
                # "Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội", when the list closes the
                # name: not "Phòng Nội vụ, Tư pháp và Lao động cùng UBND huyện" (three offices)
                run = self.name_run_end(end, central)
                return run if self._closes_name(run) else end
            return end
        if field and field.value.kind == "generic" and (lower_ok or self.cap_word(i)):
            return self.name_run_end(field.end)  # "Trường Đại học" + "Mở Hà Nội"
        if self.shouted or self.level_end(i) is not None:
            return None
        if self.token(i) and self.words[i] in self.w.sector and self.cap_word(i + 1):
            return self.name_run_end(i + 1)  # "Công đoàn ngành Giáo dục", "Đảng ủy khối Doanh nghiệp"
        if (
            self.token(i)
            and self.tokens[i].word in self.w.own_body
            and not self.cap_word(i + 1)
            and not self.known_at(i + 1)
        ):
            return i + 1  # "Văn phòng Sở hoàn chỉnh hồ sơ": the department that writes
        if not self.cap_word(i):
            return self.lower_name_end(i) if lower_ok else None
        if self.words[i] in self.stop and self.pair(i) not in name_phrases():
            return None  # "Ban Hành"; not "Cục Hàng không Việt Nam" (a phrase of a name); "KT. BỘ TRƯỞNG" ended above
        return self.name_run_end(i + 1, central)

    def name_run_end(self, j: int, central: bool = False) -> int:
        """The end of a name whose capitalised words run on from token j: capitalised words and
        numbers, a quoted name, short lower-case stretches and lists of fields between them; a
        ministry's unit (`central`) may name a local body's field ("Cục Tiền lương và Bảo hiểm xã hội")."""
        last_cap = j
        ended = False  # a word no name holds ends the lower-case words read
        # The last word read is a number: the name ends there but for capitalised words.
        numbered = j > 0 and (self.tokens[j - 1].word.isdigit() or bool(_NUMERAL_RE.match(self.tokens[j - 1].word)))
        tokens, words, w = self.tokens, self.words, self.w
        while j < len(tokens):
            tok = tokens[j]
            cap = tok.is_word and tok.cap and not tok.word.isdigit()  # cap_word(j): a body starts at one alone
            if self.place_after(j) or (
                cap and self.starts_body(j) and not (self.ends_district(j) or self._word_goes_on(j))
            ):
                break
            if words[j] in w.ends_capitalised_firsts and self.pair(j) in w.ends_capitalised:
                break  # "UỶ BAN PHỤNG TỰ Trực Thuộc Hội Đồng Giám Mục Việt Nam": a heading in title case
            # (_foreign_initials' first test, made here: most names hold no "Quốc tế" before the word)
            if j >= 2 and words[j - 2] in w.international_firsts and self._foreign_initials(j):
                last_cap = j
                break  # "Quỹ Tiền tệ Quốc tế IMF": the fund's English initials
            if tok.word.isdigit():  # a year, an amount or a date (tested of numbers alone)
                if _YEAR_RE.match(tok.word):
                    ended = True  # a year ends the name: "(Ban Biên tập Tủ sách Sacerdos 1963, tr. 280)"
                    j = self._words_end(last_cap, j)  # "Nhà xuất bản Văn học 1995", not "Khoa X giai đoạn 1977"
                    break
                if _DECIMAL_TAIL_RE.match(self.text, tok.end):
                    break  # "phạt Tập đoàn Tomorrow Holding 55,03 tỷ Nhân dân tệ": an amount, no unit's number
                if _DATE_TAIL_RE.match(self.text, tok.end):
                    ended = True  # "tại Trường ĐH Lâm nghiệp 22/2/2017": a date ends the name, no unit's number
                    j = self._words_end(last_cap, j)
                    break
            if cap or (tok.word[0].isdigit() and tok.word.isalnum() and self.tokens[j - 1].is_word):
                j += 1
                last_cap = j
                numbered = tok.word[0].isdigit() or bool(_NUMERAL_RE.match(tok.word))
            elif numbered:
                break  # "Tổng cục II đón ...", "Ban Điều hành 112, Người phát ngôn", "... ngân hàng I, II"
            elif tok.word in ("“", '"'):
                if tok.word == '"' and not self.text[tok.start - 1 : tok.start].isspace():
                    break  # "VIỆN Y HỌC CỔ TRUYỀN QUÂN ĐỘI".^"Giới thiệu ...": the quote closes, none opens
                close = next(
                    (k for k in range(j + 1, min(j + 16, len(self.tokens))) if self.tokens[k].word in ("”", '"')), None
                )
                if close is None:
                    break
                j = last_cap = close + 1  # a quoted name: Ban Chỉ đạo Cuộc vận động “Tiếp bước ...”
            elif tok.low in ("và", "&", ",", "-", "–"):
                if tok.word == "&" and not (self.cap_word(j + 1) and is_syllable(self.tokens[j + 1].word)):
                    break  # "Bộ Kế hoạch & Đầu tư" goes on, not "Nhà xuất bản Văn học & Omega Plus" (two)
                if central and tok.low == "và" and (local := self._bare_local_body(j + 1)) is not None:
                    j = last_cap = local.end
                    continue
                typed = self.type_at(j + 1)
                bare = typed is not None and self._bare_at(typed.end) and not self.known_at(j + 1)  # "... và Thư viện"
                if (self.starts_body(j + 1) and not bare) or self.starts_post(j + 1) or self.place_after(j + 1):
                    break  # "Trưởng phòng Nghiệp vụ Y, Ủy viên": a member's post follows the unit
                if tok.word in ("-", "–") and self._initials_close(j + 1):
                    break  # "Đài Á Châu Tự Do- RFA": the body's initials in another language, after its name
                if tok.word in ("-", "–") and self._gloss_at(j + 1):
                    break  # "Viện Quân sự Cuba - West Point", "ĐẠI HỌC ĐÀ NẴNG - SỐ 5(40)": a gloss or an issue
                if tok.word in ("-", "–") and self._person_at(j + 1):
                    break  # "Nhà xuất bản Khoa học xã hội - Ngô Sĩ Liên": a reference list's author
                if tok.word in ("-", "–") and self.words[j + 1 : j + 2] == ["quyền"] and self.starts_post(j + 2):
                    break  # "Ban Truyền hình Đối ngoại – Quyền Trưởng ban: Trần Thị Thu Hà"
                if (
                    tok.low in ("và", ",")
                    and self.cap_word(j + 1)
                    and (self.words[j + 1] in self.w.other_head or self.pair(j + 1) in self.w.other_head)
                ):
                    break  # "Ngân hàng Phát triển châu Á và Chương trình Colombo": a programme follows the bank
                if self.cap_word(j + 1) and (tok.word != "," or self._fields_listed(j)):
                    j += 2
                    last_cap = j
                    continue
                if tok.low in ("và", "-", "–") and self.lower_word(j + 1) and not self.is_stop(j + 2):
                    if self._starts_list_item(j + 1) or self._after_proper_name(j + 1):
                        break  # "Công ty Tân Cảng - Petro Cam Ranh và cơ quan, đơn vị"
                    j += 1  # "Hội Bảo vệ thiên nhiên và môi trường", not "Hội Khuyến học và chỉ được"
                    continue
                listed = self.comma_part_end(j)
                if listed is None:
                    if tok.word == "," and self._starts_list_item(j + 1):
                        break  # "Chi cục Thủy sản và Biển đảo, đại diện Chi cục ...": the name as read
                    if tok.word == "," and self.lower_word(j + 1) and not self.is_stop(j + 1) and j > last_cap:
                        # "Ban Chỉ đạo phòng, chống tội phạm, ...": a name too long to read, but for the
                        # syllable that ends a word ("Viện Nghiên cứu Thương mại, cựu sinh viên")
                        j = last_cap + (f"{self.words[last_cap - 1]} {self.words[last_cap]}" in common_words())
                    break
                j = last_cap = listed
            elif self.lower_word(j):
                if self._tail_not_name(j):
                    ended = True  # "Hội đồng Thẩm phán| đương nhiệm gồm", "Đại học Khoa học Tự nhiên| bây giờ"
                    j = self._words_end(last_cap, j)  # not "Ngân hàng Thế giới ước tính khu vực kinh tế phi"
                    break
                if self.is_stop(j) or j - last_cap >= 8 or self._after_proper_name(j):
                    break
                j += 1
            else:
                break
        if j > last_cap and not ended and not self.name_may_end(j):
            j = last_cap  # lower-case words that run on into the sentence
        while j > last_cap and self.words[j - 1] in ("và", "&", ",", "-", "–"):
            j -= 1
        return j

    def _gloss_at(self, j: int) -> bool:
        """After a dash at token j - 1, no part of the name: capitalised words of another language, none
        a Vietnamese syllable, up to the name's end ("Viện Quân sự Cuba - West Point"), or a journal's
        issue ("ĐẠI HỌC ĐÀ NẴNG - SỐ 5(40)")."""
        if j >= self._n:
            return False
        if self.words[j] == "số" and self.token(j + 1) and self.tokens[j + 1].word[:1].isdigit():
            return True
        k = j
        while k < self._n and self.cap_word(k) and not self.tokens[k].abbreviation:
            if is_syllable(self.tokens[k].word) or self.tokens[k].word.isupper():
                return False  # "Hội Hữu nghị Việt Nam - Nhật Bản", "Đài Á Châu Tự Do - RFA"
            k += 1
        return k - j >= 2 and (k == self._n or not self.tokens[k].is_word or not self.tokens[k].cap)

    def _tail_not_name(self, j: int) -> bool:
        """Token j starts a verb or an adverb that no name holds: a pair of lower-case words ("thu
        được", not "Tổng hợp Thành phố"), or one word that makes no dictionary word with the next
        ("Đoàn Sa| thành Nam Sa", not "Công ty TNHH Một thành viên")."""
        if self.tokens[j].abbreviation:
            return False  # "Tổng hợp TP. HCM": "thành phố" written out
        if self.pair(j) in self.w.tail_not_name and self.lower_word(j + 1) and not self.tokens[j + 1].abbreviation:
            return True
        return self.words[j] in self.w.tail_not_name and self.pair(j) not in common_words()

    def _words_end(self, last_cap: int, j: int) -> int:
        """Token j when the lower-case words from last_cap complete dictionary words from the
        capitalised one before them ("Giáo| dục", "Khoa| học xã hội"), else last_cap."""
        words, k = common_words(), last_cap
        if k < j and f"{self.words[k - 1]} {self.words[k]}" not in words:
            return last_cap  # "Khoa Công trình Thủy| giai đoạn 1977": the words start no part of the name
        while k < j:
            if f"{self.words[k - 1]} {self.words[k]}" in words:
                k += 1
            elif k + 1 < j and f"{self.words[k]} {self.words[k + 1]}" in words:
                k += 2
            else:
                return last_cap
        return j

    def _initials_close(self, j: int) -> bool:
        """Token j is initials of words in another language ("RFA", "TWAS": a letter no Vietnamese
        syllable starts with), which no abbreviation list knows, and no word follows them: after a
        dash, the body's initials, not a part of its name; initials that may be Vietnamese words
        stay in it ("Bộ Nông nghiệp - PTNT")."""
        if j >= len(self.tokens) or not self.text[self.tokens[j].start - 1 : self.tokens[j].start].isspace():
            return False  # "Tổng cục HC-KT": one abbreviation
        word = self.tokens[j].word
        if not unknown_initials(self.tokens[j]) or not _FOREIGN_LETTERS_RE.search(word):
            return False  # "Bộ Nông nghiệp - PTNT": initials of Vietnamese words ("Phát triển nông thôn")
        nxt = self.token(j + 1)
        return nxt is None or not (nxt.is_word or nxt.word in ("-", "–", "&"))

    def _foreign_initials(self, j: int) -> bool:
        """Token j, an acronym in Latin capitals, follows the last words of an international body's
        name ("Liên hiệp Viễn thông Quốc tế ITU", "Quỹ Tiền tệ Quốc tế IMF"): its initials in another
        language, no part of its name; not a roman numeral, not an abbreviation read as words."""
        tok = self.tokens[j]
        if not (
            j >= 2 and self.words[j - 2] in self.w.international_firsts and self.pair(j - 2) in self.w.international
        ):
            return False
        start = None  # the first type of the name: the words before "Quốc tế" back to a stop
        m = j - 3
        while m >= 0 and j - m <= 12 and self.tokens[m].is_word and not self.is_stop(m) and self.words[m] != "và":
            if self.cap_word(m) and self.type_at(m):
                start = m
            m -= 1
        end = start
        while end is not None and end < j - 2:  # the type's words, "Trường Đại học": no name yet
            hit = self.known_at(end) or self.type_at(end)
            if hit is None or (isinstance(hit.value, OrgType) and hit.value.unit == "place"):
                break  # "Liên hiệp Viễn thông Quốc tế": "Viễn thông" is a field here
            end = hit.end
        return (
            end is not None
            and end < j - 2  # not "Trường Quốc tế ABC", "Trường Đại học Quốc tế RMIT": the school's own name
            and self.cap_word(j - 2)
            and 2 <= len(tok.word) <= 6
            and tok.word.isascii()
            and tok.word.isalpha()
            and tok.word.isupper()
            and not tok.abbreviation
            and not _NUMERAL_RE.match(tok.word)
        )

    def comma_part_end(self, j: int) -> int | None:
        """The end of the lower-case words after the comma at token j that go on with a name: an
        official name may hold commas ("Cục Thanh tra, giám sát ngân hàng", "Vụ Thanh tra, giải
        quyết khiếu nại, tố cáo và phòng, chống tham nhũng"). They count when something that ends a
        name follows them: a place, a parent body (after a comma or not), the end of the clause or
        a bracket, or numbered units ("I, II"); and when no item after a comma is a body or a
        kind of member ("sở, ban, ngành", "cơ quan, đơn vị"), a function word or a verb."""
        n = len(self.tokens)
        k = j
        while k < n and k - j <= _MAX_COMMA_PART and self.tokens[k].word == ",":
            if not self.lower_word(k + 1) or self._starts_list_item(k + 1):
                break
            k += 1
            while self.lower_word(k) and k - j <= _MAX_COMMA_PART:
                if self.is_stop(k) or self.place_after(k):
                    break
                if self.words[k] in self.w.and_ and self._starts_list_item(k + 1):
                    break
                k += 1
        while k > j and (self.tokens[k - 1].word == "," or self.words[k - 1] in self.w.and_):
            k -= 1
        if k <= j + 1:
            return None
        nxt = self.token(k)
        if self.words[k : k + 2] == ["việt", "nam"] and not self.starts_body(k):
            return None  # "Theo Tạp chí Time, quân Việt Nam tiến hành": the country ends a clause, not a name
        if self.place_after(k) or self.starts_body(k) or (nxt and nxt.word == "," and self.starts_body(k + 1)):
            return k
        if nxt and _NUMERAL_RE.match(nxt.word) and self._numbers_listed(k):
            return k  # "Cục Thanh tra, giám sát ngân hàng I, II, III"
        if nxt is None or nxt.word in _NAME_CLOSERS:
            # The end of the clause: an official name, whose first word alone is capitalised ("Cục An
            # ninh văn hóa, thông tin, truyền thông."), not a name of a person or a place running on
            # into a clause ("Trường tiểu học Đoàn Thị Điểm, khai giảng khóa đầu tiên.").
            first = self._name_start(j)
            caps = sum(self.cap_word(m) for m in range(first + 1, j)) if first is not None else 2
            return k if caps <= 1 else None
        return None

    def _after_proper_name(self, j: int) -> bool:
        """The lower-case word at token j follows two capitalised words, a proper name ("Công ty Tân Cảng -
        Petro Cam Ranh lập", "Bệnh viện Nhi Đà Lạt bắt đầu"), without making a word with the last
        ("Khu Công nghệ cao"): a name in the official style capitalises only its first word."""
        if j < 2 or not (self.cap_word(j - 1) and self.cap_word(j - 2)):
            return False
        if self.tokens[j - 1].abbreviation or self.tokens[j - 2].abbreviation:
            return False
        if self.type_at(j - 2) or self.known_at(j - 2):
            return False  # "Hội Cựu giáo chức", "Cục Người có công": the type and the name's first word
        return f"{self.words[j - 1]} {self.words[j]}" not in common_words()

    def _bare_local_body(self, k: int) -> Hit | None:
        """A local body named at token k without a place, then the end of a list item (its known name,
        else None): in a ministry's unit, a field ("Cục Tiền lương và Bảo hiểm xã hội, Cục Việc làm")."""
        known = self.known_at(k)
        if not (known and known.value.kind == "local" and self.cap_word(k)):
            return None
        after = self.token(known.end)
        return known if after is None or after.word in (",", ";", ".", ")") else None

    def _fields_listed(self, j: int) -> bool:
        """After the comma at token j, capitalised fields go on with the name: a list closed by "và"
        ("Trung tâm Truyền thông, Dữ liệu và Công nghệ số") or by a place ("Đài Phát thanh, Truyền
        hình Lâm Đồng"); not "Nhà xuất bản Quân đội Nhân dân, Chương 5", "Hội đồng Trị sự, Phó ..."."""
        k = j + 1
        while k < len(self.tokens) and k - j <= _LONG_LIST:
            if self.place_after(k) or (self.starts_body(k) and k > j + 1):
                return k - j <= 8
            word = self.tokens[k]
            if word.word == "," and self.cap_word(k + 1) and not self.starts_post(k + 1):
                k += 1
            elif word.low == "và":
                return self.cap_word(k + 1) and (k - j <= 8 or self._official_list(j, k))
            elif self.cap_word(k) or (self.lower_word(k) and not self.is_stop(k)):
                k += 1
            else:
                break
        # The end of the clause closes a short list after a name in the official style, whose first
        # word alone is capitalised: "Ban Chính sách, Thuế quốc tế;", "Ủy ban Tài chính, Ngân sách của
        # Quốc hội", not "Đại học Waseda, Nhật Bản.".
        if k - j > 4 or not self._closes_name(k):
            return False
        if k < len(self.words) and self.words[k] == "của" and any(self.starts_body(m) for m in range(j + 1, k)):
            return False  # "Ban Tuyên giáo, Văn phòng của Tỉnh ủy": two of its bodies
        first = self._name_start(j)
        if first is None:
            return False
        if all(t.word.isupper() for t in self.tokens[first:k] if t.is_word):
            return True  # "KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ": in capitals, the case tells nothing
        if not any(t.is_word and not t.cap for t in self.tokens[j + 1 : k]):
            return False  # "Phòng Đô thị, TTHCC", "Đại học Waseda, Nhật Bản": another item, a country
        return sum(self.cap_word(m) for m in range(first + 1, j)) <= 1

    def _official_list(self, j: int, k: int) -> bool:
        """The long list of fields after the comma at token j, closed by "và" at token k, is written in
        the official style, each item's first word alone capitalised, and its last item closes the
        name ("Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội"); not a
        list of places ("Trường Hà, Vân An, Xuân Hòa, Yên Lũng và Yên Sơn")."""
        if any(self.cap_word(m) and self.tokens[m - 1].word != "," for m in range(j + 1, k)):
            return False
        m = k + 2
        while m < len(self.tokens) and self.lower_word(m) and not self.is_stop(m) and m - k <= 4:
            m += 1
        return m > k + 2 and (self._closes_name(m) or self.starts_body(m))

    def _closes_name(self, k: int) -> bool:
        """A name read up to token k ends there for certain: the clause ends, or "của" + a body follows."""
        tok = self.token(k)
        return tok is None or tok.word in _NAME_CLOSERS or (tok.low == "của" and self.starts_body(k + 1))

    def _name_start(self, j: int) -> int | None:
        """The type or known name nearest before token j: where the name being read starts (a name is
        far shorter than _NAME_REACH tokens, which keeps a long paragraph's reading linear)."""
        return next(
            (m for m in range(j - 1, max(-1, j - _NAME_REACH), -1) if self.type_at(m) or self.known_at(m)), None
        )

    def _numbers_listed(self, k: int) -> bool:
        """Tokens k.. are numbers listed ("I, II, III", "1 và 2") or a number ending the clause."""
        nxt = self.token(k + 1)
        if nxt is None or nxt.word in _NAME_CLOSERS:
            return True
        return nxt.word in (",", "và") and bool(
            _NUMERAL_RE.match(self.tokens[k + 2].word if k + 2 < len(self.tokens) else "")
        )

    def _starts_list_item(self, k: int) -> bool:
        """Token k starts an item of a list of kinds of members or bodies ("sở, ban, ngành"), not a
        part of a name: a type, a known body or a collective noun."""
        if k >= len(self.tokens):
            return True
        known = self.known_at(k)
        if (
            self.words[k] in self.w.list_noun
            or self.pair(k) in self.w.list_noun
            or (known and known.value.kind in BODY_KINDS)
        ):
            return True
        if not self.type_at(k):
            return False
        after = k + 2 if self.token(k + 1) and self.tokens[k + 1].word == "," else k + 1
        return after >= len(self.words) or f"{self.words[k]} {self.words[after]}" not in not_names("compound")

    def lower_name_end(self, i: int) -> int | None:
        """A name in lower case ("Ban chỉ đạo bầu cử tỉnh") counts when a place or a parent ends it."""
        if not self.lower_word(i) or self.words[i] in self.stop or self.makes_no_name(i):
            return None
        j = i
        while self.lower_word(j) and (j == i or not self.is_stop(j)) and self.words[j] != "và" and j - i < 5:
            j += 1
            if self.place_after(j) or (self.starts_body(j) and self.body_at(j) is not None):
                return j
            nxt = self.token(j)
            if nxt and nxt.word == "và" and j - i <= 3 and self.starts_body(j + 1):
                return j  # "Liên đoàn cầu lông và Hội Golf"
        return None

    # -- bodies ------------------------------------------------------------------------------------

    def body_at(self, i: int) -> Mention | None:
        """The body whose name starts at token i, if one does; a chain of parents is read at most
        _MAX_NESTED deep ("Tổ X, Phòng Y, Sở Z, UBND tỉnh"), so a list of a thousand names run
        together costs no deep recursion."""
        if not self.cap_word(i) or self._depth >= _MAX_NESTED:
            return None
        self._depth += 1
        try:
            return self._body_at(i)
        finally:
            self._depth -= 1

    def _body_at(self, i: int) -> Mention | None:
        known, typed = self.known_at(i), self.type_at(i)
        if typed and typed.value.unit == "part" and (not known or typed.end >= known.end):
            inner = self.body_at(typed.end)
            if inner is not None and (
                self.pair(i - 2) in self.w.agency_of_part or self.ends_post(i) or self._office_of(i, inner)
            ):
                # "Cơ quan Thường trực Ban Chỉ đạo ...": the board's standing agency; "Phó Trưởng ban
                # Thường trực Ban Chỉ đạo 389 quốc gia": a post of the board. The board is named.
                return inner
            if inner is not None:
                return Mention(i, inner.last, self.text_of(i, inner.last), inner.province, inner.placed)
            if not (known and known.value.kind == "local" and known.end == typed.end):
                return None
            return self.with_place(i, known.end, True, district=True)  # "Đảng ủy xã Giao Thiện", "Đảng ủy phường"
        if known and known.value.kind in BODY_KINDS and not (typed and typed.end >= known.end):
            branch = self.brand_unit_end(i, known.end) if self.tokens[i].abbreviation else None
            if branch is not None:
                return Mention(i, branch, self.text_of(i, branch), placed=True, written=True)
            local = known.value.kind == "local"
            national = known.value.name.endswith(" Việt Nam")  # "Mặt trận Tổ quốc Việt Nam tỉnh X": its committee there
            mention = self.with_place(i, known.end, local or national, district=local)
            if (
                local
                and mention.last > known.end
                and self.words[i] in PLACE_LEVELS
                and fold(self.text_of(known.end, mention.last)) in central_places()[1]
            ):
                return None  # "Bí thư Tỉnh ủy Việt Nam": a province's committee placed in the whole country
            if local and mention.last == known.end and known.value.name in _BOARDS and self.starts_body(known.end):
                parent = self.body_at(known.end)  # "Ban Thi đua - Khen thưởng Bộ Tài chính": the ministry's board
                if parent is not None:
                    text = self.text_with_parent(i, known.end, parent)
                    return Mention(i, parent.last, text, parent.province, parent.placed)
            return mention
        if not typed:
            return None
        end, kind = typed
        if kind.unit == "place":
            place = self.place_after(end)
            if not place:
                return None
            return Mention(i, place.end, self.text_of(i, place.end), place.province, place.named)
        at = end + 3 if kind.unit == "yes" and self._code_in_brackets(end) else end
        if kind.unit == "yes" and kind.scope == "central":
            kind = replace(
                kind, unit="no"
            )  # "Vụ Tổ chức cán bộ, Bộ Xây dựng": a ministry's unit is named alone (rule R11)
        if kind.unit == "yes" and self.starts_body(at):
            parent = self.body_at(at)  # "Văn phòng Ủy ban nhân dân tỉnh", "VP (NC) UBND tỉnh"
            if parent and self.tokens[at].word in self.w.own_body and self.lower_word(at + 1) and not self.shouted:
                parent = Mention(at, at + 1, self.tokens[at].word)  # "Văn phòng Bộ xây dựng báo cáo": the writer's
            own = self.tokens[at].word in self.w.own_body
            if (
                parent is not None
                and at == end
                and not (parent.placed or own)
                and (self.own_name_end(end, False) or 0) > parent.last
            ):
                parent = None  # "Vụ Thanh tra, giải quyết khiếu nại, tố cáo": a name longer than a body's
            if parent is not None:
                text = self.text_with_parent(i, end, parent)
                return Mention(i, parent.last, text, parent.province, parent.placed)
        if kind.name == "Đoàn" and self.level_end(end) is not None:
            place = self.place_after(end)  # "Đoàn xã Khánh Bình Tây": the youth union of a commune
            if place and place.named:
                return Mention(i, place.end, self.text_of(i, place.end), place.province, True)
            return None
        if (
            kind.name in self.w.merged_press
            and self.token(end)
            and self.words[end] in self.w.and_
            and self.starts_body(end + 1)
        ):
            partner = self.body_at(end + 1)  # "Báo và Đài Phát thanh, Truyền hình Lâm Đồng": one body since 2025
            if partner is not None:
                return Mention(i, partner.last, self.text_of(i, partner.last), partner.province, partner.placed)
        name_end = self.own_name_end(
            end, kind.name not in self.w.capitalised, kind.scope == "central"
        )  # not "Bộ phụ trách"
        if name_end is None and kind.name in self.w.bare_office and self._bare_at(end):
            return Mention(i, end, self.text_of(i, end), unit=True)  # "Chánh Văn phòng, Trưởng Ban ...": the issuer's
        if name_end is None:
            return None
        if kind.scope == "none" and self._unit_number_at(name_end):
            name_end += 1  # "Tổng công ty Xây dựng 11": an enterprise's number ends its name
        if kind.name in self.w.press:
            name_end = self._periodical_end(end, name_end)
        mention = self.with_place(i, name_end, True)
        partner_end = self._partner_country_end(mention.last)
        if partner_end is not None:  # "Hội Hữu nghị Việt Nam - Nhật Bản": the two countries name the society
            return Mention(i, partner_end, self.text_of(i, partner_end), placed=True)
        if mention.placed or mention.last > name_end:
            return mention
        after = name_end
        if kind.unit == "yes" and self._code_in_brackets(after):
            after += 3  # "Phó CVP (NC) UBND tỉnh"
        if kind.unit == "yes" and self.token(after) and self.tokens[after].word in (",", "-", "–", "|"):
            comma = self.tokens[after].word in (",", "|")
            if comma or kind.scope == "local":
                after += 1  # "Phòng Tham mưu - Công an tỉnh", but "Vụ Pháp chế - Bộ Nội vụ" are two
                # "Phòng Tổ chức - Biên chế | Sở Nội vụ |": a table's unit and the body it belongs to
        if self.starts_body(after):
            parent = self.body_at(after)
            if parent is not None and parent.text in self.w.bare_office:
                parent = None  # "Phòng Tổ chức - Hành chính, Văn phòng thuộc Trung tâm": whose office, not said
            if parent is not None and after > name_end and self.words[after] == self.words[i]:
                parent = None  # "Khoa Nga văn, Khoa Anh văn, Khoa Trung văn": a list of units, none the parent
            if parent is not None and after > name_end and self.tokens[name_end].word == ",":
                # "Phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo;" names one unit, but in
                # "Phòng Tài chính - Kế hoạch, Sở Nội vụ, Công an huyện" the commas list three.
                own_comma = any(t.word == "," for t in self.tokens[end:name_end])
                closing = self.token(parent.last)
                closes = closing is None or closing.word in (*_LIST_ENDS, ")", "|") or closing.low in self.w.clause_verb
                if not (own_comma or kind.scope == "none" or closes):  # "..., Văn phòng Bộ là Ủy viên" closes
                    parent = None
            if parent is not None:
                text = self.text_with_parent(i, name_end, parent)
                return Mention(i, parent.last, text, parent.province, parent.placed)
        if kind.unit == "yes" and mention.last == name_end:
            return Mention(i, name_end, mention.text, unit=True)
        return mention

    def _central_part(self, mention: Mention) -> bool:
        """A type and the words that place it nationally, nothing else ("Ủy ban Trung ương",
        "Văn phòng Trung ương"): the central committee or office of a body named after it."""
        typed = self.type_at(mention.first)
        if typed is None or typed.end >= mention.last or self.known_at(mention.first):
            return False
        return fold(self.text_of(typed.end, mention.last)) in central_places()[1]

    def _partner_country_end(self, k: int) -> int | None:
        """The end of a foreign country's name written after "Việt Nam" and a dash at token k ("Hội
        Hữu nghị Việt Nam - Nhật Bản", "Việt Nam – Lào"): a friendship society's two countries."""
        if k < 2 or self.token(k) is None or self.tokens[k].word not in ("-", "–"):
            return None
        if self.words[k + 1 : k + 3] == ["việt", "nam"] and not self.cap_word(k + 3):
            if any(" ".join(self.words[k - size : k]) in self.w.country for size in (1, 2, 3, 4) if size < k):
                return k + 3  # "Hội Hữu nghị Hàn Quốc – Việt Nam": the other country first
        if self.pair(k - 2) != "việt nam":
            return None
        for size in (4, 3, 2, 1):
            if k + 1 + size > len(self.tokens):
                continue
            if " ".join(self.words[k + 1 : k + 1 + size]) in self.w.country and not self.cap_word(k + 1 + size):
                return k + 1 + size
        return None

    def _unit_number_at(self, k: int) -> bool:
        """Token k is a number of one to three digits that closes a name: the clause or the list
        item ends after it ("Tổng công ty Xây dựng 11,"), not "Công ty Xây dựng 2 tháng", "2. Sở"."""
        tok, nxt = self.token(k), self.token(k + 1)
        if tok is None or not (tok.word.isdigit() and len(tok.word) <= 3) or not self.tokens[k - 1].is_word:
            return False
        if _DECIMAL_TAIL_RE.match(self.text, tok.end):
            return False  # "Tập đoàn Tomorrow Holding 55,03 tỷ": an amount
        return nxt is None or nxt.word in (",", ";", ")", "(")

    def _periodical_end(self, start: int, end: int) -> int:
        """A periodical's name (tokens start..end after its type) ends before an issue's number ("Báo
        Nhân văn số 6", "Tạp chí Triết học, số 4") and before a dash that a tagline of three words or
        more follows ("Báo Tin tức - Kênh thông tin CP", "Báo Nhân Dân - Phiên bản tiếng Việt"); not
        before a field's ("Tạp chí Kinh tế - Tài chính") nor a place's ("Báo Bà Rịa-Vũng Tàu")."""
        for k in range(start, end):
            issue = (
                self.words[k] in self.w.number and k + 1 < len(self.tokens) and self.tokens[k + 1].word[:1].isdigit()
            )
            if issue or (self.tokens[k].word in ("-", "–") and self._tagline_at(k + 1)):
                while k > start and self.tokens[k - 1].word in (",", "-", "–"):
                    k -= 1  # "Tạp chí Cộng sản - Số 910"
                return k if k > start else end
        return end

    def _tagline_at(self, k: int) -> bool:
        """Three words or more run from token k, no place's name, to the end of the clause."""
        if self.place_after(k):
            return False
        m = k
        while m < len(self.tokens) and self.tokens[m].is_word:
            m += 1
        return m - k >= 3

    def _code_of_laws(self, mention: Mention) -> bool:
        """ "luật" in the name or right after it, not as a syllable of "kỷ luật", "pháp luật"."""
        return any(
            self.words[k] == "luật" and self.words[k - 1] not in ("kỷ", "pháp")
            for k in range(mention.first + 1, min(mention.last + 1, len(self.words)))
        )

    def _in_compound(self, k: int) -> bool:
        """Token k ends a common word with the one before ("yêu cầu", "gia đình"), a level aside ("thành phố")."""
        pair = self.pair(k - 1) if k else ""
        return pair in common_words() and pair not in PLACE_LEVELS

    def foreign_after(self, k: int) -> bool:
        """A foreign country's name is written at token k, ending the body's ("Bộ Ngoại giao Trung Quốc",
        "Quốc hội Châu Âu"): the body is that country's; not a place that starts so ("Mỹ Đình")."""
        if k >= len(self.tokens) or not (self.tokens[k].cap or self.words[k] == "châu"):
            return False  # "Quốc hội châu Âu"
        for size in (1, 2, 3, 4):
            if " ".join(self.words[k : k + size]) not in self.w.country:
                continue
            if size > 1 or " " in self.tokens[k].low:
                return True  # "Bộ Quốc phòng Hoa Kỳ Ashton Carter"
            # One word may start a place or a common word: "Mỹ Đình", "Lào Cai", "Anh hùng", "Đức tin"
            return not self.cap_word(k + 1) and self.pair(k) not in common_words()
        return False

    def _person_at(self, k: int) -> bool:
        """A person's name stands alone at token k: a family name and one to three title-case given
        names, then no more words ("- Ngô Sĩ Liên,"), none of them a place ("Việt - Hàn Bình Dương")."""
        if (
            not (self.cap_word(k) and self.words[k] in surnames())
            or not self.text[self.tokens[k - 1].start - 1 : self.tokens[k - 1].start].isspace()
        ):
            return False  # not "Học viện Mác-Lê Nin"
        m = k + 1
        while m < len(self.tokens) and self.cap_word(m) and not self.tokens[m].abbreviation and m - k <= 3:
            if self.place_after(m) or self.starts_body(m):
                return False
            m += 1
        return 3 <= m - k <= 4 and not (
            m < len(self.tokens) and self.tokens[m].is_word
        )  # not "Vụ Trung Đông - Châu Phi"

    def _office_of(self, i: int, inner: Mention) -> bool:
        """The part at token i and the body after it make an office held by one person ("Thường trực
        Ban Bí thư Trung ương Đảng", an infobox's post): the body is named, the office is none."""
        words = " ".join(self.words[i : inner.last])
        return any(words == title or words.startswith(title + " ") for title in not_names("title"))

    def text_with_parent(self, i: int, end: int, parent: Mention) -> str:
        """A unit's words (tokens i..end) and its parent's, once each ("VP.UBND tỉnh" is one abbreviation)."""
        if self.tokens[parent.first].start < self.tokens[end - 1].end:
            return self.text_of(i, parent.last)
        last = self.tokens[end - 1].word
        if end - i > 1 and last in self.w.own_body and self.tokens[parent.first].word == last:
            end -= 1  # "Văn phòng Sở | Sở Tài chính": the unit's "Sở" is its parent
        return f"{self.text_of(i, end)} {parent.text}"

    def brand_unit_end(self, i: int, end: int) -> int | None:
        """The end of an enterprise's unit named by its brand ("VNPT Hà Nội", "VNPT Media"), whose
        abbreviation (tokens i..end) the enterprise writes so: a province's name, or one or two
        capitalised words closing a table cell or a list item; None for the enterprise itself."""
        if self.tokens[end - 1].start != self.tokens[i].start or self.text_of(i, end) not in _brands():
            return None
        place = match(self.words, end, self.idx.places)
        if place and all(t.cap for t in self.tokens[end : place.end]):
            return place.end
        k = end
        while (
            k < len(self.tokens)
            and k - end < 2
            and self.cap_word(k)
            and not (self.starts_body(k) or self.place_after(k))
        ):
            k += 1
        closing = self.token(k)
        return k if k > end and (closing is None or closing.word in ("|", ";", ",")) else None

    def with_place(self, i: int, end: int, may_have_place: bool, district: bool = False) -> Mention:
        """The body of tokens i..end, with the place written after it when there is one; with
        `district`, a district's name without its level counts ("KBNN Hạ Long", "Huyện ủy Mộc Châu")."""
        place = self.place_after(end) if may_have_place else None
        if place is None and district:
            place = self.district_at(end)
        if place is None:
            nxt = self.token(end)
            if nxt and nxt.word in self.w.own_body and not self.cap_word(end + 1) and not self.known_at(end + 1):
                end += 1  # "Văn phòng Bộ", "Hội đồng Thi đua - Khen thưởng Sở": the body that wrote the document
            return Mention(i, end, self.text_of(i, end))
        return Mention(i, place.end, self.text_of(i, place.end), place.province, place.named)

    # -- the paragraph -------------------------------------------------------------------------------

    def mentions(self) -> list[Mention]:
        """Every body named, left to right, with "các Bộ: Tài chính, Y tế" read as two bodies."""
        found: list[Mention] = []
        first_words, list_lower = starts(), self.w.list_lower
        tokens, n, words, w = self.tokens, len(self.tokens), self.words, self.w
        # The tokens a name may start at, found at once (most tokens start none): a name's first word,
        # capitalised or a lower-case list head ("các cơ quan: ..."); the loop goes from one to the next.
        at = [k for k, word in enumerate(words) if word in first_words and (tokens[k].cap or word in list_lower)]
        dotted = _dotted_expansions()  # else a token holds a full stop only where its text does
        # What list_at() reads a list after, a colon or "các" (most windows hold neither).
        # Tested on the text (a token "các" is "các" in the text's lower case; no expansion of an
        # abbreviation holds either word): a few more windows than hold the tokens, read the same.
        may_list = ":" in self.text or "các" in self.text.lower() or _listing_expansions()
        i, c = 0, 0
        while True:
            c = bisect_left(at, i, c)
            if c == len(at):
                break
            i = at[c]
            if self.known_at(i) is None and self.type_at(i) is None:
                i += 1  # its first word starts no known name nor type here: no body, no list head
                continue
            tok = tokens[i]
            listed = self.list_at(i) if may_list else []
            if listed:
                found.extend(listed)
                i = listed[-1].last
                continue
            if i and words[i - 1] in w.place_noun and self.lower_word(i - 1) and not self._in_compound(i - 1):
                i += 1  # "xã Trạm Thản", "sông Trường Giang": a place's name that starts like a body
                continue
            if i + 1 < n and words[i + 1] == tok.low and self.ends_post(i + 1) and self.type_at(i + 1):
                i += 1  # "TRƯỞNG BAN BAN CHÍNH SÁCH": the post's word, then the board's
                continue
            if (
                i
                and words[i - 1] in w.country_firsts
                and any(" ".join(words[i - 1 : i + size]) in w.country for size in (1, 2, 3))
            ):
                i += 1  # "tiếng Tây Ban Nha": a country's name, though "Ban" is a type
                continue
            mention = (
                None  # a lower-case list head reads no body
                if not (tok.is_word and tok.cap and not tok.word.isdigit())  # cap_word(i)
                or self.inside_word(i)
                or self.in_place_list(i)
                else self.body_at(i)
            )
            if (
                mention is None
                or self.is_generic(mention)
                or self.is_person(mention)
                or self.is_post(mention)
                or self.type_and_syllable(mention)
            ):
                i += 1
                continue
            if not mention.placed and district_named(mention.text) is not None:
                i = mention.last  # "Tam Kỳ (tỉnh lị), Hội An": a city's name, no body
                continue
            if self.cut_short(mention):
                i = self._name_run_past(mention.last)  # "Chính phủ Cách mạng lâm thời ...": no part of it
                continue
            if self.edges_unsure(mention):
                i = mention.last  # "Trường Đại học Thái Bình| Dương", "Thượng |Hội đồng Giám mục": a longer name
                continue
            if (dotted or self.text.find(".", tokens[mention.first].start, tokens[mention.last - 1].end) >= 0) and any(
                self._sentences_glued(k) for k in range(mention.first, mention.last)
            ):
                i = mention.last  # "Đài Tiếng nói Việt Nam khu vực Miền Trung.Thông tấn xã": the next sentence glued on
                continue
            if (
                mention.last < n
                and tokens[mention.last].word in _CUT_WORDS  # the first of them tested alone first
                and all(tokens[k].word in _CUT_WORDS for k in range(mention.last, n))
            ):
                break  # "1. Trách nhiệm của Sở Nông nghiệp và": a name the line cuts
            if words[mention.first] == "bộ" and self._code_of_laws(mention) and not self.known_at(mention.first):
                i = mention.last  # "Bộ Hoàng Việt Hộ luật", "Bộ Dân luật Bắc Kỳ": a code of laws, no ministry
                continue
            if (not mention.placed or mention.province is None) and self.foreign_after(mention.last):
                # "Bộ Ngoại giao Trung Quốc", "Hội đồng An ninh Quốc gia Mỹ": another country's body, not Việt Nam's
                i = mention.last
                continue
            found.append(self.with_bracket_parent(mention, found))
            i = mention.last
            for more in self.more_places(mention) or self.more_numbers(mention):
                found.append(more)
                i = more.last
        return share_places(found, self.tokens)

    def edges_unsure(self, mention: Mention) -> bool:
        """The text does not make the name's edges certain: a word the scanner cannot place runs on
        at either edge, so the name may be part of a longer one, or another country's body."""
        return (
            self._runs_on_capitalised(mention)
            or self._starts_inside(mention.first, mention.last)
            or self._comma_runs_on(mention.last)
            or self._topic_runs_on(mention)
            or self._footnote_glued(self.tokens[mention.last - 1].word)
        )

    @staticmethod
    def _footnote_glued(word: str) -> bool:
        """The name's last word holds a reference list's footnote letter glued on ("Viện Triết họcb",
        "Đài PT-TH Vĩnh Long.b"): where the name ends, the text does not say cleanly."""
        if word[-1] not in "abcdefgh" or len(word) < 3:
            return False  # most words end in no footnote letter (tested first, cheaply)
        last = word.rpartition(".")[2]
        if len(last) == 1 and "." in word:
            return True  # "Long.b"
        return not is_syllable(word) and is_syllable(word[:-1]) and not word[:-1].isascii()

    def _topic_runs_on(self, mention: Mention) -> bool:
        """A name ending in lower-case words that no list knows, then "về" and a lower-case topic
        ("Cục Cảnh sát phòng chống tội phạm| về buôn lậu", "Cục Hợp tác quốc tế| về lao động"): the
        topic may be part of the name; not a known name ("Sở Tài chính về việc ...")."""
        k = mention.last
        if self.words[k : k + 1] != ["về"] or not self.lower_word(k + 1) or self.words[k + 1] == "việc":
            return False
        last = self.tokens[k - 1]
        if last.cap or not last.is_word or mention.province or self.level_end(k - 1) is not None:
            return False  # "Báo cáo của UBND tỉnh về tình hình kinh tế - xã hội": the province's
        if any((hit := self.known_at(m)) is not None and hit.end == k for m in range(mention.first, k)):
            return False
        cap = next((m for m in range(k - 1, mention.first, -1) if self.cap_word(m)), mention.first)
        lower = k - cap - 1 - (self.pair(cap) in common_words())  # "Cảnh sát| phòng chống tội phạm"
        return lower >= 2  # not "Bộ Kế hoạch & Đầu tư", "Cục Quản lý giá": the name is its fields

    def _ends_certain_word(self, k: int) -> bool:
        """Token k, a word, tells that a name has ended before it: a body, a place, a post, a person."""
        known = self.known_at(k)
        return bool(
            (self.starts_body(k) and (self._long_type(k) or self.body_at(k) is not None))  # not "Phương| Trang,"
            or (known and known.value.kind in BODY_KINDS)
            or self.place_after(k)
            or self.starts_post(k)
            or self.foreign_after(k)
            or self.level_end(k) is not None
            or self.pair(k) in _doc_type_names()
            or self.words[k] in _doc_type_names()
            or (self.words[k] in surnames() and self.cap_word(k + 1))
        )

    def _long_type(self, k: int) -> bool:
        """A type of two words or more starts at token k ("Tập đoàn"): a body, named or not; a type of
        one word alone may be a name's last syllable ("Công ty Cổ phần Phương Trang")."""
        typed = self.type_at(k)
        return typed is not None and typed.end - k >= 2

    def _runs_on_capitalised(self, mention: Mention) -> bool:
        """A title-case word the scanner cannot place follows the name ("Trường Đại học Thái Bình|
        Dương", "Ủy ban Quốc phòng| Liên Mỹ", "Chính phủ| Nicaragua"): the name goes on, or names
        another body; not a known name read across the end ("Ban Chấp hành Trung ương Đảng| Cộng
        sản Việt Nam"), nor words that may follow a name ("Quốc hội| Khóa XIII")."""
        k = mention.last
        tok = self.token(k)
        if self.shouted or tok is None or not tok.is_word or not tok.cap or tok.abbreviation:
            return False
        if tok.word.isupper() or not tok.word[0].isalpha() or self.text[self.tokens[k - 1].end : tok.start] != " ":
            return False
        if self.words[k : k + 2] == ["cộng", "hòa"] and self.words[k + 2 : k + 4] != ["xã", "hội"]:
            return True  # "Bộ Nội vụ Cộng hòa Miền Nam Việt Nam", "Hải quân Việt Nam Cộng hòa": another state's
        if any(" ".join(self.words[k : k + size]) in self.w.name_goes_on_not for size in (1, 2, 3, 4, 5)):
            return False
        if self.words[k] == "đảng" and not self.cap_word(k + 1):
            return False  # "Ban Tổ chức Trung ương Đảng": the Party's, as its bodies are named
        if tok.low in self.stop or (
            self.words[k] in self.w.number and self.token(k + 1) and self.tokens[k + 1].word[:1].isdigit()
        ):
            return False  # "Hội Liên hiệp Phụ nữ Việt Nam Các tổ chức ...", "điện của Bộ Chính trị Số 17-NB"
        if (
            any("." in t.word for t in self.tokens[k : k + 2])
            or fold(self.text[tok.start : tok.start + 8]) == "viet nam"
        ):
            return False  # "Tổng cục Thống kê Việt Nam.b", "Chính phủ Việt NamLưu trữ": a reference's words glued
        if (
            self.words[k + 1 : k + 2]
            and self.words[k + 1] in surnames()
            and self.cap_word(k + 1)
            and self.cap_word(k + 2)
        ):
            return False  # "Chủ tịch Hội đồng Giám mục Việt Nam Giuse Nguyễn Chí Linh": a person's name follows
        for m in range(mention.first, k):
            known = self.known_at(m)
            if known and known.end > k:
                return False
        m = k
        while self.cap_word(m) and m - k < 4:
            m += 1
        if self.token(m + 1) and self.tokens[m].word == "," and getattr(self.place_after(m + 1), "province", None):
            return False  # "Trung tâm Hội nghị Quốc gia Mỹ Đình, Hà Nội": an address, a place and its province
        return not self._ends_certain_word(k)

    def _starts_inside(self, first: int, last: int) -> bool:
        """A title-case word the scanner cannot place stands right before the name ("Thượng |Hội
        đồng Giám mục", "Tu |Hội Tận Hiến"): the type's word is inside another name."""
        before = self.token(first - 1)
        if before is None or not before.is_word or not before.cap or before.abbreviation or self.shouted:
            return False
        if before.word.isupper() or not before.word[0].isalpha() or first < 2:
            return False
        run = first - 1  # the capitalised words right before the name: one or two, inside a sentence
        while run > 0 and self.cap_word(run - 1) and first - run < 3:
            run -= 1
        if run == 0 or first - run > 2 or not self.lower_word(run - 1):
            return False  # "Theo Sở", "Phạm Thị Ngọc Hoa Thư viện ...": a clause starts, a person's name
        if not all(is_syllable(t.word) and not t.word.isupper() for t in self.tokens[run:first]):
            return False  # "Đại lễ Vesak Liên Hiệp Quốc": a word of another language
        if set(self.words[run:first]) <= set(self.words[first:last]):
            return False  # "Đại diện Tông Tòa Hạt Đại diện Tông Tòa Huế": a post named after its body
        return not (
            before.low in self.stop
            or before.low in self.w.before_name
            or self.ends_post(first)
            or any(getattr(self.place_after(m), "end", None) == first for m in range(run, first))  # "Hà Nội Học viện"
            or " ".join(self.words[run:first]) in self.w.country
            or before.low in self.w.function_word
        )

    def _comma_runs_on(self, k: int) -> bool:
        """A comma, then an abbreviation of fields joined by "&" that no list knows ("Bộ Lao động,
        TB&XH", "Ủy ban KH,CN&MT của Quốc hội"): the name runs on past the comma."""
        tok, nxt = self.token(k), self.token(k + 1)
        if tok is None or tok.word != "," or nxt is None or not nxt.is_word:
            return False
        if nxt.word.isupper() and len(nxt.word) > 1 and not nxt.abbreviation:
            return "&" in nxt.word and not self._ends_certain_word(k + 1)
        return False

    def _sentences_glued(self, k: int) -> bool:
        """Token k is two words with the full stop between them and no space ("Trung.Thông"), not an
        abbreviation ("TP.HCM", "Tp.Hồ")."""
        word = self.tokens[k].word
        if "." not in word:
            return False  # most tokens hold no full stop (tested first, cheaply)
        before, _, after = word.partition(".")
        return (
            after[:1].isupper() and before[-1:].islower() and is_syllable(before) and is_syllable(after.split(".")[0])
        )

    def cut_short(self, mention: Mention) -> bool:
        """The name read stops inside a longer one that the text goes on writing, so its end is
        not certain: its last syllable and the lower-case word after it make one word ("Cục Tần| số
        vô tuyến điện", "Trường Sĩ quan Hậu| cần", "Cục Điều tra dân| số"); a type and one syllable
        run on in lower case ("Hội Người| cao tuổi", "Bộ Tổng| tham mưu", "Bộ Tuyên| thánh"); or a
        capitalised word that starts a common word runs on ("Chính phủ| Cách mạng lâm thời",
        "Ủy ban Dân tộc| Giải phóng Việt Nam", "Quốc hội| Lập hiến")."""
        last, nxt = mention.last, self.token(mention.last)
        end = self.tokens[last - 1]
        # Both tests below read a name that heads another body's words ("chính phủ"): most names head none.
        name = " ".join(self.words[mention.first : last]) if self.words[mention.first] in _another_firsts() else ""
        if nxt is not None and name in _another_heads():
            if not nxt.cap and self._another_body(name, last):
                return True  # "Chính phủ| lâm thời", "Chính phủ| này": another government than Việt Nam's
            if self._named_after_leader(mention):
                return True  # "Chính phủ| Trần Trọng Kim được thành lập": a former regime's, not Việt Nam's Government
        if nxt is not None and nxt.cap and nxt.is_word and self._central_part(mention):
            return True  # "Ủy ban Trung ương| Bolshevik", "Văn phòng Trung ương| Đoàn": whose, the name goes on to say
        if (
            nxt is not None
            and nxt.is_word
            and nxt.word[0].isalpha()
            and not nxt.cap
            and (nxt.low == "về" or (nxt.low not in self.w.function_word and self.level_end(last - 1) is None))
            and self.words[last + 1 : last + 2] != ["việc"]
            and self.words[mention.first] in _topic_firsts()  # most names start as no such type does
        ):
            head = (" ".join(self.words[mention.first : mention.first + size]) for size in (2, 3, 4))
            if any(words in self.w.topic_type for words in head):
                return True  # "Ban Chỉ đạo Trung ương| về phòng, chống tham nhũng", "Ban chỉ đạo Quốc gia| phòng, chống dịch"
        if (
            nxt is None
            or mention.placed
            or not (nxt.is_word and end.is_word)
            or nxt.abbreviation
            or end.abbreviation
            or self.text[end.end : nxt.start] != " "
        ):
            return False
        words = common_words()
        pair = f"{end.low} {nxt.low}"
        if not nxt.cap:
            known = self.known_at(mention.first)
            if self.shouted or (known and known.end == last):
                return False  # "Bộ Nội vụ việc ...": a known name ends there
            if pair in words and nxt.low not in self.w.function_word:
                return self.pair(last) not in words  # not "Bộ Ngoại giao Việt Nam giới thiệu"
            typed = self.type_at(mention.first)
            if not typed or typed.end != last - 1 or not end.cap or not is_syllable(end.word):
                return False
            field = self.known_at(last - 1)
            whole = " ".join(self.words[mention.first : last])
            return not (
                (field and field.value.kind == "field")  # "Chi cục Thuế cung cấp"
                or end.word in self.w.own_body  # "Văn phòng Bộ có trách nhiệm": the writer's
                or end.low in self.w.country  # "Ngân hàng Anh"
                or whole in self.w.one_syllable
                or typed.value.name.lower() in self.w.one_syllable  # "Nhà xuất bản Trẻ"
                or nxt.low in self.w.and_
                or self.level_end(last) is not None
            )
        if self.shouted or not nxt.word[1:].islower() or self.pair(last) not in words:
            return False
        if any(" ".join(self.words[last : last + size]) in self.w.name_goes_on_not for size in (2, 3, 4)):
            return False  # "Quốc hội Cộng hòa xã hội chủ nghĩa Việt Nam"
        if self.pair(last) in _doc_type_names():
            return False  # "Bộ Nội Vụ Quy định ...", "Chính phủ Nghị quyết ...": the document it issued
        known = self.known_at(last)
        if self.starts_body(last) and not (known and known.value.kind in BODY_KINDS):
            return self.known_at(mention.first) is not None  # "Chính phủ Liên hiệp Kháng chiến Việt Nam"
        return not (
            self.starts_body(last)
            or self.place_after(last)
            or self.foreign_after(last)
            or self.starts_post(last)
            or (self.words[last] in surnames() and self.cap_word(last + 1))  # "Chính phủ Trần Trọng Kim"
        )

    def _another_body(self, name: str, last: int) -> bool:
        """The lower-case words after a body's name (one of _another_heads(), ending before token
        `last`) make it another body of that name: a kind, a foreign or past one, or one named before
        ("Chính phủ lâm thời", "Chính phủ quân sự miền Nam Trung Quốc", "Chính phủ này"), which the
        name read does not make certain."""
        after = self.words[last : last + 2]
        another = not_names("another")
        return " ".join((name, *after[:1])) in another or " ".join((name, *after)) in another

    def _named_after_leader(self, mention: Mention) -> bool:
        """A government (a name of _another_heads()) named after its leader's full name written right
        after it, with no post before it ("Chính phủ Trần Trọng Kim", not "Thủ tướng Chính phủ Phạm
        Minh Chính")."""
        last = mention.last
        if self.ends_post(mention.first):
            return False
        return (
            self.words[last] in surnames()
            and self.cap_word(last)
            and last + 1 < self._n
            and self.cap_word(last + 1)
            and not self.tokens[last].abbreviation
            and not self.starts_body(last)
            and self.place_after(last) is None
        )

    def type_and_syllable(self, mention: Mention) -> bool:
        """A one-word type and one Vietnamese syllable in title case, nothing more ("Trường Châu",
        "Hội Am", "Bộ Lĩnh" of "Đinh Bộ Lĩnh", "Ban Mê" of "Ban Mê Thuột"): a place's or a person's
        name that starts with a type's word far more often than a body's does; not a field ("Cục
        Thuế", "Trường Đảng"), an abbreviation ("Cục CSGT"), a foreign name ("Viện Hoover"), a numeral
        ("Vụ III") or a whole name the data knows ("Trường Bưởi")."""
        first = mention.first
        if mention.last - first != 2 or mention.placed:
            return False
        tok = self.tokens[first + 1]
        if tok.abbreviation or not tok.cap or tok.word.isupper() or not is_syllable(tok.word):
            return False
        typed = self.type_at(first)
        if not typed or typed.end != first + 1 or self.known_at(first) or self.known_at(first + 1):
            return False
        return self.pair(first) not in self.w.one_syllable and self.words[first] not in self.w.one_syllable

    def _name_run_past(self, k: int) -> int:
        """The token after the capitalised words that run on from token k."""
        while self.cap_word(k) or self.lower_word(k) and not self.is_stop(k) and self.cap_word(k + 1):
            k += 1
        return k

    def more_places(self, mention: Mention) -> list[Mention]:
        """ "UBND huyện Thủy Nguyên, huyện An Dương": the same body of each place listed after it."""
        if not mention.placed:
            return []
        k = next((k for k in range(mention.last - 1, mention.first, -1) if self.level_end(k) is not None), None)
        if k is None:
            return []
        head, out, j = self.text_of(mention.first, k), [], mention.last
        rank = self.level_rank(k)
        while self.token(j + 1) and self.tokens[j].word in (",", "và") and self.level_end(j + 1) is not None:
            if self.level_rank(j + 1) < rank:
                break  # "UBND xã Quảng Hải, huyện Quảng Xương": the district the commune is in
            place = self.place_after(j + 1)
            if place is None or not place.named or place.end <= j + 1:
                break
            out.append(Mention(j + 1, place.end, f"{head} {self.text_of(j + 1, place.end)}", place.province, True))
            j = place.end
        return out

    def more_numbers(self, mention: Mention) -> list[Mention]:
        """ "Cục Thanh tra, giám sát ngân hàng I, II, III": the unit of each number listed after the first."""
        last = self.tokens[mention.last - 1].word
        if not (last[0] in "IVX" or last[0].isdigit()):
            return []  # most names end in no numeral (_NUMERAL_RE's first character, tested first)
        if mention.last - mention.first < 2 or not _NUMERAL_RE.match(last):
            return []
        head, out, j = self.text_of(mention.first, mention.last - 1), [], mention.last
        roman = last[0] in "IVX"
        while self.token(j + 1) and self.tokens[j].word in (",", "và") and _NUMERAL_RE.match(self.tokens[j + 1].word):
            if (self.tokens[j + 1].word[0] in "IVX") != roman:
                break
            out.append(Mention(j + 1, j + 2, f"{head} {self.tokens[j + 1].word}", mention.province, mention.placed))
            j += 2
        return out

    def level_rank(self, i: int) -> int:
        """How low the level word at token i is: 1 a province, 2 a district, 3 a commune."""
        hit = match(self.words, i, self.idx.levels, joiners=False)
        return level_ranks()[hit.value] if hit else 2

    def with_bracket_parent(self, mention: Mention, found: list[Mention]) -> Mention:
        """ "Sở Nội vụ (qua Phòng Thi đua, khen thưởng)": the unit of the body before the bracket."""
        if not found or mention.placed or mention.first - found[-1].last not in (1, 2):
            return mention
        between = self.words[found[-1].last : mention.first]
        via = len(between) == 2 and between[0] == "(" and between[1] in self.w.via
        board = self.tokens[mention.first].word in self.w.board and not self.known_at(mention.first) and via
        typed = self.type_at(mention.first)
        if typed and typed.value.scope == "central":
            return mention  # "Bộ Xây dựng (Vụ Tổ chức cán bộ)": a ministry's unit is named alone (rule R11)
        if not (board or (mention.unit and (between == ["("] or via))):
            return mention  # "Liên đoàn Lao động tỉnh (qua Ban Tổ chức - Kiểm tra)": a board of the body
        parent = found[-1]
        return Mention(mention.first, mention.last, f"{mention.text} {parent.text}", parent.province, parent.placed)

    def in_place_list(self, i: int) -> bool:
        """Token i is inside a list of places after their plural level ("các xã Hoa Sơn, Hội Sơn và Tường
        Sơn", "các phường Kinh Dinh, Phủ Hà, Đài Sơn"): a place's name that starts with a type's word."""
        if i == 0 or self.tokens[i - 1].word not in (",", "-") and self.words[i - 1] not in self.w.and_:
            return False  # most bodies follow no list item
        k = i - 1
        while (
            k >= 0
            and i - k < 16
            and (self.cap_word(k) or self.tokens[k].word in (",", "-") or self.words[k] in self.w.and_)
        ):
            k -= 1
        if k < 0 or k == i - 1 or not self.lower_word(k):
            return False
        start = next((m for m in range(max(0, k - 1), k + 1) if self.level_end(m) == k + 1), None)
        plural = start is not None and start > 0 and self.words[start - 1] in self.w.plural
        return plural and self.tokens[k + 1].cap and not self.starts_body(k + 1)

    def is_person(self, mention: Mention) -> bool:
        """A family name that is also a type, with a given name ("ông Đoàn Minh Chiến", a signature
        "Đoàn Minh Hải"): after a form of address, or a paragraph of its own."""
        first = self.words[mention.first]
        if first not in _NAMED_AFTER_NO_ONE and first not in surnames():
            return False  # most names start with neither (both tests below read the first word so)
        words = self.tokens[mention.first : mention.last]
        if (
            words[0].low in _NAMED_AFTER_NO_ONE
            and 3 <= len(words) <= 4
            and words[1].low in surnames()
            and words[1].low != "châu"
        ):
            # "vụ Trịnh Xuân Thanh" (a case), "Trưởng Ban Phan Đình Trạc", "Trang Võ Đức Minh": a person
            # (not "Vụ Châu Âu", "Vụ Châu Mỹ": the Ministry of Foreign Affairs' departments of a continent)
            return all(t.is_word and t.cap and not t.abbreviation for t in words[1:]) and not (
                mention.placed
                or self.known_at(mention.first + 1)
                or self.type_at(mention.first + 1)
                or self.place_after(mention.first + 1)
            )
        if words[0].low not in surnames():
            return False  # most names start with no family name (a name's first token is a word, no dash)
        dash = next((k for k, t in enumerate(words) if t.word in ("-", "–")), len(words))
        words = words[:dash]  # "Đoàn Khuê - Nhà chiến lược quân sự": the person before a dash
        if not 2 <= len(words) <= 4:
            return False
        if not all(t.is_word and t.cap and not t.abbreviation and not t.word.isupper() for t in words):
            return False
        given = mention.first + 1
        if not (mention.placed or self.known_at(given) or self.type_at(given) or self.place_after(given)):
            return True  # "Đoàn Chuẩn", "Đoàn Khuê - Đại tướng": title-case given names, no field of a body
        if len(words) < 3:
            return False
        before = " ".join(self.words[max(0, mention.first - 2) : mention.first])
        if not before:
            return mention.last == len(self.tokens)
        return before in _addresses() or before.rsplit(" ", 1)[-1] in _addresses()

    def is_post(self, mention: Mention) -> bool:
        """The body's name ends a post ("Thủ tướng Chính phủ", "Chủ tịch nước"): a person's office."""
        if not self.words[mention.last - 1].endswith(_title_tails()):
            return False  # most bodies end no post (its last word would end as a post's does, tested first)
        size = mention.last - mention.first
        words = " ".join(self.words[max(0, mention.first - 3) : mention.last])
        if not words.endswith(titles()):
            return False
        return any(words.endswith(title) and len(title.split()) >= size for title in not_names("title"))

    def is_generic(self, mention: Mention) -> bool:
        """ "các Sở", "Ủy ban nhân dân các cấp": a kind of body, not one body."""
        before = self.token(mention.first - 1)
        after = self.token(mention.last)
        pair = self.pair(mention.last) if after and after.low in _generic_pair_firsts() else ""  # ("cùng cấp")
        if after and (after.low in self.w.every or pair in self.w.every) and not mention.placed:
            return True  # "Ủy ban nhân dân các cấp", "Thường trực Ủy ban MTTQ Việt Nam cùng cấp"
        if before and before.low in self.w.members and not mention.placed:
            return True  # "bầu cử đại biểu Hội đồng nhân dân": the deputies, not the council
        if pair in self.w.of_each:
            return True  # "Hội đồng Sáng kiến của cơ quan, đơn vị": one in each
        if before and before.word in (",", "và") and not mention.placed and self._after_plural_type(mention.first - 1):
            return True  # "Các Tập đoàn, Tổng công ty nhà nước": the plural takes in both types
        return bool(before and before.low in self.w.plural and not mention.placed)

    def _after_plural_type(self, k: int) -> bool:
        """Token k (a comma or "và") follows a bare type written after a plural word ("các Tập đoàn,")."""
        for m in range(max(0, k - 3), k):
            typed = self.type_at(m)
            if typed and typed.end == k and m > 0 and self.words[m - 1] in self.w.plural:
                return True
        return False

    # -- lists ---------------------------------------------------------------------------------------

    def _list_field_end(self, j: int, end: int) -> int:
        """The end of the field listed at token j: the known field read across commas ("Văn hóa, Thể thao
        và Du lịch"), unless a comma it crosses starts a field of its own that runs further ("Nội vụ,
        Tài chính, Kế hoạch và Đầu tư": not the district room "Tài chính - Kế hoạch")."""
        for k in range(j + 1, end):
            if self.tokens[k].word == ",":
                own = self.known_at(k + 1)
                if own and own.value.kind == "field" and own.end > end:
                    plain = match(self.words, j, self.idx.known, joiners=False)
                    return plain.end if plain and plain.end <= k else k
        return end

    def district_list(self, j: int, head: str) -> list[Mention]:
        """ "LĐLĐ các huyện Quỳnh Phụ, Hưng Hà và Thái Thụy": the body of each district named after the
        plural level, without a colon; the list ends at the first item that is no district's name."""
        items: list[Mention] = []
        while (place := self.district_at(j, after_level=True)) is not None:
            items.append(Mention(j, place.end, f"{head} {self.text_of(j, place.end)}", place.province, True))
            j = place.end
            if not (self.token(j + 1) and self.tokens[j].word in (",", "và")):
                break
            j += 1
        return items

    def list_at(self, i: int) -> list[Mention]:
        """ "các Bộ: Giáo dục, Y tế", "UBND các tỉnh: Tuyên Quang, Cao Bằng": one body per item."""
        tok = self.token(i)
        if tok is None or not tok.is_word:
            return []
        plural = i > 0 and self.words[i - 1] == "các"
        if not plural and ":" not in (soon := self.words[i + 1 : i + 12]) and "các" not in soon:
            return []  # most bodies head no list: neither "các" before nor a colon or "các" soon after
        if self.inside_word(i):
            return []
        head_end, head = None, None
        typed, known = self.type_at(i), self.known_at(i)
        colon = typed and tok.cap and self.token(typed.end) and self.tokens[typed.end].word == ":"
        if typed and typed.value.name in self.w.list_head and (plural or colon):  # "- Sở: NN&MT, GD&ĐT;"
            head_end, head = typed.end, typed.value.name
        elif typed and typed.value.name in self.w.enterprise_head and plural:
            head_end, head = typed.end, "enterprise"
        elif known and known.value.kind == "local" and self.token(known.end) and self.words[known.end] == "các":
            level = self.level_end(known.end + 1)
            if level is not None:
                head_end, head = level, self.text_of(i, known.end) + " " + self.text_of(known.end + 1, level)
        if head_end is None or head is None:
            return []
        fields = head in self.w.list_head
        j = head_end
        while j < len(self.tokens) and self.tokens[j].word != ":" and j - head_end < 4:
            j += 1
        if self.token(j) is None or self.tokens[j].word != ":":
            return self.district_list(head_end, head) if not (fields or head == "enterprise") else []
        items, j = [], j + 1
        while j < len(self.tokens) and self.tokens[j].word not in _LIST_ENDS:
            field = self.known_at(j)
            province = match(self.words, j, self.idx.places)
            enterprise = match(self.words, j, self.idx.enterprise_cores) if head == "enterprise" else None
            after = self.token(field.end) if field else None
            if (
                fields
                and field
                and field.value.kind == "field"
                and (plural or after is None or after.word in (",", ";", ".", "và"))
            ):
                end = self._list_field_end(j, field.end)
                items.append(Mention(j, end, f"{head} {self.text_of(j, end)}"))
                j = end
            elif enterprise:
                items.append(Mention(j, enterprise.end, enterprise.value, placed=True))
                j = enterprise.end
            elif not (fields or head == "enterprise") and province:
                name = province.value.name
                text = f"{head} {name}"
                if known is not None and (self.level_rank(head_end - 1) == 1 or self.pair(head_end - 2) == "thành phố"):
                    # "UBND các tỉnh, thành phố: Đồng Nai, Hà Nội": each province by its own level (the head
                    # is a known local body here: a list head or an enterprise type makes no province list)
                    text = f"{self.text_of(i, known.end)} {province_level(name)} {name}"
                items.append(Mention(j, province.end, text, name, True))
                j = province.end
            elif self.starts_body(j):
                mention = self.body_at(j)
                if mention is None:
                    j += 1
                    continue
                items.append(mention)
                j = mention.last
            elif plural or self.tokens[j].word == "," or (self.tokens[j].word.isupper() and self.tokens[j].is_word):
                j += 1
            else:
                break  # "cấp Bộ: thực hiện theo ...": without "các", a list is its items alone ("- Sở: NN&MT, TC, GD&ĐT")
        return items


# Boards and councils that every agency has: the body named right after one is its parent
# ("Ban Thi đua - Khen thưởng Tổng Liên đoàn Lao động Việt Nam", Luật Thi đua, khen thưởng 2022, Điều 83).
_BOARDS = frozenset(("Hội đồng Thi đua - Khen thưởng", "Ban Thi đua - Khen thưởng", "Văn phòng"))


def share_places(mentions: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
    """In "Tỉnh ủy, HĐND, UBND tỉnh Điện Biên" the last body's province is every body's."""
    out = list(mentions)
    for k in range(len(out) - 2, -1, -1):
        here, nxt = out[k], out[k + 1]
        if here.placed or not nxt.province:
            continue
        between = [t.low for t in tokens[here.last : nxt.first]]
        if not between or any(w not in (",", "và") for w in between):
            continue
        out[k] = Mention(here.first, here.last, here.text, nxt.province, False, here.unit)
    return out
