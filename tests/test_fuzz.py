"""Property tests (issue 7, item 5): the normaliser keeps its promises, the extractors never raise and
report spans that are slices of their paragraphs, the readers fail on junk with MinerError only.

Profiles: "ci" (the default: 150 examples a test, derandomised so a CI run is reproducible) and
"deep" (random, 3000 examples a test, for long runs):

    HYPOTHESIS_PROFILE=deep .venv/bin/pytest tests/test_fuzz.py --hypothesis-show-statistics
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import signal
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from miner.awards import find_award_types, find_awards, match_award_types
from miner.document import Document, Paragraph
from miner.errors import MinerError
from miner.groups import find_emulation_groups
from miner.header import find_header
from miner.legal_refs import find_legal_refs
from miner.locations import find_locations, find_provinces, places_in
from miner.normalize import clean_text, fold, fold_key, modern_tones, nfc
from miner.organizations import find_organizations
from miner.persons import find_name_mentions, find_persons
from miner.pipeline import build_record
from miner.readers import SUFFIXES, ReadOptions, read_document
from miner.record import Header, Record, Span
from miner.segment import split_paragraphs

from .conftest import SEED

settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=timedelta(seconds=5),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep",
    max_examples=3000,
    deadline=timedelta(seconds=10),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# ---------------------------------------------------------------- strategies

# Pieces of administrative documents as offices write them (the seed's own sentences are added below).
FRAGMENTS = [
    "Quyết định số",
    "354/QĐ-UBND",
    "ngày 12/3/2018",
    "ngày 15 tháng 12 năm 2022",
    "Số: 112/BC-KTĐ5",
    "Nghị định số 98/2023/NĐ-CP",
    "Thông tư số 12/2019/TT-BNV",
    "Luật Thi đua, khen thưởng",
    "06/2022/QH15",
    "Căn cứ",
    "của Ủy ban nhân dân tỉnh Đắk Nông",
    "UBND tỉnh",
    "UBND TỈNH ĐẮK NÔNG",
    "Uỷ ban nhân dân",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "BÁO CÁO",
    "QUYẾT ĐỊNH",
    "Về việc tặng Bằng khen",
    "Kho bạc Nhà nước tỉnh Đắk Nông",
    "KBNN",
    "Sở Nội vụ",
    "Sở TC",
    "Bộ Tài chính",
    "Công an tỉnh",
    "Phòng GD&ĐT huyện Cư Jút",
    "xã Đắk Wil",
    "TP. Hồ Chí Minh",
    "thành phố Gia Nghĩa",
    "Khối thi đua số 5",
    "Cụm thi đua các trường Đại học",
    "Cờ thi đua",
    "Bằng khen",
    "Giấy khen",
    "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
    "Tập thể lao động xuất sắc",
    "Huân chương Lao động hạng Ba",
    "của Thủ tướng Chính phủ",
    "đề nghị tặng",
    "đã được tặng",
    "cho",
    "năm 2022",
    "Ông",
    "Bà",
    "đồng chí",
    "Nguyễn Văn An",
    "Lê Thị Thu Hiền",
    "Trần Thị Bình",
    "Giám đốc",
    "PHÓ CHỦ TỊCH",
    "KT. GIÁM ĐỐC",
    "Nơi nhận:",
    "- Như Điều 3;",
    "- Lưu: VT.",
    "| STT | Họ và tên | Chức vụ | Đơn vị |",
    "| 1 |",
    " | ",
    "Điều 1.",
    "I.",
    "1.",
    "a)",
    "(",
    ")",
    "“",
    "”",
    "hoá đơn điện tử",
    "thuỷ lợi",
    "CUC THUE",
    "quyet dinh so",
    # whole sentences, for the extractors to find something to report
    "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của UBND tỉnh Đắk Nông ban hành Quy định tổ chức và hoạt động",
    "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho Kho bạc Nhà nước huyện Cư Jút đã có thành tích xuất sắc",
    "Bộ Tài chính tặng Cờ thi đua cho Cục Thuế tỉnh Đắk Nông năm 2022",
    "Đề nghị Thủ tướng Chính phủ tặng Bằng khen cho ông Nguyễn Văn An, Giám đốc Sở Nội vụ",
    "| 1 | Bà Trần Thị Bình | Chuyên viên | Phòng Tổ chức cán bộ, Công an tỉnh |",
    "UBND TỈNH ĐẮK NÔNG\nSỞ NỘI VỤ\nSố: 15/QĐ-SNV\nĐắk Nông, ngày 5 tháng 1 năm 2023",
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nLê Thị Thu Hiền",
    "Thực hiện Kế hoạch số 25/KH-KTĐ5 của Khối thi đua số 5 và Hướng dẫn số 07/HD-BTĐKT ngày 3/2/2022",
]
# Characters that break code assuming one character per letter or ASCII digits: case mappings that
# change length (İ, ß, ﬁ), digits of other scripts that \d and int() accept, a digit int() refuses,
# combining marks, odd spaces and dashes, zero-width and bidi marks.
TRICKY = [
    "İ",
    "ß",
    "ẞ",
    "ﬁ",
    "ŉ",
    "٣",
    "１２",
    "²",
    "½",
    "Ⅻ",
    "\u0301",
    "\u0323",
    "\u0302",
    "\u00a0",
    "\u2009",
    "–",
    "—",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\r",
    "\x00",
    "\x0b",
    "\x85",
    "\u2028",
    "Ǆ",
    "ǅ",
    "ΐ",
    "\U0001d400",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", " | ", ", ", "; ", ". ", ": ", "/", "-", "\t", ""]
PARAGRAPH_KINDS = ["body", "heading", "table_row", "footnote"]
SEED_LINES = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


@st.composite
def seed_pieces(draw) -> str:
    """A slice of one of the seed report's lines (real text, cut anywhere)."""
    line = draw(st.sampled_from(SEED_LINES))
    start = draw(st.integers(0, len(line)))
    return line[start : draw(st.integers(start, len(line)))]


def _mutate(text: str, how: str) -> str:
    """A fragment as a careless typist or an old system writes it."""
    if how == "upper":
        return text.upper()
    if how == "lower":
        return text.lower()
    if how == "folded":
        return fold(text)
    if how == "decomposed":
        return unicodedata.normalize("NFD", text)
    return text


pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),  # twice: as often as the others together
    seed_pieces(),
    st.text(max_size=6),  # random characters between the fragments
    st.sampled_from(TRICKY),
    st.from_regex(r"[0-9]{1,4}/[0-9]{1,4}(/[0-9]{4})?", fullmatch=True),  # numbers and dates
)
mutated = st.builds(
    _mutate, pieces, st.sampled_from(["as-is", "as-is", "as-is", "upper", "lower", "folded", "decomposed"])
)
vietnamese_text = st.builds(
    lambda parts, seps: "".join(p + s for p, s in zip(parts, seps)),
    st.lists(mutated, min_size=2, max_size=30),
    st.lists(st.sampled_from(SEPARATORS), min_size=30, max_size=30),
)
any_text = st.text(max_size=400)


@st.composite
def damaged_seed(draw) -> str:
    """A run of the seed report's lines with characters put in, cut out and replaced at random."""
    first = draw(st.integers(0, len(SEED_LINES) - 1))
    text = "\n\n".join(SEED_LINES[first : first + draw(st.integers(1, 12))])
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(st.one_of(st.text(max_size=3), st.sampled_from(SEPARATORS + TRICKY))) + text[at + cut :]
    return text


def document_of(text: str) -> Document:
    """The document a .txt reader makes of `text`."""
    return Document(path="fuzz.txt", format="txt", paragraphs=tuple(split_paragraphs(text)))


def document_of_paragraphs(items: list[tuple[str, str]]) -> Document:
    """A document whose paragraphs are taken as given (texts no reader would clean first)."""
    return Document(
        path="fuzz.docx",
        format="docx",
        paragraphs=tuple(Paragraph(i, text, kind) for i, (text, kind) in enumerate(items)),
    )


raw_paragraphs = st.lists(st.tuples(st.one_of(any_text, vietnamese_text), st.sampled_from(PARAGRAPH_KINDS)), max_size=8)
DOCUMENTS = {
    "any-text": st.builds(document_of, any_text),
    "vietnamese-text": st.builds(document_of, vietnamese_text),
    "damaged-seed": st.builds(document_of, damaged_seed()),
    "raw-paragraphs": st.builds(document_of_paragraphs, raw_paragraphs),
}

# ---------------------------------------------------------------- checking spans


def spans_in(value) -> Iterator[Span]:
    """Every Span inside a record, an item or a tuple of them."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from spans_in(item)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from spans_in(getattr(value, f.name))


def assert_spans_are_slices(doc: Document, value) -> None:
    """Every reported span names a paragraph of `doc`, lies inside it and equals its slice."""
    for span in spans_in(value):
        assert 0 <= span.paragraph < len(doc.paragraphs), span
        text = doc.paragraphs[span.paragraph].text
        assert 0 <= span.start < span.end <= len(text), (span, text)
        assert text[span.start : span.end] == span.text, (span, text)


# ---------------------------------------------------------------- the normaliser

texts = st.one_of(any_text, vietnamese_text)
TONES = "\u0301\u0300\u0309\u0303\u0323"
# Letters where the old and the new tone placement differ, with tone marks to put anywhere.
tone_texts = st.text(alphabet="oOuUaAeEyYqQiâêôơưhnc " + TONES + "\u0302\u031b", max_size=40)


@given(texts)
def test_fold_is_idempotent_and_length_preserving(text):
    folded = fold(text)
    assert (len(folded), fold(folded)) == (len(text), folded)


@given(texts)
def test_fold_key_is_idempotent(text):
    key = fold_key(text)
    assert fold_key(key) == key


def _without_tones(text: str) -> tuple[str, list[str]]:
    """The decomposed text without its tone marks, and the tone marks in order."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if c not in TONES), [c for c in decomposed if c in TONES]


@given(st.one_of(tone_texts, texts))
@example("Uỷ ban nhân dân tỉnh Thừa Thiên Huế, hoá đơn, thuỷ lợi, quý")
def test_modern_tones_is_idempotent_and_only_moves_tone_marks(text):
    modern = modern_tones(text)
    assert modern_tones(modern) == modern
    before, marks_before = _without_tones(text)
    after, marks_after = _without_tones(modern)
    assert (after, sorted(marks_after)) == (before, sorted(marks_before))


CONTROLS = {chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))} | set("\u200b\ufeff\u2028")


@given(texts)
def test_clean_text_gives_nfc_text_without_controls_and_is_idempotent(text):
    cleaned = clean_text(text)
    assert cleaned == nfc(cleaned)
    assert not CONTROLS & set(cleaned)
    assert clean_text(cleaned) == cleaned


# ---------------------------------------------------------------- the extractors


@pytest.mark.parametrize("kind", list(DOCUMENTS))
@given(data=st.data())
def test_build_record_never_raises_and_its_spans_are_slices(kind, data):
    doc = data.draw(DOCUMENTS[kind])
    record = build_record(doc)
    assert isinstance(record, Record)
    assert_spans_are_slices(doc, record)
    json.dumps(record.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")


# Each extractor alone: (id, call on a document and its header). The lists other extractors fill
# are left empty here, so each runs on inputs the pipeline never gives it too.
EXTRACTORS: list[tuple[str, Callable[[Document, Header], object]]] = [
    ("find_header", lambda doc, header: find_header(doc)),
    ("find_legal_refs", find_legal_refs),
    ("find_organizations", find_organizations),
    ("find_persons", find_persons),
    ("find_name_mentions", lambda doc, header: find_name_mentions(doc)),
    ("find_locations", lambda doc, header: find_locations(doc, header, ())),
    ("find_award_types", lambda doc, header: find_award_types(doc)),
    ("find_awards", lambda doc, header: find_awards(doc, header, (), (), ())),
    ("find_emulation_groups", lambda doc, header: find_emulation_groups(doc)),
]


@pytest.mark.parametrize("extract", [e[1] for e in EXTRACTORS], ids=[e[0] for e in EXTRACTORS])
@given(doc=st.one_of(*DOCUMENTS.values()), blank_header=st.booleans())
def test_each_extractor_alone_never_raises_and_its_spans_are_slices(extract, doc, blank_header):
    header = Header() if blank_header else find_header(doc)
    found = extract(doc, header)
    assert_spans_are_slices(doc, found)


# Functions of one text that give (start, end, ...) offsets into it.
TEXT_FINDERS = [
    ("find_provinces", find_provinces),
    ("places_in", places_in),
    ("match_award_types", match_award_types),
]


@pytest.mark.parametrize("find", [f[1] for f in TEXT_FINDERS], ids=[f[0] for f in TEXT_FINDERS])
@given(texts)
def test_offsets_found_in_a_text_lie_inside_it(find, text):
    for start, end, *_ in find(text):
        assert 0 <= start < end <= len(text), (start, end, text)


# ---------------------------------------------------------------- the readers


def _zip_of(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in members:
            zf.writestr(name, content)
    return buffer.getvalue()


docx_parts = st.sampled_from(
    [
        "word/document.xml",
        "[Content_Types].xml",
        "word/styles.xml",
        "word/footnotes.xml",
        "word/numbering.xml",
        "junk.bin",
    ]
)
xml_bodies = st.builds(
    lambda inner, tail: (
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{inner}</w:t></w:r></w:p>{tail}</w:body></w:document>"
    ).encode("utf-8", "surrogatepass"),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(
        ["", "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", "<w:p><w:pPr><w:numPr/></w:pPr></w:p>", "<"]
    ),
)
junk_bytes = st.one_of(
    st.binary(max_size=2048),
    st.builds(lambda tail: b"PK\x03\x04" + tail, st.binary(max_size=512)),
    st.builds(
        _zip_of,
        st.lists(
            st.tuples(docx_parts, st.one_of(st.binary(max_size=256), xml_bodies)),
            max_size=4,
            unique_by=lambda member: member[0],
        ),
    ),
    st.builds(lambda tail: b"%PDF-1.4\n" + tail, st.binary(max_size=1024)),
    st.builds(lambda tail: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail, st.binary(max_size=1024)),
    st.builds(lambda tail: b"<html><body><p>" + tail, st.binary(max_size=512)),
    st.builds(
        lambda bom, tail: bom + tail,
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]),
        st.binary(max_size=512),
    ),
    st.builds(
        lambda text, code: text.encode(code, "replace"), vietnamese_text, st.sampled_from(["utf-8", "cp1258", "utf-16"])
    ),
)


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
@given(data=junk_bytes)
def test_readers_on_junk_raise_only_miner_errors(suffix, data):
    try:
        doc = read_document(Path(f"fuzz{suffix}"), data=data, options=ReadOptions(ocr="never"))
    except MinerError:
        return
    assert doc.paragraphs and [p.seq for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
    assert all(p.text == nfc(p.text) and "\x00" not in p.text for p in doc.paragraphs)


# ---------------------------------------------------------------- what fuzzing found (kept until fixed)


class TookTooLong(Exception):
    """A call ran past its time bound."""


def within(seconds: float, call: Callable[[], object]) -> object:
    """The result of `call`, or TookTooLong once `seconds` have passed (SIGALRM: main thread, POSIX)."""

    def expire(signum, frame):
        raise TookTooLong(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return call()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Found by repeating the fragments above in one long paragraph (a list of bodies without punctuation,
# a decision's awards run together by a re-joined .txt or a PDF text layer).
@pytest.mark.parametrize("text", ["Sở Tài chính " * 1000, "Phòng Nội vụ " * 1000], ids=["so-tai-chinh", "phong-noi-vu"])
def test_a_thousand_body_names_in_a_row(text):
    doc = document_of(text)
    assert_spans_are_slices(doc, build_record(doc))


def test_a_hundred_awards_in_one_paragraph_take_well_under_a_second_each():
    doc = document_of("Bộ Tài chính tặng Cờ thi đua cho Cục Thuế tỉnh Đắk Nông năm 2022 " * 100)
    record = within(5.0, lambda: build_record(doc))
    assert_spans_are_slices(doc, record)
