"""Where the places the archive names lie since 1 July 2025, as the pages show it, and the old names
of a place of today, so that a search by the new name finds the paragraphs that used the old ones.

`locations.now_in` (miner/reform.py) says where a place lies now: "Phường Bắc Gia Nghĩa, tỉnh Lâm
Đồng" for phường Nghĩa Đức of thành phố Gia Nghĩa, "tỉnh Lâm Đồng" for tỉnh Đắk Nông (whose
`merged_into` is "Lâm Đồng"). Read the other way, a search typed as a commune of today ("Bắc Gia
Nghĩa", "phường Bắc Gia Nghĩa, Lâm Đồng") names the old communes now in it, and one typed as a
province of today ("Lâm Đồng") the provinces merged into it (not their districts and communes:
the documents of those name their province too). The paragraphs naming them are read from
`location_mentions`, so they are the places the extraction resolved there, not every place that
bears the name; the newest first, OLD_CANDIDATES at most.

What it costs: the names of today are read from the `now_in` index once a minute per database
(a few thousand distinct values), after which a search is a dictionary look-up; then one indexed
read of at most OLD_CANDIDATES mentions per old place (MAX_OLD_PLACES places at most), or with a
filter on the documents, of the mentions among that place's SCAN_LIMIT newest that pass it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import dataclass, field
from functools import lru_cache

from ..locations import provinces
from ..normalize import fold_key
from ..reform import COMMUNE_LEVELS, DISTRICT_LEVELS, province_now

OLD_CANDIDATES = 500
SCAN_LIMIT = 10_000
MAX_OLD_PLACES = 40
# The names of today are read again after this many seconds (an ingest may add places meanwhile).
NAMES_SECONDS = 60.0
# A place named inside a unit's name is looked for in this many of the unit's mentions.
UNIT_MENTIONS = 200

# The level words a name of today starts with ("Xã", "Phường", "Đặc khu"), and those one may type.
_NEW_LEVEL_RE = re.compile(r"^(?:xa|phuong|dac khu|thi tran) ")
_TYPED_LEVEL_RE = re.compile(r"^(?:xa|phuong|dac khu|thi tran|thi xa|huyen|quan|tinh|thanh pho|tp) ")


@dataclass(frozen=True)
class Place:
    """A row of `locations`, as the pages show it."""

    id: int | None
    name: str
    level: str | None
    province: str | None
    merged_into: str | None
    now_in: str | None

    @classmethod
    def of(cls, row) -> Place:
        return cls(row["id"], row["name"], row["level"], row["province"], row["merged_into"], _whole(row["now_in"]))

    @property
    def written(self) -> str:
        """ "phường Nghĩa Đức", "tỉnh Đắk Nông"; "Phường 7" as it is."""
        return written(self.level, self.name)

    @property
    def moved_to(self) -> str | None:
        """Where the place lies since 1 July 2025, when that is not the place itself."""
        return now_shown(self.level, self.name, self.now_in)

    @property
    def news(self) -> bool:
        """Whether where it lies now is news: a commune of today, or a province it was merged into
        (not a district's own province: "huyện Kim Sơn" lies in tỉnh Ninh Bình as it did)."""
        moved = self.moved_to
        if not moved:
            return False
        return ", " in moved or bool(self.merged_into)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "level": self.level,
            "province": self.province,
            "written": self.written,
            "now_in": self.now_in,
            "moved_to": self.moved_to,
        }


def written(level: str | None, name: str) -> str:
    if not level or fold_key(name).startswith(fold_key(level) + " "):
        return name
    return f"{level} {name}"


def now_shown(level: str | None, name: str, now_in: str | None) -> str | None:
    """`now_in` unless it names the place itself (a province that kept its name: "tỉnh Hà Tĩnh")."""
    if not now_in or fold_key(now_in) == fold_key(written(level, name)):
        return None
    return now_in


def _whole(now_in: str | None) -> str | None:
    """A `now_in` without a commune before its comma (", tỉnh Quảng Ngãi": underthesea knew the
    province only) as the province alone."""
    if now_in and now_in.startswith(","):
        return now_in.lstrip(", ") or None
    return now_in


def new_unit(now_in: str) -> str:
    """The commune, ward or province of a `now_in` without its province: "Phường Bắc Gia Nghĩa"."""
    return now_in.split(", ")[0]


# ---------------------------------------------------------------- the names of today

_NOW_IN_SQL = "select distinct now_in from locations where now_in is not null"
_cache: dict[str, tuple[float, dict[str, tuple[str, ...]]]] = {}


def _commune_keys(now_in: str) -> set[str]:
    """What one may type for a commune of today: "bac gia nghia", "phuong bac gia nghia lam dong" ..."""
    unit, _, province = now_in.partition(", ")
    unit_key = fold_key(unit)
    name_key = _NEW_LEVEL_RE.sub("", unit_key)
    province_key = fold_key(province)
    province_name = _TYPED_LEVEL_RE.sub("", province_key)
    return {f"{u} {p}".strip() for u in (unit_key, name_key) for p in ("", province_key, province_name)}


def commune_names(conn: sqlite3.Connection, cache_key: str) -> dict[str, tuple[str, ...]]:
    """The communes of today the stored places lie in, by what one may type for them: folded key ->
    the `now_in` values ("bac gia nghia" -> ("Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng",)). Read from the
    `now_in` index, at most once every NAMES_SECONDS per database."""
    cached = _cache.get(cache_key)
    if cached and time.monotonic() - cached[0] < NAMES_SECONDS:
        return cached[1]
    found: dict[str, set[str]] = {}
    try:
        values = [r[0] for r in conn.execute(_NOW_IN_SQL)]
    except sqlite3.OperationalError:  # a database of an older schema: no now_in
        values = []
    for now_in in values:
        if ", " in now_in and not now_in.startswith(","):  # a commune's, not a province's
            for key in _commune_keys(now_in):
                found.setdefault(key, set()).add(now_in)
    names = {k: tuple(sorted(v)) for k, v in found.items()}
    _cache[cache_key] = (time.monotonic(), names)
    return names


@lru_cache(maxsize=1)
def _merged_provinces() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The provinces others were merged into, by what one may type for them: folded key ->
    ("tỉnh Lâm Đồng", ("Bình Thuận", "Đắk Nông"))."""
    by_name = {p.name: p for p in provinces()}
    merged: dict[str, list[str]] = {}
    for p in provinces():
        if p.merged_into and p.merged_into in by_name and p.merged_into != p.name:
            merged.setdefault(p.merged_into, []).append(p.name)
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name, olds in merged.items():
        p = by_name[name]
        for typed in (p.name, f"{p.kind} {p.name}", *p.aliases):
            out[fold_key(typed)] = (f"{p.kind} {p.name}", tuple(sorted(olds)))
    return out


# ---------------------------------------------------------------- the old names of a place typed

_PLACE_COLUMNS = "id, name, level, province, merged_into, now_in"
_BY_NOW_IN_SQL = f"""
select {_PLACE_COLUMNS} from locations
where now_in in (select value from json_each(:now_in)) and level in ('xã', 'phường', 'thị trấn')
order by now_in, name limit :limit
"""
_PROVINCE_ROWS_SQL = f"select {_PLACE_COLUMNS} from locations where key in (select value from json_each(:keys))"


@dataclass(frozen=True)
class OldNames:
    """The places of today a search names, the old places now in them, and the paragraphs naming those."""

    new: tuple[str, ...]
    places: tuple[Place, ...]
    paragraphs: dict[int, tuple[Place, ...]] = field(default_factory=dict)
    bounded: bool = False  # some old places or some of their mentions were left out

    def as_dict(self) -> dict:
        return {
            "new": list(self.new),
            "places": [p.as_dict() for p in self.places],
            "paragraphs": len(self.paragraphs),
            "bounded": self.bounded,
        }


def old_places(conn: sqlite3.Connection, cache_key: str, typed: str) -> OldNames | None:
    """The old places that now lie in the commune or province `typed` names, or None when it names none."""
    key = fold_key(typed)
    if not key:
        return None
    now_ins = commune_names(conn, cache_key).get(key, ())
    places = _communes_now_in(conn, now_ins)
    new = list(now_ins)
    province = _merged_provinces().get(key)
    if province:
        new.append(province[0])
        places += _provinces_named(conn, province[1])
    if not places:
        return None
    return OldNames(new=tuple(new), places=tuple(places[:MAX_OLD_PLACES]), bounded=len(places) > MAX_OLD_PLACES)


def _communes_now_in(conn: sqlite3.Connection, now_ins) -> list[Place]:
    """The old communes that lie in these places of today (MAX_OLD_PLACES + 1 at most), but those
    that bear the new one's name (found by the name itself)."""
    if not now_ins:
        return []
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        _BY_NOW_IN_SQL, {"now_in": json.dumps(list(now_ins), ensure_ascii=False), "limit": MAX_OLD_PLACES + 1}
    ).fetchall()
    places = [Place.of(r) for r in rows]
    # now_in is None only where _whole() found a lone comma: no name of today to compare with
    return [
        p for p in places if p.now_in is None or fold_key(p.name) != _NEW_LEVEL_RE.sub("", fold_key(new_unit(p.now_in)))
    ]


def _provinces_named(conn: sqlite3.Connection, names) -> list[Place]:
    """The stored rows of these provinces (their key is "name|tỉnh|name", folded)."""
    conn.row_factory = sqlite3.Row
    keys = [f"{fold_key(n)}|tỉnh|{fold_key(n)}" for n in names]
    return [Place.of(r) for r in conn.execute(_PROVINCE_ROWS_SQL, {"keys": json.dumps(keys, ensure_ascii=False)})]


# ---------------------------------------------------------------- a place's page


@dataclass(frozen=True)
class PlaceNow:
    """A place, with what else lies where it lies now, or the old places that lie in it."""

    place: Place
    same_now: tuple[Place, ...] = ()  # other old places now in the same commune (or province)
    old_places: tuple[Place, ...] = ()  # when it is a place of today: the old places now in it

    @property
    def unchanged(self) -> bool:
        """A province (or a commune after the reform) that is where it was."""
        return self.place.now_in is not None and self.place.moved_to is None

    @property
    def new_name(self) -> str | None:
        """The name of today to search by: the place itself when old places lie in it, else where it
        lies now when that is news (a commune of today, the province it was merged into)."""
        if self.old_places:
            return self.place.written
        moved = self.place.moved_to
        return new_unit(moved) if moved and self.place.news else None

    def as_dict(self) -> dict:
        return {
            "moved_to": self.place.moved_to,
            "unchanged": self.unchanged,
            "new_name": self.new_name,
            "same_now": [p.as_dict() for p in self.same_now],
            "old_places": [p.as_dict() for p in self.old_places],
        }


def place_now(conn: sqlite3.Connection, cache_key: str, place: Place) -> PlaceNow:
    """Where a place lies now and what else lies there; or, for a commune or province of today, the
    old places now in it. Indexed reads only (now_in, key)."""
    local = _local(place)
    if local == 0 and place.moved_to and ", " in place.moved_to:
        same = [p for p in _communes_now_in(conn, (place.now_in,)) if p.id != place.id]
        return PlaceNow(place, same_now=tuple(same[:MAX_OLD_PLACES]))
    if local == 2 and place.merged_into:
        others = [p.name for p in provinces() if p.merged_into == place.merged_into and p.name != place.name]
        return PlaceNow(place, same_now=tuple(_provinces_named(conn, others)))
    if local == 2:
        merged = _merged_provinces().get(fold_key(place.name))
        return PlaceNow(place, old_places=tuple(_provinces_named(conn, merged[1])) if merged else ())
    if local == 0:
        # a commune of today (it lies in no other commune): the new communes of its name, in its province when that is known
        now_ins = commune_names(conn, cache_key).get(fold_key(place.written), ())
        if place.province:
            province = province_now(place.province)
            now_ins = tuple(n for n in now_ins if province and fold_key(n).endswith(fold_key(province)))
        if len(now_ins) == 1:
            olds = [p for p in _communes_now_in(conn, now_ins) if p.id != place.id]
            return PlaceNow(place, old_places=tuple(olds[:MAX_OLD_PLACES]))
    return PlaceNow(place)


_MENTIONS_SQL = """
select paragraph_id from location_mentions
where location_id = :place and paragraph_id is not null
order by id desc limit :limit
"""
_MENTION_FLOOR_SQL = (
    "select id from location_mentions where location_id = :place order by id desc limit 1 offset :offset"
)
_FILTERED_MENTIONS_SQL = """
select m.paragraph_id from location_mentions m join documents d on d.id = m.document_id
where m.location_id = :place and m.id >= :floor and m.paragraph_id is not null and {where}
order by m.id desc limit :limit
"""


def naming_paragraphs(conn: sqlite3.Connection, old: OldNames, where: tuple[str, dict] | None) -> OldNames:
    """`old` with the newest paragraphs naming its places (within the filter on the documents `d`)."""
    found: dict[int, list[Place]] = {}
    bounded = old.bounded
    for place in old.places:
        if where is None:
            rows = conn.execute(_MENTIONS_SQL, {"place": place.id, "limit": OLD_CANDIDATES}).fetchall()
            bounded = bounded or len(rows) == OLD_CANDIDATES
        else:
            sql, params = where
            floor_row = conn.execute(_MENTION_FLOOR_SQL, {"place": place.id, "offset": SCAN_LIMIT - 1}).fetchone()
            floor = floor_row[0] if floor_row else 0
            rows = conn.execute(
                _FILTERED_MENTIONS_SQL.format(where=sql),
                {**params, "place": place.id, "floor": floor, "limit": OLD_CANDIDATES},
            ).fetchall()
            bounded = bounded or bool(floor) or len(rows) == OLD_CANDIDATES
        for (paragraph_id,) in rows:
            named = found.setdefault(paragraph_id, [])
            if place not in named:
                named.append(place)
    newest = sorted(found, reverse=True)[:OLD_CANDIDATES]
    bounded = bounded or len(found) > OLD_CANDIDATES
    return OldNames(new=old.new, places=old.places, paragraphs={i: tuple(found[i]) for i in newest}, bounded=bounded)


# ---------------------------------------------------------------- a place typed by its old name

_BY_NAME_SQL = (
    f"select {_PLACE_COLUMNS} from locations where key >= :low and key < :high and now_in is not null limit 50"
)


def typed_old_places(conn: sqlite3.Connection, typed: str) -> list[Place]:
    """The stored places named as typed ("Nghĩa Đức", "phường Nghĩa Đức") whose place now is news,
    read from the locations' key index (a key starts with the folded name)."""
    key = fold_key(typed)
    level_typed = _TYPED_LEVEL_RE.match(key)
    name = key[level_typed.end() :] if level_typed else key
    if not name or "|" in name:
        return []
    conn.row_factory = sqlite3.Row
    places = [Place.of(r) for r in conn.execute(_BY_NAME_SQL, {"low": name + "|", "high": name + "}"})]
    if level_typed:
        places = [p for p in places if fold_key(written(p.level, p.name)) == key or fold_key(p.name) == key]
    return [p for p in places if p.news]


# ---------------------------------------------------------------- a place in a unit's name

_IN_UNIT_SQL = f"""
select distinct {", ".join("l." + c for c in _PLACE_COLUMNS.split(", "))}
from (select paragraph_id, start, [end] from organization_mentions
      where organization_id = :unit and paragraph_id is not null limit :mentions) as om
join location_mentions lm on lm.paragraph_id = om.paragraph_id and lm.start >= om.start and lm.[end] <= om.[end]
join locations l on l.id = lm.location_id
"""


def places_in_unit(conn: sqlite3.Connection, unit_id: int, unit_name: str, unit_province: str | None) -> list[Place]:
    """The places named inside a unit's name whose place now is news (Place.news), the most local level only
    ("Ủy ban nhân dân phường Nghĩa Đức": phường Nghĩa Đức; "Kho bạc Nhà nước tỉnh Đắk Nông": tỉnh Đắk
    Nông). Read from the places marked within the unit's first UNIT_MENTIONS mentions; else, a
    merged province in the unit's own name."""
    conn.row_factory = sqlite3.Row
    found = [Place.of(r) for r in conn.execute(_IN_UNIT_SQL, {"unit": unit_id, "mentions": UNIT_MENTIONS})]
    moved = [p for p in found if p.news and _local(p) is not None]
    if not moved and unit_province:
        p = next((p for p in provinces() if p.name == unit_province), None)
        if p is not None and p.merged_into and fold_key(p.name) in fold_key(unit_name):
            target = next((q for q in provinces() if q.name == p.merged_into), None)
            now_in = f"{target.kind} {target.name}" if target else p.merged_into
            moved = [Place(None, p.name, "tỉnh", p.name, p.merged_into, now_in)]
    if not moved:
        return []
    best = min(local for p in moved if (local := _local(p)) is not None)  # each has one: filtered so, or a province
    return sorted({p for p in moved if _local(p) == best}, key=lambda p: (p.now_in or "", p.name))


def _local(place: Place) -> int | None:
    """0 for a commune, 1 for a district, 2 for a province (a city of the centre too), None else."""
    if place.level in COMMUNE_LEVELS:
        return 0
    if place.level == "tỉnh" or (place.province and fold_key(place.name) == fold_key(place.province)):
        return 2
    return 1 if place.level in DISTRICT_LEVELS else None
