"""Safe serving defaults (issue 7, item 4): 127.0.0.1 unless a password or --public, a login from
MINER_PASSWORD_HASH, --no-sql keeps the canned queries, a SQL time limit, escaped document text."""

from __future__ import annotations

import asyncio
import re

import pytest
from click.testing import CliRunner
from datasette_auth_passwords.utils import hash_password

import miner.web
from miner.cli import cli
from miner.web import PASSWORD_ENV, SETTINGS, make_datasette

from .web_archive import ID_C, SCRIPT

HASH = hash_password("mật khẩu đúng", iterations=1000)  # few iterations: the test stays fast


@pytest.fixture
def serve_calls(monkeypatch) -> list[tuple]:
    """Calls to the Datasette server, recorded instead of listening."""
    calls: list[tuple] = []
    monkeypatch.setattr(miner.web, "serve", lambda db, host, port, **options: calls.append((host, port, options)))
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    return calls


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize(
    ("args", "env", "exit_code", "expected"),
    [
        ([], None, 0, [("127.0.0.1", 8001, {"allow_sql": True, "password": False})]),
        (["--host", "0.0.0.0"], None, 2, []),
        (["--host", "192.168.1.5"], None, 2, []),
        (["--host", "0.0.0.0", "--public"], None, 0, [("0.0.0.0", 8001, {"allow_sql": True, "password": False})]),
        (["--host", "0.0.0.0"], HASH, 0, [("0.0.0.0", 8001, {"allow_sql": True, "password": True})]),
        ([], HASH, 0, [("127.0.0.1", 8001, {"allow_sql": True, "password": True})]),
        (["--host", "0.0.0.0"], "secret", 2, []),
        (["--no-sql"], None, 0, [("127.0.0.1", 8001, {"allow_sql": False, "password": False})]),
    ],
    ids=[
        "localhost-by-default",
        "any-address-refused",
        "lan-address-refused",
        "public-flag",
        "password-set",
        "password-on-localhost",
        "password-not-a-hash",
        "no-sql",
    ],
)
def test_serve_binds_localhost_unless_a_password_or_public(
    seed_db, serve_calls, monkeypatch, args, env, exit_code, expected
):
    if env is not None:
        monkeypatch.setenv(PASSWORD_ENV, env)
    result = CliRunner().invoke(cli, ["serve", "--db", str(seed_db), *args])
    assert (result.exit_code, serve_calls) == (exit_code, expected), result.output


def test_the_help_warns_about_public_and_says_how_to_make_a_hash():
    text = " ".join(CliRunner().invoke(cli, ["serve", "--help"]).output.split())
    assert "--public Allow a --host other than 127.0.0.1/localhost WITHOUT a password. WARNING: anyone" in text
    assert "MINER_PASSWORD_HASH" in text and "datasette hash-password" in text
    assert "--no-sql Turn off arbitrary SQL queries" in text


def test_a_refusal_names_the_remedies(seed_db, serve_calls):
    result = CliRunner().invoke(cli, ["serve", "--db", str(seed_db), "--host", "0.0.0.0"])
    assert "set MINER_PASSWORD_HASH" in result.output and "--public" in result.output


# ---------------------------------------------------------------- the served instance


def get(ds, path: str, cookies: dict | None = None, **params):
    return asyncio.run(ds.client.get(path, params=params or None, cookies=cookies))


@pytest.fixture
def locked(archive_db, monkeypatch):
    """The archive served with a password."""
    monkeypatch.setenv(PASSWORD_ENV, HASH)
    ds = make_datasette(archive_db, password=True)
    asyncio.run(ds.invoke_startup())
    return ds


def admin(ds) -> dict:
    return {"ds_actor": ds.sign({"a": {"id": "admin"}}, "actor")}


PAGES = [
    "/",
    "/archive",
    "/archive/paragraphs",
    "/archive/tim_kiem?q=kho",
    "/-/tra-cuu?q=QĐ+354",
    "/-/tim-kiem?q=kho",
    f"/-/van-ban/{ID_C}",
    "/-/don-vi/1",
    "/-/bieu-do",
    "/-/tra-cuu.csv?danh_sach=354",
]


@pytest.mark.parametrize("path", PAGES)
def test_with_a_password_anonymous_visitors_are_sent_to_the_login(locked, path):
    response = get(locked, path.replace("/archive", "/reports"))
    assert (response.status_code, response.headers.get("location")) == (302, "/-/login")


@pytest.mark.parametrize("path", PAGES)
def test_with_a_password_the_logged_in_admin_sees_every_page(locked, path):
    assert get(locked, path.replace("/archive", "/reports"), cookies=admin(locked)).status_code == 200


def test_the_login_accepts_the_password_whose_hash_is_in_the_environment(locked):
    async def log_in(password: str):
        form = await locked.client.get("/-/login")
        token = re.search(r'name="csrftoken" value="([^"]+)"', form.text).group(1)
        return await locked.client.post(
            "/-/login",
            data={"username": "admin", "password": password, "csrftoken": token},
            cookies={"ds_csrftoken": form.cookies["ds_csrftoken"]},
        )

    good = asyncio.run(log_in("mật khẩu đúng"))
    assert (good.status_code, "ds_actor" in good.cookies) == (302, True)
    bad = asyncio.run(log_in("sai"))
    assert (bad.status_code, "ds_actor" in bad.cookies) == (401, False)


def test_the_hash_is_not_shown_in_the_metadata(locked):
    text = get(locked, "/-/metadata.json", cookies=admin(locked)).text
    assert HASH not in text and PASSWORD_ENV in text


def test_make_datasette_refuses_a_password_that_is_no_hash(archive_db, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "hunter2")
    with pytest.raises(ValueError, match="datasette hash-password"):
        make_datasette(archive_db, password=True)


@pytest.fixture
def no_sql(archive_db):
    ds = make_datasette(archive_db, allow_sql=False)
    asyncio.run(ds.invoke_startup())
    return ds


def test_no_sql_refuses_arbitrary_sql(no_sql):
    assert get(no_sql, "/reports.json", sql="select * from documents").status_code == 403
    assert 'name="sql"' not in get(no_sql, "/reports").text


@pytest.mark.parametrize(
    "path",
    [
        "/reports/van_ban_duoc_dan_nhieu_nhat.json",
        "/reports/tim_kiem.json?q=kho",
        "/reports/documents.json",
        "/-/tra-cuu.json?q=QĐ+354",
        "/-/tim-kiem.json?q=kho",
    ],
)
def test_no_sql_keeps_canned_queries_tables_and_pages(no_sql, path):
    assert get(no_sql, path).status_code == 200


def test_a_query_longer_than_the_time_limit_is_stopped(archive_db):
    ds = make_datasette(archive_db)
    assert ds.setting("sql_time_limit_ms") == SETTINGS["sql_time_limit_ms"] == 3000
    endless = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    response = get(ds, "/reports.json", sql=endless)
    assert (response.status_code, response.json()["error"].startswith("<p>SQL query took too long.")) == (400, True)


@pytest.mark.parametrize(
    "path",
    [
        "/reports/paragraphs",
        "/reports/paragraphs?_search=alert",
        "/reports/documents",
        f"/reports/documents/{ID_C}",
        f"/-/van-ban/{ID_C}",
        "/-/tim-kiem?q=alert",
        "/reports/tim_kiem?q=alert",
        "/-/don-vi/1",
    ],
)
def test_every_page_showing_document_text_escapes_it(archive_db, path):
    ds = make_datasette(archive_db)
    text = get(ds, path).text
    assert "alert(1)" in text
    assert SCRIPT not in text


# ---------------------------------------------------------------- a file that is not a miner database


def _sqlite_without_miner_tables(path):
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("create table notes (x)")
    conn.commit()
    conn.close()


def _damaged(path, seed_db):
    data = bytearray(seed_db.read_bytes())
    data[100 : 4096 * 4] = b"\xff" * (4096 * 4 - 100)  # the schema's pages overwritten
    path.write_bytes(bytes(data))


JUNK = {
    "text-file": (
        lambda path, seed: path.write_text("BÁO CÁO tổng kết năm 2023\n", encoding="utf-8"),
        "is not a miner database (not an SQLite database)",
    ),
    "empty-file": (lambda path, seed: path.write_bytes(b""), "is not a miner database (an empty file)"),
    "other-sqlite": (
        lambda path, seed: _sqlite_without_miner_tables(path),
        "is an SQLite database but not a miner database (no documents, paragraphs",
    ),
    "damaged": (_damaged, "is damaged"),
    "older-schema": (lambda path, seed: _older(path, seed), "was written by an older miner"),
}


def _older(path, seed_db):
    import sqlite3

    from miner.store import SCHEMA_VERSION

    path.write_bytes(seed_db.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "message"), JUNK.values(), ids=JUNK.keys())
def test_serve_refuses_a_file_that_is_not_a_miner_database(tmp_path, seed_db, serve_calls, make, message):
    junk = tmp_path / "junk.db"
    make(junk, seed_db)
    result = CliRunner().invoke(cli, ["serve", "--db", str(junk)])
    assert (result.exit_code, serve_calls) == (1, [])
    (line,) = result.output.strip().splitlines()  # one line, no traceback
    assert line.startswith(f"Error: {junk} ") and message in line, line


def test_a_miner_database_has_no_problem(seed_db):
    assert miner.web.database_problem(seed_db) is None
