"""The RFM summary of a transaction log: frequency, recency, T and monetary value per customer.

The buy-till-you-die models see a customer only through four numbers measured over a
*calibration period* that ends on ``calibration_end`` (and starts with the data):

* purchases are merged per day: several lines (or orders) of one customer on one day are one
  purchase, whose amount is their sum;
* ``frequency`` — the number of *repeat* purchase days (purchase days after the first);
* ``recency`` — the time from the first to the last purchase day (0 without repeat purchases);
* ``T`` — the time from the first purchase day to ``calibration_end`` (the customer's age);
* ``monetary_value`` — the mean amount of the repeat purchase days, in currency units
  (``amount_cents / 100``); the first purchase is left out, as in the BTYD literature and the
  `lifetimes` package, and customers without repeat purchases get 0.

Times are whole days divided by the length of the time unit (`TimeUnit`): a customer whose first
purchase is on 1997-01-01 has ``T = 272 / 7`` weeks at a calibration end of 1997-09-30.
Customers whose first purchase comes after ``calibration_end`` cannot be summarised; they are
left out and counted in ``n_excluded``. With an ``observation_end``, ``holdout_frequency`` counts
each customer's purchase days in the holdout period ``calibration_end < date <= observation_end``.

The aggregation runs where the data lives, as one Ibis expression (DuckDB for files, the app's
SQLite or PostgreSQL ``transactions`` table); only one row per customer is fetched.
"""

from dataclasses import dataclass
from datetime import date

import ibis
import numpy as np
import pyarrow as pa
from ibis.expr.types import Table

from clientela.churn.errors import ChurnInputError
from clientela.churn.units import TimeUnit

INPUT_COLUMNS = ("customer_id", "date", "amount_cents")


@dataclass(frozen=True, eq=False)
class CustomerSummary:
    """One row per customer (arrays of equal length, sorted by ``customer_id``) and how it was measured.

    Models accept it wherever they take ``data``: ``summary["frequency"]`` is a column.
    """

    customer_id: np.ndarray
    frequency: np.ndarray
    recency: np.ndarray
    T: np.ndarray
    monetary_value: np.ndarray
    time_unit: TimeUnit
    calibration_end: date
    n_excluded: int
    observation_end: date | None = None
    holdout_frequency: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.customer_id)

    def __getitem__(self, name: str) -> np.ndarray:
        """A column by name (``customer_id``, ``frequency``, ``recency``, ``T``, ``monetary_value``, ``holdout_frequency``)."""
        column = self.columns().get(name)
        if column is None:
            raise KeyError(name)
        return column

    def columns(self) -> dict[str, np.ndarray]:
        """The per-customer columns by name (``holdout_frequency`` only with an observation end)."""
        columns = {
            "customer_id": self.customer_id,
            "frequency": self.frequency,
            "recency": self.recency,
            "T": self.T,
            "monetary_value": self.monetary_value,
        }
        if self.holdout_frequency is not None:
            columns["holdout_frequency"] = self.holdout_frequency
        return columns

    @property
    def holdout_duration(self) -> float | None:
        """The length of the holdout period in time units (None without an observation end)."""
        if self.observation_end is None:
            return None
        return (self.observation_end - self.calibration_end).days / self.time_unit.days

    def to_pyarrow(self) -> pa.Table:
        """The columns as a PyArrow table."""
        return pa.table(self.columns())


def summarize(
    transactions: Table,
    *,
    calibration_end: date,
    time_unit: TimeUnit | str,
    observation_end: date | None = None,
) -> CustomerSummary:
    """Summarise a transaction log per customer for a calibration period ending on ``calibration_end``.

    Parameters
    ----------
    transactions
        An Ibis table with ``customer_id``, ``date`` (a date or timestamp) and ``amount_cents``
        (integer cents): the app's ``transactions`` table, or a file read with
        `clientela.engine.sources.read_input`. Rows may come in any order.
    calibration_end
        The last day of the calibration period (included).
    time_unit
        ``"day"``, ``"week"`` or ``"month"``: the unit of ``recency`` and ``T``.
    observation_end
        The last day of an optional holdout period, after ``calibration_end``.

    Returns
    -------
    CustomerSummary
        One row per customer with a purchase on or before ``calibration_end``.

    Raises
    ------
    ChurnInputError
        When a column is missing or has the wrong type, when no transaction falls on or before
        ``calibration_end``, or when ``observation_end`` is not after ``calibration_end``.

    Examples
    --------
    >>> import ibis, pyarrow as pa
    >>> from datetime import date
    >>> log = ibis.memtable(pa.table({
    ...     "customer_id": [1, 1, 1, 2],
    ...     "date": [date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 15), date(2024, 1, 8)],
    ...     "amount_cents": [1000, 500, 2000, 700],
    ... }))
    >>> summary = summarize(log, calibration_end=date(2024, 1, 29), time_unit="week")
    >>> summary.frequency.tolist(), summary.recency.tolist(), summary.T.tolist()
    ([1, 0], [2.0, 0.0], [4.0, 3.0])
    >>> summary.monetary_value.tolist()
    [20.0, 0.0]
    """
    unit = _time_unit(time_unit)
    if observation_end is not None and observation_end <= calibration_end:
        raise ChurnInputError(f"observation_end {observation_end} is not after calibration_end {calibration_end}")
    table = _checked(transactions)
    rows = _per_customer(table, calibration_end, observation_end).to_pyarrow()
    first = _days(rows["first_day"])
    summarized = ~np.isnan(first)
    if not summarized.any():
        raise ChurnInputError(_no_calibration_data(table, calibration_end))
    rows = rows.filter(pa.array(summarized))
    first, last = first[summarized], _days(rows["last_day"])
    purchase_days = rows["purchase_days"].to_numpy().astype(np.int64)
    frequency = purchase_days - 1
    repeat_cents = rows["repeat_cents"].to_numpy(zero_copy_only=False).astype(np.float64)
    monetary_value = np.divide(repeat_cents / 100, frequency, out=np.zeros(len(frequency)), where=frequency > 0)
    end = _epoch_day(calibration_end)
    return CustomerSummary(
        customer_id=rows["customer_id"].to_numpy(zero_copy_only=False),
        frequency=frequency,
        recency=(last - first) / unit.days,
        T=(end - first) / unit.days,
        monetary_value=monetary_value,
        time_unit=unit,
        calibration_end=calibration_end,
        n_excluded=int((~summarized).sum()),
        observation_end=observation_end,
        holdout_frequency=rows["holdout_days"].to_numpy().astype(np.int64) if observation_end is not None else None,
    )


def _time_unit(value: TimeUnit | str) -> TimeUnit:
    try:
        return TimeUnit(value)
    except ValueError:
        choices = ", ".join(unit.value for unit in TimeUnit)
        raise ChurnInputError(f'time_unit must be one of {choices} (got "{value}")') from None


def _checked(transactions: Table) -> Table:
    """The three input columns, dates as dates, or ChurnInputError naming the first problem."""
    for name in INPUT_COLUMNS:
        if name not in transactions.columns:
            raise ChurnInputError(f'transactions: missing column "{name}"; expected {", ".join(INPUT_COLUMNS)}')
    day = transactions.date
    if day.type().is_timestamp():
        day = day.date()
    elif not day.type().is_date():
        raise ChurnInputError(f'transactions: column "date" is {day.type()}; expected a date')
    if not transactions.amount_cents.type().is_integer():
        raise ChurnInputError(f'transactions: column "amount_cents" is {transactions.amount_cents.type()}; expected integer cents')
    # Nullable from here on: Ibis keeps a NOT NULL column's type (PostgreSQL's columns) through min/max/argmin with
    # `where`, which are null for a customer with no calibration purchase, and the result's cast then fails.
    amount = transactions.amount_cents
    return transactions.select(
        customer_id=transactions.customer_id, date=day.cast(day.type().copy(nullable=True)), amount_cents=amount.cast(amount.type().copy(nullable=True))
    )


# Ibis's SQLite argmin relies on SQLite's bare-column rule, which holds only in a query with no
# other min() or max(): there the first day's amount is aggregated on its own and joined.
_ARGMIN_ALONE = {"sqlite"}


def _per_customer(transactions: Table, calibration_end: date, observation_end: date | None) -> Table:
    """Per customer: first and last calibration purchase day, purchase days, repeat amount, holdout days.

    Two group-bys: lines into purchase days, purchase days into customers (the first day's amount
    is the amount at the smallest date). Customers whose purchases all come after the calibration
    end have a null first day.
    """
    # Later rows still count: their customers are those left out (and, up to observation_end, the holdout).
    scope = transactions.filter(transactions.date <= observation_end) if observation_end is not None else transactions
    days = scope.group_by("customer_id", "date").aggregate(amount=scope.amount_cents.sum())
    calibration = days.date <= calibration_end
    alone = ibis.get_backend(transactions).name in _ARGMIN_ALONE
    customers = days.group_by("customer_id").aggregate(
        first_day=days.date.min(where=calibration),
        last_day=days.date.max(where=calibration),
        purchase_days=days.count(where=calibration),
        calibration_cents=days.amount.sum(where=calibration),
        holdout_days=days.count(where=~calibration),
        **({} if alone else {"first_cents": days.amount.argmin(days.date, where=calibration)}),
    )
    if alone:
        calibration_days = days.filter(calibration)
        firsts = calibration_days.group_by("customer_id").aggregate(first_cents=calibration_days.amount.argmin(calibration_days.date))
        customers = customers.left_join(firsts, "customer_id").drop("customer_id_right")
    # PostgreSQL widens SUM(bigint) to numeric: back to int64.
    return customers.mutate(repeat_cents=(customers.calibration_cents - customers.first_cents).cast("int64")).order_by("customer_id")


def _days(column: pa.ChunkedArray) -> np.ndarray:
    """Dates as days since 1970-01-01 (float, NaN for null)."""
    return column.cast(pa.date32()).cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.float64)


def _epoch_day(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def _no_calibration_data(transactions: Table, calibration_end: date) -> str:
    first = transactions.date.min().to_pyarrow().as_py()
    if first is None:
        return "transactions: no rows"
    return f"no transaction on or before the calibration end {calibration_end} (the first is on {first})"
