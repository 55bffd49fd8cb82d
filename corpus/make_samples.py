"""Write miner's own sample documents (corpus/sample-*) and the tiny reader test files (tests/data/).

    .venv/bin/pip install -e '.[dev]'        # fpdf2, pinned
    .venv/bin/python corpus/make_samples.py  # rewrites both; the output is deterministic

Every text here is invented for miner's tests, in the Vietnamese of real administrative
documents; the bodies, laws and the decision 354/QĐ-UBND they cite are real, the people are not.
PDFs are set in DejaVu Serif (Debian's fonts-dejavu-core), which has every Vietnamese glyph, and
justified word by word as Word does, so the text layer looks like a real office export.
"""

from __future__ import annotations

import argparse
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
FONTS = Path("/usr/share/fonts/truetype/dejavu")
MARK = "TÀI LIỆU MẪU (sample written for miner's tests)"
FIXED_TIME = datetime(2024, 1, 1, tzinfo=timezone.utc)

# --- .docx, written as WordprocessingML ---------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="wps"'
)
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""
NO_BORDERS = "".join(f'<w:{edge} w:val="none" w:sz="0" w:space="0" w:color="auto"/>' for edge in
                     ("top", "left", "bottom", "right", "insideH", "insideV"))
GRID_BORDERS = "".join(f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="auto"/>' for edge in
                       ("top", "left", "bottom", "right", "insideH", "insideV"))
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NAMESPACES}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="Tieu de muc"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>{GRID_BORDERS}</w:tblBorders></w:tblPr></w:style>
</w:styles>"""


# Numbered lists: 1 is "Điều 1." with "a)" below it, 2 a dash bullet, 3 list 1 restarted at 1.
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NAMESPACES}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def run(text: str, *, bold: bool = False, font: str | None = None) -> str:
    """A run; "\\n" in the text becomes a line break, "\\t" a tab."""
    props = ("<w:b/>" if bold else "") + (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "")
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


def para(*runs: str, style: str | None = None, center: bool = False, num: tuple[int, int] | None = None) -> str:
    """A paragraph of runs (plain strings are made into runs); `num` is (list id, level)."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:jc w:val="center"/>' if center else "")
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{body}</w:p>"


def cell(*paragraphs: str, span: int = 1, vmerge: str | None = None) -> str:
    """A table cell; `vmerge` is "restart" for the top of a vertical merge, "continue" below it."""
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else ""
    )
    body = "".join(p if p.startswith("<") else para(p) for p in paragraphs) or "<w:p/>"
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{body}</w:tc>"


def table(rows: list[list[str]], *, grid: bool) -> str:
    """A table of rows of cells: with the grid style (borders), or borderless as a layout table."""
    props = '<w:tblStyle w:val="TableGrid"/>' if grid else f"<w:tblBorders>{NO_BORDERS}</w:tblBorders>"
    body = "".join("<w:tr>" + "".join(c if c.startswith("<w:tc") else cell(c) for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr>{props}</w:tblPr>{body}</w:tbl>"


def text_box(text: str) -> str:
    """A floating text box, as Word writes it: DrawingML, and a VML copy for old readers."""
    content = f"<w:txbxContent>{para(text)}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def footnote_ref(note_id: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


def deleted(text: str) -> str:
    """Text struck out with track changes on: not part of the document any more."""
    return f'<w:del w:id="90" w:author="x"><w:r><w:delText>{escape(text)}</w:delText></w:r></w:del>'


def write_docx(path: Path, body: list[str], footnotes: dict[int, str] | None = None) -> None:
    """A .docx with the given body elements and footnotes {id: text}."""
    notes = "".join(
        f'<w:footnote w:id="{i}">{para(text)}</w:footnote>' for i, text in (footnotes or {}).items()
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {NAMESPACES}><w:body>{''.join(body)}<w:sectPr/></w:body></w:document>",
        "word/footnotes.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NAMESPACES}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f"{notes}</w:footnotes>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))


# --- PDF, set line by line ----------------------------------------------------------------


@dataclass
class PdfWriter:
    """An A4 page flow: letterhead bands, centred headings, justified paragraphs, tables."""

    footer: str = ""
    size: float = 12.0
    pdf: FPDF = field(default_factory=lambda: FPDF(format="A4", unit="pt"))
    left: float = 70.0
    right: float = 525.0
    y: float = 0.0

    def __post_init__(self) -> None:
        self.pdf.set_creation_date(FIXED_TIME)
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("Serif", "", str(FONTS / "DejaVuSerif.ttf"))
        self.pdf.add_font("Serif", "B", str(FONTS / "DejaVuSerif-Bold.ttf"))
        self.new_page()

    @property
    def line_height(self) -> float:
        return self.size * 1.45

    def new_page(self) -> None:
        self.pdf.add_page()
        number = self.pdf.page_no()
        self.pdf.set_font("Serif", "", 10)
        if number > 1:  # page numbers at the top from page 2, as Nghị định 30/2020/NĐ-CP asks
            self.pdf.text(297 - self.pdf.get_string_width(str(number)) / 2, 40, str(number))
        if self.footer:
            self.pdf.text(self.left, 810, self.footer.format(page=number))
        self.y = 70.0

    def line(self, height: float | None = None) -> float:
        """The baseline of the next line, starting a page when this one is full."""
        height = height or self.line_height
        if self.y + height > 780:
            self.new_page()
        self.y += height
        return self.y

    def space(self, points: float) -> None:
        self.y += points

    def font(self, bold: bool = False, size: float | None = None) -> None:
        self.pdf.set_font("Serif", "B" if bold else "", size or self.size)

    def centered(self, text: str, x0: float | None = None, x1: float | None = None, *, bold: bool = False,
                 baseline: float | None = None) -> None:
        self.font(bold)
        x0, x1 = x0 if x0 is not None else self.left, x1 if x1 is not None else self.right
        y = baseline if baseline is not None else self.line()
        self.pdf.text((x0 + x1) / 2 - self.pdf.get_string_width(text) / 2, y, text)

    def band(self, left: list[tuple[str, bool]], right: list[tuple[str, bool]], split: float = 230.0,
             *, list_left: bool = False) -> None:
        """Two columns side by side: a letterhead (both centred) or a signature block, whose
        "Nơi nhận" list (`list_left`) is set flush left in a smaller size."""
        for i in range(max(len(left), len(right))):
            y = self.line()
            if i < len(left) and left[i][0] and list_left:
                self.pdf.set_font("Serif", "B" if left[i][1] else "", self.size - 2)
                self.pdf.text(self.left, y, left[i][0])
            elif i < len(left) and left[i][0]:
                self.centered(left[i][0], self.left - 20, split, bold=left[i][1], baseline=y)
            if i < len(right) and right[i][0]:
                self.centered(right[i][0], split + 10, self.right + 20, bold=right[i][1], baseline=y)

    def paragraph(self, text: str, *, indent: float = 28.0, bold: bool = False) -> None:
        """A justified paragraph with an indented first line, set word by word."""
        self.font(bold)
        words = text.split()
        width = lambda ws: sum(self.pdf.get_string_width(w) for w in ws) + self.pdf.get_string_width(" ") * (len(ws) - 1)  # noqa: E731
        lines: list[list[str]] = [[]]
        for word in words:
            room = self.right - self.left - (indent if len(lines) == 1 else 0)
            if lines[-1] and width(lines[-1] + [word]) > room:
                lines.append([])
            lines[-1].append(word)
        for n, line_words in enumerate(lines):
            y = self.line()
            x = self.left + (indent if n == 0 else 0)
            room = self.right - x
            last = n == len(lines) - 1
            gap = self.pdf.get_string_width(" ")
            if not last and len(line_words) > 1:
                gap = (room - sum(self.pdf.get_string_width(w) for w in line_words)) / (len(line_words) - 1)
            for word in line_words:
                self.pdf.text(x, y, word)
                x += self.pdf.get_string_width(word) + gap
        self.space(self.size * 0.5)

    def table(self, widths: list[float], rows: list[list[str]], *, header: bool = True) -> None:
        """A bordered table, one line per row."""
        height = self.line_height + 4
        for r, row in enumerate(rows):
            if self.y + height > 780:
                self.new_page()
            top = self.y + 2
            x = self.left
            self.font(bold=header and r == 0, size=self.size - 1)
            for width, text in zip(widths, row):
                self.pdf.rect(x, top, width, height)
                self.pdf.text(x + 5, top + height - 6, text)
                x += width
            self.y = top + height
        self.space(self.size)

    def save(self, path: Path) -> None:
        self.pdf.output(str(path))


# --- the corpus samples -------------------------------------------------------------------


def wrap(text: str, width: int = 78) -> str:
    """Hard-wrap each paragraph at `width` columns, as old mail and text exports do."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return "\n".join(out)


BAO_CAO = f"""{MARK}

KHỐI THI ĐUA SỐ 5
TỈNH ĐẮK NÔNG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 09/BC-KTĐ5

Đắk Nông, ngày 20 tháng 12 năm 2023

BÁO CÁO
Tổng kết công tác thi đua, khen thưởng năm 2023 Khối thi đua số 5

I. KẾT QUẢ THỰC HIỆN

{wrap("Thực hiện Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông về việc ban hành Quy định tổ chức và hoạt động của Cụm, Khối thi đua, các đơn vị trong Khối đã xây dựng kế hoạch, phát động phong trào thi đua gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị.")}

{wrap("Kho bạc Nhà nước tỉnh Đắk Nông hoàn thành việc kiểm soát chi ngân sách qua dịch vụ công trực tuyến, tỷ lệ hồ sơ giao dịch điện tử đạt 99,8%; Cục Thuế tỉnh Đắk Nông triển khai hóa đơn điện tử khởi tạo từ máy tính tiền tới 1.245 doanh nghiệp, hộ kinh doanh, số thu ngân sách năm 2023 vượt 6,5% dự toán được giao.")}

{wrap("Chi cục Quản lý thị trường tỉnh Đắk Nông phối hợp với Công an tỉnh kiểm tra, xử lý 312 vụ vi phạm về hàng giả, hàng kém chất lượng, nộp ngân sách nhà nước 2,1 tỷ đồng.")}

II. CÔNG TÁC KHEN THƯỞNG

{wrap("Năm 2023, Khối đề nghị Bộ Tài chính tặng Cờ thi đua cho Kho bạc Nhà nước tỉnh Đắk Nông; đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho Cục Thuế tỉnh Đắk Nông và 03 cá nhân có thành tích xuất sắc; các đơn vị tặng 45 Giấy khen cho tập thể, cá nhân.")}

III. PHƯƠNG HƯỚNG NĂM 2024

{wrap("Tiếp tục triển khai Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng; đẩy mạnh chuyển đổi số, mở rộng hóa đơn điện tử và thanh toán không dùng tiền mặt.")}

Nơi nhận:
- Ban Thi đua - Khen thưởng tỉnh;
- Các đơn vị trong Khối;
- Lưu: VT.

TM. KHỐI THI ĐUA SỐ 5
KHỐI TRƯỞNG
Phạm Minh Khoa
"""

HTML = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thông báo kết quả bình xét thi đua</title>
<style>p {{ margin: 0 }}</style><script>var tracker = "không phải văn bản";</script></head>
<body>
<nav><a href="/">Trang chủ</a> | <a href="/van-ban">Văn bản</a></nav>
<p><em>{MARK}</em></p>
<div class="header">SỞ NỘI VỤ TỈNH ĐẮK NÔNG<br>BAN THI ĐUA - KHEN THƯỞNG</div>
<p>Số: 45/TB-BTĐKT</p>
<h1>THÔNG BÁO</h1>
<h2>Kết quả bình xét thi đua năm 2023 các Khối thi đua của tỉnh</h2>
<p>Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông về việc ban hành
Quy định tổ chức và hoạt động của Cụm, Khối thi đua; Ban Thi đua - Khen thưởng tỉnh thông báo kết quả
bình xét như sau:</p>
<table border="1">
<tr><th>STT</th><th>Khối thi đua</th><th>Đơn vị dẫn đầu</th><th>Hình thức đề nghị</th></tr>
<tr><td>1</td><td>Khối thi đua số 5</td><td>Kho bạc Nhà nước tỉnh Đắk Nông</td><td>Cờ thi đua của Bộ Tài chính</td></tr>
<tr><td>2</td><td>Khối thi đua số 5</td><td>Cục Thuế tỉnh Đắk Nông</td><td>Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh</td></tr>
</table>
<p>Các Khối trưởng hoàn thiện hồ sơ đề nghị khen thưởng, gửi về Ban Thi đua - Khen thưởng tỉnh
trước ngày 15/01/2024./.</p>
<div style="display:none">bản nháp ẩn</div>
<footer>Trang thông tin điện tử Sở Nội vụ</footer>
</body></html>
"""


def write_quyet_dinh(path: Path) -> None:
    """The sample decision: letterhead table, articles, a bordered list of recipients, a footnote."""
    body = [
        para(MARK),
        table(
            [
                [cell(para(run("ỦY BAN NHÂN DÂN", bold=True), center=True), para("TỈNH ĐẮK NÔNG", center=True)),
                 cell(para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True), center=True),
                      para("Độc lập - Tự do - Hạnh phúc", center=True))],
                [cell(para("Số: 1520/QĐ-UBND", center=True)),
                 cell(para("Đắk Nông, ngày 28 tháng 12 năm 2023", center=True))],
            ],
            grid=False,
        ),
        para(run("QUYẾT ĐỊNH", bold=True), style="Title", center=True),
        para("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", center=True),
        para(run("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", bold=True), center=True),
        para("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"),
        para("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành "
             "một số điều của Luật Thi đua, khen thưởng;"),
        para("Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh về việc ban hành Quy định "
             "tổ chức và hoạt động của Cụm, Khối thi đua", footnote_ref(1), ";"),
        para("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 215/TTr-SNV ngày 22/12/2023.", ),
        para(run("QUYẾT ĐỊNH:", bold=True), center=True),
        para(run("Điều 1.", bold=True), " Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và "
             "02 cá nhân đã có thành tích xuất sắc trong phong trào thi đua năm 2023 của Khối thi đua số 5 "
             "(có danh sách kèm theo)."),
        para(run("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN", bold=True), style="Heading1", center=True),
        table(
            [
                ["STT", "Tập thể, cá nhân", "Thành tích"],
                ["1", "Kho bạc Nhà nước tỉnh Đắk Nông", cell("Hoàn thành xuất sắc nhiệm vụ năm 2023", vmerge="restart")],
                ["2", "Cục Thuế tỉnh Đắk Nông", cell("", vmerge="continue")],
                ["3", "Bà Trần Thị Mai, Phó Giám đốc Kho bạc Nhà nước tỉnh Đắk Nông",
                 "Triển khai dịch vụ công trực tuyến"],
                ["4", "Ông Lê Hoàng Nam, Trưởng phòng Cục Thuế tỉnh Đắk Nông", "Triển khai hóa đơn điện tử"],
                [cell("Tổng cộng: 02 tập thể, 02 cá nhân", span=2), ""],
            ],
            grid=True,
        ),
        para(run("Điều 2.", bold=True), " Quyết định này có hiệu lực kể từ ngày ký."),
        table(
            [
                [cell(para(run("Nơi nhận:", bold=True)), para("- Như Điều 2;\n- Sở Nội vụ;\n- Lưu: VT, NC.")),
                 cell(para(run("KT. CHỦ TỊCH", bold=True), center=True), para(run("PHÓ CHỦ TỊCH", bold=True), center=True),
                      para(run("Nguyễn Văn Bình", bold=True), center=True))],
            ],
            grid=False,
        ),
    ]
    write_docx(path, body, {1: "Quyết định số 354/QĐ-UBND được áp dụng cho các Cụm, Khối thi đua của tỉnh."})


def write_ke_hoach(path: Path) -> None:
    """The sample plan: two pages, a letterhead band, justified paragraphs, a table, a signature band."""
    doc = PdfWriter(footer="Kế hoạch 12/KH-KTĐ5 năm 2024 - trang {page}")
    doc.centered(MARK)
    doc.space(6)
    doc.band(
        [("KHỐI THI ĐUA SỐ 5", True), ("TỈNH ĐẮK NÔNG", True), ("", False), ("Số: 12/KH-KTĐ5", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True), ("", False),
         ("Đắk Nông, ngày 15 tháng 01 năm 2024", False)],
    )
    doc.space(12)
    doc.centered("KẾ HOẠCH", bold=True)
    doc.centered("Tổ chức phong trào thi đua năm 2024 của Khối thi đua số 5", bold=True)
    doc.space(10)
    doc.paragraph(
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 và Nghị định số "
        "98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi "
        "đua, khen thưởng;"
    )
    doc.paragraph(
        "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông về việc ban "
        "hành Quy định tổ chức và hoạt động của Cụm, Khối thi đua;"
    )
    doc.paragraph(
        "Khối thi đua số 5 xây dựng Kế hoạch tổ chức phong trào thi đua năm 2024 như sau:"
    )
    doc.paragraph("I. MỤC ĐÍCH, YÊU CẦU", indent=0, bold=True)
    doc.paragraph(
        "Phát huy tinh thần đoàn kết, sáng tạo của cán bộ, công chức, viên chức và người lao động trong các "
        "đơn vị thuộc Khối; gắn phong trào thi đua với việc thực hiện nhiệm vụ chính trị, cải cách hành chính "
        "và chuyển đổi số của từng cơ quan, đơn vị; kịp thời phát hiện, biểu dương và nhân rộng các điển hình "
        "tiên tiến trong thu, chi ngân sách nhà nước."
    )
    doc.paragraph("II. NỘI DUNG THI ĐUA", indent=0, bold=True)
    doc.paragraph(
        "1. Kho bạc Nhà nước tỉnh Đắk Nông thực hiện kiểm soát chi ngân sách nhà nước qua dịch vụ công trực "
        "tuyến, bảo đảm an toàn tiền, tài sản của Nhà nước và rút ngắn thời gian giải quyết hồ sơ cho các "
        "đơn vị sử dụng ngân sách."
    )
    doc.paragraph(
        "2. Cục Thuế tỉnh Đắk Nông mở rộng hóa đơn điện tử khởi tạo từ máy tính tiền đối với doanh nghiệp, "
        "hộ kinh doanh bán lẻ, ăn uống, xăng dầu; phấn đấu thu ngân sách năm 2024 vượt dự toán được giao."
    )
    doc.paragraph(
        "3. Chi cục Quản lý thị trường tỉnh Đắk Nông tăng cường kiểm tra, kiểm soát thị trường, đấu tranh "
        "chống buôn lậu, gian lận thương mại và hàng giả, nhất là trên môi trường thương mại điện tử."
    )
    doc.paragraph("III. CHỈ TIÊU VÀ HÌNH THỨC KHEN THƯỞNG", indent=0, bold=True)
    doc.table(
        [40, 215, 200],
        [
            ["STT", "Đơn vị", "Chỉ tiêu chủ yếu"],
            ["1", "Kho bạc Nhà nước tỉnh Đắk Nông", "99% hồ sơ giao dịch điện tử"],
            ["2", "Cục Thuế tỉnh Đắk Nông", "100% hóa đơn điện tử"],
            ["3", "Chi cục Quản lý thị trường", "Xử lý 100% vụ vi phạm phát hiện"],
        ],
    )
    doc.paragraph(
        "Cuối năm, Khối bình xét, suy tôn đơn vị dẫn đầu đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua; các "
        "tập thể, cá nhân tiêu biểu được đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh hoặc Giấy "
        "khen của Thủ trưởng đơn vị theo quy định của Luật Thi đua, khen thưởng."
    )
    doc.paragraph("IV. TỔ CHỨC THỰC HIỆN", indent=0, bold=True)
    doc.paragraph(
        "Các đơn vị thành viên căn cứ Kế hoạch này xây dựng kế hoạch cụ thể của đơn vị, gửi về Kho bạc Nhà "
        "nước tỉnh Đắk Nông (đơn vị Khối trưởng) trước ngày 31/01/2024 để tổng hợp, báo cáo Ban Thi đua - "
        "Khen thưởng tỉnh./."
    )
    doc.space(8)
    doc.band(
        [("Nơi nhận:", True), ("- Ban Thi đua - Khen thưởng tỉnh;", False), ("- Các đơn vị trong Khối;", False),
         ("- Lưu: VT.", False)],
        [("TM. KHỐI THI ĐUA SỐ 5", True), ("KHỐI TRƯỞNG", True), ("", False), ("Phạm Minh Khoa", True)],
        list_left=True,
    )
    doc.save(path)


def write_to_trinh(path: Path) -> None:
    """The sample proposal: one page asking for a Cờ thi đua, with a short table."""
    doc = PdfWriter()
    doc.centered(MARK)
    doc.space(6)
    doc.band(
        [("KHO BẠC NHÀ NƯỚC", False), ("TỈNH ĐẮK NÔNG", True), ("Số: 88/TTr-KBĐN", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
         ("Đắk Nông, ngày 05 tháng 12 năm 2023", False)],
    )
    doc.space(12)
    doc.centered("TỜ TRÌNH", bold=True)
    doc.centered("Về việc đề nghị tặng Cờ thi đua của Bộ Tài chính năm 2023", bold=True)
    doc.space(10)
    doc.paragraph("Kính gửi: Kho bạc Nhà nước.", indent=60)
    doc.paragraph(
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; căn cứ kết quả bình xét của Khối thi đua số 5 "
        "tỉnh Đắk Nông, Kho bạc Nhà nước tỉnh Đắk Nông kính đề nghị Bộ trưởng Bộ Tài chính xét tặng Cờ thi "
        "đua năm 2023 cho đơn vị, với các kết quả chủ yếu sau:"
    )
    doc.table(
        [40, 255, 160],
        [
            ["STT", "Chỉ tiêu", "Kết quả năm 2023"],
            ["1", "Hồ sơ kiểm soát chi qua dịch vụ công", "99,8%"],
            ["2", "Thời gian xử lý hồ sơ bình quân", "0,8 ngày"],
        ],
    )
    doc.paragraph("Kho bạc Nhà nước tỉnh Đắk Nông kính trình Kho bạc Nhà nước xem xét, quyết định./.")
    doc.space(8)
    doc.band(
        [("Nơi nhận:", True), ("- Như trên;", False), ("- Lưu: VT, TCCB.", False)],
        [("GIÁM ĐỐC", True), ("", False), ("Trần Thị Mai", True)],
        list_left=True,
    )
    doc.save(path)


def write_corpus(folder: Path) -> list[Path]:
    paths = [
        folder / "sample-bao-cao-tong-ket-2023.txt",
        folder / "sample-quyet-dinh-tang-bang-khen-2023.docx",
        folder / "sample-ke-hoach-thi-dua-2024.pdf",
        folder / "sample-to-trinh-co-thi-dua-2023.pdf",
        folder / "sample-thong-bao-binh-xet-2023.html",
    ]
    paths[0].write_text(BAO_CAO, encoding="utf-8")
    write_quyet_dinh(paths[1])
    write_ke_hoach(paths[2])
    write_to_trinh(paths[3])
    paths[4].write_text(HTML, encoding="utf-8")
    return paths


# --- tiny files for tests/test_readers.py -------------------------------------------------


# Two paragraphs of the seed report (corpus/000-khoi5-daknong-2022.txt), as a Windows-1258 file.
SEED_SNIPPET = """Tổng kết công tác thi đua, khen thưởng năm 2022 Khối thi đua số 5 tỉnh Đắk Nông

Đơn vị Khối trưởng và Khối phó phát huy được vai trò, vị trí, trách nhiệm của mình trong việc tổ chức
thực hiện phong trào thi đua theo Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh về
việc ban hành Quy định tổ chức và hoạt động của Cụm, Khối.
"""

# A page in Windows-1258, as old Vietnamese sites served them, with what a reader must skip.
FEATURES_HTML = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>Tiêu đề không hiện</title><style>.x{color:red}</style></head><body>
<nav>Trang chủ | Liên hệ</nav><script>document.write("ẩn")</script>
<div>ỦY BAN NHÂN DÂN<br>TỈNH ĐẮK NÔNG</div>
<h1>Quyết định</h1>
<p>Căn cứ Quyết định số 354/QĐ-UBND
   ngày 12/3/2018 của <b>Ủy ban nhân dân</b> tỉnh;</p>
<table><tr><th>STT</th><th>Tập thể</th></tr><tr><td>1</td><td>Cục Thuế tỉnh Đắk Nông</td></tr>
<tr><td colspan="2"><p>Tổng cộng: 01 tập thể</p></td></tr></table>
<p hidden>ẩn đi</p><!-- ghi chú -->
</body></html>
"""


def write_test_data(folder: Path) -> list[Path]:
    """One small file per feature the readers handle; tests assert their whole paragraph lists."""
    docx = folder / "features.docx"
    write_docx(
        docx,
        [
            table(
                [[cell(para("ỦY BAN NHÂN DÂN"), para("TỈNH ĐẮK NÔNG")),
                  cell(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), para("Độc lập - Tự do - Hạnh phúc"))]],
                grid=False,
            ),
            para("Quyết định", style="Title"),
            para("Danh sách khen thưởng", style="MyHeading"),
            para(run("Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018"), deleted(" (đã bãi bỏ)"),
                 run(" của Ủy ban nhân dân tỉnh"), footnote_ref(7), run(";")),
            para(run("Tặng Bằng khen:\tcho 02 tập thể", font=".VnTime"), text_box("Ô chữ: TÀI LIỆU MẪU")),
            para("Phạm vi điều chỉnh", num=(1, 0)),
            para("Cá nhân;", num=(1, 1)),
            para("Tập thể.", num=(1, 1)),
            para("Đối tượng áp dụng", num=(1, 0)),
            para("Khen thưởng", num=(1, 1)),
            para("Như Điều 3;", num=(2, 0)),
            para("Hiệu lực thi hành", num=(3, 0)),
            table(
                [
                    ["STT", "Tập thể", "Thành tích"],
                    ["1", "Kho bạc Nhà nước tỉnh Đắk Nông", cell("Hoàn thành xuất sắc", vmerge="restart")],
                    ["2", "Cục Thuế tỉnh Đắk Nông", cell("", vmerge="continue")],
                    [cell("Tổng cộng: 02 tập thể", span=2), ""],
                ],
                grid=True,
            ),
            para("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT."),
        ],
        {7: "Được sửa đổi năm 2020."},
    )
    pdf = folder / "features.pdf"
    doc = PdfWriter(footer="Kế hoạch 12/KH-KTĐ5 - trang {page}")
    doc.band(
        [("ỦY BAN NHÂN DÂN", True), ("TỈNH ĐẮK NÔNG", True), ("Số: 12/KH-UBND", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
         ("Đắk Nông, ngày 15 tháng 01 năm 2024", False)],
    )
    doc.centered("KẾ HOẠCH", bold=True)
    doc.paragraph(
        "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông về việc ban "
        "hành Quy định tổ chức và hoạt động của Cụm, Khối thi đua;"
    )
    doc.paragraph(
        "Các đơn vị trong Khối đã có nhiều cách làm hay, sáng tạo để nâng cao chất lượng công tác thi đua, "
        "khen thưởng, tạo sức lan tỏa sâu rộng đến các đơn vị cơ sở, cá nhân trong đơn vị; qua các phong "
        "trào thi đua, đã có nhiều tập thể, cá nhân điển hình tiên tiến mới."
    )
    doc.table([40, 215, 200], [["STT", "Đơn vị", "Chỉ tiêu"], ["1", "Cục Thuế tỉnh Đắk Nông", "100% hóa đơn điện tử"]])
    doc.y = 760  # the next paragraph runs over onto page 2
    doc.paragraph(
        "Kho bạc Nhà nước tỉnh Đắk Nông thực hiện kiểm soát chi ngân sách nhà nước qua dịch vụ công trực "
        "tuyến, bảo đảm an toàn tiền, tài sản của Nhà nước."
    )
    doc.save(pdf)
    html = folder / "features.html"
    html.write_bytes(to_cp1258(FEATURES_HTML))
    text = folder / "cp1258.txt"
    text.write_bytes(to_cp1258(SEED_SNIPPET.replace("\n", "\r\n")))
    locked = folder / "encrypted.pdf"
    doc = PdfWriter()
    doc.pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    doc.paragraph("Tài liệu có mật khẩu.")
    doc.save(locked)
    return [docx, pdf, html, text, locked]


def to_cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: letters with a circumflex, breve or horn precomposed,
    tone marks as separate combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append(base + "".join(c for c in decomposed if c in tones))
    return "".join(out).encode("cp1258")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--test-data", type=Path, default=ROOT / "tests" / "data")
    args = ap.parse_args(argv)
    args.corpus.mkdir(parents=True, exist_ok=True)
    args.test_data.mkdir(parents=True, exist_ok=True)
    for path in write_corpus(args.corpus) + write_test_data(args.test_data):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
