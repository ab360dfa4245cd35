"""Segmenting CSV and Parquet files without a database (clientela.engine.file_mode.segment_files).

The example, as of 2024-06-30 (amounts in currency units):

    transactions                                   payments
    C1 2024-05-01  600.00 (profit 150.00)          C2 2024-06-05  300.00
    C1 2024-06-10 −100.00 (a return, −25.00)       C6 2024-02-01   80.00  (pays, never bought)
    C2 2024-03-01  300.00 (profit 90.00)           C1 2023-12-31  500.00  (before the 6 VIP months)
    C3 2023-08-01  150.00 (profit 30.00)
    C4 2023-06-30  999.00 (the 12-month window's excluded first day)
    C5 2024-06-30   50.00 (profit unknown)

Revenue over 12 months: C1 500, C2 300, C3 150, C5 50, C4 0, C6 0 (total 1000).
"""

import csv
import re
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clientela.engine.file_mode import FileResult, segment_files
from clientela.engine.metrics import Metric
from clientela.engine.schemes import AbcScheme, MatrixScheme, ProfitScheme, RulesScheme, VipScheme
from clientela.engine.sources import InputError

AS_OF = date(2024, 6, 30)
TRANSACTIONS = """customer_id,date,amount,units,profit
C1,2024-05-01,600.00,2,150.00
C1,2024-06-10,-100.00,-1,-25.00
C2,2024-03-01,300.00,1,90.00
C3,2023-08-01,150.00,1,30.00
C4,2023-06-30,999.00,1,1.00
C5,20240630,50,1,
"""
PAYMENTS = """customer_id,date,amount
C2,2024-06-05,300.00
C6,2024-02-01,80.00
C1,2023-12-31,500.00
"""


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    (tmp_path / "tx.csv").write_text(TRANSACTIONS)
    (tmp_path / "pay.csv").write_text(PAYMENTS)
    return tmp_path / "tx.csv", tmp_path / "pay.csv"


def read(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with path.open(newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    return list(reader.fieldnames or []), {row["customer_id"]: row for row in rows}


def classes(rows: dict[str, dict[str, str]]) -> dict[str, str]:
    return {customer: row["class"] for customer, row in sorted(rows.items())}


def test_abc_from_csv_files(files, tmp_path):
    transactions, payments = files
    result = segment_files(AbcScheme(), transactions, payments, AS_OF, tmp_path / "out.csv")
    header, rows = read(tmp_path / "out.csv")
    assert header == ["customer_id", "class", "value", "rank", "share", "cumulative_share", "a_threshold", "b_threshold"]
    # 50 % (A), 80 % reaches the line (A), 95 % (B), then C; C4's sale is on the window's excluded first day
    assert classes(rows) == {"C1": "A", "C2": "A", "C3": "B", "C4": "C", "C5": "C", "C6": "C"}
    assert [float(rows[c]["value"]) for c in ("C1", "C2", "C3", "C4", "C5", "C6")] == [500, 300, 150, 0, 50, 0]  # currency units
    assert [rows[c]["rank"] for c in ("C1", "C2", "C3", "C5", "C4", "C6")] == ["1", "2", "3", "4", "5", "6"]
    assert float(rows["C2"]["cumulative_share"]) == 0.8
    assert result == FileResult(customers=6, classes={"A": 2, "B": 1, "C": 3})


def test_rows_come_in_rank_order(files, tmp_path):
    segment_files(AbcScheme(), files[0], None, AS_OF, tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(newline="") as handle:
        assert [row["customer_id"] for row in csv.DictReader(handle)] == ["C1", "C2", "C3", "C5", "C4"]


def test_the_window_is_a_parameter(files, tmp_path):
    segment_files(AbcScheme(window_months=6), files[0], None, AS_OF, tmp_path / "out.csv")
    # (2023-12-30, 2024-06-30]: C1 500, C2 300, C5 50 of 850 → 58.8 % A, 94.1 % A, then B; C3 drops out
    assert classes(read(tmp_path / "out.csv")[1]) == {"C1": "A", "C2": "A", "C3": "C", "C4": "C", "C5": "B"}


def test_vip_uses_the_payments_when_given(files, tmp_path):
    transactions, payments = files
    result = segment_files(VipScheme(), transactions, payments, AS_OF, tmp_path / "out.csv")
    header, rows = read(tmp_path / "out.csv")
    assert header[:2] == ["customer_id", "class"] and "months_vip" in header
    # January–June 2024: February's only payer C6 and June's only payer C2 are VIPs. C1 was December's
    # only payer: in May's register (December–May), not in June's: it fell out of VIP, so it is good.
    assert classes(rows) == {"C1": "good", "C2": "vip", "C3": "regular", "C4": "regular", "C5": "regular", "C6": "vip"}
    assert (rows["C6"]["months_vip"], rows["C2"]["months_vip"]) == ("2024-02", "2024-06")
    assert rows["C1"]["fell_out"] == "true"
    assert result.classes == {"vip": 2, "good": 1, "regular": 3}


def test_vip_uses_the_invoices_without_payments(files, tmp_path):
    segment_files(VipScheme(), files[0], None, AS_OF, tmp_path / "out.csv")
    # March C2, May C1, June C5 (C1's June is a return): each month's only payer is its VIP
    assert classes(read(tmp_path / "out.csv")[1]) == {"C1": "vip", "C2": "vip", "C3": "regular", "C4": "regular", "C5": "vip"}


def test_profit_and_money_columns_in_currency_units(files, tmp_path):
    segment_files(ProfitScheme(), files[0], files[1], AS_OF, tmp_path / "out.csv")
    _, rows = read(tmp_path / "out.csv")
    # profit: C1 150 − 25 = 125, C2 90, C3 30, C5 unknown (0), C4 outside, C6 none; 6 customers: keep 2, review 2
    # ranks: C1, C2, C3, then the zeros by id C4, C5, C6
    assert classes(rows) == {"C1": "keep", "C2": "keep", "C3": "retain", "C4": "retain", "C5": "review", "C6": "review"}
    assert [float(rows[c]["value"]) for c in ("C1", "C2", "C3")] == [125, 90, 30]


def test_every_scheme_writes_the_class_and_its_explanation(files, tmp_path):
    for scheme in (RulesScheme(), MatrixScheme(), AbcScheme(metric=Metric.PAID)):
        segment_files(scheme, files[0], files[1], AS_OF, tmp_path / "out.csv")
        header, rows = read(tmp_path / "out.csv")
        assert header[:4] == ["customer_id", "class", "value", "rank"], scheme.kind
        assert sorted(rows) == ["C1", "C2", "C3", "C4", "C5", "C6"], scheme.kind
        assert all(row["class"] for row in rows.values()), scheme.kind


def test_parquet_files_with_native_types(tmp_path):
    pq.write_table(
        pa.table({"customer_id": [1, 2, 3], "date": [date(2024, 2, 1), date(2024, 6, 1), date(2024, 6, 2)], "amount": [10.5, 99.25, 7.0]}),
        tmp_path / "tx.parquet",
    )
    pq.write_table(pa.table({"customer_id": [4, 2], "date": [date(2024, 6, 3), date(2024, 6, 4)], "amount": [1.0, 2.0]}), tmp_path / "pay.parquet")
    result = segment_files(AbcScheme(), tmp_path / "tx.parquet", tmp_path / "pay.parquet", AS_OF, tmp_path / "out.csv")
    _, rows = read(tmp_path / "out.csv")
    # revenue of 116.75: 2 brings 85.0 % (A); 1 starts at 85.0 %, reaches 94.0 % (B); 3 starts below 95 % (B); 4 has 0
    assert classes(rows) == {"1": "B", "2": "A", "3": "B", "4": "C"}
    assert float(rows["2"]["value"]) == 99.25
    assert result.customers == 4


def test_output_goes_to_stdout_without_a_file(files, capfd):
    segment_files(AbcScheme(), files[0], None, AS_OF, None)
    lines = capfd.readouterr().out.splitlines()
    assert lines[0] == "customer_id,class,value,rank,share,cumulative_share,a_threshold,b_threshold"
    assert [line.split(",")[:2] for line in lines[1:]] == [["C1", "A"], ["C2", "A"], ["C3", "B"], ["C5", "C"], ["C4", "C"]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("customer_id,date,amount,colour\nC1,2024-06-01,1,red\n", 'unknown column "colour"'),
        ("customer_id,date,amount\nC1,2024-06-01,1\nC2,2024-06-31,1\n", 'row 3, column "date": "2024-06-31"'),
        ("customer_id,date,amount\nC1,2024-06-01,1\nC2,2024-06-02,1O.5\n", 'row 3, column "amount": "1O.5"'),
        ("", "empty"),
        ("customer_id,date,amount\nC1,2022-06-01,1\n", "no rows in the window 2023-06-30 < date <= 2024-06-30"),
    ],
    ids=["unknown column", "bad date", "bad amount", "empty file", "no data in the window"],
)
def test_bad_input_names_file_row_and_column(tmp_path, text, message):
    path = tmp_path / "tx.csv"
    path.write_text(text)
    with pytest.raises(InputError, match=re.escape(str(path)) + ": .*" + re.escape(message)):
        segment_files(AbcScheme(), path, None, AS_OF, tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


def test_vip_without_payments_in_its_months_is_refused(files, tmp_path):
    (tmp_path / "old.csv").write_text("customer_id,date,amount\nC1,2023-12-31,5\n")
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'old.csv'}: no rows in the months 2024-01 to 2024-06")):
        segment_files(VipScheme(), files[0], tmp_path / "old.csv", AS_OF, tmp_path / "out.csv")


def test_profit_needs_a_profit_column(tmp_path):
    (tmp_path / "tx.csv").write_text("customer_id,date,amount\nC1,2024-06-01,5\n")
    with pytest.raises(InputError, match='no "profit" column'):
        segment_files(ProfitScheme(), tmp_path / "tx.csv", None, AS_OF, tmp_path / "out.csv")


def test_the_paid_metric_needs_payments_outside_the_vip_scheme(files, tmp_path):
    with pytest.raises(InputError, match=re.escape("the paid metric needs a payments file")):
        segment_files(AbcScheme(metric=Metric.PAID), files[0], None, AS_OF, tmp_path / "out.csv")


def test_whole_cents_print_with_two_decimals(files, tmp_path):
    segment_files(ProfitScheme(), files[0], files[1], AS_OF, tmp_path / "out.csv")
    assert read(tmp_path / "out.csv")[1]["C1"]["value"] == "125.00"


def test_customer_ids_that_look_like_formulas_are_quoted_in_the_output(tmp_path):
    (tmp_path / "tx.csv").write_text("customer_id,date,amount\n=cmd|' /C calc'!A0,2024-05-01,600.00\n@SUM(1+1),2024-05-02,-50.00\n-7,2024-05-03,10.00\n")
    segment_files(AbcScheme(), tmp_path / "tx.csv", None, AS_OF, tmp_path / "out.csv")
    _, rows = read(tmp_path / "out.csv")
    assert set(rows) == {"'=cmd|' /C calc'!A0", "'@SUM(1+1)", "-7"}
    assert float(rows["'@SUM(1+1)"]["value"]) == -50  # numbers stay numbers
