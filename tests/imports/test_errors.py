"""RowError as a person reads it, and the text report of a refused import."""

from clientela.imports import ImportRejected, RowError


def test_row_error_names_row_column_file_column_value_and_expectation():
    error = RowError(7, "amount", "Importe", "12,50", "expected an amount like 1234.56")
    assert str(error) == 'row 7, column "amount" (file column "Importe"): "12,50" — expected an amount like 1234.56'


def test_row_error_leaves_out_a_file_column_of_the_same_name():
    assert str(RowError(3, "date", "date", "x", "expected a date")) == 'row 3, column "date": "x" — expected a date'


def test_row_error_of_a_whole_row():
    assert str(RowError(4, "", "", "", "a problem")) == 'row 4: "" — a problem'


def test_row_error_shortens_long_values_to_60_characters():
    text = str(RowError(2, "name", "name", "y" * 61, "expected text"))
    assert text == f'row 2, column "name": "{"y" * 57}..." — expected text'


def test_report_lists_the_errors_up_to_the_limit_and_counts_the_rest():
    errors = [RowError(row, "date", "date", "x", "expected a date as YYYY-MM-DD") for row in (2, 3, 4)]
    rejection = ImportRejected("refused", errors, error_count=5)
    assert rejection.report(limit=2) == (
        "refused\n"
        '  row 2, column "date": "x" — expected a date as YYYY-MM-DD\n'
        '  row 3, column "date": "x" — expected a date as YYYY-MM-DD\n'
        "  ... and 3 more"
    )


def test_a_file_level_rejection_has_only_a_message():
    rejection = ImportRejected("data.csv: the file is empty")
    assert (rejection.message, rejection.errors, rejection.error_count) == ("data.csv: the file is empty", [], 0)
    assert rejection.report() == "data.csv: the file is empty"
