"""Per-customer metrics over a window, as Ibis expressions that run on any backend.

Money is integer cents, so sums are exact and identical on every engine.
"""

from enum import Enum

import ibis
from ibis.expr.types import Table

from clientela.engine.window import Window


class Metric(str, Enum):
    """The key metric a scheme ranks customers by (SPEC S3)."""

    REVENUE = "revenue"
    PAID = "paid"
    PAYMENTS = "payments"
    UNITS = "units"
    PROFIT = "profit"
    ORDERS = "orders"


def in_window(table: Table, window: Window) -> Table:
    """Rows of `table` whose `date` lies in the window."""
    return table.filter((table.date > ibis.literal(window.start)) & (table.date <= ibis.literal(window.as_of)))


def customer_ids(transactions: Table, payments: Table | None) -> Table:
    """Every customer id seen in the inputs (so that each one gets a class)."""
    ids = transactions.select("customer_id")
    if payments is not None:
        ids = ids.union(payments.select("customer_id"))
    return ids.distinct()


def key_metrics(transactions: Table, payments: Table | None, window: Window) -> Table:
    """One row per customer: revenue, profit and amount paid in cents, units, orders, payments.

    Customers without activity in the window get zeros.
    """
    sales = in_window(transactions, window)
    # Sums are cast back to int64: PostgreSQL widens SUM(bigint) to numeric.
    sold = sales.group_by("customer_id").aggregate(
        revenue=sales.amount_cents.sum().cast("int64"),
        profit=(sales.amount_cents - sales.cost_cents.fill_null(sales.amount_cents)).sum().cast("int64"),
        units=sales.units.fill_null(0).sum().cast("int64"),
        orders=sales.document_id.nunique().cast("int64"),
    )
    result = customer_ids(transactions, payments).left_join(sold, "customer_id").select(
        "customer_id",
        revenue=sold.revenue.fill_null(0),
        profit=sold.profit.fill_null(0),
        units=sold.units.fill_null(0),
        orders=sold.orders.fill_null(0),
    )
    if payments is None:
        return result.mutate(paid=ibis.literal(0, "int64"), payments=ibis.literal(0, "int64"))
    received = in_window(payments, window)
    paid = received.group_by("customer_id").aggregate(
        paid=received.amount_cents.sum().cast("int64"), payments=received.count().cast("int64")
    )
    return result.left_join(paid, "customer_id").select(
        *[result[column] for column in result.columns], paid=paid.paid.fill_null(0), payments=paid.payments.fill_null(0)
    )
