"""S3.6 Prospect matrix PI–PIV: expected contribution × intention of potential customers."""

from datetime import date
from typing import Literal

import ibis
from ibis.expr.types import Table, Value
from pydantic import BaseModel, ConfigDict, Field

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import rounded
from clientela.engine.schemes.base import SchemeDefinition, SchemeName
from clientela.engine.schemes.ranking import number

CLASSES = ("PI", "PII", "PIII", "PIV")

# The indicator columns of `Inputs.prospects`, each on a 1–5 scale (null when not assessed).
INDICATORS = (
    "strength_scale",
    "management_level",
    "distribution_network",
    "buyers_purchasing_power",
    "marketing_level",
    "growth_capability",
    "competitive_advantage",
    "strategic_importance",
    "judgement",
)

STRATEGIES = {
    "PI": "breakthrough: close fast, remove what stands in the way of signing",
    "PII": "cultivate: a long effort; find out why the intention is low and counter it",
    "PIII": "close cheaply: a standard offer by phone or e-mail, little effort",
    "PIV": "minimal effort: keep in touch at the lowest cost",
}

PRIORITIES = {"PI": 1, "PII": 2, "PIII": 3, "PIV": 4}

# Why a promising prospect (PII) hesitates, and what answers it.
COUNTER_MEASURES = {
    "unaware": "make us known: visits, samples, references from customers they know, invitations to our events",
    "switching_cost": "lower the cost of switching: a trial order, flexible terms, help with the changeover",
    "competitor": "find our edge over the competitor: a product or service they lack; be there at their weak moments",
}
UNKNOWN_REASON = "find out why: they do not know us, fear the cost of switching, or a competitor is stronger"


class IndicatorWeights(BaseModel):
    """How much each 1–5 indicator counts in a score (0 = not at all)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    strength_scale: float = Field(default=0, ge=0)
    management_level: float = Field(default=0, ge=0)
    distribution_network: float = Field(default=0, ge=0)
    buyers_purchasing_power: float = Field(default=0, ge=0)
    marketing_level: float = Field(default=0, ge=0)
    growth_capability: float = Field(default=0, ge=0)
    competitive_advantage: float = Field(default=0, ge=0)
    strategic_importance: float = Field(default=0, ge=0)
    judgement: float = Field(default=0, ge=0)


def _contribution_weights() -> IndicatorWeights:
    return IndicatorWeights(
        strength_scale=1,
        management_level=1,
        distribution_network=1,
        buyers_purchasing_power=1,
        marketing_level=1,
        growth_capability=1,
        strategic_importance=1,
    )


def _intention_weights() -> IndicatorWeights:
    return IndicatorWeights(competitive_advantage=1, judgement=1)


def weighted_score(table: Table, weights: IndicatorWeights) -> Value:
    """The weighted mean of the indicators a prospect has (1–5), rounded to 9 decimals; null when it has none.

    Indicators without a value are left out of both sums, so a missing assessment neither lowers
    nor raises the score.
    """
    used = [(name, weight) for name, weight in weights.model_dump().items() if weight > 0]
    if not used:
        return ibis.literal(None, "float64")
    zero = ibis.literal(0, "int64").cast("float64")  # a bare 0.0 is NUMERIC to PostgreSQL
    total = sum((ibis.ifelse(table[name].isnull(), zero, table[name].cast("float64") * number(weight)) for name, weight in used), zero)
    weight_sum = sum((ibis.ifelse(table[name].isnull(), zero, number(weight)) for name, weight in used), zero)
    return ibis.ifelse(weight_sum > 0, rounded(total / ibis.ifelse(weight_sum > 0, weight_sum, number(1))), None)


class ProspectScheme(SchemeDefinition):
    """Expected contribution × intention of prospects: PI (high, high) breakthrough; PII (high
    contribution, low intention) cultivate; PIII (low, high) close cheaply; PIV (low, low) minimal effort.

    Each prospect of `Inputs.prospects` has indicators on a 1–5 scale (strength and scale,
    management level, distribution network, purchasing power of its buyers, marketing level,
    growth capability, our competitive advantage, strategic importance) and the salesperson's
    judgement of its intention. *Expected contribution* and *intention* are weighted means of the
    indicators it has (`contribution_weights`, `intention_weights`; by default the first seven and
    the strategic importance make the contribution, our competitive advantage and the judgement
    the intention). High means at or above the threshold (default 3, the middle of the scale); a
    prospect without any weighted indicator is low. A PII carries its reason for low intention
    (`unaware`, `switching_cost`, `competitor`) and the matching counter-measure.

    Transactions, the metric and the window are not used: prospects have no history yet.

    Explanation columns: `value` (the contribution), `rank` (by contribution, ties by customer
    id), `contribution`, `intention`, `contribution_threshold`, `intention_threshold`, `strategy`,
    `priority`, `low_intention_reason`, `counter_measure` and every indicator.

    Examples
    --------
    >>> ProspectScheme(intention_threshold=3.5).intention_weights.judgement
    1.0
    """

    kind: Literal["prospects"] = "prospects"
    name: SchemeName = "prospects"
    contribution_weights: IndicatorWeights = Field(default_factory=_contribution_weights)
    intention_weights: IndicatorWeights = Field(default_factory=_intention_weights)
    contribution_threshold: float = Field(default=3, ge=1, le=5)
    intention_threshold: float = Field(default=3, ge=1, le=5)

    def metric_names(self) -> frozenset[str]:
        """None: it scores the pipeline's indicators, not transactions."""
        return frozenset()

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        if inputs.prospects is None:
            raise ValueError("the prospect matrix needs a prospects table (customer_id and the 1–5 indicator scores)")
        prospects = inputs.prospects
        table = prospects.mutate(
            contribution=weighted_score(prospects, self.contribution_weights),
            intention=weighted_score(prospects, self.intention_weights),
        )
        order = [ibis.desc(table.contribution.fill_null(0)), ibis.asc(table.customer_id)]
        table = table.mutate(rank=ibis.row_number().over(ibis.window(order_by=order)) + 1)
        high_contribution = table.contribution.notnull() & (table.contribution >= number(self.contribution_threshold))
        high_intention = table.intention.notnull() & (table.intention >= number(self.intention_threshold))
        label = ibis.cases(
            (high_contribution & high_intention, "PI"),
            (high_contribution, "PII"),
            (high_intention, "PIII"),
            else_="PIV",
        )
        pick = lambda mapping: ibis.cases(*((label == name, value) for name, value in mapping.items()))  # noqa: E731
        reason = table.low_intention_reason
        measure = ibis.cases(*((reason == key, text) for key, text in COUNTER_MEASURES.items()), else_=UNKNOWN_REASON)
        return table.select(
            "customer_id",
            label.name("class"),
            value=table.contribution,
            rank=table["rank"],
            contribution=table.contribution,
            intention=table.intention,
            contribution_threshold=number(self.contribution_threshold),
            intention_threshold=number(self.intention_threshold),
            strategy=pick(STRATEGIES),
            priority=pick(PRIORITIES),
            low_intention_reason=ibis.ifelse(label == "PII", reason, ibis.literal(None, "string")),
            counter_measure=ibis.ifelse(label == "PII", measure, ibis.literal(None, "string")),
            **{name: table[name] for name in INDICATORS},
        )
