"""Ranked paragraph search that respects what was typed, bounded whatever the archive's size.

The full-text index holds folded text (miner/store.py), so to it "Kho bạc", "kho bac" and "khó
bác" are one phrase: typing without marks finds every spelling. When the query has marks, the
paragraphs that hold the words as typed (as a phrase or apart) come before every paragraph that
matches only once folded. Ranking is done in Python over a bounded set of candidates, in tiers,
then by how often the words occur in a short paragraph:

    0  the words as typed (marks and all) as a phrase      "Kho bạc Nhà nước"
    1  every word as typed, apart                          "Kho ... bạc"
    2  the words as a phrase only once folded              "Khó bác nhà nước"
    3  every word only once folded (what the index matched) "Tiền bạc ... khó khăn"
    4  names an old place that now lies in the place typed "phường Nghĩa Đức" for "Bắc Gia Nghĩa"

A query typed without marks has nothing to respect: its phrase is tier 0, its words apart tier 1.
Tier 4 ranks after tier 0 and before tiers 1 to 3: a paragraph naming a place by its name before
1 July 2025 answers a search by its name of today better than one holding the words apart
(miner/web/old_names.py finds those paragraphs, through the places the extraction resolved).

The candidates are the CANDIDATES newest matches (highest paragraph id: FTS5 walks its doclists
from the end and stops there) of the words anywhere, and when fewer than a page of those hold
them as a phrase, as many of the newest phrases; with a filter on the documents, those of the
SCAN_LIMIT newest matches whose document passes it.
FTS5's own bm25 is not used: it scores every match before it can return the best (0.3 s for a
phrase in 155,000 of 1,063,147 paragraphs). The cost of the bound: a paragraph outside the newest
candidates is never on the first pages, however well it matches; the page says when that happened.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..normalize import fold, modern_tones, nfc, plain_words
from .marks import MAX_SEARCH_CHARS, fts_match, visible

CANDIDATES = 500
SCAN_LIMIT = 10_000
COUNT_LIMIT = 10_000
PAGE_SIZE = 50
# The paragraphs naming an old place of the place typed (miner/web/old_names.py), and where they rank.
OLD_NAME_TIER = 4
_ORDER = {0: 0, OLD_NAME_TIER: 1, 1: 2, 2: 3, 3: 4}
# BM25's constants, applied to the query words' counts in a candidate and its length in characters.
_K1, _B = 1.2, 0.75

_TOKEN_RE = re.compile(r"[^\W_]+")
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+")
# A tone mark on the first vowel of a final "oa", "oe", "uy" ("hóa", "thủy"), to write it the
# older way too ("hoá", "thuỷ"): a word typed either way is the same word as typed.
_MODERN_TONE_RE = re.compile(r"([oOuU])([\u0301\u0300\u0309\u0303\u0323])([aAeEyY])(?![^\W\d_]|[\u0300-\u036f])")


@dataclass(frozen=True)
class Word:
    """A word of the query: as typed (lower case, marks in today's places) and folded."""

    typed: str
    folded: str

    @property
    def marked(self) -> bool:
        return self.typed != self.folded


@dataclass(frozen=True)
class SearchQuery:
    """What a search asks the index for, and what ranks its answers."""

    text: str
    match: str
    words: tuple[Word, ...]
    phrase_match: str | None = None
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def marked(self) -> bool:
        """Whether the query was typed with marks (then the words as typed rank first)."""
        return any(w.marked for w in self.words)

    @property
    def distinct(self) -> tuple[str, ...]:
        """The query's folded words, each once, in order."""
        return tuple(dict.fromkeys(w.folded for w in self.words))

    def _compiled(self) -> dict:
        c = self._cache
        if not c:
            c["ascii"] = all(_ASCII_WORD_RE.fullmatch(w) for w in self.distinct)
            c["words"] = [f" {w} ".encode() for w in self.distinct]
            c["phrase"] = (" " + " ".join(w.folded for w in self.words) + " ").encode()
            # As typed, on the lower-cased text: a phrase of the words, and each word on its own.
            typed: dict[str, list[str]] = {w.folded: [] for w in self.words}
            for w in self.words:
                typed[w.folded].extend(_tone_variants(w.typed))
            c["typed_words"] = [
                (tuple(typed[f]), re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, typed[f])) + r")(?!\w)"))
                for f in self.distinct
            ]
            body = r"[\W_]+".join("(?:" + "|".join(map(re.escape, _tone_variants(w.typed))) + ")" for w in self.words)
            c["typed_phrase"] = re.compile(rf"(?<!\w){body}(?!\w)")
        return c


@lru_cache(maxsize=8192)
def _typed(word: str) -> str:
    return modern_tones(nfc(word)).lower()


def _tone_variants(typed: str) -> tuple[str, ...]:
    """A typed word with its tone where 2018's rule puts it, and where older texts put it."""
    old = nfc(_MODERN_TONE_RE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), unicodedata.normalize("NFD", typed)))
    return (typed,) if old == typed else (typed, old)


def parse_search(text: str) -> SearchQuery | None:
    """The query a user typed, or None when it holds no word to find."""
    text = (text or "")[:MAX_SEARCH_CHARS]
    match = fts_match(text)
    if match is None:
        return None
    words = tuple(Word(_typed(t), fold(t)) for t in _TOKEN_RE.findall(visible(text)))
    phrase = '"' + " ".join(w.folded for w in words) + '"' if len(words) > 1 else None
    return SearchQuery(text=text, match=match, words=words, phrase_match=phrase)


def _folded_words(text: str, ascii_only: bool) -> bytes:
    """The folded words of a text between single spaces (plain_words when the query is ASCII)."""
    if ascii_only:
        return plain_words(text)
    return (" " + " ".join(_TOKEN_RE.findall(fold(text))) + " ").encode()


def tier_and_weight(query: SearchQuery, text: str, average_length: float = 300.0) -> tuple[int, float]:
    """(tier, weight) of a paragraph for the query: the lower tier and the higher weight first.

    >>> q = parse_search("Kho bạc")
    >>> tier_and_weight(q, "Kho bạc Nhà nước tỉnh")[0], tier_and_weight(q, "Tiền bạc ... kho")[0]
    (0, 1)
    >>> tier_and_weight(q, "khó bác sĩ")[0], tier_and_weight(q, "Tiền bạc ... khó khăn")[0]
    (2, 3)
    """
    c = query._compiled()
    words = _folded_words(text, c["ascii"])
    counts = [words.count(w) for w in c["words"]]
    phrase = c["phrase"] in words
    if query.marked:
        # Every word compared as typed, marks and all ("Kho" is not "Khó"), old tone places too.
        low = text.lower()
        if phrase and c["typed_phrase"].search(low):
            tier = 0
        elif all(any(v in low for v in forms) and pattern.search(low) for forms, pattern in c["typed_words"]):
            tier = 1
        else:
            tier = 2 if phrase else 3
    else:  # nothing typed to respect: a phrase first, then the words
        tier = 0 if phrase else 1
    norm = _K1 * (1 - _B + _B * len(text) / max(average_length, 1.0))
    weight = sum(tf * (_K1 + 1) / (tf + norm) for tf in counts)
    return tier, weight


# ---------------------------------------------------------------- the candidates

_NEWEST_SQL = """
select f.rowid, p.text from paragraphs_fts f join paragraphs p on p.id = f.rowid
where paragraphs_fts match :match
order by f.rowid desc limit :limit
"""
_FLOOR_SQL = (
    "select rowid from paragraphs_fts where paragraphs_fts match :match order by rowid desc limit 1 offset :offset"
)
_FILTERED_SQL = """
select f.rowid, p.text from paragraphs_fts f
join paragraphs p on p.id = f.rowid
join documents d on d.id = p.document_id
where paragraphs_fts match :match and f.rowid >= :floor and {where}
order by f.rowid desc limit :limit
"""
_COUNT_SQL = "select count(*) from (select rowid from paragraphs_fts where paragraphs_fts match :match limit :limit)"
_PAGE_SQL = """
select p.id, p.document_id, p.seq, p.kind as paragraph_kind, p.text,
       d.title, d.symbol, d.year, d.province, d.kind, d.issuer, d.issued_date
from paragraphs p join documents d on d.id = p.document_id
where p.id in (select value from json_each(:ids))
"""


@dataclass(frozen=True)
class Ranked:
    """A search's ranked candidates and what the page says about them."""

    ids: tuple[int, ...]
    tiers: dict[int, tuple[int, float]]
    total: int  # paragraphs found: all of them, or at least this many when total_more
    total_more: bool
    bounded: bool  # some matches were not ranked (beyond the candidates or the scan)
    matched: int = 0  # candidates holding the words (the others name an old place, tier 4)

    def as_typed(self) -> int:
        """How many candidates hold the words as typed (tiers 0 and 1)."""
        return sum(1 for t, _ in self.tiers.values() if t in (0, 1))

    def old_named(self) -> int:
        """How many candidates name an old place of the place typed and hold not the words."""
        return sum(1 for t, _ in self.tiers.values() if t == OLD_NAME_TIER)


def _ordered(tiers: dict[int, tuple[int, float]]) -> tuple[int, ...]:
    return tuple(sorted(tiers, key=lambda i: (_ORDER[tiers[i][0]], -tiers[i][1], -i)))


def with_old_names(ranked: Ranked, paragraph_ids) -> Ranked:
    """The ranking with the paragraphs naming old places added (tier 4) where they hold not the words."""
    tiers = dict(ranked.tiers)
    for i in paragraph_ids:
        tiers.setdefault(i, (OLD_NAME_TIER, 0.0))
    return replace(ranked, ids=_ordered(tiers), tiers=tiers)


def document_filter(conn: sqlite3.Connection, filters: dict[str, object]) -> tuple[str, dict] | None:
    """SQL on the documents `d` for the filters, or None without filters.

    A province or an issuer is compared folded: the stored names that fold like the typed one
    are found first (from the province index; the issuers once), so the scan compares names as stored.
    """
    clauses, params = [], {}
    if filters.get("nam") is not None:
        clauses.append("d.year = :nam")
        params["nam"] = filters["nam"]
    if filters.get("loai") is not None:
        clauses.append("d.kind = :loai")
        params["loai"] = filters["loai"]
    for key, column, contains in (("tinh", "province", False), ("co_quan", "issuer", True)):
        wanted = filters.get(key)
        if wanted is None:
            continue
        typed = fold(str(wanted)).strip()
        names = [r[0] for r in conn.execute(f"select distinct {column} from documents where {column} is not null")]
        found = (
            [n for n in names if (typed in fold(n)) if contains] if contains else [n for n in names if fold(n) == typed]
        )
        clauses.append(f"d.{column} in (select value from json_each(:{key}))")
        params[key] = json.dumps(found, ensure_ascii=False)
    return (" and ".join(clauses), params) if clauses else None


def rank(conn: sqlite3.Connection, query: SearchQuery, where: tuple[str, dict] | None) -> Ranked:
    """The candidates of the query (within `where`, the documents' filter) in rank order, with how many were found."""
    texts: dict[int, str] = {}
    if where is None:
        rows = conn.execute(_NEWEST_SQL, {"match": query.match, "limit": CANDIDATES}).fetchall()
        complete = len(rows) < CANDIDATES
        total = (
            len(rows)
            if complete
            else conn.execute(_COUNT_SQL, {"match": query.match, "limit": COUNT_LIMIT + 1}).fetchone()[0]
        )
        total_more = total > COUNT_LIMIT
        total = min(total, COUNT_LIMIT)
        if not complete and query.phrase_match and _phrases(query, rows) < PAGE_SIZE:
            # Few of the newest hold the words as a phrase: the newest phrases too, which rank first.
            rows += conn.execute(_NEWEST_SQL, {"match": query.phrase_match, "limit": CANDIDATES}).fetchall()
        bounded = not complete
    else:
        sql, params = where
        floor_row = conn.execute(_FLOOR_SQL, {"match": query.match, "offset": SCAN_LIMIT - 1}).fetchone()
        floor = floor_row[0] if floor_row else 0
        rows = conn.execute(
            _FILTERED_SQL.format(where=sql), {**params, "match": query.match, "floor": floor, "limit": CANDIDATES}
        ).fetchall()
        bounded = bool(floor) or len(rows) == CANDIDATES
        total, total_more = len(rows), bounded
    for rowid, text in rows:
        texts.setdefault(rowid, text)
    average = sum(map(len, texts.values())) / len(texts) if texts else 1.0
    tiers = {i: tier_and_weight(query, t, average) for i, t in texts.items()}
    return Ranked(
        ids=_ordered(tiers), tiers=tiers, total=total, total_more=total_more, bounded=bounded, matched=len(tiers)
    )


def _phrases(query: SearchQuery, rows: list) -> int:
    """How many of these (rowid, text) rows hold the query's words as a phrase."""
    phrase = query._compiled()["phrase"]
    ascii_only = query._compiled()["ascii"]
    return sum(1 for _, text in rows if phrase in _folded_words(text, ascii_only))


def page_rows(conn: sqlite3.Connection, ranked: Ranked, page: int) -> list[dict]:
    """The rows of one page of ranked results, with their documents, in rank order."""
    ids = ranked.ids[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    conn.row_factory = sqlite3.Row
    rows = {r["id"]: dict(r) for r in conn.execute(_PAGE_SQL, {"ids": json.dumps(ids)})}
    out = []
    for i in ids:
        if i in rows:
            tier, weight = ranked.tiers[i]
            out.append({**rows[i], "tier": tier, "rank": round(weight, 3)})
    return out
