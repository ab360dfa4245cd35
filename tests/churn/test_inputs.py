"""Checking the per-customer columns a model reads (clientela.churn.inputs): exact messages."""

import re

import numpy as np
import pyarrow as pa
import pytest

from clientela.churn import ChurnInputError
from clientela.churn.inputs import SPEND_COLUMNS, read_columns, transaction_columns

GOOD = {"frequency": [0, 2], "recency": [0.0, 3.5], "T": [4.0, 6.0]}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"T": None}, 'missing column "T"; expected frequency, recency, T'),
        ({"recency": ["a", "b"]}, 'column "recency" is not numeric'),
        ({"recency": [[0.0, 1.0], [2.0, 3.0]]}, 'column "recency" must be one-dimensional (got shape (2, 2))'),
        ({"T": [4.0, float("nan")]}, 'column "T" has a missing or infinite value at index 1'),
        ({"T": [4.0]}, "columns frequency, recency, T differ in length (2, 2, 1)"),
        ({"frequency": [], "recency": [], "T": []}, "no customers"),
        ({"frequency": [0, -1]}, "frequency must be a whole number >= 0 (index 1: -1)"),
        ({"frequency": [0, 1.5]}, "frequency must be a whole number >= 0 (index 1: 1.5)"),
        ({"recency": [0.0, -3.5]}, "recency must not be negative (index 1: -3.5)"),
        ({"recency": [0.0, 7.0]}, "recency must not exceed T (index 1: recency 7 > T 6)"),
        ({"recency": [1.0, 3.5]}, "recency must be 0 when frequency is 0 (index 0: recency 1)"),
    ],
)
def test_bad_transaction_columns(changes, message):
    data = {name: values for name, values in (GOOD | changes).items() if values is not None}
    with pytest.raises(ChurnInputError, match=f"^{re.escape(message)}$"):
        transaction_columns(data)


def test_columns_come_from_dicts_arrow_tables_and_dataframes_as_floats():
    for data in (GOOD, pa.table(GOOD)):
        columns = transaction_columns(data)
        assert list(columns) == ["frequency", "recency", "T"]
        assert all(column.dtype == np.float64 for column in columns.values())
        np.testing.assert_array_equal(columns["recency"], [0.0, 3.5])


def test_spend_columns():
    columns = read_columns({"frequency": [1, 0], "monetary_value": [-5.0, 0.0], "other": [1, 2]}, SPEND_COLUMNS)
    assert list(columns) == ["frequency", "monetary_value"]  # negative spend is the model's business
