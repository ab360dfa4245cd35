"""Import of sales targets: monthly rows upserted by scope, yearly rows spread by seasonality, all or nothing."""

from datetime import date

import pytest

from clientela.crm.models import Transaction
from clientela.fieldsales.models import Target
from clientela.imports import ImportRejected, import_file
from tests.imports.tables import edit, messages

GOOD = [
    ["salesperson", "customer_id", "product", "family", "year", "month", "amount", "units"],
    ["ana", "C1", "P1", None, 2026, 5, "150.50", 10],
    ["ana", None, None, "drinks", 2026, None, "1200", None],
    ["bruno", "C2", None, None, 2026, 5, None, 7],
]


def stored():
    return list(Target.objects.order_by("id").values_list("salesperson__username", "customer__external_id", "product__sku", "family", "year", "month", "amount_cents", "units"))


def test_good_file_is_imported_and_a_yearly_row_is_spread(crm, write_table):
    # Ana's Drinks sales of 2025: all in March, so the whole yearly target goes to March.
    Transaction.objects.create(document_id="D1", customer=crm["C1"], date=date(2025, 3, 1), product=crm["P2"], amount_cents=10_00)

    result = import_file("targets", write_table("targets", GOOD))

    assert (result.rows, result.created, result.updated) == (3, 14, 0)
    rows = stored()
    assert ("ana", "C1", "P1", "", 2026, 5, 150_50, 10) in rows
    assert ("bruno", "C2", None, "", 2026, 5, None, 7) in rows
    yearly = [row for row in rows if row[3] == "Drinks"]
    assert [(row[5], row[6]) for row in yearly] == [(m, 1200_00 if m == 3 else 0) for m in range(1, 13)]


def test_reimport_updates_the_same_targets(crm, import_rows):
    import_rows("targets", GOOD)
    result = import_rows("targets", edit(GOOD, 2, "amount", "200"))
    assert (result.created, result.updated) == (0, 14)
    assert ("ana", "C1", "P1", "", 2026, 5, 200_00, 10) in stored()


@pytest.mark.parametrize(
    ("row", "column", "value", "error"),
    [
        (2, "salesperson", "zoe", 'row 2, column "salesperson": "zoe" — unknown salesperson username'),
        (2, "customer_id", "C2", 'row 2, column "customer_id": "C2" — expected a customer of this row\'s salesperson'),
        (2, "family", "drinks", 'row 2, column "family": "drinks" — give a product or a product family, not both'),
        (3, "family", "Snacks", 'row 3, column "family": "Snacks" — expected one of: drinks'),
        (2, "month", 13, 'row 2, column "month": "13" — expected a month from 1 to 12, or nothing for the whole year'),
        (4, "units", None, 'row 4, column "amount": "" — give an amount, units or both'),
        (3, "year", "26", 'row 3, column "year": "26" — expected a whole number of at least 2000'),
    ],
)
def test_an_invalid_row_refuses_the_whole_file(crm, import_rows, write_csv, row, column, value, error):
    with pytest.raises(ImportRejected) as caught:
        import_file("targets", write_csv("targets.csv", edit(GOOD, row, column, value)))
    assert messages(caught.value) == [error]
    assert not Target.objects.exists()


def test_a_duplicate_scope_and_month_is_refused(crm, write_csv):
    with pytest.raises(ImportRejected) as caught:
        import_file("targets", write_csv("targets.csv", [*GOOD, GOOD[1]]))
    assert messages(caught.value) == ['row 5, column "month": "5" — duplicate target of the same salesperson, customer, product and month: already in row 2']
