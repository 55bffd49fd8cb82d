"""The archive the web tests serve: the seed document with its full record, a Lâm Đồng decision
citing another 354/QĐ-UBND, and a hostile document. Its fixtures (archive_db, archive_client) are
loaded for every test by tests/conftest.py."""

from __future__ import annotations

import pytest

from miner import store
from miner.document import Document, Paragraph
from miner.record import Award, Header, LegalRef, Organization, Record, Span
from miner.store import FileState, open_db

from .conftest import Client
from .test_store import AT_1, DOC, ID_A, KBNN, RECORD

# A decision of another province citing another 354/QĐ-UBND: the same number, another issuer and year.
LAM_DONG = (
    "Căn cứ Quyết định số 354/QĐ-UBND ngày 05/6/2020 của Ủy ban nhân dân tỉnh Lâm Đồng về việc ban hành "
    "Quy chế thi đua, khen thưởng;"
)
LAM_DONG_CITATION = "Quyết định số 354/QĐ-UBND ngày 05/6/2020"
_LD = LAM_DONG.index(LAM_DONG_CITATION)
ID_B = "b" * 64
DOC_B = Document(
    path="lam-dong.txt",
    format="txt",
    paragraphs=(Paragraph(0, "QUYẾT ĐỊNH Về việc khen thưởng", "heading"), Paragraph(1, LAM_DONG)),
)
REF_LAM_DONG = LegalRef(
    doc_type="Quyết định",
    symbol="354/QĐ-UBND",
    number="354",
    issued_date="2020-06-05",
    issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
    subject="ban hành Quy chế thi đua, khen thưởng",
    year=2020,
    code="QĐ-UBND",
    spans=(Span(1, _LD, _LD + len(LAM_DONG_CITATION), LAM_DONG_CITATION),),
)
RECORD_B = Record(
    header=Header(
        title="Về việc khen thưởng",
        kind="quyet_dinh",
        symbol="120/QĐ-UBND",
        issued_date="2020-09-01",
        year=2020,
        issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
        province="Lâm Đồng",
    ),
    legal_refs=(REF_LAM_DONG,),
)
# A document whose text holds markup: it must be shown as text, never run.
SCRIPT = "<script>alert(1)</script>"
HOSTILE = f'Báo cáo {SCRIPT} của Kho bạc Nhà nước tỉnh Đắk Nông <b>năm 2023</b> & "các" đơn vị'
ID_C = "c" * 64
DOC_C = Document(path="hostile.txt", format="txt", paragraphs=(Paragraph(0, HOSTILE),))
HOSTILE_KB = HOSTILE.index("Kho bạc")
RECORD_C = Record(
    header=Header(title=f"Báo cáo {SCRIPT}", kind="bao_cao", year=2023, province="Đắk Nông"),
    organizations=(
        Organization(KBNN.name, spans=(Span(0, HOSTILE_KB, HOSTILE_KB + 30, HOSTILE[HOSTILE_KB : HOSTILE_KB + 30]),)),
    ),
    awards=(
        Award(
            "Bằng khen",
            KBNN.name,
            year=2023,
            status="granted",
            recipient_kind="organization",
            spans=(Span(0, 0, 7, "Báo cáo"),),
        ),
    ),
)


@pytest.fixture
def archive_db(db_path):
    """The seed's paragraphs with a full record, a Lâm Đồng decision citing another 354, a hostile document."""
    db = open_db(db_path)
    store.save(db, ID_A, AT_1, DOC, RECORD)
    store.save(db, ID_B, FileState("/archive_client/lam-dong.txt", 10, 1.0), DOC_B, RECORD_B)
    store.save(db, ID_C, FileState("/archive_client/hostile.txt", 10, 1.0), DOC_C, RECORD_C)
    db.close()
    return db_path


@pytest.fixture
def archive_client(archive_db) -> Client:
    return Client(archive_db)
