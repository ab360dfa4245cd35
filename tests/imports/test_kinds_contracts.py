"""Import of contracts, one row per instalment; a re-import replaces the contract's schedule."""

from datetime import date

import pytest

from clientela.crm.models import Contract, Instalment
from clientela.imports import import_file
from tests.imports.tables import edit, messages

HEADER = ["contract_id", "customer_id", "signed_date", "value", "description", "instalment", "due_date", "instalment_amount"]
GOOD = [
    HEADER,
    ["K1", "C1", date(2024, 1, 10), 900, "Maintenance", 1, date(2024, 2, 1), 300],
    ["K1", "C1", date(2024, 1, 10), 900, "Maintenance", 2, date(2024, 3, 1), 300],
    ["K1", "C1", date(2024, 1, 10), 900, "Maintenance", 3, date(2024, 4, 1), 300],
    ["K2", "C2", date(2024, 2, 1), 100.5, None, None, date(2024, 2, 1), 50.25],
    ["K2", "C2", date(2024, 2, 1), 100.5, None, None, date(2024, 3, 1), 50.25],
]
CONTRACTS = [("K1", "C1", date(2024, 1, 10), 90000, "Maintenance"), ("K2", "C2", date(2024, 2, 1), 10050, "")]
K1_SCHEDULE = [("K1", 1, date(2024, 2, 1), 30000), ("K1", 2, date(2024, 3, 1), 30000), ("K1", 3, date(2024, 4, 1), 30000)]
K2_SCHEDULE = [("K2", 1, date(2024, 2, 1), 5025), ("K2", 2, date(2024, 3, 1), 5025)]


def contracts():
    return list(
        Contract.objects.order_by("contract_id").values_list(
            "contract_id", "customer__external_id", "signed_on", "value_cents", "description"
        )
    )


def schedules():
    return list(
        Instalment.objects.order_by("contract__contract_id", "sequence").values_list(
            "contract__contract_id", "sequence", "due_date", "amount_cents"
        )
    )


def test_good_file_is_imported(crm, write_table):
    result = import_file("contracts", write_table("contracts", GOOD))
    assert (result.rows, result.created, result.updated) == (5, 2, 0)
    assert contracts() == CONTRACTS
    assert schedules() == K1_SCHEDULE + K2_SCHEDULE


def test_reimport_replaces_the_schedule_of_the_contracts_in_the_file(crm, import_rows):
    import_rows("contracts", GOOD)
    rows = [
        HEADER,
        ["K1", "C1", "2024-01-10", "900", "Maintenance", "", "2024-02-15", "450"],
        ["K1", "C1", "2024-01-10", "900", "Maintenance", "", "2024-05-15", "450"],
    ]
    result = import_rows("contracts", rows)
    assert (result.rows, result.created, result.updated) == (2, 0, 1)
    assert contracts() == CONTRACTS
    assert schedules() == [("K1", 1, date(2024, 2, 15), 45000), ("K1", 2, date(2024, 5, 15), 45000), *K2_SCHEDULE]


@pytest.mark.parametrize(
    ("row", "column", "value", "error"),
    [
        (3, "due_date", "2024-01-09", 'row 3, column "due_date": "2024-01-09" — expected a due date on or after the signed date'),
        (3, "value", "950", 'row 3, column "value": "950" — expected the same value as in row 2 of contract K1'),
        (4, "customer_id", "C2", 'row 4, column "customer_id": "C2" — expected the same customer_id as in row 2 of contract K1'),
        (
            3,
            "signed_date",
            "2024-01-11",
            'row 3, column "signed_date": "2024-01-11" — expected the same signed_date as in row 2 of contract K1',
        ),
        (3, "instalment", "1", 'row 3, column "instalment": "1" — duplicate instalment of contract K1: already in row 2'),
        (3, "instalment_amount", "0", 'row 3, column "instalment_amount": "0" — expected an amount greater than zero'),
        (2, "customer_id", "C9", 'row 2, column "customer_id": "C9" — unknown customer'),
        (3, "due_date", "", 'row 3, column "due_date": "" — a value is required'),
    ],
)
def test_an_invalid_row_refuses_the_whole_file(crm, reject_rows, row, column, value, error):
    rejection = reject_rows("contracts", edit(GOOD, row, column, value))
    assert messages(rejection)[0] == error


def test_instalments_must_add_up_to_the_value(crm, reject_rows):
    rejection = reject_rows("contracts", edit(GOOD, 4, "instalment_amount", "200"))
    assert messages(rejection) == [
        'row 2, column "value": "900.00" — expected the instalments of contract K1 to add up to its value (they add up to 800.00)'
    ]


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [(3, "due_date", "01/03/2024"), (3, "value", "950"), (3, "instalment_amount", "3OO")],
)
def test_one_bad_instalment_row_is_one_error(crm, reject_rows, row, column, value):
    # Fixing the one bad cell makes the file valid, so the report must not also say that the
    # instalments of K1 do not add up to its value.
    rejection = reject_rows("contracts", edit(GOOD, row, column, value))
    assert (len(messages(rejection)), rejection.error_count) == (1, 1), messages(rejection)


def test_the_value_error_names_the_file_column_of_the_value(crm, reject_rows):
    rows = [["Valor" if name == "value" else name for name in HEADER], *edit(GOOD, 4, "instalment_amount", "200")[1:]]
    rejection = reject_rows("contracts", rows, mapping={"value": "Valor"})
    assert [(e.row, e.column, e.source_column) for e in rejection.errors] == [(2, "value", "Valor")]
