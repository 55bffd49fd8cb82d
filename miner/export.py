"""Corpora out of a miner database: every document with its mentions, for spaCy and for JSON readers.

- spaCy: a DocBin (`OUT.spacy`, what `spacy train` configs and `DocBin().from_disk` load): a Doc a
  document, its text the paragraphs joined by blank lines, cut into syllables (miner.spacy_pipe's
  SyllableTokenizer, so that every mention falls on token boundaries), its mentions in
  doc.spans["miner"] and the longest non-overlapping ones in doc.ents, each with its canonical name
  as kb_id; doc._.miner holds the record and doc.user_data["miner.document"] the document's row.
- JSON lines: a line a document: its row, its paragraphs and its record in the shape of
  ../shared/spec/extraction.md, every item with its spans (paragraph seq, start, end, text).

The database is read only, never changed; `where` is an SQL condition on the documents table
("year = 2022 and province = 'Đắk Nông'", "kind = 'quyet_dinh'"), with miner's fold() available.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MinerError
from .normalize import fold, fold_key

FORMATS = ("spacy", "jsonl")
DOCUMENT_COLUMNS = (
    "id",
    "path",
    "format",
    "title",
    "kind",
    "symbol",
    "issued_date",
    "year",
    "issuer",
    "signer",
    "province",
)
SEPARATOR = "\n\n"  # between paragraphs, as Document.text joins them


class ExportError(MinerError):
    """The export cannot be made as asked."""


@dataclass(frozen=True)
class Mention:
    """One row of a mention table: what it names, where, and the entity's columns."""

    label: str
    entity: tuple[str, int]  # (table, id): the entity the record lists once
    paragraph: int | None  # seq
    start: int | None
    end: int | None
    text: str | None
    canonical: str | None
    entry: dict


@dataclass(frozen=True)
class ExportedDocument:
    row: dict
    paragraphs: tuple[tuple[int, str, str], ...]  # (seq, kind, text)
    mentions: tuple[Mention, ...] = field(default=())

    @property
    def text(self) -> str:
        return SEPARATOR.join(text for _, _, text in self.paragraphs)

    def offsets(self) -> dict[int, int]:
        """Where each paragraph (by seq) starts in `text`."""
        found, at = {}, 0
        for seq, _, text in self.paragraphs:
            found[seq] = at
            at += len(text) + len(SEPARATOR)
        return found

    def record(self) -> dict:
        """The document's record, in extraction.md's shape, rebuilt from the database's rows."""
        row = self.row
        record: dict = {
            key: row.get(key)
            for key in ("title", "kind", "symbol", "issued_date", "year", "issuer", "signer", "province")
        }
        groups: dict[str, dict[tuple[str, int], dict]] = {key: {} for key in _RECORD_KEYS.values()}
        for m in sorted(self.mentions, key=_reading_order):
            key = _RECORD_KEYS[m.label]
            item = groups[key].get(m.entity)
            if item is None:
                item = groups[key][m.entity] = {**m.entry, "spans": []}
            elif m.label == "PER" and item.get("role") is None and m.entry.get("role"):
                item["role"] = m.entry["role"]
            if m.paragraph is not None:
                item["spans"].append({"paragraph": m.paragraph, "start": m.start, "end": m.end, "text": m.text})
        for key, items in groups.items():
            record[key] = list(items.values())
        record["award_types"] = [t["name"] for t in record["award_type_mentions"]]
        return record


# The record's lists, by mention label.
_RECORD_KEYS = {
    "LEGAL_REF": "legal_refs",
    "ORG": "organizations",
    "PER": "persons",
    "LOC": "locations",
    "EMULATION_GROUP": "emulation_groups",
    "AWARD": "awards",
    "AWARD_TYPE": "award_type_mentions",
}


def _reading_order(m: Mention) -> tuple:
    return (m.paragraph is None, m.paragraph or 0, m.start or 0)


# ---------------------------------------------------------------- reading the database


def connect(path: str | Path) -> sqlite3.Connection:
    """The database, read only, with miner's fold() and fold_key() for `where` conditions."""
    path = Path(path)
    if not path.is_file():
        raise ExportError(path, "no such database", "give the file `miner ingest --db` wrote")
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    db.create_function("fold", 1, fold, deterministic=True)
    db.create_function("fold_key", 1, fold_key, deterministic=True)
    tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    if "documents" not in tables or "paragraphs" not in tables:
        raise ExportError(
            path, "not a miner database (no documents or paragraphs table)", "run `miner ingest` to make one"
        )
    return db


def document_ids(db: sqlite3.Connection, where: str | None = None) -> list[str]:
    """The ids of the documents to export, in path order."""
    sql = "select id from documents" + (f" where {where}" if where else "") + " order by path, id"
    try:
        return [r[0] for r in db.execute(sql)]
    except sqlite3.Error as exc:
        columns = ", ".join(r[1] for r in db.execute("pragma table_info(documents)"))
        raise ExportError(
            None, f"--where {where!r} is not a condition on documents: {exc}", f"use its columns: {columns}"
        ) from exc


def read_documents(db: sqlite3.Connection, ids: list[str]) -> Iterator[ExportedDocument]:
    """Each document with its paragraphs and mentions, as stored."""
    queries = _mention_queries(db)
    for document_id in ids:
        row = db.execute(
            f"select {', '.join(_present(db, 'documents', DOCUMENT_COLUMNS))} from documents where id = ?",
            [document_id],
        ).fetchone()
        paragraphs = tuple(
            (r["seq"], r["kind"], r["text"])
            for r in db.execute(
                "select seq, kind, text from paragraphs where document_id = ? order by seq", [document_id]
            )
        )
        mentions = tuple(m for query in queries for m in query(document_id))
        yield ExportedDocument(dict(row), paragraphs, mentions)


def _present(db: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> list[str]:
    """The columns of `table` among `columns` (an older schema lacks some: locations.now_in)."""
    have = {r[1] for r in db.execute(f"pragma table_info([{table}])")}
    return [c for c in columns if c in have]


# label, mention table, entity table, its key column, the entity's columns in the record, the
# column giving the canonical name, the mention's own columns in the record
_MENTION_TABLES = (
    (
        "LEGAL_REF",
        "citations",
        "cited_documents",
        "cited_document_id",
        ("doc_type", "symbol", "number", "issued_date", "issuer", "subject", "year", "code"),
        None,
        (),
    ),
    ("ORG", "organization_mentions", "organizations", "organization_id", ("name", "kind", "province"), "name", ()),
    ("PER", "person_mentions", "persons", "person_id", ("name",), "name", ("role",)),
    (
        "LOC",
        "location_mentions",
        "locations",
        "location_id",
        ("name", "level", "province", "merged_into", "now_in"),
        "name",
        (),
    ),
    ("EMULATION_GROUP", "emulation_group_mentions", "emulation_groups", "emulation_group_id", ("name",), "name", ()),
    ("AWARD_TYPE", "award_type_mentions", "award_types", "award_type_id", ("name",), "name", ()),
)
_AWARD_COLUMNS = ("award", "recipient", "grantor", "year", "status", "decision", "recipient_kind")


def _mention_queries(db: sqlite3.Connection) -> list[Callable[[str], Iterator[Mention]]]:
    queries = []
    for label, table, entity_table, key, wanted, canonical, wanted_own in _MENTION_TABLES:
        columns = _present(db, entity_table, wanted)
        own = _present(db, table, wanted_own)
        sql = (
            f"select m.[{key}] as entity_id, p.seq, m.start, m.[end], m.text, "
            + ", ".join([*(f"e.[{c}] as [{c}]" for c in columns), *(f"m.[{c}] as [{c}]" for c in own)])
            + f" from [{table}] m join [{entity_table}] e on e.id = m.[{key}]"
            " left join paragraphs p on p.id = m.paragraph_id where m.document_id = ? order by m.id"
        )
        queries.append(_query(db, sql, label, entity_table, (*columns, *own), canonical))
    award_sql = (
        f"select a.id as entity_id, p.seq, a.start, a.[end], a.text, {', '.join(f'a.[{c}]' for c in _AWARD_COLUMNS)}"
        " from award_events a left join paragraphs p on p.id = a.paragraph_id where a.document_id = ? order by a.id"
    )
    queries.append(_query(db, award_sql, "AWARD", "award_events", _AWARD_COLUMNS, "award"))
    return queries


def _query(db, sql: str, label: str, entity_table: str, columns: tuple[str, ...], canonical: str | None):
    def run(document_id: str) -> Iterator[Mention]:
        for r in db.execute(sql, [document_id]):
            entry = {c: r[c] for c in columns}
            name = entry[canonical] if canonical else (entry["symbol"] or entry["subject"] or entry["doc_type"])
            yield Mention(label, (entity_table, r["entity_id"]), r["seq"], r["start"], r["end"], r["text"], name, entry)

    return run


# ---------------------------------------------------------------- writing


def export(
    db_path: str | Path,
    out: str | Path,
    fmt: str,
    where: str | None = None,
    on_document: Callable[[], None] | None = None,
) -> tuple[int, int]:
    """Write the documents of `db_path` (those `where` selects) to `out` as `fmt`; (documents, spans)."""
    if fmt not in FORMATS:
        raise ExportError(out, f"no format {fmt!r}", f"choose one of {', '.join(FORMATS)}")
    db = connect(db_path)
    try:
        ids = document_ids(db, where)
        documents = read_documents(db, ids)
        if on_document is not None:
            documents = _counted(documents, on_document)
        write = write_docbin if fmt == "spacy" else write_jsonl
        return write(documents, Path(out))
    finally:
        db.close()


def count(db_path: str | Path, where: str | None = None) -> int:
    """How many documents `where` selects (for a progress bar)."""
    db = connect(db_path)
    try:
        return len(document_ids(db, where))
    finally:
        db.close()


def _counted(documents: Iterator[ExportedDocument], tick: Callable[[], None]) -> Iterator[ExportedDocument]:
    for doc in documents:
        yield doc
        tick()


def write_jsonl(documents: Iterator[ExportedDocument], out: Path) -> tuple[int, int]:
    """A JSON line a document: its row, its paragraphs and its record."""
    n = spans = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for doc in documents:
            line = {
                **doc.row,
                "paragraphs": [{"seq": seq, "kind": kind, "text": text} for seq, kind, text in doc.paragraphs],
                "record": doc.record(),
            }
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += 1
            spans += sum(1 for m in doc.mentions if m.paragraph is not None)
    return n, spans


def write_docbin(documents: Iterator[ExportedDocument], out: Path) -> tuple[int, int]:
    """A DocBin of the documents, each with its mentions as spans and entities."""
    import spacy
    from spacy.tokens import DocBin

    from . import spacy_pipe

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = spacy_pipe.SyllableTokenizer(nlp.vocab)
    spacy_pipe.register_extensions()
    docbin = DocBin(store_user_data=True)
    n = spans = 0
    for exported in documents:
        doc = nlp.make_doc(exported.text)
        offsets = exported.offsets()
        mentions = [
            spacy_pipe.Mention(
                m.label, offsets[m.paragraph] + m.start, offsets[m.paragraph] + m.end, m.canonical, m.entry
            )
            for m in exported.mentions
            if m.paragraph is not None
            and m.paragraph in offsets
            # the schema lets a mention row have no offsets (miner always writes them)
            and m.start is not None
            and m.end is not None
            and m.end > m.start
        ]
        mentions.sort(key=lambda m: (m.start, m.end, spacy_pipe.LABELS.index(m.label)))
        spacy_pipe.set_mentions(doc, mentions)
        doc._.miner = exported.record()
        doc.user_data["miner.document"] = exported.row
        docbin.add(doc)
        n += 1
        spans += len(doc.spans[spacy_pipe.SPANS_KEY])
    out.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(out)
    return n, spans
