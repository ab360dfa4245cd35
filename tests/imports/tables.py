"""Small helpers to derive test tables (header first) from a good one."""

from collections.abc import Sequence
from typing import Any

from clientela.imports import ImportRejected

Rows = Sequence[Sequence[Any]]


def edit(rows: Rows, row: int, column: str, value: Any) -> list[list[Any]]:
    """Return a copy of `rows` with the cell of spreadsheet row `row` (header = 1) in `column` set to `value`."""
    copy = [list(cells) for cells in rows]
    copy[row - 1][list(rows[0]).index(column)] = value
    return copy


def without(rows: Rows, *columns: str) -> list[list[Any]]:
    """Return a copy of `rows` without `columns`."""
    keep = [index for index, name in enumerate(rows[0]) if name not in columns]
    return [[cells[index] for index in keep] for cells in rows]


def messages(rejection: ImportRejected) -> list[str]:
    """The row errors of a rejection as text."""
    return [str(error) for error in rejection.errors]
