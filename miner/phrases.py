"""Lists of phrases (gazetteers, word lists) read as tries: compiled into one regex over characters,
or kept as a trie of words that a tokenizer's words are looked up in.

An alternation of hundreds of phrases ("ủy ban nhân dân|ủy ban|sở|...") makes the regex engine
try every phrase at every position of a text; a trie tries one branch per character. Both find
the same matches: at each step the longer phrase is tried first, so where several phrases match,
the longest one that the rest of the pattern accepts wins, as in an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import Any


def trie_pattern(phrases: Iterable[str], space: str = r"\ ") -> str:
    """A regex (no groups) matching any of `phrases`; a space in a phrase matches `space`.

    >>> trie_pattern(["bộ", "ban", "bang"])
    'b(?:an(?:g)?|ộ)'
    """
    root: dict[str, dict] = {}
    for phrase in filter(None, phrases):
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(root, space) or "(?!)"


def words_re(sequences: Iterable[str]) -> re.Pattern[bytes]:
    """A bytes regex finding any of `sequences` ("bang khen", "ahld") as whole words of a
    normalize.word_bytes() or plain_words() text (its words apart by one space or more): a fast
    necessary test before a regex over the folded text."""
    return re.compile((" (?:" + trie_pattern(sequences, space=" +") + ") ").encode("ascii"))


def word_starts(alternatives: Iterable[str]) -> str:
    r"""`(?<!\w)` before each of the regex `alternatives` (each starting with a plain letter), written
    so that the regex engine skips to their first letters: the letter first, then the look-behind.

    A search for "(?<!\w)(?:tặng|công nhận)" tries the look-behind at every position of a text (~100 ns
    a character); "(?:t(?<!\wt)ặng|c(?<!\wc)ông nhận)" finds the same matches, the alternatives tried
    in the same order, and the engine jumps from one "t" or "c" to the next.

    >>> word_starts(["tặng", "công nhận"])
    't(?<!\\wt)ặng|c(?<!\\wc)ông nhận'
    """
    parts = []
    for alternative in alternatives:
        first = alternative[:1]
        if not first.isalpha():
            raise ValueError(f"an alternative of word_starts() starts with a letter: {alternative!r}")
        parts.append(rf"{first}(?<!\w{first}){alternative[1:]}")
    return "|".join(parts)


def _branches(node: dict[str, dict], space: str) -> str:
    alternatives = [(space if ch == " " else re.escape(ch)) + _branches(node[ch], space) for ch in sorted(node) if ch]
    if not alternatives:
        return ""
    body = "(?:" + "|".join(alternatives) + ")" if len(alternatives) > 1 else alternatives[0]
    if "" in node:
        return f"(?:{body})?"  # the phrase may end here: the longer ones are tried first
    return body


def word_trie(items: Iterable[tuple[Sequence[str], Any]]) -> dict:
    """Phrases as a trie of their words, each phrase given as (words, value); the first value of a
    phrase wins. The key None marks where a phrase ends (words are strings).

    >>> word_trie([(("ủy", "ban"), 1), (("ủy",), 2)])
    {'ủy': {'ban': {None: 1}, None: 2}}
    """
    trie: dict = {}
    for words, value in items:
        if words:
            node = trie
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(None, value)
    return trie


def longest_phrase(
    words: Sequence[str], i: int, trie: dict, skip: Collection[str] = (), joiner: str | None = None
) -> tuple[int, Any] | None:
    """The longest phrase of `trie` whose words start at words[i], as (end, value), or None; the
    words in `skip` (commas, dashes) are passed over between a phrase's words, never at its end;
    with `joiner`, only where the phrase has that key in its trie (a phrase written with a comma or
    a dash there: "Văn hóa, Thể thao và Du lịch", not "tỉnh, Ủy ban" for "Tỉnh ủy").

    >>> longest_phrase(["ủy", "ban", ",", "nhân"], 0, word_trie([(("ủy", "ban"), 1)]))
    (2, 1)
    """
    n = len(words)
    node = trie.get(words[i]) if i < n else None
    longest = None
    j = i + 1
    while node is not None:
        if None in node:
            longest = (j, node[None])
        here, node = node, None
        while j < n:
            word = words[j]
            if word in here:
                node = here[word]
                j += 1
                break
            if word not in skip:
                break
            j += 1
            if joiner is not None:
                if joiner not in here:
                    break
                here = here[joiner]
                while j < n and words[j] in skip:
                    j += 1
    return longest
