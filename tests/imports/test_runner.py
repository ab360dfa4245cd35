"""The import run as a whole: all rows or none, every error reported, counts and progress."""

import re
from datetime import date, timedelta

import pytest

from clientela.crm.models import Payment, Transaction
from clientela.imports import ImportRejected, import_file
from tests.imports.tables import messages

PAYMENTS = ["reference", "customer_id", "date", "amount", "invoice"]


def test_an_unknown_kind_is_refused(tmp_path):
    message = 'unknown import kind "orders"; expected one of customers, products, transactions, payments, contracts'
    with pytest.raises(ImportRejected, match=re.escape(message)):
        import_file("orders", tmp_path / "orders.csv")


@pytest.mark.parametrize("rows", [[PAYMENTS], [PAYMENTS, ["", "", "", "", ""], [" ", "", "", "", ""]]])
def test_a_header_without_data_rows_is_refused(crm, write_table, reject_file, rows):
    path = write_table("payments", rows)
    reject_file("payments", path, match=re.escape(f"{path}: the file has a header but no data rows"))


def test_every_error_of_the_file_is_reported(crm, reject_rows):
    rejection = reject_rows(
        "payments",
        [
            PAYMENTS,
            ["PAY-1", "C1", "2024-04-01", "10", ""],
            ["PAY-2", "C9", "2024-04-31", "10", ""],
            ["PAY-3", "C2", "2024-04-03", "10", ""],
            ["PAY-1", "C2", "2024-04-04", "ten", ""],
        ],
    )
    assert rejection.message.endswith("payments.csv: 3 errors in payments; nothing was imported")
    assert (rejection.error_count, messages(rejection)) == (
        3,
        [
            'row 3, column "customer_id": "C9" — unknown customer',
            'row 3, column "date": "2024-04-31" — expected a date as YYYY-MM-DD',
            'row 5, column "amount": "ten" — expected an amount like 1234.56 (use --decimal-comma for 1234,56)',
        ],
    )


def test_errors_are_capped_but_all_counted(crm, reject_rows):
    bad = ImportRejected.MAX_ERRORS + 5
    rejection = reject_rows("payments", [PAYMENTS, *([f"PAY-{n}", "C1", "2024-04-01", "x", ""] for n in range(bad))])
    assert (rejection.error_count, len(rejection.errors)) == (bad, ImportRejected.MAX_ERRORS)
    assert rejection.errors[-1].row == ImportRejected.MAX_ERRORS + 1
    assert rejection.message.endswith(f"payments.csv: {bad} errors in payments; nothing was imported")
    assert rejection.report().endswith("\n  ... and 5 more")


def many_transactions(count: int) -> list[list[str]]:
    first = date(2024, 1, 1)
    return [
        ["document_id", "customer_id", "date", "amount"],
        *([f"F-{n}", "C1", (first + timedelta(days=n % 300)).isoformat(), f"{n}.25"] for n in range(count)),
    ]


def test_rows_already_written_in_chunks_are_rolled_back_on_a_later_error(crm, reject_rows):
    rows = [*many_transactions(6000), ["F-X", "C1", "2024-13-01", "1"]]
    rejection = reject_rows("transactions", rows)
    assert messages(rejection) == ['row 6002, column "date": "2024-13-01" — expected a date as YYYY-MM-DD']
    assert not Transaction.objects.exists()


def test_rows_already_written_in_chunks_are_rolled_back_on_an_unreadable_row(crm, reject_rows):
    rows = [*many_transactions(6000), ["F-X", "C1", "2024-12-01"]]
    reject_rows("transactions", rows, match=r"transactions\.csv: row 6002 has 3 cells but the header has 4 columns")
    assert not Transaction.objects.exists()


def test_a_large_file_is_imported_in_chunks(crm, import_rows):
    result = import_rows("transactions", many_transactions(12000))
    assert (result.rows, result.created, result.updated) == (12000, 12000, 0)
    assert Transaction.objects.get(document_id="F-11999").amount_cents == 1199925


def test_result_lists_the_file_columns_not_imported_and_progress_is_reported(crm, write_csv):
    path = write_csv("payments.csv", [["Reference", "notes", *PAYMENTS[1:4], "seller"], ["PAY-1", "n", "C1", "2024-04-01", "5", "x"]])
    calls = []
    result = import_file("payments", path, progress=lambda done, total: calls.append((done, total)))
    assert (result.kind, result.rows, result.created, result.updated, result.ignored_columns) == ("payments", 1, 1, 0, ["notes", "seller"])
    assert calls == [(1, 1)]
    assert list(Payment.objects.values_list("reference", "amount_cents", "invoice")) == [("PAY-1", 500, "")]
