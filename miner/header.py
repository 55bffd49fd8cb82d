"""The document's own identity: kind, số/ký hiệu, date, issuer, signer, title, year."""

from __future__ import annotations

from .document import Document
from .record import Header


def find_header(doc: Document) -> Header:
    first = doc.paragraphs[0].text if doc.paragraphs else None
    return Header(title=first)
