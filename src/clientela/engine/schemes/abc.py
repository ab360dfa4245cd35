"""S3.1 Pareto / ABC classes, by share of the metric or by head count."""

from dataclasses import dataclass

import ibis
from ibis.expr.types import Table

from clientela.engine.metrics import Metric
from clientela.engine.schemes.ranking import TOLERANCE, head_count, number, ranked_by

@dataclass(frozen=True)
class AbcScheme:
    """Pareto / ABC by cumulative share of the metric.

    Customers are sorted by the metric, descending (ties: customer id ascending). **A** is the
    smallest set of top customers whose cumulative share *reaches* `a_share` (the customer that
    crosses the line is A); **B** the following ones until the cumulative share reaches
    `b_share`; **C** the rest. "Reaches" compares with a tolerance of 1e-9. A customer whose
    metric is zero or negative is always C; shares are of the total of positive values.
    """

    name: str = "abc"
    version: int = 1
    metric: Metric = Metric.REVENUE
    window_months: int = 12
    a_share: float = 0.80
    b_share: float = 0.95

    def __post_init__(self) -> None:
        if not 0 < self.a_share <= self.b_share <= 1:
            raise ValueError(f"expected 0 < a_share <= b_share <= 1 (got {self.a_share}, {self.b_share})")

    def classify(self, metrics: Table) -> Table:
        """Add class, rank, share, cumulative share and the thresholds to a metrics table."""
        ranked = ranked_by(metrics, self.metric.value)
        positive = ranked.value > 0
        # Sums of integer cents are exact; shares are the same doubles on every engine.
        total = ranked.value.sum(where=positive).over(ibis.window()).cast("float64")
        cumulative = ranked.value.sum(where=positive).over(ibis.window(order_by=["rank"], preceding=None, following=0)).cast("float64")
        shares = ranked.mutate(
            share=ibis.ifelse(positive, ranked.value / total, 0.0),
            cumulative_share=cumulative / total,
            before_share=(cumulative - ibis.ifelse(positive, ranked.value, 0)) / total,
        )
        label = ibis.cases(
            (~(shares.value > 0), "C"),
            (shares.before_share < number(self.a_share - TOLERANCE), "A"),
            (shares.before_share < number(self.b_share - TOLERANCE), "B"),
            else_="C",
        )
        return shares.mutate(**{"class": label, "a_threshold": number(self.a_share), "b_threshold": number(self.b_share)}).drop(
            "before_share"
        )


@dataclass(frozen=True)
class AbcCountScheme:
    """Pareto / ABC by head count: the top `a_count` of customers (rounded up) are A, the next
    `b_count` (rounded up, counted together with A) are B, the rest C. Sorting and ties as in
    AbcScheme; a customer whose metric is zero or negative is always C.
    """

    name: str = "abc-count"
    version: int = 1
    metric: Metric = Metric.REVENUE
    window_months: int = 12
    a_count: float = 0.20
    b_count: float = 0.30

    def classify(self, metrics: Table) -> Table:
        ranked = ranked_by(metrics, self.metric.value)
        a_last = head_count(ranked, self.a_count)
        b_last = head_count(ranked, self.a_count + self.b_count)
        label = ibis.cases(
            (~(ranked.value > 0), "C"),
            (ranked["rank"] <= a_last, "A"),
            (ranked["rank"] <= b_last, "B"),
            else_="C",
        )
        return ranked.mutate(**{"class": label, "a_threshold": number(self.a_count), "b_threshold": number(self.b_count)})
