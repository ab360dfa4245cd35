"""S3.2 Rule-based classes: ordered rules over the engine's metrics, first match wins."""

from datetime import date
from typing import Literal

import ibis
from ibis.expr.types import BooleanValue, Table
from pydantic import BaseModel, ConfigDict, Field, field_validator

from clientela.engine.customer_metrics import METRICS, MONEY_METRICS, customer_metrics
from clientela.engine.inputs import Inputs
from clientela.engine.schemes.base import SchemeDefinition, SchemeName
from clientela.engine.schemes.ranking import number, ranked_by, shares

Operator = Literal[">=", ">", "<=", "<", "==", "!="]

# Besides the metrics, a rule may use the scheme's key metric (`value`) and its share of the total.
RULE_METRICS = ("value", "share", *METRICS)


class Condition(BaseModel):
    """`metric operator value`, e.g. growth_last_year >= 0.2. Money is written in currency units."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    metric: str
    operator: Operator
    value: float

    @field_validator("metric")
    @classmethod
    def _known(cls, metric: str) -> str:
        if metric not in RULE_METRICS:
            raise ValueError(f'unknown metric "{metric}"; expected one of {", ".join(RULE_METRICS)}')
        return metric

    def compile(self, table: Table, money: bool) -> BooleanValue:
        """The condition over a metrics table; a null metric never matches."""
        column = table[self.metric]
        # Money metrics are cents; a threshold of 1234.56 is 123456 cents, compared exactly.
        threshold = ibis.literal(round(self.value * 100), "int64") if money else number(self.value)
        compare = {
            ">=": column.__ge__,
            ">": column.__gt__,
            "<=": column.__le__,
            "<": column.__lt__,
            "==": column.__eq__,
            "!=": column.__ne__,
        }[self.operator]
        return compare(threshold)


class Rule(BaseModel):
    """A class label given when all the conditions hold."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str = Field(min_length=1, max_length=40)
    conditions: tuple[Condition, ...] = Field(min_length=1)


class RulesScheme(SchemeDefinition):
    """Ordered rules over the metrics; the first rule whose conditions all hold gives the class,
    and customers matching none get `otherwise`.

    Conditions use the fixed vocabulary of `clientela.engine.customer_metrics.METRICS` plus
    `value` (the key metric) and `share` (its share of the total of positive values) with the
    operators >=, >, <=, <, ==, !=; money thresholds are in currency units, ratios are fractions
    (0.2 = 20 %). A metric that is null (e.g. growth without a previous year) matches no
    condition. The default is the "growth" preset.

    Explanation columns: `value`, `rank`, `share`, `matched_rule` (1-based, null for
    `otherwise`) and every metric the rules use.
    """

    kind: Literal["rules"] = "rules"
    name: SchemeName = "rules"
    rules: tuple[Rule, ...] = Field(default_factory=lambda: growth_rules(), min_length=1)
    otherwise: str = Field(default="C", min_length=1, max_length=40)

    def metric_names(self) -> frozenset[str]:
        return frozenset({self.metric.value, *self._used()})

    def _used(self) -> list[str]:
        """The metrics the conditions name, in vocabulary order."""
        return sorted({c.metric for rule in self.rules for c in rule.conditions} - {"value", "share"}, key=RULE_METRICS.index)

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        used = self._used()
        metrics = customer_metrics(inputs, self.window(as_of), self.metric_names())
        table = shares(ranked_by(metrics, self.metric.value))
        money = MONEY_METRICS | ({"value"} if self.metric.is_money else set())
        matches = [
            ibis.and_(*(condition.compile(table, condition.metric in money) for condition in rule.conditions))
            for rule in self.rules
        ]
        label = ibis.cases(*((match, rule.label) for match, rule in zip(matches, self.rules)), else_=self.otherwise)
        matched = ibis.cases(*((match, number) for number, match in enumerate(matches, 1)), else_=ibis.null("int64"))
        return table.select("customer_id", label.name("class"), "value", "rank", "share", matched.name("matched_rule"), *used)


def growth_rules(growth: float = 0.20, steady_growth: float = 0.10, active_months: int = 10) -> tuple[Rule, ...]:
    """The classic preset: A grew ≥ 20 % over the previous year; B grew ≥ 10 % in each of the last
    two years and was active in ≥ 10 months of the window; everyone else C."""
    return (
        Rule(label="A", conditions=(Condition(metric="growth_last_year", operator=">=", value=growth),)),
        *_steady(steady_growth, active_months),
    )


def share_rules(share: float = 0.20, amount: float | None = None, steady_growth: float = 0.10, active_months: int = 10) -> tuple[Rule, ...]:
    """The "share" preset: A brings ≥ 20 % of the total (or, when `amount` is given, at least that
    much of the key metric); B and C as in the growth preset."""
    a_rules = [Rule(label="A", conditions=(Condition(metric="share", operator=">=", value=share),))]
    if amount is not None:
        a_rules.append(Rule(label="A", conditions=(Condition(metric="value", operator=">=", value=amount),)))
    return (*a_rules, *_steady(steady_growth, active_months))


def _steady(growth: float, active_months: int) -> tuple[Rule, ...]:
    conditions = (
        Condition(metric="growth_last_year", operator=">=", value=growth),
        Condition(metric="growth_year_before", operator=">=", value=growth),
        Condition(metric="active_months", operator=">=", value=active_months),
    )
    return (Rule(label="B", conditions=conditions),)
