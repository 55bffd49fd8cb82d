"""End to end: the extractor over the shared dev set, scored by the shared scorer, must meet
the floors of issue 3. Skipped when ../shared is absent."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from miner.pipeline import build_record
from miner.readers import read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DOCS, GOLD, SCORER = SHARED / "corpus" / "docs", SHARED / "corpus" / "gold", SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(
    not (DOCS.is_dir() and GOLD.is_dir() and SCORER.is_file()),
    reason=f"the shared dev corpus and scorer are not at {SHARED}",
)

F1_FLOORS = {
    "legal_refs": 0.95,
    "organizations": 0.90,
    "persons": 0.95,
    "locations": 0.90,
    "emulation_groups": 0.90,
    "awards": 0.85,
    "award_types": 0.90,
}
ACCURACY_FLOORS = {"kind": 0.9, "year": 0.9, "signer": 0.9, "legal_refs.issued_date": 0.9}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred = tmp_path_factory.mktemp("pred")
    for path in sorted(DOCS.iterdir()):
        record = build_record(read_document(path))
        (pred / f"{path.stem}.json").write_text(json.dumps(record.to_dict(), ensure_ascii=False))
    return scorer.score_docs(GOLD, pred)


@pytest.mark.parametrize("field", sorted(F1_FLOORS))
def test_field_f1_meets_floor(scores, field):
    got = scores["fields"][field]
    assert got["f1"] >= F1_FLOORS[field], f"{field}: {got}"


@pytest.mark.parametrize("name", sorted(ACCURACY_FLOORS))
def test_attribute_accuracy_meets_floor(scores, name):
    assert scores["attributes"][name] >= ACCURACY_FLOORS[name]


def test_every_dev_document_was_scored(scores):
    assert scores["documents"] == len(list(GOLD.glob("*.json")))
