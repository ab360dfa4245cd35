"""S3.1 Pareto / ABC classes, by share of the metric or by head count."""

from datetime import date
from typing import Literal

import ibis
from ibis.expr.types import Table
from pydantic import Field, model_validator

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import key_metrics
from clientela.engine.schemes.base import SchemeDefinition, SchemeName
from clientela.engine.schemes.ranking import TOLERANCE, head_count, number, ranked_by, shares


class AbcScheme(SchemeDefinition):
    """Pareto / ABC by cumulative share of the metric.

    Customers are sorted by the metric, descending (ties: customer id ascending). **A** is the
    smallest set of top customers whose cumulative share *reaches* `a_share` (the customer that
    crosses the line is A, so A is never empty while the total is positive); **B** the following
    ones until the cumulative share reaches `b_share`; **C** the rest. "Reaches" compares with a
    tolerance of 1e-9. A customer whose metric is zero or negative is always C; shares are of the
    total of positive values.

    Explanation columns: `value`, `rank`, `share`, `cumulative_share`, `a_threshold`, `b_threshold`.
    """

    kind: Literal["abc"] = "abc"
    name: SchemeName = "abc"
    a_share: float = Field(default=0.80, gt=0, le=1)
    b_share: float = Field(default=0.95, gt=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> "AbcScheme":
        if self.a_share > self.b_share:
            raise ValueError(f"expected 0 < a_share <= b_share <= 1 (got {self.a_share}, {self.b_share})")
        return self

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        ranked = shares(ranked_by(key_metrics(inputs, self.window(as_of), self.metric_names()), self.metric.value))
        before = ranked.cumulative_share - ranked.share
        label = ibis.cases(
            (~(ranked.value > 0), "C"),
            (before < number(self.a_share - TOLERANCE), "A"),
            (before < number(self.b_share - TOLERANCE), "B"),
            else_="C",
        )
        return ranked.select(
            "customer_id",
            label.name("class"),
            "value",
            "rank",
            "share",
            "cumulative_share",
            a_threshold=number(self.a_share),
            b_threshold=number(self.b_share),
        )


class AbcCountScheme(SchemeDefinition):
    """Pareto / ABC by head count: the top `a_count` of customers (rounded up) are A, the next
    `b_count` (rounded up, counted together with A) are B, the rest C. Sorting and ties as in
    AbcScheme; a customer whose metric is zero or negative is always C.

    Explanation columns: `value`, `rank`, `share`, `cumulative_share`, `a_threshold`, `b_threshold`.
    """

    kind: Literal["abc-count"] = "abc-count"
    name: SchemeName = "abc-count"
    a_count: float = Field(default=0.20, gt=0, le=1)
    b_count: float = Field(default=0.30, ge=0, le=1)

    @model_validator(mode="after")
    def _fits(self) -> "AbcCountScheme":
        if self.a_count + self.b_count > 1 + TOLERANCE:
            raise ValueError(f"expected a_count + b_count <= 1 (got {self.a_count} + {self.b_count})")
        return self

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        ranked = shares(ranked_by(key_metrics(inputs, self.window(as_of), self.metric_names()), self.metric.value))
        label = ibis.cases(
            (~(ranked.value > 0), "C"),
            (ranked["rank"] <= head_count(ranked, self.a_count), "A"),
            (ranked["rank"] <= head_count(ranked, self.a_count + self.b_count), "B"),
            else_="C",
        )
        return ranked.select(
            "customer_id",
            label.name("class"),
            "value",
            "rank",
            "share",
            "cumulative_share",
            a_threshold=number(self.a_count),
            b_threshold=number(self.b_count),
        )
