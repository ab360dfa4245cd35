"""Reading transaction and payment files for the engine's file mode."""

import re
import tempfile
from datetime import date

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clientela.engine.sources import InputError, file_connection, read_input


@pytest.fixture
def duckdb():
    connection = ibis.duckdb.connect()
    yield connection
    connection.disconnect()


def write(tmp_path, text: str, name: str = "tx.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_csv_becomes_cents_dates_and_text_ids(duckdb, tmp_path):
    path = write(tmp_path, "customer_id,date,amount,units,profit\n00001,19970101,11.77,2,3.10\n00002,1997-01-12,-12.50,,\n")
    rows = read_input(duckdb, path).order_by("customer_id").to_pyarrow().to_pylist()
    assert rows == [
        {"customer_id": "00001", "date": date(1997, 1, 1), "units": 2, "amount_cents": 1177, "cost_cents": 867},
        {"customer_id": "00002", "date": date(1997, 1, 12), "units": None, "amount_cents": -1250, "cost_cents": None},
    ]  # no document ids: no document_id column (an order is then a day's purchases)


def test_a_parquet_payments_file_keeps_its_native_types(duckdb, tmp_path):
    path = tmp_path / "pay.parquet"
    pq.write_table(pa.table({"customer_id": [7, 8], "date": [date(2024, 2, 1), date(2024, 2, 2)], "amount": [99.5, 0.29]}), path)
    rows = read_input(duckdb, path, payments=True).order_by("customer_id").to_pyarrow().to_pylist()
    assert rows == [
        {"customer_id": 7, "date": date(2024, 2, 1), "amount_cents": 9950},
        {"customer_id": 8, "date": date(2024, 2, 2), "amount_cents": 29},
    ]


def test_a_parquet_null_is_reported_by_record_number(duckdb, tmp_path):
    path = tmp_path / "tx.parquet"
    pq.write_table(pa.table({"customer_id": [1, 2, 3], "date": [date(2024, 2, 1), None, None], "amount": [1.0, 2.0, 3.0]}), path)
    with pytest.raises(InputError, match='row 2, column "date": "" — expected a date'):
        read_input(duckdb, path)


def test_a_csv_row_with_extra_cells_is_refused(duckdb, tmp_path):
    path = write(tmp_path, "customer_id;date;amount\n1;2024-01-01;1\n2;2024-01-02;2;9\n")
    with pytest.raises(InputError, match=re.escape(f"{path}: row 3: 4 cells where the header has 3")):
        read_input(duckdb, path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("customer_id,date,amount,colour\n1,2024-01-01,1,red\n", 'unknown column "colour"'),
        ("customer_id,amount\n1,1\n", 'missing column "date"'),
        ("customer_id,date,amount\n1,2024-01-01,1\n2,2024-02-30,1\n", 'row 3, column "date": "2024-02-30" — expected a date'),
        ("customer_id,date,amount\n1,2024-01-01,abc\n", 'row 2, column "amount": "abc" — expected a number like 1234.56'),
        ("customer_id,date,amount,units\n1,2024-01-01,1,2.5\n", 'row 2, column "units": "2.5" — expected a whole number'),
        ("customer_id,date,amount\n,2024-01-01,1\n", 'row 2, column "customer_id": "" — expected a customer id'),
        ("customer_id,date,amount\n", "no data rows"),
        ("", "the file is empty"),
    ],
)
def test_bad_files_name_file_row_and_column(duckdb, tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(InputError, match=re.escape(f"{path}: ") + ".*" + re.escape(message)):
        read_input(duckdb, path)


def test_missing_and_unsupported_files_are_refused(duckdb, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(duckdb, tmp_path / "none.csv")
    with pytest.raises(InputError, match=r"unsupported file type \.json"):
        read_input(duckdb, write(tmp_path, "{}", "tx.json"))


def test_file_connection_caps_duckdb_memory():
    connection = file_connection(memory_limit="256MB")

    assert connection.raw_sql("SELECT current_setting('memory_limit')").fetchone()[0] == "244.1 MiB"
    assert connection.raw_sql("SELECT current_setting('temp_directory')").fetchone()[0] == tempfile.gettempdir()
