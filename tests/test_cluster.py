"""Ingest on a Dask cluster (miner/cluster.py): the same database as the local workers, row for row;
a worker killed mid-task changes nothing; a file that kills every worker it meets is failed; a lost
scheduler ends the run with one line and nothing half-written."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from miner import store
from miner.cli import cli
from miner.ingest import SPLIT_PAGES, Options, PageTask, Task, ingest, process_task
from miner.readers import ReadOptions
from miner.readers.ocr import tesseract_available
from miner.readers.pdf import ScanPage, scan_pages
from miner.store import open_db

from .conftest import ROOT, SEED

pytestmark = pytest.mark.slow  # make test-fast skips it

SHARED = ROOT.parent / "shared" / "corpus"
DEV_DOCS = SHARED / "docs"
RAW = SHARED / "raw"


def contents(db_path: Path) -> dict[str, list[tuple]]:
    db = open_db(db_path)
    try:
        return store.contents(db)
    finally:
        db.close()


def run(folders: list[Path], db_path: Path, options: Options, process=process_task) -> str:
    db = open_db(db_path)
    try:
        return ingest(db, folders, options=options, process=process).line()
    finally:
        db.close()


def small_archive(folder: Path, count: int = 12) -> Path:
    """`count` distinct reports, each the seed with its own appendix."""
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(count):
        appendix = f"\n\nPhụ lục {i + 1}: Quyết định số {200 + i}/QĐ-UBND ngày {i + 1}/4/2022 về việc tặng Bằng khen.\n"
        (folder / f"bao-cao-{i:02d}.txt").write_text(seed + appendix, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- the same rows


def record_pages(task):
    """process_task, and a mark in $MINER_TEST_MARKS for each scanned page OCR'd as a task of its own."""
    if isinstance(task, PageTask):
        Path(os.environ["MINER_TEST_MARKS"], f"{Path(task.path).name}.{task.page}").write_text("")
    return process_task(task)


@pytest.mark.skipif(not DEV_DOCS.is_dir(), reason="the dev corpus (../shared/corpus/docs) is not beside the repo")
def test_dask_local_gives_the_rows_of_local_workers_on_the_dev_corpus_and_raw_scans(tmp_path, monkeypatch):
    """`--dask local:2`, `--workers 2` and `--workers 0` on the real documents: every table, the
    full-text index and the errors table equal, row for row (ids included). With workers, the raw
    scans' pages are OCR'd a task each (marks say so) and assembled into the same documents."""
    folders = [DEV_DOCS, *([RAW] if RAW.is_dir() else [])]
    lines, marks = {}, {}
    for name, options in [
        ("alone", Options(workers=0)),
        ("workers", Options(workers=2)),
        ("dask", Options(dask="local:2")),
    ]:
        (tmp_path / name).mkdir()
        monkeypatch.setenv("MINER_TEST_MARKS", str(tmp_path / name))
        lines[name] = run(folders, tmp_path / f"{name}.db", options, process=record_pages)
        marks[name] = sorted(p.name for p in (tmp_path / name).iterdir())
    assert lines["dask"] == lines["workers"] == lines["alone"]
    assert (
        int(lines["alone"].split()[1].rstrip(",")) >= 30
    )  # "ingested N, ...": the 30 dev documents and the raw files read
    expected = contents(tmp_path / "alone.db")
    assert contents(tmp_path / "workers.db") == expected
    assert contents(tmp_path / "dask.db") == expected
    assert len(expected["documents"]) >= 30 and len(expected[store.FTS_TABLE]) == len(expected["paragraphs"])
    if RAW.is_dir() and tesseract_available():  # scans of SPLIT_PAGES pages or more split, the others read whole
        scans = {path.name: scan_pages(path.read_bytes()) for path in RAW.glob("*.pdf")}
        split = sorted(f"{name}.{page}" for name, pages in scans.items() if len(pages) >= SPLIT_PAGES for page in pages)
        assert len(split) >= 10 and any(0 < len(pages) < SPLIT_PAGES for pages in scans.values())
        assert marks["alone"] == [] and marks["workers"] == marks["dask"] == split


def test_the_command_takes_dask_local(tmp_path):
    """`miner ingest ARCHIVE --dask local:2` as a user runs it: the summary of `--workers 2` and its rows."""
    from click.testing import CliRunner

    archive = small_archive(tmp_path / "archive", 6)
    (archive / "hỏng.docx").write_bytes(b"PK\x03\x04 not a zip")
    runner = CliRunner()
    dask = runner.invoke(cli, ["ingest", str(archive), "--db", str(tmp_path / "d.db"), "--dask", "local:2"])
    local = runner.invoke(cli, ["ingest", str(archive), "--db", str(tmp_path / "w.db"), "--workers", "2"])
    assert (dask.exit_code, dask.stdout) == (1, "ingested 6, unchanged 0, failed 1, skipped 0\n")
    assert (local.exit_code, local.stdout) == (dask.exit_code, dask.stdout)
    assert contents(tmp_path / "d.db") == contents(tmp_path / "w.db")


def test_dask_shared_workers_read_the_files_themselves(tmp_path):
    archive = small_archive(tmp_path / "archive", 4)
    assert run([archive], tmp_path / "s.db", Options(dask="local:1", dask_shared=True)) == (
        "ingested 4, unchanged 0, failed 0, skipped 0"
    )
    assert run([archive], tmp_path / "w.db", Options(workers=1)) == "ingested 4, unchanged 0, failed 0, skipped 0"
    assert contents(tmp_path / "s.db") == contents(tmp_path / "w.db")


# ---------------------------------------------------------------- faults


def dask_worker() -> int:
    """The Dask worker running this miner worker: its parent, or the parent of the server process
    it was forked from (miner/workers.py)."""
    pid = os.getppid()
    if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
        pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return pid


def kill_the_dask_worker_once(task: Task):
    """On the file named "giết-một-lần": kill the Dask worker running the task the first time only;
    a mark file says it was done."""
    if Path(task.path).name.startswith("giết-một-lần"):
        mark = Path(task.path).with_name(".killed")
        if not mark.exists():
            mark.write_text("")
            os.kill(dask_worker(), signal.SIGKILL)
            time.sleep(30)  # the kernel ends this process with the Dask worker
    if Path(task.path).name.startswith("giết-mãi"):
        os.kill(dask_worker(), signal.SIGKILL)
        time.sleep(30)
    return process_task(task)


def test_a_worker_killed_mid_task_changes_nothing(tmp_path):
    """A LocalCluster worker killed while it reads a file: its task runs again on another, and the
    database equals a clean run's."""
    archive = small_archive(tmp_path / "archive")
    (archive / "giết-một-lần.txt").write_text(
        SEED.read_text(encoding="utf-8") + "\n\nPhụ lục cuối.\n", encoding="utf-8"
    )
    killed = run([archive], tmp_path / "killed.db", Options(dask="local:2"), process=kill_the_dask_worker_once)
    assert (archive / ".killed").exists()
    clean = run([archive], tmp_path / "clean.db", Options(workers=2))
    assert killed == clean == "ingested 13, unchanged 0, failed 0, skipped 0"
    assert contents(tmp_path / "killed.db") == contents(tmp_path / "clean.db")


def test_a_file_that_kills_every_worker_is_failed_after_three(tmp_path):
    archive = small_archive(tmp_path / "archive", 3)
    (archive / "giết-mãi.txt").write_text("Báo cáo số 9/BC-UBND năm 2022.", encoding="utf-8")
    line = run([archive], tmp_path / "t.db", Options(dask="local:2"), process=kill_the_dask_worker_once)
    assert line == "ingested 3, unchanged 0, failed 1, skipped 0"
    path = str(archive / "giết-mãi.txt")
    assert sqlite3.connect(tmp_path / "t.db").execute(
        "select path, error_class, message from ingest_errors"
    ).fetchall() == [
        (
            path,
            "WorkerCrashed",
            f"{path}: the Dask workers running it died 3 times (re-save or re-export the file; "
            "if it opens fine elsewhere, report it to miner's developers with the file)",
        ),
    ]


def kill_the_dask_worker_on_page_two(task):
    """Page 2 of a split PDF named "giết-mãi*" kills the Dask worker running it, every time; the
    other pages are read as blank, without OCR."""
    if isinstance(task, PageTask):
        if task.page == 1 and Path(task.path).name.startswith("giết-mãi"):
            os.kill(dask_worker(), signal.SIGKILL)
            time.sleep(30)
        return ScanPage(task.page, (), 842.0)
    return process_task(task)


@pytest.mark.skipif(not tesseract_available(), reason="Tesseract with the Vietnamese model is not installed")
def test_a_page_that_kills_every_worker_fails_its_file_with_the_page(tmp_path):
    archive = small_archive(tmp_path / "archive", 2)
    shutil.copy(ROOT / "tests" / "data" / "features.pdf", archive / "giết-mãi.pdf")
    options = Options(dask="local:2", read=ReadOptions(ocr="always"))
    line = run([archive], tmp_path / "t.db", options, process=kill_the_dask_worker_on_page_two)
    assert line == "ingested 2, unchanged 0, failed 1, skipped 0"
    path = str(archive / "giết-mãi.pdf")
    # The page named is the one Dask's scheduler gave up on: page 2, or page 1 when it was queued on
    # each worker page 2 killed (the scheduler counts a death against every task a worker held).
    rows = sqlite3.connect(tmp_path / "t.db").execute("select path, error_class, message from ingest_errors").fetchall()
    assert rows in [
        [
            (
                path,
                "WorkerCrashed",
                f"{path}: page {page} of 2: the Dask workers running it died 3 times (re-save or re-export "
                "the file; if it opens fine elsewhere, report it to miner's developers with the file)",
            )
        ]
        for page in (2, 1)
    ], rows


LOST = """
import sys, time
from pathlib import Path
from miner.ingest import Options, ingest, process_task
from miner.store import open_db
from miner.errors import MinerError
from tests.test_cluster import slowly

if __name__ == "__main__":
    db = open_db(sys.argv[2])
    try:
        print(ingest(db, [Path(sys.argv[1])], options=Options(dask=sys.argv[3], batch_documents=2), process=slowly).line())
    except MinerError as exc:
        print(exc.one_line())
        sys.exit(2)
"""


def slowly(task: Task):
    time.sleep(0.4)
    return process_task(task)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


def test_a_lost_scheduler_ends_the_run_with_one_line_and_nothing_half_written(tmp_path):
    """`dask scheduler` and a `dask worker` of their own; the scheduler killed while the ingest runs:
    the run ends with ClusterLost's line, the database is sound, and the next run finishes the job."""
    archive = small_archive(tmp_path / "archive", 40)
    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("the dask command is not installed beside this Python")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    scheduler_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen(
        [
            str(dask),
            "scheduler",
            "--scheduler-file",
            str(scheduler_file),
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--dashboard-address",
            "127.0.0.1:0",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    procs = [scheduler]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        procs.append(
            subprocess.Popen(
                [str(dask), "worker", address, "--nthreads", "1", "--nworkers", "1"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        db_path = tmp_path / "t.db"
        client = subprocess.Popen(
            [sys.executable, "-c", LOST, str(archive), str(db_path), address],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        procs.append(client)
        deadline = time.monotonic() + 120
        stored = 0
        while stored < 4 and client.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
                stored = conn.execute("select count(*) from documents").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                pass
        assert stored >= 4
        scheduler.kill()
        out, err = client.communicate(timeout=120)
    finally:
        for proc in procs:
            stop(proc)
    assert client.returncode == 2
    assert out.strip().endswith(
        "lost the Dask scheduler (FuturesCancelledError) (what was written is kept, each document whole: check that "
        "`dask scheduler` runs at that address and that this machine reaches it, then run the same command again to go on)"
    ), (out, err[-2000:])
    assert "Traceback" not in out
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
    half = conn.execute(
        "select count(*) from documents d where chars != (select coalesce(sum(length(text)), 0) "
        "from paragraphs p where p.document_id = d.id)"
    ).fetchone()[0]
    written = conn.execute("select count(*) from documents").fetchone()[0]
    conn.close()
    assert half == 0 and 4 <= written < 40
    assert (
        run([archive], db_path, Options(workers=1))
        == f"ingested {40 - written}, unchanged {written}, failed 0, skipped 0"
    )
    assert contents(db_path)["paragraphs"] == contents_of_clean(archive, tmp_path)["paragraphs"]


def contents_of_clean(archive: Path, tmp_path: Path) -> dict:
    run([archive], tmp_path / "clean.db", Options(workers=0))
    return contents(tmp_path / "clean.db")


def test_an_address_without_a_scheduler_is_one_line(tmp_path):
    from click.testing import CliRunner

    archive = small_archive(tmp_path / "archive", 1)
    result = CliRunner().invoke(
        cli,
        ["ingest", str(archive), "--db", str(tmp_path / "t.db"), "--dask", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert "Traceback" not in result.output
