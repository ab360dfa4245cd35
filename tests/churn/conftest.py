"""Fixtures of the churn tests: the CDNOW sample and master files as Ibis tables and summaries."""

from datetime import date
from pathlib import Path

import ibis
import numpy as np
import pyarrow as pa
import pytest

from clientela.churn import CustomerSummary, summarize

# A copy of the public CDNOW files (shared/data/cdnow) travels with the tests, so they run from any checkout.
CDNOW = Path(__file__).resolve().parents[1] / "data" / "cdnow"
CALIBRATION_END = date(1997, 9, 30)
OBSERVATION_END = date(1998, 6, 30)


def cdnow_log(name: str) -> pa.Table:
    """A CDNOW file as customer_id, date, amount_cents (the sample's own customer numbers are in column 2)."""
    path = CDNOW / name
    if not path.exists():
        pytest.fail(f"the CDNOW data is not at {path}")
    sample = name == "CDNOW_sample.txt"
    raw = np.loadtxt(path, dtype=str, skiprows=0 if sample else 1)
    customer, day, dollars = (raw[:, 1], raw[:, 2], raw[:, 4]) if sample else (raw[:, 0], raw[:, 1], raw[:, 3])
    dates = np.array([f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in day], dtype="datetime64[D]")
    cents = np.round(dollars.astype(np.float64) * 100).astype(np.int64)
    return pa.table({"customer_id": customer.astype(np.int64), "date": dates, "amount_cents": cents})


@pytest.fixture(scope="session")
def cdnow_sample() -> CustomerSummary:
    """The 2,357-customer sample, calibration to 1997-09-30 in weeks, holdout to 1998-06-30."""
    connection = ibis.duckdb.connect()
    log = connection.create_table("cdnow", cdnow_log("CDNOW_sample.txt"))
    return summarize(log, calibration_end=CALIBRATION_END, time_unit="week", observation_end=OBSERVATION_END)


@pytest.fixture(scope="session")
def cdnow_master() -> CustomerSummary:
    """The 23,570-customer master file, same periods."""
    connection = ibis.duckdb.connect()
    log = connection.create_table("cdnow", cdnow_log("CDNOW_master.txt"))
    return summarize(log, calibration_end=CALIBRATION_END, time_unit="week", observation_end=OBSERVATION_END)
