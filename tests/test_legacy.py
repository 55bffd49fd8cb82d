"""Legacy Vietnamese codes: tables, round trips over every letter, detection, fonts, runs."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.normalize import nfc
from miner.readers import legacy
from miner.readers.legacy import (
    ENCODINGS,
    VIETNAMESE_LETTERS,
    convert_runs,
    decode_bytes,
    detect_legacy,
    encoding_for_font,
    encoding_name,
    from_unicode,
    is_syllable,
    legacy_font,
    repair_text,
    to_unicode,
)

DATA = Path(__file__).parent / "data" / "legacy"
SHARED_DOCS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docs"

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LOWER = [nfc(v + t) for v in "aăâeêioôơuưy" for t in TONES] + ["đ"]
ALL_LETTERS = LOWER + [c.upper() for c in LOWER]
# TCVN3's own capitals; every other capital with a diacritic needs a capitals font.
TCVN3_CAPITALS = set("ĂÂÊÔƠƯĐ")

SAMPLE = (DATA / "make_files.py").read_text(encoding="utf-8").split('SAMPLE = """')[1].split('"""')[0]


def test_letter_inventory():
    assert len(VIETNAMESE_LETTERS) == 134
    assert {c for c in ALL_LETTERS if not c.isascii()} == VIETNAMESE_LETTERS


@pytest.mark.parametrize("encoding", ["vni", "viscii"])
def test_round_trip_every_letter(encoding):
    text = " ".join(ALL_LETTERS)
    assert to_unicode(from_unicode(text, encoding), encoding) == text


def test_round_trip_every_lower_case_letter_tcvn3():
    text = " ".join(LOWER) + " " + " ".join(sorted(TCVN3_CAPITALS)) + " AEIOUY"
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3") == text


def test_tcvn3_representable_capitals():
    unrepresentable = set()
    for letter in ALL_LETTERS:
        try:
            from_unicode(letter, "tcvn3")
        except UnicodeEncodeError:
            unrepresentable.add(letter)
    expected = {c for c in VIETNAMESE_LETTERS if c.isupper()} - TCVN3_CAPITALS
    assert unrepresentable == expected
    assert len(unrepresentable) == 60


def test_tcvn3_capitals_through_a_capitals_font():
    """Capitals typed in .VnTimeH are stored as lower-case codes and come back upper-cased."""
    capitals = " ".join(c.upper() for c in LOWER)
    stored = from_unicode(capitals, "tcvn3", capitals_font=True).decode("latin-1")
    assert convert_runs([(stored, ".VnTimeH")]) == capitals


@pytest.mark.parametrize(
    "encoding, legacy, expected",
    [
        ("tcvn3", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("tcvn3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("tcvn3", "QuyÕt ®Þnh sè 354/Q§-UBND", "Quyết định số 354/QĐ-UBND"),
        ("tcvn3", "Khen th\u00adëng", "Khen thưởng"),
        ("vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("vni", "ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        ("vni", "Tröôøng ñöôïc khen thöôûng naêm 2010", "Trường được khen thưởng năm 2010"),
        ("vni", "Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"),
        ("viscii", b"C\xb5ng h\xf2a x\xe3 h\xb5i ch\xfc ngh\xeea Vi\xaet Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("viscii", b"\x1eEN B\xc1I", "ỴEN BÁI"),
        ("abc", "Bé Néi vô", "Bộ Nội vụ"),
    ],
    ids=[
        "tcvn3-motto",
        "tcvn3-independence",
        "tcvn3-symbol",
        "tcvn3-soft-hyphen-u",
        "vni-motto",
        "vni-capitals",
        "vni-horn-vowels",
        "vni-mixed",
        "viscii-bytes",
        "viscii-c0-capital",
        "alias-abc",
    ],
)
def test_to_unicode(encoding, legacy, expected):
    assert to_unicode(legacy, encoding) == expected


def test_encoding_name_rejects_unknown():
    with pytest.raises(ValueError, match="tcvn3, vni, viscii"):
        encoding_name("cp1258")


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Việt", True),
        ("thưởng", True),
        ("khuỷu", True),
        ("nghiêng", True),
        ("gì", True),
        ("quyết", True),
        ("ViÖt", False),
        ("Vieät", False),
        ("Céng", False),
        ("thởng", False),
        ("kat", False),
        ("hoµ", False),
    ],
    ids=lambda v: str(v),
)
def test_is_syllable(word, expected):
    assert is_syllable(word) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni"),
        (b"C\xb5ng h\xf2a x\xe3 h\xb5i ch\xfc ngh\xeea Vi\xaet Nam".decode("latin-1"), "viscii"),
        ("Cộng hòa xã hội chủ nghĩa Việt Nam", None),
        ("Hà Nội", None),
        ("Thµnh", "tcvn3"),
        ("Vieät", "vni"),
        ("café, résumé, naïve", None),
        ("Số: 354/QĐ-UBND", None),
        ("", None),
    ],
    ids=[
        "tcvn3",
        "vni",
        "viscii",
        "unicode",
        "unicode-short",
        "tcvn3-one-word",
        "vni-one-word",
        "french",
        "unicode-symbol",
        "empty",
    ],
)
def test_detect_legacy(text, expected):
    assert detect_legacy(text) == expected


def test_detect_legacy_samples_large_texts():
    text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam. " * 200_000  # 7 MB
    started = time.perf_counter()
    assert detect_legacy(text) == "tcvn3"
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_decode_bytes_of_files(encoding):
    assert decode_bytes((DATA / f"{encoding}.txt").read_bytes()) == (SAMPLE, encoding)


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters precomposed, the tone as a combining mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in TONES)
        out.append(nfc("".join(c for c in parts if c not in TONES)) + tone)
    return "".join(out).encode("cp1258")


def test_decode_bytes_leaves_windows_1258_alone():
    data = _cp1258("Cộng hòa xã hội chủ nghĩa Việt Nam, Ủy ban nhân dân tỉnh Hải Dương")
    assert nfc(data.decode("cp1258")) == "Cộng hòa xã hội chủ nghĩa Việt Nam, Ủy ban nhân dân tỉnh Hải Dương"
    assert decode_bytes(data) is None


def test_decode_bytes_with_forced_encoding():
    assert decode_bytes("Vieät Nam".encode("latin-1"), encoding="vni") == ("Việt Nam", "vni")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("QUYÕT ®ÞNH\nSè: 68/Q§-UBND\n", ("QUYẾT ĐỊNH\nSố: 68/QĐ-UBND\n", "tcvn3")),
        ("ñY BAN NH¢N D¢N TØNH H¶I D¦¥NG\n", ("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG\n", "tcvn3")),
        ("Nguån tiÒn thëng ®îc trÝch tõ Quü thi ®ua.\n", ("Nguồn tiền thưởng được trích từ Quỹ thi đua.\n", "tcvn3")),
        (
            "C¨n cø LuËt Thi ®ua, Khen th\u00adëng;\nHà Nội, ngày 10 tháng 01 năm 2011\nVieät Nam\n",
            ("Căn cứ Luật Thi đua, Khen thưởng;\nHà Nội, ngày 10 tháng 01 năm 2011\nViệt Nam\n", "tcvn3"),
        ),
        ("Cộng hòa xã hội chủ nghĩa Việt Nam\n", ("Cộng hòa xã hội chủ nghĩa Việt Nam\n", None)),
    ],
    ids=["capitals-font-heading", "capitals-font-uy-ban", "lost-soft-hyphen-u", "mixed-lines", "unicode"],
)
def test_repair_text(text, expected):
    assert repair_text(text) == expected


def test_repair_text_forced():
    assert repair_text("Vieät Nam", "vni") == ("Việt Nam", "vni")


@pytest.mark.parametrize(
    "font, expected",
    [
        (".VnTime", ("tcvn3", False)),
        (".VnTimeH", ("tcvn3", True)),
        (".VnArial NarrowH", ("tcvn3", True)),
        (".VnCentury Schoolbook", ("tcvn3", False)),
        ("VNI-Times", ("vni", False)),
        ("VNI-Helve-Condense", ("vni", False)),
        ("Times New Roman", None),
        (None, None),
    ],
    ids=lambda v: str(v),
)
def test_legacy_font(font, expected):
    found = legacy_font(font)
    assert (found and (found.encoding, found.capitals)) == expected
    assert encoding_for_font(font) == (expected[0] if expected else None)


def test_convert_runs():
    runs = [
        ("C¨n cø ", ".VnTime"),
        ("Luật Thi đua, khen thưởng", "Times New Roman"),
        ("; ", None),
        ("Vie", "VNI-Times"),
        ("ät Nam", "VNI-Times"),
        ("; ", None),
        ("quyÕt ®Þnh", ".VnTimeH"),
    ]
    assert convert_runs(runs) == "Căn cứ Luật Thi đua, khen thưởng; Việt Nam; QUYẾT ĐỊNH"


def test_convert_runs_forced():
    assert convert_runs([("Vieät ", None), ("Nam", "Arial")], encoding="vni") == "Việt Nam"


def docx_run_font(run, paragraph) -> str | None:
    """The font a python-docx run is shown in: its own, its styles', or the document default (the
    test of convert_runs on a real .docx; miner reads .docx with lxml, miner/readers/docx.py).

    Word picks the font of non-ASCII characters from `w:hAnsi`, so that name wins over
    `w:ascii`.
    """
    from docx.oxml.ns import qn

    def named(element) -> str | None:
        rpr = element.find(qn("w:rPr")) if element is not None else None
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is None:
            return None
        return fonts.get(qn("w:hAnsi")) or fonts.get(qn("w:ascii"))

    def styled(style) -> str | None:
        while style is not None:
            name = named(style.element)
            if name:
                return name
            style = style.base_style
        return None

    name = named(run._element) or styled(run.style if run._element.rPr is not None else None)
    if name:
        return name
    name = styled(paragraph.style)
    if name:
        return name
    defaults = paragraph.part.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    return named(rpr_default)


def test_docx_runs_through_their_fonts():
    docx = pytest.importorskip("docx")
    document = docx.Document(str(DATA / "fonts.docx"))
    paragraphs = [convert_runs((run.text, docx_run_font(run, p)) for run in p.runs) for p in document.paragraphs]
    assert paragraphs[:5] == [
        "QUYẾT ĐỊNH",
        "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
        "Điều 1. Tặng Bằng khen cho ông Nguyễn Văn Bình.",
        "Điều 2. Mức tiền thưởng cho một Chiến sĩ thi đua cấp tỉnh thực hiện theo quy định hiện hành.",
    ]
    cell = document.tables[0].cell(0, 1).paragraphs[0]
    assert convert_runs((run.text, docx_run_font(run, cell)) for run in cell.runs) == (
        "Hải Dương, ngày 10 tháng 01 năm 2011"
    )


@pytest.mark.skipif(not SHARED_DOCS.is_dir(), reason="../shared/corpus/docs is absent (the dev corpus)")
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_dev_corpus_round_trip(encoding):
    """Each dev document written in a legacy code decodes back (TCVN3: up to case)."""
    for path in sorted(SHARED_DOCS.glob("*.txt")):
        text = nfc(path.read_text(encoding="utf-8"))
        text = "".join(c if c.isascii() or c in VIETNAMESE_LETTERS else " " for c in text)
        assert detect_legacy(text) is None, path.name
        data = from_unicode(text, encoding, capitals_font=True)
        decoded = decode_bytes(data)
        assert decoded is not None and decoded[1] == encoding, path.name
        if encoding == "tcvn3":
            # bytes keep TCVN3's "ư": no "ư" is put back, so "Hồ Đức Phớc" (a minister's name) stays
            assert decoded[0].lower() == text.lower(), path.name
        else:
            assert decoded[0] == text, path.name
        assert unicodedata.is_normalized("NFC", decoded[0])


# Letters of the three codes as Latin-1 and C0 controls, Unicode Vietnamese, digits, punctuation
# and the white space that separates words.
_WORDS_ALPHABET = st.sampled_from(
    list("aAzZ09 .,;:-/()\t\n\r\x0b\x0c\x00\x01\x1f\x7f\u00a0\u2002\u2013\u205f\u3000µ§¸¹ÖÕäã¶øÙ")
    + LOWER
    + [chr(c) for c in (0x80, 0x9F, 0xFF, 0x1EA0, 0x2060, 0x3001, 0xFFFD)]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(_WORDS_ALPHABET, max_size=60), st.text(max_size=60)))
def test_marked_words_are_the_words_with_a_non_ascii_character(text):
    """The one regex finds the words (as _WORD_RE splits them) that are not pure ASCII, in order."""
    assert legacy._marked_words(text) == [w for w in legacy._WORD_RE.findall(text) if not w.isascii()]
