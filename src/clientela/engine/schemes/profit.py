"""S3.4 Profit 20/60/20."""

from datetime import date
from typing import Literal

import ibis
from ibis.expr.types import Table
from pydantic import Field, model_validator

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric, key_metrics
from clientela.engine.schemes.base import SchemeDefinition, SchemeName
from clientela.engine.schemes.ranking import head_count, number, ranked_by, shares


class ProfitScheme(SchemeDefinition):
    """Profit 20/60/20: customers ranked by gross profit, descending (ties: customer id ascending).

    The top `keep` of customers by count (rounded up) are **keep** (keep and grow: raise their
    loyalty); the bottom `review` by count (rounded up) are **review** (they consume resources:
    review cost-to-serve, maybe let go), unless already keep; the middle are **retain** (they
    break even). Each row carries its band's share of the total profit (`band_profit_share`,
    null when the total is zero; negative profits count, so shares can exceed 1 or be negative).

    Explanation columns: `value`, `rank`, `share`, `cumulative_share`, `band_profit_share`,
    `keep_threshold`, `review_threshold`.
    """

    kind: Literal["profit"] = "profit"
    name: SchemeName = "profit"
    metric: Metric = Metric.PROFIT
    keep: float = Field(default=0.20, gt=0, le=1)
    review: float = Field(default=0.20, gt=0, le=1)

    @model_validator(mode="after")
    def _fits(self) -> "ProfitScheme":
        if self.keep + self.review > 1:
            raise ValueError(f"expected keep > 0, review > 0 and keep + review <= 1 (got {self.keep}, {self.review})")
        return self

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        ranked = shares(ranked_by(key_metrics(inputs, self.window(as_of), self.metric_names()), self.metric.value))
        customers = ranked.count().as_scalar()
        label = ibis.cases(
            (ranked["rank"] <= head_count(ranked, self.keep), "keep"),
            (ranked["rank"] > customers - head_count(ranked, self.review), "review"),
            else_="retain",
        )
        banded = ranked.mutate(**{"class": label})
        total = banded.value.sum().over(ibis.window()).cast("float64")
        band_total = banded.value.sum().over(ibis.window(group_by="class")).cast("float64")
        return banded.select(
            "customer_id",
            "class",
            "value",
            "rank",
            "share",
            "cumulative_share",
            band_profit_share=ibis.ifelse(total == 0, None, band_total / total),
            keep_threshold=number(self.keep),
            review_threshold=number(self.review),
        )
