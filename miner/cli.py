"""The `miner` command: thin adapters over the library."""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import MinerError
from .pipeline import build_record
from .readers import read_document


@click.group()
@click.version_option(__version__, prog_name="miner")
def cli() -> None:
    """Mine Vietnamese administrative reports into a searchable SQLite database."""


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (the spec's shape).")
def extract(file: str, as_json: bool) -> None:
    """Extract the record of one FILE and print it.

    Example: miner extract corpus/000-khoi5-daknong-2022.txt --json
    """
    try:
        record = build_record(read_document(file))
    except MinerError as exc:
        raise click.ClickException(exc.one_line()) from exc
    data = record.to_dict()
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    click.echo(format_summary(data))


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
    return item.get("name", "")
