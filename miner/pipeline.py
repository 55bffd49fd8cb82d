"""The table of contents of extraction: one line per field of the record."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

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
    with _no_cycle_collection():
        return _build_record(doc)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Extraction makes no reference cycles (none over the dev set and the archives' samples), so
    the cycle collector's passes over the many small objects it makes (tokens, spans) are skipped;
    the collector is on again after the document, as it was before.

    What the text caches remember of the document's paragraphs is forgotten before that: the
    collector's pass at the next allocation then finds the record and little else (it visited each
    cached token, ~1 ms a document), and the caches hold one document's texts at most."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        clear_text_caches()
        if was_enabled:
            gc.enable()


def _build_record(doc: Document) -> Record:
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
