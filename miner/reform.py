"""Where each place named in a document lies since 1 July 2025, when districts were abolished and
communes and wards merged (10,000+ into 3,321; Nghị quyết 202/2025/QH15 for the provinces).

A commune's new commune comes from `underthesea.convert_address` (its bundled table, offline), asked
only with what the text makes certain: the district and province written after the commune
("phường Nghĩa Đức, thành phố Gia Nghĩa, tỉnh Đắk Nông" -> "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"),
else the province the document is about, when the commune's name is not shared by two communes of
that province that went to different places. A commune split between several new ones, or named
apart from anything telling where it is, keeps `now_in` None (or its province, when that is known).
Provinces and districts lie in the province `miner.locations.now_in` gives.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import cast

from .document import Document
from .locations import District, Province, districts, places_in, provinces
from .normalize import fold
from .record import Header, Location

COMMUNE_LEVELS = frozenset({"xã", "phường", "thị trấn"})
DISTRICT_LEVELS = frozenset({"huyện", "quận", "thị xã", "thành phố"})

# What may stand between a commune and the district or province written after it: ", huyện ",
# " - tỉnh ", " thuộc thành phố ", ", TP. ", ", ".
_CHAIN_GAP_RE = re.compile(
    r"\s*(?:[,\-–]\s*)?(?:thuộc\s+)?(?P<level>(?:huyện|quận|thị xã|thành phố|tp\.?|tỉnh)\s*)?", re.IGNORECASE
)
# Documents from this day on name the new communes already.
REFORM_DAY = "2025-07-01"


@lru_cache(maxsize=1)
def _provinces_by_name() -> dict[str, Province]:
    return {p.name: p for p in provinces()}


@lru_cache(maxsize=1)
def _districts_by_province() -> dict[str, tuple[District, ...]]:
    found: dict[str, list[District]] = {}
    for district in districts():
        found.setdefault(district.province, []).append(district)
    return {name: tuple(ds) for name, ds in found.items()}


@lru_cache(maxsize=1)
def _districts_by_folded_name() -> dict[str, tuple[District, ...]]:
    found: dict[str, list[District]] = {}
    for district in districts():
        found.setdefault(fold(district.name), []).append(district)
    return {name: tuple(ds) for name, ds in found.items()}


def province_now(province: str | None) -> str | None:
    """The province a place of `province` lies in since 1 July 2025, written out ("Đắk Nông" ->
    "tỉnh Lâm Đồng", "Hà Nội" -> "thành phố Hà Nội"); None for a name that is no province."""
    prov = _provinces_by_name().get(province or "")
    if prov is None:
        return None
    now = _provinces_by_name().get(prov.merged_into or prov.name, prov)
    return f"{now.kind} {now.name}"


def _written(level: str, name: str) -> str:
    """ "phường Nghĩa Đức"; "Phường 5" stays as it is."""
    return name if fold(name).startswith(fold(level) + " ") else f"{level} {name}"


def _lower_level(unit: str) -> str:
    """ "Tỉnh Lâm Đồng" -> "tỉnh Lâm Đồng", "Thành phố Hà Nội" -> "thành phố Hà Nội"."""
    return unit[:1].lower() + unit[1:]


@lru_cache(maxsize=128)
def _address_province(province: str) -> Province | None:
    """The province as underthesea's table knows it: itself, or what it was renamed to before 2025
    (Thừa Thiên Huế is the city of Huế since 1 January 2025)."""
    from underthesea import convert_address
    from underthesea.address import ConversionStatus

    prov = _provinces_by_name().get(province)
    if prov is None:
        return None
    for unit in (prov, _provinces_by_name().get(prov.merged_into or "")):
        if unit is not None and convert_address(f"{unit.kind} {unit.name}").status != ConversionStatus.NOT_FOUND:
            return unit
    return None


@lru_cache(maxsize=4096)
def commune_now(level: str, name: str, province: str, district: str | None = None) -> str | None:
    """Where the commune `level name` of `province` (of `district`, when the text says so) lies
    since 1 July 2025: "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"; None when underthesea does not know
    the commune, when it was split between several new communes, or, without a district, when the
    province had two communes of that name that went to different places."""
    prov = _address_province(province)
    if prov is None or level not in COMMUNE_LEVELS:
        return None
    ward = _written(level, name)
    where = f"{prov.kind} {prov.name}"
    anywhere = _answer(f"{ward}, {where}")
    if anywhere is None:
        return None
    if district is not None:
        # the last district of that name in the province (as a dict by name would keep)
        unit = next((d for d in reversed(_districts_by_province().get(prov.name, ())) if d.name == district), None)
        chosen = _answer(_address(ward, unit, where)) if unit is not None else None
        if chosen is not None:
            return chosen[2]
    return anywhere[2] if _said_alike(ward, prov.name, where, anywhere[:2]) else None


# What underthesea answers for an address it converts: (new commune, new province, what commune_now
# says: None for a commune split between several new ones or known by its new province only).
_Answer = tuple[str, str, str | None]


def _address(ward: str, district: District | None, where: str) -> str:
    return f"{ward}, {district.level} {district.name}, {where}" if district else f"{ward}, {where}"


def _answer_of(address: str) -> _Answer | None:
    """underthesea's answer for `address`, None unless it converted it."""
    from underthesea import convert_address
    from underthesea.address import ConversionStatus, MappingType

    result = convert_address(address)
    if result.status != ConversionStatus.SUCCESS:
        return None
    new = result.new
    split = result.mapping_type == MappingType.DIVIDED or not new.ward
    # (underthesea knows some communes' new province only: ", tỉnh Quảng Ngãi")
    return new.ward, new.province, None if split else f"{new.ward}, {_lower_level(new.province)}"


# The questions a commune asks more than once (the same commune in another span or with its district).
_answer = lru_cache(maxsize=8192)(_answer_of)


@lru_cache(maxsize=4096)
def _said_alike(ward: str, province: str, where: str, anywhere: tuple[str, str]) -> bool:
    """Whether underthesea puts the commune `ward` of `province` in the new commune `anywhere` (new
    commune, new province: its answer without a district) whichever district of the province it is
    asked with. convert_address matches province, district and commune, else province and commune
    alone and then takes the first of several: asked once per district of the province, its answers
    differ exactly when the commune's name does not tell where it lies."""
    for district in _districts_by_province().get(province, ()):
        answer = _answer_of(_address(ward, district, where))
        if answer is not None and answer[:2] != anywhere:
            return False
    return True


def _chain_after(text: str, end: int) -> tuple[District | None, str | None]:
    """The district and province written right after a commune that ends at `end` in `text`
    ("..., thành phố Gia Nghĩa, tỉnh Đắk Nông"): (District or None, province name or None).

    A name without its level ("xã A, Thạnh Phú, ...": a list of communes, or a district?) counts
    only between a commune and a province with its level, or after a district ("phường 22, Bình
    Thạnh, TP. Hồ Chí Minh"; "xã Nam Chính, huyện Nam Sách, Hải Dương")."""
    district: District | None = None
    district_level = False
    province: str | None = None
    province_level = False
    for start, stop, name, level, of in sorted(p for p in places_in(text) if p[0] >= end):
        # every part of the pattern is optional: it matches at any position
        gap = cast(re.Match[str], _CHAIN_GAP_RE.match(text, end))
        # the place starts after the gap, or at its level word ("Thành phố Huế" is a province's name)
        if start not in (gap.end(), gap.start("level")):
            break
        if of == name and level in ("tỉnh", "thành phố"):
            province, province_level = name, bool(gap.group("level"))
            break
        if district is not None or level not in DISTRICT_LEVELS:
            break
        district = _district_of(name, level, of)
        if district is None:
            break
        district_level = bool(gap.group("level"))
        end = stop
    if province is not None and district is not None and district.province != province:
        # "thành phố Huế, tỉnh Thừa Thiên Huế": the district of that name in that province, if any
        district = next(
            (d for d in _districts_by_folded_name().get(fold(district.name), ()) if d.province == province), None
        )
        if district is None and not district_level:
            return None, None  # "xã A, Thạnh Phú, Hòa Bình": a list of communes
    if province is not None and not province_level and district is None:
        province = None
    if district is not None and not district_level and province is None:
        district = None
    return district, province


def _district_of(name: str, level: str, province: str | None) -> District | None:
    """The district named `level name` (of `province`, when known), when one district answers."""
    candidates = [d for d in _districts_by_folded_name().get(fold(name), ()) if province in (None, d.province)]
    if len(candidates) > 1:
        candidates = [d for d in candidates if d.level == level]
    return candidates[0] if len(candidates) == 1 else None


def _place_of_span(
    doc: Document, loc: Location, seq: int, end: int, header: Header
) -> tuple[str | None, str | None, bool]:
    """(province, district, written) for one mention of a commune: what the text after it says,
    else the province the place or the document is about (`written` False)."""
    district, province = _chain_after(doc.paragraphs[seq].text, end)
    if district is not None and province is None:
        # "xã Đắk Ha, huyện Đắk Glong": the district's province, when the document's province has a
        # district of that name or no other province has one
        named = _districts_by_folded_name().get(fold(district.name), ())
        in_doc = [d for d in named if d.province == header.province]
        district = in_doc[0] if in_doc else (district if len(named) == 1 else None)
        province = district.province if district else None
    if province is not None:
        return province, district.name if district else None, True
    return loc.province or header.province, None, False


def _relocated(doc: Document, header: Header, loc: Location) -> Location:
    if loc.level not in COMMUNE_LEVELS:
        if loc.level == "tỉnh" or (loc.province and fold(loc.name) == fold(loc.province)):
            return replace(loc, now_in=province_now(loc.province or loc.name))
        if loc.level in DISTRICT_LEVELS and loc.province:
            return replace(loc, now_in=province_now(loc.province))
        return loc
    if _after_reform(header):
        return loc  # the document names the communes of today already
    written: set[tuple[str, str | None]] = set()
    guessed: set[tuple[str, str | None]] = set()
    for span in loc.spans:
        province, district, is_written = _place_of_span(doc, loc, span.paragraph, span.end, header)
        if province is not None:
            (written if is_written else guessed).add((province, district))
    for places, certain in ((written, True), (guessed, False)):
        answers = {(p, commune_now(loc.level, loc.name, p, d)) for p, d in places}
        found = {a for a in answers if a[1] is not None}
        if len(found) == 1:
            ((province, now),) = found
            return _with_province(loc, province, now)
        if len(found) > 1:
            return loc  # two communes of this name, in different places
        provinces_named = {p for p, _ in answers}
        if certain and len(provinces_named) == 1:
            (province,) = provinces_named
            return _with_province(loc, province, province_now(province))
    return loc


def _after_reform(header: Header) -> bool:
    """Whether the document was written on or after 1 July 2025 (by its date, else its year)."""
    if header.issued_date:
        return header.issued_date >= REFORM_DAY
    return header.year is not None and header.year > int(REFORM_DAY[:4])


def _with_province(loc: Location, province: str, now: str | None) -> Location:
    """`loc` with its (old) province filled when it had none, and where it lies now."""
    if loc.province is not None and loc.province != province:
        return loc
    merged = _provinces_by_name()[province].merged_into
    return replace(loc, province=province, merged_into=loc.merged_into or merged, now_in=now)


@lru_cache(maxsize=1)
def load_address_table() -> None:
    """Have underthesea load its table of the reform now (it does on its first question: ~40 ms, and
    some 10^5 objects that each pass of the cycle collector then visits; importing underthesea
    costs ~0.3 CPU s more).

    What warms up ingest's workers (miner.ingest.warm) calls it: its forkserver (miner/warm.py) loads
    the table once for every worker, which share its pages and whose collectors skip it
    (gc.freeze), instead of each worker at its first commune. relocate() does not: a text that
    names no commune never asks for the table."""
    from underthesea import convert_address

    convert_address("tỉnh Đắk Nông")


def relocate(doc: Document, header: Header, locations: tuple[Location, ...]) -> tuple[Location, ...]:
    """The locations, each with `now_in`: where it lies since 1 July 2025 (see the module)."""
    return tuple(_relocated(doc, header, loc) for loc in locations)
