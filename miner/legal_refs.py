"""Cited legal documents: "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của ..."."""

from __future__ import annotations

from .document import Document
from .record import Header, LegalRef


def find_legal_refs(doc: Document, header: Header) -> tuple[LegalRef, ...]:
    return ()
