"""The RFM summary (clientela.churn.summary) on every engine: worked out by hand on a small log."""

import re
from datetime import date, datetime, timezone

import ibis
import numpy as np
import pyarrow as pa
import pytest

from clientela.churn import ChurnInputError, CustomerSummary, TimeUnit, summarize
from tests.fixtures.engines import transactions_table

D = date
# (customer_id, date, document_id, units, amount_cents, cost_cents): the app's transactions table.
LOG = [
    # customer 1: two lines on 01-01 (one purchase of 15.00), then 01-15 (20.00) and 01-29 (-5.00, a return)
    (1, D(2024, 1, 1), "A1", 1, 1000, None),
    (1, D(2024, 1, 1), "A2", 1, 500, None),
    (1, D(2024, 1, 15), "A3", 2, 2000, None),
    (1, D(2024, 1, 29), "A4", -1, -500, None),
    # customer 2: one purchase only, in calibration; another in the holdout
    (2, D(2024, 1, 8), "B1", 1, 700, None),
    (2, D(2024, 2, 20), "B2", 1, 300, None),
    # customer 3: first purchase after the calibration end: left out and counted
    (3, D(2024, 2, 1), "C1", 1, 900, None),
    # customer 4: first purchase on the calibration end itself: T = 0
    (4, D(2024, 1, 29), "D1", 1, 100, None),
    # after the observation end: ignored
    (2, D(2024, 5, 1), "B3", 1, 100, None),
]
CALIBRATION_END = D(2024, 1, 29)
OBSERVATION_END = D(2024, 4, 1)


def rows_of(summary: CustomerSummary) -> dict[int, tuple]:
    columns = summary.columns()
    return {
        int(customer): tuple(float(columns[name][i]) for name in columns if name != "customer_id")
        for i, customer in enumerate(columns["customer_id"])
    }


def test_frequency_recency_age_and_spend_by_hand_on_every_engine(backend):
    summary = summarize(transactions_table(backend, LOG), calibration_end=CALIBRATION_END, time_unit="week", observation_end=OBSERVATION_END)
    # (frequency, recency, T, monetary_value, holdout_frequency)
    assert rows_of(summary) == {
        1: (2.0, 4.0, 4.0, 7.5, 0.0),  # repeat days 01-15 and 01-29: (20.00 − 5.00) / 2; the first purchase is left out
        2: (0.0, 0.0, 3.0, 0.0, 1.0),  # 02-20 in the holdout; 05-01 after the observation end
        4: (0.0, 0.0, 0.0, 0.0, 0.0),
    }
    assert summary.n_excluded == 1  # customer 3
    assert summary.customer_id.tolist() == [1, 2, 4]
    assert summary.holdout_duration == 9.0  # 63 days
    assert summary.time_unit is TimeUnit.WEEK


@pytest.mark.parametrize(("unit", "recency", "age"), [("day", 28.0, 28.0), ("week", 4.0, 4.0), ("month", 28 / 30.4375, 28 / 30.4375)])
def test_time_units(unit, recency, age):
    summary = summarize(transactions_table(ibis.duckdb.connect(), LOG), calibration_end=CALIBRATION_END, time_unit=unit)
    assert summary.recency[0] == pytest.approx(recency)
    assert summary.T[0] == pytest.approx(age)
    assert summary.holdout_frequency is None and summary.holdout_duration is None
    assert summary.n_excluded == 1  # customer 3, whose purchase comes after the calibration end
    assert "holdout_frequency" not in summary.columns()


def test_row_order_does_not_matter():
    connection = ibis.duckdb.connect()
    forward = summarize(transactions_table(connection, LOG, "forward"), calibration_end=CALIBRATION_END, time_unit="day")
    backward = summarize(transactions_table(connection, LOG[::-1], "backward"), calibration_end=CALIBRATION_END, time_unit="day")
    assert rows_of(forward) == rows_of(backward)


def test_text_ids_and_timestamps_as_read_from_files():
    table = ibis.memtable(
        pa.table(
            {
                "customer_id": ["C2", "C1", "C1"],
                "date": [datetime(2024, 1, 3, 9, tzinfo=timezone.utc), datetime(2024, 1, 1, 10, tzinfo=timezone.utc), datetime(2024, 1, 1, 18, tzinfo=timezone.utc)],
                "amount_cents": [100, 200, 300],
            }
        )
    )
    summary = summarize(table, calibration_end=D(2024, 1, 7), time_unit="day")
    assert summary.customer_id.tolist() == ["C1", "C2"]
    assert summary.frequency.tolist() == [0, 0]  # two lines on one day are one purchase
    assert summary.T.tolist() == [6.0, 4.0]


def test_a_summary_gives_columns_by_name_and_as_arrow():
    summary = summarize(transactions_table(ibis.duckdb.connect(), LOG), calibration_end=CALIBRATION_END, time_unit="week")
    assert summary["frequency"] is summary.frequency
    assert len(summary) == 3
    assert summary.to_pyarrow().column_names == ["customer_id", "frequency", "recency", "T", "monetary_value"]
    with pytest.raises(KeyError):
        summary["nothing"]


def test_no_transaction_by_the_calibration_end():
    table = transactions_table(ibis.duckdb.connect(), LOG)
    with pytest.raises(ChurnInputError, match=re.escape("no transaction on or before the calibration end 2023-12-31 (the first is on 2024-01-01)")):
        summarize(table, calibration_end=D(2023, 12, 31), time_unit="week")


def test_an_empty_log():
    table = transactions_table(ibis.duckdb.connect(), [])
    with pytest.raises(ChurnInputError, match="^transactions: no rows$"):
        summarize(table, calibration_end=CALIBRATION_END, time_unit="week")


def test_the_observation_end_must_come_after_the_calibration_end():
    table = transactions_table(ibis.duckdb.connect(), LOG)
    with pytest.raises(ChurnInputError, match="^observation_end 2024-01-29 is not after calibration_end 2024-01-29$"):
        summarize(table, calibration_end=CALIBRATION_END, time_unit="week", observation_end=CALIBRATION_END)


def test_an_unknown_time_unit():
    table = transactions_table(ibis.duckdb.connect(), LOG)
    with pytest.raises(ChurnInputError, match=re.escape('time_unit must be one of day, week, month (got "year")')):
        summarize(table, calibration_end=CALIBRATION_END, time_unit="year")


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ({"customer_id": [1], "date": [D(2024, 1, 1)]}, 'transactions: missing column "amount_cents"; expected customer_id, date, amount_cents'),
        ({"customer_id": [1], "date": ["2024-01-01"], "amount_cents": [1]}, 'transactions: column "date" is string; expected a date'),
        ({"customer_id": [1], "date": [D(2024, 1, 1)], "amount_cents": [1.5]}, 'transactions: column "amount_cents" is float64; expected integer cents'),
    ],
    ids=["missing", "text-date", "float-amount"],
)
def test_bad_columns(columns, message):
    with pytest.raises(ChurnInputError, match=f"^{re.escape(message)}$"):
        summarize(ibis.memtable(pa.table(columns)), calibration_end=CALIBRATION_END, time_unit="week")


def test_integer_arrays():
    summary = summarize(transactions_table(ibis.duckdb.connect(), LOG), calibration_end=CALIBRATION_END, time_unit="day")
    assert summary.frequency.dtype == np.int64
    assert summary.recency.dtype == summary.T.dtype == summary.monetary_value.dtype == np.float64


def test_not_null_columns_as_the_app_declares_them_on_every_engine(backend):
    table = transactions_table(backend, LOG, name="log").select("customer_id", "date", "amount_cents")
    schema = ibis.schema({name: kind.copy(nullable=False) for name, kind in table.schema().items()})
    backend.create_table("not_null_log", schema=schema, overwrite=True)
    backend.insert("not_null_log", table)
    summary = summarize(backend.table("not_null_log"), calibration_end=CALIBRATION_END, time_unit="week")
    assert summary.customer_id.tolist() == [1, 2, 4]
    assert summary.n_excluded == 1  # customer 3: its null first calibration day no longer breaks the result
