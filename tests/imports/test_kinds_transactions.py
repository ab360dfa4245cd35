"""Import of transaction lines: references, money in cents, cost and margin, upserts by (document, line)."""

from datetime import date

import pytest

from clientela.crm.models import Transaction
from clientela.imports import import_file
from tests.imports.tables import edit, messages, without

HEADER = ["document_id", "line", "customer_id", "date", "product", "units", "amount", "cost", "margin"]
GOOD = [
    HEADER,
    ["F-1", 1, "C1", date(2024, 3, 1), "P1", 10, 120.5, 80, None],
    ["F-1", 2, "C1", date(2024, 3, 1), "P2", 2, 19.99, None, 7.99],
    ["F-2", 1, "C2", date(2024, 3, 4), None, None, 12, 8, 4],
    ["R-1", 1, "C2", date(2024, 3, 5), "P1", -1, -12.05, -8, None],
]
STORED = [
    ("F-1", 1, "C1", date(2024, 3, 1), "P1", 10, 12050, 8000),
    ("F-1", 2, "C1", date(2024, 3, 1), "P2", 2, 1999, 1200),
    ("F-2", 1, "C2", date(2024, 3, 4), None, None, 1200, 800),
    ("R-1", 1, "C2", date(2024, 3, 5), "P1", -1, -1205, -800),
]


def stored():
    return list(
        Transaction.objects.order_by("document_id", "line").values_list(
            "document_id", "line", "customer__external_id", "date", "product__sku", "units", "amount_cents", "cost_cents"
        )
    )


def test_good_file_is_imported(crm, write_table):
    result = import_file("transactions", write_table("transactions", GOOD))
    assert (result.kind, result.rows, result.created, result.updated, result.ignored_columns) == ("transactions", 4, 4, 0, [])
    assert stored() == STORED


def test_lines_are_numbered_within_each_document_without_a_line_column(crm, import_rows):
    import_rows("transactions", without(GOOD, "line"))
    assert [row[:2] for row in stored()] == [("F-1", 1), ("F-1", 2), ("F-2", 1), ("R-1", 1)]


def test_reimport_of_the_same_file_updates_every_line_and_changes_nothing(crm, import_rows):
    first = import_rows("transactions", without(GOOD, "line"))
    content = list(Transaction.objects.order_by("pk").values())
    again = import_rows("transactions", without(GOOD, "line"))
    assert (first.created, first.updated, again.created, again.updated) == (4, 0, 0, 4)
    assert list(Transaction.objects.order_by("pk").values()) == content


def test_reimport_updates_a_changed_amount_and_adds_new_lines(crm, import_rows):
    import_rows("transactions", GOOD)
    result = import_rows("transactions", [*edit(GOOD, 3, "amount", "25.00"), ["F-3", 1, "C1", "2024-03-09", "P2", 1, "5", "", ""]])
    assert (result.created, result.updated) == (1, 4)
    assert stored() == [
        STORED[0],
        ("F-1", 2, "C1", date(2024, 3, 1), "P2", 2, 2500, 1701),
        STORED[2],
        ("F-3", 1, "C1", date(2024, 3, 9), "P2", 1, 500, None),
        STORED[3],
    ]


def test_decimal_comma_and_date_format(crm, import_rows):
    rows = [HEADER, ["F-1", 1, "C1", "01/03/2024", "P1", 10, "1.120,50", "80,25", ""]]
    import_rows("transactions", rows, decimal_comma=True, date_format="%d/%m/%Y")
    assert stored() == [("F-1", 1, "C1", date(2024, 3, 1), "P1", 10, 112050, 8025)]


@pytest.mark.parametrize(
    ("row", "column", "value", "error"),
    [
        (3, "date", "01/03/2024", 'row 3, column "date": "01/03/2024" — expected a date as YYYY-MM-DD'),
        (3, "amount", "twelve", 'row 3, column "amount": "twelve" — expected an amount like 1234.56 (use --decimal-comma for 1234,56)'),
        (3, "amount", "12,50", 'row 3, column "amount": "12,50" — expected an amount like 1234.56 (use --decimal-comma for 1234,56)'),
        (3, "amount", "10000000000000", 'row 3, column "amount": "10000000000000" — expected an amount below 10,000,000,000,000'),
        (3, "customer_id", "C9", 'row 3, column "customer_id": "C9" — unknown customer'),
        (3, "product", "P9", 'row 3, column "product": "P9" — unknown product SKU'),
        (3, "units", "2147483648", 'row 3, column "units": "2147483648" — expected a whole number between -2147483647 and 2147483647'),
        (3, "units", "1.5", 'row 3, column "units": "1.5" — expected a whole number'),
        (3, "line", "0", 'row 3, column "line": "0" — expected a whole number of at least 1'),
        (3, "line", "1", 'row 3, column "line": "1" — duplicate line of document F-1: already in row 2'),
        (3, "document_id", " ", 'row 3, column "document_id": "" — a value is required'),
        (3, "amount", "", 'row 3, column "amount": "" — a value is required'),
        (4, "margin", "3", 'row 4, column "margin": "3" — expected amount - cost when both cost and margin are given'),
    ],
)
def test_an_invalid_row_refuses_the_whole_file(crm, reject_rows, row, column, value, error):
    rejection = reject_rows("transactions", edit(GOOD, row, column, value))
    assert (messages(rejection), rejection.error_count) == ([error], 1)
    assert rejection.message.endswith("transactions.csv: 1 error in transactions; nothing was imported")


def test_dates_in_another_format_than_the_given_one_are_refused(crm, reject_rows):
    rows = [HEADER, ["F-1", 1, "C1", "01/03/2024", "P1", 1, 10, None, None], ["F-1", 2, "C1", "2024-03-02", "P1", 1, 10, None, None]]
    rejection = reject_rows("transactions", rows, date_format="%d/%m/%Y")
    assert messages(rejection) == ['row 3, column "date": "2024-03-02" — expected a date as %d/%m/%Y']


def test_decimal_comma_refuses_an_amount_it_cannot_read(crm, reject_rows):
    rows = [HEADER, ["F-1", 1, "C1", "2024-03-01", "P1", 1, "10", "5", None], ["F-1", 2, "C1", "2024-03-01", "P1", 1, "20", "12,5,0", None]]
    rejection = reject_rows("transactions", rows, decimal_comma=True)
    assert messages(rejection) == ['row 3, column "cost": "12,5,0" — expected an amount like 1234,56']


def test_decimal_comma_does_not_read_a_decimal_point_as_a_thousands_separator(crm, reject_rows):
    # "12.50" is not a thousands grouping (those have three digits), so it must not become 1250.00.
    rows = [HEADER, ["F-1", 1, "C1", "2024-03-01", "P1", 1, "10", None, None], ["F-1", 2, "C1", "2024-03-01", "P1", 1, "12.50", None, None]]
    rejection = reject_rows("transactions", rows, decimal_comma=True)
    assert messages(rejection) == ['row 3, column "amount": "12.50" — expected an amount like 1234,56 or 1.234,56 (a point only groups thousands)']


def test_a_refused_file_leaves_existing_lines_as_they_were(crm, import_rows, reject_rows):
    import_rows("transactions", GOOD)
    changed = edit(edit(GOOD, 2, "amount", "999"), 5, "date", "yesterday")
    rejection = reject_rows("transactions", changed)
    assert messages(rejection) == ['row 5, column "date": "yesterday" — expected a date as YYYY-MM-DD']
    assert stored() == STORED


def test_amount_accepted_with_decimal_comma(crm, import_rows):
    import_rows("transactions", [HEADER, ["F-1", 1, "C1", "2024-03-01", "", "", "12,50", "", ""]], decimal_comma=True)
    assert [row[6] for row in stored()] == [1250]
