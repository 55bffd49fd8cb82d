"""How files are read: `ReadOptions` (the OCR policy, a legacy code to force) and the size limits."""

from __future__ import annotations

from dataclasses import dataclass

from . import legacy

MAX_BYTES = 100 * 2**20  # a file larger than this raises TooLarge
MAX_XML_BYTES = 100 * 2**20  # what a .docx's XML parts may expand to (a zip bomb stops here)
OCR_POLICIES = ("auto", "always", "never")


@dataclass(frozen=True)
class ReadOptions:
    """How files are read: which PDF pages are OCR'd, and a legacy code to force.

    `ocr`: "auto" OCRs the pages without a text layer, "always" every page, "never" none
    (a scan is then NoTextLayer). `encoding`: "tcvn3", "vni" or "viscii" (or an alias such as
    "abc") converts all text from that code instead of detecting it. `max_xml_bytes`: what the
    XML parts of a .docx may expand to.
    """

    ocr: str = "auto"
    encoding: str | None = None
    max_xml_bytes: int = MAX_XML_BYTES

    def __post_init__(self) -> None:
        if self.ocr not in OCR_POLICIES:
            raise ValueError(f"unknown OCR policy {self.ocr!r}: choose one of {', '.join(OCR_POLICIES)}")
        if self.encoding is not None:
            object.__setattr__(self, "encoding", legacy.encoding_name(self.encoding))


DEFAULT_OPTIONS = ReadOptions()
