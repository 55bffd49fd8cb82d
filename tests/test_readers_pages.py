"""A scan's pages as separate pure tasks (issue 15): `scan_pages`, `read_scan_page` for each page
(in any order, anywhere: its result pickled as a worker would send it), `assemble`: the same
Document as reading the whole file."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from miner.readers import ReadOptions, read_document
from miner.readers.ocr import tesseract_available
from miner.readers.pdf import ScanPage, Scans, assemble, read_or_split, read_scan_page, scan_pages

pytestmark = pytest.mark.slow  # make test-fast skips it

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
RAW = ROOT.parent / "shared" / "corpus" / "raw"
RAW_PDFS = sorted(RAW.glob("*.pdf")) if RAW.is_dir() else []

needs_tesseract = pytest.mark.skipif(
    not tesseract_available(),
    reason="Tesseract with the Vietnamese model is not installed (sh scripts/install-system-deps.sh)",
)


def page_by_page(path: Path, options: ReadOptions = ReadOptions()):
    """The Document assembled from pages OCR'd one by one, last page first, each sent as a pickle."""
    data = path.read_bytes()
    numbers = scan_pages(data, options, path)
    pages = {}
    for number in reversed(numbers):
        page = pickle.loads(pickle.dumps(read_scan_page(data, number, options, path)))
        assert isinstance(page, ScanPage) and page.page == number
        pages[number] = page
    return numbers, assemble(path, data, pages, options)


@needs_tesseract
@pytest.mark.skipif(not RAW_PDFS, reason=f"the real scans are not at {RAW}")
@pytest.mark.parametrize("path", RAW_PDFS, ids=[p.stem for p in RAW_PDFS])
def test_real_scans_read_page_by_page_are_the_whole_file_read(path):
    numbers, doc = page_by_page(path)
    assert numbers  # every one of them is a scan
    assert doc == read_document(path)


@needs_tesseract
@pytest.mark.parametrize(
    "name, options, numbers",
    [("legacy/scan.pdf", ReadOptions(), [0]), ("features.pdf", ReadOptions(ocr="always"), [0, 1])],
    ids=["scan", "text-layers-ocr-always"],
)
def test_test_files_read_page_by_page_are_the_whole_file_read(name, options, numbers):
    found, doc = page_by_page(DATA / name, options)
    assert found == numbers
    assert doc == read_document(DATA / name, options=options)


def test_a_pdf_with_text_layers_has_no_page_to_ocr():
    data = (DATA / "features.pdf").read_bytes()
    assert scan_pages(data) == []
    assert assemble(DATA / "features.pdf", data, {}) == read_document(DATA / "features.pdf")


def test_assemble_needs_every_scanned_page():
    data = (DATA / "features.pdf").read_bytes()
    with pytest.raises(ValueError, match=r"assemble needs the scanned pages \[0, 1\], not \[1\]"):
        assemble("a.pdf", data, {1: ScanPage(1, (), 842.0)}, ReadOptions(ocr="always"))


def test_a_page_outside_the_pdf_is_a_value_error():
    with pytest.raises(ValueError, match=r"page 2 is outside 0\.\.1"):
        read_scan_page((DATA / "features.pdf").read_bytes(), 2)


def test_the_page_tasks_keep_the_page_limit():
    from miner.errors import TooLarge

    with pytest.raises(TooLarge, match="it has 2 pages, over the limit of 1"):
        scan_pages((DATA / "features.pdf").read_bytes(), ReadOptions(max_pages=1))


@needs_tesseract
def test_read_or_split_names_the_scans_from_split_from_and_reads_the_rest_whole():
    """An ingest's first task on a PDF: the scans to OCR as tasks when there are `split_from` or
    more, else the Document read_pdf gives (a PDF with text layers is never split)."""
    data = (DATA / "features.pdf").read_bytes()
    always = ReadOptions(ocr="always")
    assert read_or_split(DATA / "features.pdf", data, always, split_from=2) == Scans((0, 1), 2)
    assert read_or_split(DATA / "features.pdf", data, always, split_from=3) == read_document(
        DATA / "features.pdf", options=always
    )
    assert read_or_split(DATA / "features.pdf", data, ReadOptions(), split_from=1) == read_document(
        DATA / "features.pdf"
    )
    assert read_or_split(DATA / "features.pdf", data, always) == read_document(DATA / "features.pdf", options=always)
