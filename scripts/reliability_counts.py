"""Run the reliability tests and write their counts into RELIABILITY.md's table.

    .venv/bin/python scripts/reliability_counts.py            # run, then rewrite the table
    .venv/bin/python scripts/reliability_counts.py --check    # run, fail if a named test is missing or failed
    HYPOTHESIS_PROFILE=deep .venv/bin/python scripts/reliability_counts.py   # with the long fuzzing runs

Each row of the table names its tests (file::test, a parametrised test counting once per case);
"tried" is the cases run (for fuzzing: the examples hypothesis ran), "survived" the ones that
passed, "data lost" the failed cases of rows whose tests check what is stored.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "RELIABILITY.md"
START, END = "<!-- counts:start -->", "<!-- counts:end -->"


@dataclass(frozen=True)
class Row:
    """One fault: what is promised, the tests that prove it, and whether they check stored data."""

    fault: str
    promise: str
    tests: tuple[str, ...]  # node ids, without the parameters
    stores: bool = True
    examples: bool = False  # fuzzing: count hypothesis examples, not cases


R = "tests/test_reliability.py::"
S = "tests/test_web_serve.py::"
L = "tests/test_serving_while_ingesting.py::"
F = "tests/test_fuzz.py::"
ROWS = [
    Row("Bad input: empty file, random bytes with each suffix, truncated .docx, .docx zip bomb, encrypted PDF, "
        "200 MB text, NUL bytes",
        "failed with one line in `ingest_errors` naming the file and the remedy; the batch goes on; nothing stored "
        "is touched; the size caps are the readers'",
        (R + "test_a_bad_file_is_failed_with_the_readers_one_line", R + "test_the_batch_goes_on_and_says_so",
         R + "test_the_size_limit_and_the_zip_bomb_cap_are_the_readers", R + "test_a_size_limit_can_be_set")),
    Row("Paths that are no file: symlink loop, named pipe, a name that is not UTF-8",
        "failed with one line naming the path and the remedy, the walk goes on",
        (R + "test_a_path_that_is_no_file_is_failed_with_one_line",)),
    Row("Odd but readable: .docx named .txt, PDF named .html, NUL bytes and invalid UTF-8 inside text",
        "read by their content and stored; NUL never reaches the database, invalid bytes become U+FFFD",
        (R + "test_odd_but_readable_files_are_stored", R + "test_nul_bytes_and_invalid_utf8_never_reach_the_database")),
    Row("Duplicate files under two names", "stored once, both paths recorded",
        (R + "test_duplicates_under_two_names_are_stored_once_with_both_paths",)),
    Row("Unreadable permissions (a file, a folder)",
        "failed with the remedy (read permission or --exclude); a folder listed again clears its error",
        (R + "test_unreadable_files_and_folders_are_failed", R + "test_a_folder_listed_again_clears_its_error")),
    Row("A file that hangs its parser, kills its worker, or meets a bug",
        "failed alone (`TimedOut`, `WorkerCrashed`, `InternalError`) within the time limit; the other files stored",
        (R + "test_a_file_that_hangs_or_kills_its_worker_fails_alone",)),
    Row("`miner ingest` killed with SIGKILL inside a document (3 points) and after commits (2 points)",
        "`PRAGMA integrity_check` ok, no document half-stored, the next run ends with the counts of an "
        "uninterrupted one",
        (R + "test_an_ingest_killed_at_any_point_loses_nothing",)),
    Row("Serving while ingesting: `miner serve` under concurrent clients while `miner ingest` writes (WAL)",
        "every request answered 200 (no 5xx), no \"database is locked\" in any answer or log, the ingest completes "
        "with its counts and the server sees them",
        (L + "test_the_database_is_in_wal_mode", L + "test_the_ingest_completes_with_the_expected_counts",
         L + "test_the_ingest_wrote_while_the_clients_were_served", L + "test_every_request_is_answered_without_an_error",
         L + "test_database_is_locked_appears_nowhere", L + "test_the_server_sees_what_the_ingest_committed",
         L + "test_latency_is_reported_and_sane")),
    Row("Serving on another address", "127.0.0.1 unless a password hash (MINER_PASSWORD_HASH) or `--public`, "
        "which the help warns about; a refusal names the remedies",
        (S + "test_serve_binds_localhost_unless_a_password_or_public",
         S + "test_the_help_warns_about_public_and_says_how_to_make_a_hash", S + "test_a_refusal_names_the_remedies"),
        stores=False),
    Row("Visitors without the password", "sent to /-/login on every page; the admin's login works, a wrong "
        "password does not; the hash is never shown; a password that is no hash is refused",
        (S + "test_with_a_password_anonymous_visitors_are_sent_to_the_login",
         S + "test_with_a_password_the_logged_in_admin_sees_every_page",
         S + "test_the_login_accepts_the_password_whose_hash_is_in_the_environment",
         S + "test_the_hash_is_not_shown_in_the_metadata", S + "test_make_datasette_refuses_a_password_that_is_no_hash"),
        stores=False),
    Row("Arbitrary and endless SQL", "`--no-sql` refuses it and keeps canned queries, tables and pages; a query "
        "stops after 3 s",
        (S + "test_no_sql_refuses_arbitrary_sql", S + "test_no_sql_keeps_canned_queries_tables_and_pages",
         S + "test_a_query_longer_than_the_time_limit_is_stopped"), stores=False),
    Row("Script in document text; bad page parameters", "escaped on every page that shows document text; bad "
        "parameters get a 400/404 that says why, never a 500",
        (S + "test_every_page_showing_document_text_escapes_it",
         "tests/test_web_pages.py::test_pages_refuse_bad_parameters_without_a_server_error",
         "tests/test_web_pages.py::test_a_bad_parameter_is_explained_in_the_page"), stores=False),
    Row("Fuzzing the normaliser: any Unicode and Vietnamese-looking text",
        "`fold` idempotent and length-preserving, `fold_key` idempotent, `modern_tones` idempotent and only moves "
        "tone marks, `clean_text` NFC without controls and idempotent",
        (F + "test_fold_is_idempotent_and_length_preserving", F + "test_fold_key_is_idempotent",
         F + "test_modern_tones_is_idempotent_and_only_moves_tone_marks",
         F + "test_clean_text_gives_nfc_text_without_controls_and_is_idempotent"), stores=False, examples=True),
    Row("Fuzzing the extractors: `build_record`, each `find_*` alone, the text finders",
        "never raise; every span names a paragraph, lies inside it and equals `text[start:end]`; `to_dict()` is JSON",
        (F + "test_build_record_never_raises_and_its_spans_are_slices",
         F + "test_each_extractor_alone_never_raises_and_its_spans_are_slices",
         F + "test_offsets_found_in_a_text_lie_inside_it"), stores=False, examples=True),
    Row("Fuzzing the readers: junk bytes (random, zip, %PDF, OLE, HTML, BOMs) with each suffix",
        "a `MinerError` subclass or a document of numbered NFC paragraphs, nothing else",
        (F + "test_readers_on_junk_raise_only_miner_errors",), stores=False, examples=True),
    Row("Found beside the fuzzing (fragments repeated in one long paragraph), then fixed: "
        "~1000 body names in a row; 100 awards in one paragraph without '.' or ';'",
        "stored like any text: a chain of bodies read inside one another stops at 12 (no RecursionError); "
        "the grantor before an award is searched in a bounded window (linear time)",
        (F + "test_a_thousand_body_names_in_a_row",
         F + "test_a_hundred_awards_in_one_paragraph_take_well_under_a_second_each"), stores=False),
]


@dataclass(frozen=True)
class Case:
    node: str  # file::test, without the parameters
    outcome: str  # "passed", "failed", "skipped" or "xfailed"
    properties: dict[str, str]


def run_tests(junit: Path, extra: list[str]) -> tuple[int, str]:
    """Run the reliability files once; (exit status, pytest's output)."""
    nodes = list(dict.fromkeys(test for row in ROWS for test in row.tests))
    cmd = [sys.executable, "-m", "pytest", *nodes, "-q", "-p", "no:cacheprovider", f"--junitxml={junit}", "-o", "junit_family=xunit1",
           "--hypothesis-show-statistics", *extra]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


def read_cases(junit: Path) -> list[Case]:
    cases = []
    for tc in ET.parse(junit).getroot().iter("testcase"):
        node = tc.get("classname", "").replace(".", "/") + ".py::" + re.sub(r"\[.*\]$", "", tc.get("name", ""))
        outcome = "passed"
        for child in tc:
            if child.tag in ("failure", "error"):
                outcome = "failed"
            elif child.tag == "skipped":
                outcome = "xfailed" if child.get("type") == "pytest.xfail" else "skipped"
        props = {p.get("name"): p.get("value") for p in tc.iter("property")}
        cases.append(Case(node, outcome, props))
    return cases


_STATS_HEADER_RE = re.compile(r"^(tests/\S+?\.py::[\w]+)(?:\[[^\]]*\])?:\s*$")
_EXAMPLES_RE = re.compile(r"- (\d+) passing(?: examples)?, (\d+) failing")


def examples_per_test(output: str) -> dict[str, tuple[int, int]]:
    """(passing, failing) hypothesis examples of each test node, summed over its cases and phases."""
    counts: dict[str, tuple[int, int]] = {}
    node = None
    for line in output.splitlines():
        if m := _STATS_HEADER_RE.match(line.strip()):
            node = m.group(1)
        elif node and (m := _EXAMPLES_RE.search(line)):
            ok, bad = counts.get(node, (0, 0))
            counts[node] = (ok + int(m.group(1)), bad + int(m.group(2)))
    return counts


def table(cases: list[Case], examples: dict[str, tuple[int, int]]) -> tuple[str, list[str]]:
    """The markdown table of counts, and the problems (named tests missing or failing)."""
    problems: list[str] = []
    lines = ["| fault | promised behaviour | proved by | tried | survived | data lost |", "| --- | --- | --- | ---: | ---: | ---: |"]
    totals = {False: [0, 0, 0], True: [0, 0, 0]}  # test cases, fuzzing examples
    for row in ROWS:
        mine = [c for c in cases if c.node in row.tests]
        for test in row.tests:
            ran = [c for c in mine if c.node == test]
            if not ran:
                problems.append(f"{test}: not found")
            problems += [f"{test}: {c.outcome}" for c in ran if c.outcome in ("failed", "skipped")]
        if row.examples:
            tried = sum(sum(examples.get(t, (0, 0))) for t in row.tests)
            survived = sum(examples.get(t, (0, 0))[0] for t in row.tests)
            problems += [f"{t}: no hypothesis statistics" for t in row.tests if t not in examples]
        else:
            tried = len(mine)
            survived = sum(1 for c in mine if c.outcome == "passed")
        lost = tried - survived if row.stores else None
        tests = "<br>".join(f"`{t}`" for t in row.tests)
        lines.append(f"| {row.fault} | {row.promise} | {tests} | {tried} | {survived} | "
                     f"{'—' if lost is None else lost} |")
        for i, n in enumerate((tried, survived, lost or 0)):
            totals[row.examples][i] += n
    for examples, what in ((False, "test cases"), (True, "fuzzing examples")):
        tried, survived, lost = totals[examples]
        lines.append(f"| **total: {what}** | | | **{tried}** | **{survived}** | **{lost}** |")
    return "\n".join(lines), problems


def load_figures(cases: list[Case]) -> str:
    """The load test's figures, from the properties it recorded."""
    props = next((c.properties for c in cases if c.node == L + "test_latency_is_reported_and_sane"), {})
    if not props:
        return "Load test: no figures (it did not run)."
    return (f"Load test: {props['requests']} requests ({props['per_second']}/s), p50 {props['p50_ms']} ms, "
            f"p95 {props['p95_ms']} ms, max {props['max_ms']} ms, {props['errors']} errors.")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check: leave RELIABILITY.md as it is")
    args, extra = ap.parse_known_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        code, output = run_tests(junit, extra)
        if not junit.is_file():
            print(output, file=sys.stderr)
            return 2
        cases = read_cases(junit)
    counts, problems = table(cases, examples_per_test(output))
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    profile = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    block = (f"{START}\n{counts}\n\n{load_figures(cases)} Hypothesis profile: {profile}. "
             f"pytest: {summary.strip('= ')}\n{END}")
    if not args.check:
        text = DOC.read_text(encoding="utf-8")
        if START not in text or END not in text:
            print(f"{DOC.name} has no {START} ... {END} block", file=sys.stderr)
            return 2
        DOC.write_text(re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S),
                       encoding="utf-8")
    print(block)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems or code != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
