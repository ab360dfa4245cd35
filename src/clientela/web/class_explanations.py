"""A customer's class in words, from the explanation a scheme stores with it (SPEC S3: every result says why).

Each scheme kind has its own sentence, e.g. "A: 12 % of revenue, rank 3, cumulative 41 % (A up to
80 %, B up to 95 %)"; numbers are formatted for the active language.
"""

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clientela.segmentation.models import CustomerClass
from clientela.web.templatetags.money import cents

MONEY = frozenset({"revenue", "paid", "profit", "monthly_mean", "monthly_std", "quarterly_mean", "quarterly_std",
                   "average_order", "largest_order", "last_year_revenue", "previous_year_revenue", "third_year_revenue"})  # fmt: skip
RATIOS = frozenset({"share", "growth_last_year", "growth_year_before"})

METRIC_NAMES = {
    "revenue": gettext_lazy("revenue"),
    "paid": gettext_lazy("amount paid"),
    "payments": gettext_lazy("number of payments"),
    "units": gettext_lazy("units"),
    "profit": gettext_lazy("gross profit"),
    "orders": gettext_lazy("number of orders"),
    "share": gettext_lazy("share of the total"),
    "active_months": gettext_lazy("active months"),
    "monthly_mean": gettext_lazy("mean monthly revenue"),
    "monthly_std": gettext_lazy("standard deviation of monthly revenue"),
    "monthly_cv": gettext_lazy("variation of monthly revenue"),
    "quarterly_mean": gettext_lazy("mean quarterly revenue"),
    "quarterly_std": gettext_lazy("standard deviation of quarterly revenue"),
    "quarterly_cv": gettext_lazy("variation of quarterly revenue"),
    "average_order": gettext_lazy("average order"),
    "largest_order": gettext_lazy("largest order"),
    "last_year_revenue": gettext_lazy("revenue of the last 12 months"),
    "previous_year_revenue": gettext_lazy("revenue of the 12 months before"),
    "third_year_revenue": gettext_lazy("revenue of the 12 months before those"),
    "growth_last_year": gettext_lazy("growth over the previous year"),
    "growth_year_before": gettext_lazy("growth of the previous year"),
    "recency_days": gettext_lazy("days since the last purchase"),
    "tenure_days": gettext_lazy("days since the first purchase"),
}

STRATEGIES = {
    "keep": gettext_lazy("raise their loyalty"),
    "retain": gettext_lazy("they break even"),
    "review": gettext_lazy("review the cost to serve them, maybe let go"),
    "EI": gettext_lazy("consolidate"),
    "EII": gettext_lazy("recover"),
    "EIII": gettext_lazy("promote"),
    "EIV": gettext_lazy("liquidate"),
    "PI": gettext_lazy("breakthrough: close fast"),
    "PII": gettext_lazy("cultivate"),
    "PIII": gettext_lazy("close cheaply"),
    "PIV": gettext_lazy("minimal effort"),
}

LOW_INTENTION_REASONS = {
    "unaware": gettext_lazy("they do not know us"),
    "switching_cost": gettext_lazy("they fear the cost of switching"),
    "competitor": gettext_lazy("a competitor is stronger"),
}


def percent(ratio: float | None) -> str:
    """A ratio as a percentage for the active language: 0.1234 -> "12 %", 0.0525 -> "5.3 %", 0.00046 -> "0.05 %"."""
    if ratio is None:
        return "–"
    value = Decimal(str(ratio)) * 100
    decimals = 0 if abs(value) >= 10 or value == value.to_integral() else 1 if abs(value) >= 1 else 2
    # number_format cuts decimals off: round first.
    return f"{number_format(value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP), decimal_pos=decimals)} %"


def number(value: float | int | None, decimals: int = 2) -> str:
    """A plain number for the active language."""
    if value is None:
        return "–"
    return number_format(value if isinstance(value, int) else Decimal(str(round(value, decimals))), decimal_pos=None if isinstance(value, int) else decimals, force_grouping=True)


def metric_value(metric: str, value: Any) -> str:
    """A metric's value shown in its unit: money in currency units, ratios as percentages."""
    if value is None:
        return "–"
    if metric in MONEY:
        return cents(int(value))
    if metric in RATIOS:
        return percent(value)
    return number(value, 2)


def explain(customer_class: CustomerClass) -> str:
    """The class of `customer_class` in words, e.g. "A: 12 % of revenue, rank 3, cumulative 41 % (A up to 80 %, B up to 95 %)"."""
    scheme = customer_class.snapshot.scheme
    phrase = PHRASES.get(scheme.kind)
    if phrase is None:
        return customer_class.label
    return phrase(customer_class.label, customer_class.explanation, scheme.definition, customer_class.snapshot.customers)


def _metric(definition: Mapping[str, Any]) -> str:
    return str(definition.get("metric", "revenue"))


def _value(definition: Mapping[str, Any], explanation: Mapping[str, Any]) -> str:
    return metric_value(_metric(definition), explanation.get("value"))


def _nothing(label: str, definition: Mapping[str, Any]) -> str:
    return _("%(label)s: no %(metric)s in the last %(months)s months") % {
        "label": label,
        "metric": METRIC_NAMES[_metric(definition)],
        "months": definition.get("window_months", 12),
    }


def _abc(label: str, explanation: Mapping[str, Any], definition: Mapping[str, Any], customers: int) -> str:
    if not (explanation.get("value") or 0) > 0:
        return _nothing(label, definition)
    return _("%(label)s: %(share)s of %(metric)s, rank %(rank)s, cumulative %(cumulative)s (A up to %(a)s, B up to %(b)s)") % {
        "label": label,
        "share": percent(explanation.get("share")),
        "metric": METRIC_NAMES[_metric(definition)],
        "rank": explanation.get("rank"),
        "cumulative": percent(explanation.get("cumulative_share")),
        "a": percent(explanation.get("a_threshold")),
        "b": percent(explanation.get("b_threshold")),
    }


def _abc_count(label: str, explanation: Mapping[str, Any], definition: Mapping[str, Any], customers: int) -> str:
    if not (explanation.get("value") or 0) > 0:
        return _nothing(label, definition)
    return _("%(label)s: rank %(rank)s of %(customers)s by %(metric)s (%(value)s); the top %(a)s are A, the next %(b)s B") % {
        "label": label,
        "rank": explanation.get("rank"),
        "customers": customers,
        "metric": METRIC_NAMES[_metric(definition)],
        "value": _value(definition, explanation),
        "a": percent(explanation.get("a_threshold")),
        "b": percent(explanation.get("b_threshold")),
    }


def _condition(condition: Mapping[str, Any], explanation: Mapping[str, Any], definition: Mapping[str, Any]) -> str:
    metric = condition["metric"]
    shown = _metric(definition) if metric == "value" else metric
    threshold = condition["value"]
    return _("%(metric)s %(operator)s %(threshold)s (here %(value)s)") % {
        "metric": METRIC_NAMES.get(shown, shown),
        "operator": condition["operator"],
        "threshold": metric_value(shown, round(threshold * 100) if shown in MONEY else threshold),
        "value": metric_value(shown, explanation.get(metric)),
    }


def _rules(label: str, explanation: Mapping[str, Any], definition: Mapping[str, Any], customers: int) -> str:
    matched = explanation.get("matched_rule")
    rules = definition.get("rules", [])
    if matched is None:
        return _("%(label)s: no rule holds (%(metric)s %(value)s, rank %(rank)s)") % {
            "label": label,
            "metric": METRIC_NAMES[_metric(definition)],
            "value": _value(definition, explanation),
            "rank": explanation.get("rank"),
        }
    conditions = rules[matched - 1]["conditions"] if matched <= len(rules) else []
    return _("%(label)s: rule %(number)s holds: %(conditions)s") % {
        "label": label,
        "number": matched,
        "conditions": _(", and ").join(_condition(condition, explanation, definition) for condition in conditions) or "–",
    }


def _vip(label: str, explanation: Mapping[str, Any], definition: Mapping[str, Any], customers: int) -> str:
    values = {
        "label": label,
        "metric": METRIC_NAMES[_metric(definition)],
        "value": _value(definition, explanation),
        "rank": explanation.get("rank"),
        "window": definition.get("window_months", 6),
    }
    if label == "vip":
        months = (explanation.get("months_vip") or "").replace(",", ", ")
        return _("%(label)s: a monthly VIP in %(count)s of the last %(window)s months (%(months)s); %(metric)s %(value)s, rank %(rank)s") % (
            values | {"count": explanation.get("vip_months", 0), "months": months}
        )
    if explanation.get("fell_out"):
        return _("%(label)s: fell out of the VIP register this month; %(metric)s %(value)s — contact them and find out why") % values
    if label == "good":
        return _("%(label)s: among the top %(share)s of the other customers; %(metric)s %(value)s, rank %(rank)s") % (
            values | {"share": percent(explanation.get("good_threshold"))}
        )
    return _("%(label)s: %(metric)s %(value)s in the last %(window)s months, rank %(rank)s") % values


def _profit(label: str, explanation: Mapping[str, Any], definition: Mapping[str, Any], customers: int) -> str:
    return _("%(label)s — %(strategy)s: rank %(rank)s by %(metric)s (%(value)s, %(share)s of it); this band brings %(band)s of the profit") % {
        "label": label,
        "strategy": STRATEGIES.get(label, ""),
        "rank": explanation.get("rank"),
        "metric": METRIC_NAMES[_metric(definition)],
        "value": _value(definition, explanation),
        "share": percent(explanation.get("share")),
        "band": percent(explanation.get("band_profit_share")),
    }


def _level(value: Any, threshold: Any) -> str:
    return _("high") if value is not None and threshold is not None and value >= threshold else _("low")


def _matrix(label: str, explanation: Mapping[str, Any], definition: Mapping[str, Any], customers: int) -> str:
    contribution, threshold = explanation.get("contribution"), explanation.get("contribution_threshold")
    if definition.get("contribution") == "share":
        shown = percent
    elif _metric(definition) in MONEY:
        shown = lambda value: cents(None if value is None else round(value))  # noqa: E731
    else:
        shown = number
    stability, stability_threshold = explanation.get("stability"), explanation.get("stability_threshold")
    return _(
        "%(label)s — %(strategy)s: contribution %(contribution)s (%(contribution_level)s; threshold %(contribution_threshold)s), "
        "stability %(stability)s (%(stability_level)s; threshold %(stability_threshold)s)"
    ) % {
        "label": label,
        "strategy": STRATEGIES.get(label, ""),
        "contribution": shown(contribution),
        "contribution_level": _level(contribution, threshold) if (explanation.get("value") or 0) > 0 else _("low"),
        "contribution_threshold": shown(threshold),
        "stability": number(stability),
        "stability_level": _level(stability, stability_threshold),
        "stability_threshold": number(stability_threshold),
    }


def _prospects(label: str, explanation: Mapping[str, Any], definition: Mapping[str, Any], customers: int) -> str:
    text = _("%(label)s — %(strategy)s: expected contribution %(contribution)s (threshold %(contribution_threshold)s), intention %(intention)s (threshold %(intention_threshold)s)") % {
        "label": label,
        "strategy": STRATEGIES.get(label, ""),
        "contribution": number(explanation.get("contribution")),
        "contribution_threshold": number(explanation.get("contribution_threshold")),
        "intention": number(explanation.get("intention")),
        "intention_threshold": number(explanation.get("intention_threshold")),
    }
    reason = LOW_INTENTION_REASONS.get(explanation.get("low_intention_reason") or "")
    return f"{text}; {_('low intention because')} {reason}" if label == "PII" and reason else text


PHRASES: dict[str, Callable[[str, Mapping[str, Any], Mapping[str, Any], int], str]] = {
    "abc": _abc,
    "abc-count": _abc_count,
    "rules": _rules,
    "vip": _vip,
    "profit": _profit,
    "matrix": _matrix,
    "prospects": _prospects,
}
