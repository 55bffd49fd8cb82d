"""The spaCy component against `miner extract`, per character, on the same real documents.

    python benchmarks/spacy_speed.py [--docs DIR ...] [--rounds 3] [--command]

`miner extract` is timed as it works in-process: read_document(path) + build_record(doc) +
to_dict(), file by file (and, with --command, as the command runs: a process a file). The component
is timed alone (on texts already tokenized) and as a researcher runs it: `nlp.pipe(texts)` over the
files' texts, in a fresh spacy.blank("vi") + add_pipe("miner"), once with pyvi hidden (syllable
tokens) and once with pyvi (word tokens) when it is installed. The runs alternate, --rounds times, and each keeps its best
round (the machine is shared); miner's caches of texts are emptied before each run, as for new
documents. Printed: characters per second of each and the ratio to extract (above 1: the component
is faster per character), and how the component's spans compare with the records' mentions.
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402


def blank(pyvi: bool):
    """spacy.blank("vi") + the miner component; without pyvi, as if it were not installed."""
    import spacy

    saved = sys.modules.get("pyvi", ...)
    if not pyvi:
        sys.modules["pyvi"] = None  # type: ignore[assignment]
    try:
        nlp = spacy.blank("vi")
    finally:
        if not pyvi:
            if saved is ...:
                del sys.modules["pyvi"]
            else:
                sys.modules["pyvi"] = saved
    nlp.add_pipe("miner")
    return nlp


def has_pyvi() -> bool:
    try:
        from pyvi import ViTokenizer  # noqa: F401
    except ImportError:
        return False
    return True


def forget_texts() -> None:
    """Empty miner's caches of texts (paragraphs, names, places: lru_caches of 1,024 entries or
    more, and the text caches), as for documents never seen; the data files stay loaded."""
    from miner.normalize import clear_text_caches

    clear_text_caches()
    for name, module in list(sys.modules.items()):
        if not name.startswith("miner") or module is None:
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and (info().maxsize is None or info().maxsize >= 1024):
                value.cache_clear()


def time_extract(paths: list[Path]) -> float:
    forget_texts()
    start = time.perf_counter()
    for path in paths:
        build_record(read_document(path)).to_dict()
    return time.perf_counter() - start


def time_component(nlp, texts: list[str]) -> float:
    """The miner component alone, on texts the pipeline's tokenizer has cut beforehand."""
    docs = [nlp.make_doc(t) for t in texts]
    component = nlp.get_pipe("miner")
    forget_texts()
    start = time.perf_counter()
    for _ in component.pipe(docs):
        pass
    return time.perf_counter() - start


def time_command(paths: list[Path]) -> float:
    """`miner extract FILE --json`, one process a file, as the command is used."""
    import shutil
    import subprocess

    miner = shutil.which("miner", path=str(Path(sys.executable).parent)) or "miner"
    start = time.perf_counter()
    for path in paths:
        subprocess.run([miner, "extract", str(path), "--json"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_pipe(nlp, texts: list[str]) -> float:
    forget_texts()
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def compare_spans(nlp, paths: list[Path], texts: list[str]) -> tuple[int, int, int]:
    """(mentions of the records, spans holding more than the mention's words (a token reaching past
    it, "NĐ-CP." cut as an abbreviation), spans missing or not holding the mention's words)."""
    from miner.spacy_pipe import record_entries

    total = wider = wrong = 0
    for path, doc in zip(paths, nlp.pipe(texts)):
        record = build_record(read_document(path))
        expected = {
            (label, canonical, _plain(s.text)) for label, _, canonical, spans in record_entries(record) for s in spans
        }
        got = {(s.label_, s._.canonical, _plain(s.text)) for s in doc.spans["miner"]}
        total += len(expected)
        for label, canonical, text in expected:
            if (label, canonical, text) in got:
                continue
            if any(g[:2] == (label, canonical) and text in g[2] for g in got):
                wider += 1
            else:
                wrong += 1
    return total, wider, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--docs", type=Path, nargs="+", default=[SHARED / "corpus" / "docs", SHARED / "corpus" / "new" / "docs"]
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--command", action="store_true", help="also time the command, a process a file (once)")
    args = ap.parse_args(argv)
    paths = sorted(p for d in args.docs for p in d.iterdir() if p.suffix == ".txt")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    runs = {"miner extract (in-process)": lambda: time_extract(paths)}
    nlp_syllables = blank(pyvi=False)
    runs["the miner component alone"] = lambda: time_component(nlp_syllables, texts)
    runs["nlp.pipe, syllables (no pyvi)"] = lambda: time_pipe(nlp_syllables, texts)
    if has_pyvi():
        nlp_words = blank(pyvi=True)
        runs["nlp.pipe, pyvi words"] = lambda: time_pipe(nlp_words, texts)
    for run in runs.values():  # warm: imports, data files, models
        run()
    best = {name: float("inf") for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            best[name] = min(best[name], run())
    if args.command:
        best["miner extract FILE --json (a process a file)"] = time_command(paths)
    print(f"{len(paths)} documents, {chars:,} characters; best of {args.rounds} rounds, one core")
    base = chars / best["miner extract (in-process)"]
    for name, seconds in best.items():
        rate = chars / seconds
        print(f"  {name:46} {rate / 1000:7.1f} k chars/s   ratio to in-process extract {rate / base:.2f}")
    total, wider, wrong = compare_spans(nlp_syllables, paths, texts)
    print(
        f"mentions of the records (distinct in a document): {total:,}; spans wider than the mention: "
        f"{wider}; missing or elsewhere: {wrong}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
