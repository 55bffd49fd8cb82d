"""Award types (the Law on Emulation and Commendation's taxonomy) and award events.

`find_award_types` names every canonical award a document mentions (taxonomy.py: data/award_types.tsv,
written as in data/award_variants.tsv). `find_awards` finds who received, or was proposed for, which
award (events.py), and who grants it (grantors.py). The words around awards that these modules look
for are data/award_words.tsv and data/grantor_offices.tsv (words.py).
"""

from .events import find_awards
from .grantors import grantor_name
from .taxonomy import AwardMention, AwardType, award_mentions, award_types, find_award_types, match_award_types

__all__ = [
    "AwardMention",
    "AwardType",
    "award_mentions",
    "award_types",
    "find_award_types",
    "find_awards",
    "grantor_name",
    "match_award_types",
]
