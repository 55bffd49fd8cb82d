"""What a reader sees instead of a code: Vietnamese first, English beside it.

Tables, columns and coded values ("bao_cao", "granted", "not found") keep their codes in the
database, in JSON and in SQL; every page, facet, filter and CSV (the lookup's, and a table's or
canned query's through miner/web/csv_labels.py) shows these labels
(miner/data/schema_descriptions.tsv for tables and columns, miner/data/value_labels.tsv for values).
"""

from __future__ import annotations

from functools import lru_cache

from .. import data

SEPARATOR = " / "


def both(vi: str, en: str) -> str:
    """ "Vietnamese / English", or one of them when the two are the same ("PDF")."""
    return vi if vi == en or not en else f"{vi}{SEPARATOR}{en}"


@lru_cache(maxsize=1)
def _schema() -> dict[tuple[str, str], dict[str, str]]:
    return {(r["table"], r["column"]): r for r in data.rows("schema_descriptions.tsv")}


def _schema_row(table: str, column: str) -> dict[str, str] | None:
    rows = _schema()
    return rows.get((table, column)) or (rows.get(("*", column)) if column else None)


def describe(table: str, column: str = "") -> str | None:
    """What a table or column holds, "Vietnamese / English", or None when undescribed."""
    row = _schema_row(table, column)
    return both(row["vi"], row["en"]) if row else None


def table_title(table: str) -> str:
    """A table's name as a reader reads it: "Văn bản / Documents"."""
    row = _schema_row(table, "")
    return both(row["label_vi"], row["label_en"]) if row and row["label_vi"] else table


def column_title(table: str | None, column: str) -> str:
    """A column's heading: "Loại văn bản / Kind"; a column the schema does not name keeps its name."""
    row = _schema_row(table or "query", column)
    return both(row["label_vi"], row["label_en"]) if row and row["label_vi"] else column


@lru_cache(maxsize=1)
def _values() -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    out: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    for r in data.rows("value_labels.tsv"):
        out.setdefault((r["table"], r["column"]), {})[r["value"]] = (r["vi"], r["en"])
    return out


def coded_columns() -> frozenset[tuple[str, str]]:
    """The (table, column) pairs whose values are codes with labels."""
    return frozenset(_values())


def is_coded(table: str | None, column: str) -> bool:
    """Whether a column's values are codes with labels (in this table, or in every table)."""
    return (table or "", column) in _values() or ("*", column) in _values()


def value_label(table: str | None, column: str, value: object) -> str | None:
    """The label of a coded value ("bao_cao" -> "Báo cáo / Report"), or None when it is no code."""
    if value is None:
        return None
    labels = _values().get((table or "", column)) or _values().get(("*", column))
    found = labels.get(str(value)) if labels else None
    return both(*found) if found else None


def value_vi(table: str | None, column: str, value: object) -> str | None:
    """The Vietnamese label alone (for a compact place: a chart's legend, a facet)."""
    labels = _values().get((table or "", column)) or _values().get(("*", column))
    found = labels.get(str(value)) if labels and value is not None else None
    return found[0] if found else None


def shown(table: str | None, column: str, value: object) -> str:
    """What a page shows for a value: its label when it is a code, else the value ("" for none)."""
    if value is None:
        return ""
    return value_label(table, column, value) or str(value)


def lookup_status(status: str) -> str:
    """The outcome of a looked-up line as a reader reads it; "invalid: why" keeps its reason."""
    code, _, reason = status.partition(": ")
    label = value_label("lookup", "status", code) or status
    return f"{label}: {reason}" if reason else label


# Datasette's own words in its pages (the menus other plugins add, its filter operators), as the
# project's templates show them.
CHROME = {
    "Log in": "Đăng nhập / Log in",
    "Log out": "Đăng xuất / Log out",
    "Debug permissions": "Kiểm tra quyền / Debug permissions",
    "=": "=",
    "!=": "≠",
    "contains": "chứa / contains",
    "does not contain": "không chứa / does not contain",
    "ends with": "kết thúc bằng / ends with",
    "starts with": "bắt đầu bằng / starts with",
    "like": "like",
    "not like": "not like",
    "glob": "glob",
    "in": "thuộc / in",
    "not in": "không thuộc / not in",
    "array contains": "mảng chứa / array contains",
    "array does not contain": "mảng không chứa / array does not contain",
    "date": "ngày / date",
    ">": ">",
    ">=": "≥",
    "<": "<",
    "<=": "≤",
    "is null": "trống / is null",
    "is not null": "không trống / is not null",
    "is blank": "rỗng / is blank",
    "is not blank": "không rỗng / is not blank",
}


def chrome(text: str) -> str:
    """Datasette's English word in both languages, or as it is when the project has no translation."""
    return CHROME.get(text, text)


# Datasette's filter operators by their keys ("exact", "gt" ...), as a table page's heading says them.
OPERATORS = {
    "exact": "=",
    "not": "≠",
    "contains": "chứa / contains",
    "endswith": "kết thúc bằng / ends with",
    "startswith": "bắt đầu bằng / starts with",
    "gt": ">",
    "gte": "≥",
    "lt": "<",
    "lte": "≤",
    "like": "like",
    "notlike": "not like",
    "glob": "glob",
    "in": "thuộc / in",
    "notin": "không thuộc / not in",
    "arraycontains": "mảng chứa / array contains",
    "arraynotcontains": "mảng không chứa / array does not contain",
    "date": "ngày / date",
    "isnull": "trống / is null",
    "notnull": "không trống / is not null",
    "isblank": "rỗng / is blank",
    "notblank": "không rỗng / is not blank",
}


def operator(key: str) -> str:
    return OPERATORS.get(key, key)
