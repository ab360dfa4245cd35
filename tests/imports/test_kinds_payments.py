"""Import of payments, upserted by reference."""

from datetime import date

import pytest

from clientela.crm.models import Payment
from clientela.imports import import_file
from tests.imports.tables import edit, messages

GOOD = [
    ["reference", "customer_id", "date", "amount", "invoice"],
    ["PAY-1", "C1", date(2024, 4, 1), 250, "F-1"],
    ["PAY-2", "C2", date(2024, 4, 2), -10.5, None],
    ["PAY-3", "C1", date(2024, 4, 3), 0.07, "F-1"],
]
STORED = [
    ("PAY-1", "C1", date(2024, 4, 1), 25000, "F-1"),
    ("PAY-2", "C2", date(2024, 4, 2), -1050, ""),
    ("PAY-3", "C1", date(2024, 4, 3), 7, "F-1"),
]


def stored():
    return list(Payment.objects.order_by("reference").values_list("reference", "customer__external_id", "date", "amount_cents", "invoice"))


def test_good_file_is_imported(crm, write_table):
    result = import_file("payments", write_table("payments", GOOD))
    assert (result.rows, result.created, result.updated) == (3, 3, 0)
    assert stored() == STORED


def test_reimport_updates_by_reference(crm, import_rows):
    import_rows("payments", GOOD)
    result = import_rows("payments", edit(edit(GOOD[:3], 2, "amount", "260"), 2, "customer_id", "C2"))
    assert (result.created, result.updated) == (0, 2)
    assert stored() == [("PAY-1", "C2", date(2024, 4, 1), 26000, "F-1"), *STORED[1:]]


@pytest.mark.parametrize(
    ("column", "value", "error"),
    [
        ("reference", "PAY-1", 'row 3, column "reference": "PAY-1" — duplicate payment reference: already in row 2'),
        ("customer_id", "C9", 'row 3, column "customer_id": "C9" — unknown customer'),
        ("date", "2024-04-31", 'row 3, column "date": "2024-04-31" — expected a date as YYYY-MM-DD'),
        ("amount", "10,50", 'row 3, column "amount": "10,50" — expected an amount like 1234.56 (use --decimal-comma for 1234,56)'),
        ("amount", "-99999999999999", 'row 3, column "amount": "-99999999999999" — expected an amount below 10,000,000,000,000'),
        ("customer_id", "", 'row 3, column "customer_id": "" — a value is required'),
    ],
)
def test_an_invalid_row_refuses_the_whole_file(crm, reject_rows, column, value, error):
    rejection = reject_rows("payments", edit(GOOD, 3, column, value))
    assert messages(rejection) == [error]


def test_amounts_with_decimal_comma(crm, import_rows):
    import_rows("payments", edit(GOOD[:2], 2, "amount", "1.250,75"), decimal_comma=True)
    assert stored() == [("PAY-1", "C1", date(2024, 4, 1), 125075, "F-1")]
