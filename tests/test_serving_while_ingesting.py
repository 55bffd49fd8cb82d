"""Serving while ingesting (issue 7, item 3): `miner serve` answers a bounded load of concurrent
requests on 127.0.0.1 while `miner ingest` writes a synthetic archive into the same WAL database:
no 5xx, no "database is locked" anywhere, the ingest completes with its counts; p50/p95 reported.

The CI size is 10 clients for 15 s over 200 documents; the issue's full size is

    MINER_LOAD_CLIENTS=20 MINER_LOAD_SECONDS=20 MINER_LOAD_DOCS=400 \\
        .venv/bin/pytest tests/test_serving_while_ingesting.py -s

The figures are printed and written to tests/artifacts/serving-while-ingesting.json.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT, SEED

pytestmark = pytest.mark.slow  # make test-fast skips it

CLIENTS = int(os.environ.get("MINER_LOAD_CLIENTS", "10"))
SECONDS = float(os.environ.get("MINER_LOAD_SECONDS", "15"))
DOCS = int(os.environ.get("MINER_LOAD_DOCS", "200"))
ARTIFACT = ROOT / "tests" / "artifacts" / "serving-while-ingesting.json"
LOCKED = "database is locked"
P95_SANITY_SECONDS = 10.0  # a very loose bound: the figures are reported, not asserted

# (kind, path) the clients ask for, the database being served as "reports".
REQUESTS = [
    ("table", "/reports/documents"),
    ("table", "/reports/documents.json?_shape=array&_size=20"),
    ("table", "/reports/paragraphs?_size=50"),
    ("table", "/reports/organizations?_sort=name"),
    ("table", "/reports/award_events.json?_facet=year"),
    ("table", "/reports/citations"),
    ("search", "/reports/paragraphs?_search=quyet+dinh+354"),
    ("search", "/reports/paragraphs?_search=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh+354"),  # Quyết định 354
    ("search", "/reports/paragraphs.json?_search=dak+nong+kho+bac"),
    ("search", "/reports/paragraphs?_search=hoa+don+dien+tu"),
    ("search", "/reports/paragraphs?_search=CUC+THUE"),
    ("search", "/reports/paragraphs?_search=b%E1%BA%B1ng+khen"),  # bằng khen
    ("canned", "/reports/tim_kiem?q=kho+bac"),
    ("lookup", "/-/tra-cuu?q=Q%C4%90+354"),  # QĐ 354
    ("lookup", "/-/tra-cuu?q=qd+354+2018"),
    ("lookup", "/-/tra-cuu.json?q=354%2FQ%C4%90-UBND+ng%C3%A0y+12%2F3%2F2018"),  # 354/QĐ-UBND ngày 12/3/2018
    ("lookup", "/-/tra-cuu.csv?danh_sach=354%0A98%2F2023%2FN%C4%90-CP"),
    ("ranked-search", "/-/tim-kiem?q=kho+bac"),
    ("ranked-search", "/-/tim-kiem?q=thi+dua+khen+thuong&nam=2022"),
    ("ranked-search", "/-/tim-kiem.json?q=B%E1%BA%B1ng+khen&tinh=%C4%90%E1%BA%AFk+N%C3%B4ng"),
    ("page", "/-/bieu-do"),
    ("page", "/-/don-vi/1"),
]


@dataclass(frozen=True)
class Answer:
    """One request's outcome: status 0 when no HTTP answer came."""

    kind: str
    path: str
    status: int
    seconds: float
    locked: bool
    error: str = ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def miner_command() -> list[str]:
    """The `miner` console script beside this Python (the venv's), or the same through -c."""
    script = Path(sys.executable).parent / "miner"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from miner.cli import cli; sys.exit(cli())"]


def ask(base: str, kind: str, path: str) -> Answer:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    except OSError as exc:
        return Answer(kind, path, 0, time.perf_counter() - started, False, f"{type(exc).__name__}: {exc}")
    return Answer(kind, path, status, time.perf_counter() - started, LOCKED.encode() in body)


def client(base: str, number: int, until: float, answers: list[Answer]) -> None:
    """Ask for random pages one after another until the deadline."""
    rng = random.Random(number)
    while time.monotonic() < until:
        answers.append(ask(base, *rng.choice(REQUESTS)))


def stored_documents(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("select count(*) from documents").fetchone()[0]
    finally:
        conn.close()


def journal_mode(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def wait_until_served(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"miner serve stopped with {server.returncode}: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail("miner serve did not answer within 90 s")


def stop(proc: subprocess.Popen) -> None:
    """Interrupt a process this test started (and its process group), killing it if it lingers."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def figures(answers: list[Answer], seconds: float) -> dict:
    """Requests, throughput and latency (ms), overall and per kind of page."""

    def summary(group: list[Answer]) -> dict:
        times = [a.seconds * 1000 for a in group]
        return {
            "requests": len(group),
            "p50_ms": round(percentile(times, 50), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "max_ms": round(max(times), 1),
        }

    kinds = sorted({a.kind for a in answers})
    return {
        "clients": CLIENTS,
        "seconds": SECONDS,
        "documents": DOCS,
        **summary(answers),
        "per_second": round(len(answers) / seconds, 1),
        "errors": sum(1 for a in answers if a.status != 200),
        "by_kind": {k: summary([a for a in answers if a.kind == k]) for k in kinds},
    }


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> dict:
    """Serve a database, ingest a synthetic archive into it while clients load the server."""
    tmp = tmp_path_factory.mktemp("load")
    archive, db = tmp / "archive", tmp / "reports.db"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), str(archive), "--docs", str(DOCS), "--seed", "7"],
        check=True,
        capture_output=True,
    )
    miner = miner_command()
    first = subprocess.run(
        [*miner, "ingest", str(SEED), "--db", str(db), "--workers", "0"], capture_output=True, text=True, timeout=300
    )
    assert first.returncode == 0, first.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    logs = {name: tmp / f"{name}.log" for name in ("serve.out", "serve.err", "ingest.out", "ingest.err")}
    files = {name: path.open("w") for name, path in logs.items()}
    server = subprocess.Popen(
        [*miner, "serve", "--db", str(db), "--port", str(port)],
        start_new_session=True,
        stdout=files["serve.out"],
        stderr=files["serve.err"],
    )
    ingesting = None
    try:
        wait_until_served(base, server, logs["serve.err"])
        ingesting = subprocess.Popen(
            [*miner, "ingest", str(archive), "--db", str(db)],
            start_new_session=True,
            stdout=files["ingest.out"],
            stderr=files["ingest.err"],
        )
        before = stored_documents(db)
        answers: list[Answer] = []
        until = time.monotonic() + SECONDS
        threads = [threading.Thread(target=client, args=(base, n, until, answers)) for n in range(CLIENTS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        after = stored_documents(db)
        ingest_running_at_end = ingesting.poll() is None
        ingesting.wait(timeout=600)
        with urllib.request.urlopen(
            base + "/reports.json?sql=select+count(*)+as+n+from+documents&_shape=array", timeout=60
        ) as response:
            served_documents = json.loads(response.read())[0]["n"]
    finally:
        stop(server)
        if ingesting is not None:
            stop(ingesting)
        for f in files.values():
            f.close()
    result = {
        "answers": answers,
        "before": before,
        "after": after,
        "ingest_running_at_end": ingest_running_at_end,
        "ingest_code": ingesting.returncode,
        "served_documents": served_documents,
        "stored_documents": stored_documents(db),
        "journal_mode": journal_mode(db),
        "logs": {name: path.read_text(errors="replace") for name, path in logs.items()},
        "figures": figures(answers, elapsed),
    }
    report = {
        **result["figures"],
        "documents_committed_during_load": after - before,
        "ingest_running_at_end_of_load": ingest_running_at_end,
    }
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print("\nserving while ingesting:", json.dumps(report, indent=2))
    return result


def test_the_database_is_in_wal_mode(run):
    assert run["journal_mode"] == "wal"


def test_the_ingest_completes_with_the_expected_counts(run):
    assert (run["ingest_code"], run["logs"]["ingest.out"]) == (
        0,
        f"ingested {DOCS}, unchanged 0, failed 0, skipped 0\n",
    )
    assert run["stored_documents"] == DOCS + 1  # the seed served from the start, and the archive


def test_the_ingest_wrote_while_the_clients_were_served(run):
    assert run["after"] > run["before"], "no document was committed during the load: make MINER_LOAD_DOCS larger"


def test_every_request_is_answered_without_an_error(run):
    failed = [a for a in run["answers"] if a.status != 200]
    assert len(run["answers"]) >= CLIENTS
    assert failed == []


def test_database_is_locked_appears_nowhere(run):
    assert [a for a in run["answers"] if a.locked] == []
    for name, text in run["logs"].items():
        assert LOCKED not in text, name
        assert "Traceback" not in text, name


def test_the_server_sees_what_the_ingest_committed(run):
    assert run["served_documents"] == DOCS + 1


def test_latency_is_reported_and_sane(run, record_property):
    fig = run["figures"]
    for key in ("requests", "per_second", "p50_ms", "p95_ms", "max_ms", "errors"):
        record_property(key, fig[key])
    assert ARTIFACT.is_file()
    assert 0 < fig["p50_ms"] <= fig["p95_ms"] < P95_SANITY_SECONDS * 1000
