"""The trigger words of awards (data/award_words.tsv) and the offices that grant them
(data/grantor_offices.tsv), as the regex alternations the other modules of the package build on."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import data
from ..normalize import fold


@cache
def award_words(name: str) -> tuple[str, ...]:
    """One list of data/award_words.tsv ("give", "propose" ...), its entries as written, in file order."""
    found = tuple(row["entry"] for row in data.rows("award_words.tsv") if row["list"] == name)
    if not found:
        raise KeyError(f"no list {name!r} in award_words.tsv")
    return found


def alternatives(*names: str, folded: bool = False) -> str:
    """The entries of the lists `names` as a regex alternation in file order ("tặng thưởng|trao tặng|...");
    folded (marks, đ and case dropped) for the lists matched on folded text."""
    return "|".join(_escaped(names, folded))


def escaped(*names: str) -> list[str]:
    """The entries of the lists `names`, each a regex (for word_starts); an entry of "propose" that a
    phrase of "not_propose" continues does not match there: "bầu" is no "bầu cử"."""
    return _escaped(names, False)


def _escaped(names: tuple[str, ...], folded: bool) -> list[str]:
    exceptions = award_words("not_propose")
    found = []
    for name in names:
        for entry in award_words(name):
            written = fold(entry) if folded else entry
            pattern = re.escape(written)
            for phrase in exceptions:
                if phrase.startswith(entry + " "):
                    pattern += r"(?!\s+" + re.escape(phrase[len(entry) + 1 :]) + ")"
            found.append(pattern)
    return found


@lru_cache(maxsize=1)
def offices() -> tuple[tuple[str, str], ...]:
    """(office, scope) of data/grantor_offices.tsv: "central" offices head national bodies."""
    return tuple((row["office"], row["scope"]) for row in data.rows("grantor_offices.tsv"))


@lru_cache(maxsize=1)
def office_heads() -> dict[str, tuple[str, ...]]:
    """office -> the types of the bodies it heads ("Giám đốc": "Sở", "Công an" ...; empty: any)."""
    return {row["office"]: tuple(h for h in row["heads"].split(";") if h) for row in data.rows("grantor_offices.tsv")}
