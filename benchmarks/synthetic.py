"""A synthetic archive of Vietnamese administrative documents, written deterministically.

    python benchmarks/synthetic.py OUT [--docs 5000] [--seed 1] [--docx-share 0.1]

Reports, decisions with award lists and plans, filled from templates (benchmarks/data/) and
from miner's own gazetteers (provinces, districts, award types, family names) by a random
generator seeded per document: document i is the same whatever --docs is, so a larger archive
starts with a smaller one. Files go to OUT/0000/, OUT/0001/ ... a thousand to a folder, as .txt
and (a share of them) .docx.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MINER_DATA = ROOT / "miner" / "data"
PER_FOLDER = 1000
KINDS = (("report", 0.5), ("decision", 0.3), ("plan", 0.2))
ZIP_TIME = (2024, 1, 1, 0, 0, 0)  # fixed, so a .docx's bytes depend on its text only

Paragraph = tuple[str, str]  # (text, "body" | "heading" | "row")


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of a TSV file whose comment lines start with "#"."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(frozen=True)
class Gazetteer:
    """What the templates are filled with."""

    districts: dict[str, tuple[str, ...]] = field(hash=False)  # province -> "huyện Cư Jút", ...
    levels: dict[str, str] = field(hash=False)  # province -> "tỉnh" | "thành phố"
    surnames: tuple[str, ...]
    middle_names: tuple[str, ...]
    given_names: tuple[str, ...]
    awards_collective: tuple[str, ...]
    awards_individual: tuple[str, ...]
    laws: tuple[str, ...]
    bodies: tuple[tuple[str, str, str], ...]  # (level, name template, code)
    sentences: dict[str, tuple[str, ...]] = field(hash=False)


@cache
def gazetteer() -> Gazetteer:
    """Load the templates and gazetteers once."""
    districts: dict[str, list[str]] = {}
    for row in _rows(MINER_DATA / "districts.tsv"):
        districts.setdefault(row["province"], []).append(f"{row['level']} {row['name']}")
    surnames = [
        ln.strip()
        for ln in (MINER_DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    names = _rows(DATA / "given_names.txt")
    awards = [r for r in _rows(MINER_DATA / "award_types.tsv") if r["category"] in ("danh hiệu thi đua", "bằng khen")]
    sentences: dict[str, list[str]] = {}
    for row in _rows(DATA / "sentences.tsv"):
        sentences.setdefault(row["section"], []).append(row["template"])
    return Gazetteer(
        districts={p: tuple(d) for p, d in sorted(districts.items())},
        levels={r["name"]: r["kind"] for r in _rows(MINER_DATA / "provinces.tsv")},
        surnames=tuple(surnames[:40]),  # the frequent ones, as a real archive has them
        middle_names=tuple(r["name"] for r in names if r["kind"] == "middle"),
        given_names=tuple(r["name"] for r in names if r["kind"] == "given"),
        awards_collective=tuple(r["name"] for r in awards if "tập thể" in r["recipients"]),
        awards_individual=tuple(r["name"] for r in awards if "cá nhân" in r["recipients"]),
        laws=tuple(r["citation"] for r in _rows(DATA / "laws.tsv")),
        bodies=tuple((r["level"], r["name"], r["code"]) for r in _rows(DATA / "bodies.tsv")),
        sentences={k: tuple(v) for k, v in sentences.items()},
    )


@dataclass(frozen=True)
class Synthetic:
    """One generated document: its file name and its paragraphs."""

    name: str
    kind: str
    paragraphs: tuple[Paragraph, ...]
    docx: bool

    def text(self) -> str:
        """The document as a .txt file: paragraphs apart by blank lines, the letterhead by lines."""
        out = []
        for i, (text, kind) in enumerate(self.paragraphs):
            if i:
                out.append("\n" if kind == "row" and self.paragraphs[i - 1][1] == "row" else "\n\n")
            out.append(text)
        return "".join(out) + "\n"


class _Filler:
    """Fills templates for one document: its province, year and random generator."""

    def __init__(self, rng: random.Random, gaz: Gazetteer):
        self.rng = rng
        self.gaz = gaz
        self.province = rng.choice(list(gaz.districts))
        self.level = gaz.levels.get(self.province, "tỉnh")
        self.year = rng.randint(2012, 2024)

    def person(self) -> str:
        g, r = self.gaz, self.rng
        return f"{r.choice(g.surnames)} {r.choice(g.middle_names)} {r.choice(g.given_names)}"

    def district(self) -> str:
        return self.rng.choice(self.gaz.districts[self.province])

    def body(self, level: str | None = None) -> tuple[str, str]:
        """(name, symbol code) of a body of the province or of one of its districts."""
        level, template, code = self.rng.choice([b for b in self.gaz.bodies if level in (None, b[0])])
        name = template.format(province=self.province, district=self.district())
        return name.replace(" tỉnh ", f" {self.level} "), code

    def date(self, year: int | None = None) -> str:
        return f"{self.rng.randint(1, 28)}/{self.rng.randint(1, 12)}/{year or self.year}"

    def citation(self) -> str:
        """A local decision cited in full: "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của ..."."""
        year = self.rng.randint(2008, self.year)
        subject = self.fill(self.rng.choice(self.gaz.sentences["subject"]))
        return (
            f"Quyết định số {self.rng.randint(1, 3000)}/QĐ-UBND ngày {self.date(year)} "
            f"của Ủy ban nhân dân {self.level} {self.province} về việc {subject}"
        )

    def fill(self, template: str) -> str:
        r = self.rng
        values = {
            "province": self.province,
            "year": self.year,
            "prev_year": self.year - 1,
            "next_year": self.year + 1,
            "n": r.randint(2, 40),
            "n2": r.randint(2, 60),
            "n3": r.randint(100, 9000),
            "pct": r.randint(60, 100),
            "day": r.randint(1, 28),
            "month": r.randint(1, 12),
            "group": f"Khối thi đua số {r.randint(1, 12)}",
            "code": "SNV",
            "person": self.person(),
            "law": r.choice(self.gaz.laws),
        }
        if "{district}" in template:
            values["district"] = self.district()
        for key in ("unit", "unit2"):
            if "{" + key + "}" in template:
                values[key] = self.body("province")[0]
        if "{citation}" in template:
            values["citation"] = self.citation()
        if "{subject}" in template:
            values["subject"] = self.fill(r.choice(self.gaz.sentences["subject"]))
        return template.format(**values)

    def sentences(self, section: str, count: int) -> Iterator[Paragraph]:
        for _ in range(count):
            k = self.rng.choice((1, 1, 1, 2))
            yield " ".join(self.fill(self.rng.choice(self.gaz.sentences[section])) for _ in range(k)), "body"


def _letterhead(f: _Filler, kind_title: str, code: str, issuer: str, issuer_code: str) -> list[Paragraph]:
    number = f.rng.randint(1, 3000)
    body, _, place = issuer.partition(f" {f.level} ")
    return [
        (f"{body.upper()}\n{f.level.upper()} {place.upper()}", "heading"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "heading"),
        (f"Số: {number}/{code}-{issuer_code}", "body"),
        (f"{f.province}, ngày {f.rng.randint(1, 28)} tháng {f.rng.randint(1, 12)} năm {f.year}", "body"),
        (kind_title, "heading"),
    ]


def _signature(f: _Filler, role: str) -> list[Paragraph]:
    recipients = "\n".join(f"- {f.body()[0]};" for _ in range(f.rng.randint(2, 5)))
    return [(f"Nơi nhận:\n{recipients}\n- Lưu: VT.", "body"), (f"{role}\n\n{f.person()}", "body")]


def _report(f: _Filler) -> list[Paragraph]:
    issuer, code = f.body("province")
    code = code or "UBND"
    out = _letterhead(f, "BÁO CÁO", "BC", issuer, code)
    out.append(
        (f"Tổng kết công tác thi đua, khen thưởng năm {f.year} và phương hướng, nhiệm vụ năm {f.year + 1}", "heading")
    )
    for number, heading in (
        ("I", f"KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {f.year}"),
        ("II", "HẠN CHẾ, NGUYÊN NHÂN"),
        ("III", f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {f.year + 1}"),
    ):
        out.append((f"{number}. {heading}", "heading"))
        out.extend(f.sentences("report" if number != "III" else "plan", f.rng.randint(5, 16)))
    out.append((f.fill(f.rng.choice(f.gaz.sentences["closing"])), "body"))
    return out + _signature(f, "GIÁM ĐỐC" if issuer.startswith("Sở") else "TRƯỞNG BAN")


def _decision(f: _Filler) -> list[Paragraph]:
    out = _letterhead(f, "QUYẾT ĐỊNH", "QĐ", f"Ủy ban nhân dân {f.level} {f.province}", "UBND")
    collective = f.rng.random() < 0.5
    award = f.rng.choice(f.gaz.awards_collective if collective else f.gaz.awards_individual)
    out.append((f"Về việc tặng danh hiệu {award} năm {f.year}", "heading"))
    out.append((f"CHỦ TỊCH ỦY BAN NHÂN DÂN {f.level.upper()} {f.province.upper()}", "heading"))
    out.extend((f.fill(t), "body") for t in f.gaz.sentences["decision_basis"])
    out.append(("QUYẾT ĐỊNH:", "heading"))
    count = f.rng.randint(5, 60)
    what = "tập thể" if collective else "cá nhân"
    out.append(
        (
            f"Điều 1. Tặng danh hiệu {award} năm {f.year} cho {count} {what} đã có thành tích xuất sắc "
            f"trong phong trào thi đua năm {f.year} (có danh sách kèm theo):",
            "body",
        )
    )
    out.append(("TT | Tên tập thể" if collective else "TT | Họ và tên | Chức vụ, đơn vị công tác", "row"))
    for i in range(1, count + 1):
        if collective:
            out.append((f"{i} | {f.body('district')[0]}", "row"))
        else:
            title = f.rng.choice(("Ông", "Bà"))
            out.append((f"{i} | {title} {f.person()} | Chuyên viên, {f.body()[0]}", "row"))
    out.extend((f.fill(t), "body") for t in f.gaz.sentences["decision_article"])
    return out + _signature(f, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")


def _plan(f: _Filler) -> list[Paragraph]:
    issuer, code = f.body("province")
    out = _letterhead(f, "KẾ HOẠCH", "KH", issuer, code or "UBND")
    out.append((f"Tổ chức phong trào thi đua năm {f.year + 1}", "heading"))
    out.extend((f.fill(t), "body") for t in f.rng.sample(f.gaz.sentences["decision_basis"][:2], 2))
    for number, heading in (("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NỘI DUNG THI ĐUA"), ("III", "TỔ CHỨC THỰC HIỆN")):
        out.append((f"{number}. {heading}", "heading"))
        out.extend(f.sentences("plan", f.rng.randint(5, 14)))
    out.append((f.fill(f.gaz.sentences["closing"][1]), "body"))
    return out + _signature(f, "GIÁM ĐỐC")


_WRITERS = {"report": _report, "decision": _decision, "plan": _plan}


def document(index: int, seed: int, docx_share: float = 0.1) -> Synthetic:
    """Document `index` of the archive of `seed`: the same on every machine and for every size."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    docx = rng.random() < docx_share
    f = _Filler(rng, gazetteer())
    paragraphs = tuple(_WRITERS[kind](f))
    return Synthetic(name=f"{index:06d}-{kind}-{f.year}", kind=kind, paragraphs=paragraphs, docx=docx)


# ---------------------------------------------------------------- .docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    ),
}


def _docx_paragraph(text: str, bold: bool = False) -> str:
    runs = "<w:r><w:br/></w:r>".join(
        f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
        for line in text.split("\n")
    )
    return f"<w:p>{runs}</w:p>"


def docx_bytes(doc: Synthetic) -> bytes:
    """The document as a .docx: paragraphs, headings in bold, award lists as a table."""
    body: list[str] = []
    rows: list[str] = []
    for text, kind in (*doc.paragraphs, ("", "end")):
        if kind == "row":
            cells = "".join(f"<w:tc>{_docx_paragraph(c.strip())}</w:tc>" for c in text.split("|"))
            rows.append(f"<w:tr>{cells}</w:tr>")
            continue
        if rows:
            body.append(f"<w:tbl>{''.join(rows)}</w:tbl>")
            rows = []
        if kind != "end":
            body.append(_docx_paragraph(text, bold=kind == "heading"))
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>'
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in (*_DOCX_PARTS.items(), ("word/document.xml", xml)):
            zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), content)
    return buffer.getvalue()


# ---------------------------------------------------------------- the archive


def folder_of(index: int) -> str:
    return f"{index // PER_FOLDER:04d}"


def write_archive(out: Path, docs: int, seed: int, docx_share: float = 0.1) -> tuple[int, int]:
    """Write documents 0..docs-1 under `out` (files already there are kept); return (files, bytes)."""
    written = 0
    for index in range(docs):
        doc = document(index, seed, docx_share)
        folder = out / folder_of(index)
        path = folder / (doc.name + (".docx" if doc.docx else ".txt"))
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(docx_bytes(doc) if doc.docx else doc.text().encode("utf-8"))
        written += path.stat().st_size
    return docs, written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docx-share", type=float, default=0.1)
    args = ap.parse_args(argv)
    files, size = write_archive(args.out, args.docs, args.seed, args.docx_share)
    print(f"{files} documents, {size / 2**20:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
