"""The CSV error report of a refused import."""

import csv

from clientela.imports.report import write_error_report


def test_error_report_has_one_line_per_row_error(crm, reject_rows, tmp_path):
    rejection = reject_rows(
        "payments",
        [
            ["reference", "Cliente", "date", "amount"],
            ["PAY-1", "C9", "2024-04-01", "10"],
            ["PAY-2", "C1", "2024-04-01", "1.234,50"],
        ],
        mapping={"customer_id": "Cliente"},
    )
    path = tmp_path / "errors.csv"
    write_error_report(rejection, path)
    with path.open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [
            ["row", "column", "file column", "value", "expected"],
            ["2", "customer_id", "Cliente", "C9", "unknown customer"],
            ["3", "amount", "amount", "1.234,50", "expected an amount like 1234.56 (use --decimal-comma for 1234,56)"],
        ]
