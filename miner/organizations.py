"""Organisations and units, with canonical names ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh X")."""

from __future__ import annotations

from .document import Document
from .record import Header, Organization


def canonical_org(name: str, province: str | None = None) -> str:
    """The canonical form of an organisation's name as written in a document about `province`."""
    return name.strip()


def find_organizations(doc: Document, header: Header) -> tuple[Organization, ...]:
    return ()
