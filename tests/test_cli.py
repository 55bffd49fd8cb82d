"""The `miner` commands as a user runs them: help with examples, ingest's summary and exit code,
serve's safe default host."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

import miner.web
from miner.cli import cli

from .test_ingest import corrupt_docx


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(runner, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert f"Example: miner {name} " in result.stdout


def test_ingest_prints_one_summary_line_and_exits_0(runner, archive, db_path):
    result = runner.invoke(cli, ["ingest", str(archive), "--db", str(db_path)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "ingested 1, unchanged 0, failed 0, skipped 0\n", "")
    again = runner.invoke(cli, ["ingest", str(archive), "--db", str(db_path)])
    assert (again.exit_code, again.stdout) == (0, "ingested 0, unchanged 1, failed 0, skipped 0\n")


def in_terminal(args: list[str], columns: int = 100) -> str:
    """What a command prints to a terminal of `columns` columns (stdout and stderr, carriage returns kept)."""
    pty, fcntl, termios, struct = (pytest.importorskip(m) for m in ("pty", "fcntl", "termios", "struct"))
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal gets a size, as a real one has (tqdm draws nothing in 0 columns)
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        os.execv(sys.executable, [sys.executable, "-c", "from miner.cli import cli; cli()", *args])
    out = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out.append(chunk)
    os.waitpid(pid, 0)
    return b"".join(out).decode("utf-8", "replace")


def test_ingest_shows_progress_out_of_the_files_counted_in_a_terminal(archive, db_path):
    (archive / "ghi-chu.xyz").write_text("không đọc được")  # counted, then skipped
    shown = in_terminal(["ingest", str(archive), "--db", str(db_path), "--workers", "0"])
    frames = [f.strip() for f in shown.replace("\n", "\r").split("\r") if f.strip()]
    *bars, summary = frames
    # "100%|██████████| 2/2 [00:01<00:00,  1.90 files/s]": the share, the bar, the count of the total
    counts = [(bar.split("|")[0], bar.split("|")[-1].split(" [")[0].strip()) for bar in bars]
    assert (counts[0], counts[-1], summary) == (
        ("0%", "0/2"),
        ("100%", "2/2"),
        "ingested 1, unchanged 0, failed 0, skipped 1",
    )


def test_ingest_exits_1_when_a_file_failed_and_names_it(runner, archive, db_path):
    bad = corrupt_docx(archive / "hỏng.docx")
    result = runner.invoke(cli, ["ingest", str(archive), "--db", str(db_path)])
    assert (result.exit_code, result.stdout) == (1, "ingested 1, unchanged 0, failed 1, skipped 0\n")
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{bad.absolute()}: ")


def test_ingest_takes_several_paths(runner, archive, db_path, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(next(archive.iterdir()), other / "ban-sao.txt")
    (other / "ghi-chu.odt").write_bytes(b"PK")
    result = runner.invoke(cli, ["ingest", str(archive), str(other), "--db", str(db_path)])
    assert (result.exit_code, result.stdout) == (0, "ingested 1, unchanged 1, failed 0, skipped 1\n")


def test_ingest_exclude(runner, archive, db_path):
    (archive / "README.md").write_text("# Kho lưu trữ\n\nTệp mô tả thư mục, không phải văn bản.\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(archive), "--db", str(db_path), "--exclude", "README.md"])
    assert (result.exit_code, result.stdout) == (0, "ingested 1, unchanged 0, failed 0, skipped 0\n")


def test_ingest_needs_a_path_that_exists(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(tmp_path / "không-có"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.fixture
def served(monkeypatch) -> list[tuple]:
    """Calls to the Datasette server, recorded instead of listening."""
    calls: list[tuple] = []
    monkeypatch.setattr(miner.web, "serve", lambda db, host, port, **options: calls.append((str(db), host, port)))
    return calls


def test_serve_defaults_to_localhost_8001(runner, seed_db, served):
    result = runner.invoke(cli, ["serve", "--db", str(seed_db)])
    assert (result.exit_code, served) == (0, [(str(seed_db), "127.0.0.1", 8001)])


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"])
def test_serve_refuses_other_hosts_without_public(runner, seed_db, served, host):
    result = runner.invoke(cli, ["serve", "--db", str(seed_db), "--host", host])
    assert (result.exit_code, served) == (2, [])
    assert f"--host {host} would open the database to the network without a password" in result.stderr


def test_serve_public_binds_another_host(runner, seed_db, served):
    result = runner.invoke(cli, ["serve", "--db", str(seed_db), "--host", "0.0.0.0", "--port", "9000", "--public"])
    assert (result.exit_code, served) == (0, [(str(seed_db), "0.0.0.0", 9000)])


def test_serve_needs_an_existing_database(runner, tmp_path, served):
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert (result.exit_code, served) == (2, [])
    assert "does not exist" in result.stderr


def test_the_cli_imports_no_reader_extractor_or_server_to_start():
    """`miner --help` answers at once: importing the command loads neither the readers, nor the
    extractors, nor Datasette, nor underthesea (benchmarks/cli_start.py times it)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import miner.cli"], capture_output=True, text=True, check=True
    )
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if "|" in line}
    heavy = {
        "miner.readers",
        "miner.pipeline",
        "miner.ingest",
        "miner.store",
        "datasette",
        "underthesea",
        "spacy",
        "sqlite_utils",
        "lxml",
        "pypdfium2",
        "tqdm",
    }
    assert "miner.cli" in imported
    assert imported & heavy == set()


def test_the_defaults_in_the_help_are_the_librarys():
    from miner import cli as cli_module
    from miner.ingest import Options
    from miner.readers import MAX_BYTES, MAX_CHARS, MAX_PAGES, MAX_PARAGRAPHS, OCR_POLICIES
    from miner.readers.legacy import ENCODINGS
    from miner.workers import ADDRESS_SPACE, DEFAULT_TIMEOUT

    assert (cli_module.MAX_BYTES, cli_module.OCR_POLICIES, cli_module.ENCODINGS) == (MAX_BYTES, OCR_POLICIES, ENCODINGS)
    assert (cli_module.DEFAULT_TIMEOUT, cli_module.ADDRESS_SPACE) == (DEFAULT_TIMEOUT, ADDRESS_SPACE)
    assert (cli_module.BATCH_DOCUMENTS, cli_module.SPLIT_PAGES) == (Options.batch_documents, Options.split_pages)
    assert (cli_module.MAX_PARAGRAPHS, cli_module.MAX_PAGES, cli_module.MAX_CHARS) == (
        MAX_PARAGRAPHS,
        MAX_PAGES,
        MAX_CHARS,
    )


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_commands_help_ends_with_its_example(runner, name):
    text = runner.invoke(cli, [name, "--help"]).stdout.split("Options:")[0]
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    assert paragraphs[-1].startswith(f"Example: miner {name} ")


def test_printable_escapes_terminal_codes_and_bidi_overrides():
    from miner.cli import printable

    assert printable("/a/\x1b[31mđỏ\x1b[0m\u202eexe.txt\x07") == "/a/\\x1b[31mđỏ\\x1b[0m\\u202eexe.txt\\x07"
    assert printable("Báo cáo số 3/BC-UBND\tnăm 2022") == "Báo cáo số 3/BC-UBND\tnăm 2022"
