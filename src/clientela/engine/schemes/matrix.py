"""S3.5 Contribution × stability matrix EI–EIV for existing customers."""

from datetime import date
from typing import Literal

import ibis
from ibis.expr.types import Table, Value
from pydantic import BaseModel, ConfigDict, Field, model_validator

from clientela.engine.customer_metrics import customer_metrics
from clientela.engine.inputs import Inputs
from clientela.engine.metrics import rounded
from clientela.engine.schemes.base import SchemeDefinition, SchemeName
from clientela.engine.schemes.ranking import number, ranked_by, shares

CLASSES = ("EI", "EII", "EIII", "EIV")

# The metrics stability is computed from (and shown with).
STABILITY_METRICS = ("revenue", "active_months", "monthly_cv", "quarterly_cv", "largest_order")

STRATEGIES = {
    "EI": "consolidate: long-term plan, new products on top of the old ones, be their business consultant",
    "EII": "recover: find why they drift (trying new things, a better competitor offer, dissatisfaction), "
    "counter it, loyalty programme",
    "EIII": "promote: periodic visits, help with advertising, display and promotions",
    "EIV": "liquidate: review cost against benefit; abandon if the effort exceeds the return",
}

# Follow-up urgency, 1 first: a drifting big customer (EII) comes before a loyal one (EI).
PRIORITIES = {"EII": 1, "EI": 2, "EIII": 3, "EIV": 4}


class StabilityWeights(BaseModel):
    """Weights of the stability indicators (each scaled to 0–1, higher = steadier)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    active_months: float = Field(default=1, ge=0)
    monthly_regularity: float = Field(default=1, ge=0)
    quarterly_regularity: float = Field(default=1, ge=0)
    order_spread: float = Field(default=1, ge=0)
    alive: float = Field(default=1, ge=0)


def _time_shares() -> dict[str, float]:
    return {"EI": 0.30, "EII": 0.35, "EIII": 0.25, "EIV": 0.10}


def median(values: Value, table: Table) -> Value:
    """The median of `values` over the rows of `table` (mean of the two middle ones), as a scalar.

    Written with window functions, which every engine has (SQLite has no median aggregate).
    """
    ordered = table.select(v=values).filter(lambda t: t.v.notnull())
    position = ibis.row_number().over(ibis.window(order_by="v"))
    counted = ordered.mutate(_pos=position, _n=ordered.v.count().over(ibis.window()))
    middle = counted.filter((counted._pos == (counted._n - 1) // 2) | (counted._pos == counted._n // 2))
    return middle.v.cast("float64").mean().as_scalar()


class MatrixScheme(SchemeDefinition):
    """Contribution × stability: EI (high, high) consolidate; EII (high contribution, low
    stability) recover, more urgent than EI; EIII (low, high) promote; EIV (low, low) liquidate.

    *Contribution* is the key metric over the window (or its share of the total when
    `contribution` is "share"). *Stability* is the weighted mean of indicators scaled to 0–1:
    share of active months in the window, monthly regularity 1 / (1 + CV of monthly amounts),
    quarterly regularity 1 / (1 + CV of quarterly amounts), order spread 1 − largest order /
    revenue (0 for a single order), and the probability of being alive when the inputs carry it
    (S7); indicators that cannot be computed count as 0. Stability is rounded to 9 decimals.

    High means at or above the threshold. Default thresholds are the medians of contribution and
    stability over the customers with a positive contribution; a customer whose contribution is
    zero or negative always has low contribution. A contribution threshold for a money metric is
    written in currency units. Each class carries its strategy, priority and recommended share
    of the salesperson's time.

    Explanation columns: `value`, `rank`, `share`, `contribution`, `stability`, `active_months`,
    `monthly_cv`, `quarterly_cv`, `largest_order`, `contribution_threshold`,
    `stability_threshold`, `strategy`, `priority`, `time_share`.
    """

    kind: Literal["matrix"] = "matrix"
    name: SchemeName = "matrix"
    contribution: Literal["value", "share"] = "value"
    contribution_threshold: float | None = None
    stability_threshold: float | None = Field(default=None, ge=0, le=1)
    weights: StabilityWeights = StabilityWeights()
    time_shares: dict[str, float] = Field(default_factory=_time_shares)

    @model_validator(mode="after")
    def _complete(self) -> "MatrixScheme":
        if sorted(self.time_shares) != sorted(CLASSES) or any(share < 0 for share in self.time_shares.values()):
            raise ValueError(f"time_shares needs a non-negative share for each of {', '.join(CLASSES)}")
        if abs(sum(self.time_shares.values()) - 1) > 1e-6:
            raise ValueError(f"time_shares must add up to 1 (got {sum(self.time_shares.values()):g})")
        return self

    def metric_names(self) -> frozenset[str]:
        return frozenset({self.metric.value, *STABILITY_METRICS})

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        window = self.window(as_of)
        metrics = customer_metrics(inputs, window, self.metric_names())
        if inputs.alive is not None:
            # Joined before ranking: joined after it, the whole ranking is repeated in the SQL, too deep for SQLite.
            alive = inputs.alive
            metrics = metrics.left_join(alive, metrics.customer_id == alive.customer_id).select(metrics, alive.p_alive)
        table = shares(ranked_by(metrics, self.metric.value))
        table = table.mutate(
            contribution=table.share if self.contribution == "share" else table.value.cast("float64"),
            stability=self._stability(table, window.months, inputs.alive is not None),
        )
        active = table.filter(table.value > 0)
        table = table.mutate(
            contribution_threshold=median(active.contribution, active)
            if self.contribution_threshold is None
            else self._contribution_literal(),
            stability_threshold=median(active.stability, active)
            if self.stability_threshold is None
            else number(self.stability_threshold),
        )
        high_contribution = (table.value > 0) & (table.contribution >= table.contribution_threshold)
        high_stability = table.stability >= table.stability_threshold
        label = ibis.cases(
            (high_contribution & high_stability, "EI"),
            (high_contribution, "EII"),
            (high_stability, "EIII"),
            else_="EIV",
        )
        # Strategy, priority and time share are picked in the same projection as the class, from its expression:
        # one projection more is one level of subquery more, and SQLite's parser refuses about twenty.
        pick = lambda mapping: ibis.cases(*((label == name, value) for name, value in mapping.items()))  # noqa: E731
        return table.select(
            "customer_id",
            label.name("class"),
            "value",
            "rank",
            "share",
            "contribution",
            "stability",
            "active_months",
            "monthly_cv",
            "quarterly_cv",
            "largest_order",
            "contribution_threshold",
            "stability_threshold",
            strategy=pick(STRATEGIES),
            priority=pick(PRIORITIES),
            time_share=pick({name: number(share) for name, share in self.time_shares.items()}),
        )

    def _contribution_literal(self) -> Value:
        assert self.contribution_threshold is not None
        if self.contribution == "value" and self.metric.is_money:
            return ibis.literal(round(self.contribution_threshold * 100), "int64").cast("float64")
        return number(self.contribution_threshold)

    def _stability(self, table: Table, months: int, with_alive: bool) -> Value:
        regularity = lambda cv: ibis.ifelse(cv.isnull(), 0.0, 1.0 / (1.0 + cv))  # noqa: E731
        spread = ibis.ifelse((table.revenue > 0) & table.largest_order.notnull(), 1.0 - table.largest_order.cast("float64") / table.revenue, 0.0)
        indicators = {
            "active_months": table.active_months.cast("float64") / months,
            "monthly_regularity": regularity(table.monthly_cv),
            "quarterly_regularity": regularity(table.quarterly_cv),
            "order_spread": ibis.greatest(ibis.least(spread, 1.0), 0.0),
        }
        if with_alive:
            indicators["alive"] = table.p_alive.fill_null(0.0).cast("float64")
        weights = {name: getattr(self.weights, name) for name in indicators}
        total = sum(weights.values())
        if total == 0:
            return ibis.literal(0, "int64").cast("float64")  # a bare 0.0 is NUMERIC to PostgreSQL
        score = sum((indicator * number(weights[name]) for name, indicator in indicators.items()), ibis.literal(0.0))
        return rounded(score / number(total))
