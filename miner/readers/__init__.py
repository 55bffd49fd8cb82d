"""Files to Documents: one module per format, found through one registry.

    from miner.readers import read_document, ReadOptions
    doc = read_document("qd-354.pdf", options=ReadOptions(ocr="never"))

A format is chosen by the file's suffix, or by its bytes when the suffix hides another format
(a .docx saved as .txt is read as the .docx it is): leading bytes (`%PDF-`, an OLE2 header) or,
for a zip, the package's content type (`[Content_Types].xml` for Office Open XML, `mimetype`
for OpenDocument), so an .xlsx or an .odt is never taken for a .docx.

The rooms:
- `text` (.txt) and `markdown` (.md): bytes decoded (BOM, UTF-8/16, legacy codes, Windows-1258);
- `html` (.html, .htm): visible text, block elements, data tables as rows;
- `docx` (.docx): lxml over the zip, styles, list numbers, tables, notes, legacy fonts;
- `pdf` (.pdf): text layers through pypdfium2, scanned pages through `ocr` (Tesseract) and
  `handwriting` (ink numbers in printed lines);
- `doc97` (.doc): Word 97 through antiword or catdoc;
- `legacy`: TCVN3, VNI and VISCII text to Unicode, for every reader;
- `options`: `ReadOptions` and the size limits; `format`: what a format module declares.

Adding a format (say .odt) is one module that reads its bytes into a `Document` and declares
`FORMAT = Format("odt", (".odt",), read_odt, content_types=("application/vnd.oasis.opendocument.text",))`,
and one line in `FORMATS` below.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from ..document import Document
from ..errors import EmptyDocument, TooLarge, UnreadableFile, UnsupportedFormat
from . import doc97, docx, html, markdown, pdf, text
from .format import Format
from .options import (
    DEFAULT_OPTIONS,
    MAX_BYTES,
    MAX_CHARS,
    MAX_PAGES,
    MAX_PARAGRAPHS,
    MAX_XML_BYTES,
    OCR_POLICIES,
    ReadOptions,
    check_chars,
    check_paragraphs,
)

__all__ = [
    "DEFAULT_OPTIONS",
    "FORMATS",
    "MAX_BYTES",
    "MAX_CHARS",
    "MAX_PAGES",
    "MAX_PARAGRAPHS",
    "MAX_XML_BYTES",
    "OCR_POLICIES",
    "SUFFIXES",
    "Format",
    "ReadOptions",
    "read_document",
]

# The registry: one line per format module.
FORMATS: tuple[Format, ...] = (
    text.FORMAT,
    markdown.FORMAT,
    html.FORMAT,
    docx.FORMAT,
    pdf.FORMAT,
    doc97.FORMAT,
)
_BY_SUFFIX = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}
SUFFIXES = frozenset(_BY_SUFFIX)  # `read_document` refuses any other suffix

_ZIP_MAGIC = b"PK\x03\x04"
# Zip packages miner does not read, by content type, named for the message that refuses them.
_OTHER_PACKAGES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "an Excel workbook (.xlsx)",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "an Excel workbook (.xlsm)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "a PowerPoint presentation (.pptx)",
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt)",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
    "application/epub+zip": "an e-book (.epub)",
}
_MAIN_CONTENT_TYPE_RE = re.compile(rb"""ContentType\s*=\s*["']([\w.+-]+/[\w.+-]+\.main\+xml)["']""")
_MIMETYPE_RE = re.compile(rb"\A\s*([\w.+-]+/[\w.+-]+)\s*\Z")
_PACKAGE_TYPE_BYTES = 2**20  # what is read of [Content_Types].xml or mimetype


def read_document(
    path: str | Path,
    *,
    data: bytes | None = None,
    max_bytes: int = MAX_BYTES,
    max_xml_bytes: int | None = None,
    options: ReadOptions = DEFAULT_OPTIONS,
) -> Document:
    """Read one file (its bytes may be passed in `data`) into paragraphs of NFC text.

    `max_bytes` caps the file's size, `max_xml_bytes` (when given) overrides the options' cap on
    what a .docx's XML expands to. Raises a `MinerError` naming the file, what is wrong and the
    remedy: `UnsupportedFormat`, `TooLarge`, `UnreadableFile` and its kinds, `MissingTool`.
    """
    path = Path(path)
    by_suffix = _BY_SUFFIX.get(path.suffix.lower())
    if by_suffix is None:
        what = f"{path.suffix} files" if path.suffix else "files without a suffix"
        raise UnsupportedFormat(path, f"miner does not read {what}")
    if max_xml_bytes is not None:
        options = dataclasses.replace(options, max_xml_bytes=max_xml_bytes)
    if data is None:
        data = _read_bytes(path, max_bytes)
    elif len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    if not data:
        raise EmptyDocument(path, "the file is empty")
    fmt = _format_of(path, data, by_suffix)
    doc = fmt.read(path, data, options)
    if not doc.paragraphs:
        raise EmptyDocument(path, "there is no text in it")
    check_paragraphs(path, len(doc.paragraphs), options)
    check_chars(path, doc.chars, options)
    return doc


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(path, size, max_bytes)
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(
            path, f"cannot read it ({exc.strerror or exc})", "check that it exists and that miner may read it"
        ) from exc


def _too_large(path: Path, size: int, limit: int) -> TooLarge:
    return TooLarge(path, f"the file has {size / 2**20:.1f} MB, over the limit of {limit / 2**20:.0f} MB")


def _format_of(path: Path, data: bytes, by_suffix: Format) -> Format:
    """The format the bytes say (a zip by its content type), else the suffix's."""
    if data.startswith(_ZIP_MAGIC):
        return _package_format(path, data, by_suffix)
    for fmt in FORMATS:
        if fmt.has_magic(data):
            return fmt
    return by_suffix


def _package_format(path: Path, data: bytes, by_suffix: Format) -> Format:
    """The format of a zip package by its content type; UnsupportedFormat for a package of
    another kind (a workbook, an OpenDocument text) or a zip that is no document."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            kind = _package_type(zf)
            names = set(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        # a damaged zip: the reader of its suffix's package format (else the .docx reader) says what is wrong
        return by_suffix if by_suffix.content_types else docx.FORMAT
    if kind is not None:
        for fmt in FORMATS:
            if kind in fmt.content_types:
                return fmt
        what = _OTHER_PACKAGES.get(kind, f"a package of type {kind}")
        raise UnsupportedFormat(path, f"it is {what}, not a document miner reads")
    if "word/document.xml" in names:
        return docx.FORMAT  # a .docx without its content types
    if by_suffix.content_types:
        return by_suffix  # its reader says what the package lacks
    raise UnsupportedFormat(path, "it is a zip archive, not a document miner reads", "unpack it and ingest its files")


def _package_type(zf: zipfile.ZipFile) -> str | None:
    """The main content type of an Office Open XML package, or the mimetype of an OpenDocument one."""
    for name in ("[Content_Types].xml", "mimetype"):
        try:
            with zf.open(name) as fh:
                head = fh.read(_PACKAGE_TYPE_BYTES)
        except KeyError:
            continue
        except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError, OSError):
            return None  # damaged or encrypted: the package's reader says so
        match = (_MIMETYPE_RE if name == "mimetype" else _MAIN_CONTENT_TYPE_RE).search(head)
        if match:
            return match.group(1).decode("ascii", errors="replace")
    return None
