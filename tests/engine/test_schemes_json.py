"""Scheme definitions are data: they round-trip through JSON, bad ones name the bad field, and they are frozen."""

import json

import pytest
from pydantic import ValidationError

from clientela.engine.metrics import Metric
from clientela.engine.schemes import (
    KINDS,
    AbcCountScheme,
    AbcScheme,
    MatrixScheme,
    ProfitScheme,
    RulesScheme,
    SchemeError,
    VipScheme,
    scheme_from_dict,
)
from clientela.engine.schemes.matrix import StabilityWeights
from clientela.engine.schemes.rules import Condition, Rule, share_rules

OTHER_SETTINGS = [
    AbcScheme(name="abc paid", version=3, metric=Metric.PAID, window_months=6, a_share=0.7, b_share=0.9),
    AbcCountScheme(metric=Metric.UNITS, a_count=0.1, b_count=0.4),
    RulesScheme(rules=share_rules(share=0.25, amount=1234.56), otherwise="D"),
    RulesScheme(rules=(Rule(label="X", conditions=(Condition(metric="monthly_cv", operator="!=", value=0.5),)),)),
    VipScheme(mode="total", window_months=3, metric=Metric.REVENUE, vip_share=0.25, good_share=0.1),
    ProfitScheme(keep=0.3, review=0.1, window_months=24),
    MatrixScheme(
        contribution="share",
        contribution_threshold=0.05,
        stability_threshold=0.4,
        weights=StabilityWeights(alive=2, order_spread=0),
        time_shares={"EI": 0.4, "EII": 0.4, "EIII": 0.1, "EIV": 0.1},
    ),
]


@pytest.mark.parametrize("scheme", [cls() for cls in KINDS.values()] + OTHER_SETTINGS, ids=lambda scheme: scheme.kind)
def test_every_kind_round_trips_through_json(scheme):
    stored = json.loads(json.dumps(scheme.model_dump(mode="json")))  # what the app keeps in its JSON column
    assert stored["kind"] == scheme.kind
    again = scheme_from_dict(stored)
    assert type(again) is type(scheme)
    assert again == scheme
    assert again.model_dump(mode="json") == stored


def test_kinds_name_their_classes():
    assert {kind: cls().kind for kind, cls in KINDS.items()} == {kind: kind for kind in KINDS}
    assert scheme_from_dict({"kind": "vip"}) == VipScheme()


def test_defaults_are_written_out_in_full():
    stored = RulesScheme().model_dump(mode="json")
    assert stored["metric"] == "revenue" and stored["window_months"] == 12 and stored["version"] == 1
    assert stored["rules"][0] == {"label": "A", "conditions": [{"metric": "growth_last_year", "operator": ">=", "value": 0.2}]}


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ({"kind": "abc", "a_share": 1.5}, "a_share: Input should be less than or equal to 1"),
        ({"kind": "abc", "a_share": 0.9, "b_share": 0.8}, "definition: Value error, expected 0 < a_share <= b_share <= 1 (got 0.9, 0.8)"),
        ({"kind": "abc-count", "b_count": -0.1}, "b_count: Input should be greater than or equal to 0"),
        ({"kind": "abc-count", "a_count": 0.6, "b_count": 0.6}, "definition: Value error, expected a_count + b_count <= 1 (got 0.6 + 0.6)"),
        ({"kind": "rules", "otherwise": ""}, "otherwise: String should have at least 1 character"),
        ({"kind": "vip", "mode": "rolling"}, "mode: Input should be 'monthly' or 'total'"),
        ({"kind": "vip", "window_months": 30}, "window_months: Input should be less than or equal to 24"),
        ({"kind": "profit", "keep": 0}, "keep: Input should be greater than 0"),
        ({"kind": "matrix", "weights": {"alive": "much"}}, "weights.alive: Input should be a valid number"),
        ({"kind": "abc", "metric": "margin"}, "metric: Input should be 'revenue', 'paid', 'payments', 'units', 'profit' or 'orders'"),
        ({"kind": "abc", "window_months": 0}, "window_months: Input should be greater than or equal to 1"),
        ({"kind": "abc", "version": 0}, "version: Input should be greater than or equal to 1"),
        ({"kind": "abc", "name": ""}, "name: String should have at least 1 character"),
        ({"kind": "matrix", "name": "x" * 101}, "name: String should have at most 100 characters"),
        ({"kind": "abc", "colour": "red"}, "colour: Extra inputs are not permitted"),
        ({"kind": "pareto"}, "definition: Input tag 'pareto' found using 'kind' does not match any of the expected tags"),
        ({"a_share": 0.8}, "definition: Unable to extract tag using discriminator 'kind'"),
    ],
)
def test_bad_definitions_name_the_field(definition, message):
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(definition)
    assert str(raised.value).startswith(message)


def test_every_bad_field_is_named():
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict({"kind": "vip", "vip_share": 2, "good_share": -1})
    assert str(raised.value) == "vip_share: Input should be less than or equal to 1; good_share: Input should be greater than or equal to 0"


def test_a_scheme_error_is_a_value_error():
    assert issubclass(SchemeError, ValueError)


@pytest.mark.parametrize(
    ("scheme", "field", "value"),
    [
        (AbcScheme(), "a_share", 0.5),
        (VipScheme(), "mode", "total"),
        (MatrixScheme(), "weights", StabilityWeights()),
        (RulesScheme(), "otherwise", "D"),
    ],
)
def test_definitions_are_frozen(scheme, field, value):
    with pytest.raises(ValidationError, match="frozen"):
        setattr(scheme, field, value)


def test_nested_parts_are_frozen_too():
    scheme = RulesScheme()
    with pytest.raises(ValidationError, match="frozen"):
        scheme.rules[0].conditions[0].value = 0.1  # type: ignore[misc]
    with pytest.raises(TypeError):
        scheme.rules[0].conditions[0:1] = ()  # type: ignore[index]
    with pytest.raises(ValidationError, match="frozen"):
        MatrixScheme().weights.alive = 3  # type: ignore[misc]
