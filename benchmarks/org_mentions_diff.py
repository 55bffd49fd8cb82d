"""The organisation mentions one run of benchmarks/public_orgs.py has and another has not, with the
words around each, to read what a change removes or adds across the archive (a seeded sample of
them when there are many), and judge how many of the removed were right.

    python benchmarks/public_orgs.py --save /tmp/old.jsonl          # on the old code
    python benchmarks/public_orgs.py --save /tmp/new.jsonl          # on the new code
    python benchmarks/org_mentions_diff.py /tmp/old.jsonl /tmp/new.jsonl [--sample 60] [--seed 7]

A mention is its document, paragraph, text and the words right before it, so one moved or
renamed counts as one gone and one new.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

Key = tuple[str, int, str, str]


def mentions(path: Path) -> dict[Key, tuple[str, str, str]]:
    """(document, paragraph, text, words before) -> (organisation's name, words before, words after)."""
    out: dict[Key, tuple[str, str, str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for org in record["orgs"]:
                for m in org["mentions"]:
                    out[(record["name"], m["seq"], m["text"], m["before"][-15:])] = (
                        org["name"],
                        m["before"],
                        m["after"],
                    )
    return out


def show(kind: str, keys: list[Key], found: dict[Key, tuple[str, str, str]], sample: int, seed: int) -> None:
    picked = sorted(keys if len(keys) <= sample else random.Random(seed).sample(keys, sample))
    print(f"\n{kind}: {len(keys)}" + (f" (a sample of {sample}, seed {seed})" if len(keys) > sample else ""))
    for key in picked:
        name, before, after = found[key]
        print(f"  {key[0][:8]} p{key[1]} …{before[-40:]}[{key[2]}]{after[:40]} -> {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--sample", type=int, default=60, help="at most this many of each list (default 60)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    old, new = mentions(args.old), mentions(args.new)
    gone = [k for k in old if k not in new]
    added = [k for k in new if k not in old]
    print(f"mentions: {len(old)} -> {len(new)}; gone {len(gone)}, new {len(added)}")
    show("gone", gone, old, args.sample, args.seed)
    show("new", added, new, args.sample, args.seed)


if __name__ == "__main__":
    main()
