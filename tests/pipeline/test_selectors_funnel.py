"""Funnel figures on a small known history.

    customer  lead (channel)             history (2026)                                              contracts
    A         fair (event)               future 1/1, potential 1/11, target 1/31, signed 2/10,       100,000 signed 2/1
                                         qualified 5/10
    B         fair (event)               future 1/1, potential 1/21, target 2/10, potential 2/20      –
    C         web site (web)             future 1/1, potential 1/6                                   –
    D         referral Bar Sol (referral) potential 1/1, target 1/15, signed 3/1                      40,000 signed 2/25; 99,999 in 2025
    E         – (an existing customer)   signed 1/1, qualified 3/1                                   –
    F         – (–)                      future 1/1                                                  –

Reached / next: future A B C F / A B C (3 of 4); potential A B C D / A B D (3 of 4); target A B D / A D (2 of 3);
signed A D E / A E (2 of 3); qualified A E. Median days of the stays that ended: future 5, 10, 20 → 10;
potential 20, 20, 14 → 20; target 10, 10, 45 → 10; signed 89, 59 → 74. Signed later: of future 1 of 4 (A),
of potential 2 of 4 (A, D), of target 2 of 3.
"""

from datetime import date

import pytest

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.pipeline.models import PipelineEntry, StageChange
from clientela.pipeline.selectors.funnel import ForecastMonth, SourceFigures, funnel_report
from tests.pipeline.conftest import moment

TODAY = date(2026, 6, 15)
HISTORIES = {
    "A": [("future", (1, 1)), ("potential", (1, 11)), ("target", (1, 31)), ("signed", (2, 10)), ("qualified", (5, 10))],
    "B": [("future", (1, 1)), ("potential", (1, 21)), ("target", (2, 10)), ("potential", (2, 20))],
    "C": [("future", (1, 1)), ("potential", (1, 6))],
    "D": [("potential", (1, 1)), ("target", (1, 15)), ("signed", (3, 1))],
    "E": [("signed", (1, 1)), ("qualified", (3, 1))],
    "F": [("future", (1, 1))],
}
LEADS = {"A": ("fair", "event"), "B": ("fair", "event"), "C": ("web site", "web"), "D": ("referral Bar Sol", "referral")}
DEALS = {"B": (50_000, date(2026, 7, 20)), "C": (20_000, None), "F": (10_000, date(2026, 5, 1))}


def build(owner, histories, leads, deals) -> dict[str, Customer]:
    """Customers with these stage histories (2026), lead sources and channels, and deals."""
    customers = {}
    for name, steps in histories.items():
        customer = customer_create(external_id=name, name=name, owner=owner)
        customers[name] = customer
        source, channel = leads.get(name, ("", ""))
        value, expected = deals.get(name, (None, None))
        PipelineEntry.objects.create(
            customer=customer, stage=steps[-1][0], lead_source=source, lead_channel=channel, expected_value_cents=value, expected_signing_on=expected
        )
        previous = ""
        for to_stage, (month, day) in steps:
            StageChange.objects.create(customer=customer, from_stage=previous, to_stage=to_stage, at=moment(date(2026, month, day)), reason="test")
            previous = to_stage
    return customers


@pytest.fixture
def known(salesperson, contract):
    customers = build(salesperson, HISTORIES, LEADS, DEALS)
    contract(customers["A"], "KA", date(2026, 2, 1), [(date(2026, 3, 1), 100_000)])
    contract(customers["D"], "KD", date(2026, 2, 25), [(date(2026, 3, 25), 40_000)])
    contract(customers["D"], "KD-old", date(2025, 2, 25), [(date(2025, 3, 25), 99_999)])
    return customers


def test_conversion_stage_to_stage_and_median_time_in_stage(known):
    funnel = funnel_report(customers=Customer.objects.all(), today=TODAY)
    figures = [(s.stage, s.reached, s.converted, s.median_days) for s in funnel.stages]
    assert figures == [("future", 4, 3, 10), ("potential", 4, 3, 20), ("target", 3, 2, 10), ("signed", 3, 2, 74), ("qualified", 2, None, None)]
    assert [s.conversion for s in funnel.stages] == [0.75, 0.75, pytest.approx(2 / 3), pytest.approx(2 / 3), None]


def test_learned_probabilities_of_signing(known):
    funnel = funnel_report(customers=Customer.objects.all(), today=TODAY)
    assert funnel.probabilities == {"future": 0.25, "potential": 0.5, "target": pytest.approx(2 / 3)}


def test_won_value_by_lead_source_and_channel(known):
    funnel = funnel_report(customers=Customer.objects.all(), today=TODAY)
    assert funnel.by_source == [
        SourceFigures("fair", 2, 1, 100_000),
        SourceFigures("referral Bar Sol", 1, 1, 40_000),  # the contract of 2025 came before the lead
        SourceFigures("(not recorded)", 1, 0, 0),
        SourceFigures("web site", 1, 0, 0),
    ]
    assert [(row.name, row.leads, row.won, row.won_value_cents) for row in funnel.by_channel] == [
        ("Trade fair or event", 2, 1, 100_000),
        ("Referral", 1, 1, 40_000),
        ("(not recorded)", 1, 0, 0),
        ("Web or social media", 1, 0, 0),
    ]
    assert funnel.by_source[0].conversion == 0.5


def test_forecast_of_signings_by_month(known):
    funnel = funnel_report(customers=Customer.objects.all(), today=TODAY)
    assert funnel.forecast == [ForecastMonth(None, 1, 10_000, 0.25, 2_500), ForecastMonth(date(2026, 7, 1), 1, 50_000, 0.5, 25_000)]
    assert funnel.undated == 1


def test_the_funnel_counts_only_the_customers_given(known):
    funnel = funnel_report(customers=Customer.objects.filter(name__in=["A", "E"]), today=TODAY)
    assert [(s.stage, s.reached) for s in funnel.stages] == [("future", 1), ("potential", 1), ("target", 1), ("signed", 2), ("qualified", 2)]


# Two prospects fell out of the pipeline: G was a target that signed with a competitor (and is lost), H a lead
# dropped at future and reopened at potential. With A–F:
#   future     reached A B C F G H (6), next A B C G H (5), dropped H (1); stays 10 20 5 10 15 -> median 10
#   potential  reached A B C D G H (6), next A B D G (4), dropped none; stays 20 20 14 21 -> median 20
#   target     reached A B D G (4), next A D (2), dropped G (1); stays 10 10 45 28 -> median 19
#   signed later: of future A (1/6), of potential A D (2/6), of target A D (2/4: G is a failed target)
# G's deal is out of the forecast; H has no expected date.
DROPS = {
    "G": [("future", (1, 1)), ("potential", (1, 11)), ("target", (2, 1)), ("lost", (3, 1))],
    "H": [("future", (1, 1)), ("lost", (1, 16)), ("potential", (2, 1))],
}


@pytest.fixture
def with_drops(known, salesperson):
    return known | build(salesperson, DROPS, {"G": ("fair", "event")}, {"G": (30_000, date(2026, 8, 1))})


def test_drops_count_in_conversion_and_as_failures_in_the_probabilities(with_drops):
    funnel = funnel_report(customers=Customer.objects.all(), today=TODAY)
    figures = [(s.stage, s.reached, s.converted, s.dropped, s.median_days) for s in funnel.stages]
    assert figures == [
        ("future", 6, 5, 1, 10),
        ("potential", 6, 4, 0, 20),
        ("target", 4, 2, 1, 19),
        ("signed", 3, 2, None, 74),
        ("qualified", 2, None, None, None),
    ]
    assert [s.drop_rate for s in funnel.stages[:3]] == [pytest.approx(1 / 6), 0, 0.25]
    assert funnel.probabilities == {"future": pytest.approx(1 / 6), "potential": pytest.approx(1 / 3), "target": 0.5}
    assert funnel.lost == 1


def test_lost_prospects_are_left_out_of_the_forecast_but_count_as_leads(with_drops):
    funnel = funnel_report(customers=Customer.objects.all(), today=TODAY)
    assert funnel.forecast == [
        ForecastMonth(None, 1, 10_000, pytest.approx(1 / 6), pytest.approx(10_000 / 6)),
        ForecastMonth(date(2026, 7, 1), 1, 50_000, pytest.approx(1 / 3), pytest.approx(50_000 / 3)),
    ]
    assert funnel.undated == 2  # C and H
    assert funnel.by_source[0] == SourceFigures("fair", 3, 1, 100_000)
