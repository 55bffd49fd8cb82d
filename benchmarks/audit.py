"""Audit what miner extracts from real text without gold: seeded samples judged by a reader.

    python benchmarks/audit.py [--db FILE] [--seed 13] [--size 100]   # ingest, sample, write what to judge
    python benchmarks/audit.py --merge FILE                           # add filled-in verdicts
    python benchmarks/audit.py --report [--db FILE]                   # shares judged correct, audit by audit
    python benchmarks/audit.py --changes [--db FILE]                  # judged items whose extraction changed

Without --db, ../shared/corpus/public/public-web.tar.xz (1,159 real texts) is unpacked into
benchmarks/out/public-web and ingested with `miner ingest` (the working tree's) into a fresh
benchmarks/out/audit/public-web.db; --db reuses a database already ingested. From it, a seeded
random sample of each kind of fact:

- organization: --size (document, organisation) pairs, with the first mention's paragraph;
- award: --size award events (all, when fewer), with their paragraph; each of their documents is
  also an item of kind "page", tagged "grants" or "none" (the page grants or proposes nothing);
- citation: --size (document, cited document) pairs, the resolved cited document (type, symbol,
  date, issuer, subject) with the first citation's paragraph;
- header: --size documents, each of their six fields (title, kind, symbol, issued_date, issuer,
  signer) an item, with the first 25 paragraphs and the signature block.

The sample is "bottom-k": every item gets a pseudo-random rank from its identity (document, paragraph,
extracted values) and the seed, and the --size lowest ranks are taken. So it is a uniform random
sample, and when extraction changes, unchanged items keep their rank and stay in the sample with their
verdicts: only new items need judging. Verdicts live in benchmarks/audit/verdicts.tsv, keyed by
the item's id (a hash of its identity); the items still to judge are written to
benchmarks/out/audit/todo.tsv (fill in `verdict`, `fields`, `class`, `reason`, then --merge it)
with their paragraphs in benchmarks/out/audit/review-KIND.md. How to judge:
benchmarks/audit/README.md.

Each verdict row lists in `audits` the audits whose sample held it: a label, by default the short
commit of the extraction code measured (`git rev-parse --short HEAD`, "+" when miner/ has
uncommitted changes), added to every sampled item when the sample is drawn. --report compares the
audits side by side; --changes lists the judged items of earlier samples that today's extraction no
longer gives, with what it gives at the same paragraph (a correct fact lost or changed is a
regression).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PUBLIC_TAR = SHARED / "corpus" / "public" / "public-web.tar.xz"
OUT = ROOT / "benchmarks" / "out"
PUBLIC = OUT / "public-web"
WORK = OUT / "audit"
VERDICTS = ROOT / "benchmarks" / "audit" / "verdicts.tsv"
COLUMNS = ("kind", "id", "doc", "item", "verdict", "fields", "class", "reason", "audits")
KINDS = ("organization", "award", "citation", "header")
HEADER_FIELDS = ("title", "kind", "symbol", "issued_date", "issuer", "signer")
CITED_COLUMNS = ("doc_type", "symbol", "issued_date", "issuer", "subject")
# What a reader may find wrong in a cited document: "exists" (it is no cited document at all: the
# document's own number, a DOI, "Luật Việt Nam"), "name" (a law cited by name: its name, in subject),
# and the columns. All but "subject" decide the verdict.
CITATION_FIELDS = ("exists", "doc_type", "symbol", "name", "issued_date", "issuer", "subject")
CITATION_CORE = CITATION_FIELDS[:-1]
VALUES = {
    "organization": ("ok", "wrong"),
    "award": ("ok", "wrong"),
    "citation": ("ok", "wrong"),
    "header": ("ok", "wrong"),
    "page": ("grants", "none"),
}
TARGETS = {"organization": 0.90, "citation": 0.90, "award": 0.85}
INGEST = "import sys; from miner.cli import cli; sys.exit(cli())"
# Lines a header is read from: number, place and date, national motto, kind line, passing formula,
# and the metadata block of a Thư viện Pháp luật page.
HEADER_LINE_RE = re.compile(
    r"(Số|Luật số|Số hiệu)\s*:|, ngày\s+\d|CỘNG HÒA XÃ|thông qua ngày|Loại văn bản|Nơi ban hành|Người ký|"
    r"Ngày ban hành|^\W*(QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ|NGHỊ QUYẾT|LUẬT|CÔNG VĂN|KẾ HOẠCH|CHỈ THỊ|THÔNG BÁO|"
    r"BÁO CÁO|HƯỚNG DẪN|TỜ TRÌNH|CÔNG ĐIỆN|QUY ĐỊNH|KẾT LUẬN)\b"
)
SIGNATURE_RE = re.compile(
    r"^\W*(TM\.|T/M|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG|"
    r"PHÓ THỦ TƯỚNG|CHÁNH|TỔNG GIÁM ĐỐC|HIỆU TRƯỞNG|TRƯỞNG BAN|BÍ THƯ|Nơi nhận)"
)


@dataclass(frozen=True)
class Item:
    """One fact to judge: its kind, identity (hashed into `id`), a one-line summary and its context."""

    kind: str
    doc: str
    identity: tuple
    item: str
    context: str = field(default="", compare=False)

    @property
    def id(self) -> str:
        return digest("|".join(map(str, (self.kind, self.doc, *self.identity))))[:16]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rank(seed: int, item: Item) -> str:
    """The item's place in the seeded random order: the same whatever else the database holds."""
    return digest(f"{seed}|{item.id}")


def one_line(value: object) -> str:
    return re.sub(r"\s+", " ", "" if value is None else str(value)).strip()


def code_label() -> str:
    """The short commit of the working tree's extraction code, "+" when miner/ has uncommitted changes."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()

    try:
        return git("rev-parse", "--short", "HEAD") + ("+" if git("status", "--porcelain", "--", "miner") else "")
    except (OSError, subprocess.CalledProcessError):
        return "unlabelled"


def audit_order(labels: set[str]) -> list[str]:
    """The audits' labels, oldest commit first (labels git does not know last, by name)."""

    def when(label: str) -> tuple[int, str]:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct", label.rstrip("+")], cwd=ROOT, capture_output=True, text=True
        )
        return (int(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else 1 << 62, label)

    return sorted(labels, key=when)


# ---------------------------------------------------------------- the database


def build_database(db: Path) -> None:
    """Unpack the public texts if needed and ingest them into a fresh `db` with the working tree's miner."""
    if not PUBLIC.is_dir():
        if not PUBLIC_TAR.is_file():
            sys.exit(f"audit: no {PUBLIC_TAR} (the shared corpus) and no --db to reuse")
        PUBLIC.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["tar", "-xJf", str(PUBLIC_TAR), "-C", str(PUBLIC.parent)], check=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(f"ingesting {PUBLIC.relative_to(ROOT)} into {db} ...", flush=True)
    done = subprocess.run([sys.executable, "-c", INGEST, "ingest", str(PUBLIC), "--db", str(db)], env=env)
    if done.returncode not in (0, 1):  # 1: some file failed, listed in ingest_errors
        sys.exit(f"audit: miner ingest failed with status {done.returncode}")


class Source:
    """Reads the facts and their paragraphs from an ingested database."""

    def __init__(self, db: Path):
        self.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.docs = {
            row[0]: {
                "name": Path(row[1]).name,
                "title": row[2],
                "kind": row[3],
                "symbol": row[4],
                "issued_date": row[5],
                "issuer": row[6],
                "signer": row[7],
            }
            for row in self.conn.execute(
                "select id, path, title, kind, symbol, issued_date, issuer, signer from documents"
            )
        }

    def paragraph(self, paragraph_id: int) -> tuple[int, str]:
        return self.conn.execute("select seq, text from paragraphs where id = ?", [paragraph_id]).fetchone()

    def paragraphs(self, document_id: str) -> list[tuple[int, str]]:
        return self.conn.execute(
            "select seq, text from paragraphs where document_id = ? order by seq", [document_id]
        ).fetchall()

    def doc_line(self, document_id: str) -> str:
        d = self.docs[document_id]
        return f"`{d['name']}` ({d['kind']}, {d['symbol'] or 'no symbol'}, issuer {d['issuer'] or '—'}): {one_line(d['title'])[:160]}"

    def organizations(self) -> list[Item]:
        rows = self.conn.execute(
            """select m.document_id, o.name, m.paragraph_id, m.start, m."end", m.text
               from organization_mentions m join organizations o on o.id = m.organization_id
               join paragraphs p on p.id = m.paragraph_id
               order by m.document_id, o.id, p.seq, m.start"""
        )
        first: dict[tuple[str, str], tuple] = {}
        for doc_id, name, paragraph_id, start, end, text in rows:
            first.setdefault((doc_id, name), (paragraph_id, start, end, text))
        items = []
        for (doc_id, name), (paragraph_id, start, end, text) in first.items():
            seq, paragraph = self.paragraph(paragraph_id)
            items.append(
                Item(
                    "organization",
                    self.docs[doc_id]["name"],
                    (seq, text, name),
                    f"p{seq}: «{one_line(text)}» → {name}",
                    f"{self.doc_line(doc_id)}\n\n> {window(paragraph, start, end)}",
                )
            )
        return items

    def awards(self) -> list[Item]:
        rows = self.conn.execute(
            """select document_id, paragraph_id, start, "end", award, recipient, grantor, year, status, decision
               from award_events order by document_id, paragraph_id, start"""
        )
        items = []
        for doc_id, paragraph_id, start, end, award, recipient, grantor, year, status, decision in rows:
            seq, paragraph = self.paragraph(paragraph_id)
            items.append(
                Item(
                    "award",
                    self.docs[doc_id]["name"],
                    (seq, award, recipient, grantor, year, status),
                    f"p{seq}: {award} → {recipient} (grantor {grantor or '—'}, {year or '—'}, {status or '—'}"
                    f"{', decision ' + decision if decision else ''})",
                    f"{self.doc_line(doc_id)}\n\n> {window(paragraph, start, end)}",
                )
            )
        return items

    def citations(self) -> list[Item]:
        rows = self.conn.execute(
            """select c.document_id, c.paragraph_id, c.start, c."end", c.text,
                      d.doc_type, d.symbol, d.issued_date, d.issuer, d.subject, d.id
               from citations c join cited_documents d on d.id = c.cited_document_id
               join paragraphs p on p.id = c.paragraph_id
               order by c.document_id, d.id, p.seq, c.start"""
        )
        first: dict[tuple[str, int], tuple] = {}
        for doc_id, paragraph_id, start, end, text, *cited, cited_id in rows:
            first.setdefault((doc_id, cited_id), (paragraph_id, start, end, text, *cited))
        items = []
        for (doc_id, _), (paragraph_id, start, end, text, *cited) in first.items():
            seq, paragraph = self.paragraph(paragraph_id)
            values = dict(zip(CITED_COLUMNS, cited))
            items.append(
                Item(
                    "citation",
                    self.docs[doc_id]["name"],
                    (seq, text, *cited),
                    f"p{seq}: «{one_line(text)[:120]}» → "
                    + "; ".join(f"{k}={one_line(v) or '—'}" for k, v in values.items()),
                    f"{self.doc_line(doc_id)}\n\n> {window(paragraph, start, end)}",
                )
            )
        return items

    def header_documents(self) -> list[str]:
        return sorted(self.docs)

    def header_items(self, document_id: str) -> list[Item]:
        d = self.docs[document_id]
        return [
            Item("header", d["name"], (name, d[name]), f"{name} = {one_line(d[name]) or '—'}") for name in HEADER_FIELDS
        ]

    def header_context(self, document_id: str) -> str:
        """The first 25 paragraphs with text, then around each header line (number, date, kind, passing
        formula: first 80 paragraphs), each signature line and each line naming the signer."""
        paragraphs = self.paragraphs(document_id)
        signer = (self.docs[document_id]["signer"] or "").lower()
        filled = [i for i, (_, text) in enumerate(paragraphs) if text.strip(" |*#-_")]
        has_text = set(filled)
        shown = set(filled[:25])
        for n, i in enumerate(filled):
            text = paragraphs[i][1]
            if SIGNATURE_RE.match(text) or (signer and signer in text.lower()):
                shown.update(filled[max(n - 1, 0) : n + 6])
            elif (n < 80 or "thông qua ngày" in text) and HEADER_LINE_RE.search(text):
                shown.update(filled[max(n - 1, 0) : n + 3])
        lines, last = [], -1
        for i in sorted(shown):
            if any(j in has_text for j in range(last + 1, i)):
                lines.append("    …")
            seq, text = paragraphs[i]
            lines.append(f"    {seq:>4}  {one_line(text)[:220]}")
            last = i
        if last != len(paragraphs) - 1:
            lines.append(f"    … ({len(paragraphs)} paragraphs)")
        return "\n".join(lines)


def window(text: str, start: int | None, end: int | None, around: int = 350) -> str:
    """The paragraph, or the part of it around [start, end), with the span marked «»."""
    text = text or ""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return one_line(text[: 2 * around]) + (" …" if len(text) > 2 * around else "")
    left, right = max(0, start - around), min(len(text), end + around)
    return one_line(
        ("… " if left else "")
        + text[left:start]
        + "«"
        + text[start:end]
        + "»"
        + text[end:right]
        + (" …" if right < len(text) else "")
    )


# ---------------------------------------------------------------- the sample


def bottom(items: list[Item], seed: int, size: int) -> list[Item]:
    return sorted(items, key=lambda item: rank(seed, item))[:size]


def draw(source: Source, seed: int, size: int) -> dict[str, list[Item]]:
    """The seeded sample of each kind (headers: all six fields of `size` documents), and the award pages."""
    sample = {
        "organization": bottom(source.organizations(), seed, size),
        "award": bottom(source.awards(), seed, size),
        "citation": bottom(source.citations(), seed, size),
    }
    documents = sorted(source.header_documents(), key=lambda d: digest(f"{seed}|header|{source.docs[d]['name']}"))
    sample["header"] = [item for d in documents[:size] for item in source.header_items(d)]
    by_name = {v["name"]: k for k, v in source.docs.items()}
    sample["page"] = [
        Item(
            "page", name, (), f"does {name} grant or propose any award? (grants / none)", source.doc_line(by_name[name])
        )
        for name in sorted({item.doc for item in sample["award"]})
    ]
    contexts = {source.docs[d]["name"]: source.header_context(d) for d in documents[:size]}
    sample["header"] = [Item(i.kind, i.doc, i.identity, i.item, contexts[i.doc]) for i in sample["header"]]
    return sample


# ---------------------------------------------------------------- verdicts


def read_tsv(path: Path) -> list[dict]:
    """Rows of a tab-separated file with a header line (values hold no tabs: no quoting)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return []
    names = lines[0].split("\t")
    return [dict(zip(names, (v.strip() for v in line.split("\t")))) for line in lines[1:] if line.strip()]


def write_tsv(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(COLUMNS)] + ["\t".join(one_line(row.get(c)).replace("\t", " ") for c in COLUMNS) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_verdicts(path: Path = VERDICTS) -> dict[str, dict]:
    return {row["id"]: row for row in read_tsv(path) if row.get("id")} if path.is_file() else {}


def write_verdicts(rows: dict[str, dict], path: Path = VERDICTS) -> None:
    write_tsv(path, sorted(rows.values(), key=lambda r: (r["kind"], r["doc"], r["item"], r["id"])))


def check(row: dict) -> str | None:
    """What is wrong with a filled-in verdict row, or None."""
    allowed = VALUES.get(row.get("kind", ""))
    if allowed is None:
        return f"unknown kind {row.get('kind')!r}"
    if row.get("verdict") not in allowed:
        return f"verdict {row.get('verdict')!r} is not one of {allowed}"
    if row["verdict"] == "wrong" and not row.get("reason"):
        return "a wrong verdict needs a reason"
    wrong_fields = [f for f in (row.get("fields") or "").split(",") if f]
    if row["kind"] == "citation" and any(f not in CITATION_FIELDS for f in wrong_fields):
        return f"fields must be among {CITATION_FIELDS}"
    if row["kind"] == "citation" and (row["verdict"] == "wrong") != any(f in CITATION_CORE for f in wrong_fields):
        return f"a citation is wrong exactly when one of {CITATION_CORE} is in `fields`"
    return None


def merge(path: Path) -> int:
    """Add the filled-in rows of `path` to the verdicts; rows left blank are skipped."""
    verdicts = read_verdicts()
    rows = [row for row in read_tsv(path) if row.get("verdict")]
    errors = [f"{row.get('id')}: {problem}" for row in rows if (problem := check(row))]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    for row in rows:
        verdicts[row["id"]] = row
    write_verdicts(verdicts)
    print(f"{len(rows)} verdicts merged into {VERDICTS.relative_to(ROOT)} ({len(verdicts)} in all)")
    return 0


def audits_of(row: dict) -> list[str]:
    return [a for a in (row.get("audits") or "").split(",") if a]


def tag(sample: dict[str, list[Item]], verdicts: dict[str, dict], label: str) -> int:
    """Add `label` to the audits of every judged item of the sample; how many rows changed."""
    changed = 0
    for item in (i for items in sample.values() for i in items):
        row = verdicts.get(item.id)
        if row is not None and label not in audits_of(row):
            row["audits"] = ",".join([*audits_of(row), label])
            changed += 1
    return changed


def write_todo(sample: dict[str, list[Item]], verdicts: dict[str, dict], label: str) -> None:
    """benchmarks/out/audit/todo.tsv (the unjudged items) and review-KIND.md (their contexts)."""
    WORK.mkdir(parents=True, exist_ok=True)
    todo = [item for items in sample.values() for item in items if item.id not in verdicts]
    write_tsv(
        WORK / "todo.tsv", [{"kind": i.kind, "id": i.id, "doc": i.doc, "item": i.item, "audits": label} for i in todo]
    )
    for kind, items in sample.items():
        unjudged = [item for item in items if item.id not in verdicts]
        lines = [f"# {kind}: {len(unjudged)} to judge of {len(items)} sampled\n"]
        last_context = None
        for item in unjudged:
            if item.context != last_context:  # a header's six fields share one context
                lines.append(f"\n## {item.doc}\n\n{item.context}\n")
                last_context = item.context
            lines.append(f"- `{item.id}` {item.item}")
        (WORK / f"review-{kind}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{len(todo)} items to judge: {(WORK / 'todo.tsv').relative_to(ROOT)}, "
        f"contexts in {WORK.relative_to(ROOT)}/review-*.md"
    )


# ---------------------------------------------------------------- the report


def share(good: int, judged: int) -> str:
    return f"{good / judged:.0%} ({good}/{judged})" if judged else "— (0 judged)"


def summary(rows: list[dict]) -> dict[str, str]:
    """The shares judged correct among verdict rows (one audit's sample): per kind, per header field and
    per document, and the award events from pages that grant nothing."""
    out: dict[str, str] = {}
    by_kind: dict[str, list[dict]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    for kind in ("organization", "citation", "award"):
        done = by_kind.get(kind, [])
        out[kind] = share(sum(r["verdict"] == "ok" for r in done), len(done)) if done else "— (0 items)"
    pages = {r["doc"]: r["verdict"] for r in by_kind.get("page", [])}
    events = by_kind.get("award", [])
    from_none = sum(pages.get(r["doc"]) == "none" for r in events)
    out["award pages: grant / nothing"] = (
        f"{sum(v == 'grants' for v in pages.values())} / {sum(v == 'none' for v in pages.values())}"
    )
    out["events from pages granting nothing"] = f"{from_none} of {len(events)}"
    fields: dict[str, dict[str, str]] = {}
    for r in by_kind.get("header", []):
        fields.setdefault(r["doc"], {})[r["item"].split(" = ", 1)[0]] = r["verdict"]
    whole = [v for v in fields.values() if len(v) == len(HEADER_FIELDS)]
    out["header (doc)"] = share(sum(all(x == "ok" for x in v.values()) for v in whole), len(whole))
    for name in HEADER_FIELDS:
        judged = [v[name] for v in fields.values() if name in v]
        out["  " + name] = share(judged.count("ok"), len(judged))
    return out


def report(sample: dict[str, list[Item]], verdicts: dict[str, dict], label: str) -> None:
    print(f"{'kind':14}{'correct':>16}  target  unjudged")
    for kind in KINDS:
        items = sample[kind]
        if kind == "header":
            docs: dict[str, list[dict | None]] = {}
            for item in items:
                docs.setdefault(item.doc, []).append(verdicts.get(item.id))
            judged = [v for v in docs.values() if all(v)]
            good = sum(all(r["verdict"] == "ok" for r in v) for v in judged)
            unjudged = sum(not all(v) for v in docs.values())
            print(f"{'header (doc)':14}{share(good, len(judged)):>16}  {'':6}  {unjudged}")
            for name in HEADER_FIELDS:
                rows = [verdicts.get(i.id) for i in items if i.identity[0] == name]
                done = [r for r in rows if r]
                print(f"{'  ' + name:14}{share(sum(r['verdict'] == 'ok' for r in done), len(done)):>16}")
            continue
        rows = [verdicts.get(item.id) for item in items]
        done = [r for r in rows if r]
        good = sum(r["verdict"] == "ok" for r in done)
        target = f"{TARGETS[kind]:.0%}" if kind in TARGETS else ""
        print(f"{kind:14}{share(good, len(done)):>16}  {target:>6}  {len(rows) - len(done)}")
        if kind == "citation":
            for name in CITATION_FIELDS:
                bad = sum(name in (r.get("fields") or "").split(",") for r in done)
                print(f"{'  ' + name:14}{share(len(done) - bad, len(done)):>16}")
    pages = {item.doc: verdicts.get(item.id) for item in sample["page"]}
    none = {doc for doc, row in pages.items() if row and row["verdict"] == "none"}
    from_none = [item for item in sample["award"] if item.doc in none]
    print(
        f"\naward events: {len(sample['award'])} sampled; their pages: {len(pages)}, "
        f"{sum(1 for r in pages.values() if r and r['verdict'] == 'grants')} "
        f"grant, {len(none)} grant nothing, {sum(1 for r in pages.values() if not r)} untagged; "
        f"award events from pages that grant nothing: {len(from_none)} (target 0)"
    )
    for item in from_none[:20]:
        print(f"  {item.doc} {item.item}")
    if len(from_none) > 20:
        print(f"  … and {len(from_none) - 20} more")
    classes = Counter(
        (row["kind"], name)
        for kind in KINDS
        for item in sample[kind]
        if (row := verdicts.get(item.id)) and (row["verdict"] == "wrong" or row.get("class"))
        for name in (row.get("class") or "?").split(",")
    )
    print("\nerror classes (kind, class: items; an item may have several):")
    for (kind, name), n in classes.most_common():
        print(f"  {kind:13} {name:28} {n}")
    compare(sample, verdicts, label)
    todo = [item for items in sample.values() for item in items if item.id not in verdicts]
    if todo:
        print(f"\n{len(todo)} items still unjudged (run without --report to write them out), e.g.:")
        for item in todo[:10]:
            print(f"  {item.kind:13} {item.doc} {item.item[:110]}")


def compare(sample: dict[str, list[Item]], verdicts: dict[str, dict], label: str) -> None:
    """The audits recorded in the verdicts side by side, with this sample ("now") last."""
    labels = audit_order({a for row in verdicts.values() for a in audits_of(row)})
    current = [row for items in sample.values() for item in items if (row := verdicts.get(item.id))]
    columns = [(f"audit {a}", summary([r for r in verdicts.values() if a in audits_of(r)])) for a in labels]
    if label not in labels:  # a sample not yet tagged (a database given with another --label)
        columns.append((f"now ({label})", summary(current)))
    width = max(16, *(len(v) + 2 for _, col in columns for v in col.values()), *(len(n) + 2 for n, _ in columns))
    print("\naudits compared (share judged correct):")
    print(f"{'':36}" + "".join(f"{name:>{width}}" for name, _ in columns) + "  target")
    for key in columns[0][1]:
        kind = key.strip().split(" ")[0]
        target = f"{TARGETS[kind]:.0%}" if key in TARGETS else ("0" if key.startswith("events from") else "")
        print(f"{key:36}" + "".join(f"{col[key]:>{width}}" for _, col in columns) + f"  {target}")


ITEM_RE = re.compile(r"p(\d+): «(.*?)» → (.*)$")


def changes(source: Source, verdicts: dict[str, dict]) -> None:
    """The judged items that today's extraction no longer gives as they were judged. An organisation or
    cited document still extracted from the document with the same values (its first mention found in
    another paragraph, or paragraphs numbered anew by a reader) is only counted; otherwise what the
    same words (or, failing them, the same paragraph) give now, and for a header field its value now."""
    by_doc: dict[tuple[str, str], list[Item]] = {}
    ids = set()
    for item in [*source.organizations(), *source.citations(), *source.awards()]:
        ids.add(item.id)
        by_doc.setdefault((item.kind, item.doc), []).append(item)
    fields: dict[tuple[str, str], Item] = {}
    for document_id in source.header_documents():
        for item in source.header_items(document_id):
            ids.add(item.id)
            fields[item.doc, item.identity[0]] = item
    gone = [r for r in verdicts.values() if r["kind"] in KINDS and r["id"] not in ids]
    print(
        f"{len(gone)} of {sum(r['kind'] in KINDS for r in verdicts.values())} judged items are no longer "
        f"extracted as they were judged"
    )

    def now(row: dict) -> tuple[str, list[Item]]:
        if row["kind"] == "header":
            item = fields.get((row["doc"], row["item"].split(" = ", 1)[0]))
            return "changed", [item] if item else []
        found = ITEM_RE.match(row["item"])
        if not found:  # an award event: what its paragraph gives now
            seq = (re.match(r"p(\d+):", row["item"]) or re.match("()", "")).group(1)
            return "changed", [i for i in by_doc.get((row["kind"], row["doc"]), []) if str(i.identity[0]) == seq]
        seq, text, value = found.groups()
        items = by_doc.get((row["kind"], row["doc"]), [])
        if [i for i in items if i.item.split(" → ", 1)[-1] == value]:
            return "moved", []
        same = [i for i in items if (m := ITEM_RE.match(i.item)) and m.group(2) == text]
        same = same or [i for i in items if str(i.identity[0]) == seq]
        return ("changed" if same else "dropped"), same

    for was in ("ok", "wrong"):
        rows = sorted((r for r in gone if r["verdict"] == was), key=lambda r: (r["kind"], r["doc"], r["item"]))
        found = [(row, *now(row)) for row in rows]
        moved = sum(status == "moved" for _, status, _ in found)
        print(
            f"\n## judged {was} then: {len(rows)} ({moved} still extracted with the same values elsewhere "
            f"in the document, not listed)"
        )
        for row, status, items in found:
            if status == "moved":
                continue
            print(f"- {status}: {row['kind']} {row['doc']} {row['item'][:200]}")
            if row.get("reason"):
                print(f"    reason then: {row['reason'][:200]}")
            for item in items:
                mark = f" [{verdicts[item.id]['verdict']}]" if item.id in verdicts else " [unjudged]"
                print(f"    now: {item.item[:200]}{mark}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an ingested database to audit (default: ingest the public texts afresh)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--size", type=int, default=100, help="items of each kind (documents, for headers)")
    ap.add_argument(
        "--label",
        help="the audit's label (default: the code the database was ingested with, "
        "kept beside it in DB.label, else the working tree's short commit)",
    )
    ap.add_argument(
        "--no-tag",
        action="store_true",
        help="a development sample: write todo.tsv but leave verdicts.tsv as it is (no audit recorded)",
    )
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--report", action="store_true", help="print the shares judged correct, audit by audit")
    mode.add_argument("--merge", type=Path, metavar="TSV", help="add the filled-in verdicts of TSV")
    mode.add_argument("--changes", action="store_true", help="list the judged items today's extraction changed")
    args = ap.parse_args(argv)
    if args.merge:
        return merge(args.merge)
    db = args.db or WORK / "public-web.db"
    sidecar = Path(f"{db}.label")
    if args.db is None and not (args.report or args.changes):
        build_database(db)
        sidecar.write_text(code_label() + "\n", encoding="utf-8")
    if not db.is_file():
        sys.exit(f"audit: no database {db}: run `python benchmarks/audit.py` first, or give --db")
    label = args.label or (sidecar.read_text(encoding="utf-8").strip() if sidecar.is_file() else code_label())
    source = Source(db)
    verdicts = read_verdicts()
    if args.changes:
        changes(source, verdicts)
        return 0
    sample = draw(source, args.seed, args.size)
    print(f"{db} ({label}): seed {args.seed}; " + ", ".join(f"{len(v)} {k}" for k, v in sample.items()))
    if args.report:
        report(sample, verdicts, label)
        return 0
    if not args.no_tag and (tagged := tag(sample, verdicts, label)):
        write_verdicts(verdicts)
        print(f"{tagged} judged items of the sample marked as in audit {label} ({VERDICTS.relative_to(ROOT)})")
    write_todo(sample, verdicts, label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
