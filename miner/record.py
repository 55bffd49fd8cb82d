"""What extraction produces: the spec's record (../shared/spec/extraction.md), each item
linked to the paragraph and character span it came from.

Frozen dataclasses inside; `Record.to_dict()` is the JSON edge. Keys the spec names are
always present; spans, mentions and other extras ride along (the scorer ignores them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Span:
    """Where a mention stands: paragraph `seq`, character offsets in that paragraph's text."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LegalRef:
    """A cited legal document ("Quyết định số 354/QĐ-UBND ngày 12/3/2018 của UBND tỉnh ...")."""

    doc_type: str | None
    symbol: str | None
    number: str | None
    issued_date: str | None = None
    issuer: str | None = None
    subject: str | None = None
    year: int | None = None
    code: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Organization:
    """A canonical body ("Kho bạc Nhà nước tỉnh Đắk Nông") and the mentions that resolve to it."""

    name: str
    kind: str | None = None
    province: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Location:
    """A province, district or commune, named without its "tỉnh/huyện/xã" prefix.

    `merged_into` is the province it became part of on 1 July 2025, when it was merged. `now_in`
    is where it lies since then, written out: the commune and province for a commune ("Phường Bắc
    Gia Nghĩa, tỉnh Lâm Đồng" for phường Nghĩa Đức of Gia Nghĩa, Đắk Nông), the province for a
    district or a province ("tỉnh Lâm Đồng"); None when the text does not make it certain.
    """

    name: str
    level: str | None = None
    province: str | None = None
    merged_into: str | None = None
    now_in: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class EmulationGroup:
    name: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Award:
    """Who received (or was proposed for) which canonical award, from whom, for which year."""

    award: str
    recipient: str
    grantor: str | None = None
    year: int | None = None
    status: str | None = None  # "granted" or "proposed"
    decision: str | None = None  # symbol of the deciding document, when the text says so
    recipient_kind: str | None = None  # "person" or "organization"
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class AwardTypeMention:
    name: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Header:
    """The document's own identity, from its header, title and signature block."""

    title: str | None = None
    kind: str = "other"
    symbol: str | None = None
    issued_date: str | None = None
    year: int | None = None
    issuer: str | None = None
    signer: str | None = None
    province: str | None = None  # the province the document is about, for completing names


@dataclass(frozen=True)
class Record:
    header: Header
    legal_refs: tuple[LegalRef, ...] = ()
    organizations: tuple[Organization, ...] = ()
    persons: tuple[Person, ...] = ()
    locations: tuple[Location, ...] = ()
    emulation_groups: tuple[EmulationGroup, ...] = ()
    awards: tuple[Award, ...] = ()
    award_types: tuple[AwardTypeMention, ...] = ()

    def to_dict(self) -> dict:
        """The spec's JSON object: every key present, unknown as null or []."""
        h = self.header
        return {
            "title": h.title,
            "kind": h.kind,
            "symbol": h.symbol,
            "issued_date": h.issued_date,
            "year": h.year,
            "issuer": h.issuer,
            "signer": h.signer,
            "province": h.province,
            "legal_refs": [asdict(r) for r in self.legal_refs],
            "organizations": [asdict(o) for o in self.organizations],
            "persons": [asdict(p) for p in self.persons],
            "locations": [asdict(loc) for loc in self.locations],
            "emulation_groups": [asdict(g) for g in self.emulation_groups],
            "awards": [asdict(a) for a in self.awards],
            "award_types": [t.name for t in self.award_types],
            "award_type_mentions": [asdict(t) for t in self.award_types],
        }
