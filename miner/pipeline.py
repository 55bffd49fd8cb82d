"""The table of contents of extraction: one line per field of the record."""

from __future__ import annotations

from .awards import find_award_types, find_awards
from .document import Document
from .groups import find_emulation_groups
from .header import find_header
from .legal_refs import find_legal_refs
from .locations import find_locations
from .normalize import clear_text_caches
from .organizations import find_organizations
from .persons import find_persons
from .record import Record


def build_record(doc: Document) -> Record:
    """Extract every field of the spec from one document."""
    clear_text_caches()  # what was remembered of the last document's paragraphs
    header = find_header(doc)
    legal_refs = find_legal_refs(doc, header)
    organizations = find_organizations(doc, header)
    persons = find_persons(doc, header)
    locations = find_locations(doc, header, organizations)
    award_types = find_award_types(doc)
    awards = find_awards(doc, header, organizations, persons, legal_refs)
    return Record(
        header=header,
        legal_refs=legal_refs,
        organizations=organizations,
        persons=persons,
        locations=locations,
        emulation_groups=find_emulation_groups(doc),
        awards=awards,
        award_types=award_types,
    )
