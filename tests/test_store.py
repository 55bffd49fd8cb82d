"""The store: the schema, a document saved with its record in one transaction, replacement,
duplicates, errors, and the resolution of cited documents."""

from __future__ import annotations

import csv
import sqlite3
from importlib import resources

import pytest

from miner import EXTRACTOR_VERSION, store
from miner.document import Document, Paragraph
from miner.errors import MinerError
from miner.normalize import fold
from miner.record import (
    Award,
    AwardTypeMention,
    EmulationGroup,
    Header,
    LegalRef,
    Location,
    Organization,
    Person,
    Record,
    Span,
)
from miner.store import FileState, SchemaMismatch, open_db, symbol_key

# Paragraphs of the seed report (Khối thi đua số 5, Đắk Nông, 2022).
TITLE = "Tổng kết công tác thi đua, khen thưởng năm 2022 Khối thi đua số 5 tỉnh Đắk Nông"
CITING = (
    "Đơn vị Khối trưởng và Khối phó phát huy được vai trò, vị trí, trách nhiệm của mình trong việc tổ "
    "chức thực hiện phong trào thi đua theo Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân "
    "dân tỉnh về việc ban hành Quy định tổ chức và hoạt động của Cụm, Khối."
)
AWARDS = (
    "Các đơn vị đều hoàn thành tốt và xuất sắc nhiệm tiêu biểu như đơn vị Kho bạc nhà nước tỉnh Đắk "
    "Nông đạt danh hiệu cờ thi đua của Bộ tài chính; đơn vị Cục Thuế tỉnh Đắk Nông nhận giấy khen của "
    "Tổng Cục trưởng Cục thuế khen thưởng Cục Thuế tỉnh Đắk Nông có thành tích đột xuất, xuất sắc "
    "trong việc triển khai Hóa đơn điện tử năm 2022."
)
SIGNER = "Lê Thị Thu Hiền"
DOC = Document(
    path="bao-cao.txt",
    format="txt",
    paragraphs=(Paragraph(0, TITLE, "heading"), Paragraph(1, CITING), Paragraph(2, AWARDS), Paragraph(3, SIGNER)),
)


def span(seq: int, phrase: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of `phrase` in paragraph `seq` of DOC."""
    text = DOC.paragraphs[seq].text
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(seq, start, start + len(phrase), phrase)


REF_354 = LegalRef(
    doc_type="Quyết định",
    symbol="354/QĐ-UBND",
    number="354",
    issued_date="2018-03-12",
    issuer="Ủy ban nhân dân tỉnh Đắk Nông",
    subject="ban hành Quy định tổ chức và hoạt động của Cụm, Khối",
    year=2018,
    code="QĐ-UBND",
    spans=(span(1, "Quyết định số 354/QĐ-UBND ngày 12/3/2018"),),
)
KBNN = Organization(
    "Kho bạc Nhà nước tỉnh Đắk Nông",
    kind="kho bạc",
    province="Đắk Nông",
    spans=(span(2, "Kho bạc nhà nước tỉnh Đắk Nông"),),
)
BTC = Organization("Bộ Tài chính", kind="bộ", spans=(span(2, "Bộ tài chính"),))
CUC_THUE = Organization(
    "Cục Thuế tỉnh Đắk Nông",
    province="Đắk Nông",
    spans=(span(2, "Cục Thuế tỉnh Đắk Nông"), span(2, "Cục Thuế tỉnh Đắk Nông", 1)),
)
RECORD = Record(
    header=Header(title=TITLE, kind="bao_cao", year=2022, signer=SIGNER, province="Đắk Nông"),
    legal_refs=(REF_354,),
    organizations=(KBNN, BTC, CUC_THUE),
    persons=(Person(SIGNER, spans=(span(3, SIGNER),)),),
    locations=(
        Location("Đắk Nông", level="tỉnh", merged_into="Lâm Đồng", spans=(span(0, "Đắk Nông"), span(2, "Đắk Nông", 1))),
    ),
    emulation_groups=(EmulationGroup("Khối thi đua số 5", spans=(span(0, "Khối thi đua số 5"),)),),
    awards=(
        Award(
            "Cờ thi đua",
            KBNN.name,
            grantor="Bộ Tài chính",
            year=2022,
            status="granted",
            recipient_kind="organization",
            spans=(span(2, "cờ thi đua"),),
        ),
        Award(
            "Giấy khen",
            CUC_THUE.name,
            grantor="Tổng cục trưởng Tổng cục Thuế",
            year=2022,
            status="granted",
            spans=(span(2, "giấy khen"),),
        ),
    ),
    award_types=(
        AwardTypeMention("Cờ thi đua", (span(2, "cờ thi đua"),)),
        AwardTypeMention("Giấy khen", (span(2, "giấy khen"),)),
    ),
)
ID_A, ID_B, ID_C = "a" * 64, "b" * 64, "c" * 64
AT_1 = FileState(path="/archive/bao-cao.txt", size=4168, mtime=1700000000.25)
AT_2 = FileState(path="/archive/ban-sao.txt", size=4168, mtime=1700000100.5)


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "t.db")
    yield database
    database.close()


def rows(db, sql: str) -> list[tuple]:
    return [tuple(r) for r in db.execute(sql).fetchall()]


def count(db, table: str) -> int:
    return db.execute(f"select count(*) from [{table}]").fetchone()[0]


# ---------------------------------------------------------------- schema


def test_open_db_sets_wal_foreign_keys_and_version(db):
    assert rows(db, "pragma journal_mode") == [("wal",)]
    assert rows(db, "pragma foreign_keys") == [(1,)]
    assert rows(db, "pragma synchronous") == [(1,)]  # NORMAL
    assert rows(db, "pragma user_version") == [(store.SCHEMA_VERSION,)]


def test_every_row_of_a_document_links_to_it_and_its_paragraph(db):
    linked = {
        t.name: sorted((fk[3], fk[2]) for fk in db.execute(f"pragma foreign_key_list([{t.name}])"))
        for t in store.TABLES
        if "paragraph_id" in t.columns
    }
    assert {name: [k for k in keys if k[0] in ("document_id", "paragraph_id")] for name, keys in linked.items()} == {
        name: [("document_id", "documents"), ("paragraph_id", "paragraphs")] for name in linked
    }
    assert sorted(linked) == [
        "award_events",
        "award_type_mentions",
        "citations",
        "emulation_group_mentions",
        "location_mentions",
        "organization_mentions",
        "person_mentions",
    ]


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into paragraphs (document_id, seq, kind, text) values ('nope', 0, 'body', 'x')")


def test_full_text_index_is_fts5_with_diacritics_removed(db):
    (sql,) = rows(db, f"select sql from sqlite_master where name = '{store.FTS_TABLE}'")[0]
    assert "fts5(text_folded, tokenize = 'unicode61 remove_diacritics 2')" in sql


def test_reopening_keeps_the_rows(db, tmp_path):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    before = store.counts(db)
    db.close()
    again = open_db(tmp_path / "t.db")
    assert store.counts(again) == before
    again.close()


def test_a_database_of_another_schema_is_refused(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).execute("pragma user_version = 99").connection.close()
    with pytest.raises(SchemaMismatch) as caught:
        open_db(path)
    assert caught.value.one_line() == (
        f"{path}: schema version 99, this miner writes version {store.SCHEMA_VERSION} "
        "(move the database aside and run `miner ingest` again to rebuild it)"
    )


def test_a_version_1_database_gets_the_folded_only_index(db, tmp_path):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    db.execute(f"drop table {store.FTS_TABLE}")
    db.execute(
        f"create virtual table {store.FTS_TABLE} using fts5(text, text_folded, tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute(f"insert into {store.FTS_TABLE} (rowid, text, text_folded) select id, text, fold(text) from paragraphs")
    db.execute("pragma user_version = 1")
    db.close()
    again = open_db(tmp_path / "t.db")
    assert rows(again, "pragma user_version") == [(store.SCHEMA_VERSION,)]
    assert rows(again, f"select rowid, text_folded from {store.FTS_TABLE} order by rowid") == rows(
        again, "select id, fold(text) from paragraphs order by id"
    )
    assert rows(
        again,
        f"select p.seq from {store.FTS_TABLE} f join paragraphs p on p.id = f.rowid "
        f'where {store.FTS_TABLE} match \'"kho" "bac"\'',
    ) == [(p.seq,) for p in DOC.paragraphs if "Kho bạc" in p.text]
    again.close()


def test_award_types_are_loaded_from_the_taxonomy(db):
    data = resources.files("miner").joinpath("data", "award_types.tsv")
    if not data.is_file():
        pytest.skip("miner/data/award_types.tsv is not written yet")
    lines = [ln for ln in data.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    names = sorted(row["name"] for row in csv.DictReader(lines, delimiter="\t") if row["name"])
    assert sorted(r[0] for r in rows(db, "select name from award_types")) == names
    assert "category" in db["award_types"].columns_dict


# ---------------------------------------------------------------- one document


@pytest.mark.parametrize(
    ("symbol", "key"),
    [
        ("354/QĐ-UBND", "354/qd-ubnd"),
        ("354/QD-UBND", "354/qd-ubnd"),
        ("354 / QĐ – UBND", "354/qd-ubnd"),
        ("91/2017/NĐ-CP", "91/2017/nd-cp"),
        ("06/2022/QH15", "6/2022/qh15"),
        (None, None),
        ("", None),
    ],
    ids=["as-written", "qd-for-qđ", "spaces-and-en-dash", "decree", "leading-zero", "none", "empty"],
)
def test_symbol_key(symbol, key):
    assert symbol_key(symbol) == key


def test_save_document_row(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    (row,) = db.query("select * from documents")
    assert row.pop("ingested_at")[:2] == "20"
    assert row == {
        "id": ID_A,
        "path": AT_1.path,
        "format": "txt",
        "title": TITLE,
        "kind": "bao_cao",
        "symbol": None,
        "symbol_key": None,
        "issued_date": None,
        "year": 2022,
        "issuer": None,
        "signer": SIGNER,
        "province": "Đắk Nông",
        "chars": DOC.chars,
        "size": 4168,
        "mtime": 1700000000.25,
        "ocr": 0,
        "ocr_confidence": None,
        "encoding": None,
        "extractor_version": EXTRACTOR_VERSION,
    }
    assert rows(db, "select path, document_id, size, mtime from document_paths") == [
        (AT_1.path, ID_A, 4168, 1700000000.25)
    ]


def test_save_paragraphs_with_their_folded_copy(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    assert rows(db, "select seq, kind, text from paragraphs order by id") == [
        (p.seq, p.kind, p.text) for p in DOC.paragraphs
    ]
    assert rows(db, f"select p.seq, f.text_folded from {store.FTS_TABLE} f join paragraphs p on p.id = f.rowid") == [
        (p.seq, fold(p.text)) for p in DOC.paragraphs
    ]


def test_save_record_rows_with_paragraph_and_span(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    mentions = """
        select '{entity}', e.{name}, p.seq, m.start, m."end", m.text
        from {table} m join {entity} e on e.id = m.{fk} join paragraphs p on p.id = m.paragraph_id
        where m.document_id = '{doc}' order by m.id
    """
    found = [
        r
        for entity, table, fk, name in [
            ("cited_documents", "citations", "cited_document_id", "label"),
            ("organizations", "organization_mentions", "organization_id", "name"),
            ("persons", "person_mentions", "person_id", "name"),
            ("locations", "location_mentions", "location_id", "name"),
            ("emulation_groups", "emulation_group_mentions", "emulation_group_id", "name"),
            ("award_types", "award_type_mentions", "award_type_id", "name"),
        ]
        for r in rows(db, mentions.format(entity=entity, table=table, fk=fk, name=name, doc=ID_A))
    ]

    def at(entity: str, name: str, s: Span) -> tuple:
        return (entity, name, s.paragraph, s.start, s.end, s.text)

    assert found == [
        at("cited_documents", "Quyết định 354/QĐ-UBND", REF_354.spans[0]),
        at("organizations", KBNN.name, KBNN.spans[0]),
        at("organizations", BTC.name, BTC.spans[0]),
        at("organizations", CUC_THUE.name, CUC_THUE.spans[0]),
        at("organizations", CUC_THUE.name, CUC_THUE.spans[1]),
        at("persons", SIGNER, span(3, SIGNER)),
        at("locations", "Đắk Nông", span(0, "Đắk Nông")),
        at("locations", "Đắk Nông", span(2, "Đắk Nông", 1)),
        at("emulation_groups", "Khối thi đua số 5", span(0, "Khối thi đua số 5")),
        at("award_types", "Cờ thi đua", span(2, "cờ thi đua")),
        at("award_types", "Giấy khen", span(2, "giấy khen")),
    ]
    for table in ("citations", "organization_mentions", "location_mentions", "award_type_mentions"):
        for text, start, end, paragraph in rows(
            db, f'select m.text, m.start, m."end", p.text from {table} m join paragraphs p on p.id = m.paragraph_id'
        ):
            assert paragraph[start:end] == text


def test_save_entities(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    assert rows(
        db,
        "select label, doc_type, symbol, symbol_key, number, code, year, issued_date, issuer, subject from cited_documents",
    ) == [
        (
            "Quyết định 354/QĐ-UBND",
            "Quyết định",
            "354/QĐ-UBND",
            "354/qd-ubnd",
            "354",
            "QĐ-UBND",
            2018,
            "2018-03-12",
            "Ủy ban nhân dân tỉnh Đắk Nông",
            "ban hành Quy định tổ chức và hoạt động của Cụm, Khối",
        ),
    ]
    assert rows(db, "select key, name, kind, province from organizations order by id") == [
        ("kho bac nha nuoc tinh dak nong", KBNN.name, "kho bạc", "Đắk Nông"),
        ("bo tai chinh", "Bộ Tài chính", "bộ", None),
        ("cuc thue tinh dak nong", CUC_THUE.name, None, "Đắk Nông"),
    ]
    assert rows(db, "select name, level, province, merged_into from locations") == [
        ("Đắk Nông", "tỉnh", None, "Lâm Đồng")
    ]
    assert rows(db, "select name from persons") == [(SIGNER,)]
    assert rows(db, "select name from emulation_groups") == [("Khối thi đua số 5",)]


def test_save_award_events_resolve_recipients_grantors_and_types(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    assert list(
        db.query("""
        select t.name as award_type, a.award, a.recipient, a.recipient_kind, r.name as recipient_organization,
               a.recipient_person_id, a.grantor, g.name as grantor_organization, a.year, a.status, a.decision,
               a.cited_document_id, p.seq, a.start, a."end", a.text
        from award_events a join award_types t on t.id = a.award_type_id
        left join organizations r on r.id = a.recipient_organization_id
        left join organizations g on g.id = a.grantor_organization_id
        join paragraphs p on p.id = a.paragraph_id order by a.id
    """)
    ) == [
        {
            "award_type": "Cờ thi đua",
            "award": "Cờ thi đua",
            "recipient": KBNN.name,
            "recipient_kind": "organization",
            "recipient_organization": KBNN.name,
            "recipient_person_id": None,
            "grantor": "Bộ Tài chính",
            "grantor_organization": "Bộ Tài chính",
            "year": 2022,
            "status": "granted",
            "decision": None,
            "cited_document_id": None,
            "seq": 2,
            "start": span(2, "cờ thi đua").start,
            "end": span(2, "cờ thi đua").end,
            "text": "cờ thi đua",
        },
        {
            "award_type": "Giấy khen",
            "award": "Giấy khen",
            "recipient": CUC_THUE.name,
            "recipient_kind": None,
            "recipient_organization": CUC_THUE.name,
            "recipient_person_id": None,
            "grantor": "Tổng cục trưởng Tổng cục Thuế",
            "grantor_organization": None,
            "year": 2022,
            "status": "granted",
            "decision": None,
            "cited_document_id": None,
            "seq": 2,
            "start": span(2, "giấy khen").start,
            "end": span(2, "giấy khen").end,
            "text": "giấy khen",
        },
    ]


def test_award_decision_resolves_to_the_cited_document(db):
    person = Person("Nguyễn Văn An")
    record = Record(
        header=Header(kind="quyet_dinh"),
        legal_refs=(REF_354,),
        persons=(person,),
        awards=(Award("Bằng khen", person.name, decision="354/QD-UBND", status="granted", recipient_kind="person"),),
    )
    store.save(db, ID_A, AT_1, DOC, record)
    assert rows(
        db,
        """
        select a.award, p.name, c.symbol, a.paragraph_id from award_events a
        join persons p on p.id = a.recipient_person_id join cited_documents c on c.id = a.cited_document_id
    """,
    ) == [("Bằng khen", "Nguyễn Văn An", "354/QĐ-UBND", None)]
    assert rows(db, "select document_id, paragraph_id, start, text from person_mentions") == [(ID_A, None, None, None)]


def test_a_failing_save_leaves_nothing_behind(db, monkeypatch):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    before = store.counts(db)

    def broken(*args):
        raise RuntimeError("extraction bug")

    monkeypatch.setattr(store, "_save_record", broken)
    changed = Document(path="x", format="txt", paragraphs=(Paragraph(0, "Báo cáo khác"),))
    with pytest.raises(RuntimeError):
        store.save(db, ID_B, AT_1, changed, Record(header=Header()))
    assert store.counts(db) == before
    assert rows(db, "select id from documents") == [(ID_A,)]


# ---------------------------------------------------------------- replacement and duplicates

OTHER_DOC = Document(path="x", format="txt", paragraphs=(Paragraph(0, "Bộ Tài chính tặng Cờ thi đua năm 2022."),))
OTHER_RECORD = Record(
    header=Header(kind="bao_cao", year=2022),
    organizations=(Organization("Bộ Tài chính", spans=(Span(0, 0, 12, "Bộ Tài chính"),)),),
    award_types=(AwardTypeMention("Cờ thi đua", (Span(0, 17, 27, "Cờ thi đua"),)),),
)


def test_a_changed_file_replaces_the_old_version(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    store.save(db, ID_B, AT_1, OTHER_DOC, OTHER_RECORD)
    assert rows(db, "select id, path from documents") == [(ID_B, AT_1.path)]
    assert rows(db, "select path, document_id from document_paths") == [(AT_1.path, ID_B)]
    assert rows(db, "select text from paragraphs") == [(OTHER_DOC.paragraphs[0].text,)]
    assert rows(db, f"select text_folded from {store.FTS_TABLE}") == [(fold(OTHER_DOC.paragraphs[0].text),)]
    assert rows(db, "select name from organizations") == [("Bộ Tài chính",)]
    for table in ("cited_documents", "citations", "persons", "locations", "emulation_groups", "award_events"):
        assert count(db, table) == 0, table
    assert rows(
        db, "select t.name, m.text from award_type_mentions m join award_types t on t.id = m.award_type_id"
    ) == [("Cờ thi đua", "Cờ thi đua")]


def test_entities_another_document_mentions_are_kept(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    store.save(db, ID_B, AT_2, OTHER_DOC, OTHER_RECORD)
    store.save(db, ID_C, AT_1, Document(path="x", format="txt", paragraphs=()), Record(header=Header()))
    assert rows(db, "select id from documents order by id") == [(ID_B,), (ID_C,)]
    assert rows(db, "select name from organizations") == [("Bộ Tài chính",)]


def test_saving_the_same_document_again_replaces_its_rows(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    before = store.counts(db)
    store.save(db, ID_A, AT_1, DOC, RECORD)
    assert store.counts(db) == before


def test_a_duplicate_under_another_name_is_stored_once(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    store.link_path(db, ID_A, AT_2)
    assert count(db, "documents") == 1
    assert rows(db, "select path, document_id from document_paths order by path") == [
        (AT_2.path, ID_A),
        (AT_1.path, ID_A),
    ]
    store.save(db, ID_B, AT_1, OTHER_DOC, OTHER_RECORD)
    assert rows(db, "select id, path from documents order by id") == [(ID_A, AT_2.path), (ID_B, AT_1.path)]


def test_path_version_compares_size_and_mtime(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    assert store.path_version(db, AT_1) == EXTRACTOR_VERSION
    assert store.path_version(db, FileState(AT_1.path, AT_1.size, AT_1.mtime + 1)) is None
    assert store.path_version(db, FileState(AT_1.path, AT_1.size + 1, AT_1.mtime)) is None
    assert store.path_version(db, AT_2) is None


def test_document_version(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    assert (store.document_version(db, ID_A), store.document_version(db, ID_B)) == (EXTRACTOR_VERSION, None)


# ---------------------------------------------------------------- batches, pruning, the entity cache


def test_a_batch_keeps_several_documents_in_one_transaction(db):
    batch = store.Batch(db, max_writes=3, max_seconds=3600)
    with batch.write():
        store.save(db, ID_A, AT_1, DOC, RECORD)
    with batch.write():
        store.link_path(db, ID_A, AT_2)
    assert db.conn.in_transaction
    with batch.write():
        store.record_error(db, "/archive/hỏng.docx", "UnreadableFile", "/archive/hỏng.docx: not a valid .docx")
    assert not db.conn.in_transaction  # the third write committed the batch
    assert (count(db, "documents"), count(db, "document_paths"), count(db, "ingest_errors")) == (1, 2, 1)


def test_a_failing_save_in_a_batch_leaves_the_others_whole(db, monkeypatch):
    batch = store.Batch(db, max_writes=10, max_seconds=3600)
    with batch.write():
        store.save(db, ID_A, AT_1, DOC, RECORD)
    before = store.counts(db)

    def broken(*args):
        raise RuntimeError("extraction bug")

    monkeypatch.setattr(store, "_save_record", broken)
    with pytest.raises(RuntimeError), batch.write():
        store.save(db, ID_B, AT_2, OTHER_DOC, OTHER_RECORD)
    batch.commit()
    assert store.counts(db) == before
    assert rows(db, "select id from documents") == [(ID_A,)]


def test_a_batch_indexes_the_paragraphs_that_stay_at_its_commit(db, monkeypatch):
    """Full-text rows wait for the commit; documents replaced, forgotten or rolled back in the same
    transaction leave no row, and what stays is indexed as if each document were saved alone."""
    batch = store.Batch(db, max_writes=100, max_seconds=3600)
    with batch.write():
        store.save(db, ID_A, AT_1, DOC, RECORD)
    with batch.write():
        store.save(db, ID_B, AT_2, OTHER_DOC, OTHER_RECORD)
    assert count(db, store.FTS_TABLE) == 0  # not yet: at the commit
    with batch.write():
        store.save(db, ID_C, AT_2, DOC, RECORD)  # AT_2 changed: OTHER_DOC is gone, its ids reused
    with batch.write():
        store.forget_path(db, AT_1.path)  # the first document is gone too
    monkeypatch.setattr(store, "_save_record", lambda *args: 1 / 0)
    with pytest.raises(ZeroDivisionError), batch.write():
        store.save(db, ID_A, FileState("/archive/moi.txt", 1, 1.0), OTHER_DOC, OTHER_RECORD)
    batch.commit()
    expected = rows(db, "select id, text from paragraphs order by id")
    assert [p[1] for p in expected] == [p.text for p in DOC.paragraphs]
    assert rows(db, f"select rowid, text_folded from {store.FTS_TABLE} order by rowid") == [
        (pid, fold(text)) for pid, text in expected
    ]
    assert rows(db, f"select rowid from {store.FTS_TABLE} where {store.FTS_TABLE} match 'kho bac'") == [
        (expected[2][0],)
    ]


def test_batch_commits_when_due(db):
    batch = store.Batch(db, max_writes=100, max_seconds=0)
    with batch.write():
        store.save(db, ID_A, AT_1, DOC, RECORD)
    assert db.conn.in_transaction
    batch.commit_if_due()
    assert not db.conn.in_transaction


def test_paths_under_a_folder_page_by_page(db):
    for document_id, path in ((ID_A, "/archive/a.txt"), (ID_B, "/archive/sub/b.txt"), (ID_C, "/archive-2/c.txt")):
        store.save(db, document_id, FileState(path, 1, 1.0), OTHER_DOC, OTHER_RECORD)
    store.link_path(db, ID_A, FileState("/archive.txt", 1, 1.0))
    store.record_error(db, "/archive/hỏng.docx", "UnreadableFile", "/archive/hỏng.docx: not a valid .docx")
    expected = ["/archive/a.txt", "/archive/hỏng.docx", "/archive/sub/b.txt"]
    assert list(store.paths_under(db, "/archive", page=2)) == expected
    assert list(store.paths_under(db, "/archive/")) == expected
    assert list(store.paths_under(db, "/archive/sub")) == ["/archive/sub/b.txt"]


def test_forget_path_deletes_a_document_with_its_last_path(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    store.link_path(db, ID_A, AT_2)
    store.save(db, ID_B, FileState("/archive/khac.txt", 1, 1.0), OTHER_DOC, OTHER_RECORD)
    store.forget_path(db, AT_1.path)
    assert rows(db, "select id, path from documents order by id") == [(ID_A, AT_2.path), (ID_B, "/archive/khac.txt")]
    store.forget_path(db, AT_2.path)
    assert rows(db, "select id from documents") == [(ID_B,)]
    assert rows(db, "select name from organizations") == [("Bộ Tài chính",)]
    assert (count(db, "paragraphs"), count(db, "persons"), count(db, "citations")) == (1, 0, 0)


def test_entities_deleted_by_another_connection_are_not_reused(db, tmp_path):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    other = open_db(tmp_path / "t.db")
    with other.atomic():
        store.delete_document(other, ID_A)
        other.execute("delete from organizations")
    other.close()
    store.save(db, ID_B, AT_2, OTHER_DOC, OTHER_RECORD)
    assert rows(
        db, "select o.name, m.text from organization_mentions m join organizations o on o.id = m.organization_id"
    ) == [("Bộ Tài chính", "Bộ Tài chính")]


# ---------------------------------------------------------------- errors


def test_record_error_keeps_one_line_per_path_until_the_file_reads(db):
    store.record_error(db, AT_1.path, "UnreadableFile", f"{AT_1.path}: not a zip\nfile (re-save it)")
    store.record_error(db, AT_1.path, "EmptyDocument", f"{AT_1.path}: the file is empty (export it again)")
    assert rows(db, "select path, error_class, message from ingest_errors") == [
        (AT_1.path, "EmptyDocument", f"{AT_1.path}: the file is empty (export it again)")
    ]
    store.save(db, ID_A, AT_1, DOC, RECORD)
    assert count(db, "ingest_errors") == 0


def test_schema_mismatch_is_a_miner_error():
    assert issubclass(SchemaMismatch, MinerError)


# ---------------------------------------------------------------- cited documents


def ref(symbol: str | None, issuer: str | None = None, date: str | None = None, subject: str | None = None) -> LegalRef:
    return LegalRef(
        doc_type="Luật" if symbol is None else "Quyết định",
        symbol=symbol,
        number=symbol.split("/")[0] if symbol else None,
        issued_date=date,
        issuer=issuer,
        subject=subject,
    )


DN, LD = "Ủy ban nhân dân tỉnh Đắk Nông", "Ủy ban nhân dân tỉnh Lâm Đồng"


@pytest.mark.parametrize(
    ("refs", "ids", "table"),
    [
        (
            [ref("354/QĐ-UBND", DN, "2018-03-12"), ref("354/QĐ-UBND", LD, "2018-03-12")],
            [1, 2],
            [("354/QĐ-UBND", DN, 2018), ("354/QĐ-UBND", LD, 2018)],
        ),
        (
            [ref("354/QĐ-UBND", DN, "2018-03-12"), ref("354/QĐ-UBND", DN, "2020-05-04")],
            [1, 2],
            [("354/QĐ-UBND", DN, 2018), ("354/QĐ-UBND", DN, 2020)],
        ),
        (
            [ref("354/QĐ-UBND", DN, "2018-03-12"), ref("354/QĐ-UBND")],
            [1, 2],
            [("354/QĐ-UBND", DN, 2018), ("354/QĐ-UBND", None, None)],
        ),
        (
            [ref("354/QĐ-UBND"), ref("354/QĐ-UBND", DN, "2018-03-12"), ref("354/QĐ-UBND", DN)],
            [1, 2, 1],
            [("354/QĐ-UBND", DN, None), ("354/QĐ-UBND", DN, 2018)],
        ),
        (
            [ref("354/QĐ-UBND", DN, "2018-03-12"), ref("354/QĐ-UBND", DN), ref("354/QĐ-UBND", date="2018-03-12")],
            [1, 2, 1],
            [("354/QĐ-UBND", DN, 2018), ("354/QĐ-UBND", DN, None)],
        ),
        (
            [ref("354/QĐ-UBND", DN, "2018-03-12"), ref("354/QĐ-UBND", LD, "2019-01-02"), ref("354/QĐ-UBND")],
            [1, 2, 3],
            [("354/QĐ-UBND", DN, 2018), ("354/QĐ-UBND", LD, 2019), ("354/QĐ-UBND", None, None)],
        ),
        (
            [ref("354/QĐ-UBND", DN, "2018-03-12"), ref("354/QD - UBND", DN, "2018-03-12")],
            [1, 1],
            [("354/QĐ-UBND", DN, 2018)],
        ),
        ([ref("91/2017/NĐ-CP"), ref("91/2017/NĐ-CP", "Chính phủ")], [1, 1], [("91/2017/NĐ-CP", "Chính phủ", 2017)]),
        (
            [ref(None, subject="Luật Thi đua, khen thưởng"), ref(None, subject="Luật thi đua khen thưởng")],
            [1, 1],
            [(None, None, None)],
        ),
        (
            [
                ref(None, "Quốc hội", "1997-12-02", "Luật Ngân hàng Nhà nước Việt Nam"),
                ref(None, "Quốc hội", subject="Luật Ngân hàng Nhà nước Việt Nam"),
                ref(None, subject="Luật Ngân hàng Nhà nước Việt Nam"),
            ],
            [1, 2, 2],
            [(None, "Quốc hội", 1997), (None, "Quốc hội", None)],
        ),
    ],
    ids=[
        "same-symbol-other-issuer",
        "same-symbol-other-year",
        "undated-is-not-the-dated-of-another-year",
        "dated-does-not-complete-the-undated",
        "dated-resolves-to-the-dated",
        "ambiguous-bare-gets-its-own",
        "written-differently",
        "year-in-symbol",
        "law-by-name",
        "law-by-name-undated-is-not-the-dated-of-another-document",
    ],
)
def test_cited_document_resolution(db, refs, ids, table):
    assert [store.cited_document_id(db, r) for r in refs] == ids
    assert rows(db, "select symbol, issuer, year from cited_documents order by id") == table


# ---------------------------------------------------------------- rows from the workers, bulk loads


def indexes(db) -> list[tuple[str, str]]:
    return db.execute(
        "select tbl_name, sql from sqlite_master where type = 'index' and sql is not null order by name"
    ).fetchall()


def test_a_document_sent_as_rows_is_stored_as_save_stores_it(tmp_path):
    """`write(document_rows(...))`, what the ingest workers send, gives the rows `save` gives."""
    one, other = open_db(tmp_path / "a.db"), open_db(tmp_path / "b.db")
    store.save(one, ID_A, AT_1, DOC, RECORD)
    store.save(one, ID_B, AT_2, OTHER_DOC, OTHER_RECORD)
    store.write(other, ID_A, AT_1, store.document_rows(DOC, RECORD))
    store.write(
        other, ID_B, AT_2, store.document_rows(OTHER_DOC, OTHER_RECORD, [fold(p.text) for p in OTHER_DOC.paragraphs])
    )
    assert store.contents(other) == store.contents(one)
    assert store.contents(one)["citations"]  # the record's rows are there to compare


def test_a_bulk_load_builds_the_readers_indexes_at_the_end(tmp_path):
    """On a database without documents the readers' indexes wait for the end; foreign keys are not
    checked meanwhile and are on again after; the database ends as open_db makes it."""
    db = open_db(tmp_path / "t.db")
    expected = indexes(db)
    bulk = store.BulkLoad(db)
    assert db.execute("pragma foreign_keys").fetchone() == (0,)
    during = indexes(db)
    assert len(during) < len(expected)
    assert {t for t, _ in during} >= {
        "cited_documents",
        "organizations",
        "persons",
        "ingest_errors",
    }  # what the writer looks up
    store.save(db, ID_A, AT_1, DOC, RECORD)
    bulk.finish()
    assert indexes(db) == expected
    assert db.execute("pragma foreign_keys").fetchone() == (1,)
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_an_interrupted_bulk_load_gets_its_indexes_at_the_next_open(tmp_path):
    db = open_db(tmp_path / "t.db")
    expected = indexes(db)
    bulk = store.BulkLoad(db)
    store.save(db, ID_A, AT_1, DOC, RECORD)
    bulk.finish(build=False)  # killed before the end
    db.close()
    assert indexes(open_db(tmp_path / "t.db")) == expected


def test_a_database_with_documents_keeps_its_indexes(db):
    store.save(db, ID_A, AT_1, DOC, RECORD)
    expected = indexes(db)
    bulk = store.BulkLoad(db)
    assert indexes(db) == expected
    bulk.finish()
    assert indexes(db) == expected


@pytest.mark.parametrize(
    "message, problem",
    [
        ("database is locked", "another program is writing to the database"),
        ("attempt to write a readonly database", "the database cannot be written (a read-only file or folder)"),
        ("database disk image is malformed", "the database is damaged"),
        ("file is not a database", "the file is not a SQLite database"),
        ("database or disk is full", "the disk holding the database is full"),
    ],
)
def test_sqlite_errors_about_the_file_become_one_line(message, problem):
    with pytest.raises(store.DatabaseProblem) as caught, store.problems("/srv/reports.db"):
        raise sqlite3.OperationalError(message)
    assert caught.value.one_line().startswith(f"/srv/reports.db: {problem} (")


def test_other_sqlite_errors_go_through():
    with pytest.raises(sqlite3.IntegrityError), store.problems("/srv/reports.db"):
        raise sqlite3.IntegrityError("UNIQUE constraint failed: documents.id")
