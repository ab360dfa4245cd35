"""Column mapping: --map text, saved mapping files, and how file columns are matched to ours."""

import re
from datetime import date

import pytest

from clientela.crm.models import Transaction
from clientela.imports import ImportRejected
from clientela.imports.mapping import load_mapping_file, parse_map_option, resolve_columns

KNOWN = ["reference", "customer_id", "date", "amount", "invoice"]
REQUIRED = ["reference", "customer_id", "date", "amount"]


def test_parse_map_option():
    assert parse_map_option(" date=Fecha, amount = Importe ,,customer_id=Cliente=Nº") == {
        "date": "Fecha",
        "amount": "Importe",
        "customer_id": "Cliente=Nº",
    }


@pytest.mark.parametrize(("text", "pair"), [("date", "date"), ("date=Fecha,=Importe", "=Importe"), ("amount= ", "amount=")])
def test_parse_map_option_refuses_a_pair_without_both_names(text, pair):
    with pytest.raises(ImportRejected, match=re.escape(f'--map: "{pair}" is not of the form column=file column')):
        parse_map_option(text)


@pytest.mark.parametrize(
    ("name", "text"),
    [("mapping.json", '{"date": "Fecha", "amount": "Importe"}'), ("mapping.toml", 'date = "Fecha"\namount = "Importe"\n')],
)
def test_load_mapping_file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert load_mapping_file(path) == {"date": "Fecha", "amount": "Importe"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("mapping.json", '{"date": "Fecha",}', r"mapping\.json: not a valid mapping file \(.+\)$"),
        ("mapping.toml", "date = Fecha", r"mapping\.toml: not a valid mapping file \(.+\)$"),
        ("mapping.json", '["date", "Fecha"]', r'mapping\.json: a mapping file holds pairs of column names, e\.g\. \{"date": "Fecha"\}'),
        ("mapping.json", '{"units": 3}', r"mapping\.json: a mapping file holds pairs of column names"),
        ("mapping.toml", '[date]\nfile = "Fecha"', r"mapping\.toml: a mapping file holds pairs of column names"),
    ],
)
def test_load_mapping_file_refuses_an_invalid_file(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRejected, match=message):
        load_mapping_file(path)


def test_load_mapping_file_refuses_a_missing_file(tmp_path):
    with pytest.raises(ImportRejected, match=r"nothing\.json: cannot read the mapping file \(No such file or directory\)"):
        load_mapping_file(tmp_path / "nothing.json")


def test_load_mapping_file_refuses_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_bytes('{"date": "Fecha de emisión"}'.encode("latin-1"))
    with pytest.raises(ImportRejected, match=r"mapping\.json"):
        load_mapping_file(path)


def test_columns_are_matched_by_name_ignoring_case_and_the_rest_is_ignored():
    header = ["Reference", "CUSTOMER_ID", "Date", "amount", "notes"]
    assert resolve_columns(header, {}, KNOWN, REQUIRED) == (
        {"reference": 0, "customer_id": 1, "date": 2, "amount": 3},
        ["notes"],
    )


def test_a_mapping_takes_precedence_over_a_column_of_the_same_name():
    header = ["reference", "customer_id", "date", "amount", "Importe"]
    positions, ignored = resolve_columns(header, {"amount": "importe"}, KNOWN, REQUIRED)
    assert (positions["amount"], ignored) == (4, ["amount"])


def test_a_missing_required_column_suggests_a_mapping():
    message = (
        "missing required column(s) date, amount (file columns: reference, customer_id, Fecha); "
        "map them with --map date=<file column>"
    )
    with pytest.raises(ImportRejected, match=re.escape(message)):
        resolve_columns(["reference", "customer_id", "Fecha"], {}, KNOWN, REQUIRED)


def test_a_mapping_naming_a_column_not_in_the_file_is_refused():
    message = 'the mapping takes "date" from file column "Fecha", which is not in the file (columns: reference, Date)'
    with pytest.raises(ImportRejected, match=re.escape(message)):
        resolve_columns(["reference", "Date"], {"date": "Fecha"}, KNOWN, REQUIRED)


def test_a_mapping_naming_an_unknown_column_of_ours_is_refused():
    message = "the mapping names unknown column(s) fecha, total; expected some of: reference, customer_id, date, amount, invoice"
    with pytest.raises(ImportRejected, match=re.escape(message)):
        resolve_columns(["reference"], {"total": "Total", "fecha": "Fecha", "date": "Fecha"}, KNOWN, REQUIRED)


TRANSACTIONS_ES = [
    ["Factura", "Cliente", "Fecha", "Importe", "Coste", "Notas"],
    ["F-1", "C1", "01/03/2024", "1.210,50", "800", "primera"],
    ["F-1", "C2", "02/03/2024", "-12,05", "", ""],
]
MAPPING_ES = {"document_id": "Factura", "customer_id": "cliente", "date": "Fecha", "amount": "Importe", "cost": "Coste"}


def test_import_with_a_mapping_and_the_file_conventions(crm, import_rows):
    result = import_rows("transactions", TRANSACTIONS_ES, mapping=MAPPING_ES, date_format="%d/%m/%Y", decimal_comma=True)
    assert (result.rows, result.created, result.updated, result.ignored_columns) == (2, 2, 0, ["Notas"])
    assert list(
        Transaction.objects.order_by("line").values_list(
            "document_id", "line", "customer__external_id", "date", "amount_cents", "cost_cents"
        )
    ) == [("F-1", 1, "C1", date(2024, 3, 1), 121050, 80000), ("F-1", 2, "C2", date(2024, 3, 2), -1205, None)]


def test_import_without_the_mapping_names_what_is_missing(crm, reject_rows):
    rejection = reject_rows(
        "transactions",
        TRANSACTIONS_ES,
        match=re.escape(
            "missing required column(s) document_id, customer_id, date, amount "
            "(file columns: Factura, Cliente, Fecha, Importe, Coste, Notas); map them with --map document_id=<file column>"
        ),
    )
    assert rejection.errors == []


def test_import_with_a_mapping_to_a_column_not_in_the_file(crm, reject_rows):
    reject_rows(
        "transactions",
        TRANSACTIONS_ES,
        mapping={**MAPPING_ES, "date": "Fecha factura"},
        match=re.escape('the mapping takes "date" from file column "Fecha factura", which is not in the file'),
    )


def test_import_with_a_mapping_of_an_unknown_column_of_ours(crm, reject_rows):
    reject_rows(
        "transactions",
        TRANSACTIONS_ES,
        mapping={**MAPPING_ES, "notes": "Notas"},
        match=re.escape("the mapping names unknown column(s) notes; expected some of: document_id, line, customer_id,"),
    )
