"""Per-customer metrics over a window, as Ibis expressions that run on any backend.

Money is integer cents, so sums are exact and identical on every engine. Ratios are rounded to
`DIGITS` decimals so that engines summing floats in different orders still agree.
"""

from collections.abc import Callable, Sequence
from enum import Enum

import ibis
from ibis.expr.types import BooleanValue, Table, Value

from clientela.engine.inputs import Inputs
from clientela.engine.window import Window

DIGITS = 9

# 1.5 × 2**52: a double y with |y| < 2**51 plus this has no fraction bits left, so (y + R) − R is y
# rounded to a whole number (ties to even) by plain IEEE arithmetic, which every engine does alike.
_ROUNDER = 3 * 2**51


class Metric(str, Enum):
    """The key metric a scheme ranks customers by (SPEC S3)."""

    REVENUE = "revenue"
    PAID = "paid"
    PAYMENTS = "payments"
    UNITS = "units"
    PROFIT = "profit"
    ORDERS = "orders"

    @property
    def is_money(self) -> bool:
        """Whether values are amounts in cents."""
        return self in (Metric.REVENUE, Metric.PAID, Metric.PROFIT)


def within(table: Table, window: Window) -> BooleanValue:
    """Whether a row's `date` lies in the window."""
    return (table.date > ibis.literal(window.start)) & (table.date <= ibis.literal(window.as_of))


def order_key(sales: Table) -> str:
    """The column that tells orders apart: `document_id`, or `date` for lines without one (an order is then a customer's purchases of one day)."""
    return "document_id" if "document_id" in sales.columns else "date"


def in_window(table: Table, window: Window) -> Table:
    """Rows of `table` whose `date` lies in the window."""
    return table.filter(within(table, window))


def rounded(value: ibis.Value) -> ibis.Value:
    """`value` as a double rounded to `DIGITS` decimals, the same on every engine.

    SQL's ROUND is not: PostgreSQL rounds a double through NUMERIC, which keeps 15 significant digits
    (2.236067977499999 → 2.23606797750000 → 2.236067978), while DuckDB and SQLite round the double
    itself (2.236067977), and those two differ now and then on values a hair from a half.
    Beyond 2**51 / 10**9 (about 2.3 million) the last of the 9 decimals is coarser, alike everywhere.
    The scale is a real double: PostgreSQL gives some "float64" values as NUMERIC (AVG of integers),
    where this arithmetic is exact and would round nothing; times a double they become doubles.
    """
    scale = ibis.literal(10**DIGITS, "int64").cast("float64")
    scaled = value.cast("float64") * scale
    return ((scaled + _ROUNDER) - _ROUNDER) / scale


def ratio(numerator: ibis.Value, denominator: ibis.Value) -> ibis.Value:
    """numerator / denominator as a rounded double, null when the denominator is not positive."""
    return ibis.ifelse(denominator > 0, rounded(numerator.cast("float64") / denominator.cast("float64")), None)


SALES_METRICS = ("revenue", "profit", "units", "orders")
PAYMENT_METRICS = ("paid", "payments")
KEY_METRICS = (*SALES_METRICS, *PAYMENT_METRICS)


def sales_total(sales: Table, name: str, where: BooleanValue | None = None) -> Value:
    """The aggregate of one sales metric (revenue, profit, units, orders) over the rows of `sales` (those matching `where`).

    Profit is amount − cost; a line without a known cost adds no profit. Without rows (or none
    matching) sums are null.
    """
    # Sums are cast back to int64: PostgreSQL widens SUM(bigint) to numeric.
    totals: dict[str, Callable[[], Value]] = {
        "revenue": lambda: sales.amount_cents.sum(where=where),
        "profit": lambda: (sales.amount_cents - sales.cost_cents.fill_null(sales.amount_cents)).sum(where=where),
        "units": lambda: sales.units.fill_null(0).sum(where=where),
        "orders": lambda: sales[order_key(sales)].nunique(where=where),
    }
    return totals[name]().cast("int64")


def sales_totals(transactions: Table, window: Window, names: Sequence[str] = SALES_METRICS) -> Table:
    """Per customer with sales in the window: those of revenue, profit (cents), units and orders named.

    Only the named totals are computed: counting distinct orders costs much more than a sum.
    """
    sales = in_window(transactions, window)
    return sales.group_by("customer_id").aggregate(**{name: sales_total(sales, name) for name in SALES_METRICS if name in names})


def payment_totals(payments: Table, window: Window) -> Table:
    """Per customer who paid in the window: amount paid (cents) and number of payments."""
    received = in_window(payments, window)
    return received.group_by("customer_id").aggregate(
        paid=received.amount_cents.sum().cast("int64"), payments=received.count().cast("int64")
    )


def join_parts(inputs: Inputs, parts: list[Table], zero_filled: tuple[str, ...]) -> Table:
    """Every customer with the columns of each per-customer part; `zero_filled` columns are 0 when missing.

    The parts are joined in one chain (one query block), which keeps the SQL shallow enough for
    SQLite's parser.
    """
    ids = inputs.customer_ids()
    joined = ids
    for part in parts:
        joined = joined.left_join(part, ids.customer_id == part.customer_id)
    columns = {
        name: part[name].fill_null(0) if name in zero_filled else part[name]
        for part in parts
        for name in part.columns
        if name != "customer_id"
    }
    return joined.select(ids.customer_id, **columns)


def key_parts(inputs: Inputs, window: Window, names: Sequence[str]) -> list[Table]:
    """The per-customer tables that give the named key metrics (sales totals, payment totals)."""
    parts = []
    if any(name in SALES_METRICS for name in names):
        parts.append(sales_totals(inputs.transactions, window, names))
    if inputs.payments is not None and any(name in PAYMENT_METRICS for name in names):
        parts.append(payment_totals(inputs.payments, window))
    return parts


def with_parts(inputs: Inputs, parts: list[Table], names: Sequence[str], zero_filled: Sequence[str] = KEY_METRICS) -> Table:
    """Every customer with the named columns of the parts, in that order; without payments, paid and payments are 0."""
    table = join_parts(inputs, parts, tuple(zero_filled))
    if inputs.payments is None:
        table = table.mutate(**{name: ibis.literal(0, "int64") for name in PAYMENT_METRICS if name in names})
    return table.select("customer_id", *names)


def key_metrics(inputs: Inputs, window: Window, names: Sequence[str] = KEY_METRICS) -> Table:
    """One row per customer with the named key metrics: revenue, profit and amount paid in cents, units, orders, payments.

    Customers without activity in the window get zeros (paid and payments are 0 without payments).
    """
    wanted = [name for name in KEY_METRICS if name in names]
    stored = inputs.stored_metrics(window, wanted)
    return stored if stored is not None else with_parts(inputs, key_parts(inputs, window, wanted), wanted)
