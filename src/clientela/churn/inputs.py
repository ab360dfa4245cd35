"""The per-customer columns a model reads, checked with exact messages.

Models take ``data``: anything that gives a column by name, ``data["frequency"]`` — a
`CustomerSummary`, a dict of arrays, a pandas DataFrame or a PyArrow table.
"""

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from clientela.churn.errors import ChurnInputError

TRANSACTION_COLUMNS = ("frequency", "recency", "T")
SPEND_COLUMNS = ("frequency", "monetary_value")


def read_columns(data: Any, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The named columns as float arrays of one length, all finite, or ChurnInputError.

    Examples
    --------
    >>> read_columns({"frequency": [0, 2], "monetary_value": [0, 9.5]}, SPEND_COLUMNS)["monetary_value"]
    array([0. , 9.5])
    >>> read_columns({"frequency": [0, 2]}, SPEND_COLUMNS)
    Traceback (most recent call last):
    ...
    clientela.churn.errors.ChurnInputError: missing column "monetary_value"; expected frequency, monetary_value
    """
    columns: dict[str, np.ndarray] = {}
    for name in names:
        try:
            raw = data[name]
        except (KeyError, IndexError, TypeError, ValueError):
            raise ChurnInputError(f'missing column "{name}"; expected {", ".join(names)}') from None
        try:
            column = np.asarray(raw, dtype=np.float64)
        except (TypeError, ValueError):
            raise ChurnInputError(f'column "{name}" is not numeric') from None
        if column.ndim != 1:
            raise ChurnInputError(f'column "{name}" must be one-dimensional (got shape {column.shape})')
        bad = np.flatnonzero(~np.isfinite(column))
        if bad.size:
            raise ChurnInputError(f'column "{name}" has a missing or infinite value at index {bad[0]}')
        columns[name] = column
    lengths = {len(column) for column in columns.values()}
    if len(lengths) > 1:
        raise ChurnInputError(f"columns {', '.join(names)} differ in length ({', '.join(str(len(c)) for c in columns.values())})")
    if lengths == {0}:
        raise ChurnInputError("no customers")
    _check_frequency(columns["frequency"])
    return columns


def transaction_columns(data: Any) -> Mapping[str, np.ndarray]:
    """``frequency``, ``recency`` and ``T``, checked: 0 <= recency <= T, and recency 0 without repeat purchases."""
    columns = read_columns(data, TRANSACTION_COLUMNS)
    frequency, recency, age = columns["frequency"], columns["recency"], columns["T"]
    _first_bad(recency < 0, lambda i: f"recency must not be negative (index {i}: {recency[i]:g})")
    _first_bad(recency > age, lambda i: f"recency must not exceed T (index {i}: recency {recency[i]:g} > T {age[i]:g})")
    _first_bad((frequency == 0) & (recency != 0), lambda i: f"recency must be 0 when frequency is 0 (index {i}: recency {recency[i]:g})")
    return columns


def _check_frequency(frequency: np.ndarray) -> None:
    _first_bad((frequency < 0) | (frequency != np.round(frequency)), lambda i: f"frequency must be a whole number >= 0 (index {i}: {frequency[i]:g})")


def _first_bad(bad: np.ndarray, message: Callable[[int], str]) -> None:
    """Raise ChurnInputError with message(index) for the first True in `bad`."""
    where = np.flatnonzero(bad)
    if where.size:
        raise ChurnInputError(message(int(where[0])))
