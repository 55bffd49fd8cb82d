"""Hostile visitors of the served archive (issue 14, items 2, 5, 6 and 10): every input is built
here, small, and each test asserts what the visitor sees: a 400 that says why, never a 500
with SQL in it; a long document paged; a login that neither stalls the server nor lets a
guesser go on; an address too long answered 414; a spreadsheet cell that is no formula."""

from __future__ import annotations

import asyncio
import re
import threading

import pytest
from datasette_auth_passwords.utils import hash_password

from miner import store
from miner.document import Document, Paragraph
from miner.record import Header, Organization, Record, Span
from miner.store import FileState, open_db
from miner.web import PASSWORD_ENV, make_datasette
from miner.web import login as login_module
from miner.web.guard import MAX_QUERY_STRING

from .conftest import Client


def status_and_text(client: Client, path: str, **params) -> tuple[int, str]:
    response = client.get(path, **params)
    return response.status_code, response.text


# ---------------------------------------------------------------- 400s, not 500s (item 5)

BAD = {
    "nul-in-search": ("/-/tim-kiem", {"q": "a\x00b"}, 200, None),
    "nul-in-search-json": ("/-/tim-kiem.json", {"q": "Kho\x00bạc"}, 200, None),
    "superscript-next": ("/{db}/paragraphs", {"_search": "dak", "_next": "²"}, 400, "_next"),
    "superscript-size": ("/{db}/paragraphs", {"_search": "dak", "_size": "²"}, 400, "_size"),
    "next-past-sqlite": ("/{db}/paragraphs", {"_search": "dak", "_next": "9999999999999999999"}, 400, "số quá lớn"),
    "next-past-sqlite-table": ("/{db}/paragraphs", {"_next": "9999999999999999999"}, 400, "số quá lớn"),
    "id-past-sqlite": ("/{db}/paragraphs", {"id__gt": "9999999999999999999"}, 400, "số quá lớn"),
    "superscript-filter": ("/{db}/documents", {"year__gt": "²"}, 400, "year__gt"),
    "sort-no-column": ("/{db}/documents", {"_sort": "no_such_column"}, 400, "Cannot sort"),
    "sort-desc-no-column": ("/{db}/documents", {"_sort_desc": "nope"}, 400, "Cannot sort"),
    "where-not-sql": ("/{db}/documents", {"_where": "nope("}, 400, "Invalid SQL"),
    "where-no-column": ("/{db}/documents", {"_where": "no_such_column = 1"}, 400, "no such column"),
    "where-union": ("/{db}/documents.json", {"_where": "1) union select"}, 400, None),
    "facet-no-column": ("/{db}/documents", {"_facet": "nope"}, 400, "no such column"),
    "facet-size-superscript": ("/{db}/documents", {"_facet_size": "²"}, 400, "_facet_size"),
    "timelimit-superscript": ("/{db}", {"sql": "select 1", "_timelimit": "²"}, 400, "_timelimit"),
    "through-not-json": ("/{db}/documents", {"_through": "nope"}, 400, "_through"),
    "through-broken-json": ("/{db}/documents", {"_through": '{"table": "citations"'}, 400, "_through"),
    "through-not-an-object": ("/{db}/documents", {"_through": "[1, 2]"}, 400, "_through"),
    "through-no-value": ("/{db}/documents", {"_through": '{"table": "citations", "column": "id"}'}, 400, "_through"),
    "through-value-object": (
        "/{db}/documents",
        {"_through": '{"table": "citations", "column": "id", "value": {}}'},
        400,
        "_through",
    ),
    "through-no-such-table": (
        "/{db}/documents",
        {"_through": '{"table": "nope", "column": "id", "value": 1}'},
        400,
        "Invalid _through",
    ),
    "through-no-such-column": (
        "/{db}/documents",
        {"_through": '{"table": "citations", "column": "nope", "value": 1}'},
        400,
        "no such column",
    ),
    "row-past-sqlite": ("/{db}/paragraphs/9999999999999999999", {}, 404, "Record not found"),
    "static-plugins-unknown": ("/-/static-plugins/nope/x.js", {}, 404, None),
    "unrouted-path": ("/-/no/such/page", {}, 404, None),
}


@pytest.mark.parametrize(("path", "params", "status", "says"), BAD.values(), ids=BAD.keys())
def test_datasette_core_answers_400_not_500(client, path, params, status, says):
    code, text = status_and_text(client, path.format(db=client.database), **params)
    assert code == status, text[:500]
    if says:
        assert says in text
    shown = re.sub(r"<[^>]+>", " ", text.split('<section class="content">')[-1])
    assert not re.search(r"\bselect\b.*\bfrom\b", shown, re.IGNORECASE | re.DOTALL), shown  # no SQL shown


def test_a_well_formed_through_still_filters(client):
    """The guard refuses a malformed `_through`, not Datasette's many-to-many filter itself."""
    through = '{"table": "citations", "column": "cited_document_id", "value": 1}'
    code, text = status_and_text(client, f"/{client.database}/cited_documents.json", _through=through)
    assert code == 200, text[:500]


def test_a_path_no_route_serves_is_a_404(client):
    """Datasette's own handler failed on these with `rich` installed (a 500 and a traceback)."""
    for path in ("/-/static-plugins/x", "/a/b/c/d/e", "/-/miner/static/..%2F__init__.py"):
        assert client.get(path).status_code == 404, path


def test_a_nul_in_the_search_is_a_space(client):
    with_nul = client.get("/-/tim-kiem.json", q="Kho\x00bạc").json()
    assert with_nul["rows"] == client.get("/-/tim-kiem.json", q="Kho bạc").json()["rows"] != []


# ---------------------------------------------------------------- a filtered search reads a bounded number of matches

# A phrase in every paragraph of many reports, and one decision, the oldest: a filter on the kind
# finds it only by reading every match of the reports; the search reads SCAN_LIMIT of them.
PHRASE = "Tặng Bằng khen cho tập thể"


@pytest.fixture
def crowded_db(db_path):
    db = open_db(db_path)
    decision = Document(path="qd.txt", format="txt", paragraphs=(Paragraph(0, f"QUYẾT ĐỊNH {PHRASE} Kho bạc"),))
    store.save(db, "d" * 64, FileState("/crowd/qd.txt", 1, 1.0), decision, Record(header=Header(kind="quyet_dinh")))
    for n in range(30):
        doc = Document(
            path=f"{n}.txt", format="txt", paragraphs=tuple(Paragraph(i, f"{PHRASE} số {n}-{i}") for i in range(10))
        )
        store.save(db, f"{n:064x}", FileState(f"/crowd/{n}.txt", 1, 1.0), doc, Record(header=Header(kind="bao_cao")))
    db.close()
    return db_path


def test_a_filtered_search_stops_after_the_newest_matches_and_says_so(crowded_db, monkeypatch):
    client = Client(crowded_db)
    found = client.get("/-/tim-kiem.json", q=PHRASE, loai="quyet_dinh").json()
    assert [r["document_id"] for r in found["rows"]] == ["d" * 64]  # every match read: found
    monkeypatch.setattr("miner.web.search.SCAN_LIMIT", 100)  # of 301 matches, the newest 100 only
    bounded = client.get("/-/tim-kiem.json", q=PHRASE, loai="quyet_dinh").json()
    assert (bounded["rows"], bounded["found"]["bounded"]) == ([], True)
    page = client.get("/-/tim-kiem", q=PHRASE, loai="quyet_dinh").text
    assert "Ranked among the newest" in page


# ---------------------------------------------------------------- a long document is paged (item 2)


@pytest.fixture
def long_document(db_path):
    """A document of 2,000 short paragraphs with a unit named in paragraph 1,500."""
    db = open_db(db_path)
    paragraphs = tuple(Paragraph(i, "x" if i != 1500 else "Kho bạc Nhà nước tỉnh Đắk Nông") for i in range(2000))
    name = "Kho bạc Nhà nước tỉnh Đắk Nông"
    record = Record(
        header=Header(title="Văn bản dài"), organizations=(Organization(name, spans=(Span(1500, 0, len(name), name),)),)
    )
    store.save(
        db,
        "e" * 64,
        FileState("/long.txt", 1, 1.0),
        Document(path="long.txt", format="txt", paragraphs=paragraphs),
        record,
    )
    db.close()
    return db_path


def test_a_long_document_is_shown_a_page_at_a_time_with_links_to_the_others(long_document):
    client = Client(long_document)
    first = client.get(f"/-/van-ban/{'e' * 64}.json").json()
    assert (first["page"], first["pages"], len(first["paragraphs"]), first["facts"]) == (1, 7, 300, [])
    sixth = client.get(f"/-/van-ban/{'e' * 64}.json", trang="6").json()
    assert [p["seq"] for p in sixth["paragraphs"]] == list(range(1500, 1800))
    assert [(f["table"], f["paragraph_id"] - sixth["paragraphs"][0]["id"]) for f in sixth["facts"]] == [
        ("organization_mentions", 0)
    ]
    page = client.get(f"/-/van-ban/{'e' * 64}").text
    assert page.count('class="par par-') == 300
    assert f'href="/-/van-ban/{"e" * 64}?trang=7"' in page
    assert client.get(f"/-/van-ban/{'e' * 64}", trang="8").status_code == 404
    assert client.get(f"/-/van-ban/{'e' * 64}", trang="²").status_code == 400
    # A paragraph's link goes to the page that shows it.
    (row,) = client.rows("paragraphs", seq="1500")
    redirect = client.get(f"/-/doan/{row['id']}")
    assert (redirect.status_code, redirect.headers["location"]) == (302, f"/-/van-ban/{'e' * 64}?trang=6#p1500")


# ---------------------------------------------------------------- ⟦ ⟧ in a document (item 10)


def test_a_document_holding_the_snippet_marks_keeps_its_highlighting(db_path):
    db = open_db(db_path)
    text = "Mục ⟦1⟧ của ⟦báo cáo: Kho bạc Nhà nước đã ⟧ hoàn thành"
    store.save(
        db,
        "f" * 64,
        FileState("/m.txt", 1, 1.0),
        Document(path="m.txt", format="txt", paragraphs=(Paragraph(0, text),)),
        Record(header=Header()),
    )
    db.close()
    page = Client(db_path).get("/-/tim-kiem", q="kho bạc").text
    assert "<mark>Kho</mark> <mark>bạc</mark>" in page
    assert "Mục 〚1〛 của 〚báo cáo:" in page


# ---------------------------------------------------------------- an address too long (item 10)


def asgi_get(ds, path: str, query: bytes) -> tuple[int, bytes]:
    """A GET sent to the ASGI app as a server would, whatever its length (httpx refuses long ones)."""
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 1),
        "scheme": "http",
        "server": ("localhost", 80),
        "root_path": "",
    }
    asyncio.run(ds.app()(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_an_address_too_long_is_answered_414(client):
    from urllib.parse import urlencode

    long_query = urlencode({"danh_sach": "354/QĐ-UBND\n" * (150 * 1024 // 20)}).encode()
    assert len(long_query) > 150 * 1024 > MAX_QUERY_STRING
    status, body = asgi_get(client.ds, "/-/tra-cuu", long_query)
    assert (status, b"URI too long" in body) == (414, True)
    fitting = urlencode({"danh_sach": "354/QĐ-UBND\n" * 400}).encode()
    assert asgi_get(client.ds, "/-/tra-cuu", fitting)[0] == 200


# ---------------------------------------------------------------- the login (item 6)

HASH = hash_password("mật khẩu đúng", iterations=1000)


@pytest.fixture
def locked(seed_db, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, HASH)
    monkeypatch.setattr(login_module, "ATTEMPTS", login_module.Attempts())
    ds = make_datasette(seed_db, password=True)
    asyncio.run(ds.invoke_startup())
    return ds


async def _post_login(ds, password: str):
    form = await ds.client.get("/-/login")
    token = re.search(r'name="csrftoken" value="([^"]+)"', form.text).group(1)
    return await ds.client.post(
        "/-/login",
        data={"username": "admin", "password": password, "csrftoken": token},
        cookies={"ds_csrftoken": form.cookies["ds_csrftoken"]},
    )


def test_the_password_is_checked_off_the_event_loop(locked, monkeypatch):
    """While a check runs (held here until the other page has answered), the server answers others."""
    release = threading.Event()
    started = threading.Event()

    def slow_verify(password, hashed):
        started.set()
        assert release.wait(10), "the other page never answered: the check blocked the event loop"
        return False

    monkeypatch.setattr("datasette_auth_passwords.utils.verify_password", slow_verify)

    async def both():
        login = asyncio.ensure_future(_post_login(locked, "sai"))
        while not started.is_set():
            await asyncio.sleep(0.01)
        other = await locked.client.get("/-/login")  # answered while the check is still running
        release.set()
        return other.status_code, (await login).status_code

    assert asyncio.run(both()) == (200, 401)


def test_wrong_passwords_are_slowed_after_a_few(locked):
    async def attempts():
        codes = [(await _post_login(locked, "sai")).status_code for _ in range(login_module.FREE_FAILURES + 1)]
        blocked = await _post_login(locked, "mật khẩu đúng")  # even the right one waits its turn
        return codes, blocked

    codes, blocked = asyncio.run(attempts())
    assert codes == [401] * (login_module.FREE_FAILURES + 1)
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    assert "try again in" in blocked.text


def test_the_wait_grows_and_is_kept_per_client():
    attempts = login_module.Attempts()
    for _ in range(login_module.FREE_FAILURES):
        attempts.failed("10.0.0.1", now=0.0)
    assert attempts.wait("10.0.0.1", now=0.0) == 0.0
    waits = []
    for _ in range(4):
        attempts.failed("10.0.0.1", now=0.0)
        waits.append(attempts.wait("10.0.0.1", now=0.0))
    assert waits == [1.0, 2.0, 4.0, 8.0]
    assert attempts.wait("10.0.0.2", now=0.0) == 0.0  # another client is not slowed
    attempts.succeeded("10.0.0.1")
    assert attempts.wait("10.0.0.1", now=0.0) == 0.0


def test_failed_logins_are_forgotten_after_a_while_and_never_pile_up(monkeypatch):
    monkeypatch.setattr(login_module, "MAX_CLIENTS", 100)
    attempts = login_module.Attempts()
    for _ in range(login_module.FREE_FAILURES + 2):
        attempts.failed("10.0.0.1", now=0.0)
    assert attempts.wait("10.0.0.1", now=0.0) == 2.0
    later = login_module.FORGET_AFTER + 1.0
    assert attempts.wait("10.0.0.1", now=later) == 0.0  # forgotten, even before anything is dropped
    attempts.failed("10.0.0.2", now=later)
    assert list(attempts.clients) == ["10.0.0.2"]  # the stale entry dropped on the next failure
    attempts.failed("10.0.0.2", now=later)
    assert attempts.clients["10.0.0.2"].failures == 2
    for n in range(1_000):  # a sweep of addresses within the window
        attempts.failed(f"10.1.{n // 256}.{n % 256}", now=later + n)
    assert len(attempts.clients) == 100
    assert list(attempts.clients)[-1] == "10.1.3.231" and "10.0.0.2" not in attempts.clients
    # a client that keeps failing stays (it is moved to the newest end)
    for n in range(200):
        attempts.failed("10.9.9.9", now=later + 1_000 + n)
        attempts.failed(f"10.2.0.{n}", now=later + 1_000 + n)
    assert attempts.clients["10.9.9.9"].failures == 200


@pytest.mark.parametrize(
    "path",
    [
        "/seed/documents",
        "/seed/no_such_table",
        "/seed/no_such_table/1",
        "/-/allow-debug",
        "/-/plugins",
        "/-/databases.json",
        "/seed.json",
        "/-/password-tool",
    ],
)
def test_anonymous_visitors_cannot_tell_what_exists(locked, path):
    response = asyncio.run(locked.client.get(path.replace("/seed", "/reports")))
    assert (response.status_code, response.headers.get("location")) == (302, "/-/login")


def test_the_login_page_itself_is_open(locked):
    assert asyncio.run(locked.client.get("/-/login")).status_code == 200
    assert asyncio.run(locked.client.get("/-/miner/static/miner.css")).status_code == 200
