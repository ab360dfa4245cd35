"""Every per-customer metric of the engine in one table: the fixed vocabulary rules are written in."""

from collections.abc import Iterable

from ibis.expr.types import Table

from clientela.engine.activity import SALES_ACTIVITY, ZERO_FILLED, recency, sales_activity
from clientela.engine.inputs import Inputs
from clientela.engine.metrics import KEY_METRICS, PAYMENT_METRICS, key_parts, with_parts
from clientela.engine.window import Window

# name -> what it measures; money is in cents, ratios are fractions (0.2 = 20 %).
METRICS: dict[str, str] = {
    "revenue": "net revenue in the window (cents)",
    "paid": "amount paid in the window (cents)",
    "payments": "number of payments in the window",
    "units": "units sold in the window",
    "profit": "gross profit in the window (cents)",
    "orders": "number of orders in the window",
    "active_months": "months of the window with sales",
    "monthly_mean": "mean monthly revenue (cents)",
    "monthly_std": "standard deviation of monthly revenue (cents)",
    "monthly_cv": "coefficient of variation of monthly revenue",
    "quarterly_mean": "mean quarterly revenue (cents)",
    "quarterly_std": "standard deviation of quarterly revenue (cents)",
    "quarterly_cv": "coefficient of variation of quarterly revenue",
    "average_order": "average order (cents)",
    "largest_order": "largest single order (cents)",
    "last_year_revenue": "revenue in the 12 months to the as-of date (cents)",
    "previous_year_revenue": "revenue in the 12 months before those (cents)",
    "third_year_revenue": "revenue in the 12 months before those (cents)",
    "growth_last_year": "revenue growth of the last year over the previous one",
    "growth_year_before": "revenue growth of the previous year over the one before",
    "recency_days": "days since the last purchase",
    "tenure_days": "days since the first purchase",
}


MONEY_METRICS = frozenset(name for name, meaning in METRICS.items() if "(cents)" in meaning)


def customer_metrics(inputs: Inputs, window: Window, names: Iterable[str] = METRICS) -> Table:
    """One row per customer with the metrics of `METRICS` named in `names` (all by default) for the window.

    Only the parts that the named metrics need are computed, and every sales metric comes from
    one pass over the transactions (`clientela.engine.activity.sales_activity`).

    Examples
    --------
    >>> import ibis, datetime
    >>> sales = ibis.memtable({"customer_id": [1], "date": [datetime.date(2024, 6, 1)], "document_id": ["a"],
    ...     "units": [2], "amount_cents": [5000], "cost_cents": [3000]})
    >>> row = customer_metrics(Inputs(sales), Window(datetime.date(2024, 6, 30), 12)).to_pyarrow().to_pylist()[0]
    >>> row["revenue"], row["profit"], row["active_months"], row["recency_days"]
    (5000, 2000, 1, 29)
    """
    wanted = [name for name in METRICS if name in set(names)]
    stored = inputs.stored_metrics(window, wanted)
    if stored is not None:
        return stored
    sales = [name for name in wanted if name in SALES_ACTIVITY]
    parts = [sales_activity(inputs.transactions, window, sales)] if sales else []
    parts += key_parts(inputs, window, [name for name in wanted if name in PAYMENT_METRICS])
    if {"recency_days", "tenure_days"} & set(wanted):
        parts.append(recency(inputs.transactions, window.as_of))
    return with_parts(inputs, parts, wanted, (*KEY_METRICS, *ZERO_FILLED))
