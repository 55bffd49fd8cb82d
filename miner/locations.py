"""Provinces, districts and communes, including the provinces merged on 1 July 2025."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .document import Document
from .normalize import fold
from .record import Header, Location, Organization


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # "tỉnh" or "thành phố"
    merged_into: str | None
    aliases: tuple[str, ...]


def data_rows(name: str):
    """The rows of a TSV file in miner/data/ as dicts; '#' lines are comments, the first row names the columns."""
    text = resources.files("miner").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    for ln in lines[1:]:
        cells = ln.split("\t")
        yield dict(zip(header, cells + [""] * (len(header) - len(cells))))


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """Every province and centrally-run city, before and after the 2025 mergers."""
    return tuple(
        Province(
            name=row["name"],
            kind=row["kind"],
            merged_into=row["merged_into"] or None,
            aliases=tuple(a for a in row["aliases"].split(";") if a),
        )
        for row in data_rows("provinces.tsv")
    )


@lru_cache(maxsize=1)
def province_index() -> tuple[re.Pattern, dict[str, Province]]:
    by_folded: dict[str, Province] = {}
    for prov in provinces():
        for written in (prov.name, *prov.aliases):
            by_folded.setdefault(fold(written), prov)
    alternatives = sorted(by_folded, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)")
    return pattern, by_folded


def _capitalised(mention: str) -> bool:
    """"Hòa Bình" names a province, "hòa bình" (peace) does not."""
    words = [w for w in re.split(r"[\s\-–.]+", mention) if w]
    return all(w[0].isupper() for w in words)


def find_provinces(text: str) -> list[tuple[int, int, Province]]:
    """Each capitalised mention of a province: (start, end, province), offsets in `text`."""
    pattern, by_folded = province_index()
    found = []
    for m in pattern.finditer(fold(text)):
        mention = text[m.start() : m.end()]
        if _capitalised(mention):
            found.append((m.start(), m.end(), by_folded[m.group(1)]))
    return found


def province_of(text: str) -> str | None:
    """The first province named in `text`, by its own name ("UBND TỈNH ĐẮK NÔNG" -> "Đắk Nông")."""
    found = find_provinces(text)
    return found[0][2].name if found else None


def find_locations(
    doc: Document, header: Header, organizations: tuple[Organization, ...]
) -> tuple[Location, ...]:
    return ()
