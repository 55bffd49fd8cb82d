"""Readers: each format and encoding to whole paragraph lists; every unreadable file to a
narrow error naming the file, what is wrong and the remedy.

The files in tests/data/ and the corpus samples are written by corpus/make_samples.py."""

from __future__ import annotations

import io
import random
import re
import shutil
import time
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
import pytest

from miner.errors import (
    EmptyDocument,
    EncryptedDocument,
    MinerError,
    MissingTool,
    NoTextLayer,
    TooLarge,
    UnreadableFile,
    UnsupportedFormat,
)
from miner.normalize import clean_text
from miner.readers import FORMATS, SUFFIXES, ReadOptions, read_document
from miner.readers.legacy import from_unicode
from miner.readers.ocr import check_tesseract, tesseract_available
from miner.readers.text import decode_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
MARK = "TÀI LIỆU MẪU (sample written for miner's tests)"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"the shared corpus is not at {SHARED}")


def paragraphs(doc) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in doc.paragraphs]


# --- formats --------------------------------------------------------------------------------

DOCX_FEATURES = [
    # the borderless letterhead table, cell by cell
    ("heading", "ỦY BAN NHÂN DÂN"),
    ("heading", "TỈNH ĐẮK NÔNG"),
    ("heading", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("body", "Độc lập - Tự do - Hạnh phúc"),
    # style "Title", and a custom style based on "heading 1"
    ("heading", "Quyết định"),
    ("heading", "Danh sách khen thưởng"),
    # tracked deletion dropped, footnote reference numbered
    ("body", "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh[1];"),
    # a tab is a space; the text box follows its paragraph, once (not again from the VML fallback)
    ("body", "Tặng Bằng khen: cho 02 tập thể"),
    ("body", "Ô chữ: TÀI LIỆU MẪU"),
    # Word's list numbers and bullets, drawn from numbering.xml; a sub-list restarts under each
    # article, and a list with a level override counts on its own
    ("body", "Điều 1. Phạm vi điều chỉnh"),
    ("body", "a) Cá nhân;"),
    ("body", "b) Tập thể."),
    ("body", "Điều 2. Đối tượng áp dụng"),
    ("body", "a) Khen thưởng"),
    ("body", "- Như Điều 3;"),
    ("body", "Điều 1. Hiệu lực thi hành"),
    # the bordered table: rows, the vertically merged cell once, a row of one spanned cell as text
    ("table_row", "STT | Tập thể | Thành tích"),
    ("table_row", "1 | Kho bạc Nhà nước tỉnh Đắk Nông | Hoàn thành xuất sắc"),
    ("table_row", "2 | Cục Thuế tỉnh Đắk Nông"),
    ("body", "Tổng cộng: 02 tập thể"),
    # line breaks inside one paragraph
    ("body", "Nơi nhận:"),
    ("body", "- Như Điều 3;"),
    ("body", "- Lưu: VT."),
    ("footnote", "[1] Được sửa đổi năm 2020."),
]

PDF_FEATURES = [
    # the two-column letterhead band, left column then right column
    ("heading", "ỦY BAN NHÂN DÂN"),
    ("heading", "TỈNH ĐẮK NÔNG"),
    ("heading", "Số: 12/KH-UBND"),
    ("heading", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("body", "Độc lập - Tự do - Hạnh phúc"),
    ("body", "Đắk Nông, ngày 15 tháng 01 năm 2024"),
    ("heading", "KẾ HOẠCH"),
    # justified lines re-joined; a new paragraph at each indented first line
    (
        "body",
        "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông về việc ban hành "
        "Quy định tổ chức và hoạt động của Cụm, Khối thi đua;",
    ),
    (
        "body",
        "Các đơn vị trong Khối đã có nhiều cách làm hay, sáng tạo để nâng cao chất lượng công tác thi đua, "
        "khen thưởng, tạo sức lan tỏa sâu rộng đến các đơn vị cơ sở, cá nhân trong đơn vị; qua các phong "
        "trào thi đua, đã có nhiều tập thể, cá nhân điển hình tiên tiến mới.",
    ),
    ("table_row", "STT | Đơn vị | Chỉ tiêu"),
    ("table_row", "1 | Cục Thuế tỉnh Đắk Nông | 100% hóa đơn điện tử"),
    # one paragraph across the page break; page number and running footer dropped
    (
        "body",
        "Kho bạc Nhà nước tỉnh Đắk Nông thực hiện kiểm soát chi ngân sách nhà nước qua dịch vụ công trực "
        "tuyến, bảo đảm an toàn tiền, tài sản của Nhà nước.",
    ),
]

HTML_FEATURES = [
    # no head, title, style, nav, script, comment or hidden element; <br> ends a line
    ("heading", "ỦY BAN NHÂN DÂN"),
    ("heading", "TỈNH ĐẮK NÔNG"),
    ("heading", "Quyết định"),
    ("body", "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh;"),
    ("table_row", "STT | Tập thể"),
    ("table_row", "1 | Cục Thuế tỉnh Đắk Nông"),
    ("body", "Tổng cộng: 01 tập thể"),
]


@pytest.mark.parametrize(
    "name, fmt, encoding, expected",
    [
        ("features.docx", "docx", None, DOCX_FEATURES),
        ("features.pdf", "pdf", None, PDF_FEATURES),
        ("features.html", "html", "cp1258", HTML_FEATURES),
    ],
    ids=["docx", "pdf", "html-windows-1258"],
)
def test_format_reads_to_paragraphs(name, fmt, encoding, expected):
    doc = read_document(DATA / name)
    assert (doc.format, doc.encoding) == (fmt, encoding)
    assert paragraphs(doc) == expected
    assert [p.seq for p in doc.paragraphs] == list(range(len(expected)))


SEED_TITLE = "Tổng kết công tác thi đua, khen thưởng năm 2022 Khối thi đua số 5 tỉnh Đắk Nông"
SEED_PARAGRAPH = (
    "Đơn vị Khối trưởng và Khối phó phát huy được vai trò, vị trí, trách nhiệm của mình trong việc tổ chức "
    "thực hiện phong trào thi đua theo Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh về "
    "việc ban hành Quy định tổ chức và hoạt động của Cụm, Khối."
)
SEED_TEXT = f"{SEED_TITLE}\n\n{SEED_PARAGRAPH}\n"
SEED_PARAGRAPHS = [("body", SEED_TITLE), ("body", SEED_PARAGRAPH)]


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SEED_TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SEED_TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + SEED_TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + SEED_TEXT.encode("utf-16-be"), "utf-16-be"),
        (SEED_TEXT.encode("utf-16-le"), "utf-16-le"),
        (SEED_TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        # decomposed (NFD) input comes out composed (NFC)
        (unicodedata.normalize("NFD", SEED_TEXT).encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom", "crlf", "nfd"],
)
def test_text_encodings(tmp_path, data, encoding):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("txt", encoding)
    assert paragraphs(doc) == SEED_PARAGRAPHS


def test_windows_1258_text_with_combining_tones():
    """cp1258.txt writes tones as combining marks after the letter ("e" + U+0301): NFC after."""
    raw = (DATA / "cp1258.txt").read_bytes()
    assert b"\xec" in raw  # a combining acute accent, as Windows-1258 writes it
    doc = read_document(DATA / "cp1258.txt")
    assert doc.encoding == "cp1258"
    assert paragraphs(doc) == SEED_PARAGRAPHS


def test_odd_spaces_and_control_characters_are_cleaned(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Cục\u00a0Thuế\u200b tỉnh\x00 Đắk\u2009Nông\u00ad\ttriển khai\x0chóa đơn\u3000điện tử", encoding="utf-8"
    )
    # the form feed is a line break, and the line it starts continues the paragraph
    assert paragraphs(read_document(path)) == [("body", "Cục Thuế tỉnh Đắk Nông triển khai hóa đơn điện tử")]


def test_a_few_bad_utf8_bytes_do_not_turn_the_text_to_windows_1258(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SEED_TEXT.encode("utf-8").replace("Đơn".encode(), b"\xff\xfe"))
    doc = read_document(path)
    assert doc.encoding == "utf-8"
    assert paragraphs(doc)[1][1].startswith("\ufffd\ufffd vị Khối trưởng")


@pytest.mark.parametrize(
    "source, fmt, name",
    [
        ("features.docx", "docx", "bao-cao.txt"),
        ("features.docx", "docx", "bao-cao.md"),
        ("features.docx", "docx", "bao-cao.html"),
        ("features.pdf", "pdf", "bao-cao.txt"),
        ("features.pdf", "pdf", "bao-cao.docx"),
    ],
    ids=["docx-as-txt", "docx-as-md", "docx-as-html", "pdf-as-txt", "pdf-as-docx"],
)
def test_a_file_behind_the_wrong_suffix_is_read_as_what_it_is(tmp_path, source, fmt, name):
    hidden = tmp_path / name
    shutil.copy(DATA / source, hidden)
    doc = read_document(hidden)
    assert doc.format == fmt
    assert paragraphs(doc) == paragraphs(read_document(DATA / source))


def test_bytes_can_be_passed_in():
    data = (DATA / "features.docx").read_bytes()
    doc = read_document("elsewhere/quyet-dinh.docx", data=data)
    assert doc.path == "elsewhere/quyet-dinh.docx"
    assert paragraphs(doc) == DOCX_FEATURES


def test_suffixes_are_the_formats_read():
    assert SUFFIXES == {".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm"}


def test_the_registry_names_each_format_once_with_its_suffixes():
    assert [(fmt.name, fmt.suffixes) for fmt in FORMATS] == [
        ("txt", (".txt",)),
        ("md", (".md",)),
        ("html", (".html", ".htm")),
        ("docx", (".docx",)),
        ("pdf", (".pdf",)),
        ("doc", (".doc",)),
    ]


def test_a_docx_without_its_content_types_is_still_a_docx(tmp_path):
    """Some converters leave [Content_Types].xml out; word/document.xml says what the zip is."""
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(_zip({k: v for k, v in _docx_parts().items() if k != "[Content_Types].xml"}))
    assert paragraphs(read_document(path)) == DOCX_FEATURES


def test_a_macro_enabled_docx_is_a_docx(tmp_path):
    parts = _docx_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    path = tmp_path / "bao-cao.docm.txt"
    path.write_bytes(_zip(parts))
    assert paragraphs(read_document(path)) == DOCX_FEATURES


# --- errors ---------------------------------------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _content_types(main: str) -> bytes:
    """A [Content_Types].xml naming an Office Open XML package's main part ("spreadsheetml.sheet")."""
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/main.xml" ContentType="application/vnd.openxmlformats-officedocument.{main}.main+xml"/>'
        "</Types>"
    ).encode()


def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(DATA / "features.docx") as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _blank_pdf() -> bytes:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


RANDOM = random.Random(2024).randbytes(4096)
FEATURES_DOCX = (DATA / "features.docx").read_bytes()

ERROR_CASES = [
    ("empty-txt", "a.txt", b"", EmptyDocument, "the file is empty"),
    ("empty-docx", "a.docx", b"", EmptyDocument, "the file is empty"),
    ("empty-pdf", "a.pdf", b"", EmptyDocument, "the file is empty"),
    ("blank-txt", "a.txt", b" \n\r\n\t\n", EmptyDocument, "there is no text in it"),
    ("random-bytes-pdf", "a.pdf", RANDOM, UnreadableFile, "not a readable PDF (Failed to load document"),
    ("random-bytes-docx", "a.docx", RANDOM, UnreadableFile, "not a valid .docx: the zip is damaged or truncated"),
    ("random-bytes-txt", "a.txt", RANDOM, UnreadableFile, "not a text file"),
    ("random-bytes-html", "a.html", RANDOM, UnreadableFile, "not a text file"),
    ("truncated-docx", "a.docx", FEATURES_DOCX[: len(FEATURES_DOCX) // 2], UnreadableFile, "not a valid .docx"),
    (
        "zip-not-docx",
        "a.docx",
        _zip({"mimetype": b"a.txt"}),
        UnreadableFile,
        "not a valid .docx: the zip has no word/document.xml (it holds mimetype)",
    ),
    (
        "odt-named-docx",
        "a.docx",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        UnsupportedFormat,
        "it is an OpenDocument text (.odt), not a document miner reads",
    ),
    (
        "xlsx-named-docx",
        "a.docx",
        _zip({"[Content_Types].xml": _content_types("spreadsheetml.sheet")}),
        UnsupportedFormat,
        "it is an Excel workbook (.xlsx), not a document miner reads",
    ),
    (
        "xlsx-named-txt",
        "a.txt",
        _zip({"[Content_Types].xml": _content_types("spreadsheetml.sheet")}),
        UnsupportedFormat,
        "it is an Excel workbook (.xlsx), not a document miner reads",
    ),
    (
        "zip-archive-named-txt",
        "a.txt",
        _zip({"bao-cao.txt": b"x", "quyet-dinh.txt": b"y"}),
        UnsupportedFormat,
        "it is a zip archive, not a document miner reads",
    ),
    (
        "broken-xml-docx",
        "a.docx",
        _zip({**_docx_parts(), "word/document.xml": b"<w:document><w:body>"}),
        UnreadableFile,
        "not a valid .docx: its part word/document.xml is not well-formed XML",
    ),
    (
        "encrypted-docx",
        "a.docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + RANDOM + "EncryptionInfo".encode("utf-16-le"),
        EncryptedDocument,
        "the Office file is password-protected",
    ),
    ("scan-without-text", "a.pdf", _blank_pdf(), NoTextLayer, "none of its 1 pages has a text layer"),
    (
        "encrypted-pdf",
        "a.pdf",
        (DATA / "encrypted.pdf").read_bytes(),
        EncryptedDocument,
        "the PDF is password-protected",
    ),
    ("unknown-suffix", "a.odt", b"x", UnsupportedFormat, "miner does not read .odt files"),
    ("no-suffix", "README", b"x", UnsupportedFormat, "miner does not read files without a suffix"),
]


@pytest.mark.parametrize("name, data, error, message", [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES])
def test_unreadable_files_raise_a_narrow_error(tmp_path, name, data, error, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        read_document(path)
    exc = caught.value
    assert type(exc) is error
    assert exc.path == str(path)
    assert exc.message.startswith(message)
    assert exc.remedy
    assert str(exc) == f"{path}: {exc.message} ({exc.remedy})"
    assert "\n" not in str(exc)


def test_no_text_layer_says_ocr_is_needed(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_pdf())
    with pytest.raises(NoTextLayer, match=r"needs OCR"):
        read_document(path)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 3 * 2**20)
    with pytest.raises(TooLarge) as caught:
        read_document(path, max_bytes=2**20)
    assert caught.value.message == "the file has 3.0 MB, over the limit of 1 MB"
    with pytest.raises(TooLarge):
        read_document(path, data=path.read_bytes(), max_bytes=2**20)


def test_docx_zip_bomb_stops_at_the_cap(tmp_path):
    """4 MB of XML packed into a few KB: the reader stops unpacking at the cap."""
    bomb = dict(_docx_parts())
    bomb["word/document.xml"] = b'<?xml version="1.0"?>' + b" " * (4 * 2**20)
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip(bomb))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(TooLarge) as caught:
        read_document(path, max_xml_bytes=2**20)
    assert caught.value.message == "its XML expands to more than 1 MB (a zip bomb?)"
    assert "a genuine document this large must be split" in str(caught.value)


def test_unreadable_path_is_a_miner_error(tmp_path):
    with pytest.raises(UnreadableFile, match="cannot read it"):
        read_document(tmp_path / "missing.txt")


def test_decode_text_refuses_binary_data():
    with pytest.raises(UnreadableFile, match=r"^not a text file"):
        decode_text(RANDOM)


def test_slightly_damaged_utf8_followed_by_binary_data_is_binary_data():
    """A few bad bytes make the text take the damaged-UTF-8 path: it is checked for binary data too
    (NUL padding is not binary data: tests/test_readers_hostile.py)."""
    text = "Quyết định khen thưởng tập thể lao động xuất sắc năm 2023. " * 20
    data = text.encode("utf-8") + b"\xff" + bytes(range(1, 9)) * 500
    with pytest.raises(UnreadableFile, match=r"^not a text file \(it holds binary data\)"):
        decode_text(data)


# --- the corpus samples and real files ------------------------------------------------------

SAMPLES = sorted(CORPUS.glob("sample-*"))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_corpus_samples_are_marked_and_listed(path):
    doc = read_document(path)
    assert doc.paragraphs[0].text == MARK
    assert "Quyết định số 354/QĐ-UBND ngày 12/3/2018" in doc.text or "Kho bạc Nhà nước" in doc.text
    assert f"`{path.name}`" in (CORPUS / "README.md").read_text(encoding="utf-8")


def test_corpus_has_each_format():
    assert {p.suffix for p in SAMPLES} >= {".txt", ".docx", ".pdf"}


@needs_shared
def test_the_seed_in_the_corpus_is_the_shared_one():
    seed = "000-khoi5-daknong-2022.txt"
    assert (CORPUS / seed).read_bytes() == (SHARED / "corpus" / "docs" / seed).read_bytes()


@needs_shared
def test_real_docx_tables_and_signature():
    doc = read_document(SHARED / "corpus" / "raw" / "quangbinh_bieu_tong_hop_khen_thuong_2022.docx")
    found = paragraphs(doc)
    assert ("table_row", "1 | Huân chương các loại") in found
    assert ("table_row", "Huân chương Lao động hạng Ba | 05 | 04 | 03 | 01 | 01") in found
    assert (
        "table_row",
        "11 | Bằng khen | 779 | 37 | 379 | 508 | 0.65% | 130 | 161 | 221 | 0.28% | 40 | 181 | 50 | 0.06%",
    ) in found
    # each of the three borderless signature tables reads as the page shows it
    signatures = [i for i, item in enumerate(found) if item == ("heading", "CHỦ TỊCH")]
    assert len(signatures) == 3
    assert all(found[i + 1] == ("body", "Trần Thắng") for i in signatures)


@needs_shared
@pytest.mark.parametrize("name", ["haiduong_qd68_2011_SCAN0097.pdf", "quangbinh_qd2871_2022_tang_bang_khen.pdf"])
def test_real_scans_have_no_text_layer(name):
    with pytest.raises(NoTextLayer):
        read_document(SHARED / "corpus" / "raw" / name, options=ReadOptions(ocr="never"))


@needs_shared
def test_dev_documents_never_merge_across_a_blank_line():
    """Each paragraph of a dev document lies inside one of its blank-line blocks."""
    for path in sorted((SHARED / "corpus" / "docs").glob("*.txt")):
        blocks = [" ".join(line.split()) for line in re.split(r"\n\s*\n", clean_text(path.read_text("utf-8")))]
        for paragraph in read_document(path).paragraphs:
            assert any(paragraph.text in block for block in blocks), (path.name, paragraph.text)


@needs_shared
def test_dev_set_reads_fast():
    docs = sorted((SHARED / "corpus" / "docs").glob("*.txt"))
    read_document(docs[0])
    start = time.perf_counter()
    chars = sum(read_document(path).chars for path in docs)
    seconds = time.perf_counter() - start
    assert chars > 300_000
    assert seconds < 1.0, f"{seconds:.2f} s for the dev set (the bar is well under 0.5 s)"


def test_every_error_is_a_miner_error():
    for error in (EmptyDocument, EncryptedDocument, NoTextLayer, TooLarge, UnreadableFile, UnsupportedFormat):
        assert issubclass(error, MinerError)


# --- old archives: legacy codes, scanned PDFs, Word 97 (issue 6) ------------------------------

LEGACY = DATA / "legacy"


needs_tesseract = pytest.mark.skipif(
    not tesseract_available(),
    reason="Tesseract with the Vietnamese model is not installed (sh scripts/install-system-deps.sh)",
)
needs_antiword = pytest.mark.skipif(
    shutil.which("antiword") is None, reason="antiword is not installed (sh scripts/install-system-deps.sh)"
)

# tests/data/legacy/make_files.py's SAMPLE, as every legacy code gives it back.
LEGACY_SAMPLE = [
    ("heading", "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG"),
    ("heading", "Số: 68/QĐ-UBND"),
    ("heading", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("body", "Độc lập - Tự do - Hạnh phúc"),
    ("heading", "QUYẾT ĐỊNH"),
    ("body", "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010"),
    ("body", "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;"),
    ("body", "Xét đề nghị của Giám đốc Sở Nội vụ,"),
    (
        "body",
        "Điều 1. Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho ông Nguyễn Văn Bình, Trưởng phòng Tổ chức - Hành chính.",
    ),
]

# make_files.py's articles; "ủy ban" stays lower-case: TCVN3 has no code for "Ủ" outside a capitals font.
LEGACY_ARTICLES = [
    ("body", "Điều 2. Mức tiền thưởng cho một Chiến sĩ thi đua cấp tỉnh thực hiện theo quy định hiện hành."),
    ("body", "Nguồn tiền thưởng được trích từ Quỹ thi đua, khen thưởng của tỉnh năm 2011."),
    (
        "body",
        "Điều 3. Chánh Văn phòng ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Giám đốc Kho bạc "
        "Nhà nước tỉnh và các ông, bà có tên tại Điều 1 căn cứ Quyết định thi hành.",
    ),
    ("body", "Quyết định này có hiệu lực kể từ ngày ký."),
    ("body", "Nơi nhận: Như Điều 3; Ban Thi đua - Khen thưởng; Lưu: VT, NC."),
]

# fonts.docx: Normal style in .VnTime, a .VnTimeH heading, a Times New Roman run, a VNI-Times paragraph.
FONTS_DOCX = [
    ("heading", "QUYẾT ĐỊNH"),
    ("body", "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010"),
    ("body", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"),
    ("body", "Điều 1. Tặng Bằng khen cho ông Nguyễn Văn Bình."),
    *LEGACY_ARTICLES,
    # the borderless table of one row reads cell by cell
    ("heading", "Số: 68/QĐ-UBND"),
    ("body", "Hải Dương, ngày 10 tháng 01 năm 2011"),
]

# tcvn3.doc (fonts.docx saved as Word 97): antiword gives no fonts, so the capitals of the
# .VnTimeH heading are lost; the table is one row.
TCVN3_DOC = [
    ("body", "quyết định"),
    *FONTS_DOCX[1:4],
    *LEGACY_ARTICLES,
    ("table_row", "Số: 68/QĐ-UBND | Hải Dương, ngày 10 tháng 01 năm 2011"),
]

# scan.pdf: the first seven lines of the sample rendered as a 300 dpi image, without a text layer.
SCAN = LEGACY_SAMPLE[:7]


@pytest.mark.parametrize(
    "name, fmt, encoding",
    [
        ("tcvn3.txt", "txt", "tcvn3"),
        ("vni.txt", "txt", "vni"),
        ("viscii.txt", "txt", "viscii"),
        ("tcvn3.pdf", "pdf", "tcvn3"),
    ],
    ids=["tcvn3-txt", "vni-txt", "viscii-txt", "tcvn3-pdf-text-layer"],
)
def test_legacy_codes_are_detected_and_converted(name, fmt, encoding):
    doc = read_document(LEGACY / name)
    assert (doc.format, doc.encoding, doc.ocr) == (fmt, encoding, False)
    assert paragraphs(doc) == LEGACY_SAMPLE


def test_legacy_text_once_saved_as_utf8(tmp_path):
    """TCVN3 text read as Windows-1252 and saved as UTF-8 ("Céng hoµ x· héi"), as editors do."""
    path = tmp_path / "quyet-dinh.txt"
    path.write_text((LEGACY / "tcvn3.txt").read_bytes().decode("latin-1"), encoding="utf-8")
    doc = read_document(path)
    assert doc.encoding == "tcvn3"
    assert paragraphs(doc) == LEGACY_SAMPLE


@pytest.mark.parametrize(
    "data, encoding, expected",
    [
        ("Sè 68/Q§-UBND".encode("latin-1"), None, ("tcvn3", "Số 68/QĐ-UBND")),
        # one word that is a syllable as it stands ("sè"): detection leaves it, forcing converts
        ("Sè 68".encode(), None, ("utf-8", "Sè 68")),
        ("Sè 68".encode(), "tcvn3", ("tcvn3", "Số 68")),
        ("Sè 68".encode(), "ABC", ("tcvn3", "Số 68")),
        ("Vieät Nam".encode("latin-1"), "vni", ("vni", "Việt Nam")),
    ],
    ids=["detected-bytes", "undetected", "forced-tcvn3", "forced-alias-abc", "forced-vni-bytes"],
)
def test_forced_encoding(tmp_path, data, encoding, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = read_document(path, options=ReadOptions(encoding=encoding))
    assert (doc.encoding, doc.text) == expected


@pytest.mark.parametrize(
    "options, message",
    [
        ({"ocr": "sometimes"}, "unknown OCR policy 'sometimes': choose one of auto, always, never"),
        ({"encoding": "cp1252"}, "unknown legacy encoding 'cp1252': choose one of tcvn3, vni, viscii"),
    ],
    ids=["ocr", "encoding"],
)
def test_read_options_are_checked(options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        ReadOptions(**options)


def test_docx_runs_in_legacy_fonts():
    doc = read_document(LEGACY / "fonts.docx")
    assert (doc.format, doc.encoding) == ("docx", "tcvn3")
    assert paragraphs(doc) == FONTS_DOCX


def test_docx_legacy_text_in_unicode_fonts(tmp_path):
    """A .docx whose TCVN3 text lost its fonts (set in Times New Roman) is found by detection."""
    parts = {name: data for name, data in _docx_parts().items() if "footnotes" not in name}
    body = "".join(
        f"<w:p><w:r><w:t>{escape(from_unicode(text, 'tcvn3', capitals_font=True).decode('latin-1'))}</w:t></w:r></w:p>"
        for _, text in LEGACY_SAMPLE
    )
    parts["word/document.xml"] = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()
    path = tmp_path / "lost-fonts.docx"
    path.write_bytes(_zip(parts))
    doc = read_document(path)
    assert doc.encoding == "tcvn3"
    assert paragraphs(doc) == LEGACY_SAMPLE


def test_docx_unicode_run_in_a_legacy_font_is_kept():
    """features.docx types "Tặng Bằng khen" in Unicode over a .VnTime font: no legacy byte shows as "ặ"."""
    doc = read_document(DATA / "features.docx")
    assert doc.encoding is None
    assert ("body", "Tặng Bằng khen: cho 02 tập thể") in paragraphs(doc)


@needs_antiword
@pytest.mark.parametrize("name", ["tcvn3.doc", "tcvn3-saved-as.docx"], ids=["doc", "ole-behind-docx-suffix"])
def test_word97_doc(tmp_path, name):
    path = tmp_path / name
    shutil.copy(LEGACY / "tcvn3.doc", path)
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("doc", "tcvn3")
    assert paragraphs(doc) == TCVN3_DOC


@needs_antiword
def test_word97_bytes_passed_in():
    doc = read_document("elsewhere/quyet-dinh.doc", data=(LEGACY / "tcvn3.doc").read_bytes())
    assert doc.path == "elsewhere/quyet-dinh.doc"
    assert paragraphs(doc) == TCVN3_DOC


@needs_antiword
@pytest.mark.parametrize(
    "data, message",
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + RANDOM,
            "antiword: the file is not a Word Document.; catdoc: Broken OLE file",
        ),
        (b"{\\rtf1\\ansi Vi\\'eat Nam}", "not a Word 97 document but an RTF file"),
    ],
    ids=["broken-ole", "rtf-named-doc"],
)
def test_unreadable_word97(tmp_path, data, message):
    path = tmp_path / "a.doc"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    assert caught.value.message.startswith(message)
    assert "\n" not in str(caught.value)


@needs_tesseract
def test_scanned_pdf_is_ocred():
    doc = read_document(LEGACY / "scan.pdf")
    assert (doc.format, doc.ocr, doc.encoding) == ("pdf", True, None)
    assert paragraphs(doc) == SCAN
    assert 85 <= doc.ocr_confidence <= 100
    assert all(80 <= p.ocr_confidence <= 100 for p in doc.paragraphs)


@needs_tesseract
def test_scan_behind_junk_bytes(tmp_path):
    """Some archives store PDFs behind a few junk bytes (Quảng Bình's QĐ 2871 has 21)."""
    path = tmp_path / "junk.pdf"
    path.write_bytes(
        b"u\xabZ\x01\xaai\x96'\x1a\xb6*'\xfe\x97_\x01\xb6\xac{\xae\x00" + (LEGACY / "scan.pdf").read_bytes()
    )
    assert paragraphs(read_document(path)) == SCAN


def test_ocr_never_leaves_a_scan_unread():
    with pytest.raises(NoTextLayer) as caught:
        read_document(LEGACY / "scan.pdf", options=ReadOptions(ocr="never"))
    assert str(caught.value) == (
        f"{LEGACY / 'scan.pdf'}: none of its 1 pages has a text layer (it is a scan: read it with --ocr auto)"
    )


def test_text_layers_are_not_ocred_by_default():
    doc = read_document(DATA / "features.pdf")
    assert (doc.ocr, doc.ocr_confidence) == (False, None)
    assert {p.ocr_confidence for p in doc.paragraphs} == {None}


@needs_tesseract
def test_ocr_always_reads_every_page_through_the_pdf_layout():
    """The OCR'd words go through the text layer's layout: letterhead band, joined lines, table rows.
    Tesseract drops the bold header row of the boxed table."""
    doc = read_document(DATA / "features.pdf", options=ReadOptions(ocr="always"))
    assert doc.ocr is True
    assert paragraphs(doc) == [p for p in PDF_FEATURES if p != ("table_row", "STT | Đơn vị | Chỉ tiêu")]
    assert all(p.ocr_confidence is not None and p.ocr_confidence > 85 for p in doc.paragraphs)


def test_missing_tesseract_names_the_file_and_the_remedy(monkeypatch):
    pytesseract = pytest.importorskip("pytesseract")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    check_tesseract.cache_clear()
    try:
        with pytest.raises(MissingTool) as caught:
            read_document(LEGACY / "scan.pdf")
    finally:
        check_tesseract.cache_clear()
    assert str(caught.value) == (
        f"{LEGACY / 'scan.pdf'}: 1 of its 1 pages are scans to OCR, but tesseract is not installed "
        "(install Tesseract and its Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie)"
    )


# --- old archives through ingest and the command line ------------------------------------------


def _ingest_errors(db_path: Path) -> list[tuple[str, str, str]]:
    import sqlite3

    with sqlite3.connect(db_path) as db:
        return [(Path(p).name, c, m) for p, c, m in db.execute("select path, error_class, message from ingest_errors")]


def test_missing_tesseract_fails_only_the_scan(tmp_path, monkeypatch, seed):
    """Without Tesseract the scan goes to ingest_errors saying what to install; the rest is ingested."""
    from miner.ingest import Options, ingest
    from miner.store import open_db

    pytesseract = pytest.importorskip("pytesseract")
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(LEGACY / "scan.pdf", folder / "scan.pdf")
    shutil.copy(LEGACY / "vni.txt", folder / "vni.txt")
    shutil.copy(seed, folder / seed.name)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    check_tesseract.cache_clear()
    try:
        db = open_db(tmp_path / "reports.db")
        summary = ingest(db, [folder], options=Options(workers=0))
        db.close()
    finally:
        check_tesseract.cache_clear()
    assert summary.line().startswith("ingested 2, unchanged 0, failed 1, skipped 0")
    assert _ingest_errors(tmp_path / "reports.db") == [
        (
            "scan.pdf",
            "MissingTool",
            f"{folder / 'scan.pdf'}: 1 of its 1 pages are scans to OCR, but tesseract is not installed "
            "(install Tesseract and its Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie)",
        )
    ]


def test_ingest_ocr_never(tmp_path):
    from click.testing import CliRunner

    from miner.cli import cli

    db_path = tmp_path / "reports.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(LEGACY / "scan.pdf"), str(LEGACY / "tcvn3.txt"), "--db", str(db_path), "--ocr", "never"]
    )
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-1].startswith("ingested 1, unchanged 0, failed 1")
    assert [(name, error_class) for name, error_class, _ in _ingest_errors(db_path)] == [("scan.pdf", "NoTextLayer")]


@pytest.mark.parametrize(
    "args, symbol",
    [([], "68/QĐ-UBND"), (["--encoding", "VNI"], None)],
    ids=["detected", "forced-wrong-code"],
)
def test_extract_encoding_option(args, symbol):
    import json

    from click.testing import CliRunner

    from miner.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(LEGACY / "tcvn3.txt"), "--json", *args])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["symbol"] == symbol
