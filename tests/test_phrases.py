"""Phrase lists as one trie-shaped regex: the same matches as an alternation sorted longest first."""

from __future__ import annotations

import re

import pytest

from miner.normalize import plain_words, word_bytes
from miner.phrases import longest_phrase, trie_pattern, word_starts, word_trie, words_re

BODIES = ["ủy ban", "ủy ban nhân dân", "ubnd", "sở", "sở tư pháp", "bộ", "ban", "ban chỉ đạo", "tp", "tp."]


def alternation(phrases: list[str], space: str) -> str:
    """The pattern the trie replaces: every phrase, the longest first."""
    return "|".join(re.escape(p).replace(r"\ ", space) for p in sorted(phrases, key=len, reverse=True))


CASES = [
    ("longest-wins", "ủy ban nhân dân tỉnh và ủy ban mặt trận", ["ủy ban nhân dân", "ủy ban"]),
    ("prefix-not-a-word", "sở tư pháp, sởi, bộ, bộ đội", ["sở tư pháp", "bộ", "bộ"]),
    ("back-off-when-the-longer-fails", "ban chỉ đạoxyz ban chỉ đạo", ["ban", "ban chỉ đạo"]),
    ("spaces-stretch", "ủy  ban\tnhân dân", ["ủy  ban\tnhân dân"]),
    ("punctuation", "tp. hồ chí minh, tp huế", ["tp.", "tp"]),
    ("nothing", "kế hoạch thi đua năm 2024", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_trie_finds_what_the_sorted_alternation_finds(text, expected):
    trie = re.compile(r"(?<!\w)(?:" + trie_pattern(BODIES, space=r"\s+") + r")(?!\w)")
    plain = re.compile(r"(?<!\w)(?:" + alternation(BODIES, r"\s+") + r")(?!\w)")
    assert [m.group() for m in trie.finditer(text)] == [m.group() for m in plain.finditer(text)] == expected


def test_trie_backtracks_to_a_shorter_phrase_when_the_pattern_goes_on():
    # "quyet dinh" is tried first; the number must follow "so" whichever type word matched.
    types = ["quyet dinh", "quyet", "nghi dinh"]
    pattern = r"(" + trie_pattern(types) + r")\s+so\s+(\d+)"
    plain = r"(" + alternation(types, r"\ ") + r")\s+so\s+(\d+)"
    text = "quyet dinh so 354, quyet so 12 va nghi dinh so 91"
    assert (
        [m.groups() for m in re.finditer(pattern, text)]
        == [m.groups() for m in re.finditer(plain, text)]
        == [
            ("quyet dinh", "354"),
            ("quyet", "12"),
            ("nghi dinh", "91"),
        ]
    )


def test_an_empty_list_matches_nothing():
    assert re.search(trie_pattern([]), "bất cứ gì") is None


WORDS_CASES = [
    ("whole-words", "Tặng Bằng khen của Chủ tịch UBND tỉnh", True),
    ("across-punctuation", "Bằng, khen", True),
    ("across-spaces-and-punctuation", "Bằng -  khen", True),
    ("not-inside-a-word", "Bằng khenthưởng", False),
    ("not-a-prefix-of-a-word", "Tổng Bằng khen", True),
    ("acronym", "đạt danh hiệu CSTĐ", True),
    ("nothing", "Kế hoạch năm 2024", False),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in WORDS_CASES], ids=[c[0] for c in WORDS_CASES])
def test_words_re_finds_word_sequences_in_plain_words_and_word_bytes(text, expected):
    pattern = words_re(["bang khen", "cstd", "huan chuong"])
    assert (bool(pattern.search(plain_words(text))), bool(pattern.search(word_bytes(text)))) == (expected, expected)


GIVING = ["tặng", "truy tặng", "công nhận", "đề nghị", r"bầu(?!\s+cử)", r"năm(?:\s+học)?\s+(\d{4})"]
WORD_START_CASES = [
    ("whole-words", "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen, truy tặng liệt sĩ", ["đề nghị", "tặng", "truy tặng"]),
    ("inside-a-word", "mặt trận, cấp tặngxyz, khôngtặng; công nhận", ["công nhận"]),
    ("alternative-order", "bầu cử, bầu chọn; năm học 2023, năm 2024", ["bầu", "năm học 2023", "năm 2024"]),
    ("at-the-start", "tặng cho", ["tặng"]),
    ("nothing", "kế hoạch thi đua", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in WORD_START_CASES], ids=[c[0] for c in WORD_START_CASES])
def test_word_starts_finds_what_the_look_behind_first_finds(text, expected):
    fast = re.compile("(?:" + word_starts(GIVING) + r")(?!\w)")
    plain = re.compile(r"(?<!\w)(?:" + "|".join(GIVING) + r")(?!\w)")
    found = [(m.span(), m.groups()) for m in fast.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert [text[start:end] for (start, end), _ in found] == expected


def test_word_starts_wants_a_letter_first():
    with pytest.raises(ValueError):
        word_starts([r"\d+"])


def test_word_trie_reads_the_longest_phrase_passing_over_joiners() -> None:
    trie = word_trie([(("ủy", "ban"), "ủy ban"), (("ủy", "ban", "nhân", "dân"), "UBND"), (("ủy", "ban"), "later")])
    words = ["ủy", "ban", ",", "nhân", "dân", "tỉnh"]
    assert longest_phrase(words, 0, trie) == (2, "ủy ban")  # the first value of a phrase wins
    assert longest_phrase(words, 0, trie, skip={","}) == (5, "UBND")
    assert longest_phrase(words, 1, trie) is None
    assert longest_phrase(["ủy", ","], 0, trie, skip={","}) is None  # a joiner never ends a phrase
    assert longest_phrase(words, 6, trie) is None
