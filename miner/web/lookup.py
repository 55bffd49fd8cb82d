"""Decision lookup: a symbol however it is written ("QĐ 354", "qd 354 2018", "354/QD-UBND ngày
12/3/2018") parsed with the project's own patterns and matched against the stored documents.

Matching goes through the indexed `symbol_key` columns only: a range over the keys that start
with the number ("354/...", "354-...", "354" alone), then the type, code, year and date the
query gave are checked on those few rows. No full scan, whatever the database's size.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field

from ..legal_refs import type_named, type_of_code
from ..normalize import clean_text, fold, fold_key, nfc
from ..patterns import DATE_RE, SYMBOL_RE, date_of, symbol_of
from ..store import symbol_key

MAX_QUERY_CHARS = 200
MAX_LIST_LINES = 500
MAX_CANDIDATES = 2000
# The places citing each cited document that a lookup shows (the newest documents first); the
# page links to all of them in the citations table.
MAX_CITATIONS = 20

_NUMBER_RE = re.compile(r"(?<![\w.])(\d{1,6})(?![\w])")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Words a writer puts around a symbol that name nothing: "số", "ngày", "năm", "ký hiệu".
_FILLER = {"so", "ngay", "thang", "nam", "ky", "hieu", "va", "cua", "tai", "theo", "can", "cu"}


@dataclass(frozen=True)
class TitleQuery:
    """A document named by its title ("Luật Thi đua, khen thưởng"): its type and its folded words."""

    text: str
    key: str
    doc_type: str | None = None
    year: int | None = None  # the year of the date written after it ("... ngày 26/11/2003"): that year first


class BadQuery(ValueError):
    """A lookup query that cannot be answered: empty, too long, or with no number in it."""


@dataclass(frozen=True)
class SymbolQuery:
    """What a lookup query asks for; None where the query says nothing."""

    text: str
    number: str
    doc_type: str | None = None
    code: str | None = None
    year: int | None = None
    issued_date: str | None = None
    # Whether the type was written as a word ("Quyết định 354"), not only read from the code: a
    # code's type is a guess ("214-QĐ/TW" is a Party Quy định) that ranks, never excludes.
    type_typed: bool = False
    # The symbol as typed, folded without spaces ("35/2019"): a stored symbol starting with it is exact.
    typed_key: str | None = None

    @property
    def number_key(self) -> str:
        """The number as symbol keys begin with it (no leading zeros)."""
        return symbol_key(self.number) or self.number


@dataclass(frozen=True)
class Citing:
    """One place a document cites the looked-up one."""

    citation_id: int
    document_id: str
    document_title: str | None
    document_symbol: str | None
    document_date: str | None
    paragraph_id: int | None
    seq: int | None
    paragraph: str | None
    start: int | None
    end: int | None
    written: str | None


@dataclass(frozen=True)
class Match:
    """A cited document that answers the query, with every place that cites it."""

    id: int
    label: str
    doc_type: str | None
    symbol: str | None
    issued_date: str | None
    year: int | None
    issuer: str | None
    subject: str | None
    citation_count: int
    citing_documents: int
    citations: tuple[Citing, ...] = field(default=())
    # The other rows of the same document (cited without its date, with a stray "**" ...): one card.
    also: tuple[int, ...] = ()
    exact: int = 0  # 2: the symbol as typed; 1: it starts with what was typed; 0: compatible only

    @property
    def ids(self) -> tuple[int, ...]:
        return (self.id, *self.also)


@dataclass(frozen=True)
class OwnDocument:
    """A stored document whose own symbol answers the query."""

    id: str
    symbol: str
    title: str | None
    kind: str | None
    issued_date: str | None
    issuer: str | None


@dataclass(frozen=True)
class Answer:
    """The answer to one query: cited documents, stored documents, and a note when ambiguous."""

    query: SymbolQuery | TitleQuery
    matches: tuple[Match, ...]
    documents: tuple[OwnDocument, ...]

    @property
    def by_title(self) -> bool:
        return isinstance(self.query, TitleQuery)

    @property
    def ambiguous(self) -> bool:
        return len(self.matches) > 1

    def to_dict(self) -> dict:
        """The JSON shape of the answer."""
        return {
            "query": _shallow(self.query),
            "ambiguous": self.ambiguous,
            "matches": [{**_shallow(m), "citations": [_shallow(c) for c in m.citations]} for m in self.matches],
            "documents": [_shallow(d) for d in self.documents],
        }


def _shallow(item) -> dict:
    """A dataclass's fields as a dict, without `asdict`'s deep copies (answers can be large)."""
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


def parse_query(text: str) -> SymbolQuery:
    """Read a symbol however written: "354/QĐ-UBND", "QĐ 354", "quyết định số 354", "qd 354 2018".

    >>> parse_query("354/QĐ-UBND ngày 12/3/2018")
    SymbolQuery(text='354/QĐ-UBND ngày 12/3/2018', number='354', doc_type='Quyết định', code='QĐ-UBND', year=2018, issued_date='2018-03-12', type_typed=False, typed_key='354/qd-ubnd')
    """
    text = clean_text(nfc(text or "")).strip()
    if not text:
        raise BadQuery("nhập số, ký hiệu văn bản / type a document's number and code")
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(f"tối đa {MAX_QUERY_CHARS} ký tự / at most {MAX_QUERY_CHARS} characters")
    rest = text
    issued = None
    folded = fold(rest)
    date_match = DATE_RE.search(folded)
    if date_match:
        issued = date_of(date_match)
        rest = _blank(rest, date_match.start(), date_match.end())
    symbol = _find_symbol(rest)
    number = code = written = None
    year = int(issued[:4]) if issued else None
    if symbol is not None:
        sym, start, end = symbol
        number, code, year, written = sym.number, sym.code, sym.year or year, sym.text
        rest = _blank(rest, start, end)
    numbers = _NUMBER_RE.findall(rest)
    if number is None:
        if not numbers:
            raise BadQuery("không thấy số của văn bản / no document number in the query")
        number = numbers.pop(0)
    for n in numbers:
        if year is None and _YEAR_RE.fullmatch(n):
            year = int(n)
    doc_type = _type_in(fold(rest))
    type_typed = doc_type is not None
    if doc_type is None and code:
        coded = type_of_code(code, written)  # with the symbol: "214-QĐ/TW" is a Party Quy định
        doc_type = coded.name if coded else None
    chunk = next((c for c in text.split() if number in c), None)
    typed_key = symbol_key(chunk) if chunk and not chunk.isdigit() else None
    return SymbolQuery(
        text=text,
        number=number,
        doc_type=doc_type,
        code=code,
        year=year,
        issued_date=issued,
        type_typed=type_typed,
        typed_key=typed_key,
    )


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _find_symbol(text: str):
    """The first symbol in the text as written, else in capitals ("354/qd-ubnd"): (Symbol, start, end)."""
    m = SYMBOL_RE.search(text)
    if m is None:
        upper = text.upper()
        if len(upper) != len(text):
            return None
        m = SYMBOL_RE.search(upper)
        if m is None:
            return None
        return symbol_of(m), m.start(), m.end()
    return symbol_of(m), m.start(), m.end()


def _type_in(folded: str) -> str | None:
    """The type of document the words name ("quyet dinh", "qd", "nghi quyet"), longest first."""
    words = [w for w in _WORD_RE.findall(folded) if w not in _FILLER]
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            found = type_named(" ".join(words[i : i + size]))
            if found is not None:
                return found.name
    return None


def parse_title(text: str) -> TitleQuery | None:
    """A title to look up: two words or more with no number, the type named first when it is one.

    >>> parse_title("Luật Thi đua, khen thưởng")
    TitleQuery(text='Luật Thi đua, khen thưởng', key='luat thi dua khen thuong', doc_type='Luật', year=None)
    """
    text = clean_text(nfc(text or "")).strip()
    key = fold_key(text)
    if len(key.split()) < 2 or _NUMBER_RE.search(key) or len(text) > MAX_QUERY_CHARS:
        return None
    return TitleQuery(text=text, key=key, doc_type=_leading_type(key))


# Words left at the end of a title once its date is cut off ("Luật ... ngày", "Luật ..., số").
_TITLE_TAIL = {"ngay", "so", "nam", "cua", "va"}


def title_in(text: str, typed: bool = False) -> TitleQuery | None:
    """A document named by its title in a line as a writer puts it: the words before the type
    ("Căn cứ") and its date with what follows ("ngày 19/6/2015 của Quốc hội") left out, the
    date's year kept. With `typed`, only a line whose title starts with a type's name.

    >>> title_in("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015 của Quốc hội;")
    TitleQuery(text='Luật Tổ chức chính quyền địa phương', key='luat to chuc chinh quyen dia phuong', doc_type='Luật', year=2015)
    """
    text = clean_text(nfc(text or "")).strip()
    year = None
    date = DATE_RE.search(fold(text))
    if date:
        iso = date_of(date)
        year = int(iso[:4]) if iso else None
        text = text[: date.start()]
    words = text.split()
    words = _from_type(words) or ([] if typed else words)
    while words and (fold(words[-1].strip(",;:.")) in _TITLE_TAIL or not words[-1].strip(",;:.")):
        words.pop()
    title = parse_title(" ".join(words).rstrip(",;:."))
    if title is None or (typed and title.doc_type is None):
        return None
    return TitleQuery(text=title.text, key=title.key, doc_type=title.doc_type, year=year)


def _leading_type(key: str) -> str | None:
    words = key.split()
    for size in (3, 2, 1):
        found = type_named(" ".join(words[:size]))
        if found is not None:
            return found.name
    return None


# Where pasted text is cut into queries; a symbol's own "/" and "-" stay.
_SEGMENT_RE = re.compile(r"[\n;]+")
_DATE_AFTER_RE = re.compile(
    r"\s*,?\s*(ngày\s+\d{1,2}\s*(?:/|-|\.|tháng)\s*\d{1,2}\s*(?:/|-|\.|năm)\s*\d{4})", re.IGNORECASE
)
_WORDS_BEFORE = 4


def parse_list(text: str) -> list[str]:
    """The queries in pasted text: every symbol found in it (with the few words before it that name
    its type, and its date when one follows), else each line or ";"-part that names a document.

    >>> parse_list("354/QĐ-UBND; 2587/QĐ-UBND, 4180/2006/QĐ-UBND")
    ['354/QĐ-UBND', '2587/QĐ-UBND', '4180/2006/QĐ-UBND']
    >>> parse_list("Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của UBND tỉnh và Luật số 06/2022/QH15;\\nQĐ 120")
    ['Quyết định số 354/QĐ-UBND ngày 12/3/2018', 'Luật số 06/2022/QH15', 'QĐ 120']
    """
    queries: list[str] = []
    for segment in _SEGMENT_RE.split(text or ""):
        segment = " ".join(segment.split())
        if not segment:
            continue
        found = _symbols_in(segment)
        if found:
            queries.extend(found)
        else:
            queries.append(segment)
        if len(queries) > MAX_LIST_LINES:
            raise BadQuery(f"tối đa {MAX_LIST_LINES} văn bản / at most {MAX_LIST_LINES} documents")
    return queries


def _from_type(words: list[str]) -> list[str]:
    """The words from the first that starts a type's name ("Căn cứ Quyết định số" -> "Quyết định số"), else none."""
    for i in range(len(words)):
        if any(type_named(" ".join(words[i : i + size])) for size in (1, 2, 3) if i + size <= len(words)):
            return words[i:]
    return []


def _symbols_in(segment: str) -> list[str]:
    """Each symbol of a segment as a query: up to four words before it (after the previous symbol), its date."""
    upper = segment.upper()
    matches = list(SYMBOL_RE.finditer(segment)) or (
        list(SYMBOL_RE.finditer(upper)) if len(upper) == len(segment) else []
    )
    out = []
    previous = 0
    for m in matches:
        before = segment[previous : m.start()].replace(",", " ").split()[-_WORDS_BEFORE:]
        query = " ".join([*_from_type(before), segment[m.start() : m.end()]])
        date = _DATE_AFTER_RE.match(segment, m.end())
        if date:
            query += " " + date.group(1)
        previous = date.end() if date else m.end()
        out.append(query)
    return out


# ---------------------------------------------------------------- matching


def _key_range(q: SymbolQuery) -> tuple[str, str, str]:
    """The keys of symbols numbered like the query: "354" alone, and "354-" up to "3540" ("-", ".", "/")."""
    key = q.number_key
    return key, key + "-", key + "0"


def _same_number(written: str | None, q: SymbolQuery) -> bool:
    return (written or "").lstrip("0") == q.number.lstrip("0")


def _code_fits(code: str | None, q: SymbolQuery) -> bool:
    return not q.code or not code or fold(code).replace(" ", "") == fold(q.code).replace(" ", "")


def _fits(row: sqlite3.Row, q: SymbolQuery) -> bool:
    """Whether a cited document is compatible with the query (what either leaves out matches anything)."""
    if not _same_number(row["number"], q) or not _code_fits(row["code"], q):
        return False
    if q.type_typed and q.doc_type and row["doc_type"] and row["doc_type"] != q.doc_type:
        return False
    if q.year and row["year"] and row["year"] != q.year:
        return False
    return not (q.issued_date and row["issued_date"] and row["issued_date"] != q.issued_date)


_CITED_SQL = """
select id, label, doc_type, symbol, symbol_key, number, code, year, issued_date, issuer, subject
from cited_documents
where symbol_key = :key or (symbol_key >= :low and symbol_key < :high)
limit :limit
"""

_COUNTS_SQL = """
select cited_document_id, count(*) as n, count(distinct document_id) as docs
from citations where cited_document_id in ({ids}) group by cited_document_id
"""

# The first MAX_CITATIONS places of each cited document: numbered in the citations' order with
# only the documents' dates read, then those few joined to their paragraphs. A document cited
# more than HEAVY times (a law cited by 8,000 documents) has its newest citing documents found
# from the documents' date index first, each tested against the citations' index.
HEAVY = 10 * MAX_CITATIONS
_NEWEST_CITING_SQL = """
select d.id from documents d
where exists (select 1 from citations c where c.cited_document_id = :cited and c.document_id = d.id)
order by d.issued_date desc
limit :limit
"""
_CITING_SQL = """
with numbered as (
  select c.id, row_number() over (
    partition by c.cited_document_id order by d.issued_date desc, c.document_id, c.paragraph_id, c.start, c.id
  ) as n
  from citations c join documents d on d.id = c.document_id
  where {where}
)
select c.cited_document_id, c.id, c.document_id, d.title, d.symbol, d.issued_date, c.paragraph_id, p.seq,
       p.text as paragraph, c.start, c."end", c.text
from numbered
join citations c on c.id = numbered.id
join documents d on d.id = c.document_id
left join paragraphs p on p.id = c.paragraph_id
where numbered.n <= :limit
order by d.issued_date desc, c.document_id, c.paragraph_id, c.start, c.id
"""

_OWN_SQL = """
select id, symbol, title, kind, issued_date, year, issuer
from documents
where symbol_key = :key or (symbol_key >= :low and symbol_key < :high)
limit :limit
"""


def lookup(conn: sqlite3.Connection, q: SymbolQuery, with_citations: bool = True) -> Answer:
    """The cited documents (with the places citing them) and stored documents answering `q`.

    Rows that are one document (the same symbol with and without its date, an issuer with a stray
    "**") are one card; the exact symbol first, then the most cited.
    """
    conn.row_factory = sqlite3.Row
    key, low, high = _key_range(q)
    params = {"key": key, "low": low, "high": high, "limit": MAX_CANDIDATES}
    rows = [r for r in conn.execute(_CITED_SQL, params) if _fits(r, q)]
    own = tuple(
        OwnDocument(r["id"], r["symbol"], r["title"], r["kind"], r["issued_date"], r["issuer"])
        for r in conn.execute(_OWN_SQL, params)
        if _own_fits(r, q)
    )
    cards = _cards(conn, rows, with_citations)
    cards.sort(key=lambda m: (-_exactness(m, q), -m.citation_count, m.issued_date or "", m.id))
    cards = [_with_exactness(m, q) for m in cards]
    return Answer(query=q, matches=tuple(cards), documents=own)


def _exactness(m: Match, q: SymbolQuery) -> int:
    key = symbol_key(m.symbol) or ""
    typed = q.typed_key
    score = 0
    if typed and key == typed:
        score = 2
    elif typed and key.startswith(typed) and key[len(typed) : len(typed) + 1] in ("/", "-", "."):
        score = 1
    if score < 2 and q.doc_type and m.doc_type and m.doc_type != q.doc_type:  # the code's usual type, not this one's
        score -= 1
    return score


def _with_exactness(m: Match, q: SymbolQuery) -> Match:
    from dataclasses import replace

    return replace(m, exact=max(0, _exactness(m, q)))


_YEAR_IN_SYMBOL_RE = re.compile(r"/(?:19|20)\d\d/")
_ISSUER_TAIL_RE = re.compile(r"\*.*$|[^\w)]+$", re.DOTALL)


def clean_issuer(issuer: str | None) -> str:
    """An issuer's name as a key, without a stray "**" and what follows it ("Quốc hội**" is "Quốc hội")."""
    return fold_key(_ISSUER_TAIL_RE.sub("", issuer or ""))


def _one_document(rows: list[sqlite3.Row]) -> list[list[sqlite3.Row]]:
    """Rows with the same symbol split into documents.

    A symbol with its year ("202/2025/QH15", "91/2017/NĐ-CP") names one document whatever the
    issuer or date a citation gives. Without a year ("354/QĐ-UBND"), rows of different issuers,
    dates or years are different documents; a row that leaves some out joins the one document it
    fits, when there is exactly one.
    """
    if rows[0]["symbol"] and _YEAR_IN_SYMBOL_RE.search("/" + rows[0]["symbol"] + "/"):
        return [rows]
    groups: list[list[sqlite3.Row]] = []
    for r in sorted(rows, key=lambda r: (not (clean_issuer(r["issuer"]) and r["issued_date"]), r["id"])):
        fits = [g for g in groups if all(_compatible(r, other) for other in g)]
        if len(fits) == 1:
            fits[0].append(r)
        else:
            groups.append([r])
    return groups


def _compatible(a: sqlite3.Row, b: sqlite3.Row) -> bool:
    pairs = (
        (clean_issuer(a["issuer"]), clean_issuer(b["issuer"])),
        (a["issued_date"], b["issued_date"]),
        (a["year"], b["year"]),
    )
    return all(not x or not y or x == y for x, y in pairs)


def _cards(conn: sqlite3.Connection, rows: list[sqlite3.Row], with_citations: bool) -> list[Match]:
    """One Match per document: rows grouped by symbol (or name), the most cited row's fields shown."""
    if not rows:
        return []
    all_ids = ", ".join(str(int(r["id"])) for r in rows)
    counts = {r[0]: (r[1], r[2]) for r in conn.execute(_COUNTS_SQL.format(ids=all_ids))}
    by_symbol: dict[str, list[sqlite3.Row]] = {}
    for r in rows:
        by_symbol.setdefault(r["symbol_key"] or f"row:{r['id']}", []).append(r)
    groups = [g for same in by_symbol.values() for g in _one_document(same)]
    citing = _citing(conn, [r["id"] for r in rows], counts) if with_citations else {}
    cards = []
    for group in groups:
        group.sort(key=lambda r: (-counts.get(r["id"], (0, 0))[0], r["id"]))
        head = group[0]
        ids = [r["id"] for r in group]
        n = sum(counts.get(i, (0, 0))[0] for i in ids)
        docs = counts.get(head["id"], (0, 0))[1] if len(ids) == 1 else _citing_documents(conn, ids)
        places = _newest(citing, ids)
        cards.append(
            Match(
                id=head["id"],
                label=head["label"],
                doc_type=head["doc_type"],
                symbol=head["symbol"],
                issued_date=next((r["issued_date"] for r in group if r["issued_date"]), None),
                year=next((r["year"] for r in group if r["year"]), None),
                issuer=_ISSUER_TAIL_RE.sub("", next((r["issuer"] for r in group if r["issuer"]), "") or "") or None,
                subject=next((r["subject"] for r in group if r["subject"]), None),
                citation_count=n,
                citing_documents=docs,
                citations=tuple(places),
                also=tuple(ids[1:]),
            )
        )
    return cards


def _citing_documents(conn: sqlite3.Connection, ids: list[int]) -> int:
    """How many documents cite any of the rows `ids` (one document written several ways)."""
    return conn.execute(
        f"select count(distinct document_id) from citations where cited_document_id in ({', '.join(map(str, ids))})"
    ).fetchone()[0]


def _newest(citing: dict[int, list[Citing]], ids: list[int]) -> list[Citing]:
    """The citing places of the rows `ids`, newest first, at most MAX_CITATIONS."""
    return sorted(
        (c for i in ids for c in citing.get(i, ())),
        key=lambda c: (c.document_date or "", c.document_id),
        reverse=True,
    )[:MAX_CITATIONS]


def _citing(conn: sqlite3.Connection, ids: list[int], counts: dict[int, tuple[int, int]]) -> dict[int, list[Citing]]:
    """The places citing each of these cited documents, at most MAX_CITATIONS each, the newest documents first."""
    light = {i for i in ids if counts.get(i, (0, 0))[0] <= HEAVY}
    out: dict[int, list[Citing]] = {}
    if light:
        _read_citing(conn, f"c.cited_document_id in ({', '.join(str(int(i)) for i in sorted(light))})", {}, out)
    for cited in (i for i in ids if i not in light):
        newest = [r[0] for r in conn.execute(_NEWEST_CITING_SQL, {"cited": cited, "limit": MAX_CITATIONS})]
        where = f"c.cited_document_id = {int(cited)} and c.document_id in (select value from json_each(:documents))"
        _read_citing(conn, where, {"documents": json.dumps(newest)}, out)
    return out


def _read_citing(conn: sqlite3.Connection, where: str, params: dict, out: dict[int, list[Citing]]) -> None:
    for r in conn.execute(_CITING_SQL.format(where=where), {**params, "limit": MAX_CITATIONS}):
        out.setdefault(r[0], []).append(
            Citing(
                citation_id=r[1],
                document_id=r[2],
                document_title=r[3],
                document_symbol=r[4],
                document_date=r[5],
                paragraph_id=r[6],
                seq=r[7],
                paragraph=r[8],
                start=r[9],
                end=r[10],
                written=r[11],
            )
        )


def _own_fits(row: sqlite3.Row, q: SymbolQuery) -> bool:
    found = _find_symbol(row["symbol"] or "")
    if found is None:
        return False
    sym = found[0]
    if not _same_number(sym.number, q) or not _code_fits(sym.code, q):
        return False
    coded = type_of_code(sym.code, sym.text)
    if q.type_typed and q.doc_type and coded and coded.name != q.doc_type:
        return False
    year = sym.year or row["year"] or (int(row["issued_date"][:4]) if row["issued_date"] else None)
    if q.year and year and year != q.year:
        return False
    return not (q.issued_date and row["issued_date"] and row["issued_date"] != q.issued_date)


# ---------------------------------------------------------------- a title

_TITLE_ROWS = 20_000
_BY_NAME_SQL = """
select id, label, doc_type, symbol, symbol_key, number, code, year, issued_date, issuer, subject
from cited_documents where ident >= :low and ident < :high limit :limit
"""
_BY_TYPE_SQL = """
select id, label, doc_type, symbol, symbol_key, number, code, year, issued_date, issuer, subject
from cited_documents where doc_type = :type limit :limit
"""
_YEAR_WORD_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _title_year(row: sqlite3.Row) -> int | None:
    if row["year"]:
        return row["year"]
    found = _YEAR_WORD_RE.search(row["label"] or "")
    return int(found.group(1)) if found else None


def lookup_title(conn: sqlite3.Connection, q: TitleQuery) -> Answer:
    """The cited documents a title names: laws cited by name (their `ident` starts with it) and
    documents of its type whose subject or name starts with it, one card per year."""
    conn.row_factory = sqlite3.Row
    prefix = "name:" + q.key
    rows = {
        r["id"]: r
        for r in conn.execute(_BY_NAME_SQL, {"low": prefix, "high": prefix + "\uffff", "limit": MAX_CANDIDATES})
    }
    if q.doc_type:
        for r in conn.execute(_BY_TYPE_SQL, {"type": q.doc_type, "limit": _TITLE_ROWS}):
            if r["id"] not in rows and any(fold_key(t).startswith(q.key) for t in (r["subject"], r["label"]) if t):
                rows[r["id"]] = r
                if len(rows) >= MAX_CANDIDATES:
                    break
    if not rows:
        return Answer(query=q, matches=(), documents=())
    ids = ", ".join(str(int(i)) for i in rows)
    counts = {r[0]: (r[1], r[2]) for r in conn.execute(_COUNTS_SQL.format(ids=ids))}
    by_year: dict[tuple, list[sqlite3.Row]] = {}
    for r in rows.values():
        by_year.setdefault((r["doc_type"], _title_year(r)), []).append(r)
    citing = _citing(conn, list(rows), counts)
    cards = []
    for (_, year), group in by_year.items():
        group.sort(key=lambda r: (not r["symbol"], -counts.get(r["id"], (0, 0))[0], r["id"]))
        head = group[0]
        group_ids = [r["id"] for r in group]
        docs = _citing_documents(conn, group_ids)
        places = _newest(citing, group_ids)
        exact = 2 if any(fold_key(r["subject"] or r["label"]) == q.key for r in group) else 1
        cards.append(
            Match(
                id=head["id"],
                label=head["label"],
                doc_type=head["doc_type"],
                symbol=head["symbol"],
                issued_date=next((r["issued_date"] for r in group if r["issued_date"]), None),
                year=year,
                issuer=next((r["issuer"] for r in group if r["issuer"]), None),
                subject=next((r["subject"] for r in group if r["subject"]), None),
                citation_count=sum(counts.get(i, (0, 0))[0] for i in group_ids),
                citing_documents=docs,
                citations=tuple(places),
                also=tuple(group_ids[1:]),
                exact=exact,
            )
        )
    if q.year and any(m.year == q.year for m in cards):  # the year written: another year's is another document
        cards = [m for m in cards if m.year in (q.year, None)]
    cards.sort(key=lambda m: (-m.exact, m.year != q.year, m.year is None, -m.citation_count, m.id))
    return Answer(query=q, matches=tuple(cards), documents=())


# ---------------------------------------------------------------- the list form

LIST_COLUMNS = (
    "query",
    "status",
    "cited_document_id",
    "label",
    "doc_type",
    "symbol",
    "issued_date",
    "issuer",
    "subject",
    "citations",
    "citing_documents",
    "stored_document_id",
)


def list_rows(conn: sqlite3.Connection, queries: list[str]) -> list[dict]:
    """One row per answer of each query (a query answered by several documents gives several rows)."""
    out = []
    for line in queries:
        try:
            answer = lookup(conn, parse_query(line), with_citations=False)
        except BadQuery as exc:
            title = title_in(line, typed=True)  # "Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003"
            if title is None:
                out.append({**dict.fromkeys(LIST_COLUMNS), "query": line, "status": f"invalid: {exc}"})
                continue
            answer = lookup_title(conn, title)
        own = answer.documents[0].id if answer.documents else None
        if not answer.matches:
            status = "stored only" if own else "not found"
            out.append({**dict.fromkeys(LIST_COLUMNS), "query": line, "status": status, "stored_document_id": own})
        for m in answer.matches:
            out.append(
                {
                    "query": line,
                    "status": "ambiguous" if answer.ambiguous else "found",
                    "cited_document_id": m.id,
                    "label": m.label,
                    "doc_type": m.doc_type,
                    "symbol": m.symbol,
                    "issued_date": m.issued_date,
                    "issuer": m.issuer,
                    "subject": m.subject,
                    "citations": m.citation_count,
                    "citing_documents": m.citing_documents,
                    "stored_document_id": own,
                }
            )
    return out
