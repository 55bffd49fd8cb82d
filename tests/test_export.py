"""Corpora out: `miner export DB --format spacy|jsonl OUT [--where SQL]`, loaded back and checked
against the database's rows."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

spacy = pytest.importorskip("spacy")

from miner.cli import cli  # noqa: E402
from miner.ingest import ingest  # noqa: E402
from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402
from miner.store import open_db  # noqa: E402

DECISION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN

Số: 12/QĐ-UBND

Bình Thuận, ngày 5 tháng 1 năm 2024

QUYẾT ĐỊNH
Về việc tặng Bằng khen

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN

Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;

Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho Sở Tư pháp tỉnh Bình Thuận, đã có thành tích xuất sắc năm 2023.

Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này.

CHỦ TỊCH
Nguyễn Văn Phong
"""

# Every mention the database keeps with a paragraph: (label, paragraph seq, start, end, text, canonical).
MENTIONS_SQL = """
select 'LEGAL_REF', p.seq, m.start, m.[end], m.text, coalesce(e.symbol, e.subject, e.doc_type) from citations m
  join cited_documents e on e.id = m.cited_document_id join paragraphs p on p.id = m.paragraph_id where m.document_id = :id
union all select 'ORG', p.seq, m.start, m.[end], m.text, e.name from organization_mentions m
  join organizations e on e.id = m.organization_id join paragraphs p on p.id = m.paragraph_id where m.document_id = :id
union all select 'PER', p.seq, m.start, m.[end], m.text, e.name from person_mentions m
  join persons e on e.id = m.person_id join paragraphs p on p.id = m.paragraph_id where m.document_id = :id
union all select 'LOC', p.seq, m.start, m.[end], m.text, e.name from location_mentions m
  join locations e on e.id = m.location_id join paragraphs p on p.id = m.paragraph_id where m.document_id = :id
union all select 'EMULATION_GROUP', p.seq, m.start, m.[end], m.text, e.name from emulation_group_mentions m
  join emulation_groups e on e.id = m.emulation_group_id join paragraphs p on p.id = m.paragraph_id where m.document_id = :id
union all select 'AWARD_TYPE', p.seq, m.start, m.[end], m.text, e.name from award_type_mentions m
  join award_types e on e.id = m.award_type_id join paragraphs p on p.id = m.paragraph_id where m.document_id = :id
union all select 'AWARD', p.seq, m.start, m.[end], m.text, m.award from award_events m
  join paragraphs p on p.id = m.paragraph_id where m.document_id = :id
"""


@pytest.fixture(scope="module")
def two_db(tmp_path_factory) -> Path:
    """A database of the seed report (2022) and a decision of Bình Thuận (2024)."""
    folder = tmp_path_factory.mktemp("archive")
    shutil.copy(Path(__file__).resolve().parents[1] / "corpus" / "000-khoi5-daknong-2022.txt", folder)
    (folder / "qd-12-binh-thuan.txt").write_text(DECISION, encoding="utf-8")
    path = folder.parent / "two.db"
    db = open_db(path)
    assert ingest(db, [folder]).ingested == 2
    db.close()
    return path


def _rows(db_path: Path, sql: str, params=()) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return [tuple(r) for r in db.execute(sql, params)]


def _export(db_path: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", str(db_path), str(out), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _expected(db_path: Path, document_id: str) -> tuple[str, list[tuple]]:
    """The document's text (paragraphs joined by blank lines) and its mentions in that text."""
    paragraphs = _rows(db_path, "select seq, text from paragraphs where document_id = ? order by seq", [document_id])
    offsets, at = {}, 0
    for seq, text in paragraphs:
        offsets[seq] = at
        at += len(text) + 2
    mentions = sorted(
        {
            (label, offsets[seq] + start, offsets[seq] + end, text, canonical)
            for label, seq, start, end, text, canonical in _rows(db_path, MENTIONS_SQL, {"id": document_id})
        }
    )
    return "\n\n".join(text for _, text in paragraphs), mentions


def test_the_docbin_holds_every_document_with_the_databases_spans(two_db, tmp_path) -> None:
    out = tmp_path / "corpus.spacy"
    assert _export(two_db, out, "--format", "spacy").startswith("exported 2 documents, ")
    from spacy.tokens import DocBin

    nlp = spacy.blank("vi")
    nlp.add_pipe("miner")  # registers span._.canonical and doc._.miner
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    ids = [r[0] for r in _rows(two_db, "select id from documents order by path, id")]
    assert [d.user_data["miner.document"]["id"] for d in docs] == ids
    for doc, document_id in zip(docs, ids):
        text, mentions = _expected(two_db, document_id)
        assert doc.text == text
        spans = doc.spans["miner"]
        assert sorted((s.label_, s.start_char, s.end_char, s.text, s._.canonical) for s in spans) == mentions
        assert all(s.kb_id_ == s._.canonical for s in spans)
        ents = list(doc.ents)
        assert ents and all(a.end <= b.start for a, b in zip(ents, ents[1:]))
        assert {(e.label_, e.start_char, e.end_char) for e in ents} <= {(m[0], m[1], m[2]) for m in mentions}
    seed = next(d for d in docs if d.user_data["miner.document"]["year"] == 2022)
    assert {(s.label_, s._.canonical) for s in seed.spans["miner"]} >= {
        ("LEGAL_REF", "354/QĐ-UBND"),
        ("ORG", "Bộ Tài chính"),
    }


def test_the_docbin_is_a_corpus_spacy_train_reads(two_db, tmp_path) -> None:
    out = tmp_path / "corpus.spacy"
    _export(two_db, out)  # the format from the suffix
    from spacy.training import Corpus

    examples = list(Corpus(str(out))(spacy.blank("vi")))
    assert len(examples) == 2
    assert all(len(eg.reference.ents) > 0 and eg.reference.spans["miner"] for eg in examples)


def test_the_jsonl_holds_paragraphs_and_the_record_with_the_databases_spans(two_db, tmp_path) -> None:
    out = tmp_path / "corpus.jsonl"
    _export(two_db, out, "--format", "jsonl")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [r[0] for r in _rows(two_db, "select id from documents order by path, id")]
    for line in lines:
        assert [(p["seq"], p["kind"], p["text"]) for p in line["paragraphs"]] == _rows(
            two_db, "select seq, kind, text from paragraphs where document_id = ? order by seq", [line["id"]]
        )
        record = line["record"]
        spans = sorted(
            (label, s["paragraph"], s["start"], s["end"], s["text"], _canonical(label, item))
            for label, key in (
                ("LEGAL_REF", "legal_refs"),
                ("ORG", "organizations"),
                ("PER", "persons"),
                ("LOC", "locations"),
                ("EMULATION_GROUP", "emulation_groups"),
                ("AWARD", "awards"),
                ("AWARD_TYPE", "award_type_mentions"),
            )
            for item in record[key]
            for s in item["spans"]
        )
        assert spans == sorted(_rows(two_db, MENTIONS_SQL, {"id": line["id"]}))
    seed = next(line for line in lines if line["year"] == 2022)
    extracted = build_record(read_document(Path(seed["path"]))).to_dict()
    for key, name in (
        ("legal_refs", "symbol"),
        ("organizations", "name"),
        ("persons", "name"),
        ("locations", "name"),
        ("emulation_groups", "name"),
    ):
        assert sorted(item[name] for item in seed["record"][key]) == sorted(item[name] for item in extracted[key])
    assert sorted(seed["record"]["award_types"]) == sorted(extracted["award_types"])
    assert [(a["award"], a["recipient"], a["grantor"], a["year"]) for a in seed["record"]["awards"]] == [
        (a["award"], a["recipient"], a["grantor"], a["year"]) for a in extracted["awards"]
    ]
    assert seed["record"]["locations"][0]["now_in"] == "tỉnh Lâm Đồng"


def _canonical(label: str, item: dict) -> str:
    if label == "LEGAL_REF":
        return item["symbol"] or item["subject"] or item["doc_type"]
    return item["award"] if label == "AWARD" else item["name"]


@pytest.mark.parametrize(
    ("where", "years"),
    [
        ("year = 2022", [2022]),
        ("kind = 'quyet_dinh'", [2024]),
        ("fold(province) = fold('Binh Thuan')", [2024]),
        ("year > 2030", []),
    ],
    ids=["year", "kind", "province-folded", "none"],
)
def test_where_exports_a_subset(two_db, tmp_path, where: str, years: list[int]) -> None:
    out = tmp_path / "subset.jsonl"
    output = _export(two_db, out, "--where", where)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["year"] for line in lines] == years
    assert output.startswith(f"exported {len(years)} documents, ")
    assert [line["id"] for line in lines] == [
        r[0]
        for r in _rows(
            two_db,
            f"select id from documents where {where.replace('fold(', 'lower(').replace('Binh Thuan', 'Bình Thuận')} order by path",
        )
    ]


def test_a_bad_where_names_the_columns(two_db, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["export", str(two_db), str(tmp_path / "x.spacy"), "--where", "nam = 2022"])
    assert result.exit_code == 1
    assert (
        "Error: --where 'nam = 2022' is not a condition on documents: no such column: nam (use its columns: id, path,"
        in result.output
    )
    assert not (tmp_path / "x.spacy").exists()


def test_an_unknown_suffix_needs_a_format(two_db, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["export", str(two_db), str(tmp_path / "corpus.out")])
    assert result.exit_code == 2
    assert "give --format spacy or jsonl" in result.output


def test_export_leaves_the_database_as_it_was(two_db, tmp_path) -> None:
    before = two_db.read_bytes()
    _export(two_db, tmp_path / "c.spacy")
    assert two_db.read_bytes() == before
