"""Organisations and units, with canonical names ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh X").

Four rooms, read in this order:

- `words`: the knowledge (data/org_*.tsv|txt: known names, types, abbreviations, enterprises, the
  words that end a name or that the scanner tests) and the tokenizer, which reads an abbreviation
  as the words it stands for;
- `scanner`: the bodies one paragraph names (`Scanner(text).mentions()`), by a small grammar;
- `names`: a body's canonical name (`canonical_org`), spelled out, capitalised officially and
  completed with the document's province, and what a name tells (place, scope, kind);
- `resolve`: the document (`find_organizations`): its header block, province, district and
  writing agency complete the mentions; one entry per canonical name, with every mention.
"""

from __future__ import annotations

from .names import canonical_org, clean_name, complete_with_province, expand_abbreviations, province_level
from .resolve import find_organizations, school_units
from .words import KnownName, OrgType, Token, enterprises, known_names, org_types, tokenize

__all__ = [
    "KnownName",
    "OrgType",
    "Token",
    "canonical_org",
    "clean_name",
    "complete_with_province",
    "enterprises",
    "expand_abbreviations",
    "find_organizations",
    "known_names",
    "org_types",
    "province_level",
    "school_units",
    "tokenize",
]
