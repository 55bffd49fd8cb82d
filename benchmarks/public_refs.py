"""Headers, cited documents and persons of the 1,159 public texts, and how often each error class
of the re-audit (/work/notes/audit2-findings.md, C1-C6, H1-H3) shows its symptom there.

    python benchmarks/public_refs.py [--save F.jsonl] [--against F.jsonl] [--show CLASS] [--limit N]

The texts: ../shared/corpus/public/public-web.tar.xz, unpacked into benchmarks/out/public-web. Each
symptom is a cheap test on the output (and the paragraph a citation stands in), so a count is an
upper bound of the class's errors, not a verdict: the point is the count before and after a fix, in
one run (--against a file saved by --save on the old code prints both and what changed).
--show CLASS prints the items that show CLASS's symptom (document, paragraph, what was extracted).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from same_output import public_texts  # noqa: E402
from symptom_counts import arguments, print_counts, read_records, write_records  # noqa: E402

from miner.header import find_header  # noqa: E402
from miner.legal_refs import find_legal_refs, type_of_code  # noqa: E402
from miner.normalize import fold  # noqa: E402
from miner.persons import find_persons  # noqa: E402
from miner.readers import read_document  # noqa: E402


def extract(path: Path) -> dict:
    doc = read_document(path)
    header = find_header(doc)
    refs = find_legal_refs(doc, header)
    persons = find_persons(doc, header)
    texts = {p.seq: p.text for p in doc.paragraphs}
    order = [p.seq for p in doc.paragraphs]
    nxt = {a: b for a, b in zip(order, order[1:])}
    out_refs = []
    for r in refs:
        sp = r.spans[0]
        par = texts.get(sp.paragraph, "")
        out_refs.append(
            {
                "doc_type": r.doc_type,
                "symbol": r.symbol,
                "issued_date": r.issued_date,
                "issuer": r.issuer,
                "subject": r.subject,
                "seq": sp.paragraph,
                "span": sp.text,
                # what follows each mention (for the date-after symptom), and the next paragraph's start
                "after": [texts.get(s.paragraph, "")[s.end : s.end + 80] for s in r.spans],
                "next": [texts.get(nxt.get(s.paragraph), "")[:40] for s in r.spans],
                "before": par[max(0, sp.start - 12) : sp.start],
            }
        )
    return {
        "name": path.name,
        "header": {k: getattr(header, k) for k in ("title", "kind", "symbol", "issued_date", "issuer", "signer")},
        "refs": out_refs,
        "persons": [p.name for p in persons],
    }


_DATE_NEAR_RE = re.compile(r"^\W{0,3}(?:\[\d+\]|\^?\d\b)?\W{0,3}(?:ngay\s+)?\d{1,2}\s?(?:/|thang)\s?\d{1,2}")
_PROSE_DATE_RE = re.compile(r"^[^.;]{0,60}?\b(?:ban hanh|thong qua|ky)\s+(?:vao\s+)?ngay\s+\d")
_ABBREV_RE = re.compile(r"\b(?!(?:[IVXLC]+|TW|[A-Z]\d*)\b)[A-ZĐ]{2,}\b")
_GLUE_RE = re.compile(
    r"\s(?:khong|neu|trong do|nhu sau|duoc|thi|la|co|da|se|cung|nhung|quy dinh)$|\s(?:trong do|duoc sua doi)\b"
)
_TAIL_RE = re.compile(r"\"\.|\^|\[\d+\]|\*|cong thong tin|…|\.\.\.")
_SYMBOL_IN_RE = re.compile(r"\d+/\d{0,4}/?[A-ZĐ]")
_NEWS_RE = re.compile(r"^(?:ngay\s+\d|thay mat|sang|chieu|toi|hom nay|theo\s)|\bvua\s+(?:ky|ban hanh)\b")


def symptoms(rec: dict) -> list[tuple[str, str]]:
    """(class, what shows it) for one document's output."""
    out = []
    for r in rec["refs"]:
        where = f"{rec['name']} p{r['seq']} {r['span']!r}"
        if not r["issued_date"]:
            if any(_DATE_NEAR_RE.match(fold(a)) for a in r["after"]) or any(
                a.strip() == "" and _DATE_NEAR_RE.match(fold(n)) for a, n in zip(r["after"], r["next"])
            ):
                out.append(("C1", f"{where} -> no date; after: {r['after'][0][:50]!r}"))
            elif any(_PROSE_DATE_RE.match(fold(a)) for a in r["after"]):
                out.append(("C1", f"{where} -> no date; prose: {r['after'][0][:60]!r}"))
        span = fold(r["span"])
        coded = type_of_code(r["symbol"].split("/", 1)[-1] if r["symbol"] else "", r["symbol"]) if r["symbol"] else None
        if r["doc_type"] == "Lệnh" and "sac lenh" in fold(r["before"] + " " + r["span"]):
            out.append(("C2", f"{where} -> Lệnh"))
        elif r["doc_type"] == "Luật" and span.startswith("bo luat"):
            out.append(("C2", f"{where} -> Luật"))
        elif (
            coded
            and r["symbol"]
            and "/" in r["symbol"]
            and r["doc_type"] in ("Nghị định", "Quyết định", "Thông tư", "Nghị quyết")
            and coded.name in ("Nghị định", "Quyết định", "Thông tư", "Nghị quyết")
            and coded.name != r["doc_type"]
        ):
            out.append(("C2", f"{where} -> {r['doc_type']} (code: {coded.name})"))
        if r["issuer"] and _ABBREV_RE.search(r["issuer"]):
            out.append(("C3", f"{where} -> issuer {r['issuer']!r}"))
        if not r["symbol"] and r["subject"] and _GLUE_RE.search(fold(r["subject"])):
            out.append(("C4", f"{where} -> {r['subject']!r}"))
        if r["symbol"] and re.search(r"[A-ZĐa-z]\d$", r["symbol"]) and not r["issuer"]:
            out.append(("C5", f"{where} -> {r['symbol']!r}"))
        subj = r["subject"] or ""
        if r["symbol"] and (
            _TAIL_RE.search(fold(subj))
            or _SYMBOL_IN_RE.search(subj)
            and len(subj) > 150
            or fold(subj) == "quy dinh"
            or len(subj) > 300
        ):
            out.append(("C6", f"{where} -> subject {subj[:140]!r}"))
    h = rec["header"]
    if h["kind"] == "nghi_quyet" and not h["issuer"]:
        out.append(("H1", f"{rec['name']} nghi_quyet without issuer; title {str(h['title'])[:60]!r}"))
    title = h["title"] or ""
    if title and (_NEWS_RE.search(fold(title)) or len(title) > 200):
        out.append(("H2", f"{rec['name']} kind {h['kind']} title {title[:100]!r}"))
    if h["kind"] in ("nghi_quyet", "cong_van") and not h["symbol"] and not h["issued_date"]:
        out.append(("H3", f"{rec['name']} kind {h['kind']} without number nor date; title {title[:60]!r}"))
    return out


CLASSES = ("C1", "C2", "C3", "C4", "C5", "C6", "H1", "H2", "H3")


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__).parse_args(argv)
    paths = public_texts()
    if args.limit:
        paths = paths[: args.limit]
    records = [extract(p) for p in paths]
    if args.save:
        write_records(args.save, records)
    old = read_records(args.against) if args.against else None
    if old is not None:
        olds = {r["name"]: r for r in old}
        changed = {"header": 0, "refs": 0, "persons": 0}
        for r in records:
            o = olds.get(r["name"])
            for key in changed:
                if o is None or _core(o, key) != _core(r, key):
                    changed[key] += 1
        print("documents whose output changed:", ", ".join(f"{k} {v}" for k, v in changed.items()))
    refs = sum(len(r["refs"]) for r in records)
    print(f"{len(records)} texts, {refs} cited documents, {sum(len(r['persons']) for r in records)} persons")
    print_counts(CLASSES, symptoms, records, old, args.show)
    return 0


def _core(rec: dict, key: str):
    if key == "refs":
        return [
            {k: v for k, v in r.items() if k in ("doc_type", "symbol", "issued_date", "issuer", "subject")}
            for r in rec["refs"]
        ]
    return rec[key]


if __name__ == "__main__":
    raise SystemExit(main())
