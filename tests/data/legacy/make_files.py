"""Regenerate the tiny legacy-format test files in this folder (run from the repo root).

    .venv/bin/python tests/data/legacy/make_files.py

Needs LibreOffice (`soffice`) for the Word 97 file, fpdf2 (the `dev` extra) for the PDF and the
DejaVu fonts for the scan; the files are committed, so the tests themselves need none of them.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Pt
from PIL import Image, ImageDraw, ImageFont

from miner.readers.legacy import from_unicode

HERE = Path(__file__).parent

# A made-up decision in the usual layout; every line exercises letters with and without tones.
SAMPLE = """ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG
Số: 68/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

QUYẾT ĐỊNH
Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010

Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;
Xét đề nghị của Giám đốc Sở Nội vụ,
Điều 1. Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho ông Nguyễn Văn Bình, Trưởng phòng Tổ chức - Hành chính.
"""

# More body text for the Word files (antiword refuses documents with a very short text).
ARTICLES = [
    "Điều 2. Mức tiền thưởng cho một Chiến sĩ thi đua cấp tỉnh thực hiện theo quy định hiện hành.",
    "Nguồn tiền thưởng được trích từ Quỹ thi đua, khen thưởng của tỉnh năm 2011.",
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, "
    "Giám đốc Kho bạc Nhà nước tỉnh và các ông, bà có tên tại Điều 1 căn cứ Quyết định thi hành.",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "Nơi nhận: Như Điều 3; Ban Thi đua - Khen thưởng; Lưu: VT, NC.",
]


def legacy_text(text: str, encoding: str) -> str:
    """What a legacy-font run shows when read as Latin-1 (capitals as a .VnTimeH font stores them)."""
    return from_unicode(text, encoding, capitals_font=True).decode("latin-1")


def make_txt() -> None:
    for encoding in ("tcvn3", "vni", "viscii"):
        (HERE / f"{encoding}.txt").write_bytes(from_unicode(SAMPLE, encoding, capitals_font=True))


def make_docx(path: Path) -> None:
    """Normal style in .VnTime; a .VnTimeH heading; a Unicode run; a VNI-Times paragraph; a table."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = ".VnTime"
    normal.font.size = Pt(13)
    heading = doc.add_paragraph()
    heading.add_run(legacy_text("quyết định", "tcvn3")).font.name = ".VnTimeH"  # drawn as capitals
    doc.add_paragraph(legacy_text("Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010", "tcvn3"))
    mixed = doc.add_paragraph(legacy_text("Căn cứ ", "tcvn3"))
    mixed.add_run("Luật Thi đua, khen thưởng số 06/2022/QH15").font.name = "Times New Roman"
    mixed.add_run(";")
    vni = doc.add_paragraph()
    vni.add_run(legacy_text("Điều 1. Tặng Bằng khen cho ông Nguyễn Văn Bình.", "vni")).font.name = "VNI-Times"
    for line in ARTICLES:
        doc.add_paragraph(legacy_text(line, "tcvn3"))
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = legacy_text("Số: 68/QĐ-UBND", "tcvn3")
    table.cell(0, 1).text = legacy_text("Hải Dương, ngày 10 tháng 01 năm 2011", "tcvn3")
    doc.save(path)


def make_doc() -> None:
    """fonts.docx saved as Word 97 by LibreOffice, with TCVN3's "ư" (code AD) put back.

    LibreOffice writes U+00AD as Word's optional hyphen (0x1F), which converters drop; Word
    itself keeps a typed AD byte as the character U+00AD, as here.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "tcvn3.docx"
        make_docx(source)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "doc",
                "--outdir",
                str(HERE),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    target = HERE / "tcvn3.doc"
    data = re.sub(
        rb"([\x20-\xff]\x00)\x1f\x00(?=[\x20-\xff]\x00)", lambda m: m.group(1) + b"\xad\x00", target.read_bytes()
    )
    target.write_bytes(data)


def make_pdf() -> None:
    """The sample typed in a TCVN3 font and printed to PDF: the text layer shows the legacy codes
    as Latin-1 ("Sè: 68/Q§-UBND"), one line of text a line of the sample."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Times", size=13)
    for line in SAMPLE.strip().split("\n"):
        pdf.cell(0, 8, legacy_text(line, "tcvn3"), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(HERE / "tcvn3.pdf"))


def make_scan() -> None:
    """The sample as a 300 dpi grey image inside a PDF, without a text layer."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 46)
    lines = SAMPLE.strip().split("\n")[:9]
    image = Image.new("L", (2480, 160 + 80 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((150, 100 + 80 * i), line, font=font, fill=0)
    image.convert("1").save(HERE / "scan.pdf", resolution=300)


if __name__ == "__main__":
    make_txt()
    make_docx(HERE / "fonts.docx")
    make_doc()
    make_pdf()
    make_scan()
    for path in sorted(HERE.iterdir()):
        print(f"{path.name:16} {path.stat().st_size:>7} bytes")
