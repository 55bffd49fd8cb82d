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
from .reform import relocate


def build_record(doc: Document) -> Record:
    """Extract every field of the spec from one document."""
    with collector_paused():
        try:
            return _build_record(doc)
        finally:
            # What the text caches remember of the document's paragraphs is forgotten before the
            # collector is on again: its next pass then finds the record and little else (it
            # visited each cached token, ~1 ms a document), and the caches hold one document at most.
            clear_text_caches()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for a while, on again after it if it was on before.

    Extraction makes no reference cycles (none over the dev set and the archives' samples), nor
    does saving its result: the collector's passes over the many small objects they make (tokens,
    spans, mentions) are skipped, and those objects go with their reference counts."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > _LOADED:
            gc.collect(1)
        gc.enable()


# New objects left by a document that loaded tables and patterns (~110,000 for a process's first
# document; at most ~13,000 for any other of the dev set and 300 public texts): they live as long as
# the process, and one pass of the collector over the two young generations sends them to the old
# one, where the automatic passes take two (the young generation's at once, the middle one's ten
# documents later).
_LOADED = 50_000


def _build_record(doc: Document) -> Record:
    header = find_header(doc)
    legal_refs = find_legal_refs(doc, header)
    organizations = find_organizations(doc, header)
    persons = find_persons(doc, header)
    locations = find_locations(doc, header, organizations)
    locations = relocate(doc, header, locations)  # where each place lies since 1 July 2025
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
