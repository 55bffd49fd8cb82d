"""Hostile files (issue 14): each built here by a small generator, each read the way a user should
see it: the text kept, or the file failed with one line that says why and what to do."""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from miner.errors import TooLarge, UnreadableFile
from miner.normalize import clean_text
from miner.readers import ReadOptions, read_document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def paragraphs(doc) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in doc.paragraphs]


def docx(body: bytes, doctype: bytes = b"") -> bytes:
    """A .docx whose body is `body` (Word's namespace as w:)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr(
            "word/document.xml",
            b'<?xml version="1.0"?>'
            + doctype
            + b'<w:document xmlns:w="'
            + W.encode()
            + b'"><w:body>'
            + body
            + b"</w:body></w:document>",
        )
    return buffer.getvalue()


def run(text: str) -> bytes:
    return f"<w:r><w:t>{text}</w:t></w:r>".encode()


def pdf_naming_one_page(times: int) -> bytes:
    """A PDF whose page tree lists one page `times` times (6 MB for a million)."""
    stream = b"BT /F1 12 Tf 72 720 Td (Quyet dinh so 354) Tj ET"
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b"3 0 R " * times + b"] /Count " + str(times).encode() + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- item 3: per-document limits --------------------------------------------------------------

PARAGRAPH_BOMB = b"<w:p>" + run("x") + b"</w:p>"  # 2.6 million of these: 88 MB of XML, a 260 KB .docx


def test_a_docx_of_millions_of_paragraphs_is_failed_before_it_is_parsed(tmp_path):
    path = tmp_path / "bom.docx"
    path.write_bytes(docx(PARAGRAPH_BOMB * 2_600_000))
    assert path.stat().st_size < 300_000
    with pytest.raises(TooLarge) as caught:
        read_document(path)
    assert str(caught.value) == (
        f"{path}: it has 2,600,000 paragraphs in its XML, over the limit of 100,000 "
        "(split it, or raise the limit with --max-paragraphs if the document is genuine)"
    )


def test_the_paragraph_bomb_takes_well_under_a_gigabyte(tmp_path):
    """Read in a process of its own, whose peak memory is measured."""
    path = tmp_path / "bom.docx"
    path.write_bytes(docx(PARAGRAPH_BOMB * 2_600_000))
    code = (
        "import json, sys\nfrom miner.readers import read_document\nfrom miner.errors import MinerError\n"
        f"try:\n    read_document({str(path)!r})\nexcept MinerError as exc:\n    print(type(exc).__name__)\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert done.stdout.strip() == "TooLarge"
    assert peak_kb >= before
    assert peak_kb < 1024 * 1024, f"{peak_kb / 1024:.0f} MB"


def test_a_pdf_whose_page_tree_names_one_page_a_million_times_is_failed(tmp_path):
    path = tmp_path / "trang.pdf"
    path.write_bytes(pdf_naming_one_page(1_000_000))
    with pytest.raises(TooLarge) as caught:
        read_document(path)
    assert caught.value.message == "it has 1,000,000 pages, over the limit of 5,000"
    assert caught.value.remedy == "split it, or raise the limit with --max-pages if the document is genuine"


def test_a_page_tree_within_the_limit_is_read(tmp_path):
    path = tmp_path / "trang.pdf"
    path.write_bytes(pdf_naming_one_page(3))
    # one line on each page, read as one paragraph across the page breaks
    assert paragraphs(read_document(path)) == [("body", "Quyet dinh so 354 Quyet dinh so 354 Quyet dinh so 354")]


@pytest.mark.parametrize(
    "name, data, options, message",
    [
        (
            "a.txt",
            "Điều 1.\n\nĐiều 2.\n\nĐiều 3.\n".encode(),
            ReadOptions(max_paragraphs=2),
            "it has 3 paragraphs, over the limit of 2",
        ),
        (
            "a.txt",
            ("x\n\n" * 30).encode(),
            ReadOptions(max_paragraphs=2),
            "it has 61 lines (more than 10 for each paragraph allowed), over the limit of 20",
        ),
        (
            "a.md",
            "# Quyết định\n\nTặng Bằng khen".encode(),
            ReadOptions(max_chars=10),
            "it has 28 characters of text, over the limit of 10",
        ),
        (
            "a.html",
            b"<p>x</p>" * 200,
            ReadOptions(max_paragraphs=2),
            "it has 400 tags of markup (more than 50 for each paragraph allowed), over the limit of 100",
        ),
        (
            "a.docx",
            docx((b"<w:p>" + run("Điều") + b"</w:p>") * 3),
            ReadOptions(max_paragraphs=2),
            "it has 3 paragraphs in its XML, over the limit of 2",
        ),
    ],
    ids=["txt-paragraphs", "txt-lines", "md-chars", "html-tags", "docx-paragraphs"],
)
def test_each_limit_fails_the_file_as_too_large(name, data, options, message):
    with pytest.raises(TooLarge) as caught:
        read_document(name, data=data, options=options)
    assert caught.value.message == message


def test_a_limit_of_pages_on_a_real_pdf():
    with pytest.raises(TooLarge, match="it has 2 pages, over the limit of 1"):
        read_document(DATA / "features.pdf", options=ReadOptions(max_pages=1))


def test_limits_must_be_positive():
    with pytest.raises(ValueError, match="max_paragraphs must be at least 1, not 0"):
        ReadOptions(max_paragraphs=0)


def test_the_limits_are_options_of_the_commands():
    from click.testing import CliRunner

    from miner.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(DATA / "features.pdf"), "--json", "--max-pages", "1"])
    assert result.exit_code == 1
    assert "it has 2 pages, over the limit of 1 (split it, or raise the limit with --max-pages" in result.output
    result = CliRunner().invoke(cli, ["extract", str(DATA / "features.pdf"), "--json", "--max-pages", "2"])
    assert result.exit_code == 0
    assert json.loads(result.output)["symbol"] == "12/KH-UBND"


# --- item 8: text never dropped silently --------------------------------------------------------


def nested_html(depth: int) -> bytes:
    page = "<html><body><p>Trước</p>" + "<div>" * depth + "Sâu" + "</div>" * depth + "<p>Sau cùng</p></body></html>"
    return page.encode()


@pytest.mark.parametrize("depth", [300, 2000])
def test_html_nested_deeper_than_libxml_default_keeps_its_text(depth):
    assert paragraphs(read_document("a.html", data=nested_html(depth))) == [
        ("body", "Trước"),
        ("body", "Sâu"),
        ("body", "Sau cùng"),
    ]


def test_html_nested_past_the_parser_limit_is_failed_with_the_reason():
    with pytest.raises(UnreadableFile) as caught:
        read_document("a.html", data=nested_html(3000))
    assert caught.value.message == (
        "its elements are nested deeper than the HTML parser's limit of 2,048 levels, so the text after the deep "
        "part cannot be read"
    )


def test_tables_nested_in_table_cells_are_read_once_each():
    """Each layout table inside a cell used to be walked twice: 2**30 walks for 30 of them."""
    html = ("<table><tr><td>Ô</td><td>" * 30 + "Sở Tài chính" + "</td></tr></table>" * 30).encode()
    assert paragraphs(read_document("a.html", data=html)) == [("body", "Ô")] * 29 + [("table_row", "Ô | Sở Tài chính")]


def test_a_docx_run_after_an_entity_reference_keeps_its_text():
    body = b"<w:p>" + run("Tặng Bằng khen cho &org; năm 2022<?x y?> cho Sở Tài chính") + b"</w:p>"
    doc = read_document("a.docx", data=docx(body, '<!DOCTYPE w:document [<!ENTITY org "Sở Nội vụ">]>'.encode()))
    # the reference is not resolved (a .docx has no DTD; resolving could expand a bomb): it is kept as written
    assert paragraphs(doc) == [("body", "Tặng Bằng khen cho &org; năm 2022 cho Sở Tài chính")]


# --- item 9: the right error class and message ---------------------------------------------------

SEED = "<p>Quyết định số 354/QĐ-UBND của Ủy ban nhân dân tỉnh Đắk Nông</p>"


@pytest.mark.parametrize(
    "charset",
    [
        "rot13",
        "base64",
        "hex",
        "zlib",
        "bz2",
        "unicode_escape",
        "raw_unicode_escape",
        "palmos",
        "uu",
        "quopri",
        "idna",
        "undefined",
        "nonsense",
    ],
)
def test_a_meta_charset_of_no_text_encoding_is_ignored_and_the_encoding_detected(charset):
    data = f'<html><head><meta charset="{charset}"></head><body>{SEED}<p>\\u003cscript\\u003e</p></body></html>'
    doc = read_document("a.html", data=data.encode("utf-8"))
    assert (doc.encoding, paragraphs(doc)) == (
        "utf-8",
        [("body", "Quyết định số 354/QĐ-UBND của Ủy ban nhân dân tỉnh Đắk Nông"), ("body", "\\u003cscript\\u003e")],
    )


@pytest.mark.parametrize(
    "charset, encoding, text",
    [
        ("windows-1258", "cp1258", "Ban Đơn"),
        ("latin1", "cp1252", "Hà Tây"),
        ("utf8", "utf-8", "Cục Thuế"),
        ("unicode-1-1-utf-8", "utf-8", "Cục Thuế"),
    ],
)
def test_a_meta_charset_is_read_as_browsers_read_it(charset, encoding, text):
    doc = read_document("a.html", data=f'<meta charset="{charset}"><p>{text}</p>'.encode(encoding))
    assert (doc.encoding, paragraphs(doc)) == (encoding, [("body", text)])


def test_twelve_hundred_nested_hyperlinks_keep_their_text():
    links = b"<w:hyperlink>" * 1200 + run("Sở Tài chính") + b"</w:hyperlink>" * 1200
    body = b"<w:p>" + links + run(" năm 2022") + b"</w:p>"
    assert paragraphs(read_document("a.docx", data=docx(body))) == [("body", "Sở Tài chính năm 2022")]


def test_nine_hundred_nested_content_controls_keep_their_text():
    paragraph = b"<w:p>" + run("Sở Tài chính") + b"</w:p>"
    body = b"<w:sdt><w:sdtContent>" * 900 + paragraph + b"</w:sdtContent></w:sdt>" * 900
    assert paragraphs(read_document("a.docx", data=docx(body))) == [("body", "Sở Tài chính")]


def test_tables_nested_past_any_document_are_failed_with_the_reason():
    cell = b"<w:tbl><w:tr><w:tc>"
    body = cell * 100 + b"<w:p>" + run("x") + b"</w:p>" + b"</w:tc></w:tr></w:tbl>" * 100
    with pytest.raises(UnreadableFile, match="not a valid .docx: its tables or text boxes are nested more than 64"):
        read_document("a.docx", data=docx(body))


def test_a_text_padded_with_nul_bytes_is_read():
    text = "Quyết định khen thưởng tập thể lao động xuất sắc năm 2023. " * 500  # 30 KB
    doc = read_document("a.txt", data=text.encode("utf-8") + b"\x00" * 4096)
    assert (doc.encoding, paragraphs(doc)) == ("utf-8", [("body", text.strip())])


def test_nul_padding_between_blocks_is_a_line_break():
    data = "Điều 1. Tặng Bằng khen.".encode() + b"\x00" * 512 + "Điều 2. Hiệu lực.".encode()
    assert paragraphs(read_document("a.txt", data=data)) == [
        ("body", "Điều 1. Tặng Bằng khen."),
        ("body", "Điều 2. Hiệu lực."),
    ]


# --- item 10: bidi isolates ----------------------------------------------------------------------


def test_clean_text_drops_bidi_isolates_and_marks():
    assert clean_text("Sở\u2066 Tài\u2067 chính\u2068 tỉnh\u2069 Đắk\u061c Nông\u202e") == "Sở Tài chính tỉnh Đắk Nông"


# --- item 11: legacy encodings ------------------------------------------------------------------

TITLE = "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG\nQUYẾT ĐỊNH\nVề việc tặng Bằng khen cho Ông Trần Văn Ấn, Ủy viên.\n"


def vn1(text: str) -> bytes:
    """TCVN3 as full TCVN 5712 (VN1) writes it: capitals on codes of their own (tcvn3_vn1.tsv)."""
    from miner import data
    from miner.readers.legacy import from_unicode

    capitals = {row["letter"]: bytes([int(row["code"], 16)]) for row in data.rows("tcvn3_vn1.tsv")}
    return b"".join(capitals.get(c) or from_unicode(c, "tcvn3") for c in text)


def test_vn1_capitals_are_the_ones_iconv_writes():
    import shutil

    if shutil.which("iconv") is None:
        pytest.skip("no iconv here")
    written = subprocess.run(["iconv", "-t", "TCVN5712-1"], input=TITLE.encode(), capture_output=True, check=True)
    assert written.stdout == vn1(TITLE)
    assert set(written.stdout) & {0x01, 0x91, 0xDA}  # C0, 80-9F and A0-FF codes: Ú, Ị, Ế


def test_tcvn3_with_vn1_capitals_keeps_its_capitals():
    data = vn1(TITLE * 20)
    doc = read_document("a.txt", data=data)
    assert doc.encoding == "tcvn3"
    assert doc.text == "\n\n".join(TITLE.strip().split("\n") * 20)


def test_tcvn3_with_vn1_capitals_is_not_refused_as_binary():
    """Capitals on C0 codes were taken for binary data."""
    text = "ỨNG DỤNG ÚNG NGẬP Ụ ỪNG Ử Ữ ỲÝỶỸỴ " * 50 + "\nđược ghi nhận và khen thưởng.\n"
    assert read_document("a.txt", data=vn1(text)).text == " ".join(text.split())  # one paragraph


@pytest.mark.parametrize(
    "text",
    [
        "Các đối tượng gồm:\nđ) Quan hệ gia đình;\ne) Khác.",  # a list label at a line start
        "Mức thưởng.\nđ. Khác",
        "Tuy nhiên... đây là vấn đề cần làm rõ.",  # no sentence ends at "..."
        "BỘ Y TẾ\nSố: 68/QĐ-BYT",  # two words of a capital and letters of unknown case
        "QUY ĐỊNH VỀ CÔNG TÁC THI ĐUA\nVÀ\nKHEN THƯỞNG",  # "VÀ" between two lines of capitals
        "Ông Hồ Đức Phớc được khen thưởng.",  # a name spelled "Phớc" keeps its spelling
    ],
    ids=["label-paren", "label-dot", "ellipsis", "two-letter-words", "two-letter-line", "phoc"],
)
def test_tcvn3_as_vntime_fonts_store_it_reads_back(text):
    from miner.readers.legacy import from_unicode

    data = from_unicode(text + "\nNguồn tiền thưởng được trích từ Quỹ thi đua của tỉnh.", "tcvn3", capitals_font=True)
    doc = read_document("a.txt", data=data, options=ReadOptions(encoding="tcvn3"))
    assert doc.text.split("\n\n")[: text.count("\n") + 1] == text.split("\n")


def test_a_dropped_u_is_put_back_only_when_the_whole_text_lost_them():
    from miner.readers.legacy import repair_text

    # antiword's text of a .doc whose soft hyphens ("ư" in TCVN3) were dropped: none left anywhere
    assert repair_text("Nguån tiÒn thëng ®îc trÝch tõ Quü thi ®ua cña Ph¬ng.\n")[0] == (
        "Nguồn tiền thưởng được trích từ Quỹ thi đua của Phương.\n"
    )
    # one "ư" left ("th\xadëng"): they were not dropped, "Phớc" is spelled so
    assert repair_text("Nguån tiÒn th\xadëng ®\xadîc trÝch cho «ng Hå §øc Phíc.\n")[0] == (
        "Nguồn tiền thưởng được trích cho ông Hồ Đức Phớc.\n"
    )
