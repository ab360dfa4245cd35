"""Reading CSV and .xlsx files: header, row numbers, delimiters, encodings, sheets, unreadable files."""

import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from clientela.crm.models import Payment
from clientela.crm.services.customers import customer_create
from clientela.imports import ImportOptions, import_file
from clientela.imports.readers import open_table
from tests.imports.conftest import options
from tests.imports.tables import messages

HEADER = ["reference", "customer_id", "date", "amount", "invoice"]
PAYMENTS = [HEADER, ["PAY-1", "C1", "2024-04-01", "10", "F-1"], ["PAY-2", "C2", "2024-04-02", "20.5", ""]]


def stored_payments():
    return list(Payment.objects.order_by("reference").values_list("reference", "customer__external_id", "date", "amount_cents", "invoice"))


def test_csv_rows_are_numbered_as_in_a_spreadsheet_and_blank_rows_skipped(tmp_path):
    path = tmp_path / "payments.csv"
    path.write_text("reference,amount\nPAY-1,10\n\n , \nPAY-2,20\n", encoding="utf-8")
    table = open_table(path)
    assert (table.header, list(table.rows)) == (["reference", "amount"], [(2, ["PAY-1", "10"]), (5, ["PAY-2", "20"])])


@pytest.mark.parametrize(("delimiter", "suffix"), [(";", "csv"), ("\t", "txt"), ("|", "csv")])
def test_csv_delimiter_is_guessed_from_the_header(write_csv, delimiter, suffix):
    path = write_csv(f"payments.{suffix}", [["reference", "invoice"], ["PAY-1", "F-1, F-2"]], delimiter=delimiter)
    assert list(open_table(path).rows) == [(2, ["PAY-1", "F-1, F-2"])]


def test_csv_delimiter_can_be_given(write_csv):
    path = write_csv("payments.csv", [["reference;x", "invoice"], ["PAY;1", "F-1"]])
    table = open_table(path, delimiter=",")
    assert (table.header, list(table.rows)) == (["reference;x", "invoice"], [(2, ["PAY;1", "F-1"])])


def test_semicolon_csv_imports(crm, write_csv):
    path = write_csv("payments.csv", PAYMENTS, delimiter=";")
    assert import_file("payments", path).created == 2
    assert stored_payments() == [("PAY-1", "C1", date(2024, 4, 1), 1000, "F-1"), ("PAY-2", "C2", date(2024, 4, 2), 2050, "")]


def test_utf8_byte_order_mark_is_not_part_of_the_header(tmp_path):
    path = tmp_path / "payments.csv"
    path.write_bytes("\ufeffreference,amount\nPAY-1,10\n".encode())
    assert open_table(path).header == ["reference", "amount"]


def test_latin1_file_is_refused_as_utf8_and_imported_as_latin1(crm, tmp_path, reject_file):
    content = "reference,customer_id,date,amount,invoice\nPAY-1,C1,2024-04-01,10,Núñez\n".encode("latin-1")
    path = tmp_path / "payments.csv"
    path.write_bytes(content)
    reject_file(
        "payments",
        path,
        match=re.escape(
            f"{path}: the file is not utf-8-sig text (byte 0xfa at position {content.index(0xFA)}); "
            "save it as UTF-8 or pass --encoding (e.g. latin-1)"
        ),
    )
    assert import_file("payments", path, options(encoding="latin-1")).created == 1
    assert stored_payments() == [("PAY-1", "C1", date(2024, 4, 1), 1000, "Núñez")]


def test_position_of_an_undecodable_byte_is_its_offset_in_the_file(crm, tmp_path, reject_file):
    rows = "".join(f"PAY-{n},C1,2024-04-01,10,F-{n}\n" for n in range(1000))
    content = f"reference,customer_id,date,amount,invoice\n{rows}PAY-X,C1,2024-04-01,10,Núñez\n".encode("latin-1")
    path = tmp_path / "payments.csv"
    path.write_bytes(content)
    assert content.index(0xFA) > 8192
    reject_file("payments", path, match=re.escape(f"(byte 0xfa at position {content.index(0xFA)})"))


def test_an_unknown_encoding_is_refused(crm, write_csv, reject_file):
    reject_file("payments", write_csv("payments.csv", PAYMENTS), encoding="latin-99", match="latin-99")


def test_a_delimiter_of_more_than_one_character_is_refused(crm, write_csv, reject_file):
    reject_file("payments", write_csv("payments.csv", PAYMENTS), delimiter=";;", match="delimiter must be one character")


def test_a_typed_backslash_t_delimiter_means_tab(crm, write_csv):
    result = import_file("payments", write_csv("payments.tsv.csv", PAYMENTS, delimiter="\t"), ImportOptions(delimiter="\\t"))
    assert result.created == 2


def test_a_row_with_the_wrong_number_of_cells_is_refused(crm, write_csv, reject_file):
    path = write_csv("payments.csv", [*PAYMENTS, ["PAY-3", "C1", "2024-04-03", "30"]])
    reject_file("payments", path, match=re.escape(f"{path}: row 4 has 4 cells but the header has 5 columns"))


def test_invalid_csv_quoting_is_refused(crm, tmp_path, reject_file):
    path = tmp_path / "payments.csv"
    path.write_text('reference,customer_id,date,amount,invoice\nPAY-1,C1,2024-04-01,10,\nPAY-2,C1,2024-04-01,"10"x,\n')
    reject_file("payments", path, match=re.escape(f"{path}: row 3 is not valid CSV ("))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty; expected a header row with column names"),
        (b"\n\nPAY-1,C1\n", "the file is empty; expected a header row with column names"),
        (b",,\n", "the file is empty; expected a header row with column names"),
        (b"reference,,amount\n", "column 2 of the header has no name"),
        (b"reference,amount,reference\n", 'the header names column "reference" twice'),
    ],
)
def test_a_csv_without_a_usable_header_is_refused(crm, tmp_path, reject_file, content, message):
    path = tmp_path / "payments.csv"
    path.write_bytes(content)
    reject_file("payments", path, match=re.escape(f"{path}: {message}"))


def test_rows_after_a_cell_with_a_line_break_keep_their_spreadsheet_number(crm, write_csv, reject_file):
    path = write_csv(
        "payments.csv",
        [HEADER, ["PAY-1", "C1", "2024-04-01", "10", "F-1\nF-2"], ["PAY-2", "C1", "01/04/2024", "10", ""]],
    )
    rejection = reject_file("payments", path)
    assert messages(rejection) == ['row 3, column "date": "01/04/2024" — expected a date as YYYY-MM-DD']


@pytest.mark.parametrize("name", ["payments.xls", "payments.json", "payments"])
def test_an_unsupported_file_type_is_refused(crm, tmp_path, reject_file, name):
    path = tmp_path / name
    path.write_text("reference,amount\n")
    suffix = path.suffix or "(none)"
    reject_file(
        "payments", path, match=re.escape(f"{path}: unsupported file type {suffix}; expected one of .csv, .txt, .xlsx")
    )


def test_a_missing_file_is_refused(db, tmp_path, reject_file):
    reject_file("payments", tmp_path / "nothing.csv", match=re.escape(f"{tmp_path / 'nothing.csv'}: no such file"))


def test_a_damaged_workbook_is_refused(db, tmp_path, reject_file):
    path = tmp_path / "payments.xlsx"
    path.write_bytes(b"reference,amount\n")
    reject_file("payments", path, match=re.escape(f"{path}: not a readable .xlsx workbook ("))


def test_an_empty_sheet_is_refused(db, write_xlsx, reject_file):
    path = write_xlsx("payments.xlsx", [])
    reject_file("payments", path, match=re.escape(f"{path}: the sheet is empty; expected a header row with column names"))


def test_excel_date_cells_and_numeric_ids(crm, write_xlsx):
    customer_create(external_id="123", name="Numbered")
    path = write_xlsx(
        "payments.xlsx",
        [HEADER, [1001, 123, datetime(2024, 4, 1), 12.5, 77.0], ["PAY-2", "C1", date(2024, 4, 2), 20, None]],
    )
    assert import_file("payments", path).created == 2
    assert stored_payments() == [("1001", "123", date(2024, 4, 1), 1250, "77"), ("PAY-2", "C1", date(2024, 4, 2), 2000, "")]


def test_excel_rows_keep_their_number_and_trailing_empty_rows_are_skipped(write_xlsx):
    path = write_xlsx("payments.xlsx", [["reference", "amount", None], ["PAY-1", 10], [None, None], ["PAY-2", 20], ["", " "]])
    workbook = load_workbook(path)
    workbook.active.cell(row=40, column=3).number_format = "0.00"  # a formatted, empty cell far below
    workbook.save(path)
    table = open_table(path)
    assert (table.header, list(table.rows)) == (["reference", "amount"], [(2, ["PAY-1", 10]), (4, ["PAY-2", 20])])


def test_excel_trailing_empty_rows_do_not_count_as_data(crm, write_xlsx):
    path = write_xlsx("payments.xlsx", [HEADER, ["PAY-1", "C1", date(2024, 4, 1), 10, None]])
    workbook = load_workbook(path)
    workbook.active.cell(row=500, column=1).number_format = "0.00"
    workbook.save(path)
    result = import_file("payments", path)
    assert (result.rows, result.created) == (1, 1)


def test_sheet_option_selects_a_sheet(crm, write_workbook):
    path = write_workbook(
        "book.xlsx",
        {"Notes": [["nothing", "here"]], "Payments": [HEADER, ["PAY-9", "C2", date(2024, 5, 1), 99.99, "F-9"]]},
    )
    assert import_file("payments", path, options(sheet="Payments")).created == 1
    assert stored_payments() == [("PAY-9", "C2", date(2024, 5, 1), 9999, "F-9")]


def test_the_first_sheet_is_read_by_default(crm, write_workbook, reject_file):
    path = write_workbook("book.xlsx", {"Notes": [["nothing", "here"]], "Payments": [HEADER]})
    reject_file("payments", path, match=re.escape("missing required column(s) reference, customer_id, date, amount"))


def test_an_unknown_sheet_is_refused(crm, write_workbook, reject_file):
    path = write_workbook("book.xlsx", {"Notes": [["x"]], "Payments": PAYMENTS})
    reject_file("payments", path, sheet="Pagos", match=re.escape(f'{path}: no sheet "Pagos"; the workbook has Notes, Payments'))

