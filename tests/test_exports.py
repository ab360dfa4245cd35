"""Writing tables to CSV and .xlsx."""

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from clientela.crm.models import Transaction
from clientela.crm.selectors.tables import EXPORTS, table_rows
from clientela.exports import ExportRefused, write_table


def test_transactions_export_in_import_columns_with_amounts(customer, tmp_path):
    Transaction.objects.create(document_id="F1", line=1, customer=customer, date=date(2024, 1, 2), units=-2, amount_cents=-1050, cost_cents=-700)
    path = tmp_path / "tx.csv"
    assert write_table(path, EXPORTS["transactions"].columns, table_rows("transactions")) == 1
    with path.open() as handle:
        rows = list(csv.reader(handle))
    assert rows == [list(EXPORTS["transactions"].columns), ["F1", "1", "C1", "2024-01-02", "", "-2", "-10.50", "-7.00"]]


def test_customers_export_to_xlsx_neutralises_formulas(salesperson, tmp_path):
    from clientela.crm.services.customers import customer_create

    customer_create(external_id="C7", name="=HYPERLINK(\"x\")", owner=salesperson)
    path = tmp_path / "customers.xlsx"
    write_table(path, EXPORTS["customers"].columns, table_rows("customers"))
    sheet = load_workbook(path).active
    header, first = list(sheet.iter_rows(values_only=True))[:2]
    assert header[:4] == ("external_id", "name", "kind", "owner")
    assert first[:4] == ("C7", "'=HYPERLINK(\"x\")", "company", "ana")


def test_an_unsupported_file_type_is_refused(tmp_path):
    with pytest.raises(ExportRefused, match=r"unsupported file type \.json; expected \.csv or \.xlsx"):
        write_table(tmp_path / "x.json", ["a"], [])


def test_customers_export_to_csv_neutralises_formulas_and_keeps_negative_amounts(salesperson, tmp_path):
    from clientela.crm.services.customers import customer_create

    for external_id, name in (("C8", "=cmd|' /C calc'!A0"), ("C9", "@SUM(1+1)")):
        customer = customer_create(external_id=external_id, name=name, owner=salesperson)
    Transaction.objects.create(document_id="F2", line=1, customer=customer, date=date(2024, 1, 2), units=-1, amount_cents=-2550)
    customers, transactions = tmp_path / "customers.csv", tmp_path / "tx.csv"
    write_table(customers, EXPORTS["customers"].columns, table_rows("customers"))
    write_table(transactions, EXPORTS["transactions"].columns, table_rows("transactions"))
    with customers.open(newline="", encoding="utf-8") as handle:
        assert [row[1] for row in csv.reader(handle)][1:] == ["'=cmd|' /C calc'!A0", "'@SUM(1+1)"]
    with transactions.open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle))[1][5:7] == ["-1", "-25.50"]
