"""Narrow error types. Each carries the path and a remedy; the CLI and the ingest loop
turn them into one-line messages (per document, per command)."""

from __future__ import annotations

from pathlib import Path


class MinerError(Exception):
    """Base class for errors caused by input, not by bugs."""

    remedy = ""

    def __init__(self, path: str | Path | None, message: str, remedy: str | None = None):
        self.path = str(path) if path is not None else None
        self.message = message
        if remedy is not None:
            self.remedy = remedy
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        fix = f" ({self.remedy})" if self.remedy else ""
        return f"{where}{self.message}{fix}"


class UnsupportedFormat(MinerError):
    """The suffix is not one miner reads."""

    remedy = "convert it to .txt, .docx, .pdf or .html"


class UnreadableFile(MinerError):
    """The file exists but its bytes cannot be turned into text."""

    remedy = "check that the file opens in its own application, then re-save or re-export it"


class TooLarge(MinerError):
    """The file exceeds a configured size limit."""

    remedy = "raise the limit with --max-bytes if the file is genuine"


class MissingTool(MinerError):
    """An external program needed for this file (Tesseract, antiword...) is not installed."""


class EmptyDocument(UnreadableFile):
    """The file has no bytes, or no text once read."""

    remedy = "copy or export it again from its source; there is nothing to mine in it"


class NoTextLayer(UnreadableFile):
    """A PDF whose pages carry no text (a scan)."""

    remedy = "it needs OCR (a scanned PDF): install Tesseract with the Vietnamese model, or export a PDF with text"


class EncryptedDocument(UnreadableFile):
    """The file is password-protected."""

    remedy = "save a copy without a password and ingest that"
