"""Bad input and crashes, end to end through `miner ingest`: each bad file is failed with one line in
ingest_errors that names it and says what to do, while the batch goes on; a file that hangs a
parser or kills its worker fails alone; an ingest killed at any point loses nothing."""

from __future__ import annotations

import ctypes
import errno
import io
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from miner import store
from miner.cli import cli
from miner.errors import MinerError
from miner.ingest import Options, Task, ingest, process_task
from miner.readers import MAX_BYTES, MAX_XML_BYTES, SUFFIXES, read_document
from miner.store import open_db

from .conftest import ROOT, SEED, SEED_NAME

pytestmark = pytest.mark.slow  # make test-fast skips it

DATA = ROOT / "tests" / "data"
SAMPLE_DOCX = ROOT / "corpus" / "sample-quyet-dinh-tang-bang-khen-2023.docx"
RANDOM = random.Random(2024).randbytes(4096)
FEATURES_DOCX = (DATA / "features.docx").read_bytes()


def reader_error(path: Path) -> tuple[str, str]:
    """(error class, one-line message) that reading `path` raises: what ingest_errors must say."""
    with pytest.raises(MinerError) as caught:
        read_document(path)
    return type(caught.value).__name__, caught.value.one_line()


def zip_bomb(path: Path) -> Path:
    """A .docx whose document.xml expands past the cap from about 100 KB of zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", b'<?xml version="1.0"?>' + b" " * (MAX_XML_BYTES + 2**20))
    path.write_bytes(buffer.getvalue())
    return path


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk (a hole after one line of text)."""
    with path.open("wb") as f:
        f.write("Báo cáo tổng kết năm 2022\n".encode())
        f.truncate(size)
    return path


# ---------------------------------------------------------------- the bad input matrix

# (id, file name, how to make it in the folder) for files ingest must fail with the reader's error.
READER_FAILURES = [
    ("empty", "rỗng.txt", lambda p: p.write_bytes(b"")),
    *[
        (f"random-bytes-{suffix[1:]}", f"ngẫu-nhiên{suffix}", lambda p: p.write_bytes(RANDOM))
        for suffix in sorted(SUFFIXES)
    ],
    ("truncated-docx", "cắt-dở.docx", lambda p: p.write_bytes(FEATURES_DOCX[: len(FEATURES_DOCX) // 2])),
    ("zip-bomb-docx", "bom.docx", zip_bomb),
    ("encrypted-pdf", "mật-khẩu.pdf", lambda p: shutil.copy(DATA / "encrypted.pdf", p)),
    ("200-mb-text", "quá-lớn.txt", lambda p: sparse(p, 200 * 2**20)),
    ("nul-bytes", "nhị-phân.txt", lambda p: p.write_bytes(b"\x00" * 4096)),  # a file zeroed by a crash
]


def symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def legacy_name(path: Path) -> None:
    """A file named in Windows-1258 on an old system ("báo-cáo.txt"): its name's bytes are not UTF-8."""
    with open(os.path.join(os.fsencode(path.parent), "báo-cáo.txt".encode("cp1258")), "wb") as f:
        f.write("Báo cáo số 3/BC-UBND năm 2022.".encode())


# Files ingest fails on its own (before any reader): (id, name, make, error class, message after "PATH: ").
INGEST_FAILURES = [
    (
        "symlink-loop",
        "vòng.txt",
        symlink_loop,
        "UnreadableFile",
        f"cannot open it ({os.strerror(errno.ELOOP)}) (the path is a loop of symbolic links: fix or remove the link)",
    ),
    (
        "named-pipe",
        "ống.txt",
        fifo,
        "NotAFile",
        "not a regular file (a pipe, socket or device) (leave it out with --exclude; miner reads regular files only)",
    ),
    (
        "name-not-utf8",
        "b\\xe1o-c\\xe1o.txt",
        legacy_name,
        "BadFileName",
        "its name is not valid UTF-8 (rename the file (convmv converts the names of a whole folder) and ingest it again)",
    ),
]


def damaged_utf8(path: Path) -> None:
    data = SEED.read_bytes()
    path.write_bytes(data[:600] + b"\x00\xff\xfe" + data[600:])


# Odd files that are read all the same: (id, name, make, stored format).
READABLE = [
    ("docx-named-txt", "quyết-định.txt", lambda p: shutil.copy(SAMPLE_DOCX, p), "docx"),
    (
        "pdf-named-html",
        "kế-hoạch.html",
        lambda p: shutil.copy(ROOT / "corpus" / "sample-ke-hoach-thi-dua-2024.pdf", p),
        "pdf",
    ),
    ("nul-and-invalid-utf8", "lẫn-lỗi.txt", damaged_utf8, "txt"),
]


@pytest.fixture(scope="module")
def matrix(tmp_path_factory) -> dict:
    """Every bad file in one folder beside the seed and a copy of it, ingested once with two workers."""
    folder = tmp_path_factory.mktemp("matrix") / "archive"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED_NAME)
    shutil.copy(SEED, folder / "bản-sao.txt")
    (folder / "thư-mục-vòng").symlink_to(".")  # a folder linking to itself: not followed
    for _, name, make, *_ in READER_FAILURES + INGEST_FAILURES + READABLE:
        make(folder / name)
    expected = {name: reader_error(folder / name) for _, name, *_ in READER_FAILURES}
    db_path = folder.parent / "reports.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_path), "--workers", "2"])
    db = open_db(db_path)
    errors = {Path(p).name: (c, m) for p, c, m in db.execute("select path, error_class, message from ingest_errors")}
    formats = {
        Path(p).name: f
        for p, f in db.execute("select p.path, d.format from document_paths p join documents d on d.id = p.document_id")
    }
    counts = store.counts(db)
    db.close()
    return {
        "folder": folder,
        "result": result,
        "expected": expected,
        "errors": errors,
        "formats": formats,
        "counts": counts,
    }


def test_the_batch_goes_on_and_says_so(matrix):
    failed = len(READER_FAILURES) + len(INGEST_FAILURES)
    stored = 1 + len(READABLE)
    result = matrix["result"]
    assert (result.exit_code, result.stdout) == (1, f"ingested {stored}, unchanged 1, failed {failed}, skipped 0\n")
    assert sorted(result.stderr.splitlines()) == sorted(m for _, m in matrix["errors"].values())
    assert (matrix["counts"]["documents"], matrix["counts"]["ingest_errors"]) == (stored, failed)


@pytest.mark.parametrize("name", [c[1] for c in READER_FAILURES], ids=[c[0] for c in READER_FAILURES])
def test_a_bad_file_is_failed_with_the_readers_one_line(matrix, name):
    error_class, message = matrix["errors"][name]
    assert (error_class, message) == matrix["expected"][name]
    assert "\n" not in message and message.startswith(str(matrix["folder"] / name) + ": ")
    assert message.endswith(")")  # the remedy, in brackets


@pytest.mark.parametrize(
    "name, error_class, message", [c[1:2] + c[3:] for c in INGEST_FAILURES], ids=[c[0] for c in INGEST_FAILURES]
)
def test_a_path_that_is_no_file_is_failed_with_one_line(matrix, name, error_class, message):
    assert matrix["errors"][name] == (error_class, f"{matrix['folder'] / name}: {message}")


def test_the_size_limit_and_the_zip_bomb_cap_are_the_readers(matrix):
    assert matrix["errors"]["quá-lớn.txt"][0] == matrix["errors"]["bom.docx"][0] == "TooLarge"
    assert f"over the limit of {MAX_BYTES // 2**20} MB" in matrix["errors"]["quá-lớn.txt"][1]
    assert f"expands to more than {MAX_XML_BYTES // 2**20} MB" in matrix["errors"]["bom.docx"][1]


@pytest.mark.parametrize("name, fmt", [(c[1], c[3]) for c in READABLE], ids=[c[0] for c in READABLE])
def test_odd_but_readable_files_are_stored(matrix, name, fmt):
    assert matrix["formats"][name] == fmt
    assert name not in matrix["errors"]


def test_nul_bytes_and_invalid_utf8_never_reach_the_database(matrix):
    db = sqlite3.connect(matrix["folder"].parent / "reports.db")
    path = str(matrix["folder"] / "lẫn-lỗi.txt")
    texts = [
        t
        for (t,) in db.execute(
            "select text from paragraphs where document_id = (select document_id from document_paths where path = ?)",
            [path],
        )
    ]
    db.close()
    assert texts and not any("\x00" in t for t in texts)
    assert sum(t.count("\ufffd") for t in texts) == 2  # the two invalid bytes, replaced


def test_duplicates_under_two_names_are_stored_once_with_both_paths(matrix):
    assert matrix["formats"][SEED_NAME] == matrix["formats"]["bản-sao.txt"] == "txt"
    db = sqlite3.connect(matrix["folder"].parent / "reports.db")
    ids = {n: i for n, i in ((Path(p).name, i) for p, i in db.execute("select path, document_id from document_paths"))}
    db.close()
    assert ids[SEED_NAME] == ids["bản-sao.txt"]


def test_a_size_limit_can_be_set(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    sparse(folder / "lớn.txt", 3 * 2**20)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--max-bytes", "2M", "--workers", "0"])
    assert (result.exit_code, result.stdout) == (1, "ingested 0, unchanged 0, failed 1, skipped 0\n")
    assert result.stderr == (
        f"{folder / 'lớn.txt'}: the file has 3.0 MB, over the limit of 2 MB "
        "(raise the limit with --max-bytes if the file is genuine)\n"
    )


# ---------------------------------------------------------------- permissions

PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def without_dac_override() -> None:
    """Drop root's power to read anything (Linux capabilities), for the program about to run."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def test_unreadable_files_and_folders_are_failed(tmp_path, archive):
    """chmod 000 stops everyone but root: as root, ingest runs without the capabilities that let root read all."""
    (archive / "khóa.txt").write_text("Báo cáo số 12/BC-UBND năm 2022.", encoding="utf-8")
    (archive / "khóa.txt").chmod(0o000)
    (archive / "đóng").mkdir()
    (archive / "đóng" / "trong.txt").write_text("Kế hoạch năm 2023.", encoding="utf-8")
    (archive / "đóng").chmod(0o000)
    db = tmp_path / "reports.db"
    args = ["ingest", str(archive), "--db", str(db), "--workers", "1"]
    try:
        if os.geteuid() != 0:
            result = CliRunner().invoke(cli, args)
            code, stdout = result.exit_code, result.stdout
        else:
            try:
                proc = subprocess.run(
                    [sys.executable, "-c", "import sys; from miner.cli import cli; sys.exit(cli())", *args],
                    preexec_fn=without_dac_override,
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
            except subprocess.SubprocessError as exc:
                pytest.skip(f"cannot drop root's read-anything capabilities to test permissions: {exc}")
            code, stdout = proc.returncode, proc.stdout
    finally:
        (archive / "khóa.txt").chmod(0o644)
        (archive / "đóng").chmod(0o755)
    assert (code, stdout) == (1, "ingested 1, unchanged 0, failed 2, skipped 0\n")
    conn = sqlite3.connect(db)
    errors = conn.execute("select path, error_class, message from ingest_errors order by path").fetchall()
    conn.close()
    remedy = "give miner's user read permission on the file and its folders, or leave it out with --exclude"
    assert errors == [
        (
            str(archive / "khóa.txt"),
            "UnreadableFile",
            f"{archive / 'khóa.txt'}: cannot open it (Permission denied) ({remedy})",
        ),
        (
            str(archive / "đóng"),
            "UnreadableFile",
            f"{archive / 'đóng'}: cannot list the folder (Permission denied) ({remedy})",
        ),
    ]


def test_a_folder_listed_again_clears_its_error(tmp_path, archive):
    db = open_db(tmp_path / "t.db")
    store.record_error(
        db, str(archive.absolute()), "UnreadableFile", f"{archive}: cannot list the folder (Permission denied)"
    )
    assert ingest(db, [archive]).line() == "ingested 1, unchanged 0, failed 0, skipped 0"
    assert store.counts(db)["ingest_errors"] == 0
    db.close()


# ---------------------------------------------------------------- files that hang or kill their worker


def misbehave(task: Task):
    """A reader that loops on "vòng-lặp*", dies on "chết*" and has a bug on "lỗi*" (run in the workers)."""
    name = Path(task.path).name
    if name.startswith("vòng-lặp"):
        time.sleep(3600)
    if name.startswith("chết"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("lỗi"):
        raise ZeroDivisionError("division by zero")
    return process_task(task)


def test_a_file_that_hangs_or_kills_its_worker_fails_alone(tmp_path, archive):
    shutil.copy(ROOT / "corpus" / "sample-ke-hoach-thi-dua-2024.pdf", archive / "vòng-lặp.pdf")
    shutil.copy(SAMPLE_DOCX, archive / "chết.docx")
    (archive / "lỗi.txt").write_text("Báo cáo số 7/BC-UBND năm 2022.", encoding="utf-8")
    for i in range(4):
        (archive / f"tốt-{i}.txt").write_text(f"Báo cáo số {i}/BC-UBND về công tác năm 2022.", encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    started = time.monotonic()
    summary = ingest(db, [archive], options=Options(workers=2, timeout=3), process=misbehave)
    seconds = time.monotonic() - started
    errors = db.execute("select path, error_class, message from ingest_errors order by path").fetchall()
    db.close()
    assert summary.line() == "ingested 5, unchanged 0, failed 3, skipped 0"
    assert seconds < 60
    paths = {name: str(archive / name) for name in ("chết.docx", "lỗi.txt", "vòng-lặp.pdf")}
    assert sorted(errors) == sorted(
        [
            (
                paths["chết.docx"],
                "WorkerCrashed",
                f"{paths['chết.docx']}: the process reading it died (signal SIGKILL) "
                "(re-save or re-export the file; if it opens fine elsewhere, report it to miner's developers with the file)",
            ),
            (
                paths["lỗi.txt"],
                "InternalError",
                f"{paths['lỗi.txt']}: miner failed on it (ZeroDivisionError: division by "
                "zero) (this is a bug in miner: report it with the file (the traceback is in the log))",
            ),
            (
                paths["vòng-lặp.pdf"],
                "TimedOut",
                f"{paths['vòng-lặp.pdf']}: reading and extracting it took over 3 s (check "
                "that the file opens in its own application and re-save it; if it is genuine but slow (a long scan), "
                "raise the limit with --timeout)",
            ),
        ]
    )


# ---------------------------------------------------------------- crash safety


def crash_archive(folder: Path, count: int = 16) -> Path:
    """`count` distinct reports (the seed with an appendix each) and two samples in other formats."""
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(count):
        appendix = (
            f"\n\nPhụ lục {i + 1}: Quyết định số {100 + i}/QĐ-UBND ngày {i + 1}/3/2021 của Ủy ban nhân dân tỉnh "
            "Đắk Nông về việc tặng Bằng khen cho Kho bạc Nhà nước tỉnh Đắk Nông.\n"
        )
        (folder / f"bao-cao-{i:02d}.txt").write_text(seed + appendix, encoding="utf-8")
    shutil.copy(SAMPLE_DOCX, folder / "quyet-dinh.docx")
    shutil.copy(ROOT / "corpus" / "sample-thong-bao-binh-xet-2023.html", folder / "thong-bao.html")
    return folder


def per_document(db_path: Path) -> dict[str, tuple]:
    """Each stored document with the number of rows of each kind that hang off it."""
    tables = ("paragraphs", *(t for t in store._DOCUMENT_ROWS))
    conn = sqlite3.connect(db_path)
    try:
        return {
            doc_id: tuple(
                conn.execute(f"select count(*) from [{t}] where document_id = ?", [doc_id]).fetchone()[0]
                for t in tables
            )
            for (doc_id,) in conn.execute("select id from documents")
        }
    finally:
        conn.close()


def assert_whole(db_path: Path, reference: dict[str, tuple]) -> None:
    """The database is sound and every document in it is stored whole, as in the reference run."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert (
            conn.execute(
                "select id from documents d where chars != (select coalesce(sum(length(text)), 0) from paragraphs p "
                "where p.document_id = d.id) or not exists (select 1 from document_paths p where p.document_id = d.id)"
            ).fetchall()
            == []
        )
        paragraphs = conn.execute("select count(*) from paragraphs").fetchone()[0]
        fts = conn.execute(f"select count(*) from {store.FTS_TABLE}").fetchone()[0]
        assert fts == paragraphs
    finally:
        conn.close()
    stored = per_document(db_path)
    assert stored == {doc_id: reference[doc_id] for doc_id in stored}


KILL_INSIDE = """
import os, signal, sys
from miner import cli, store
folder, db, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
calls = 0
real = store._save_record
def save_record(*args):
    global calls
    calls += 1
    if calls == k:  # this document's paragraphs are written, its record not yet
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args)
store._save_record = save_record
sys.exit(cli.cli(["ingest", folder, "--db", db, "--workers", "2", "--batch", "3"]))
"""


def session_processes(sid: int) -> list[int]:
    """The processes still alive in session `sid` (a killed ingest's workers)."""
    alive = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def end_session(proc: subprocess.Popen) -> None:
    """Wait for the killed command, then for its workers (they stop at the closed pipe), killing stragglers."""
    proc.wait(timeout=60)
    deadline = time.monotonic() + 30
    while session_processes(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in session_processes(proc.pid):
        os.kill(pid, signal.SIGKILL)


def kill_inside_a_document(folder: Path, db: Path, k: int) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_INSIDE, str(folder), str(db), str(k)],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    end_session(proc)
    return proc.returncode


def kill_after_documents(folder: Path, db: Path, n: int) -> int:
    """Run `miner ingest` and SIGKILL it once `n` documents are committed (read from outside)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from miner.cli import cli; sys.exit(cli())",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--workers",
            "2",
            "--batch",
            "2",
        ],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            stored = conn.execute("select count(*) from documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            stored = 0
        if stored >= n:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    end_session(proc)
    return proc.returncode


@pytest.fixture(scope="module")
def crash_reference(tmp_path_factory) -> tuple[Path, dict, dict]:
    """The archive and what an uninterrupted ingest stores from it."""
    folder = crash_archive(tmp_path_factory.mktemp("crash") / "archive")
    db_path = folder.parent / "reference.db"
    db = open_db(db_path)
    summary = ingest(db, [folder])
    counts = {k: v for k, v in store.counts(db).items()}
    db.close()
    assert (summary.ingested, summary.failed) == (18, 0)
    return folder, counts, per_document(db_path)


@pytest.mark.parametrize(
    "kill, at",
    [
        (kill_inside_a_document, 1),
        (kill_inside_a_document, 5),
        (kill_inside_a_document, 11),
        (kill_after_documents, 2),
        (kill_after_documents, 10),
    ],
    ids=["inside-document-1", "inside-document-5", "inside-document-11", "after-2-committed", "after-10-committed"],
)
def test_an_ingest_killed_at_any_point_loses_nothing(crash_reference, tmp_path, kill, at):
    folder, counts, reference = crash_reference
    db_path = tmp_path / "reports.db"
    code = kill(folder, db_path, at)
    assert code == -signal.SIGKILL
    if db_path.exists():
        assert_whole(db_path, reference)
        assert per_document(db_path).keys() < reference.keys()  # killed before the end
    db = open_db(db_path)
    summary = ingest(db, [folder])
    after = store.counts(db)
    db.close()
    assert summary.failed == 0 and summary.ingested + summary.unchanged == 18
    assert after == counts
    assert_whole(db_path, reference)
    assert per_document(db_path) == reference


# ---------------------------------------------------------------- hostile archives (issue 14)


def miner_ingest(*args: str, preexec_fn=None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`miner ingest ARGS` in a process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from miner.cli import cli; sys.exit(cli())", "ingest", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


def test_a_link_to_a_file_outside_the_folders_named_is_not_stored(tmp_path):
    """`ln -s /etc/passwd archive/x.txt` and a link to ../outside/secret.txt are failed, not stored;
    a link inside the archive is read; --follow-links-outside stores them all."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Mật khẩu: 1234. Báo cáo mật năm 2022.", encoding="utf-8")
    archive = tmp_path / "archive"
    (archive / "con").mkdir(parents=True)
    shutil.copy(SEED, archive / SEED_NAME)
    (archive / "x.txt").symlink_to(outside / "secret.txt")
    (archive / "con" / "y.txt").symlink_to("../../outside/secret.txt")
    (archive / "con" / "trong.txt").symlink_to(f"../{SEED_NAME}")  # inside: read (a copy, linked)
    db_path = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["ingest", str(archive), "--db", str(db_path), "--workers", "0"])
    assert (result.exit_code, result.stdout) == (1, "ingested 1, unchanged 1, failed 2, skipped 0\n")
    remedy = (
        "copy the file into the archive if it belongs there; to store what links point to wherever it is, "
        "run again with --follow-links-outside"
    )
    conn = sqlite3.connect(db_path)
    assert conn.execute("select path, error_class, message from ingest_errors order by path").fetchall() == [
        (
            str(archive / "con" / "y.txt"),
            "OutsideArchive",
            f"{archive / 'con' / 'y.txt'}: a symbolic link to a file outside the folders named ({remedy})",
        ),
        (
            str(archive / "x.txt"),
            "OutsideArchive",
            f"{archive / 'x.txt'}: a symbolic link to a file outside the folders named ({remedy})",
        ),
    ]
    assert conn.execute("select count(*) from paragraphs where text like '%Mật khẩu%'").fetchone() == (0,)
    conn.close()
    again = CliRunner().invoke(
        cli, ["ingest", str(archive), "--db", str(db_path), "--workers", "0", "--follow-links-outside"]
    )
    assert (again.exit_code, again.stdout) == (0, "ingested 1, unchanged 3, failed 0, skipped 0\n")


def paragraph_bomb(path: Path, paragraphs: int = 2_600_000) -> Path:
    """A .docx of about 260 KB whose document.xml holds 2.6M one-letter paragraphs (88 MB, under the zip cap)."""
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * paragraphs
        + b"</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr("word/document.xml", xml)
    path.write_bytes(buffer.getvalue())
    return path


def peak_tree_rss(proc: subprocess.Popen) -> int:
    """Wait for `proc`, sampling the resident memory of it and all its descendants; return the peak."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from archive_scale import tree_rss

    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid)[0])
        time.sleep(0.05)
    return peak


def test_a_small_docx_of_millions_of_paragraphs_stays_under_a_gigabyte(tmp_path):
    """The 260 KB .docx of 2.6M paragraphs: failed as too large (or stored), the whole process tree
    under 1 GB at its peak (it was 2.0 GB in the worker and 1.4 GB in the main process)."""
    archive = tmp_path / "archive"
    archive.mkdir()
    assert paragraph_bomb(archive / "nhiều-đoạn.docx").stat().st_size < 300_000
    shutil.copy(SEED, archive / SEED_NAME)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from miner.cli import cli; sys.exit(cli())",
            "ingest",
            str(archive),
            "--db",
            str(tmp_path / "t.db"),
            "--workers",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = peak_tree_rss(proc)
    out, err = proc.communicate()
    assert peak < 2**30, f"peak {peak / 2**20:.0f} MB"
    assert "Traceback" not in err
    if proc.returncode == 1:
        conn = sqlite3.connect(tmp_path / "t.db")
        ((error_class, message),) = conn.execute("select error_class, message from ingest_errors").fetchall()
        conn.close()
        assert error_class == "TooLarge", message
        assert out == "ingested 1, unchanged 0, failed 1, skipped 0\n"
    else:
        assert out == "ingested 2, unchanged 0, failed 0, skipped 0\n"


def test_a_runaway_worker_fails_its_file_as_too_large(tmp_path, archive):
    """A file whose reading wants more memory than --worker-memory: failed TooLarge with the remedy,
    the worker replaced, the others stored."""
    (archive / "ăn-bộ-nhớ.txt").write_text("Báo cáo số 8/BC-UBND năm 2022.", encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    summary = ingest(db, [archive], options=Options(workers=1, address_space=512 << 20), process=gluttonous)
    errors = db.execute("select path, error_class, message from ingest_errors").fetchall()
    db.close()
    assert summary.line() == "ingested 1, unchanged 0, failed 1, skipped 0"
    path = str(archive / "ăn-bộ-nhớ.txt")
    assert errors == [
        (
            path,
            "TooLarge",
            f"{path}: reading and extracting it needed more memory than a worker may use "
            "(512 MB) (split the document, or raise the limit with --worker-memory if it is genuine)",
        )
    ]


def gluttonous(task: Task):
    if Path(task.path).name.startswith("ăn-bộ-nhớ"):
        hoard = []
        while True:
            hoard.append(bytearray(16 << 20))
    return process_task(task)


def sleepy(task: Task):
    time.sleep(3600)


WORKERS_ORPHANED = """
import sys
from pathlib import Path
from miner.ingest import Options, ingest
from miner.store import open_db
from tests.test_reliability import sleepy
if __name__ == "__main__":
    ingest(open_db(sys.argv[2]), [Path(sys.argv[1])], options=Options(workers=2, timeout=None), process=sleepy)
"""


def test_workers_die_with_their_parent(tmp_path, archive):
    """`kill -9` of the ingest: 10 s later none of its workers is alive (they were busy with a file)."""
    (archive / "hai.txt").write_text("Báo cáo số 2/BC-UBND năm 2022.", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKERS_ORPHANED, str(archive), str(tmp_path / "t.db")],
        start_new_session=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while len(session_processes(proc.pid)) < 3 and time.monotonic() < deadline:  # the ingest and 2 workers
            time.sleep(0.2)
        time.sleep(3)  # the workers hold their files
        workers = [pid for pid in session_processes(proc.pid) if pid != proc.pid]
        assert len(workers) >= 2
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        time.sleep(10)
        alive = session_processes(proc.pid)
    finally:
        for pid in session_processes(proc.pid):
            os.kill(pid, signal.SIGKILL)
    assert alive == []


# One clear line per database problem: (id, how to make the problem, the line after "Error: DB: ").
def test_two_ingests_on_one_database_end_with_one_line(tmp_path, archive):
    db_path = tmp_path / "t.db"
    lock = store.WriterLock(db_path)  # what a running `miner ingest` holds
    try:
        result = miner_ingest(str(archive), "--db", str(db_path))
    finally:
        lock.release()
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {db_path}: another miner ingest is writing to the database (wait until it is done, then run this "
        "one again (it goes on from what is stored))\n"
    )
    assert miner_ingest(str(archive), "--db", str(db_path)).returncode == 0  # once it is done


def test_a_read_only_database_is_one_line(tmp_path, archive):
    db_path = tmp_path / "ro" / "t.db"
    assert miner_ingest(str(archive), "--db", str(db_path)).returncode == 0
    (archive / "mới.txt").write_text("Báo cáo số 5/BC-UBND năm 2023.", encoding="utf-8")
    for p in (db_path.parent, *db_path.parent.iterdir()):
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        result = miner_ingest(str(archive), "--db", str(db_path), preexec_fn=without_dac_override)
    finally:
        for p in (db_path.parent, *db_path.parent.iterdir()):
            p.chmod(0o755 if p.is_dir() else 0o644)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"Error: {db_path}: the database cannot be written (a read-only file or folder) (give miner's user write "
        f"permission on {db_path} and its folder (SQLite writes t.db-wal and -shm beside it), or give another --db)\n"
    )


def test_a_damaged_database_is_one_line_naming_recover(tmp_path, archive):
    db_path = tmp_path / "t.db"
    assert miner_ingest(str(archive), "--db", str(db_path), "--workers", "0").returncode == 0
    data = bytearray(db_path.read_bytes())
    data[4096 : 4096 * 6] = random.Random(1).randbytes(4096 * 5)  # pages of the schema's tables torn
    db_path.write_bytes(bytes(data))
    (archive / "mới.txt").write_text("Báo cáo số 5/BC-UBND năm 2023.", encoding="utf-8")
    result = miner_ingest(str(archive), "--db", str(db_path), "--workers", "0")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"Error: {db_path}: the database is damaged (run `sqlite3 {db_path} .recover | sqlite3 recovered.db` and "
        "ingest into recovered.db, or move it aside and ingest again)\n"
    )


def test_a_file_that_is_no_database_is_one_line(tmp_path, archive):
    db_path = tmp_path / "ghi-chú.txt"
    db_path.write_text("Đây là một tệp văn bản, không phải cơ sở dữ liệu. " * 200, encoding="utf-8")
    result = miner_ingest(str(archive), "--db", str(db_path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {db_path}: the file is not a SQLite database (give --db the path of a miner database, or of a new file)\n"
    )


@pytest.fixture
def small_disk(tmp_path) -> Path:
    """A folder on a disk of 3 MB of its own (a tmpfs mounted for the test, as root)."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill (needs root): {mounted.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_is_one_line_and_keeps_what_was_written(tmp_path, small_disk):
    archive = tmp_path / "archive"
    archive.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(150):
        (archive / f"bao-cao-{i:02d}.txt").write_text(seed + f"\n\nPhụ lục {i}.\n" * 20, encoding="utf-8")
    db_path = small_disk / "t.db"
    result = miner_ingest(str(archive), "--db", str(db_path), "--workers", "0", "--batch", "5")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"Error: {db_path}: the disk holding the database is full (free some space (or give --db on another disk) "
        "and run the same command again: what was written is kept, each document whole)\n"
    )
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
    stored = conn.execute("select count(*) from documents").fetchone()[0]
    conn.close()
    assert 0 < stored < 150
    moved = tmp_path / "t.db"  # space freed: the database moved to a larger disk
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{db_path}{suffix}").exists():
            shutil.copy(f"{db_path}{suffix}", f"{moved}{suffix}")
    again = miner_ingest(str(archive), "--db", str(moved), "--workers", "0")
    assert (again.returncode, again.stdout) == (
        0,
        f"ingested {150 - stored}, unchanged {stored}, failed 0, skipped 0\n",
    )


def test_error_paths_take_one_form_and_escape_codes_never_reach_the_terminal_raw(tmp_path):
    """Paths given as "./archive/../archive" and as absolute are stored alike (absolute, no "." or
    ".."); a file named with a terminal escape code is shown with the code escaped."""
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "\x1b[31mđỏ\x1b[0m.docx").write_bytes(b"PK\x03\x04 broken")
    (archive / "trống.txt").write_bytes(b"")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from miner.cli import cli; sys.exit(cli())",
            "ingest",
            "./archive/../archive",
            "--db",
            "t.db",
            "--workers",
            "0",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\\x1b[31mđỏ\\x1b[0m.docx" in result.stderr
    conn = sqlite3.connect(tmp_path / "t.db")
    rows = conn.execute("select path, message from ingest_errors order by path").fetchall()
    conn.close()
    assert [p for p, _ in rows] == [str(archive / "\x1b[31mđỏ\x1b[0m.docx"), str(archive / "trống.txt")]
    assert all(m.startswith(p + ": ") for p, m in rows)
