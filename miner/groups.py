"""Emulation groups: "Khối thi đua số 5", "Cụm thi đua các trường Đại học"."""

from __future__ import annotations

from .document import Document
from .record import EmulationGroup


def find_emulation_groups(doc: Document) -> tuple[EmulationGroup, ...]:
    return ()
