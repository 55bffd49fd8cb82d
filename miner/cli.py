"""The `miner` command: thin adapters over the library.

Each command imports what it needs when it runs (the readers, the extractors, Datasette take most of
a second to import), so `miner --help` answers at once; the defaults shown in the help are repeated
here and tests/test_cli.py checks that they are the library's.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from pathlib import Path

import click

from . import __version__
from .errors import MinerError

DEFAULT_DB = "db/reports.db"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
# The library's defaults, for the help (checked against miner.readers, miner.readers.legacy, miner.workers, miner.ingest).
MAX_BYTES = 100 * 2**20
OCR_POLICIES = ("auto", "always", "never")
ENCODINGS = ("tcvn3", "vni", "viscii")
DEFAULT_TIMEOUT = 300.0
ADDRESS_SPACE = 768 << 20
BATCH_DOCUMENTS = 200
SPLIT_PAGES = 2
MAX_PARAGRAPHS = 100_000
MAX_PAGES = 5_000
MAX_CHARS = 20_000_000

# Control characters (terminal escapes among them) and bidi overrides, shown escaped on a terminal.
_UNPRINTABLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters and bidi overrides written as \\xNN or \\uNNNN: a file named
    with a terminal escape code shows its name, and does not move the cursor or colour the screen."""
    return _UNPRINTABLE_RE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def db_option(must_exist: bool = False):
    """The --db option of the commands that open the database."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, exists=must_exist, path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        help="The SQLite database file.",
    )


def read_options(command):
    """The --ocr, --encoding and --max-paragraphs/pages/chars options of the commands that read
    files, given to `command` as `read`, a readers.ReadOptions."""

    @click.option(
        "--ocr",
        type=click.Choice(OCR_POLICIES),
        default="auto",
        show_default=True,
        help="Scanned PDF pages through Tesseract: auto (pages without a text layer), always (every page), never.",
    )
    @click.option(
        "--encoding",
        type=click.Choice(ENCODINGS, case_sensitive=False),
        help="Read all text as this legacy Vietnamese code instead of detecting it (TCVN3 is ABC, .VnTime).",
    )
    @click.option(
        "--max-paragraphs",
        type=click.IntRange(min=1),
        default=MAX_PARAGRAPHS,
        show_default=True,
        help="A document with more paragraphs is failed as too large.",
    )
    @click.option(
        "--max-pages",
        type=click.IntRange(min=1),
        default=MAX_PAGES,
        show_default=True,
        help="A PDF with more pages is failed as too large.",
    )
    @click.option(
        "--max-chars",
        type=click.IntRange(min=1),
        default=MAX_CHARS,
        show_default=True,
        help="A document with more characters of text is failed as too large.",
    )
    @functools.wraps(command)
    def with_read_options(
        *args, ocr: str, encoding: str | None, max_paragraphs: int, max_pages: int, max_chars: int, **kwargs
    ):
        from .readers import ReadOptions

        read = ReadOptions(
            ocr=ocr, encoding=encoding, max_paragraphs=max_paragraphs, max_pages=max_pages, max_chars=max_chars
        )
        return command(*args, read=read, **kwargs)

    return with_read_options


@click.group()
@click.version_option(__version__, prog_name="miner")
def cli() -> None:
    """Mine Vietnamese administrative reports into a searchable SQLite database."""


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (the spec's shape).")
@read_options
def extract(file: str, as_json: bool, read) -> None:
    """Extract the record of one FILE and print it.

    Example: miner extract corpus/000-khoi5-daknong-2022.txt --json
    """
    from .pipeline import build_record
    from .readers import read_document

    try:
        record = build_record(read_document(file, options=read))
    except MinerError as exc:
        raise click.ClickException(exc.one_line()) from exc
    data = record.to_dict()
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    click.echo(format_summary(data))


class ByteSize(click.ParamType):
    """A size in bytes, written 200000000, 200M or 1G."""

    name = "size"
    _UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B").removesuffix("I")
        unit = text[-1:] if text[-1:] in self._UNITS else ""
        try:
            return int(float(text[: len(text) - len(unit)]) * self._UNITS[unit])
        except ValueError:
            self.fail(f"{value!r} is not a size such as 200000000, 200M or 1G", param, ctx)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option()
@click.option(
    "--exclude",
    metavar="GLOB",
    multiple=True,
    help="Leave out files and folders whose name matches (repeatable), e.g. --exclude README.md.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Processes that read and extract files; 0 does it in this process, without --timeout.",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Read and extract on a Dask cluster instead of --workers: a scheduler's address "
    "(tcp://host:8786), or local:N for N worker processes on this machine (needs miner[dask]).",
)
@click.option(
    "--dask-shared",
    is_flag=True,
    help="With --dask: the workers read each file from its path (the archive mounted at the same path "
    "on every worker) instead of being sent its bytes.",
)
@click.option(
    "--split-pages",
    type=click.IntRange(min=0),
    default=SPLIT_PAGES,
    show_default=True,
    help="With workers or --dask, a PDF with this many scanned pages or more is OCR'd a page a task "
    "(each within --timeout), then laid out whole; 0 reads every file in one task.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds a worker may spend on one file before it is stopped and the file failed (0: no limit).",
)
@click.option(
    "--max-bytes",
    type=ByteSize(),
    default=MAX_BYTES,
    show_default="100M",
    help="Larger files are failed unread (e.g. 500M).",
)
@click.option(
    "--worker-memory",
    type=ByteSize(),
    default=ADDRESS_SPACE,
    show_default="768M",
    help="Memory a worker may map while reading one file; a file that needs more is failed (0: no limit).",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=BATCH_DOCUMENTS,
    show_default=True,
    help="Documents written per transaction: more is faster, fewer is less to redo after a crash.",
)
@click.option("--reextract", is_flag=True, help="Extract again the unchanged documents an older miner extracted.")
@click.option("--prune", is_flag=True, help="Forget stored files under the given folders that are gone from disk.")
@click.option(
    "--follow-links-outside",
    is_flag=True,
    help="Store the files that symbolic links in the folders point to outside them (by default such a "
    "link is failed: a link to /etc/passwd is not published).",
)
@read_options
def ingest_command(
    paths: tuple[Path, ...],
    db_path: Path,
    exclude: tuple[str, ...],
    workers: int,
    dask: str | None,
    dask_shared: bool,
    split_pages: int,
    timeout: float,
    max_bytes: int,
    worker_memory: int,
    batch: int,
    reextract: bool,
    prune: bool,
    follow_links_outside: bool,
    read,
) -> None:
    """Ingest files and folders (recursively) into the database.

    Each readable file (.txt, .md, .docx, .pdf, .html ...) is read, its record extracted and
    both stored in one transaction; other suffixes are skipped. A file already stored is
    "unchanged" (not read again); a changed file replaces its old version; a file that cannot
    be read goes to the ingest_errors table and the run goes on. Hidden files are left out, and
    so are symbolic links to files outside the folders named. Prints one summary line and exits
    with 1 when a file failed.

    Reading and extraction run in --workers processes, one file each (or on a Dask cluster with
    --dask); a file that takes longer than --timeout, or more memory than --worker-memory, is
    stopped and failed. Documents are written in the order of the walk, so every way of running
    gives the same database. Documents an older extractor wrote are only re-extracted with
    --reextract. A file deleted from the archive keeps its rows unless --prune is given (which
    forgets the gone files below the folders named).

    Example: miner ingest corpus --db db/reports.db --exclude README.md
    """
    if dask_shared and not dask:
        raise click.UsageError("--dask-shared goes with --dask")
    if dask:
        _need_dask()
    from .ingest import Options, ingest, iter_files
    from .store import DatabaseProblem, WriterLock, open_db, problems

    options = Options(
        workers=workers,
        timeout=timeout or None,
        max_bytes=max_bytes,
        batch_documents=batch,
        reextract=reextract,
        prune=prune,
        read=read,
        address_space=worker_memory or None,
        follow_links_outside=follow_links_outside,
        dask=dask,
        dask_shared=dask_shared,
        split_pages=split_pages,
    )
    try:
        lock = WriterLock(db_path)
        try:
            db = open_db(db_path)
            with problems(db_path):
                summary = _ingest_with_progress(db, paths, exclude, options, ingest, iter_files)
                db.close()
        finally:
            lock.release()
    except (DatabaseProblem, MinerError) as exc:
        raise click.ClickException(printable(exc.one_line())) from None
    click.echo(summary.line())
    if summary.stale:
        click.echo(
            f"{summary.stale} unchanged documents were extracted by an older miner: "
            "run again with --reextract to update them",
            err=True,
        )
    if summary.failed:
        sys.exit(1)


def _need_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise click.UsageError(
            "--dask needs Dask's distributed package: pip install 'miner[dask]' (with the test extras it is there)"
        ) from None


def _ingest_with_progress(db, paths, exclude, options, ingest, iter_files):
    """`ingest` with a progress bar on a terminal; each failure's line written above it."""
    from tqdm import tqdm

    shown = sys.stderr.isatty()
    # Counted first (a walk of the folders, no file opened) so the bar shows a total and the time left.
    total = sum(1 for _ in iter_files(paths, exclude)) if shown else None
    with tqdm(total=total, unit=" files", disable=not shown, file=sys.stderr) as bar:

        def on_file(path: Path, outcome: str, failure) -> None:
            if failure is not None:
                bar.write(printable(failure.message), file=sys.stderr)
            bar.update(1)

        return ingest(db, paths, on_file=on_file, exclude=exclude, options=options)


@cli.command()
@db_option(must_exist=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="The port to listen on.")
@click.option(
    "--public",
    is_flag=True,
    help="Allow a --host other than 127.0.0.1/localhost WITHOUT a password. WARNING: anyone who can "
    "reach that address reads the whole archive; set MINER_PASSWORD_HASH instead to ask for one.",
)
@click.option(
    "--no-sql",
    is_flag=True,
    help="Turn off arbitrary SQL queries; tables, search, the canned queries and the pages stay.",
)
def serve(db_path: Path, host: str, port: int, public: bool, no_sql: bool) -> None:
    """Serve the database with Datasette.

    Browse every table, follow citations and mentions to their paragraphs, search paragraphs
    with or without diacritics, look decisions up at /-/tra-cuu. Listens on 127.0.0.1 only:
    another --host needs a password or --public. With MINER_PASSWORD_HASH set (make it with
    `.venv/bin/datasette hash-password`), every page asks for a login at /-/login (user "admin").

    Example: miner serve --db db/reports.db --port 8001, then open http://127.0.0.1:8001
    """
    from . import web  # Datasette loads slowly; only this command needs it

    if problem := web.database_problem(db_path):
        raise click.ClickException(problem)
    password = bool(os.environ.get(web.PASSWORD_ENV))
    if password and (problem := web.password_hash_problem(os.environ[web.PASSWORD_ENV])):
        raise click.UsageError(problem)
    if host not in LOCAL_HOSTS and not (public or password):
        raise click.UsageError(
            f"--host {host} would open the database to the network without a password; set "
            f"{web.PASSWORD_ENV} (from `.venv/bin/datasette hash-password`) to ask for one, use "
            "--host 127.0.0.1, or pass --public to do it deliberately"
        )
    web.serve(db_path, host, port, allow_sql=not no_sql, password=password)


@cli.command("export")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["spacy", "jsonl"]),
    help="spacy: a DocBin of the documents with their spans; jsonl: a line a document (paragraphs and "
    "record). Default: from OUT's suffix (.spacy, .jsonl).",
)
@click.option(
    "--where",
    metavar="SQL",
    help="Only the documents this condition on the documents table selects, e.g. "
    "\"year = 2022 and fold(province) = fold('Đắk Nông')\" or \"kind = 'quyet_dinh'\".",
)
def export_command(db_path: Path, out: Path, fmt: str | None, where: str | None) -> None:
    """Export the documents of the database DB, with their spans, as a corpus OUT.

    Example: miner export db/reports.db --format spacy corpus.spacy --where "year = 2022"
    """
    from tqdm import tqdm

    from .export import count, export

    fmt = fmt or {".spacy": "spacy", ".jsonl": "jsonl"}.get(out.suffix.lower())
    if fmt is None:
        raise click.UsageError("give --format spacy or jsonl (OUT's suffix is neither .spacy nor .jsonl)")
    shown = sys.stderr.isatty()
    try:
        total = count(db_path, where) if shown else None
        with tqdm(total=total, unit=" documents", disable=not shown, file=sys.stderr) as bar:
            documents, spans = export(db_path, out, fmt, where, on_document=lambda: bar.update(1))
    except MinerError as exc:
        raise click.ClickException(exc.one_line()) from exc
    click.echo(f"exported {documents} documents, {spans} spans to {out}")


def format_summary(data: dict) -> str:
    """A readable summary of a record: identity first, then each list with its count."""
    lines = []
    for key in ("title", "kind", "symbol", "issued_date", "year", "issuer", "signer"):
        lines.append(f"{key:12} {data.get(key) if data.get(key) is not None else '-'}")
    for key, label in (
        ("legal_refs", "cited documents"),
        ("organizations", "organisations"),
        ("persons", "persons"),
        ("locations", "locations"),
        ("emulation_groups", "emulation groups"),
        ("awards", "awards"),
    ):
        items = data.get(key) or []
        lines.append(f"\n{label} ({len(items)})")
        for item in items:
            lines.append("  - " + _describe(key, item))
    types = data.get("award_types") or []
    lines.append(f"\naward types ({len(types)}): " + (", ".join(types) if types else "-"))
    return "\n".join(lines)


def _describe(key: str, item: dict) -> str:
    if key == "legal_refs":
        parts = [item.get("doc_type") or "?", item.get("symbol") or "(no number)"]
        if item.get("issued_date"):
            parts.append(item["issued_date"])
        if item.get("issuer"):
            parts.append("của " + item["issuer"])
        if item.get("subject"):
            parts.append("về " + item["subject"])
        return " ".join(parts)
    if key == "awards":
        text = f"{item['award']} → {item['recipient']}"
        if item.get("grantor"):
            text += f" (từ {item['grantor']})"
        if item.get("year"):
            text += f", {item['year']}"
        if item.get("status"):
            text += f", {item['status']}"
        return text
    if key == "locations" and item.get("now_in"):
        from .normalize import fold

        written = f"{item['level']} {item['name']}" if item.get("level") else item["name"]
        if fold(written) != fold(item["now_in"]):
            return f"{written} (nay thuộc {item['now_in']})"  # where it lies since 1 July 2025
    return item.get("name", "")
