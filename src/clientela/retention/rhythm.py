"""Each customer's purchase rhythm, where the data lives (Ibis): last purchase day, purchase days, usual gap. Never imports Django.

A *purchase day* is a day on which the customer's lines add up to more than zero (a day with only
a credit note is no purchase). The *usual gap* is the median of the gaps in days between
consecutive purchase days (the mean of the two middle gaps for an even count); a customer with a
single purchase day has none.
"""

from datetime import date

import ibis
from ibis.expr.types import Table


def purchase_rhythm(transactions: Table, *, as_of: date) -> Table:
    """One row per customer with a purchase day on or before ``as_of``: its rhythm up to that day.

    Parameters
    ----------
    transactions
        An Ibis table with ``customer_id``, ``date`` and ``amount_cents`` (the app's ``transactions``).
    as_of
        The last day looked at.

    Returns
    -------
    ibis.expr.types.Table
        ``customer_id``, ``last_purchase`` (date), ``purchase_days`` (int) and ``usual_gap`` (float
        days, null with a single purchase day).

    Examples
    --------
    >>> import ibis, pyarrow as pa
    >>> from datetime import date
    >>> log = ibis.memtable(pa.table({
    ...     "customer_id": [1, 1, 1, 1, 2],
    ...     "date": [date(2024, 1, 1), date(2024, 1, 11), date(2024, 1, 11), date(2024, 2, 10), date(2024, 1, 5)],
    ...     "amount_cents": [100, 50, 50, 300, 700],
    ... }))
    >>> rows = purchase_rhythm(log, as_of=date(2024, 3, 31)).order_by("customer_id").to_pyarrow().to_pylist()
    >>> [(row["purchase_days"], row["usual_gap"]) for row in rows]
    [(3, 20.0), (1, None)]
    """
    scope = transactions.filter(transactions.date <= as_of)
    days = scope.group_by("customer_id", "date").aggregate(amount=scope.amount_cents.sum())
    days = days.filter(days.amount > 0)
    per_customer = days.group_by("customer_id").aggregate(last_purchase=days.date.max(), purchase_days=days.count())
    gaps = _usual_gaps(days)
    return per_customer.left_join(gaps, "customer_id").select(
        per_customer.customer_id, per_customer.last_purchase, per_customer.purchase_days, gaps.usual_gap
    )


def _usual_gaps(days: Table) -> Table:
    """The median gap between consecutive purchase days per customer with two or more (window functions: SQLite has no median)."""
    in_order = ibis.window(group_by="customer_id", order_by="date")
    gaps = days.mutate(gap=days.date.delta(days.date.lag().over(in_order), unit="day"))
    gaps = gaps.filter(gaps.gap.notnull())
    ranked = gaps.mutate(
        position=ibis.row_number().over(ibis.window(group_by="customer_id", order_by="gap")),
        count=gaps.gap.count().over(ibis.window(group_by="customer_id")),
    )
    middle = ranked.filter((ranked.position == (ranked["count"] - 1) // 2) | (ranked.position == ranked["count"] // 2))
    return middle.group_by("customer_id").aggregate(usual_gap=middle.gap.cast("float64").mean())
