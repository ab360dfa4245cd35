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


def test_error_and_duplicate_reports_neutralise_formulas_from_the_file(tmp_path):
    from clientela.imports.errors import ImportRejected, RowError
    from clientela.imports.lookalikes import SuspectedDuplicate
    from clientela.imports.report import write_duplicates_report

    rejection = ImportRejected("refused", [RowError(2, "amount", "amount", "=cmd|' /C calc'!A0", "expected an amount"), RowError(3, "amount", "amount", "-12.50", "negative")])
    errors = tmp_path / "errors.txt"
    write_error_report(rejection, errors)
    with errors.open(newline="", encoding="utf-8") as handle:
        assert [row[3] for row in csv.reader(handle)][1:] == ["'=cmd|' /C calc'!A0", "-12.50"]
    suspect = SuspectedDuplicate(row=2, external_id="C2", name="@SUM(1+1)", other_external_id="C1", other_name="=cmd|' /C calc'!A0", other_row=None, reasons=("same name",), matched="@SUM(1+1)")
    duplicates = tmp_path / "duplicates.csv"
    write_duplicates_report([suspect], duplicates)
    with duplicates.open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle))[1] == ["2", "C2", "'@SUM(1+1)", "C1", "'=cmd|' /C calc'!A0", "", "same name"]
