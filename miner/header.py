"""The document's own identity: kind, số/ký hiệu, date, issuer, signer, title, year, province.

Headers come flattened ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line) or one
column after the other; the body's name may span lines ("ỦY BAN NHÂN DÂN / TỈNH BẮC NINH") and
name a parent above the issuer ("UBND TỈNH BÌNH THUẬN / SỞ NỘI VỤ"). When documents are attached
to each other, the first header and the first signature block win.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .document import Document, Paragraph
from .legal_refs import doc_types, issuer_of_code, type_named, type_of_code
from .locations import find_provinces, province_of
from .normalize import ascii_lower_count, fold, fold_key, modern_tones
from .organizations import canonical_org
from .patterns import (
    DATE_RE,
    PARTIAL_DATE_RE,
    SYMBOL_RE,
    date_of,
    document_words,
    folded_alternatives,
    latin_lookalikes,
    listed_words,
    symbol_of,
)
from .persons import LOWER, UPPER, is_place_name, surnames
from .record import Header
from .segment import is_heading


def _phrase_pattern(name: str) -> str:
    """A list of phrases written with spaces and dashes ("Độc lập - Tự do - Hạnh phúc"), folded, as a regex
    alternation that allows any spacing between the words and any dash."""
    phrases = sorted({fold(w) for w in document_words(name)}, key=lambda w: (-len(w), w))
    return "|".join(
        r"\s*[-–—]\s*".join(r"\s*".join(map(re.escape, part.split())) for part in re.split(r"\s*-\s*", p))
        for p in phrases
    )


# The national motto and the Party's ("ĐẢNG CỘNG SẢN VIỆT NAM" heads the right column of Party documents).
_MOTTO_RE = re.compile(_phrase_pattern("motto"))
_RULE_RE = re.compile(r"^[\s\-–—_=*.|#]*$")  # (and what a Markdown converter leaves of an empty cell: "|", "#")
# The motto's words, for a motto broken over lines ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM").
_MOTTO_WORDS = tuple(f" {' '.join(re.findall(r'[a-z]+', fold(m)))} " for m in document_words("motto"))
# The motto's words as written, in lower case (both tone placements): the first word of a piece of it.
_MOTTO_FIRST_WORDS = frozenset(
    w
    for m in document_words("motto")
    for w in re.findall(r"\w+", f"{m.lower()} {modern_tones(m.lower())} {m.lower().replace('hòa', 'hoà')}")
)
_SO_RE = re.compile(r"(?:^|\s)so\s*:\s*|^so\s+(?=\d)")
_PLACE_DATE_RE = re.compile(r"(?:^|\s)(?P<place>[a-z][a-z .]{1,40}?)\s*,\s*ngay\b")
_VV_RE = re.compile(r"^\s*v/v\b")
_DRAFT_RE = re.compile(r"^\s*\(?\s*du thao\s*\)?\s*$")
# Minutes give their date in the opening line: "Vào hồi 13h30 ngày 01 tháng 07 năm 2024", "Hôm nay, ngày ...".
_MEETING_DATE_RE = re.compile(rf"^\s*(?:{folded_alternatives('meeting_opening')})\b")
# The body text starts: no header line comes after these.
_BODY_START_RE = re.compile(rf"^\s*(?:(?:{folded_alternatives('body_start')})(?!\w)|ngay\s+\d|dieu\s+1\b|i\.\s)")
# Words that start a body's name in a header line ("BỘ TÀI CHÍNH", "CỤC THUẾ", "KHOA ...").
_BODY_HEAD_RE = re.compile(rf"^(?:{folded_alternatives('body_head')})(?!\w)")
# The same words with their marks, for a line written with marks: "BẢN QUY ĐỊNH" is no "Ban".
_BODY_HEADS_WRITTEN = frozenset(modern_tones(w.lower()) for w in document_words("body_head"))


def _starts_with_body(text: str, folded: str) -> bool:
    """Whether a line starts with a body's head word ("SỞ TƯ PHÁP", "UBND TỈNH ..."), with its marks when
    the line has marks (a scan or a legacy text without them is matched folded)."""
    m = _BODY_HEAD_RE.match(folded)
    if not m:
        return False
    head = text[: m.end()]
    return head.isascii() or modern_tones(head.lower()) in _BODY_HEADS_WRITTEN


# Units named after their parent ("VĂN PHÒNG" of "BỘ TƯ PHÁP", "KHOA ..." of "TRƯỜNG ...").
_UNIT_RE = re.compile(rf"^(?:{folded_alternatives('unit')})(?!\w)")
_NATIONAL_DEPT_RE = re.compile(rf"^(?:{folded_alternatives('national_department')})(?!\w)")
_NATIONAL_RE = re.compile(rf"^(?:{folded_alternatives('national_body')}|ban .*trung uong)(?!\w)")
_NATIONAL_NAMES = frozenset(fold(w) for w in document_words("national_body"))
_LOCAL_PARENT_RE = re.compile(rf"^(?:{folded_alternatives('local_council')})(?!\w)")

# Signature blocks: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "THƯ KÝ | CHỦ TRÌ".
_SIGN_ROLE_RE = re.compile(
    rf"^(?:{folded_alternatives('signing_mark')})|^(?:pho\s+)?(?:{folded_alternatives('signing_role')})(?!\w)"
)
_SIGN_SKIP_RE = re.compile(
    rf"^\s*(?:\(.*\)|(?:{folded_alternatives('recipients')}).*|[-+•]\s.*|luu\s*:.*|\|.*|\d+\s*\.?\s*)$"
)
# Titles and ranks written before a signer's name: "TS. Đinh Tuấn Long", "Đại tá Nguyễn Văn A".
_HONORIFIC_RE = re.compile(
    r"(?:^|\s)(?:"
    + "|".join(
        re.escape(w).replace(r"\.", r"\.\s*") for w in sorted(document_words("honorific"), key=len, reverse=True)
    )
    + r")\s*"
)
_PAREN_RE = re.compile(r"\([^)]*\)")
# Words that start no person's name (with their marks: "Đặng", "Hồ", "Tống" are surnames).
_NOT_NAME_FIRST = frozenset(document_words("not_name_start"))

_NUMBERING = r"[ivx]+\.\s|\d+\.\s|[a-z]\)\s"
_TITLE_STOP_RE = re.compile(rf"^\s*(?:(?:{folded_alternatives('title_stop')})(?!\w)|{_NUMBERING})")
_BODY_ONLY_RE = re.compile(rf"^\s*(?:(?:{folded_alternatives('body_only')})(?!\w)|{_NUMBERING})")
_TITLE_AUTHORITY_RE = re.compile(
    rf"^(?:{folded_alternatives('title_authority')}|(?:{folded_alternatives('authority')})\s|so\s*:)"
)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_TITLE_YEAR_RE = re.compile(
    "".join(rf"(?<!{re.escape(fold(w))} )" for w in document_words("not_year_of"))
    + r"nam\s+(hoc\s+)?((?:19|20)\d{2})(?:\s*-\s*((?:19|20)\d{2}))?"
)
_REPORT_RE = re.compile(rf"^(?:{folded_alternatives('report_start')})|\b(?:{folded_alternatives('report_phrase')})\b")


@dataclass(frozen=True)
class _Lines:
    """What the header block says, found line by line."""

    issuer_lines: tuple[str, ...]
    symbol: str | None
    symbol_code: str | None  # the code even when the number is blank ("Số: /QĐ-UBND")
    issued_date: str | None
    issued_year: int | None
    place: str | None
    kind_at: int | None  # index of the "QUYẾT ĐỊNH" line
    kind_word: str | None
    title_rest: str | None  # a title on the kind line itself ("BÁO CÁO TỔNG KẾT ...")
    of_text: str | None  # "CỦA ..." on the kind line ("QUYẾT ĐỊNH CỦA CHỦ TỊCH UBND TỈNH ...")
    vv_at: int | None
    vv_text: str | None  # the "V/v ..." line
    end: int  # first paragraph after the header block
    texts: tuple[str, ...]  # the header's lines, those a narrow column broke put back together ("" where moved up)


_MARKUP_RE = re.compile(r"\*+|^#+\s*")


def _plain(text: str) -> str:
    """A line without the Markdown a converter left in it ("**BỘ C****ÔNG THƯƠNG**", "# QUYẾT ĐỊNH"),
    for the header's and the signature's lines (the .md reader drops it; this is for text that kept it)."""
    return _MARKUP_RE.sub("", text).strip() if "*" in text or "#" in text else text.strip()


def _without_motto(text: str) -> list[str]:
    """The pieces of a header line (or table row) left when the national motto is taken out."""
    folded = fold(text)
    pieces, last = [], 0
    for m in _MOTTO_RE.finditer(folded):
        pieces.append(text[last : m.start()])
        last = m.end()
    pieces.append(text[last:])
    cells = [c.strip(" -–—|") for p in pieces for c in p.split(" | ")]
    return [c for c in cells if c and not _is_motto_piece(c)]


_SO_ALONE_RE = re.compile(r"^\s*so\s*:\s*$")


def _date_broken(first: str, second: str) -> bool:
    """ "Hà Nội, ngày 21 tháng" / "11 năm 2025": a place-and-date line whose date ends on the next line."""
    return (
        len(second) < 30
        and "ngay" in first  # what _PLACE_DATE_RE needs, tested cheaply first
        and bool(_PLACE_DATE_RE.search(first))
        and not DATE_RE.search(first)
        and not PARTIAL_DATE_RE.search(first)
        and bool(DATE_RE.search(f"{first} {second}"))
    )


_PLACE_START_RE = re.compile(r"[a-z]+(?:\s[a-z]+)?\s*,\s*ngay\b")


def _place_broken(first: str, second: str) -> bool:
    """ "Hà" / "Nội, ngày 25 tháng 11 năm 2025": a place's first word left alone on the line above its date
    line (`second` folded)."""
    return (
        len(first) <= 8
        and " " not in first.strip()
        and first.strip()[:1].isupper()
        and first.strip()[1:].islower()
        and _PLACE_START_RE.match(second) is not None
    )


def _header_texts(texts: list[str]) -> list[str]:
    """The header's lines with what a narrow column broke over two lines put back on the first: the
    motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"; what stands before it stays, what follows it stays
    on the second line), the number ("Số:" / "165/2025/QĐ-UBND"), the date ("Hà Nội, ngày" / "01 tháng 12
    năm 2025") and the kind ("QUYẾT" / "ĐỊNH")."""
    out = [latin_lookalikes(_plain(t)) for t in texts]  # "Số: 12/TT-BTС" (a Cyrillic С) is "12/TT-BTC"
    folded = [fold(t) if len(t) <= 120 else "" for t in out]
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if len(a) > 120 or len(b) > 120:
            continue
        fa, fb = folded[i], folded[i + 1]
        if (
            (_SO_ALONE_RE.match(fa) and SYMBOL_RE.match(b.strip()))
            or _date_broken(fa, fb)
            or _place_broken(a, fb)
            # (the two lines a type's name, the cheap test first: "QUYẾT" / "ĐỊNH")
            or (type_named(f"{fa} {fb}") and not type_named(fa) and is_heading(a) and is_heading(b))
        ):
            out[i], out[i + 1] = f"{a} {b}", ""
            continue
        if not _has_motto_mark(a) or _MOTTO_RE.search(fa) or _MOTTO_RE.search(fb):
            continue  # the first line of a broken motto holds "ộ": "CỘNG HÒA XÃ HỘI ...", "ĐỘC LẬP - TỰ DO -"
        m = _MOTTO_RE.search(f"{fa} {fb}")
        if m and m.start() < len(a) < m.end():
            cut = m.end() - len(a) - 1
            out[i], out[i + 1] = f"{a} {b[:cut]}", b[cut:]
    return out


def _is_motto_piece(cell: str) -> bool:
    """Three words or more of the motto, the rest on another line: "CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"."""
    first = cell.split(None, 1)
    if len(cell) > 40 or not first or first[0].lower() not in _MOTTO_FIRST_WORDS:
        return False
    words = re.findall(r"[a-z]+", fold(cell))
    return len(words) >= 3 and any(f" {' '.join(words)} " in m for m in _MOTTO_WORDS)


# A kind line a converter glued to the title below it: "NGHỊ QUYẾTVề việc sắp xếp ...", "LUẬTCÁN BỘ, CÔNG
# CHỨC" (no Vietnamese syllable goes on after a type's last one).
_GLUED_KIND_RE = re.compile(
    "(?P<type>" + "|".join(sorted({re.escape(fold(t.name)) for t in doc_types()}, key=len, reverse=True)) + ")(?=[a-z])"
)


# A title line that ends with a type ("... triển khai Nghị định", "... Quyết định số"), its number below.
_TYPE_AT_END_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted({re.escape(fold(t.name)) for t in doc_types()}, key=len, reverse=True))
    + r")(?:\s+so)?\s*:?$"
)


def _glued_kind(piece: str) -> tuple[str | None, str]:
    m = _GLUED_KIND_RE.match(fold(piece))
    rest = piece[m.end() :].strip() if m else ""
    if not m or not piece[: m.end()].isupper() or len(_LETTER_RE.findall(rest)) < 3:
        return None, ""
    word = type_named(m.group("type"))
    return (word.name, rest) if word else (None, "")


def _kind_line(piece: str) -> tuple[str | None, str]:
    """The type a kind line names ("QUYẾT ĐỊNH", "BÁO CÁO TỔNG KẾT ...") and what follows it on the line."""
    glued, rest = _glued_kind(piece)
    if glued:
        return glued, rest
    if not _mostly_upper(piece):
        return None, ""
    pf = fold(piece).strip(" :")
    word = type_named(pf)
    if word and len(pf) < 40:
        return word.name, ""
    words = pf.split()
    for n in (3, 2):
        word = type_named(" ".join(words[:n])) if len(words) > n else None
        if word and word.kind != "other" and words[n] != "va":
            return word.name, " ".join(piece.split()[n:]).strip(" :")
    return None, ""


def _read_lines(paragraphs: tuple[Paragraph, ...]) -> _Lines:
    """Walk the header block (until the body starts) and note what each line or cell is."""
    issuer_lines: list[str] = []
    symbol = code = issued = place = kind_word = vv_text = title_rest = of_text = None
    year = kind_at = vv_at = None
    issuer_done = False
    end = 0
    texts = _header_texts([p.text for p in paragraphs[:25]])
    for i, text in enumerate(texts):
        folded = fold(text)
        if _BODY_START_RE.match(folded) or (i > 2 and len(text) > 400):
            break
        if _MOTTO_RE.search(folded) or _RULE_RE.match(text):
            end = i + 1
        for piece in _without_motto(text):
            pf = fold(piece)
            so = _SO_RE.search(pf)
            if so and _runs_on(piece, so.end()):
                so = None  # "Giấy phép | Số 349/GP-BTTTT do Bộ ... cấp": a number in running text, not the header's
            if so and symbol is None and code is None:
                issuer_done = True
                before = piece[: so.start()].strip()
                if before and not issuer_lines and _starts_with_body(before, fold(before)):
                    issuer_lines.append(before)
                m = SYMBOL_RE.match(piece, so.end())
                if m:
                    sym = symbol_of(m)
                    symbol, code = sym.text, sym.code
                else:
                    blank = re.match(r"\s*/\s*([^\s,]+(?:\s*[-–]\s*[^\s,]+)*)", piece[so.end() :])
                    code = re.sub(r"\s+", "", blank.group(1)) if blank else None
                end = i + 1
                vv = re.search(r"(?<!\w)v/v\b", pf[so.end() :])
                if vv and vv_at is None:  # "Số: 123/UBND-VX V/v ..." on one line
                    vv_at, vv_text = i, piece[so.end() + vv.start() :]
            pd = _PLACE_DATE_RE.search(pf)
            if pd and issued is None and year is None and _dated_right_after(pf, pd):
                issuer_done = True
                rest = pf[pd.start("place") :]
                dm = DATE_RE.search(rest)
                issued = date_of(dm) if dm else None
                pm = PARTIAL_DATE_RE.search(rest)
                year = int(issued[:4]) if issued else (int(pm.group("y")) if pm else None)
                place = piece[pd.start("place") : pd.end("place")].strip()
                end = i + 1
                continue
            if so or _DRAFT_RE.match(pf) or _RULE_RE.match(piece):
                continue
            if _VV_RE.match(pf) and vv_at is None:
                vv_at, vv_text, issuer_done, end = i, piece, True, i + 1
                continue
            word, rest = _kind_line(piece) if kind_at is None else (None, "")
            if word:
                kind_at, kind_word, issuer_done, end = i, word, True, i + 1
                if _OF_BODY_RE.match(fold(rest)):
                    of_text = rest
                else:
                    title_rest = rest or None
                continue
            if not issuer_done and is_heading(piece) and (issuer_lines or _starts_with_body(piece, pf)):
                issuer_lines.append(piece)
                end = i + 1
        if kind_at is not None and i > kind_at:
            break
    return _Lines(
        tuple(issuer_lines),
        symbol,
        code,
        issued,
        year,
        place,
        kind_at,
        kind_word,
        title_rest,
        of_text,
        vv_at,
        vv_text,
        end,
        tuple(texts),
    )


def _dated_right_after(folded: str, pd: re.Match[str]) -> bool:
    """Whether a place-and-date match is a header's date line: near the start of its line or cell, its
    date (or a blank one, "ngày ... tháng ... năm 2025") following "ngày" at once, or no date at all; a
    sentence that reads alike ("Theo đó, Ngày hội đại đoàn kết ... diễn ra từ ngày 01/11/2025") is none."""
    if len(folded) > 160 and pd.start("place") > 40:
        return False  # deep in a paragraph of running text: "... đột ngột lúc 15 giờ, ngày 1 tháng 5 năm 2010 tại ..."
    rest = folded[pd.end() - 4 :]  # from "ngay"
    dm = DATE_RE.search(rest) or PARTIAL_DATE_RE.search(rest)
    return dm is None or dm.start() <= 8


_NO_LINES = _Lines((), None, None, None, None, None, None, None, None, None, None, None, 0, ())


def _runs_on(piece: str, start: int) -> bool:
    """Whether running text in lower case follows the number written from `start`: the document's own
    number stands alone on its line or before "V/v ..." or the place and date."""
    m = SYMBOL_RE.match(piece, start)
    rest = piece[m.end() :].split(None, 1) if m else []
    return bool(rest) and rest[0][:1].islower() and not rest[0].lower().startswith("v/v")


def _bodies(lines: tuple[str, ...]) -> list[str]:
    """Header lines grouped into bodies: a line that starts with a body's head word starts a new one,
    unless it ends the name of a national body begun above ("ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI"); a school
    written after its parent on one line is a body of its own ("BỘ GIÁO DỤC VÀ ĐÀO TẠO TRƯỜNG ĐẠI HỌC ...")."""
    bodies: list[str] = []
    for line in (re.sub(r"\s*:\s*", " ", ln) for ln in lines):  # "TỈNH QUẢNG: BÌNH" (a scan's stray mark)
        if bodies and (not _BODY_HEAD_RE.match(fold(line)) or _continues_national(bodies[-1], line)):
            bodies[-1] += " " + line
        else:
            bodies.extend(_school_apart(line))
    return bodies


def _continues_national(above: str, line: str) -> bool:
    """ "ỦY BAN THƯỜNG VỤ" + "QUỐC HỘI": together the name of a national body longer than the line above."""
    m = _NATIONAL_RE.match(fold(f"{above} {line}"))
    return m is not None and m.end() > len(above) + 1


# A school's name after its parent's on one header line: "TRƯỜNG ĐẠI HỌC", "TRƯỜNG THPT".
_SCHOOL_RE = re.compile(rf"\s(?=truong\s+(?:{folded_alternatives('school_level')})(?!\w))")


def _school_apart(line: str) -> list[str]:
    m = _SCHOOL_RE.search(fold(line))
    if m and m.start() > 0 and _BODY_HEAD_RE.match(fold(line)):
        return [line[: m.start()].strip(), line[m.end() :].strip()]
    return [line]


def _names_its_place(name: str) -> bool:
    """ "BAN THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG", "CỤC THUẾ TỈNH X": the name needs no parent."""
    folded = fold(name)
    return bool(province_of(canonical_org(name))) or any(fold(w) in folded for w in document_words("nationwide"))


def _issuer(lines: tuple[str, ...]) -> str | None:
    """The lowest body of the header with what it needs of its parent ("Sở Nội vụ tỉnh Bình Thuận")."""
    bodies = _bodies(lines)
    if not bodies:
        return None
    child = bodies[-1]
    if len(bodies) == 1:
        return canonical_org(child)
    parent = canonical_org(bodies[-2])
    child_f, parent_f = fold(child), fold(parent)
    if _LOCAL_PARENT_RE.match(parent_f) and not _UNIT_RE.match(child_f):
        return canonical_org(child, province_of(parent))
    if _NATIONAL_DEPT_RE.match(child_f) and parent_f.startswith("bo "):
        return canonical_org(child)
    if _UNIT_RE.match(child_f) and not _names_its_place(child):
        place = _LOCAL_PARENT_RE.match(parent_f)
        if place and not child_f.startswith("van phong"):
            # "PHÒNG NỘI VỤ" of "UBND HUYỆN CƯ JÚT": "Phòng Nội vụ huyện Cư Jút"
            return canonical_org(f"{canonical_org(child)} {parent[place.end() :].strip()}")
        return canonical_org(f"{canonical_org(child)} {parent}")
    return canonical_org(child, province_of(parent))


_OF_BODY_RE = re.compile(rf"^cua\s+(?:(?:{folded_alternatives('authority')})\s+)?(?=\S)")


def _of_body(paragraphs: tuple[Paragraph, ...], lines: _Lines) -> str | None:
    """The body a kind line says issues the document: "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ", "QUYẾT ĐỊNH CỦA UBND ..."."""
    if lines.kind_at is None:
        return None
    candidates = [lines.of_text] if lines.of_text else []
    candidates += [p.text for p in paragraphs[lines.kind_at + 1 : lines.kind_at + 2]]
    for text in candidates:
        m = _OF_BODY_RE.match(fold(text))
        if m and _mostly_upper(text) and len(text) < 120:
            return canonical_org(text[m.end() :].strip())
    return None


_AUTHORITY_RE = re.compile(rf"^(?:{folded_alternatives('authority')})\s+(?=\S)")


def _authority_body(paragraphs: tuple[Paragraph, ...], lines: _Lines) -> str | None:
    """The body named on a decision's authority line ("HIỆU TRƯỞNG TRƯỜNG CAO ĐẲNG SƯ PHẠM LẠNG SƠN")."""
    if lines.kind_at is None:
        return None
    for par in paragraphs[lines.kind_at + 1 : lines.kind_at + 8]:
        folded = fold(par.text)
        m = _AUTHORITY_RE.match(folded)
        if m and _mostly_upper(par.text) and len(par.text) < 120:
            return par.text[m.end() :].strip()
        if _TITLE_STOP_RE.match(folded):
            break
    return None


_CAN_CU_RE = re.compile(r"^\s*can cu\b")


def _enacting_body(paragraphs: tuple[Paragraph, ...], lines: _Lines) -> str | None:
    """The body a resolution printed without its number line names above its grounds: "NGHỊ QUYẾT / Về ...
    / QUỐC HỘI / Căn cứ Hiến pháp ..." ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHÍNH PHỦ")."""
    if lines.kind_at is None or lines.symbol_code or "lien tich" in fold(paragraphs[lines.kind_at].text):
        return None  # (a joint resolution's bodies are several)
    texts = [_plain(p.text) for p in paragraphs[lines.kind_at + 1 : lines.kind_at + 8]]
    texts = [t for t in texts if t and not _RULE_RE.match(t)]
    for line, below in zip(texts, texts[1:]):
        folded = fold(line)
        if _CAN_CU_RE.match(folded):
            break
        if len(line) < 80 and line.isupper() and folded in _NATIONAL_NAMES and _CAN_CU_RE.match(fold(below)):
            return canonical_org(line)
    return None


_ANNEX_OF_RE = re.compile(r"^\(\s*(?:ban hanh\s+)?kem theo\s+(?P<type>[a-z ]+?)\s+so\s*:?\s*(?=\d)")


@dataclass(frozen=True)
class _AnnexOf:
    """What an annex's heading says of the document it is attached to: "(Kèm theo Nghị định số
    305/2025/NĐ-CP ngày 25 tháng 11 năm 2025 của Chính phủ)"."""

    symbol: str
    issued_date: str | None
    issuer: str | None


def _annex_of(paragraphs: tuple[Paragraph, ...], lines: _Lines) -> _AnnexOf | None:
    """For a document printed without its number line (a page that lost the header's table), its number,
    date and issuer from the heading of an annex attached to it, naming its own type."""
    if lines.kind_word is None or lines.symbol_code is not None:
        return None
    for par in paragraphs[lines.end :]:
        text = par.text
        if not text.startswith("(") or len(text) > 200:
            continue
        folded = fold(text)
        m = _ANNEX_OF_RE.match(folded)
        t = type_named(m.group("type")) if m else None
        sm = SYMBOL_RE.match(text, m.end()) if m and t and t.name == lines.kind_word else None
        if m is None or sm is None:
            continue
        rest = folded[sm.end() :]
        dm = DATE_RE.match(rest.strip())
        of = re.search(r"\bcua\s+(.+?)\s*\)?\s*$", rest)
        issuer = canonical_org(text[sm.end() + of.start(1) : sm.end() + of.end(1)]) if of else None
        if issuer and not (fold(issuer) in _NATIONAL_NAMES or province_of(issuer)):
            issuer = None  # "của UBND Thành phố": which city, the line does not say
        return _AnnexOf(symbol_of(sm).text, date_of(dm) if dm else None, issuer)
    return None


def _lead_symbol(paragraphs: tuple[Paragraph, ...], lines: _Lines, title: str | None) -> str | None:
    """The number of a document a page quotes whole, from the page's lead above its kind line when that
    names the same type and title: "Chủ tịch Quốc hội ... vừa ký ban hành Nghị quyết số 196/2025/QH15 của
    Quốc hội về điều chỉnh, bổ sung dự toán ..." above "NGHỊ QUYẾT" / "Về điều chỉnh, bổ sung dự toán ...")."""
    if not lines.kind_at or lines.kind_word is None or lines.symbol_code is not None or not title:
        return None
    kind_word, wanted = fold(lines.kind_word), fold(title)
    for par in paragraphs[: lines.kind_at]:
        folded = fold(par.text)
        for m in re.finditer(rf"\b{re.escape(kind_word)}\s+so\s+(?=\d)", folded):
            sm = SYMBOL_RE.match(par.text, m.end())
            if sm and wanted in folded[sm.end() : sm.end() + len(wanted) + 60]:
                return symbol_of(sm).text
    return None


_MINISTER_RE = re.compile(r"^bo truong\s+(?=bo\s)")


def _minister_body(paragraphs: tuple[Paragraph, ...], lines: _Lines) -> str | None:
    """The ministry of a circular or decision whose header lost its body's name, from its authority line
    ("THÔNG TƯ" / "QUY ĐỊNH ..." / "BỘ TRƯỞNG BỘ CÔNG THƯƠNG")."""
    if lines.kind_at is None or lines.issuer_lines:
        return None
    for par in paragraphs[lines.kind_at + 1 : lines.kind_at + 8]:
        folded = fold(par.text)
        m = _MINISTER_RE.match(folded)
        if m and _mostly_upper(par.text) and len(par.text) < 80:
            return canonical_org(par.text[m.end() :].strip())
        if _TITLE_STOP_RE.match(folded):
            break
    return None


def _completed(issuer: str | None, authority: str | None) -> str | None:
    """The header's issuer completed by the authority line when that names it in full
    ("Trường Cao đẳng Sư phạm" -> "Trường Cao đẳng Sư phạm Lạng Sơn")."""
    if not issuer or not authority:
        return issuer
    full = canonical_org(authority)
    if fold_key(full).startswith(fold_key(issuer) + " ") and province_of(full) and not province_of(issuer):
        return full
    return issuer


def _most_named_province(doc: Document, clearly: bool = False) -> str | None:
    """The province named most often; `clearly`: at least three times and twice as often as any other."""
    counts = Counter(p.name for par in doc.paragraphs for _, _, p in find_provinces(par.text)).most_common(2)
    if not counts:
        return None
    name, n = counts[0]
    second = counts[1][1] if len(counts) > 1 else 0
    return name if not clearly or (n >= 3 and n >= 2 * second) else None


def _province(doc: Document, issuer: str | None, place: str | None) -> str | None:
    """The province the document is about: its issuer's, else its place line's, else the most named."""
    if issuer:
        named = province_of(issuer)
        if named:
            return named
        if _NATIONAL_RE.match(fold(issuer)):
            # A ministry writes from Hà Nội about somewhere else: only a province the text keeps naming.
            return _most_named_province(doc, clearly=True)
    if place:
        named = province_of(place.title() if place.islower() else place)
        if named:
            return named
    return _most_named_province(doc)


_LAW_CODE_RE = re.compile(r"^qh\d*$")
_LETTER_RE = re.compile(r"[^\W\d_]")


# (a headline writes the number right after the type, "Nghị quyết 68"; a document's own words, "Quyết định số ...")
_NUMBER_AFTER_TYPE_RE = re.compile(r"\d")


def _kind(lines: _Lines, title: str | None) -> str:
    if lines.kind_word:
        t = type_named(lines.kind_word)
        if t:
            return t.kind
    if lines.vv_at is not None:
        return "cong_van"
    if lines.symbol_code:
        t = type_of_code(lines.symbol_code, lines.symbol)
        if t is None and _LAW_CODE_RE.match(fold(lines.symbol_code)):
            return "other"  # "80/2025/QH15": a law's number names no type, a công văn's names its issuer
        return t.kind if t else "cong_van"
    if title and not _asks(title):
        # (a heading that asks, "Hướng dẫn tổ chức bầu cử ... ra sao?", heads a web page's answer: kind other)
        folded = fold(title)
        for t in _kind_words():
            if folded.startswith(fold(t.name) + " "):
                # "Nghị quyết 68 nêu rõ ...", "Công văn 6620/UBND-VX nghỉ tết ...": a page about the document
                # its number names (a document's own number stands on its "Số:" line, not in its title).
                return "other" if _NUMBER_AFTER_TYPE_RE.match(folded, len(t.name) + 1) else t.kind
        if _REPORT_RE.search(folded):
            return "bao_cao"
    return "other"


def _kind_words():
    return [t for t in doc_types() if t.kind != "other"]


_SELF_CLAUSE_RE = re.compile(
    rf"\b(?:{folded_alternatives('self_clause')})\s+(?P<type>{'|'.join(sorted({re.escape(fold(t.name)) for t in _kind_words()}, key=len, reverse=True))})\s+nay\b"
)


def _kind_named_within(paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The kind a document's closing clause gives itself ("... chịu trách nhiệm thi hành Quyết định này"),
    for a document printed without its header and kind line but its title in capitals."""
    for par in paragraphs:
        if "này" not in par.text:
            continue
        m = _SELF_CLAUSE_RE.search(fold(par.text))
        if m:
            t = type_named(m.group("type"))
            return t.kind if t else None
    return None


# An underline rule under a header line or a title ("_____________", "-------"): never part of it.
_RULE_RUN_RE = re.compile(r"[_=]{3,}|(?<!\w)[-–—]{3,}")


def _joined(parts: list[str]) -> str | None:
    text = " ".join(p.strip() for p in parts if p.strip())
    return re.sub(r"\s+", " ", _RULE_RUN_RE.sub(" ", text)).strip() or None


def _mostly_upper(text: str) -> bool:
    """Written in capitals, whatever its length (a title line may be long: "THỰC HIỆN CHƯƠNG TRÌNH ...")."""
    if 5 * ascii_lower_count(text) > len(text):
        return False  # more than a fifth of the letters are a-z: counted at C speed, for running text
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


# The number line: "Số: 12/QĐ-UBND", "Luật số: 80/2025/QH15", "Nghị quyết số: 1663/NQ-UBTVQH15".
_NUMBER_LINE_RE = re.compile(r"^\s*(?:\w+\s+){0,2}so\s*:|^so\s+(?=\d)")
_FORM_LABEL_RE = re.compile(rf"(?:^|\s)(?:{_phrase_pattern('form_label')})(?:\s+so)?\s*:?\s*[\w.]*\d")


def _motto_in_prose(text: str) -> bool:
    """Whether the motto's words stand in a sentence ("80 năm nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
    written as running text, not as a header's motto (in capitals, or "Độc lập - Tự do - Hạnh phúc")."""
    if not _has_motto_mark(text):
        return False
    folded = fold(text)
    found = list(_MOTTO_RE.finditer(folded))
    return (
        bool(found)
        and not any(is_heading(text[m.start() : m.end()]) or folded.startswith("doc lap", m.start()) for m in found)
        and (
            len(text) - (found[0].end() - found[0].start()) >= 20
            # "Đại hội Đảng Cộng sản Việt Nam lần thứ IV", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam":
            # a heading's words before it, not a header's body in capitals
            or _heading_words(text[: found[0].start()])
        )
    )


def _heading_words(before: str) -> bool:
    before = before.strip()
    return bool(before) and "|" not in before and not is_heading(before) and before[:1].isupper()


def _named_heading(paragraphs: tuple[Paragraph, ...]) -> bool:
    """A page headed by the motto's words as a name, not in capitals ("Đảng Cộng sản Việt Nam", an
    encyclopedia page), with no motto line below it: a header writes its motto in capitals."""
    first = paragraphs[0].text.strip()
    m = _MOTTO_RE.fullmatch(fold(first)) if _has_motto_mark(first) and len(first) < 60 else None
    return (
        m is not None
        and not is_heading(first)
        and not fold(first).startswith("doc lap")
        and not any(_is_motto_line(p.text, fold(p.text)) for p in paragraphs[1:3] if _has_motto_mark(p.text))
    )


# A news site's banner over its page ("Chính Phủ nước Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam chinhphu.vn"): it
# ends with the site's domain; the page's heading stands above the lead, which names its source first
# ("Infographics: Các hành vi bị nghiêm cấm ... (Chinhphu.vn) - Chính phủ vừa ban hành ...").
_SITE_BANNER_RE = re.compile(r"\s[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)\s*$")
_NEWS_SOURCE_RE = re.compile(r"\s\([A-Z][\w.]*\)\s*[-–—]\s")


def _news_heading(paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The heading a news page's lead was glued to, else None (a banner is no title)."""
    for par in paragraphs:
        m = _NEWS_SOURCE_RE.search(par.text)
        if m and 10 <= m.start() <= 200:
            return par.text[: m.start()].strip()
    return None


def _first_line(paragraphs: tuple[Paragraph, ...], lines: _Lines) -> str | None:
    """A document without a kind line is titled by its first line that is not header furniture
    (the issuer, the motto, "Số:", the date, a form label such as "Biểu mẫu số 01")."""
    if paragraphs and _named_heading(paragraphs):
        return paragraphs[0].text.strip()
    if paragraphs and _SITE_BANNER_RE.search(paragraphs[0].text):
        return _news_heading(paragraphs[1:20])
    for i, par in enumerate(paragraphs[:8]):
        if _motto_in_prose(par.text):
            pieces = [par.text]  # "... Tìm hiểu 80 năm nước Cộng hòa xã hội chủ nghĩa Việt Nam 2025 ra sao?"
        else:
            pieces = [p for p in _without_motto(par.text) if p not in lines.issuer_lines]
        text = " ".join(pieces).strip()
        folded = fold(text)
        if (
            not text
            or (_FORM_LABEL_RE.search(folded) and not _asks(text))  # ("Mẫu dấu ... - Mẫu số PC14 ...? Tải về?")
            or _NUMBER_LINE_RE.match(folded)
            or _PLACE_DATE_RE.search(folded)
            or _DRAFT_RE.match(folded)
            or _RULE_RE.match(text)
        ):
            continue
        if _sentence(text) or folded.strip() in _TABLE_HEADINGS or (text.endswith(":") and len(text) < 12):
            return None  # (a table's heading "STT", a label "LTS:")
        return _wrapped_on(text, paragraphs[i + 1 : i + 1 + _TITLE_LINES])
    return paragraphs[0].text.strip() if paragraphs else None


_TABLE_HEADINGS = frozenset(fold(w) for w in document_words("table_heading"))

# A line at least this long that ends without a stop was cut by the page's width, not by its writer.
_WRAPPED_LENGTH = 60


def _wrapped_on(text: str, below: tuple[Paragraph, ...]) -> str:
    """A first line in capitals with the lines its width broke it over put back ("VỀ VIỆC ỦY QUYỀN ... MỘT SỐ
    THỦ TỤC HÀNH" / "CHÍNH TRONG LĨNH VỰC ... ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI"): while the line above is
    long and ends without a stop, the next line in capitals goes on with it."""
    parts = [text]
    for par in below:
        line = par.text.strip()
        if (
            len(parts[-1]) < _WRAPPED_LENGTH
            or parts[-1][-1:] in ".:;!?"
            or not _mostly_upper(line)
            or _without_motto(line) != [line]
            or _TITLE_STOP_RE.match(fold(line))
            or type_named(fold(line).strip(" :"))
        ):
            break
        parts.append(line)
    return " ".join(parts) if _mostly_upper(text) else text


def _sentence(text: str) -> bool:
    """A page's first line that is running text, not a heading: a sentence ended by "." or ":" ("Ngày
    26/02/2025, Bộ trưởng Bộ Tài chính đã ký ban hành ..."), or a paragraph of sentences too long for a
    heading; a heading in capitals stays whatever its length ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH ...")."""
    return (
        text.rstrip()[-1:] in ".:;" or len(text) > 200 and _SENTENCE_END_RE.search(text) is not None
    ) and not _mostly_upper(text)


_SENTENCE_END_RE = re.compile(r"[.!?…][”\"]?\s")


# The last word or two of a title in capitals that a narrow column put alone on a line ("... TRÊN ĐỊA BÀN
# TỈNH NGHỆ" / "AN"): too few letters for _mostly_upper to say.
_TITLE_MOTTOS = frozenset(fold(w) for w in document_words("title_motto"))
_SHORT_UPPER_RE = re.compile(rf"[{UPPER}]{{1,2}}")

# How many lines a title may run over after its kind line (a circular amending two others: ten).
_TITLE_LINES = 10


def _title(paragraphs: tuple[Paragraph, ...], lines: _Lines) -> str | None:
    """The heading line(s) after the kind word, the "V/v" line(s) of a công văn, else the first line."""
    parts: list[str] = []
    shouted = None
    if lines.kind_at is not None:
        start = lines.kind_at + 1
        if lines.title_rest:
            parts, shouted = [lines.title_rest], _mostly_upper(lines.title_rest)
    elif lines.vv_at is not None:
        start = lines.vv_at + 1
        parts, shouted = [lines.vv_text or ""], False
    else:
        return _first_line(paragraphs, lines)
    for i in range(start, min(start + _TITLE_LINES, len(paragraphs))):
        raw = lines.texts[i] if i < len(lines.texts) else paragraphs[i].text
        if not raw and paragraphs[i].text:
            continue  # put back on the line above
        text = [raw.strip()] if _motto_in_prose(raw) else _without_motto(raw)
        if not text and not parts and lines.kind_at is not None and fold(raw).strip() in _TITLE_MOTTOS:
            text = [raw.strip()]  # "ĐIỀU LỆ" / "ĐẢNG CỘNG SẢN VIỆT NAM": the Party's name below the kind line
        if not text:
            break
        piece = text[0]
        folded = fold(piece)
        if not parts and _OF_BODY_RE.match(folded) and _mostly_upper(piece):
            continue  # "CHỈ THỊ / CỦA BỘ CHÍNH TRỊ / về ...": who issues it, then the title
        if not parts:
            shouted = _mostly_upper(piece)
            # "thực hiện Chỉ thị số ..." may be a title; "Thực hiện ..., UBND tỉnh ban hành ...:" is the body.
            body = _TITLE_STOP_RE.match(folded) and (_BODY_ONLY_RE.match(folded) or piece.rstrip()[-1:] in ".;:")
            if _SO_RE.match(folded) or (not shouted and body):
                break
            parts.append(piece)
            if len(_LETTER_RE.findall(piece)) < 3:
                shouted = None  # "VỀ" / "VIỆC KÝ HIỆP ĐỊNH ...": the next line says how the title is written
            continue
        if _TYPE_AT_END_RE.search(fold(parts[-1])) and SYMBOL_RE.fullmatch(piece.strip()):
            parts.append(piece)  # "V/v ... triển khai Nghị định" / "136/2025/NĐ-CP": the number a line break cut off
            continue
        if shouted is None:
            shouted = _mostly_upper(piece)
        # A title in capitals goes on over "VÀO ĐỊA GIỚI ..." (a sentence's opener in running text) and after
        # a comma over "UBND CẤP XÃ ..." (an authority line's words in the middle of the title).
        in_capitals = bool(shouted) and _mostly_upper(piece)
        if (
            (_BODY_ONLY_RE if in_capitals else _TITLE_STOP_RE).match(folded)
            or (_TITLE_AUTHORITY_RE.match(folded) and not (in_capitals and parts[-1].rstrip().endswith(",")))
            or (_mostly_upper(piece) or _SHORT_UPPER_RE.fullmatch(piece.strip()) is not None) != shouted
            or folded.strip() in _NATIONAL_NAMES  # the authority line "CHÍNH PHỦ" after a decree's title
            or _PLACE_DATE_RE.search(folded)
            or len(piece) > 200
            or type_named(folded.strip(" :"))
        ):
            break
        if lines.title_rest and folded.strip() in fold(lines.title_rest):
            continue  # the title glued to its kind line printed again below it, whole or broken over lines
        if not shouted and (piece.rstrip()[-1:] in ".;:!?" or not (piece[:1].islower() or len(piece) < 80)):
            break
        parts.append(piece)
    return _joined(parts)


_RECIPIENTS_RE = re.compile(folded_alternatives("recipients_heading"))
_NAME_PART_SPLIT_RE = re.compile(r"['’\-]")
_CELL_SPLIT_RE = re.compile(r"\s*\|\s*|\s{2,}")
# Where an item of the recipients' list ends ("- Lưu VP.", "- Như Điều 2;") and a name may follow.
_ITEM_END_RE = re.compile(r"[.;)]\s+")


def _is_name_word(word: str) -> bool:
    """ "Tuấn", "H'Hen", "Y": capitalised, letters only, lower case after the first letter of each part."""
    parts = [p for p in _NAME_PART_SPLIT_RE.split(word) if p]
    return bool(parts) and all(p.isalpha() and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts)


def _name_in(line: str) -> str | None:
    """A person's name on a signature line ("Đinh Tuấn Long", "TS. Đinh Tuấn Long"); the last of several
    (in a two-column signature the head signs on the right)."""
    names = []
    for cell in _CELL_SPLIT_RE.split(_PAREN_RE.sub(" ", line).strip()):
        for chunk in _HONORIFIC_RE.split(cell):
            words = chunk.strip(" .,;:").split()
            if 2 <= len(words) <= 6 and words[0].lower() not in _NOT_NAME_FIRST and all(map(_is_name_word, words)):
                names.append(" ".join(words))
    return names[-1] if names else None


_SIGNER_FAMILY_NAMES = frozenset(listed_words("name_words.tsv", "signer_family_name"))


def _shouted_name(line: str) -> str | None:
    """A name written in capitals ("NGUYỄN VĂN AN") under a signature, in its usual case."""
    text = _HONORIFIC_RE.sub(" ", _PAREN_RE.sub(" ", line)).strip()
    words = text.split()
    # A family name first: capitals under a signature are also a role or a body broken over lines
    # ("TM. ỦY BAN" / "NHÂN DÂN", "KT. TRƯỞNG BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ") or an annex's title
    # ("QUY CHẾ").
    if (
        2 <= len(words) <= 5
        and text.isupper()
        and all(w.isalpha() for w in words)
        and (words[0].lower() in surnames() or words[0].capitalize() in _SIGNER_FAMILY_NAMES)
        and not _SIGN_ROLE_RE.match(fold(text))
    ):
        return " ".join(w.capitalize() for w in words)
    return None


def _last_of_two(name: str, paragraphs: tuple[Paragraph, ...], at: int) -> str:
    """The head's name when two signers' names ran together on one line ("Quách Mỹ Huyền Thạch Sô
    Phol": the columns' spaces lost): the longest tail of two words or more written elsewhere in the
    document as a name on its own ("Ông Thạch Sô Phol - Giám đốc")."""
    words = name.split()
    if len(words) < 5:
        return name
    for k in range(2, len(words) - 1):
        tail = " ".join(words[k:])
        # Not inside the whole name written elsewhere: "Tôn Nữ Thị Thu Hà" holds "Thị Thu Hà".
        tail_re = re.compile(rf"(?<!\w)(?<!{re.escape(words[k - 1])} ){re.escape(tail)}(?!\w)")
        if any(i != at and tail_re.search(p.text) for i, p in enumerate(paragraphs)):
            return tail
    return name


def _name_over_lines(paragraphs: tuple[Paragraph, ...], j: int) -> str | None:
    """A name a narrow signature cell broke over two lines: "Lê Tấn" / "Cận", "Trần" / "Chí Hùng"
    (one of the two lines a single word, five words at most)."""
    if j + 1 >= len(paragraphs):
        return None
    first, second = _plain(paragraphs[j].text).split(), _plain(paragraphs[j + 1].text).split()
    if not first or not second or min(len(first), len(second)) != 1 or len(first) + len(second) > 5:
        return None
    words = first + second
    if all(map(_is_name_word, words)) and words[0].lower() not in _NOT_NAME_FIRST:
        return " ".join(words)
    return None


def _name_beside_item(text: str) -> str | None:
    """The signer's name written beside an item of the recipients' list, the columns' spaces lost:
    "- Lưu VP.        Tô Ngọc Hân", "- Cục X - Bộ Công an;      Đại tá Hoàng Minh Quân"."""
    tail = _ITEM_END_RE.split(text)[-1]
    return _name_in(tail) if tail != text else None


def _is_sign_role(text: str) -> bool:
    """A line of a signature block's heading: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "THƯ KÝ | CHỦ TRÌ"."""
    if "|" not in text:  # (most lines: one cell, tested without splitting it)
        return _is_sign_role_cell(text)
    return any(_is_sign_role_cell(cell) for cell in text.split("|"))


def _is_sign_role_cell(cell: str) -> bool:
    return len(cell) < 120 and _mostly_upper(cell) and _SIGN_ROLE_RE.match(fold(cell).strip()) is not None


# A signature block on one line, or in one cell beside the recipients' list: the role in capitals, then
# the name ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thị Nguyệt", "BỘ TRƯỞNG (Đã ký) Phạm Thị Thanh Trà").
_ROLE_THEN_NAME_RE = re.compile(rf"^(?P<role>[^{LOWER}]+?)\s+(?P<name>[{UPPER}][{LOWER}][^|]*)$")


def _name_after_role(text: str) -> str | None:
    """The name written after a signature's role on the same line or cell, else None."""
    for cell in text.split("|") if "|" in text else (text,):
        cell = cell.strip()
        if len(cell) > 160 or not cell[:1].isupper():
            continue
        cell = _PAREN_RE.sub(" ", cell)
        if not _SIGN_ROLE_RE.match(fold(cell).lstrip()):
            continue  # (the role starts the cell: tested first, cheaply, on the whole of it)
        m = _ROLE_THEN_NAME_RE.match(cell)
        if not m or not _SIGN_ROLE_RE.match(fold(m.group("role")).strip()):
            continue
        name = _name_in(m.group("name"))
        if name and " ".join(m.group("name").split()).strip(" .,;:").endswith(name):  # nothing after the name
            return name
    return None


def _signer(paragraphs: tuple[Paragraph, ...], after: int) -> tuple[str | None, int | None]:
    """The name under the first signature block after the header, and the paragraph it is on."""
    n = len(paragraphs)
    for i in range(after, n):
        text = _plain(paragraphs[i].text)
        if len(text) > 160 and "|" not in text:
            continue  # a paragraph of running text: neither test below can hold (the cheap test first)
        if "|" in text or (len(text) <= 160 and text[:1].isupper() and not text[1:2].islower()):
            name = _name_after_role(text)  # (a role in capitals starts the line: "KT. ...", not "Căn cứ ...")
            if name:
                return name, i
        if not _is_sign_role(text):
            continue
        for j in range(i + 1, min(n, i + 40)):
            text = _plain(paragraphs[j].text)
            name = _name_over_lines(paragraphs, j) or _name_in(text) or _shouted_name(text)
            if name:
                return name, j
            if _SIGN_SKIP_RE.match(fold(text)):
                name = _name_beside_item(text)
                if name:
                    return name, j
                continue
            if (
                _is_sign_role(text) or (is_heading(text) and len(text) < 60) or len(text) < 12
            ):  # a signature or a stamp read as a few stray characters
                continue
            break
    # The signature block's heading lost (a stamp over it in a scan): the name after the "Nơi nhận" list.
    for i in range(after, n):
        if _RECIPIENTS_RE.match(fold(paragraphs[i].text)):
            for j in range(i + 1, min(n, i + 16)):
                text = _plain(paragraphs[j].text)
                name = _name_in(text) or _shouted_name(text)
                if name and len(text) < 60:
                    return name, j
                name = _name_beside_item(text)
                if name:
                    return name, j
                if not (_SIGN_SKIP_RE.match(fold(text)) or is_heading(text) or len(text) < 20):
                    break
            break
    # No signature block: a name line near the end, as in a report typed without one ("Lê Thị Thu Hiền").
    for j in range(n - 1, max(after - 1, n - 6), -1):
        text = paragraphs[j].text
        name = _name_in(text) if len(text) < 60 and "|" not in text else None
        if (
            name
            and text != paragraphs[0].text
            and _alone_at_the_end(name, text, (paragraphs[j - 1],) * (j > 0) + paragraphs[j + 1 : j + 2])
        ):
            # (an encyclopedia page repeats its title at its end: "Đinh Tiên Hoàng")
            return name, j
    return None, None


def _alone_at_the_end(name: str, text: str, around: tuple[Paragraph, ...]) -> bool:
    """Whether a name at a document's end signs it: alone on its line (but for "(Đã ký)"), a family name
    first, no place ("Sa Đéc", "Cao Bằng" end encyclopedia pages), and no name on the lines `around` it
    (a list of office holders)."""
    return (
        name == " ".join(_PAREN_RE.sub(" ", text).split()).strip(" .,;")
        and name.split()[0].lower() in surnames()
        and not is_place_name(name)
        and not any(len(p.text) < 60 and _name_in(p.text) for p in around)
    )


def _year(title: str | None, kind: str, issued_year: int | None, doc: Document) -> int | None:
    """The year the document is about: a year named in its title, else the year it was issued."""
    if title:
        m = _TITLE_YEAR_RE.search(fold(title))
        if m:
            year = int(m.group(2))
            if m.group(1) and m.group(3):  # "năm học 2023-2024": the year it was issued in, else its end
                year = issued_year if issued_year in (year, int(m.group(3))) else int(m.group(3))
            if issued_year is None or abs(year - issued_year) <= 1:
                return year
    if issued_year:
        return issued_year
    counts = Counter(int(y) for par in doc.paragraphs[:30] for y in _YEAR_RE.findall(par.text))
    return counts.most_common(1)[0][0] if counts else None


def _date_above_signature(paragraphs: tuple[Paragraph, ...], signed_at: int | None) -> str | None:
    """A place-and-date line written at the end, above the signature ("Đắk Nông, ngày 15 tháng 12 năm 2022")."""
    end = signed_at if signed_at is not None else len(paragraphs)
    for par in paragraphs[max(0, end - 12) : end][::-1]:
        folded = fold(par.text)
        if len(folded) < 80 and _PLACE_DATE_RE.search(folded):
            dm = DATE_RE.search(folded)
            if dm:
                return date_of(dm)
    return None


_PASSED_RE = re.compile(r"thong qua\s+(?:vao\s+)?(?=ngay\s+\d)")  # (no \b: "khóa XVthông qua", glued)


def _passed_date(paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The date a law or a resolution was passed, written at its end: "Luật này đã được Quốc hội ... khóa
    XI, kỳ họp thứ 4 thông qua ngày 26 tháng 11 năm 2003." (the last such line: the document's own)."""
    for par in reversed(paragraphs):
        if "thông qua" not in par.text:
            continue
        folded = fold(par.text)
        m = _PASSED_RE.search(folded)
        dm = DATE_RE.match(folded, m.end()) if m else None
        if dm:
            return date_of(dm)
    return None


def _meeting_date(paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The date of a meeting's minutes, from their opening line, when no place-and-date line is given."""
    for par in paragraphs[:20]:
        folded = fold(par.text)
        if _MEETING_DATE_RE.match(folded):
            dm = DATE_RE.search(folded)
            if dm:
                return date_of(dm)
    return None


# How far a web page's own text may run before the document it quotes ("Số hiệu:", "Người ký:", ...).
_PAGE_LEAD = 300


def _has_motto_mark(text: str) -> bool:
    """Whether the line holds "ộ", as every motto does ("cộng hòa", "độc lập", "Đảng Cộng sản"): a fast
    test before folding it."""
    return "ộ" in text or "Ộ" in text


def _document_start(paragraphs: tuple[Paragraph, ...]) -> int:
    """Where the document's header block starts: 0, unless a web page's own text comes first and the
    national motto only later; then the lines of the issuer's name just above the motto."""
    if any(_MOTTO_RE.search(fold(p.text)) for p in paragraphs[:8] if _has_motto_mark(p.text)):
        return 0
    for i in range(8, min(len(paragraphs), _PAGE_LEAD)):
        text = paragraphs[i].text
        if len(text) >= 160 or not _has_motto_mark(text):
            continue
        if not _is_motto_line(text, fold(text)) or not _numbered_or_dated(paragraphs[i + 1 : i + 7]):
            continue
        if any(_RECIPIENTS_RE.match(fold(p.text)) or _is_sign_role(p.text) for p in paragraphs[:i]):
            return 0  # a document ends above: the motto below heads an attached one
        start = i
        while start > i - 5 and (is_heading(paragraphs[start - 1].text) or _RULE_RE.match(paragraphs[start - 1].text)):
            start -= 1
        return start
    return 0


def _numbered_or_dated(paragraphs: tuple[Paragraph, ...]) -> bool:
    """Whether the lines hold a header's number ("Số: 12/QĐ-UBND") or its place and date: a motto above them
    heads a document, not a blank form quoted in a page ("Số: …/QĐ-…", "……., ngày …. tháng …. năm ……")."""
    folded = [fold(p.text) for p in paragraphs]
    for i, line in enumerate(folded):
        so = _SO_RE.search(line)
        if so and (
            _DIGIT_RE.match(line, so.end())
            or line[so.end() :].strip() == ""
            and i + 1 < len(folded)
            and _DIGIT_RE.match(folded[i + 1])
        ):  # ("Số:" / "5664/CT-CS")
            return True
        if _PLACE_DATE_RE.search(line) and (DATE_RE.search(line) or PARTIAL_DATE_RE.search(line)):
            return True
    return False


_DIGIT_RE = re.compile(r"\s*\d")


def _is_motto_line(text: str, folded: str) -> bool:
    """A header's motto line, not a sentence that names the Republic or the Party: the motto in
    capitals or "Độc lập - Tự do - Hạnh phúc", with little else on the line."""
    m = _MOTTO_RE.search(folded)
    if not m:
        return False
    rest = len(text) - (m.end() - m.start())
    return rest < 60 and (is_heading(text[m.start() : m.end()]) or folded[m.start() :].startswith("doc lap"))


def _asks(text: str) -> bool:
    """A web page's heading that asks ("Kênh truyền hình trực tiếp Lễ Quốc tang ... là kênh nào?")."""
    return text.rstrip().endswith("?")


def find_header(doc: Document) -> Header:
    """The document's own identity from its header block, title and signature block."""
    paragraphs = doc.paragraphs[_document_start(doc.paragraphs) :]
    if not paragraphs:
        return Header()
    lines = _read_lines(paragraphs)
    if _asks(paragraphs[0].text) and lines.symbol is None and lines.issued_date is None:
        # A web page's question heading, then what its answer quotes of a document or of a blank form
        # ("Theo thông cáo ... như sau:" / "THÔNG BÁO LỄ VIẾNG ...", "HỘI LIÊN HIỆP ..." / "Số: …/ĐA"): the page
        # is no document; it has its heading and nothing else.
        title = _first_line(paragraphs, _NO_LINES)
        return Header(
            title=title, kind="other", year=_year(title, "other", None, doc), province=_province(doc, None, None)
        )
    issuer = _of_body(paragraphs, lines) or _completed(_issuer(lines.issuer_lines), _authority_body(paragraphs, lines))
    enacted = issuer is None and _enacting_body(paragraphs, lines)
    issuer = issuer or enacted or _minister_body(paragraphs, lines) or None
    annex = _annex_of(paragraphs, lines)
    if annex:
        issuer = issuer or annex.issuer
    title = _title(paragraphs, lines)
    kind = _kind(lines, title)
    if kind == "other" and title and lines.kind_word is None and lines.symbol_code is None and _mostly_upper(title):
        kind = _kind_named_within(paragraphs) or kind
    signer, at = _signer(paragraphs, lines.end)
    if signer and at is not None:
        signer = _last_of_two(signer, paragraphs, at)
    if issuer is None and lines.symbol_code:
        # "Số: 1663/NQ-UBTVQH15" under a header whose body's name was lost: a national body's code says it.
        issuer = issuer_of_code(lines.symbol_code, None)
    province = _province(doc, issuer, lines.place)
    if issuer is None and at is not None and at + 1 < len(paragraphs):
        # A report signed by a name with its body on the next line ("Cục QLTT Tỉnh Đắk Nông").
        below = paragraphs[at + 1].text.strip()
        if _BODY_HEAD_RE.match(fold(below)) and len(below) < 120:
            issuer = canonical_org(below, province)
            province = province_of(issuer) or province
    issued, issued_year = lines.issued_date, lines.issued_year
    if annex and issued is None and issued_year is None and annex.issued_date:
        issued, issued_year = annex.issued_date, int(annex.issued_date[:4])
    if issued is None and issued_year is None:
        issued = (
            _meeting_date(paragraphs)
            or _date_above_signature(paragraphs, at)
            or (_passed_date(paragraphs) if lines.symbol_code or enacted else None)
        )  # (a page quoting a law has none)
        issued_year = int(issued[:4]) if issued else None
    return Header(
        title=title,
        kind=kind,
        symbol=lines.symbol or (annex.symbol if annex else None) or _lead_symbol(paragraphs, lines, title),
        issued_date=issued,
        year=_year(title, kind, issued_year, doc),
        issuer=issuer,
        signer=signer,
        province=province,
    )
