"""Readers for tabular files: a header and numbered rows, whatever the format.

Rows are numbered as in a spreadsheet: the header is row 1, the first data row is row 2.
Blank rows are skipped.
"""

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientela.imports.errors import ImportRejected

SUPPORTED_SUFFIXES = (".csv", ".txt", ".xlsx")


@dataclass
class SourceTable:
    """A file's header, an estimate of its row count (for progress) and its rows."""

    path: Path
    header: list[str]
    estimated_rows: int
    rows: Iterator[tuple[int, list[Any]]]


def open_table(
    path: Path, *, delimiter: str | None = None, encoding: str = "utf-8-sig", sheet: str | None = None, max_bytes: int | None = None
) -> SourceTable:
    """Open a CSV or .xlsx file of at most `max_bytes` for reading; raise ImportRejected if it cannot be read."""
    if not path.is_file():
        raise ImportRejected(f"{path}: no such file")
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise ImportRejected(f"{path}: the file has {size:,} bytes, more than the import limit of {max_bytes:,} bytes (IMPORT_MAX_MB); split it")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _open_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _open_csv(path, delimiter, encoding)
    raise ImportRejected(f"{path}: unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}")


def _check_header(path: Path, header: list[str]) -> list[str]:
    header = [str(name).strip() if name is not None else "" for name in header]
    if not any(header):
        raise ImportRejected(f"{path}: the file is empty; expected a header row with column names")
    for number, name in enumerate(header, start=1):
        if not name:
            raise ImportRejected(f"{path}: column {number} of the header has no name")
    seen: set[str] = set()
    for name in header:
        if name.lower() in seen:
            raise ImportRejected(f'{path}: the header names column "{name}" twice (column names ignore case)')
        seen.add(name.lower())
    return header


def _utf16_without_mark(path: Path) -> ImportRejected:
    return ImportRejected(f"{path}: the file holds NUL bytes, as UTF-16 text without a byte-order mark does; save it as UTF-8 or pass --encoding utf-16-le")


def _not_decodable(path: Path, encoding: str) -> ImportRejected:
    """Explain where the file stops being `encoding` text (its byte offset in the whole file)."""
    content = path.read_bytes()
    if b"\x00" in content[:4096]:
        return _utf16_without_mark(path)
    try:
        content.decode(encoding)
    except UnicodeDecodeError as error:
        return ImportRejected(
            f"{path}: the file is not {encoding} text (byte 0x{error.object[error.start]:02x} at position {error.start}); "
            "save it as UTF-8 or pass --encoding (e.g. latin-1)"
        )
    return ImportRejected(f"{path}: the file is not {encoding} text")


def _checked_options(delimiter: str | None, encoding: str) -> str | None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ImportRejected(f'unknown encoding "{encoding}"; expected e.g. utf-8, latin-1, cp1252') from None
    if delimiter == "\\t":
        delimiter = "\t"
    if delimiter is not None and len(delimiter) != 1:
        raise ImportRejected(f'the delimiter must be one character (got "{delimiter}"); e.g. ",", ";" or "\\t" for tab')
    return delimiter


def _encoding_of(path: Path, encoding: str) -> str:
    """The given encoding, or UTF-16 for a file that starts with a UTF-16 byte-order mark where UTF-8 was expected
    (spreadsheets save "Unicode text" so)."""
    if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
        with path.open("rb") as probe:
            if probe.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                return "utf-16"
    return encoding


def _open_csv(path: Path, delimiter: str | None, encoding: str) -> SourceTable:
    delimiter = _checked_options(delimiter, encoding)
    encoding = _encoding_of(path, encoding)
    try:
        with path.open(encoding=encoding, newline="") as probe:
            first_line = probe.readline()
            line_count = sum(1 for _ in probe)
    except UnicodeDecodeError:
        raise _not_decodable(path, encoding) from None
    if not first_line.strip():
        raise ImportRejected(f"{path}: the file is empty; expected a header row with column names")
    if "\x00" in first_line:
        raise _utf16_without_mark(path)
    if delimiter is None:
        delimiter = max(",;\t|", key=first_line.count)
    header = _check_header(path, next(csv.reader([first_line], delimiter=delimiter)))
    return SourceTable(path, header, line_count, _csv_rows(path, delimiter, encoding, len(header)))


def _csv_rows(path: Path, delimiter: str, encoding: str, width: int) -> Iterator[tuple[int, list[Any]]]:
    try:
        with path.open(encoding=encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter, strict=True)
            next(reader)
            # Records, not physical lines: a quoted cell may hold line breaks.
            number = 1
            for number, row in enumerate(reader, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != width:
                    raise ImportRejected(f"{path}: row {number} has {len(row)} cells but the header has {width} columns")
                yield number, row
    except UnicodeDecodeError:
        raise _not_decodable(path, encoding) from None
    except csv.Error as error:
        raise ImportRejected(f"{path}: row {number + 1} is not valid CSV ({error})") from None


def _open_xlsx(path: Path, sheet: str | None) -> SourceTable:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportRejected(f"{path}: not a readable .xlsx workbook ({error})") from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise ImportRejected(f'{path}: no sheet "{sheet}"; the workbook has {", ".join(workbook.sheetnames)}')
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    rows = worksheet.iter_rows(values_only=True)
    try:
        first = next(rows)
    except StopIteration:
        raise ImportRejected(f"{path}: the sheet is empty; expected a header row with column names") from None
    while first and first[-1] is None:
        first = first[:-1]
    try:
        header = _check_header(path, list(first))
    except ImportRejected:
        workbook.close()
        raise
    return SourceTable(path, header, max((worksheet.max_row or 1) - 1, 0), _xlsx_rows(workbook, rows, len(header)))


def _xlsx_rows(workbook: Any, rows: Iterator[tuple[Any, ...]], width: int) -> Iterator[tuple[int, list[Any]]]:
    try:
        for number, row in enumerate(rows, start=2):
            cells = list(row[:width]) + [None] * (width - len(row))
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
                continue
            if any(cell not in (None, "") for cell in row[width:]):
                raise ImportRejected(f"row {number} has values beyond the {width} columns of the header")
            yield number, cells
    finally:
        workbook.close()
