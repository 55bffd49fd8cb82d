"""Lists of phrases (gazetteers, word lists) compiled into one regex that reads them as a trie.

An alternation of hundreds of phrases ("ủy ban nhân dân|ủy ban|sở|...") makes the regex engine
try every phrase at every position of a text; a trie tries one branch per character. Both find
the same matches: at each step the longer phrase is tried first, so where several phrases match,
the longest one that the rest of the pattern accepts wins, as in an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


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
    normalize.plain_words() text: a fast necessary test before a regex over the folded text."""
    return re.compile((" (?:" + trie_pattern(sequences) + ") ").encode("ascii"))


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
    alternatives = [
        (space if ch == " " else re.escape(ch)) + _branches(node[ch], space) for ch in sorted(node) if ch
    ]
    if not alternatives:
        return ""
    body = "(?:" + "|".join(alternatives) + ")" if len(alternatives) > 1 else alternatives[0]
    if "" in node:
        return f"(?:{body})?"  # the phrase may end here: the longer ones are tried first
    return body
