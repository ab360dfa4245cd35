"""S3.4 Profit 20/60/20."""

from dataclasses import dataclass

import ibis
from ibis.expr.types import Table

from clientela.engine.metrics import Metric
from clientela.engine.schemes.ranking import head_count, number, ranked_by


@dataclass(frozen=True)
class ProfitScheme:
    """Profit 20/60/20: customers ranked by gross profit, descending (ties: customer id ascending).

    The top `keep` of customers by count (rounded up) are **keep** (keep and grow: raise their
    loyalty); the bottom `review` by count (rounded up) are **review** (they consume resources:
    review cost-to-serve, maybe let go), unless already keep; the middle are **retain**. Each row
    carries its band's share of the total profit (`band_profit_share`).
    """

    name: str = "profit"
    version: int = 1
    metric: Metric = Metric.PROFIT
    window_months: int = 12
    keep: float = 0.20
    review: float = 0.20

    def __post_init__(self) -> None:
        if not (0 < self.keep and 0 < self.review and self.keep + self.review <= 1):
            raise ValueError(f"expected keep > 0, review > 0 and keep + review <= 1 (got {self.keep}, {self.review})")

    def classify(self, metrics: Table) -> Table:
        """Add class, rank, band profit share and the thresholds to a metrics table."""
        ranked = ranked_by(metrics, self.metric.value)
        customers = ranked.count().as_scalar()
        label = ibis.cases(
            (ranked["rank"] <= head_count(ranked, self.keep), "keep"),
            (ranked["rank"] > customers - head_count(ranked, self.review), "review"),
            else_="retain",
        )
        banded = ranked.mutate(**{"class": label})
        total = banded.value.sum().over(ibis.window()).cast("float64")
        band_total = banded.value.sum().over(ibis.window(group_by="class")).cast("float64")
        return banded.mutate(
            band_profit_share=ibis.ifelse(total == 0, None, band_total / total),
            keep_threshold=number(self.keep),
            review_threshold=number(self.review),
        )
