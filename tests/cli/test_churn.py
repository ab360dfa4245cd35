"""`clientela churn`: a buy-till-you-die model fitted on a transaction file, run as the installed console script.

    clientela churn --transactions TX.csv|.parquet --model bgnbd|pareto-nbd|gamma-gamma
        --calibration-end YYYY-MM-DD --time-unit day|week|month [--json] [--output PRED.csv]

On the CDNOW sample (written as customer_id,date,amount) the fits give the published estimates.
"""

import csv
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.churn.conftest import cdnow_log
from tests.fixtures.server import Result

CDNOW_ARGS = ("--calibration-end", "1997-09-30", "--time-unit", "week")
PUBLISHED = {
    "bgnbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426},
    "pareto-nbd": {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669},
    "gamma-gamma": {"p": 6.25, "q": 3.74, "v": 15.44},
}


@pytest.fixture
def cdnow_csv(tmp_path):
    """The CDNOW sample as a transactions CSV: customer_id,date,amount (dates YYYYMMDD, amounts in dollars)."""
    log = cdnow_log("CDNOW_sample.txt").to_pylist()
    with (tmp_path / "cdnow.csv").open("w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["customer_id", "date", "amount"])
        writer.writerows((row["customer_id"], row["date"].strftime("%Y%m%d"), f"{row['amount_cents'] / 100:.2f}") for row in log)
    return "cdnow.csv"


def assert_ok(result: Result) -> None:
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.output, str(result)


@pytest.mark.slow
@pytest.mark.parametrize("model", ["bgnbd", "pareto-nbd", "gamma-gamma"])
def test_json_on_the_cdnow_sample(clientela, cdnow_csv, tmp_path, model):
    result = clientela("churn", "--transactions", cdnow_csv, "--model", model, *CDNOW_ARGS, "--json")
    assert_ok(result)
    fit = json.loads(result.stdout)
    assert list(fit) == ["model", "params", "log_likelihood", "n_customers"]
    assert fit["model"] == model
    assert fit["params"] == pytest.approx(PUBLISHED[model], rel=0.01)
    assert fit["n_customers"] == (946 if model == "gamma-gamma" else 2357)
    assert not (tmp_path / "x.db").exists()  # no database on this path


def test_a_human_summary_and_predictions(clientela, cdnow_csv, tmp_path):
    result = clientela("churn", "--transactions", cdnow_csv, "--model", "bgnbd", *CDNOW_ARGS, "--output", "pred.csv")
    assert_ok(result)
    lines = result.stdout.splitlines()
    assert lines[0] == "BG/NBD fitted on 2,357 customers (calibration to 1997-09-30, time unit week)"
    assert [line.split()[0] for line in lines[1:5]] == ["r", "alpha", "a", "b"]
    assert lines[1].split()[1] == "0.2426"
    assert lines[5].startswith("log-likelihood -9,582.43 (")
    assert "predictions for 2,357 customers written to pred.csv" in result.stderr
    with (tmp_path / "pred.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == [
        "customer_id", "frequency", "recency", "T", "monetary_value", "p_alive", "expected_purchases_next_period", "expected_purchases_next_year",
    ]
    assert len(rows) == 2357
    first = rows[0]  # customer 1: purchases on 1997-01-01, 01-18, 08-02 (and 12-12, after the calibration end)
    assert (first["customer_id"], first["frequency"]) == ("1", "2")
    assert float(first["recency"]) == pytest.approx(213 / 7)
    assert float(first["T"]) == pytest.approx(272 / 7)
    assert float(first["p_alive"]) == pytest.approx(0.7266, abs=1e-4)
    assert float(first["expected_purchases_next_period"]) < float(first["expected_purchases_next_year"])


def test_gamma_gamma_predictions_from_parquet_with_days(clientela, tmp_path):
    log = cdnow_log("CDNOW_sample.txt")
    pq.write_table(pa.table({"customer_id": log["customer_id"], "date": log["date"], "amount": pa.compute.divide(log["amount_cents"].cast(pa.float64()), 100)}), tmp_path / "tx.parquet")
    result = clientela("churn", "--transactions", "tx.parquet", "--model", "gamma-gamma", "--calibration-end", "1997-09-30", "--time-unit", "day", "--output", "spend.csv")
    assert_ok(result)
    assert result.stdout.splitlines()[0] == "Gamma-Gamma fitted on 946 repeat customers (calibration to 1997-09-30, time unit day)"
    with (tmp_path / "spend.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0])[-1] == "expected_spend"
    assert float(rows[0]["T"]) == 272.0


def test_exclusions_are_reported(clientela, cdnow_csv, tmp_path):
    """A customer who first buys after the calibration end is left out; a repeat customer whose returns
    exceed its purchases cannot be in the Gamma-Gamma fit."""
    with (tmp_path / cdnow_csv).open("a") as file:
        file.write("LATE,19971001,10.00\nRETURNS,19970101,10.00\nRETURNS,19970105,-30.00\nRETURNS,19970109,5.00\n")
    result = clientela("churn", "--transactions", cdnow_csv, "--model", "gamma-gamma", *CDNOW_ARGS, "--json")
    assert_ok(result)
    assert json.loads(result.stdout)["n_customers"] == 946
    result = clientela("churn", "--transactions", cdnow_csv, "--model", "gamma-gamma", *CDNOW_ARGS)
    assert_ok(result)
    assert result.stdout.splitlines()[0] == (
        "Gamma-Gamma fitted on 946 repeat customers (calibration to 1997-09-30, time unit week; "
        "left out: 1 without a purchase by then, 1 with a mean spend <= 0)"
    )


@pytest.mark.parametrize(
    ("text", "args", "fragments"),
    [
        ("customer_id,date,amount\nC1,2024-06-01,1\nC2,2024-06-31,1\n", (), ['tx.csv: row 3, column "date": "2024-06-31"']),
        ("customer_id,day,amount\nC1,2024-06-01,1\n", (), ['tx.csv: unknown column "day"']),
        ("customer_id,date,amount\nC1,2024-07-01,1\n", (), ["no transaction on or before the calibration end 2024-06-30 (the first is on 2024-07-01)"]),
        ("customer_id,date,amount\nC1,2024-06-01,1\nC2,2024-06-02,1\n", (), ["no customer has a repeat purchase: the BG/NBD model cannot be fitted"]),
        (
            "customer_id,date,amount\nC1,2024-06-01,1\nC1,2024-06-03,1\nC2,2024-06-02,1\n",
            (),
            ["the BG/NBD fit did not converge: "],
        ),
        ("customer_id,date,amount\nC1,2024-06-01,1\nC1,2024-06-03,-1\n", ("--model", "gamma-gamma"), ["no customer has repeat purchases with a positive mean spend"]),
    ],
    ids=["bad date", "unknown column", "calibration end before the data", "no repeat purchase", "no convergence", "no positive spend"],
)
def test_bad_input_exits_2_with_one_line(clientela, tmp_path, text, args, fragments):
    (tmp_path / "tx.csv").write_text(text)
    model = () if "--model" in args else ("--model", "bgnbd")
    result = clientela("churn", "--transactions", "tx.csv", *model, *args, "--calibration-end", "2024-06-30", "--time-unit", "week", "--output", "out.csv")
    assert_user_error(result, *fragments)
    assert not (tmp_path / "out.csv").exists()  # nothing half-written


def test_a_missing_file(clientela):
    result = clientela("churn", "--transactions", "nothing.csv", "--model", "bgnbd", "--calibration-end", "2024-06-30", "--time-unit", "week")
    assert_user_error(result, "nothing.csv: no such file")


def test_an_unknown_model_is_refused(clientela, tmp_path):
    (tmp_path / "tx.csv").write_text("customer_id,date,amount\nC1,2024-06-01,1\n")
    result = clientela("churn", "--transactions", "tx.csv", "--model", "pareto", "--calibration-end", "2024-06-30", "--time-unit", "week")
    assert result.returncode == 2, str(result)
    assert "Invalid value for '--model'" in result.output


def assert_user_error(result: Result, *fragments: str) -> None:
    """Exit code 2, one line naming what is wrong, no stack trace."""
    assert result.returncode == 2, str(result)
    assert "Traceback" not in result.output, str(result)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, str(result)
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
