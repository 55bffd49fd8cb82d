"""Normalisation: NFC and clean text out of what files hold; fold() for matching keeps offsets."""

from __future__ import annotations

import unicodedata

import pytest

from miner.normalize import (
    _fold_by_table,
    ascii_lower_count,
    clean_text,
    clear_text_caches,
    fold,
    fold_key,
    modern_tones,
    nfc,
    plain_words,
    text_cache,
    word_bytes,
)

CLEAN_CASES = [
    ("nfd-to-nfc", unicodedata.normalize("NFD", "Quyết định số 354/QĐ-UBND"), "Quyết định số 354/QĐ-UBND"),
    # Windows-1258 decoded: precomposed "ê" with a combining acute after it
    ("combining-tone", "Quy\u00ea\u0301t \u0111i\u0323nh", "Quyết định"),
    ("no-break-space", "Cục\u00a0Thuế", "Cục Thuế"),
    ("thin-and-ideographic-spaces", "Đắk\u2009Nông\u3000tỉnh\u202f", "Đắk Nông tỉnh "),
    ("tab", "1.\tCông an tỉnh", "1. Công an tỉnh"),
    ("zero-width-and-bom", "\ufeffHóa\u200b đơn\u200d điện\u2060 tử", "Hóa đơn điện tử"),
    ("soft-hyphen", "Kho\u00ad bạc", "Kho bạc"),
    ("crlf-and-cr", "Nơi nhận:\r\n- Như Điều 3;\r- Lưu: VT.", "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT."),
    (
        "vertical-tab-and-form-feed",
        "ỦY BAN NHÂN DÂN\x0bTỈNH BẮC NINH\x0cQUYẾT ĐỊNH",
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nQUYẾT ĐỊNH",
    ),
    ("line-and-paragraph-separators", "Điều 1.\u2028Điều 2.\u2029Điều 3.", "Điều 1.\nĐiều 2.\nĐiều 3."),
    ("nul-and-controls", "Cục\x00 Thuế\x07\x1b tỉnh\x7f\x90", "Cục Thuế tỉnh"),
    ("bidi-marks", "\u200eSở Nội vụ\u202c", "Sở Nội vụ"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CLEAN_CASES], ids=[c[0] for c in CLEAN_CASES])
def test_clean_text(text, expected):
    assert clean_text(text) == expected
    assert clean_text(expected) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Quyết định số 354/QĐ-UBND", "quyet dinh so 354/qd-ubnd"),
        ("Đắk Nông", "dak nong"),
        ("HÓA ĐƠN ĐIỆN TỬ", "hoa don dien tu"),
        ("Ủy ban – Sở\u00a0Nội vụ", "uy ban - so noi vu"),
    ],
    ids=["symbol", "d-stroke", "upper-case", "dash-and-space"],
)
def test_fold_is_length_preserving(text, expected):
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("✓ Đạt chuẩn", "✓ dat chuan"),  # a code point past the fold table
        ("Ghi chú: 中文 Đắk Lắk", "ghi chu: 中文 dak lak"),
        ("Ά Έ", "ά έ"),  # Greek is lower-cased, its marks kept
    ],
    ids=["check-mark", "cjk", "greek"],
)
def test_fold_leaves_other_scripts_as_written(text, expected):
    assert fold(text) == expected


def test_fold_of_a_long_paragraph_is_the_fold_of_its_pieces():
    piece = "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông. "
    text = piece * 100
    assert (
        fold(text)
        == fold(piece) * 100
        == "quyet dinh so 354/qd-ubnd ngay 12/3/2018 cua uy ban nhan dan tinh dak nong. " * 100
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tặng Bằng khen, Giấy khen năm 2023.", b" tang bang khen giay khen nam 2023 "),
        ("UBND tỉnh Bà Rịa – Vũng Tàu;", b" ubnd tinh ba ria vung tau "),
        ("“Cờ thi đua”  của  Chính phủ", b" co thi dua cua chinh phu "),
        ("354/QĐ-UBND", b" 354 qd ubnd "),
        ("", b"  "),
    ],
    ids=["punctuation", "dash-between-names", "quotes-and-double-spaces", "symbol", "empty"],
)
def test_plain_words(text, expected):
    assert plain_words(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tặng Bằng khen, Giấy khen năm 2023.", b" tang bang khen  giay khen nam 2023  "),
        ("“Cờ thi đua”  của", b"  co thi dua   cua "),
        ("354/QĐ-UBND", b" 354 qd ubnd "),
        ("", b"  "),
    ],
    ids=["punctuation", "quotes-and-double-spaces", "symbol", "empty"],
)
def test_word_bytes_are_plain_words_before_the_runs_of_spaces_are_collapsed(text, expected):
    assert word_bytes(text) == expected
    assert b" " + b" ".join(expected.split()) + b" " == plain_words(text)


@pytest.mark.parametrize(
    "text, expected",
    [("Ủy ban nhân dân tỉnh", 12), ("SỞ NỘI VỤ", 0), ("Quyết định số 354/QĐ-UBND", 6), ("", 0)],
    ids=["running-text", "capitals", "marked-letters-not-counted", "empty"],
)
def test_ascii_lower_count_counts_a_to_z(text, expected):
    assert ascii_lower_count(text) == expected


def test_text_cache_remembers_texts_until_cleared():
    seen: list[str] = []

    @text_cache(maxsize=8)
    def words(text: str) -> tuple[str, ...]:
        seen.append(text)
        return tuple(text.split())

    assert [words("Sở Nội vụ"), words("Sở Nội vụ"), words("Kho bạc")] == [
        ("Sở", "Nội", "vụ"),
        ("Sở", "Nội", "vụ"),
        ("Kho", "bạc"),
    ]
    clear_text_caches()
    words("Sở Nội vụ")
    assert seen == ["Sở Nội vụ", "Kho bạc", "Sở Nội vụ"]


def test_fold_key_drops_punctuation_and_tone_placement():
    assert fold_key("Hoá đơn, điện tử!") == fold_key("hóa  đơn điện tử") == "hoa don dien tu"
    assert fold_key(None) == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("hoá đơn điện tử", "hóa đơn điện tử"),
        ("thuỷ lợi, khoẻ mạnh", "thủy lợi, khỏe mạnh"),
        ("hoàng, quý, thuyền", "hoàng, quý, thuyền"),
        ("Thuận Hoà, QUẢ, Huế, Thuở", "Thuận Hòa, QUẢ, Huế, Thuở"),
        ("Đắk Nông", "Đắk Nông"),
        ("Dak Nong", "Dak Nong"),
        # a text not in NFC: its tones moved and composed, or left as it is when none moves
        (unicodedata.normalize("NFD", "Uỷ ban"), "Ủy ban"),
        (unicodedata.normalize("NFD", "Ủy ban"), "Ủy ban"),
        ("\u212b hoà", "\u00c5 hòa"),  # the Ångström sign (NFC: Å) in a text whose tone moves
        ("\u212b 5", "\u212b 5"),
    ],
    ids=[
        "uy",
        "oa",
        "uy-and-oe",
        "unchanged",
        "capitals-q-and-marked-vowels",
        "nothing-to-move",
        "ascii",
        "decomposed",
        "decomposed-modern",
        "angstrom-moved",
        "angstrom-alone",
    ],
)
def test_modern_tones(text, expected):
    assert modern_tones(text) == expected


def test_nfc():
    assert nfc("e\u0302\u0301") == "ế"


def test_fold_by_its_code_is_fold_by_the_table_for_every_character():
    """fold() reads most texts through a code of 256 characters, the rest through the table: the same
    result for each character, alone and between letters ("Σ" folds by its context)."""
    fold_by_code = fold.__wrapped__  # (not the text cache)
    chars = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000]
    assert [c for c in chars if fold_by_code(c) != _fold_by_table(c)] == []
    assert [c for c in chars if fold_by_code(f"A{c}b") != _fold_by_table(f"A{c}b")] == []
    assert (
        fold_by_code("Quyết định số 354/QĐ-UBND “Cờ thi đua” – Ủy ban")
        == "quyet dinh so 354/qd-ubnd “co thi dua” - uy ban"
    )
