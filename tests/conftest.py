"""Fixtures shared by the store, ingest, search, web and CLI tests: the seed document, tmp
databases, and a Datasette client that runs in-process."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "000-khoi5-daknong-2022.txt"
SEED = ROOT / "corpus" / SEED_NAME

# The web tests' archive and its fixtures (archive_db, archive_client).
pytest_plugins = ["tests.web_archive"]


@pytest.fixture(scope="session")
def seed() -> Path:
    """The seed document (the user's own example), as the repository keeps it in corpus/."""
    assert SEED.is_file(), f"the seed document belongs in the repository at {SEED}"
    return SEED


@pytest.fixture
def archive(tmp_path: Path, seed: Path) -> Path:
    """A folder holding a copy of the seed, for tests that change files."""
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(seed, folder / SEED_NAME)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "reports.db"


@pytest.fixture
def seed_db(db_path: Path, seed: Path) -> Path:
    """A database with the seed ingested."""
    from miner.ingest import ingest
    from miner.store import open_db

    db = open_db(db_path)
    summary = ingest(db, [seed])
    db.close()
    assert summary.ingested == 1, summary.line()
    return db_path


class Client:
    """Datasette's in-process client, called synchronously."""

    def __init__(self, db_path: Path):
        from miner.web import make_datasette

        self.ds = make_datasette(db_path)
        self.database = db_path.stem
        asyncio.run(self.ds.invoke_startup())

    def get(self, path: str, **params):
        return asyncio.run(self.ds.client.get(path, params=params or None))

    def rows(self, table: str, **params) -> list[dict]:
        """The rows of a table page as JSON (`_shape=array`), all of them."""
        response = self.get(f"/{self.database}/{table}.json", _shape="array", _size="max", **params)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def client(seed_db: Path) -> Client:
    return Client(seed_db)
