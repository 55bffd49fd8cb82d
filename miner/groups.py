"""Emulation groups: "Khối thi đua số 5", "Cụm thi đua các trường Đại học".

A group is "Khối thi đua" or "Cụm thi đua" ("Cụm TĐ"), capitalised, followed by its number ("số 5",
"số 1, 2 và 3" names three groups) or by a descriptor that ends at punctuation or at a
word that starts the rest of the sentence ("Khối thi đua doanh nghiệp được đề nghị ...").
"Khối thi đua do UBND tỉnh thành lập", "các Cụm, Khối thi đua trên địa bàn tỉnh", "các Khối thi đua
Trung ương" name none.
The words around a group's name are data/group_words.tsv.
"""

from __future__ import annotations

import re
from functools import cache

from . import data
from .document import Document
from .locations import find_provinces
from .normalize import fold
from .phrases import word_starts
from .record import EmulationGroup, Span


@cache
def _words(name: str) -> tuple[str, ...]:
    """One list of data/group_words.tsv ("head", "ends_name" ...), as written, in file order."""
    return tuple(row["entry"] for row in data.rows("group_words.tsv") if row["list"] == name)


def _alternatives(name: str) -> str:
    return "|".join(re.escape(w) for w in _words(name))


# Matched on folded text; the capital is checked on the original. The first letters first (word_starts):
# the regex engine skips to a "k" or a "c".
_GROUP_RE = re.compile("(" + word_starts([fold(w) for w in _words("head")]) + r")( thi dua| td)(?!\w)")
# What every match of _GROUP_RE holds: "khoi thi dua", "cum td" ...
_GROUP_STARTS = tuple(f"{fold(w)}{tail}" for w in _words("head") for tail in (" thi dua", " td"))
# "số 5", "số 1, 2 và 3", "số 1, số 2 và số 3", "số III" (a numeral in capitals).
_NUMBER = r"(?:\d{1,3}|[ivx]{1,4}(?!\w))"
_NUMBERS_RE = re.compile(
    rf"\s+so\s+({_NUMBER})((?:\s*,\s*(?:so\s+)?{_NUMBER})*(?:\s*(?:,|va)\s*(?:so\s+)?{_NUMBER}))?(?!\w)"
)
_MORE_NUMBERS_RE = re.compile(rf"(?<!\w){_NUMBER}")
# Where a descriptor stops: punctuation (a table's cell ends at "|"), or a word that starts the rest of the sentence, or a year.
# Matched on the lower-cased text with its marks ("nhân" in "Ủy ban nhân dân" is no "nhận").
_STOP_RE = re.compile(
    rf"\s*(?:[:;.()“”\"|\[]|,\s*(?:{_alternatives('ends_at_comma')})(?!\w)|$)"
    rf"|(?:\s*,|\s+và)?\s+(?=(?:{_alternatives('head').lower()}) thi đua(?!\w))"  # the next group: "Khối ... và Khối ..."
    rf"|\s+(?:{_alternatives('ends_name')}|năm \d{{4}})(?!\w)"
)
# A descriptor never starts with these words ("Khối thi đua trên địa bàn", "... do tỉnh").
# Compared as written in lower case, marks kept: folded, "có" would be "Cơ quan", "năm" "Nam Bộ", "tại"
# "Tài chính"; in a paragraph written without marks ("Khoi thi dua do tinh") they are compared folded.
_NOT_FIRST = frozenset(w.lower() for w in _words("not_first"))
_NOT_FIRST_FOLDED = frozenset(fold(w) for w in _words("not_first"))
# A descriptor in lower case starts with a word that names the members ("doanh nghiệp", "các").
_NAMED_FIRST_RE = re.compile(rf"(?:{_alternatives('named_first')})(?!\w)")
_MAX_WORDS = 22
# The words of a trailing province that _drop_province leaves out ("thành phố Hồ Chí Minh"), and how
# far a descriptor of _MAX_WORDS words and such a province reaches (words of 7 letters and a space).
_PROVINCE_WORDS = 6
_DESCRIPTOR_REACH = (_MAX_WORDS + _PROVINCE_WORDS) * 8
_LOOKAHEAD = 20  # the most _STOP_RE reads after its match ("khối thi đua" after " và ")
# "các Doanh nghiệp I, Doanh nghiệp II": one noun, numbered, written again for each group.
_COORDINATED_RE = re.compile(
    r"(?P<pre>(?:các|những)\s+)?(?P<noun>[^\W\d][^,;]*?)\s+(?P<n>[IVX]{1,4}|\d{1,3})"
    r"(?:(?:\s*,\s*|\s+và\s+)(?P=noun)\s+(?:[IVX]{1,4}|\d{1,3}))+"
)
_NUMERAL_RE = re.compile(r"(?<!\w)(?:[IVX]{1,4}|\d{1,3})(?!\w)")
_NUMERALS_RE = re.compile(r"(?:[IVX]{1,4}|\d{1,3})(?:(?:\s*,\s*|\s+và\s+)(?:[IVX]{1,4}|\d{1,3}))+")
# A described group after "các", "mỗi" or another group's head ("các Cụm, Khối thi đua") is a kind of group.
_GENERIC_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_alternatives('generic_before')})(?:\s*,|\s+và|\s+hoặc)?\s+$")
# A header's line that names a group by description in capitals, and the lines that start on their own.
_HEAD_LINE_RE = re.compile(rf"(?:{_alternatives('head').upper()}) THI ĐUA (?!SỐ )\w")
_HEADER_LINES = 12  # the lines of a document's header, where the issuer's column stands
_OWN_LINE_RE = re.compile(rf"(?:{_alternatives('own_line')})(?!\w)")
_QUOTED_RE = re.compile(r'[“"]([^“”"\n]{1,200})[”"]')
_PLURAL_END_RE = re.compile(r"(?<!\w)(?:các|những)$")
# Words that start the rest of the sentence after a proper name ("Khối thi đua Kinh tế - Tổng hợp thực
# hiện ...") but a relative clause after a common noun ("Cụm thi đua các đơn vị sự nghiệp thực hiện chức
# năng giáo dục Mầm non"): they end a descriptor where the word before them is capitalised.
_AFTER_NAME_RE = re.compile(rf"\s+(?:{_alternatives('ends_after_name')})(?!\w)")


def _descriptor_end(text: str, low: str, start: int) -> int | None:
    """Where the descriptor that starts at `start` ends; None when it is longer than a name is
    (sought within _DESCRIPTOR_REACH characters first: a paragraph is not read to its end for each group).
    A word that ends a descriptor is a noun after "các" ("Khối thi đua các tổ chức tín dụng")."""
    pos = start
    while True:
        end = _stop(text, low, start, pos)
        if end is None or end >= len(text) or not _PLURAL_END_RE.search(low, start, end):
            return end
        pos = end + 1


def _after_name_end(text: str, low: str, start: int, end: int) -> int:
    """Where a word of ends_after_name that follows a capitalised word ends the descriptor, else `end`.
    The word before is one of the two syllables before: a proper name's last word is in lower case
    ("Tổng hợp", "Xã hội")."""
    for m in _AFTER_NAME_RE.finditer(low, start, end):
        if any(w[:1].isupper() for w in text[start : m.start()].split()[-2:]):
            return m.start()
    return end


def _stop(text: str, low: str, start: int, pos: int) -> int | None:
    reach = start + _DESCRIPTOR_REACH
    if reach < len(low):
        m = _STOP_RE.search(low, pos, reach)
        if m and m.end() < reach - _LOOKAHEAD:  # a stop the window's end does not make or hide
            return m.start()
        if len(low[start:reach].split()) > _MAX_WORDS + _PROVINCE_WORDS:
            return None  # longer than a name, even without its province
    m = _STOP_RE.search(low, pos)
    return m.start() if m else len(text)


def _drop_province(text: str, start: int, end: int) -> int:
    """Leave out a trailing "tỉnh Đắk Nông": the groups are named without their province (written
    with its level: a bare province name is part of the name)."""
    for s, e, _ in find_provinces(text[start:end]):
        if start + e == end:
            head = text[start : start + s].rstrip()
            low = head.lower()
            for level in _words("province_level"):
                if low.endswith(" " + level):
                    return start + len(head) - len(level) - 1
            return end  # "các tỉnh Đồng bằng sông Cửu Long và Cần Thơ": a province without its level is named
    return end


def _coordinated(descriptor: str) -> list[str]:
    """The groups a descriptor names: "các Doanh nghiệp I, Doanh nghiệp II" names two (each with its
    numeral, "các" kept for both), "I, II và III" three; any other names one."""
    if _NUMERALS_RE.fullmatch(descriptor):  # "Cụm thi đua I, II và III": three
        return _NUMERAL_RE.findall(descriptor)
    m = _COORDINATED_RE.fullmatch(descriptor)
    if not m:
        return [descriptor]
    return [f"{m.group('pre') or ''}{m.group('noun')} {n}" for n in _NUMERAL_RE.findall(descriptor[m.start("n") :])]


def _groups_in(seq: int, text: str) -> list[tuple[str, Span]]:
    """Each group named in one paragraph: (name, span)."""
    folded = fold(text)  # remembered: the award types folded the paragraph already
    if "thi dua" not in folded and " td" not in folded:
        return []  # the cheap test first: "thi đua", "thi dua" and "TĐ" fold to these
    if not any(start in folded for start in _GROUP_STARTS):
        return []  # "thi đua" without a group's head before it (most paragraphs of an award's documents)
    low = text.lower()
    markless = "thi đua" not in low  # "Khoi thi dua do tinh to chuc": words compared folded
    if markless and "thi dua" not in low and " tđ" not in low:
        return []
    found = []
    for m in _GROUP_RE.finditer(folded):
        written_head = text[m.start() : m.end()]
        if m.group(2) == " td" and text[m.start(2) + 1 : m.end(2)] != "TĐ":
            continue  # "Cụm TĐ số 3" is "Cụm thi đua số 3"; "Khối td" is nothing
        head = written_head[:1].upper() + text[m.start() + 1 : m.end(1)].lower() + " thi đua"
        numbers = _NUMBERS_RE.match(folded, m.end())
        if numbers and all(
            text[n.start() : n.end()].isupper() or n.group().isdigit()
            for n in _MORE_NUMBERS_RE.finditer(folded, numbers.start(1), numbers.end())
        ):
            # A number names the group in any case: "Trưởng cụm thi đua số 3".
            end = numbers.end()
            written = text[m.start() : end]
            for n in _MORE_NUMBERS_RE.findall(folded, numbers.start(1), end):
                found.append((f"{head} số {int(n) if n.isdigit() else n.upper()}", Span(seq, m.start(), end, written)))
            continue
        if not text[m.start()].isupper():
            continue  # "cụm thi đua các phòng, ban thuộc thẩm quyền": a described group is written with a capital
        if _GENERIC_BEFORE_RE.search(low, max(0, m.start() - 30), m.start()):
            continue  # "các Khối thi đua Trung ương", "Trưởng các Cụm, Khối thi đua Bộ Nội vụ": a kind of group
        if written_head.isupper() and len(text) > len(written_head) + 40:
            continue  # a heading in capitals: "A. KHỐI THI ĐUA DO UBND TỈNH QUYẾT ĐỊNH THÀNH LẬP" (a number names one)
        start = m.end()
        while start < len(text) and text[start] == " ":
            start += 1
        quoted = _QUOTED_RE.match(text, start)
        if quoted:  # 'Khối thi đua “Văn hóa - Xã hội”': the name is what the quotes hold
            name = quoted.group(1).strip()
            if name[:1].isupper() and len(name.split()) <= _MAX_WORDS:
                found.append((f"{head} {name}", Span(seq, m.start(), quoted.end(), text[m.start() : quoted.end()])))
            continue
        space = folded.find(" ", start)
        first = low[start : space if space >= 0 else len(low)].strip(",")
        if not first or not first[0].isalnum() or first in _NOT_FIRST or (markless and first in _NOT_FIRST_FOLDED):
            continue
        if not (text[start].isupper() or text[start].isdigit()) and not _NAMED_FIRST_RE.match(low, start):
            continue  # "Khối thi đua lập hồ sơ": no group's name
        descriptor_end = _descriptor_end(text, low, start)
        if descriptor_end is None:
            continue
        end = _after_name_end(text, low, start, descriptor_end)
        end = _drop_province(text, start, end)
        descriptor = text[start:end].strip(" ,-–")
        if not descriptor or len(descriptor.split()) > _MAX_WORDS:
            continue
        end = start + len(descriptor)
        span = Span(seq, m.start(), end, text[m.start() : end])
        found += [(f"{head} {name}", span) for name in _coordinated(descriptor)]
    return found


def _name_goes_on(line: str, below: str) -> bool:
    """A header's narrow column breaks a group's name in capitals over two lines: "KHỐI THI ĐUA CÁC CƠ
    QUAN" / "ĐẢNG, ĐOÀN THỂ" (a line that starts with the group, among the header's lines). The line below goes on with it when it is short, in capitals, without a
    number or a colon, and starts no line of its own ("TRƯỞNG KHỐI", "CỘNG HÒA ...", "BÁO CÁO")."""
    if len(line) > 80 or not line.isupper() or not _HEAD_LINE_RE.match(line):
        return False
    below = below.strip()
    return (
        below.isupper()
        and len(below.split()) <= 6
        and not any(c.isdigit() or c == ":" for c in below)
        and not _OWN_LINE_RE.match(below.lower())
    )


def find_emulation_groups(doc: Document) -> tuple[EmulationGroup, ...]:
    """The Khối and Cụm thi đua named in the document, each once, with every span."""
    by_key: dict[str, tuple[str, list[Span]]] = {}
    paragraphs = doc.paragraphs
    for i, para in enumerate(paragraphs):
        text = para.text
        if i < _HEADER_LINES and i + 1 < len(paragraphs) and _name_goes_on(text, paragraphs[i + 1].text):
            text = f"{text} {paragraphs[i + 1].text.strip()}"
        for name, span in _groups_in(para.seq, text):
            if span.end > len(para.text):  # the name's span stays in its first line
                span = Span(span.paragraph, span.start, len(para.text), para.text[span.start :])
            by_key.setdefault(fold(name), (name, []))[1].append(span)
    return tuple(EmulationGroup(name=name, spans=tuple(spans)) for name, spans in by_key.values())
