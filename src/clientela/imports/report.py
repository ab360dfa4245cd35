"""What an import reports, as CSV files a person can open in a spreadsheet: the errors of a refused file, suspected duplicates."""

import csv
from collections.abc import Sequence
from pathlib import Path

from clientela.imports.errors import ImportRejected
from clientela.imports.lookalikes import SuspectedDuplicate


def write_error_report(rejection: ImportRejected, path: Path) -> None:
    """Write one line per row error: row, column, file column, value, expected."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "column", "file column", "value", "expected"])
        for error in rejection.errors:
            writer.writerow([error.row, error.column, error.source_column, error.value, error.expected])


def write_duplicates_report(duplicates: Sequence[SuspectedDuplicate], path: Path) -> None:
    """Write one line per suspected duplicate: the row and customer created, the customer it looks like, why."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "external_id", "name", "looks like external_id", "looks like name", "looks like row", "why"])
        for suspect in duplicates:
            writer.writerow(
                [suspect.row, suspect.external_id, suspect.name, suspect.other_external_id, suspect.other_name, suspect.other_row or "", "; ".join(suspect.reasons)]
            )
