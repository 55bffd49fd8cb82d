"""Organisations of the 1,159 public texts, and how often each error class of the re-audit
(/work/notes/audit2-findings.md, O1-O7 "Organisations") shows its symptom there.

    python benchmarks/public_orgs.py [--save F.jsonl] [--against F.jsonl] [--show CLASS] [--limit N] [--load F.jsonl]

The texts: ../shared/corpus/public/public-web.tar.xz, unpacked into benchmarks/out/public-web. Each
symptom is a cheap test on the output (a name, the words around its mention, the document's
persons), so a count is an upper bound of the class's errors, not a verdict: the point is the count
before and after a fix, in one run (--against a file saved by --save on the old code prints both
and which documents' organisations changed). --show CLASS prints the items that show it.

O1 words glued: the name ends in a verb or adverb, an issue number, or holds a second body's type
   after ", "/" và " (two names run together).
O2 no body: the name less its type word is a person of the document, or is a type word + a
   commune, district or province's name ("Trạm Thản", "Trường Giang" aside, which no list knows).
O3 cut: the mention is followed at once by a capitalised word that is no place and no person.
O4 office: "Thường trực Ban ..." or a post's word split off ("Phòng Ban ...").
O5 foreign: the mention is followed by a country's name that the name leaves out.
O6 bare local body: Sở / Ủy ban nhân dân / Hội đồng nhân dân / Tòa án / Viện kiểm sát / Công an
   without a place, but the supreme court and procuracy (counted per mention).
O7 abbreviation: "TƯ", "T.Ư", "T.W" left in a name.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from same_output import public_texts  # noqa: E402
from symptom_counts import arguments, print_counts, read_records, write_records  # noqa: E402

from miner.header import find_header  # noqa: E402
from miner.locations import district_named, province_of  # noqa: E402
from miner.normalize import fold  # noqa: E402
from miner.organizations import find_organizations  # noqa: E402
from miner.organizations.names import has_place  # noqa: E402
from miner.persons import find_persons  # noqa: E402
from miner.readers import read_document  # noqa: E402


def extract(path: Path) -> dict:
    doc = read_document(path)
    header = find_header(doc)
    orgs = find_organizations(doc, header)
    persons = find_persons(doc, header)
    texts = {p.seq: p.text for p in doc.paragraphs}
    return {
        "name": path.name,
        "province": bool(header.issuer),
        "orgs": [
            {
                "name": o.name,
                "mentions": [
                    {
                        "seq": s.paragraph,
                        "text": s.text,
                        "before": texts.get(s.paragraph, "")[max(0, s.start - 30) : s.start],
                        "after": texts.get(s.paragraph, "")[s.end : s.end + 40],
                    }
                    for s in o.spans
                ],
            }
            for o in orgs
        ],
        "persons": sorted({p.name for p in persons}),
    }


_VERBS = frozenset(
    (
        "ấn hành",
        "chấm dứt",
        "tồn",
        "tồn tại",
        "đổi tên",
        "hiện thời",
        "hiện nay",
        "đón",
        "trao",
        "truy",
        "kết luận",
        "tiến hành",
        "ban hành",
        "quyết định",
        "thông qua",
        "là",
        "đã",
        "đang",
        "sẽ",
        "được",
        "bị",
        "có",
        "cũng",
        "vẫn",
        "yêu cầu",
        "cho biết",
        "công bố",
        "thông báo",
        "phát hành",
        "xuất bản",
        "tuyên bố",
        "gửi",
        "phối hợp",
        "chủ trì",
        "thực hiện",
        "tham gia",
        "đề nghị",
        "tặng",
        "nhận",
        "cử",
        "muốn",
        "đăng tải",
        "mở",
        "lập",
        "thành lập",
        "tổ chức",
        "đưa",
        "trở",
        "trở thành",
        "bắt đầu",
        "với",
        "cho",
        "của",
        "tại",
    )
)
_COUNTRIES = (
    "Trung Quốc",
    "Mỹ",
    "Hoa Kỳ",
    "Pháp",
    "Nhật Bản",
    "Nhật",
    "Hàn Quốc",
    "Nga",
    "Liên Xô",
    "Anh",
    "Đức",
    "Châu Âu",
    "châu Âu",
    "Lào",
    "Campuchia",
    "Thái Lan",
    "Ấn Độ",
    "Úc",
    "Canada",
    "Singapore",
    "Indonesia",
    "Philippines",
    "Malaysia",
    "Triều Tiên",
    "Đài Loan",
    "Israel",
    "Iran",
    "Ukraina",
    "Cuba",
    "Ý",
    "Tây Ban Nha",
    "Việt Nam Cộng hòa",
    "Sài Gòn",
)
_COUNTRY_RE = re.compile(r"^\s+(?:" + "|".join(map(re.escape, _COUNTRIES)) + r")(?!\w)")
_LOCAL_RE = re.compile(r"^(?:Sở |Ủy ban nhân dân|Hội đồng nhân dân|Tòa án nhân dân|Viện kiểm sát nhân dân|Công an)")
_SECOND_BODY_RE = re.compile(
    r"(?:, | và )(?:Ngân hàng|Chương trình|Trường|Bộ|Sở|Cục|Tổng cục|Viện|Tạp chí|Báo|Đài|"
    r"Công ty|Tập đoàn|Phòng|Quỹ|Học viện|Đại học|Hội|Ủy ban|Liên minh|Tổ chức) [A-ZĐ]"
)
_DASH_PERSON_RE = re.compile(r" - (?:Kênh|Cơ quan|Tiếng nói|Diễn đàn|[A-ZĐ]\w* [A-ZĐ]\w* [A-ZĐ]\w*$)")
_TU_RE = re.compile(r"(?<!\w)(?:TƯ|T\.Ư|T\.W|T\.Ư\.)(?!\w)")
_ISSUE_RE = re.compile(r"\bsố \d+$")
_CAP_AFTER_RE = re.compile(r"^ (?!(?:Việt Nam|Trung ương)\b)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\wÀ-ỹ]*")


def symptoms(rec: dict) -> list[tuple[str, str]]:
    """(class, what shows it) for one document's output."""
    out = []
    persons = {fold(p) for p in rec["persons"]}
    for org in rec["orgs"]:
        name = org["name"]
        m0 = org["mentions"][0] if org["mentions"] else {"seq": "?", "text": "", "after": "", "before": ""}
        where = f"{rec['name']} p{m0['seq']} {m0['text']!r} -> {name!r}"
        words = name.split()
        tail2 = " ".join(words[-2:]) if len(words) > 3 else ""
        glued = len(words) > 2 and (
            (words[-1].islower() and words[-1] in _VERBS)
            or (tail2 and words[-2].islower() and tail2 in _VERBS)
            or _ISSUE_RE.search(name)
            or _SECOND_BODY_RE.search(name)
            or _DASH_PERSON_RE.search(name)
        )
        if glued:
            out.append(("O1", where))
        rest = " ".join(words[1:])
        first = words[0] if words else ""
        if rest and (
            fold(rest) in persons
            or fold(name) in persons
            or (
                first in ("Đoàn", "Trạm", "Trường", "Cơ sở", "Đài", "Bộ", "Cục", "Ban", "Hội", "Viện")
                and (district_named(rest) is not None or province_of(rest) == rest)
            )
        ):
            out.append(("O2", where))
        for m in org["mentions"]:
            if _CAP_AFTER_RE.match(m["after"]) and not has_place(name):
                out.append(("O3", f"{rec['name']} p{m['seq']} {m['text']!r}+{m['after'][:25]!r} -> {name!r}"))
                break
        if re.match(r"^(?:Thường trực Ban Bí thư|Phòng Ban |Khoa Ban )", name):
            out.append(("O4", where))
        for m in org["mentions"]:
            c = _COUNTRY_RE.match(m["after"])
            if c and c.group(0).strip() not in name:
                out.append(("O5", f"{rec['name']} p{m['seq']} {m['text']!r}+{m['after'][:25]!r} -> {name!r}"))
                break
        if _LOCAL_RE.match(name) and not has_place(name) and not name.endswith(("tối cao", "Trung ương")):
            for m in org["mentions"]:
                out.append(("O6", f"{rec['name']} p{m['seq']} {m['text']!r} -> {name!r}"))
        if _TU_RE.search(name):
            out.append(("O7", where))
    return out


CLASSES = ("O1", "O2", "O3", "O4", "O5", "O6", "O7")


def main(argv: list[str] | None = None) -> int:
    ap = arguments(__doc__)
    ap.add_argument("--load", type=Path, help="read the records saved by --save instead of extracting")
    args = ap.parse_args(argv)
    paths = public_texts()
    if args.limit:
        paths = paths[: args.limit]
    records = read_records(args.load) if args.load else [extract(p) for p in paths]
    if args.save:
        write_records(args.save, records)
    old = read_records(args.against) if args.against else None
    names = sum(len(r["orgs"]) for r in records)
    if old is not None:
        olds = {r["name"]: r for r in old}
        changed, gone, new = 0, Counter(), Counter()
        for r in records:
            o = olds.get(r["name"], {"orgs": []})
            a, b = {x["name"] for x in o["orgs"]}, {x["name"] for x in r["orgs"]}
            changed += a != b
            gone.update(a - b)
            new.update(b - a)
        print(
            f"documents whose organisations changed: {changed}; names gone {sum(gone.values())}, "
            f"new {sum(new.values())}; organisations {sum(len(r['orgs']) for r in old)} -> {names}"
        )
    print(f"{len(records)} texts, {names} (document, organisation) pairs")
    print_counts(CLASSES, symptoms, records, old, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
