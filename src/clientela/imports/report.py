"""The error report of a refused import, as a CSV file a person can open in a spreadsheet."""

import csv
from pathlib import Path

from clientela.imports.errors import ImportRejected


def write_error_report(rejection: ImportRejected, path: Path) -> None:
    """Write one line per row error: row, column, file column, value, expected."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "column", "file column", "value", "expected"])
        for error in rejection.errors:
            writer.writerow([error.row, error.column, error.source_column, error.value, error.expected])
