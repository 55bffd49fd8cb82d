"""The spaCy component: `spacy.blank("vi")` + `nlp.add_pipe("miner")` through the entry points, with
pyvi's word tokens and without pyvi (syllables); spans, entities, the record and the offsets mapped
back onto the text the pipeline was given."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402
from miner.spacy_pipe import LABELS, SyllableTokenizer, align_paragraphs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "000-khoi5-daknong-2022.txt"


def _blank(pyvi: bool, monkeypatch) -> spacy.language.Language:
    """A fresh spacy.blank("vi") with the miner component, with pyvi or as if it were not installed."""
    if not pyvi:
        monkeypatch.setitem(sys.modules, "pyvi", None)
    elif not _has_pyvi():
        pytest.skip("pyvi is not installed (pip install pyvi, or make install for the test extras)")
    nlp = spacy.blank("vi")
    nlp.add_pipe("miner")
    return nlp


def _has_pyvi() -> bool:
    try:
        from pyvi import ViTokenizer  # noqa: F401
    except ImportError:
        return False
    return True


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _record_mentions(record) -> list[tuple[str, str | None, str]]:
    """(label, canonical, text as written) of every span of the record, as the component labels them."""
    found = set()
    for ref in record.legal_refs:
        found |= {("LEGAL_REF", ref.symbol or ref.subject or ref.doc_type, s.text) for s in ref.spans}
    for label, items in (
        ("ORG", record.organizations),
        ("PER", record.persons),
        ("LOC", record.locations),
        ("EMULATION_GROUP", record.emulation_groups),
        ("AWARD_TYPE", record.award_types),
    ):
        found |= {(label, item.name, s.text) for item in items for s in item.spans}
    found |= {("AWARD", a.award, s.text) for a in record.awards for s in a.spans[:1]}
    return sorted((label, canonical, _plain(text)) for label, canonical, text in found)


def _doc_mentions(doc) -> list[tuple[str, str | None, str]]:
    return sorted({(s.label_, s._.canonical, _plain(s.text)) for s in doc.spans["miner"]})


def test_blank_vi_without_pyvi_cuts_syllables(monkeypatch) -> None:
    nlp = _blank(False, monkeypatch)
    assert isinstance(nlp.tokenizer, SyllableTokenizer)
    assert [t.text for t in nlp.make_doc("Quyết định số 354/QĐ-UBND, ngày 12/3/2018.")] == [
        "Quyết",
        "định",
        "số",
        "354",
        "/",
        "QĐ",
        "-",
        "UBND",
        ",",
        "ngày",
        "12",
        "/",
        "3",
        "/",
        "2018",
        ".",
    ]


@pytest.mark.parametrize("pyvi", [False, True], ids=["syllables", "pyvi"])
def test_the_seed_gives_org_and_legal_ref_spans_354(pyvi: bool, monkeypatch) -> None:
    doc = _blank(pyvi, monkeypatch)(SEED.read_text(encoding="utf-8"))
    spans = doc.spans["miner"]
    assert {"ORG", "LEGAL_REF"} <= {s.label_ for s in spans}
    (ref,) = [s for s in spans if s.label_ == "LEGAL_REF"]
    assert (ref.text, ref._.canonical, ref.kb_id_) == ("Quyết định số 354/QĐ-UBND", "354/QĐ-UBND", "354/QĐ-UBND")
    assert {(s.text, s._.canonical) for s in spans if s.label_ == "ORG" and s.text == "Ủy ban nhân dân tỉnh"} == {
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Đắk Nông")
    }


def test_spans_are_the_records_without_pyvi(monkeypatch) -> None:
    record = build_record(read_document(SEED))
    doc = _blank(False, monkeypatch)(SEED.read_text(encoding="utf-8"))
    assert _doc_mentions(doc) == _record_mentions(record)
    assert doc._.miner == record.to_dict()
    assert {s.label_ for s in doc.spans["miner"]} <= set(LABELS)


def test_spans_with_pyvi_words_cover_the_records(monkeypatch) -> None:
    """pyvi's words may reach past a mention: each span covers the syllable span of the same mention."""
    text = SEED.read_text(encoding="utf-8")
    syllables = _blank(False, monkeypatch)(text)
    monkeypatch.undo()
    nlp = _blank(True, monkeypatch)
    assert (type(nlp.tokenizer).__name__, nlp.tokenizer.use_pyvi) == ("VietnameseTokenizer", True)
    words = nlp(text)
    covered = [(s.label_, s.start_char, s.end_char) for s in syllables.spans["miner"]]
    covering = [(s.label_, s.start_char, s.end_char, s._.canonical) for s in words.spans["miner"]]
    assert all(any(a == label and b <= start and end <= c for a, b, c, _ in covering) for label, start, end in covered)
    assert all(any(a == label and b <= start and end <= c for label, start, end in covered) for a, b, c, _ in covering)
    assert {c for *_, c in covering} == {s._.canonical for s in syllables.spans["miner"]}


def test_entities_are_the_longest_non_overlapping_spans(monkeypatch) -> None:
    doc = _blank(False, monkeypatch)(SEED.read_text(encoding="utf-8"))
    ents = list(doc.ents)
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    assert {(e.label_, e.start, e.end) for e in ents} <= {(s.label_, s.start, s.end) for s in doc.spans["miner"]}
    # the award granted and its type are the same words: the entity is the award
    assert [(e.label_, e.text) for e in ents if e.text.lower() in ("cờ thi đua", "giấy khen")] == [
        ("AWARD", "cờ thi đua"),
        ("AWARD", "giấy khen"),
    ]
    # the place inside a body's name is not an entity of its own
    kho_bac = next(e for e in ents if e.text == "Kho bạc nhà nước tỉnh Đắk Nông")
    assert (kho_bac.label_, kho_bac._.canonical, kho_bac._.miner["province"]) == (
        "ORG",
        "Kho bạc Nhà nước tỉnh Đắk Nông",
        "Đắk Nông",
    )


def test_an_award_span_carries_its_event(monkeypatch) -> None:
    doc = _blank(False, monkeypatch)(SEED.read_text(encoding="utf-8"))
    awards = [(s.text, s._.miner["recipient"], s._.miner["grantor"]) for s in doc.spans["miner"] if s.label_ == "AWARD"]
    assert awards == [
        ("cờ thi đua", "Kho bạc Nhà nước tỉnh Đắk Nông", "Bộ Tài chính"),
        ("giấy khen", "Cục Thuế tỉnh Đắk Nông", "Tổng cục trưởng Tổng cục Thuế"),
    ]
    types = [(s.text, s._.miner) for s in doc.spans["miner"] if s.label_ == "AWARD_TYPE"]
    assert types == [("cờ thi đua", {"name": "Cờ thi đua"}), ("giấy khen", {"name": "Giấy khen"})]


def test_nlp_pipe_gives_what_nlp_gives(monkeypatch) -> None:
    nlp = _blank(False, monkeypatch)
    texts = [SEED.read_text(encoding="utf-8"), "", "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ."]

    def spans(doc) -> list[tuple[str, int, int, str]]:
        return [(s.label_, s.start_char, s.end_char, s._.canonical) for s in doc.spans["miner"]]

    one_by_one = [spans(nlp(t)) for t in texts]
    assert [spans(doc) for doc in nlp.pipe(texts, batch_size=2)] == one_by_one
    assert one_by_one[1:] == [[], [("LEGAL_REF", 7, 33, "91/2017/NĐ-CP"), ("ORG", 53, 62, "Chính phủ")]]


def test_offsets_survive_what_reading_changes(monkeypatch) -> None:
    """Windows line breaks, decomposed letters, zero-width marks, tabs and wrapped lines: each span
    still holds the record's words."""
    seed = SEED.read_text(encoding="utf-8")
    odd = unicodedata.normalize("NFD", seed).replace("\n", "\r\n").replace("Kho bạc", "Kho\u200b bạc")
    odd = odd.replace("Bộ tài chính", "Bộ tài\t chính")
    nlp = _blank(False, monkeypatch)
    record = build_record(read_document(SEED))
    assert _doc_mentions(nlp(odd)) == [m for m in _record_mentions(record)]


def test_align_paragraphs_maps_each_character() -> None:
    text = "Dòng một\nnối tiếp.\r\n\r\nA\tB\tC\n# Nghe\u0323\u0302"
    assert align_paragraphs(text, ["Dòng một nối tiếp.", "A | B | C", "Nghệ"]) == [
        (list(range(0, 18)), list(range(1, 19))),
        ([22, 23, 24, 24, 24, 25, 26, 26, 26], [23, 24, 24, 24, 25, 26, 26, 26, 27]),
        ([30, 31, 32, 33], [31, 32, 33, 36]),
    ]


def test_the_entry_points_need_no_import_of_miner() -> None:
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('vi')\n"
        "nlp.add_pipe('miner')\n"
        "doc = nlp('Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của UBND tỉnh Đắk Nông.')\n"
        "print(sorted({s.label_ for s in doc.spans['miner']}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert out.stdout.strip() == "['LEGAL_REF', 'LOC', 'ORG']"


def test_an_empty_text_has_no_spans_and_no_record(monkeypatch) -> None:
    doc = _blank(False, monkeypatch)("   \n")
    assert (list(doc.spans["miner"]), list(doc.ents), doc._.miner) == ([], [], None)
