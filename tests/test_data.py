"""Every row of miner/data/ with an `example` column, executed: the example is run through the code
that reads the row, and must give what the row says (a trigger word stands in its example as a word;
an award, a body, a document type, an issuer, a place level is found in it; a legacy font name picks
its encoding; a VNI example decodes to Vietnamese). One parametrised test for all the files, and a
check that no file with examples is left without its runner (issue 17 item 2).

A row whose example is marked "shape: ..." shows the shape of a real use (a name changed or cut)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from miner import data
from miner.awards.grantors import is_office
from miner.awards.taxonomy import match_award_types
from miner.document import Document, Paragraph
from miner.groups import find_emulation_groups
from miner.legal_refs import find_legal_refs, issuer_of_code, type_of_code
from miner.locations import places_in
from miner.normalize import fold
from miner.organizations import expand_abbreviations, find_organizations
from miner.organizations.resolve import _national_only, _state_organ
from miner.organizations.words import scanner_words
from miner.readers.legacy import is_syllable, legacy_font, to_unicode
from miner.record import Header
from miner.segment import is_letterhead, starts_paragraph
from miner.web.labels import value_label

DATA = Path(data.__file__).parent


def _example(row: dict[str, str]) -> str:
    return row["example"].removeprefix("shape:").strip()


def _shape(row: dict[str, str]) -> bool:
    """The example shows a shape ("Đề án số …/ĐA-…"), not a real text to run."""
    return row["example"].startswith("shape:")


def _doc(text: str) -> Document:
    return Document(path="example.txt", format="txt", paragraphs=(Paragraph(0, text),))


def _written(word: str, text: str) -> bool:
    """`word` stands in `text` as a word of its own, accents and case aside."""
    return re.search(rf"(?<!\w){re.escape(fold(word))}(?!\w)", fold(text)) is not None


def _words_in_example(column: str) -> Callable[[dict[str, str]], None]:
    def check(row: dict[str, str]) -> None:
        assert _written(row[column], _example(row)), f"{row[column]!r} is not written in {_example(row)!r}"

    return check


# ------------------------------------------------------------------ what each file's rows must do


def _award_type(row: dict[str, str]) -> None:
    found = [award for _, _, award in match_award_types(_example(row))]
    assert any(award.startswith(row["name"]) for award in found), found


def _award_variant(row: dict[str, str]) -> None:
    found = [award for _, _, award in match_award_types(_example(row))]
    if row["match"] == "other":  # an award outside the taxonomy, whose name starts with the award's
        assert _written(row["variant"], _example(row)) and not any(a.startswith(row["award"]) for a in found), found
    else:
        assert any(award.startswith(row["award"]) for award in found), found


def _group_word(row: dict[str, str]) -> None:
    _words_in_example("entry")(row)
    if row["list"] in ("ends_name", "ends_at_comma"):  # the group named in the example stops before it
        names = [g.name for g in find_emulation_groups(_doc(_example(row)))]
        assert names and not any(_written(row["entry"], name) for name in names), names


def _grantor_office(row: dict[str, str]) -> None:
    example = _example(row)
    at = fold(example).index(fold(row["office"]))
    assert is_office(example[at:])
    assert row["scope"] in ("central", "local")


def _doc_type(row: dict[str, str]) -> None:
    if row["code"] and row["party"] != "yes":
        assert type_of_code(row["code"]).name == row["name"]
    if _shape(row) or not re.search(r"\d", row["example"]):  # a shape, or a charter cited by its name
        assert _written(row["name"], _example(row))
        return
    refs = find_legal_refs(_doc(_example(row)), Header())
    assert row["name"] in [ref.doc_type for ref in refs], refs


def _issuer_code(row: dict[str, str]) -> None:
    example = fold(_example(row))  # "SGDDT": the Đ of "SGDĐT" written as D
    assert re.search(rf"[-/]{re.escape(fold(row['code']))}(?![^\W\d])", example), example
    if row["level"] == "central":  # a local code ("UBND") names its province's body, found from the document
        assert issuer_of_code(row["code"], None) == row["issuer"]


def _short_name(row: dict[str, str]) -> None:
    if row["kind"] != "short" or _shape(row):  # an organ or an owner: whose it is, the document says
        assert _written(row["written"], _example(row))
        return
    refs = find_legal_refs(_doc(_example(row)), Header())
    assert row["full"] in [ref.issuer for ref in refs], [ref.issuer for ref in refs]


def _law_title(row: dict[str, str]) -> None:
    """The law cited by name in the example is named in full: the title at least, not cut inside it."""
    refs = find_legal_refs(_doc(_example(row)), Header())
    names = [fold(ref.subject or "") for ref in refs if ref.doc_type == "Luật"]
    assert any(name.startswith(fold(row["title"])) for name in names), names


def _legacy_font(row: dict[str, str]) -> None:
    for font in (name.strip() for name in row["example"].split(",")):
        found = legacy_font(font)
        assert found is not None and found.encoding == row["encoding"], (font, found)


def _organization(column: str) -> Callable[[dict[str, str]], None]:
    """The body is found in the example, or the example names it (abbreviations written out) where a
    fragment ("HĐND tỉnh") needs the rest of its document to be completed."""

    def check(row: dict[str, str]) -> None:
        example = _example(row)
        names = [org.name for org in find_organizations(_doc(example), Header())]
        assert any(fold(row[column]) in fold(name) for name in names) or _written(
            row[column], expand_abbreviations(example)
        ), names

    return check


def _enterprise(row: dict[str, str]) -> None:
    """Found in its example, or named there by a short name or without its type ("(v) Hàng không Việt
    Nam" in a list of the Tổng công ty)."""
    example = _example(row)
    names = [org.name for org in find_organizations(_doc(example), Header())]
    written = [row["name"], *row["short"].split(";"), re.sub(r"^(Tổng công ty|Tập đoàn|Công ty) ", "", row["name"])]
    assert row["name"] in names or any(w and _written(w, example) for w in written), names


def _scanner_word(row: dict[str, str]) -> None:
    _words_in_example("words")(row)
    role = row["role"] if row["role"] != "and" else "and_"
    assert row["words"] in getattr(scanner_words(), role)


def _paragraph_start(row: dict[str, str]) -> None:
    assert re.match(row["pattern"], row["example"])
    assert starts_paragraph(row["example"])
    assert is_letterhead(row["example"]) == (row["block"] == "letterhead")


def _place_level(row: dict[str, str]) -> None:
    assert row["rank"] in ("1", "2", "3")
    assert row["level"] in [found[3] for found in places_in(_example(row))]


def _syllables(row: dict[str, str]) -> None:
    for word in re.findall(r"\w+", _example(row).split("(")[0]):  # what follows "(" says what never is
        assert is_syllable(word.lower()), word


def _vni(row: dict[str, str]) -> None:
    if not row["example"]:  # a letter with no example: its bytes alone
        assert to_unicode(bytes.fromhex(row["bytes"]), "vni") == row["letter"]
        return
    assert row["letter"] in to_unicode(row["example"], "vni")


def _labelled(row: dict[str, str]) -> None:
    assert row["vi"] and row["en"] and row["example"], row
    assert value_label(row["table"], row["column"], row["value"]) in (f"{row['vi']} / {row['en']}", row["vi"])


def _owner(row: dict[str, str]) -> None:
    _words_in_example("words")(row)
    if row["role"] == "organ":
        assert _state_organ(row["words"])
    if row["role"] == "national":
        assert _national_only(f"Ủy ban {row['words']}") or _national_only(f"Ban {row['words']}")


def _facility(row: dict[str, str]) -> None:
    """A "Cơ sở" named by its work is found in its example as one body."""
    names = [org.name for org in find_organizations(_doc(_example(row)), Header())]
    assert any(fold(name).startswith(fold(f"cơ sở {row['work']}")) for name in names), names


def _type_word_end(row: dict[str, str]) -> None:
    """The type's word that ends the row's words starts no body in the example."""
    _words_in_example("words")(row)
    type_word = row["words"].split()[-1]
    names = [org.name for org in find_organizations(_doc(_example(row)), Header())]
    assert not any(fold(name).startswith(fold(type_word) + " ") for name in names), names


RUNNERS: dict[str, Callable[[dict[str, str]], None]] = {
    "award_types.tsv": _award_type,
    "award_variants.tsv": _award_variant,
    "award_words.tsv": _words_in_example("entry"),
    "citation_words.tsv": _words_in_example("entry"),
    "doc_types.tsv": _doc_type,
    "document_words.tsv": _words_in_example("entry"),
    "grantor_offices.tsv": _grantor_office,
    "group_words.tsv": _group_word,
    "issuer_codes.tsv": _issuer_code,
    "issuer_short_names.tsv": _short_name,
    "law_titles.tsv": _law_title,
    "legacy_fonts.tsv": _legacy_font,
    "name_words.tsv": _words_in_example("entry"),
    "org_abbreviations.tsv": _organization("expansion"),
    "org_enterprises.tsv": _enterprise,
    "org_facilities.tsv": _facility,
    "org_names.tsv": _organization("name"),
    "org_not_names.tsv": _words_in_example("words"),
    "org_owners.tsv": _owner,
    "org_scanner_words.tsv": _scanner_word,
    "org_school_units.tsv": _words_in_example("words"),
    "org_sub_units.tsv": _words_in_example("type"),
    "org_type_word_ends.tsv": _type_word_end,
    "org_types.tsv": _words_in_example("type"),
    "paragraph_starts.tsv": _paragraph_start,
    "person_context.tsv": _words_in_example("words"),
    "place_levels.tsv": _place_level,
    "place_words.tsv": _words_in_example("word"),
    "syllable_parts.tsv": _syllables,
    "value_labels.tsv": _labelled,
    "vni.tsv": _vni,
}

ROWS = [(name, row) for name in sorted(RUNNERS) for row in data.rows(name)]


def test_every_file_with_examples_has_its_runner() -> None:
    with_examples = {path.name for path in DATA.glob("*.tsv") if "example" in next(iter(data.rows(path.name)), {})}
    assert with_examples == set(RUNNERS)


@pytest.mark.parametrize("name,row", ROWS, ids=[f"{name}:{next(iter(row.values()))[:30]}" for name, row in ROWS])
def test_each_example_does_what_its_row_says(name: str, row: dict[str, str]) -> None:
    assert row["example"] or name == "vni.tsv", "a row without an example"
    RUNNERS[name](row)
