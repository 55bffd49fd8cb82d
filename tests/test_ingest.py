"""The ingest loop: walking folders, skipping what is stored, replacing what changed, recording
what cannot be read while the run goes on."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from miner import EXTRACTOR_VERSION, store
from miner.errors import MinerError, UnreadableFile
from miner.ingest import (
    FailedFile,
    Options,
    PageTask,
    ProcessedFile,
    Summary,
    fail_task,
    ingest,
    is_stale,
    iter_files,
    process_file,
    process_task,
)
from miner.normalize import fold
from miner.pipeline import build_record
from miner.readers import ReadOptions, read_document
from miner.readers.ocr import tesseract_available
from miner.readers.pdf import ScanPage
from miner.store import open_db

from .conftest import ROOT, SEED, SEED_NAME

DATA = ROOT / "tests" / "data"

ADDED = (
    "\n\nBáo cáo bổ sung: Kho bạc Nhà nước tỉnh Đắk Nông đề nghị Bộ Tài chính tặng Bằng khen cho "
    "03 tập thể và 05 cá nhân có thành tích xuất sắc năm 2022.\n"
)


def corrupt_docx(path: Path) -> Path:
    """A real .docx cut in half, as a failed download leaves it."""
    import docx

    document = docx.Document()
    document.add_paragraph("Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path


def random_pdf(path: Path) -> Path:
    path.write_bytes(random.Random(7).randbytes(4096))
    return path


def run(db_path: Path, *paths: Path) -> Summary:
    db = open_db(db_path)
    try:
        return ingest(db, paths)
    finally:
        db.close()


def query(db_path: Path, sql: str) -> list[tuple]:
    db = open_db(db_path)
    try:
        return [tuple(r) for r in db.execute(sql).fetchall()]
    finally:
        db.close()


def counts(db_path: Path) -> dict[str, int]:
    db = open_db(db_path)
    try:
        return store.counts(db)
    finally:
        db.close()


def reader_error(path: Path) -> tuple[str, str, str]:
    """What the readers raise for a bad file: the row ingest_errors must hold for it."""
    with pytest.raises(MinerError) as caught:
        read_document(path)
    return (str(path.absolute()), type(caught.value).__name__, caught.value.one_line())


def test_summary_line():
    assert (
        Summary(ingested=3, unchanged=1, failed=0, skipped=2).line() == "ingested 3, unchanged 1, failed 0, skipped 2"
    )


def test_iter_files_walks_folders_in_order_without_hidden_ones(tmp_path):
    for name in ["b/2.txt", "b/1.docx", "a.pdf", ".git/config", "b/.~lock.docx#", "c/d/e.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    single = tmp_path / "b" / "2.txt"
    assert list(iter_files([tmp_path, single])) == [
        tmp_path / "a.pdf",
        tmp_path / "b" / "1.docx",
        tmp_path / "b" / "2.txt",
        tmp_path / "c" / "d" / "e.html",
        single,
    ]


def test_iter_files_leaves_out_excluded_names(tmp_path):
    for name in ["README.md", "bao-cao.md", "nháp/quyet-dinh.docx", "cu.bak/x.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert list(iter_files([tmp_path], exclude=["README.md", "*.bak", "nháp"])) == [tmp_path / "bao-cao.md"]


def test_process_file_reads_hashes_and_extracts(seed):
    result = process_file(seed)
    document = read_document(seed)
    assert result == ProcessedFile(
        file=store.FileState(str(seed.absolute()), seed.stat().st_size, seed.stat().st_mtime),
        sha256=hashlib.sha256(seed.read_bytes()).hexdigest(),
        rows=store.document_rows(document, build_record(document), tuple(fold(p.text) for p in document.paragraphs)),
    )


def test_process_file_turns_input_errors_into_a_failure(tmp_path):
    missing = tmp_path / "mất.txt"
    missing.symlink_to(tmp_path / "nowhere.txt")
    assert process_file(missing) == FailedFile(
        file=store.FileState(str(missing), 0, 0.0),
        error_class="UnreadableFile",
        message=f"{missing}: cannot open it (No such file or directory) "
        "(the file vanished or is a broken symbolic link: check that it exists)",
    )


def test_ingest_then_again_is_unchanged(db_path, seed):
    assert run(db_path, seed).line() == "ingested 1, unchanged 0, failed 0, skipped 0"
    before = counts(db_path)
    assert before["documents"] == 1 and before["paragraphs"] == len(read_document(seed).paragraphs)
    assert run(db_path, seed).line() == "ingested 0, unchanged 1, failed 0, skipped 0"
    assert counts(db_path) == before
    sha = hashlib.sha256(seed.read_bytes()).hexdigest()
    assert query(db_path, "select id, path from documents") == [(sha, str(seed.absolute()))]


def test_a_touched_file_is_unchanged_and_not_extracted_again(db_path, archive, monkeypatch):
    path = archive / SEED_NAME
    run(db_path, archive)
    os.utime(path, (1700000000, 1700000000))
    monkeypatch.setattr("miner.ingest.build_record", lambda doc: pytest.fail("extracted again"))
    assert run(db_path, archive).line() == "ingested 0, unchanged 1, failed 0, skipped 0"
    assert query(db_path, "select mtime from document_paths") == [(1700000000.0,)]


def test_a_changed_file_replaces_its_old_version(db_path, archive):
    path = archive / SEED_NAME
    run(db_path, archive)
    path.write_text(path.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    assert run(db_path, archive).line() == "ingested 1, unchanged 0, failed 0, skipped 0"
    changed = read_document(path)
    assert query(db_path, "select id, path from documents") == [
        (hashlib.sha256(path.read_bytes()).hexdigest(), str(path.absolute()))
    ]
    assert query(db_path, "select seq, text from paragraphs order by id") == [
        (p.seq, p.text) for p in changed.paragraphs
    ]
    assert query(db_path, f"select count(*) from {store.FTS_TABLE}") == [(len(changed.paragraphs),)]


def test_duplicates_under_two_names_are_stored_once(db_path, archive):
    shutil.copy(archive / SEED_NAME, archive / "ban-sao.txt")
    assert run(db_path, archive).line() == "ingested 1, unchanged 1, failed 0, skipped 0"
    assert query(db_path, "select count(*) from documents") == [(1,)]
    assert query(db_path, "select path from document_paths order by path") == [
        (str((archive / name).absolute()),) for name in sorted([SEED_NAME, "ban-sao.txt"])
    ]


def test_bad_files_are_recorded_and_the_run_goes_on(db_path, archive):
    bad = [corrupt_docx(archive / "hỏng.docx"), random_pdf(archive / "ngẫu-nhiên.pdf"), archive / "rỗng.txt"]
    bad[2].write_bytes(b"")
    (archive / "ghi-chú.xyz").write_text("không phải văn bản")
    assert run(db_path, archive).line() == "ingested 1, unchanged 0, failed 3, skipped 1"
    errors = query(db_path, "select path, error_class, message from ingest_errors order by path")
    assert errors == sorted(reader_error(p) for p in bad)
    for path, _, message in errors:
        assert "\n" not in message and message.startswith(path)
    assert query(db_path, "select count(*) from documents") == [(1,)]


def test_a_file_that_turns_bad_keeps_its_stored_version(db_path, archive):
    path = archive / SEED_NAME
    good = path.read_bytes()
    run(db_path, archive)
    before = counts(db_path)
    path.write_bytes(b"")
    assert run(db_path, archive).line() == "ingested 0, unchanged 0, failed 1, skipped 0"
    assert {k: v for k, v in counts(db_path).items() if k != "ingest_errors"} == {
        k: v for k, v in before.items() if k != "ingest_errors"
    }
    assert query(db_path, "select id from documents") == [(hashlib.sha256(good).hexdigest(),)]
    path.write_bytes(good)
    assert run(db_path, archive).line() == "ingested 0, unchanged 1, failed 0, skipped 0"
    assert counts(db_path) == before


def test_on_file_reports_each_outcome(db_path, archive):
    (archive / "rỗng.txt").write_bytes(b"")
    (archive / "ảnh.jpg").write_bytes(b"\xff\xd8\xff")
    seen = []
    db = open_db(db_path)
    ingest(db, [archive], on_file=lambda path, outcome, failure: seen.append((path.name, outcome, failure is None)))
    db.close()
    assert seen == [(SEED_NAME, "ingested", True), ("rỗng.txt", "failed", False), ("ảnh.jpg", "skipped", True)]


# ---------------------------------------------------------------- workers, batches, re-extraction, pruning

CORPUS = SEED.parent


def rows_of(db_path: Path) -> dict[str, list[tuple]]:
    """What a database holds, ids and times left out: documents, their paths and paragraphs."""
    return {
        "documents": query(
            db_path,
            "select id, path, format, title, kind, symbol, year, chars, extractor_version from documents order by id",
        ),
        "paths": query(db_path, "select path, document_id from document_paths order by path"),
        "paragraphs": query(db_path, "select document_id, seq, kind, text from paragraphs order by document_id, seq"),
    }


def test_workers_store_what_one_process_stores(tmp_path):
    """The corpus through two worker processes and in this process: the same rows, the same counts."""
    alone, pooled = tmp_path / "alone.db", tmp_path / "pooled.db"
    db = open_db(alone)
    expected = ingest(db, [CORPUS], exclude=["README.md", "*.py"])
    db.close()
    db = open_db(pooled)
    summary = ingest(db, [CORPUS], exclude=["README.md", "*.py"], options=Options(workers=2, batch_documents=2))
    db.close()
    assert summary == expected
    assert (summary.ingested, summary.failed) == (6, 0)
    assert rows_of(pooled) == rows_of(alone)
    assert counts(pooled) == counts(alone)


def test_copies_in_flight_at_once_are_stored_once(tmp_path, archive):
    """Copies read by two workers at the same time: the second result is linked, not stored again."""
    for name in ("ban-sao-1.txt", "ban-sao-2.txt", "ban-sao-3.txt"):
        shutil.copy(archive / SEED_NAME, archive / name)
    db = open_db(tmp_path / "t.db")
    summary = ingest(db, [archive], options=Options(workers=2))
    db.close()
    assert summary.line() == "ingested 1, unchanged 3, failed 0, skipped 0"
    assert query(tmp_path / "t.db", "select count(*) from documents") == [(1,)]
    assert len(query(tmp_path / "t.db", "select path from document_paths")) == 4


def test_an_unchanged_archive_starts_no_worker(db_path, archive, monkeypatch):
    run(db_path, archive)
    monkeypatch.setattr("miner.workers.Pool._spawn", lambda self: pytest.fail("a worker was started"))
    db = open_db(db_path)
    assert ingest(db, [archive], options=Options(workers=2)).line() == "ingested 0, unchanged 1, failed 0, skipped 0"
    db.close()


def age(db_path: Path, version: str) -> None:
    """Mark every stored document as extracted by extractor `version`."""
    db = open_db(db_path)
    with db.atomic():
        db.execute("update documents set extractor_version = ?", [version])
    db.close()


def test_documents_of_an_older_extractor_are_counted_stale_and_kept(db_path, archive, monkeypatch):
    run(db_path, archive)
    age(db_path, "0")
    monkeypatch.setattr("miner.ingest.build_record", lambda doc: pytest.fail("extracted again"))
    summary = run(db_path, archive)
    assert (summary.line(), summary.stale) == ("ingested 0, unchanged 1, failed 0, skipped 0", 1)
    assert query(db_path, "select extractor_version from documents") == [("0",)]


def test_reextract_reads_each_stale_document_once(db_path, archive, monkeypatch):
    path = archive / SEED_NAME
    shutil.copy(path, archive / "ban-sao.txt")
    run(db_path, archive)
    before = counts(db_path)
    age(db_path, "0")
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or real(self))
    db = open_db(db_path)
    summary = ingest(db, [archive], options=Options(reextract=True))
    db.close()
    assert (summary.line(), summary.stale) == ("ingested 1, unchanged 1, failed 0, skipped 0", 0)
    assert reads == [SEED_NAME]  # the copy holds the document just re-extracted: not read at all
    assert query(db_path, "select extractor_version from documents") == [(EXTRACTOR_VERSION,)]
    assert counts(db_path) == before


@pytest.mark.parametrize(
    "stored, stale",
    [("0", True), ("1", EXTRACTOR_VERSION != "1"), (EXTRACTOR_VERSION, False), ("99", False), (None, False)],
    ids=["older", "one", "current", "newer", "none"],
)
def test_is_stale(stored, stale):
    assert is_stale(stored) is stale


def test_a_deleted_file_keeps_its_rows_unless_pruned(db_path, archive, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "bao-cao.txt").write_text(read_document(SEED).paragraphs[1].text, encoding="utf-8")
    shutil.copy(SEED, archive / "ban-sao.txt")
    (archive / "rỗng.txt").write_bytes(b"")
    run(db_path, archive, other)
    (archive / SEED_NAME).unlink()
    (archive / "rỗng.txt").unlink()
    assert run(db_path, archive).line() == "ingested 0, unchanged 1, failed 0, skipped 0"
    assert len(query(db_path, "select path from document_paths")) == 3
    db = open_db(db_path)
    summary = ingest(db, [archive], options=Options(prune=True))
    db.close()
    assert summary.line() == "ingested 0, unchanged 1, failed 0, skipped 0, pruned 2"
    assert query(db_path, "select path from document_paths order by path") == [
        (str(archive / "ban-sao.txt"),),
        (str(other / "bao-cao.txt"),),
    ]
    assert query(db_path, "select count(*) from documents") == [(2,)]
    seed_id = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert query(db_path, f"select path from documents where id = '{seed_id}'") == [(str(archive / "ban-sao.txt"),)]
    assert query(db_path, "select count(*) from ingest_errors") == [(0,)]
    (archive / "ban-sao.txt").unlink()
    db = open_db(db_path)
    assert ingest(db, [archive], options=Options(prune=True)).pruned == 1
    db.close()
    assert query(db_path, "select path from documents") == [(str(other / "bao-cao.txt"),)]
    assert counts(db_path)["paragraphs"] == 1


def test_batches_commit_as_they_go(db_path, archive):
    """With two documents to a transaction, the third waits for the end of the run."""
    for i in range(3):
        (archive / f"{i}.txt").write_text(f"Báo cáo số {i}/BC-UBND về công tác thi đua năm 2022.", encoding="utf-8")
    seen = []
    db = open_db(db_path)

    def on_file(path, outcome, failure):
        seen.append((path.name, db.conn.in_transaction))

    ingest(db, [archive], on_file=on_file, options=Options(batch_documents=2, batch_seconds=3600))
    assert not db.conn.in_transaction
    db.close()
    assert seen == [("0.txt", True), ("000-khoi5-daknong-2022.txt", False), ("1.txt", True), ("2.txt", False)]


# ---------------------------------------------------------------- a scan's pages as tasks


def misbehave_on_page_two(task):
    """Page 2 of a split PDF hangs on "treo*", kills its worker on "chết*", meets a bug on "lỗi*";
    the other pages are read as blank, without OCR (run in the workers)."""
    if isinstance(task, PageTask):
        name = Path(task.path).name
        if task.page == 1 and name.startswith("treo"):
            time.sleep(3600)
        if task.page == 1 and name.startswith("chết"):
            os.kill(os.getpid(), signal.SIGKILL)
        if task.page == 1 and name.startswith("lỗi"):
            raise ZeroDivisionError("division by zero")
        return ScanPage(task.page, (), 842.0)
    return process_task(task)


@pytest.mark.skipif(not tesseract_available(), reason="Tesseract with the Vietnamese model is not installed")
def test_a_page_that_hangs_or_kills_its_worker_fails_its_file_with_the_page(tmp_path):
    """A PDF's pages OCR'd a task each (--ocr always on a two-page PDF): a page over the time limit,
    one whose process dies and one that meets a bug fail their file, naming the page; the run goes on."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("treo.pdf", "chết.pdf", "lỗi.pdf"):
        shutil.copy(DATA / "features.pdf", archive / name)
    (archive / "tốt.txt").write_text("Báo cáo số 7/BC-UBND về công tác năm 2022.", encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    options = Options(workers=2, timeout=3, read=ReadOptions(ocr="always"))
    summary = ingest(db, [archive], options=options, process=misbehave_on_page_two)
    errors = db.execute("select path, error_class, message from ingest_errors order by path").fetchall()
    db.close()
    assert summary.line() == "ingested 1, unchanged 0, failed 3, skipped 0"
    paths = {name: str(archive / name) for name in ("chết.pdf", "lỗi.pdf", "treo.pdf")}
    assert errors == sorted(
        [
            (
                paths["chết.pdf"],
                "WorkerCrashed",
                f"{paths['chết.pdf']}: page 2 of 2: the process reading it died "
                "(signal SIGKILL) (re-save or re-export the file; if it opens fine elsewhere, report it to miner's "
                "developers with the file)",
            ),
            (
                paths["lỗi.pdf"],
                "InternalError",
                f"{paths['lỗi.pdf']}: page 2 of 2: miner failed on it "
                "(ZeroDivisionError: division by zero) (this is a bug in miner: report it with the file (the traceback "
                "is in the log))",
            ),
            (
                paths["treo.pdf"],
                "TimedOut",
                f"{paths['treo.pdf']}: page 2 of 2: reading and extracting it took over "
                "3 s (check that the file opens in its own application and re-save it; if it is genuine but slow (a long "
                "scan), raise the limit with --timeout)",
            ),
        ]
    )


@pytest.mark.skipif(not tesseract_available(), reason="Tesseract with the Vietnamese model is not installed")
def test_a_split_scan_is_stored_as_read_whole(tmp_path):
    """The two-page test scan through workers (each page a task, OCR'd) and in this process: the same rows."""
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(DATA / "features.pdf", archive / "features.pdf")
    options = ReadOptions(ocr="always")
    for name, workers in (("alone", 0), ("pooled", 2)):
        db = open_db(tmp_path / f"{name}.db")
        assert ingest(db, [archive], options=Options(workers=workers, read=options)).line() == (
            "ingested 1, unchanged 0, failed 0, skipped 0"
        )
        db.close()
    assert rows_of(tmp_path / "pooled.db") == rows_of(tmp_path / "alone.db")
    assert query(tmp_path / "alone.db", "select count(*) from paragraphs")[0][0] >= 5


def say_the_environment(task):
    """Fail every file with the worker's $MINER_TEST_ENV as the reason (run in the workers)."""
    return fail_task(task, UnreadableFile(task.path, os.environ.get("MINER_TEST_ENV", "unset")))


def test_workers_see_the_environment_of_the_moment_they_start(tmp_path, monkeypatch):
    """Workers forked from a server started earlier still get this process's environment as it is
    when they start, as spawned ones would."""
    seen = []
    for value in ("một", "hai"):
        monkeypatch.setenv("MINER_TEST_ENV", value)
        archive = tmp_path / value
        archive.mkdir()
        (archive / "a.txt").write_text("Báo cáo số 1/BC-UBND năm 2022.", encoding="utf-8")
        db = open_db(tmp_path / f"{value}.db")
        ingest(db, [archive], options=Options(workers=1), process=say_the_environment)
        seen += [row[0].split(": ")[1] for row in db.execute("select message from ingest_errors").fetchall()]
        db.close()
    assert seen == [
        "một (check that the file opens in its own application, then re-save or re-export it)",
        "hai (check that the file opens in its own application, then re-save or re-export it)",
    ]


def write_the_environment(task):
    """Write the worker's environment to $MINER_TEST_ENV_FILE as JSON, fail the file (run in the workers)."""
    Path(os.environ["MINER_TEST_ENV_FILE"]).write_text(json.dumps(dict(os.environ)), encoding="utf-8")
    return fail_task(task, UnreadableFile(task.path, "environment written"))


_ENVIRONMENT_OF_A_WORKER = """
import sys
from multiprocessing import get_context
from pathlib import Path

import miner.workers
from miner.ingest import Options, ingest
from miner.store import open_db
from tests.test_ingest import write_the_environment

folder = Path(sys.argv[1])
if sys.argv[2] == "spawn":
    miner.workers._CONTEXT = miner.workers.Child.context = get_context("spawn")
db = open_db(folder / (sys.argv[2] + ".db"))
ingest(db, [folder / "archive"], options=Options(workers=1), process=write_the_environment)
"""


def test_a_forked_worker_has_the_environment_of_a_spawned_one(tmp_path):
    """A worker forked from the server that imported miner (and set, through those imports, such
    variables as KMP_INIT_AT_FORK) has the environment a worker spawned at that moment has: this
    process's, with what the imports add. Run in fresh processes, where no import came before."""
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.txt").write_text("Báo cáo số 1/BC-UBND năm 2022.", encoding="utf-8")
    seen = {}
    for start in ("forkserver", "spawn"):
        environment = {key: value for key, value in os.environ.items() if key != "KMP_INIT_AT_FORK"}
        environment["MINER_TEST_ENV_FILE"] = str(tmp_path / f"{start}.json")
        subprocess.run(
            [sys.executable, "-c", _ENVIRONMENT_OF_A_WORKER, str(tmp_path), start],
            cwd=ROOT,
            env=environment,
            check=True,
            timeout=120,
        )
        seen[start] = json.loads((tmp_path / f"{start}.json").read_text(encoding="utf-8"))
        del seen[start]["MINER_TEST_ENV_FILE"]
    assert seen["forkserver"] == seen["spawn"]
    assert (
        seen["spawn"]["KMP_INIT_AT_FORK"] == "FALSE"
    )  # set by an import (joblib's, through underthesea), not by the test
