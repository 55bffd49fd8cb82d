"""miner inside spaCy pipelines: the `miner` component and a Vietnamese tokenizer that needs no pyvi.

Registered through entry points (pyproject.toml), so after `pip install miner`:

    nlp = spacy.blank("vi")     # with or without pyvi installed
    nlp.add_pipe("miner")
    doc = nlp(text)
    doc.spans["miner"]          # every mention: ORG, PER, LOC, LEGAL_REF, AWARD_TYPE, EMULATION_GROUP, AWARD
    doc.ents                    # the non-overlapping subset (the longest wins)
    doc._.miner                 # the record of ../shared/spec/extraction.md, as `miner extract --json` prints it
    span._.canonical            # "Ủy ban nhân dân tỉnh Đắk Nông" for the mention "UBND tỉnh" (also span.kb_id_)
    span._.miner                # the record's entry the mention belongs to

The text is read as `miner extract` reads a .txt file (paragraphs re-joined, spaces tidied, legacy
codes converted), and each span's offsets, counted in its paragraph, are mapped back onto the text
the pipeline was given, then onto its tokens (alignment "expand": a span covers every token it
touches). The module imports nothing of miner's extraction until a text is processed: spaCy imports
it whenever it builds any pipeline.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy import util
from spacy.lang.vi import VietnameseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

SPANS_KEY = "miner"
LABELS = ("ORG", "PER", "LOC", "LEGAL_REF", "AWARD_TYPE", "EMULATION_GROUP", "AWARD")
# Where two labels cover the same characters, the first is the entity (an award event is an award type).
_ENT_ORDER = ("AWARD", "LEGAL_REF", "ORG", "EMULATION_GROUP", "PER", "AWARD_TYPE", "LOC")
_USER_DATA_KEY = "miner.mentions"  # doc.user_data[key][(label, start_char, end_char)] = (canonical, entry)


@dataclass(frozen=True)
class Mention:
    """One extracted mention, its offsets counted in the whole text given."""

    label: str
    start: int
    end: int
    canonical: str | None
    entry: dict


# ---------------------------------------------------------------- text -> record and mentions


def read_text_as_document(text: str):
    """The Document `miner extract` makes of a .txt file holding `text`."""
    from .readers.text import read_text

    return read_text(Path("text.txt"), text.encode("utf-8"))


def extract_mentions(text: str) -> tuple[Any, list[Mention]]:
    """(the Record, its mentions with offsets in `text`) for one text."""
    from .pipeline import build_record

    doc = read_text_as_document(text)
    record = build_record(doc)
    maps = align_paragraphs(text, [p.text for p in doc.paragraphs])
    return record, mentions_of(record, maps)


def record_entries(record) -> Iterator[tuple[str, Any, str | None, tuple]]:
    """(label, entry, canonical name, spans) for every item of the record that has spans."""
    for ref in record.legal_refs:
        yield "LEGAL_REF", ref, ref.symbol or ref.subject or ref.doc_type, ref.spans
    for org in record.organizations:
        yield "ORG", org, org.name, org.spans
    for person in record.persons:
        yield "PER", person, person.name, person.spans
    for loc in record.locations:
        yield "LOC", loc, loc.name, loc.spans
    for group in record.emulation_groups:
        yield "EMULATION_GROUP", group, group.name, group.spans
    for mention in record.award_types:
        yield "AWARD_TYPE", mention, mention.name, mention.spans
    for award in record.awards:
        yield "AWARD", award, award.award, award.spans[:1]  # the award as written, as the database keeps it


def mentions_of(record, maps: Sequence[tuple[Sequence[int], Sequence[int]]]) -> list[Mention]:
    """The record's spans as mentions of the whole text, through the paragraphs' offset maps."""
    found: dict[tuple[str, int, int], Mention] = {}
    for label, item, canonical, spans in record_entries(record):
        entry = {f.name: getattr(item, f.name) for f in fields(item) if f.name != "spans"}
        for span in spans:
            if not 0 <= span.paragraph < len(maps) or span.end <= span.start:
                continue
            starts, ends = maps[span.paragraph]
            start, end = starts[span.start], ends[span.end - 1]
            if end > start:
                found.setdefault((label, start, end), Mention(label, start, end, canonical, entry))
    return sorted(found.values(), key=lambda m: (m.start, m.end, LABELS.index(m.label)))


# ---------------------------------------------------------------- paragraph offsets -> text offsets


def align_paragraphs(text: str, paragraphs: Sequence[str]) -> list[tuple[list[int], list[int]]]:
    """For each paragraph, where each of its characters starts and ends in `text`: (starts, ends).

    The paragraphs are `text` read (miner.segment): in order, with runs of white space (line
    breaks of wrapped lines, tabs) made one space, control and zero-width characters dropped,
    decomposed letters composed (NFC), table cells joined by " | ". The walk matches character by
    character, takes those changes as they come, and else resynchronises on the next characters
    both share; a character it cannot place is put where the walk stands.
    """
    maps: list[tuple[list[int], list[int]]] = []
    i, n = 0, len(text)
    for para in paragraphs:
        m = len(para)
        starts, ends = [0] * m, [0] * m
        k = 0
        while k < m:
            c = para[k]
            if i < n and text[i] == c:
                run = _common_run(para, k, text, i)  # most of a paragraph is as written: a line at once
                starts[k : k + run] = range(i, i + run)
                ends[k : k + run] = range(i + 1, i + run + 1)
                k += run
                i += run
                continue
            if c == " " and i < n and text[i].isspace():
                starts[k] = i
                while i < n and text[i].isspace():
                    i += 1
                ends[k] = i
                k += 1
                continue
            if i < n and (text[i].isspace() or _dropped(text[i])):
                i += 1
                continue
            composed = _composed_at(text, i)
            if composed and para.startswith(composed[0], k):
                for x in range(len(composed[0])):
                    starts[k + x], ends[k + x] = i, composed[1]
                k += len(composed[0])
                i = composed[1]
                continue
            inserted, skipped = _resync(text, i, para, k)
            if inserted == 0 and skipped == 0:
                inserted, skipped = 1, 1  # nothing shared nearby: one for one
            i = min(i + skipped, n)
            for x in range(inserted):
                starts[k + x] = ends[k + x] = i
            k += inserted
        maps.append((starts, ends))
    return maps


def _common_run(a: str, ai: int, b: str, bi: int) -> int:
    """How many characters a[ai:] and b[bi:] have in common at their start (at least 1 here): a
    line of text is compared at once, up to its line break."""
    most = min(len(a) - ai, len(b) - bi)
    line = b.find("\n", bi + 1, bi + most)
    if line > bi and b.startswith(a[ai : ai + line - bi], bi):
        lo, hi = line - bi, most  # the common part reaches the line break, often just to it
    else:
        lo, hi = 1, most if line < 0 else line - bi - 1
    step = 16
    while lo + step <= hi and b.startswith(a[ai + lo : ai + lo + step], bi + lo):
        lo += step  # gallop on, then halve the last step
        step *= 2
    hi = min(hi, lo + step - 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if b.startswith(a[ai + lo : ai + mid], bi + lo):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _dropped(ch: str) -> bool:
    """A character reading drops: controls, zero-width marks, soft hyphens."""
    return unicodedata.category(ch) in ("Cc", "Cf")


def _composed_at(text: str, i: int) -> tuple[str, int] | None:
    """(the NFC form, its end) of a letter written decomposed at `i`, else None."""
    j = i + 1
    while j < len(text) and unicodedata.combining(text[j]):
        j += 1
    if j == i + 1:
        return None
    return _nfc(text[i:j]), j


def _resync(text: str, i: int, para: str, k: int, reach: int = 12, width: int = 4) -> tuple[int, int]:
    """(characters of `para` inserted, characters of `text` left out) before both agree again on up
    to `width` characters short of a space, the smallest change first; (0, 0) if none within `reach`."""
    for total in range(1, reach + 1):
        for inserted in range(total + 1):
            skipped = total - inserted
            if k + inserted == len(para):
                return inserted, 0  # the paragraph's end
            probe = para[k + inserted : k + inserted + width].split(" ", 1)[0]
            at = i + skipped
            if probe and (text.startswith(probe, at) or _nfc(text[at : at + 3 * width]).startswith(probe)):
                return inserted, skipped
    return 0, 0


# ---------------------------------------------------------------- the spaCy component


def _span_value(name: str):
    def get(span: SpacySpan) -> Any:
        found = span.doc.user_data.get(_USER_DATA_KEY, {}).get((span.label_, span.start_char, span.end_char))
        if found is not None:
            return found[0] if name == "canonical" else found[1]
        return (span.kb_id_ or None) if name == "canonical" else None

    return get


def register_extensions() -> None:
    """doc._.miner (the record), span._.canonical and span._.miner (its record entry)."""
    if not Doc.has_extension("miner"):
        Doc.set_extension("miner", default=None)
    for name in ("canonical", "miner"):
        if not SpacySpan.has_extension(name):
            SpacySpan.set_extension(name, getter=_span_value(name))


class MinerComponent:
    """Sets doc.spans[spans_key], doc.ents (unless set_ents is False) and doc._.miner."""

    def __init__(self, nlp: Language, name: str = "miner", spans_key: str = SPANS_KEY, set_ents: bool = True):
        self.name = name
        self.spans_key = spans_key
        self.set_ents = set_ents
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from .errors import MinerError

        text = doc_text(doc)
        record: Any = None
        mentions: list[Mention] = []
        if text.strip():
            try:
                record, mentions = extract_mentions(text)
            except MinerError as exc:
                log.warning("miner: text not extracted: %s", exc.one_line())
        set_mentions(doc, mentions, self.spans_key, set_ents=self.set_ents)
        doc._.miner = record.to_dict() if record is not None else None
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


def doc_text(doc: Doc) -> str:
    """doc.text, built from the token table (doc.text makes a Token object of every token)."""
    import numpy
    from spacy.attrs import ORTH, SPACY

    if len(doc) == 0:
        return ""
    table = doc.to_array([ORTH, SPACY])
    hashes, which = numpy.unique(table[:, 0], return_inverse=True)
    strings = doc.vocab.strings
    words = [strings[h] for h in hashes.tolist()]
    return "".join(
        words[w] + " " if space else words[w] for w, space in zip(which.ravel().tolist(), table[:, 1].tolist())
    )


def set_mentions(doc: Doc, mentions: Iterable[Mention], spans_key: str = SPANS_KEY, set_ents: bool = True) -> None:
    """The mentions as spans of `doc` (on its tokens, alignment "expand"), in doc.spans[spans_key],
    with their canonical names and entries; the longest non-overlapping ones as doc.ents."""
    spans = []
    values: dict[tuple[str, int, int], tuple[str | None, dict]] = {}
    doc.user_data[_USER_DATA_KEY] = values
    for mention in mentions:
        span = doc.char_span(
            mention.start, mention.end, label=mention.label, kb_id=mention.canonical or "", alignment_mode="expand"
        )
        if span is None:
            continue
        key = (mention.label, span.start_char, span.end_char)
        if key in values:
            continue  # two mentions on the same tokens (a word of pyvi's holding both) are one span
        values[key] = (mention.canonical, mention.entry)
        spans.append(span)
    doc.spans[spans_key] = spans
    if set_ents:
        doc.ents = entities(spans)


def entities(spans: Iterable[SpacySpan]) -> list[SpacySpan]:
    """The longest spans that do not overlap (of the same characters, the event before the type,
    the body before the place)."""
    return util.filter_spans(sorted(spans, key=lambda s: _ENT_ORDER.index(s.label_) if s.label_ in _ENT_ORDER else 99))


@Language.factory(
    "miner",
    default_config={"spans_key": SPANS_KEY, "set_ents": True},
    assigns=["doc.spans", "doc.ents", "doc._.miner", "span._.canonical", "span._.miner"],
)
def make_miner(nlp: Language, name: str, spans_key: str, set_ents: bool) -> MinerComponent:
    """The `miner` pipeline component (entry point spacy_factories)."""
    return MinerComponent(nlp, name, spans_key=spans_key, set_ents=set_ents)


# ---------------------------------------------------------------- Vietnamese tokens without pyvi


class SyllableTokenizer(VietnameseTokenizer):
    """spaCy's Vietnamese tokenizer without pyvi's word segmentation: one token per syllable, number
    or punctuation mark, as pyvi's own first step cuts them ("354/QĐ-UBND" is 354 / QĐ - UBND)."""

    def __init__(self, vocab) -> None:
        super().__init__(vocab, use_pyvi=False)

    def __reduce__(self):
        return SyllableTokenizer, (self.vocab,)

    def __call__(self, text: str) -> Doc:
        # What pyvi_sylabelize_with_ws and util.get_words_and_spaces make together, in one pass (the
        # latter copies the rest of the text for every word: quadratic on long documents). Each
        # match: white space before the token that is not one space after the previous one (a token
        # of its own), the token, one space after it.
        found = _syllable_re().findall(text)
        words = [w for gap, token, _ in found for w in ((gap, token) if gap else (token,))]
        spaces = [f for gap, _, space in found for f in ((False, bool(space)) if gap else (bool(space),))]
        # what no match takes: the white space after the last token (but the one space it keeps)
        end = len(text.rstrip()) + (1 if found and found[-1][2] else 0)
        if end < len(text):
            words.append(text[end:])
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


@lru_cache(maxsize=1)
def _syllable_re() -> re.Pattern[str]:
    """(white space, token, one space) for each token of VietnameseTokenizer.pyvi_sylabelize_with_ws."""
    abbreviations = [r"[A-ZĐ]+\.", r"Tp\.", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.", r"ThS\."]
    specials = [r"==>", r"->", r"\.\.\.", r">>"]
    web, email = r"\w+://[^\s]+", r"(?:[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+)"
    digit, non_word, word = r"\d+(?:[\.,_]\d+)+", r"[^\w\s]", r"\w+"
    tokens = "|".join([*abbreviations, *specials, web, email, digit, non_word, word])
    return re.compile(rf"(\s*)({tokens})( ?)")


def _pyvi_installed() -> bool:
    try:
        from pyvi import ViTokenizer  # noqa: F401  (what spaCy's tokenizer imports)
    except ImportError:
        return False
    return True


_warned: list[bool] = []


def create_vietnamese_tokenizer(use_pyvi: bool = True):
    """spaCy's "spacy.vi.VietnameseTokenizer", the tokenizer of spacy.blank("vi"), as registered by
    miner's entry point: the same with pyvi installed or use_pyvi false; without pyvi, syllables
    (SyllableTokenizer) instead of an ImportError."""

    def tokenizer_factory(nlp: Language):
        if use_pyvi and not _pyvi_installed():
            if not _warned:
                log.warning("pyvi is not installed: Vietnamese text is cut into syllables (pip install pyvi for words)")
                _warned.append(True)
            return SyllableTokenizer(nlp.vocab)
        return VietnameseTokenizer(nlp.vocab, use_pyvi=use_pyvi)

    return tokenizer_factory
