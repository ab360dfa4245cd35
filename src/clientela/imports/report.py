"""What an import reports, as CSV files a person can open in a spreadsheet: the errors of a refused file, suspected duplicates.

They are written by the export writer, so a file's value such as `=cmd|…` is shown as text, not run.
"""

from collections.abc import Sequence
from pathlib import Path

from clientela.exports import write_csv
from clientela.imports.errors import ImportRejected
from clientela.imports.lookalikes import SuspectedDuplicate


def write_error_report(rejection: ImportRejected, path: Path) -> None:
    """Write one line per row error: row, column, file column, value, expected."""
    rows = ([error.row, error.column, error.source_column, error.value, error.expected] for error in rejection.errors)
    write_csv(path, ["row", "column", "file column", "value", "expected"], rows)


def write_duplicates_report(duplicates: Sequence[SuspectedDuplicate], path: Path) -> None:
    """Write one line per suspected duplicate: the row and customer created, the customer it looks like, why."""
    columns = ["row", "external_id", "name", "looks like external_id", "looks like name", "looks like row", "why"]
    rows = ([s.row, s.external_id, s.name, s.other_external_id, s.other_name, s.other_row or "", "; ".join(s.reasons)] for s in duplicates)
    write_csv(path, columns, rows)
