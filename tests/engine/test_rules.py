"""S3.2 Rule-based classes against hand-computed examples, on every backend."""

from datetime import date

import pytest
from pydantic import ValidationError

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric
from clientela.engine.schemes import SchemeError, scheme_from_dict
from clientela.engine.schemes.rules import Condition, Rule, RulesScheme, growth_rules, share_rules
from tests.fixtures.engines import customers_table, transactions_table

# As of 2024-12-31 the years are the calendar years 2024 (last), 2023 (previous) and 2022.
AS_OF = date(2024, 12, 31)


def sale(customer: int, day: date, amount: int, units: int = 1) -> tuple:
    return (customer, day, f"{customer}-{day}", units, amount, None)


def monthly(customer: int, amounts: list[int]) -> list[tuple]:
    """One sale on the 15th of each month of 2024, January first."""
    return [sale(customer, date(2024, month, 15), amount) for month, amount in enumerate(amounts, 1)]


GROWTH = [
    # 1: 10,000 → 12,000 = exactly +20 %, one active month: A
    sale(1, date(2023, 6, 15), 10_000),
    sale(1, date(2024, 3, 15), 12_000),
    # 2: 10,000 → 11,500 → 13,225 (+15 %, +15 %), active 10 months: B
    sale(2, date(2022, 6, 15), 10_000),
    sale(2, date(2023, 6, 15), 11_500),
    *monthly(2, [1322] * 9 + [1327]),
    # 3: the same growth, active only 9 months: C
    sale(3, date(2022, 6, 15), 10_000),
    sale(3, date(2023, 6, 15), 11_500),
    *monthly(3, [1469] * 8 + [1473]),
    # 4: +25 %: A
    sale(4, date(2023, 1, 15), 10_000),
    sale(4, date(2024, 1, 15), 12_500),
    # 5: nothing the year before: growth is null, which matches no rule: C
    sale(5, date(2024, 5, 15), 5000),
    # 6: exactly +10 % twice (10,000 → 11,000 → 12,100), active 12 months: B
    sale(6, date(2022, 6, 15), 10_000),
    sale(6, date(2023, 6, 15), 11_000),
    *monthly(6, [1008] * 11 + [1012]),
    # 7: +11.1 % then +19.99 % (9,000 → 10,000 → 11,999), active 12 months: just short of A, so B
    sale(7, date(2022, 6, 15), 9000),
    sale(7, date(2023, 6, 15), 10_000),
    *monthly(7, [1000] * 11 + [999]),
]


# Several tests look at the same run: each (backend, scheme, data, date) runs once.
_RESULTS: dict[tuple, dict[int, dict]] = {}


def run(backend, scheme, rows, customers=None, as_of=AS_OF) -> dict[int, dict]:
    key = (backend.name, scheme.model_dump_json(), tuple(rows), tuple(customers or ()), as_of)
    if key not in _RESULTS:
        inputs = Inputs(transactions_table(backend, rows), customers=customers_table(backend, customers) if customers else None)
        _RESULTS[key] = {row["customer_id"]: row for row in scheme.classify(inputs, as_of).to_pyarrow().to_pylist()}
    return _RESULTS[key]


def labels(result: dict[int, dict]) -> dict[int, str]:
    return {customer: row["class"] for customer, row in sorted(result.items())}


def test_growth_preset(backend):
    result = run(backend, RulesScheme(), GROWTH)
    assert labels(result) == {1: "A", 2: "B", 3: "C", 4: "A", 5: "C", 6: "B", 7: "B"}
    assert [result[c]["matched_rule"] for c in range(1, 8)] == [1, 2, None, 1, None, 2, 2]
    three = result[3]
    assert (three["growth_last_year"], three["growth_year_before"], three["active_months"]) == (
        pytest.approx(0.15, abs=1e-12),  # 1725 / 11500
        pytest.approx(0.15, abs=1e-12),  # 1500 / 10000
        9,
    )
    assert result[2]["active_months"] == 10
    assert result[1]["growth_last_year"] == 0.2
    assert result[5]["growth_last_year"] is None


def test_the_result_explains_the_class_with_the_metrics_the_rules_use(backend):
    result = run(backend, RulesScheme(), GROWTH)
    assert list(result[1]) == [
        "customer_id", "class", "value", "rank", "share", "matched_rule",
        "active_months", "growth_last_year", "growth_year_before",  # in the order of the vocabulary
    ]  # fmt: skip
    # value = 2024 revenue; 2 and 3 tie at 13,225 (id ascending), then 4 with 12,500
    assert [(result[c]["value"], result[c]["rank"]) for c in (2, 3, 4)] == [(13_225, 1), (13_225, 2), (12_500, 3)]


def test_growth_thresholds_are_configurable(backend):
    # A from +25 %; B from +15 % twice and 9 active months: 1 (+20 %) drops to C, 3 rises to B
    scheme = RulesScheme(rules=growth_rules(growth=0.25, steady_growth=0.15, active_months=9))
    assert labels(run(backend, scheme, GROWTH)) == {1: "C", 2: "B", 3: "B", 4: "A", 5: "C", 6: "C", 7: "C"}


def test_share_preset_with_the_amount_alternative_in_currency_units(backend):
    # 2024 revenue 80,049 in all: nobody reaches 20 %; 2 and 3 bring exactly 132.25
    assert labels(run(backend, RulesScheme(rules=share_rules()), GROWTH)) == {1: "C", 2: "B", 3: "C", 4: "C", 5: "C", 6: "B", 7: "B"}
    result = run(backend, RulesScheme(rules=share_rules(amount=132.25)), GROWTH)
    assert labels(result) == {1: "C", 2: "A", 3: "A", 4: "C", 5: "C", 6: "B", 7: "B"}
    assert (result[2]["matched_rule"], result[6]["matched_rule"]) == (2, 3)
    one_cent_more = labels(run(backend, RulesScheme(rules=share_rules(amount=132.26)), GROWTH))
    assert (one_cent_more[2], one_cent_more[3]) == ("B", "C")


def test_share_preset_a_is_20_percent_of_the_total(backend):
    rows = [sale(1, date(2024, 6, 1), 5000), sale(2, date(2024, 6, 1), 2000), sale(3, date(2024, 6, 1), 1999), sale(4, date(2024, 6, 1), 1001)]
    rows.append(sale(5, date(2024, 6, 1), -300))  # a net return: share 0
    result = run(backend, RulesScheme(rules=share_rules()), rows)
    # total of positive values 10,000: 50 %, 20 % (exactly), 19.99 %, 10.01 %
    assert labels(result) == {1: "A", 2: "A", 3: "C", 4: "C", 5: "C"}
    assert (result[2]["share"], result[5]["share"]) == (0.2, 0)


def test_a_custom_rule_set_first_match_wins(backend):
    scheme = RulesScheme(
        rules=(
            Rule(label="big", conditions=(Condition(metric="revenue", operator=">=", value=100), Condition(metric="orders", operator=">=", value=2))),
            Rule(label="lapsed", conditions=(Condition(metric="recency_days", operator=">", value=90),)),
            Rule(label="single", conditions=(Condition(metric="orders", operator="==", value=1),)),
            Rule(label="small", conditions=(Condition(metric="average_order", operator="<", value=20), Condition(metric="units", operator="<=", value=5))),
            Rule(label="growing", conditions=(Condition(metric="growth_last_year", operator=">", value=0),)),
            Rule(label="irregular", conditions=(Condition(metric="monthly_cv", operator="!=", value=0),)),
        ),
        otherwise="other",
    )
    as_of = date(2024, 6, 30)
    rows = [
        # 1: revenue exactly 100.00 in two orders: big (it is also recent and small-ordered: first match wins)
        sale(1, date(2024, 6, 1), 6000), sale(1, date(2024, 6, 2), 4000),
        # 2: 99.99 in two orders, the last one 121 days ago (March 1 → June 30): lapsed
        sale(2, date(2024, 2, 1), 6000), sale(2, date(2024, 3, 1), 3999),
        # 3: one order of 5.00 29 days ago: single, although "small" matches too
        sale(3, date(2024, 6, 1), 500),
        # 4: three orders of 10.00 with 2 units each (6 units: not small), no previous year: irregular
        sale(4, date(2024, 4, 10), 1000, 2), sale(4, date(2024, 5, 10), 1000, 2), sale(4, date(2024, 6, 10), 1000, 2),
        # 5: three orders of 10.00 with one unit each: small
        sale(5, date(2024, 4, 10), 1000), sale(5, date(2024, 5, 10), 1000), sale(5, date(2024, 6, 10), 1000),
        # 7: 10.00 the year before, 2 × 30.00 now (average 30.00: not small): growth +500 %: growing
        sale(7, date(2023, 3, 1), 1000), sale(7, date(2024, 5, 1), 3000, 10), sale(7, date(2024, 6, 1), 3000, 10),
    ]  # fmt: skip
    # 6 bought nothing: recency, average order, growth and cv are null and match nothing, not even "!="
    result = run(backend, scheme, rows, customers=[1, 2, 3, 4, 5, 6, 7], as_of=as_of)
    assert labels(result) == {1: "big", 2: "lapsed", 3: "single", 4: "irregular", 5: "small", 6: "other", 7: "growing"}
    assert [result[c]["matched_rule"] for c in range(1, 8)] == [1, 2, 3, 6, 4, None, 5]
    assert result[2]["recency_days"] == 121
    assert result[4]["monthly_cv"] == pytest.approx(3**0.5, abs=1e-9)  # mean 250, std √(250,000 − 62,500) = 433.01…
    # in the order of the vocabulary (customer_metrics.METRICS)
    assert list(result[1])[6:] == ["revenue", "units", "orders", "monthly_cv", "average_order", "growth_last_year", "recency_days"]


def test_value_thresholds_are_money_only_for_money_metrics(backend):
    rows = [sale(1, date(2024, 6, 1), 500, 5), sale(2, date(2024, 6, 1), 700, 4)]
    units = RulesScheme(metric=Metric.UNITS, rules=(Rule(label="A", conditions=(Condition(metric="value", operator=">=", value=5),)),))
    assert labels(run(backend, units, rows, as_of=date(2024, 6, 30))) == {1: "A", 2: "C"}  # 5 units, not 5.00
    revenue = RulesScheme(rules=(Rule(label="A", conditions=(Condition(metric="value", operator=">=", value=5),)),))
    assert labels(run(backend, revenue, rows, as_of=date(2024, 6, 30))) == {1: "A", 2: "A"}  # 5.00 = 500 cents


def test_an_unknown_metric_is_refused_with_the_vocabulary():
    with pytest.raises(ValidationError, match='unknown metric "colour"; expected one of value, share, revenue, paid'):
        Condition(metric="colour", operator=">=", value=1)
    definition = {"kind": "rules", "rules": [{"label": "A", "conditions": [{"metric": "colour", "operator": ">", "value": 1}]}]}
    with pytest.raises(SchemeError, match='^rules.0.conditions.0.metric: Value error, unknown metric "colour"; expected one of') as raised:
        scheme_from_dict(definition)
    assert "Tuple should have" not in str(raised.value)  # one bad condition, one problem


def test_an_unknown_operator_is_refused_with_the_allowed_ones():
    definition = {"kind": "rules", "rules": [{"label": "A", "conditions": [{"metric": "revenue", "operator": "=~", "value": 1}]}]}
    with pytest.raises(SchemeError, match="^rules.0.conditions.0.operator: Input should be '>=', '>', '<=', '<', '==' or '!='$"):
        scheme_from_dict(definition)


def test_a_rule_needs_a_label_and_a_condition():
    with pytest.raises(SchemeError, match="^rules.0.conditions: Tuple should have at least 1 item after validation, not 0$"):
        scheme_from_dict({"kind": "rules", "rules": [{"label": "A", "conditions": []}]})
    with pytest.raises(SchemeError, match="^rules.0.label: String should have at least 1 character$"):
        scheme_from_dict({"kind": "rules", "rules": [{"label": "", "conditions": [{"metric": "revenue", "operator": ">", "value": 0}]}]})
    with pytest.raises(SchemeError, match="^rules: Tuple should have at least 1 item"):
        scheme_from_dict({"kind": "rules", "rules": []})


def test_a_small_share_threshold_next_to_another_condition(backend):
    # 2024 revenue 10,000: 1 brings 99.75 %, 2 brings 0.05 % (5 cents, +25 % on 2023), 3 brings 0.2 % (new)
    rows = [sale(1, date(2023, 5, 1), 100), sale(1, date(2024, 5, 1), 9975), sale(2, date(2023, 5, 1), 4), sale(2, date(2024, 5, 1), 5)]
    rows.append(sale(3, date(2024, 5, 1), 20))
    conditions = (Condition(metric="growth_last_year", operator=">=", value=0.05), Condition(metric="share", operator=">", value=0.001))
    result = run(backend, RulesScheme(rules=(Rule(label="A", conditions=conditions),)), rows)
    # 0.001 once compiled to integer division (0) on PostgreSQL, and 2's 0.05 % passed
    assert labels(result) == {1: "A", 2: "C", 3: "C"}
