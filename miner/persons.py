"""People named in the text, without titles and roles."""

from __future__ import annotations

from .document import Document
from .record import Header, Person


def find_persons(doc: Document, header: Header) -> tuple[Person, ...]:
    return ()
