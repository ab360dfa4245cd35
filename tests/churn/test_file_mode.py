"""Fitting a model straight from a transaction file (clientela.churn.file_mode), in-process."""

import csv
from datetime import date

import pytest

from clientela.churn import BGNBDModel, ChurnInputError, GammaGammaModel
from clientela.churn.file_mode import fit_file
from clientela.engine.sources import InputError
from tests.churn.conftest import cdnow_log


@pytest.fixture(scope="module")
def cdnow_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cdnow") / "tx.csv"
    with path.open("w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["customer_id", "date", "amount"])
        writer.writerows((row["customer_id"], row["date"].isoformat(), row["amount_cents"] / 100) for row in cdnow_log("CDNOW_sample.txt").to_pylist())
    return path


def test_a_transaction_model_writes_alive_and_expected_purchases(cdnow_file, tmp_path):
    fitted = fit_file(BGNBDModel(), cdnow_file, calibration_end=date(1997, 9, 30), time_unit="week", output=tmp_path / "out.csv")
    assert fitted.model.params_["r"] == pytest.approx(0.243, rel=0.01)
    assert len(fitted.summary) == 2357
    with (tmp_path / "out.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == ["customer_id", "frequency", "recency", "T", "monetary_value", "p_alive", "expected_purchases_next_period", "expected_purchases_next_year"]
    by_id = {row["customer_id"]: row for row in rows}
    # customer 3 bought once: alive for sure under BG/NBD, and expected to buy a little
    assert float(by_id["3"]["p_alive"]) == 1.0
    year = fitted.model.expected_purchases({"frequency": [0], "recency": [0], "T": [float(by_id["3"]["T"])]}, 365.25 / 7)[0]
    assert float(by_id["3"]["expected_purchases_next_year"]) == pytest.approx(year)


def test_gamma_gamma_writes_expected_spend(cdnow_file, tmp_path):
    fit_file(GammaGammaModel(), cdnow_file, calibration_end=date(1997, 9, 30), time_unit="month", output=tmp_path / "out.csv")
    with (tmp_path / "out.csv").open() as file:
        header = next(csv.reader(file))
    assert header[-1] == "expected_spend"


def test_errors_name_the_file_or_the_data(tmp_path):
    (tmp_path / "tx.csv").write_text("customer_id,date,amount\nC1,2024-01-01,x\n")
    with pytest.raises(InputError, match='tx.csv: row 2, column "amount"'):
        fit_file(BGNBDModel(), tmp_path / "tx.csv", calibration_end=date(2024, 6, 30), time_unit="week")
    (tmp_path / "tx.csv").write_text("customer_id,date,amount\nC1,2024-01-01,1\n")
    with pytest.raises(ChurnInputError, match="no customer has a repeat purchase"):
        fit_file(BGNBDModel(), tmp_path / "tx.csv", calibration_end=date(2024, 6, 30), time_unit="week")


def test_customer_ids_that_look_like_formulas_are_quoted_in_the_predictions(cdnow_file, tmp_path):
    renamed = {"3": "=cmd|' /C calc'!A0", "4": "@SUM(1+1)"}
    source = tmp_path / "tx.csv"
    with cdnow_file.open(newline="") as file, source.open("w", newline="") as copy:
        writer = csv.writer(copy, lineterminator="\n")
        writer.writerows([renamed.get(row[0], row[0]), *row[1:]] for row in csv.reader(file))
    fit_file(BGNBDModel(), source, calibration_end=date(1997, 9, 30), time_unit="week", output=tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(newline="") as file:
        ids = {row["customer_id"] for row in csv.DictReader(file)}
    assert {"'=cmd|' /C calc'!A0", "'@SUM(1+1)", "5"} <= ids and not ids & set(renamed.values())
