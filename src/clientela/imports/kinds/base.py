"""The shape shared by every kind of import."""

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from django.db import models

from clientela.imports.errors import RowError
from clientela.imports.lookalikes import SuspectedDuplicate
from clientela.pipeline.services.stages import SyncResult


class Parser(Protocol):
    def parse(self, raw: Any) -> Any: ...


@dataclass(frozen=True)
class Column:
    """One of our columns: its name, how a cell is parsed, and what a blank cell means."""

    name: str
    parser: Parser
    required: bool = False
    blank: Any = None


@dataclass(frozen=True)
class ImportSettings:
    """How cells are written in the file, and whether suspected duplicate customers refuse it."""

    date_format: str | None = None
    decimal_comma: bool = False
    refuse_duplicates: bool = False


class RowProblem(ValueError):
    """A row that is wrong as a whole or in one column, found after its cells parsed."""

    def __init__(self, column: str, expected: str) -> None:
        super().__init__(expected)
        self.column = column
        self.expected = expected


class ImportKind:
    """Columns, row checks and the write of one kind of import (one instance per run).

    Subclasses define `columns()`, `write()` and optionally `check()`; `finish()` returns
    problems only visible once every row was read; `after_write()` runs once every row is
    written, in the same transaction; `chunk_size` None keeps every row for one final write.
    What an import found or did besides writing rows is reported in `suspected_duplicates` and
    `stage_sync`.
    """

    model: ClassVar[type[models.Model]]
    chunk_size: ClassVar[int | None] = 5000
    suspected_duplicates: tuple[SuspectedDuplicate, ...] = ()
    stage_sync: SyncResult | None = None

    def __init__(self, settings: ImportSettings) -> None:
        self.settings = settings
        self._first_row_of: dict[Hashable, int] = {}

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def check(self, row: int, record: dict[str, Any]) -> None:
        """Raise RowProblem if the row is wrong as a whole."""

    def write(self, records: list[dict[str, Any]], present: list[str]) -> None:
        """Write valid records; `present` lists our columns found in the file, in column order."""
        raise NotImplementedError

    def finish(self) -> list[RowError]:
        return []

    def after_write(self) -> list[RowError]:
        """Checks and follow-up writes once every row is written; any problem returned refuses the whole file."""
        return []

    def record_count(self, rows: int) -> int:
        """How many records `rows` valid rows stand for (one each, unless overridden)."""
        return rows

    def require_unique(self, row: int, key: Hashable, column: str, what: str) -> None:
        """Refuse a row whose key already appeared in an earlier row of the file."""
        first = self._first_row_of.setdefault(key, row)
        if first != row:
            raise RowProblem(column, f"duplicate {what}: already in row {first}")
