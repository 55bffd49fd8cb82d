"""The project's knowledge as data files: gazetteers, taxonomies, trigger words, code tables.

Every file here is read through this module. A TSV file's first non-comment line names its
columns and each row becomes a dict (short rows padded with ""); a word list holds one entry a
line. In both, lines starting with "#" are comments and blank lines are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


def text(name: str) -> str:
    """The whole text of the data file `name` ("queries.sql")."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def lines(name: str) -> list[str]:
    """The lines of a data file that are neither blank nor comments, as written."""
    return [ln for ln in text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of a TSV data file as dicts keyed by its header row.

    >>> next(rows("doc_types.tsv"))["code"]
    'QĐ'
    """
    found = lines(name)
    header = found[0].split("\t")
    for line in found[1:]:
        cells = line.split("\t")
        yield dict(zip(header, cells + [""] * (len(header) - len(cells))))


def words(name: str) -> list[str]:
    """The entries of a word list, one a line, stripped ("Nguyễn", "Trần" ...), in file order."""
    return [ln.strip() for ln in lines(name)]


def exists(name: str) -> bool:
    """Whether the data file `name` is there."""
    return resources.files(__name__).joinpath(name).is_file()
