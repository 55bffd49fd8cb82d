"""Award types (the Law on Emulation and Commendation's taxonomy) and award events."""

from __future__ import annotations

from .document import Document
from .record import Award, AwardTypeMention, Header, LegalRef, Organization, Person


def find_award_types(doc: Document) -> tuple[AwardTypeMention, ...]:
    return ()


def find_awards(
    doc: Document,
    header: Header,
    organizations: tuple[Organization, ...],
    persons: tuple[Person, ...],
    legal_refs: tuple[LegalRef, ...],
) -> tuple[Award, ...]:
    return ()
