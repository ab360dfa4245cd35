"""Every scheme kind's class explained in words from the explanation stored with it."""

from datetime import date

import pytest
from django.utils import translation

from clientela.engine.schemes import KINDS
from clientela.segmentation.models import CustomerClass, Scheme, Snapshot
from clientela.web.class_explanations import explain, percent


def classified(kind: str, label: str, explanation: dict, customers: int = 10, **settings) -> CustomerClass:
    definition = KINDS[kind](name=kind, **settings).model_dump(mode="json")
    scheme = Scheme(name=kind, kind=kind, definition=definition)
    return CustomerClass(snapshot=Snapshot(scheme=scheme, version=1, as_of=date(2025, 6, 30), customers=customers), label=label, explanation=explanation)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_abc():
    explanation = {"value": 120000, "rank": 3, "share": 0.12, "cumulative_share": 0.41, "a_threshold": 0.8, "b_threshold": 0.95}
    assert explain(classified("abc", "A", explanation)) == "A: 12 % of revenue, rank 3, cumulative 41 % (A up to 80 %, B up to 95 %)"
    assert explain(classified("abc", "C", {"value": 0, "rank": 9})) == "C: no revenue in the last 12 months"


def test_abc_by_head_count():
    explanation = {"value": 12345, "rank": 2, "share": 0.3, "a_threshold": 0.2, "b_threshold": 0.3}
    assert explain(classified("abc-count", "A", explanation, metric="units")) == "A: rank 2 of 10 by units (12,345); the top 20 % are A, the next 30 % B"


def test_rules_name_the_rule_that_holds_with_the_customers_values():
    explanation = {"value": 500000, "rank": 1, "share": 0.5, "matched_rule": 1, "growth_last_year": 0.35}
    assert explain(classified("rules", "A", explanation)) == "A: rule 1 holds: growth over the previous year >= 20 % (here 35 %)"
    explanation = {"value": 500000, "rank": 4, "share": 0.05, "matched_rule": None}
    assert explain(classified("rules", "C", explanation)) == "C: no rule holds (revenue 5,000.00, rank 4)"


def test_vip():
    vip = {"value": 250000, "rank": 2, "vip_months": 3, "months_vip": "2025-01,2025-03,2025-06", "fell_out": False, "good_threshold": 0.2}
    assert explain(classified("vip", "vip", vip)) == (
        "vip: a monthly VIP in 3 of the last 6 months (2025-01, 2025-03, 2025-06); amount paid 2,500.00, rank 2"
    )
    fell = {"value": 9000, "rank": 7, "vip_months": 0, "months_vip": "", "fell_out": True}
    assert explain(classified("vip", "good", fell)).startswith("good: fell out of the VIP register this month; amount paid 90.00")
    regular = {"value": 0, "rank": 9, "fell_out": False}
    assert explain(classified("vip", "regular", regular)) == "regular: amount paid 0.00 in the last 6 months, rank 9"


def test_profit():
    explanation = {"value": 80000, "rank": 1, "share": 0.4, "band_profit_share": 0.75}
    assert explain(classified("profit", "keep", explanation)) == (
        "keep — raise their loyalty: rank 1 by gross profit (800.00, 40 % of it); this band brings 75 % of the profit"
    )


def test_matrix():
    explanation = {"value": 1234500, "contribution": 1234500.0, "contribution_threshold": 800000.0, "stability": 0.42, "stability_threshold": 0.55}
    assert explain(classified("matrix", "EII", explanation)) == (
        "EII — recover: contribution 12,345.00 (high; threshold 8,000.00), stability 0.42 (low; threshold 0.55)"
    )


def test_prospects_say_why_the_intention_is_low():
    explanation = {"contribution": 3.8, "contribution_threshold": 3.0, "intention": 2.1, "intention_threshold": 3.0, "low_intention_reason": "competitor"}
    assert explain(classified("prospects", "PII", explanation)) == (
        "PII — cultivate: expected contribution 3.80 (threshold 3.00), intention 2.10 (threshold 3.00); low intention because a competitor is stronger"
    )


def test_numbers_follow_the_language():
    explanation = {"value": 120000, "rank": 3, "share": 0.125, "cumulative_share": 0.41, "a_threshold": 0.8, "b_threshold": 0.95}
    with translation.override("es"):
        assert percent(0.0525) == "5,3 %"  # rounded, not cut
        assert percent(0.00046) == "0,05 %"
        assert explain(classified("abc", "A", explanation)) == "A: 13 % de ventas, puesto 3, acumulado 41 % (A hasta 80 %, B hasta 95 %)"
