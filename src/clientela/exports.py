"""Write a table to CSV or .xlsx; text that a spreadsheet would run as a formula is neutralised."""

import csv
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from clientela.formulas import neutralise

XLSX_MAX_ROWS = 1_048_576


class ExportRefused(Exception):
    """The table cannot be written to that file."""


def write_table(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write `columns` then `rows` to a .csv or .xlsx file; return the number of rows written."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return write_csv(path, columns, rows)
    if suffix == ".xlsx":
        return _write_xlsx(path, columns, rows)
    raise ExportRefused(f"{path}: unsupported file type {suffix or '(none)'}; expected .csv or .xlsx")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write `columns` then `rows` to a UTF-8 CSV file whatever its name; return the number of rows written."""
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])
            count += 1
    return count


def _write_xlsx(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    return write_workbook(path, {path.stem[:31] or "data": (columns, rows)})[0]


def write_workbook(path: Path, sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Any]]]]) -> list[int]:
    """Write one sheet per entry (name -> columns, rows) to an .xlsx file; return the rows written per sheet."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    counts = []
    for name, (columns, rows) in sheets.items():
        sheet = workbook.create_sheet(name[:31])
        sheet.append(list(columns))
        count = 0
        for row in rows:
            count += 1
            if count >= XLSX_MAX_ROWS:
                raise ExportRefused(f"{path}: more than {XLSX_MAX_ROWS - 1:,} rows do not fit in a sheet; export to .csv")
            sheet.append([float(v) if isinstance(v, Decimal) else neutralise(v) for v in row])
        counts.append(count)
    workbook.save(path)
    return counts
