"""Highlighting: spans marked in escaped text (nested, crossing), passages, the FTS5 MATCH
expression of a search, and snippets whose words are found with or without diacritics."""

from __future__ import annotations

import pytest

from miner.web.marks import (
    Mark,
    fts_match,
    highlight,
    mark_spans,
    search_terms,
    snippet,
    snippet_html,
)

CITING = "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông;"


def mark(phrase: str, css: str, text: str = CITING) -> Mark:
    start = text.index(phrase)
    return Mark(start, start + len(phrase), css.upper(), css, f"/db/{css}/1", phrase)


def test_mark_spans_wraps_each_span_and_links_its_label():
    assert mark_spans(CITING, [mark("Quyết định số 354/QĐ-UBND", "cite")]) == (
        'Căn cứ <mark class="fact fact-cite" title="Quyết định số 354/QĐ-UBND">Quyết định số 354/QĐ-UBND'
        '<a class="fact-label" href="/db/cite/1">CITE</a></mark> ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông;'
    )


def test_mark_spans_nests_a_span_inside_another_and_leaves_a_crossing_one_out():
    marks = [mark("Ủy ban nhân dân tỉnh Đắk Nông", "org"), mark("Đắk Nông", "loc"), mark("Nông;", "x")]
    assert mark_spans(CITING, marks) == (
        "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của "
        '<mark class="fact fact-org" title="Ủy ban nhân dân tỉnh Đắk Nông">Ủy ban nhân dân tỉnh '
        '<mark class="fact fact-loc" title="Đắk Nông">Đắk Nông<a class="fact-label" href="/db/loc/1">LOC</a></mark>'
        '<a class="fact-label" href="/db/org/1">ORG</a></mark>;'
    )


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("<script>alert(1)</script>", [], "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (
            "Sở <b>Nội vụ</b> & Ban",
            [Mark(3, 16, "<i>", 'o"rg', '/x?a=1&b="2"', 'say "hi"')],
            'Sở <mark class="fact fact-o&#34;rg" title="say &#34;hi&#34;">&lt;b&gt;Nội vụ&lt;/b&gt;'
            '<a class="fact-label" href="/x?a=1&amp;b=&#34;2&#34;">&lt;i&gt;</a></mark> &amp; Ban',
        ),
        ("Đắk Nông", [Mark(5, 99, "X", "x", "/x")], "Đắk Nông"),
    ],
    ids=["script-text", "markup-everywhere", "span-outside-text"],
)
def test_mark_spans_escapes_text_labels_and_links(text, marks, expected):
    assert mark_spans(text, marks) == expected


def test_highlight_marks_the_span_in_an_escaped_passage():
    text = "a" * 300 + " <b>Quyết định 354</b> " + "z" * 300
    start = text.index("Quyết")
    assert highlight(text, start, start + 14, window=5) == "…a &lt;b&gt;<mark>Quyết định 354</mark>&lt;/b&gt; …"
    assert highlight("<i>x</i>", None, None) == "&lt;i&gt;x&lt;/i&gt;"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("quyet dinh 354", '"quyet" "dinh" "354"'),
        ("Quyết định", '"quyet" "dinh"'),
        ("354/QĐ-UBND", '"354/qd-ubnd"'),
        ('Đắk "Nông', '"dak" """nong"'),
        ("  - * ", None),
        ("", None),
    ],
    ids=["folded", "diacritics", "symbol-phrase", "quote-escaped", "punctuation-only", "empty"],
)
def test_fts_match(query, expected):
    assert fts_match(query) == expected


def test_search_terms_fold_the_query():
    assert search_terms("Uỷ ban nhân dân tỉnh Đắk Nông") == ["uy", "ban", "nhan", "dan", "tinh", "dak", "nong"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("quyet dinh 354", "Căn cứ ⟦Quyết⟧ ⟦định⟧ số ⟦354⟧/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông;"),
        ("ĐẮK NÔNG", "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh ⟦Đắk⟧ ⟦Nông⟧;"),
        ("uỷ ban", "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của ⟦Ủy⟧ ⟦ban⟧ nhân dân tỉnh Đắk Nông;"),
        ("hoa don", "Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông;"),
    ],
    ids=["folded-query", "upper-case", "old-tone-placement", "no-hit"],
)
def test_snippet_marks_the_words_as_written(query, expected):
    assert snippet(CITING, query) == expected


def test_snippet_windows_a_long_paragraph_around_the_hits():
    text = "x " * 200 + "Kho bạc Nhà nước tỉnh Đắk Nông" + " y" * 200
    assert snippet(text, "kho bac", size=40) == "…x x x x x ⟦Kho⟧ ⟦bạc⟧ Nhà nước tỉnh Đắk Nông…"


def test_snippet_html_escapes_then_marks():
    assert snippet_html("<b>⟦Kho⟧ bạc</b>") == "&lt;b&gt;<mark>Kho</mark> bạc&lt;/b&gt;"
    assert snippet_html("a ⟦b c") == "a ⟦b c"
