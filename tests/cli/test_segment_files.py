"""`clientela segment --transactions FILE …`: file mode, run as the installed console script (no database).

    clientela segment --transactions TX.csv|.parquet [--payments PAY.csv|.parquet]
        --scheme abc|abc-count|rules|vip|profit|matrix [--metric revenue|paid|payments|units|profit|orders]
        --as-of YYYY-MM-DD [--window-months N] [--output OUT.csv]

The files are those of tests/engine/test_file_mode.py (classes worked out there by hand), as of 2024-06-30.
"""

import csv
import io
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.fixtures.server import Result

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
def files(tmp_path):
    (tmp_path / "tx.csv").write_text(TRANSACTIONS)
    (tmp_path / "pay.csv").write_text(PAYMENTS)


def classes(text: str) -> dict[str, str]:
    return {row["customer_id"]: row["class"] for row in csv.DictReader(io.StringIO(text))}


def assert_ok(result: Result) -> None:
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.output, str(result)


def test_abc_to_a_file_with_the_default_12_month_window(clientela, files, tmp_path):
    result = clientela("segment", "--transactions", "tx.csv", "--payments", "pay.csv", "--scheme", "abc", "--as-of", "2024-06-30", "--output", "out.csv")
    assert_ok(result)
    assert "6 customers classified (A 2, B 1, C 3); written to out.csv" in " ".join(result.output.split())
    text = (tmp_path / "out.csv").read_text()
    assert text.splitlines()[0] == "customer_id,class,value,rank,share,cumulative_share,a_threshold,b_threshold"
    # C3 bought in August 2023: inside the default 12 months; C6 only paid: it gets a class too
    assert classes(text) == {"C1": "A", "C2": "A", "C3": "B", "C5": "C", "C4": "C", "C6": "C"}


def test_vip_from_parquet_to_stdout_uses_payments_over_6_months(clientela, tmp_path):
    pq.write_table(
        pa.table({"customer_id": ["C1", "C2", "C5"], "date": [date(2024, 5, 1), date(2024, 3, 1), date(2024, 6, 30)], "amount": [600.0, 300.0, 50.0]}),
        tmp_path / "tx.parquet",
    )
    pq.write_table(
        pa.table({"customer_id": ["C2", "C6", "C1"], "date": [date(2024, 6, 5), date(2024, 2, 1), date(2023, 12, 31)], "amount": [300.0, 80.0, 500.0]}),
        tmp_path / "pay.parquet",
    )
    result = clientela("segment", "--transactions", "tx.parquet", "--payments", "pay.parquet", "--scheme", "vip", "--as-of", "2024-06-30")
    assert_ok(result)
    assert result.stdout.splitlines()[0].startswith("customer_id,class,value,rank,vip_months,months_vip,")
    # paid (not invoiced) over January–June: C6 and C2 VIPs; C1 paid only in December (fell out: good),
    # while its invoices of May would have made it a VIP, and so would a 12-month window
    assert classes(result.stdout) == {"C2": "vip", "C6": "vip", "C1": "good", "C5": "regular"}


def test_metric_and_window_options(clientela, files):
    result = clientela(
        "segment", "--transactions", "tx.csv", "--payments", "pay.csv", "--scheme", "abc", "--metric", "paid",
        "--window-months", "12", "--as-of", "2024-06-30",
    )  # fmt: skip
    assert_ok(result)
    # paid over 12 months: C1 500, C2 300, C6 80 of 880 → 56.8 % A, 90.9 % A (crossing 80 %), then B
    assert classes(result.stdout) == {"C1": "A", "C2": "A", "C6": "B", "C3": "C", "C4": "C", "C5": "C"}


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("customer_id,date,amount,colour\nC1,2024-06-01,1,red\n", ['tx.csv: unknown column "colour"']),
        ("customer_id,date,amount\nC1,2024-06-01,1\nC2,2024-06-31,1\n", ['tx.csv: row 3, column "date": "2024-06-31"']),
        ("customer_id,date,amount\nC1,2024-06-01,1\nC2,2024-06-02,1O.5\n", ['tx.csv: row 3, column "amount": "1O.5"']),
        ("", ["tx.csv: ", "empty"]),
        ("customer_id,date,amount\nC1,2022-06-01,1\n", ["tx.csv: no rows in the window 2023-06-30 < date <= 2024-06-30"]),
    ],
    ids=["unknown column", "bad date", "bad amount", "empty file", "no data in the window"],
)
def test_bad_input_exits_2_with_one_line_naming_file_row_and_column(clientela, tmp_path, text, fragments):
    (tmp_path / "tx.csv").write_text(text)
    result = clientela("segment", "--transactions", "tx.csv", "--scheme", "abc", "--as-of", "2024-06-30", "--output", "out.csv")
    assert_user_error(result, *fragments)
    assert not (tmp_path / "out.csv").exists()  # nothing half-written


def test_a_bad_payments_file_is_named(clientela, files, tmp_path):
    (tmp_path / "bad.csv").write_text("customer_id,date,amount\nC1,2024-06-01,ten\n")
    result = clientela("segment", "--transactions", "tx.csv", "--payments", "bad.csv", "--scheme", "vip", "--as-of", "2024-06-30")
    assert_user_error(result, 'bad.csv: row 2, column "amount": "ten"')
    assert "customer_id,class" not in result.stdout  # no half-written CSV


def test_an_unknown_scheme_is_refused(clientela, files):
    result = clientela("segment", "--transactions", "tx.csv", "--scheme", "pareto", "--as-of", "2024-06-30")
    assert_user_error(result, "--scheme must be one of abc, abc-count, rules, vip, profit, matrix")


def assert_user_error(result: Result, *fragments: str) -> None:
    """Exit code 2, one line naming what is wrong, no stack trace."""
    assert result.returncode == 2, str(result)
    assert "Traceback" not in result.output, str(result)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, str(result)
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
