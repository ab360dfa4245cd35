"""Ranking shared by the schemes: order, ties and parameters that compare the same on every engine."""

import ibis
from ibis.expr.types import Table

TOLERANCE = 1e-9

_SCALE = 10**12


def number(value: float) -> ibis.Value:
    """A float parameter as a ratio of integers, which every engine divides to the same double.

    A bare literal such as 0.95 is a DECIMAL to DuckDB, and converts back as 0.9500000000000001.
    The numerator is cast to a double here, not left to sqlglot: it adds that cast for PostgreSQL
    while writing the SQL, in place, and Ibis shares equal literals between places, so the cast
    could land on another one and leave 1000000000 / 1000000000000 (0.001) as integer division, 0.
    """
    return ibis.literal(round(value * _SCALE), type="int64").cast("float64") / ibis.literal(_SCALE, type="int64")


def ranked_by(metrics: Table, metric: str) -> Table:
    """Rank customers by the metric, descending, ties by customer id ascending (rank 1 first)."""
    table = metrics.mutate(value=metrics[metric])
    order = [ibis.desc(table.value), ibis.asc(table.customer_id)]
    return table.mutate(rank=ibis.row_number().over(ibis.window(order_by=order)) + 1)


def shares(ranked: Table) -> Table:
    """Add each customer's `share` of the total of positive values and the `cumulative_share` down the ranking.

    Sums of integers are exact, so the shares are the same doubles on every engine; a value that
    is zero or negative has share 0.
    """
    positive = ranked.value > 0
    total = ranked.value.sum(where=positive).over(ibis.window()).cast("float64")
    cumulative = ranked.value.sum(where=positive).over(ibis.window(order_by=["rank"], preceding=None, following=0))
    return ranked.mutate(
        share=ibis.ifelse(positive & (total > 0), ranked.value / total, 0.0),
        cumulative_share=ibis.ifelse(total > 0, cumulative.cast("float64") / total, 0.0),
    )


def head_count(ranked: Table, fraction: float) -> ibis.Value:
    """How many customers `fraction` of all of them is, rounded up.

    The tolerance keeps float products such as 10 * 0.3 = 3.0000000000000004 from rounding up.
    """
    return (ranked.count().as_scalar() * number(fraction) - number(TOLERANCE)).ceil()
