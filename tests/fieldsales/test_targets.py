"""Targets: entered per scope and month, a year spread by last year's seasonality, against actual sales with the gap."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import Region, Team, User
from clientela.fieldsales.models import Target
from clientela.fieldsales.selectors.targets import plan_vs_actual, target_lines
from clientela.fieldsales.services import target_save, target_year_spread


def test_saving_the_same_scope_and_month_again_replaces_the_target(salesperson, customer, products):
    target_save(salesperson=salesperson, year=2026, month=5, customer=customer, family="Beer", amount_cents=100_00)
    target_save(salesperson=salesperson, year=2026, month=5, customer=customer, family="Beer", amount_cents=150_00, units=10)
    target_save(salesperson=salesperson, year=2026, month=5, customer=customer, amount_cents=300_00)
    assert sorted(Target.objects.values_list("family", "amount_cents", "units")) == [("", 300_00, None), ("Beer", 150_00, 10)]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "give an amount, units or both"),
        ({"amount_cents": 1, "family": "Beer", "product": "lager"}, "give a product or a product family, not both"),
        ({"amount_cents": -1}, "Ensure this value is greater than or equal to 0"),
        ({"amount_cents": 1, "month": 13}, "less than or equal to 12"),
    ],
)
def test_a_wrong_target_is_refused(salesperson, products, given, message):
    if "product" in given:
        given["product"] = products[given["product"]]
    with pytest.raises(ValidationError, match=message):
        target_save(salesperson=salesperson, year=2026, **{"month": 5, **given})
    assert not Target.objects.exists()


def test_a_target_for_another_salespersons_customer_is_refused(salesperson, other_salesperson, place):
    with pytest.raises(ValidationError, match="is not a customer of ana"):
        target_save(salesperson=salesperson, year=2026, month=1, customer=place(other_salesperson, "Theirs"), amount_cents=1)


def test_a_yearly_target_follows_last_years_months(salesperson, customer, products, sell):
    # Beer last year: 100 in March, 300 in July (and cola, another family, in January: not counted).
    sell(customer, date(2025, 3, 4), 100_00, products["lager"], units=10)
    sell(customer, date(2025, 7, 9), 200_00, products["lager"], units=20)
    sell(customer, date(2025, 7, 20), 100_00, products["ipa"], units=5)
    sell(customer, date(2025, 1, 5), 999_00, products["cola"], units=99)

    targets = target_year_spread(salesperson=salesperson, year=2026, family="Beer", amount_cents=1000_00, units=70)

    by_month = {t.month: (t.amount_cents, t.units) for t in targets}
    assert len(targets) == 12
    assert by_month[3] == (250_00, 20)  # 1,000 × 100/400; 70 × 10/35
    assert by_month[7] == (750_00, 50)
    assert all(by_month[m] == (0, 0) for m in range(1, 13) if m not in (3, 7))


def test_a_yearly_target_without_last_year_is_spread_evenly(salesperson, customer):
    targets = target_year_spread(salesperson=salesperson, year=2026, customer=customer, units=30)
    assert [t.units for t in targets] == [3] * 6 + [2] * 6
    assert all(t.amount_cents is None for t in targets)


@pytest.fixture
def two_teams(salesperson, other_salesperson, south_salesperson, place, products, sell):
    """Ana (North, customer in region Coast), Bruno (North), Carla (South); May 2026 sales and targets."""
    coast = Region.objects.create(code="coast", name="Coast")
    ana_bar = place(salesperson, "Ana Bar")
    ana_bar.region = coast
    ana_bar.save()
    bruno_bar = place(other_salesperson, "Bruno Bar")
    carla_bar = place(south_salesperson, "Carla Bar")
    sell(ana_bar, date(2026, 5, 3), 400_00, products["lager"], units=40)
    sell(ana_bar, date(2026, 5, 20), 100_00, products["cola"], units=10)
    sell(ana_bar, date(2026, 6, 1), 999_00, products["lager"], units=99)  # June: outside May
    sell(bruno_bar, date(2026, 5, 9), 300_00, products["ipa"], units=30)
    sell(carla_bar, date(2026, 5, 9), 50_00, products["cola"], units=5)
    target_save(salesperson=salesperson, year=2026, month=5, customer=ana_bar, family="Beer", amount_cents=500_00, units=50)
    target_save(salesperson=other_salesperson, year=2026, month=5, product=products["ipa"], amount_cents=200_00)
    target_save(salesperson=south_salesperson, year=2026, month=5, units=10)
    return {"ana": salesperson, "bruno": other_salesperson, "carla": south_salesperson}


def test_each_target_is_compared_with_the_sales_of_its_scope(two_teams):
    lines = {line.target.salesperson.username: line for line in target_lines(targets=Target.objects.all(), start=date(2026, 5, 1), end=date(2026, 5, 31))}
    assert (lines["ana"].actual_cents, lines["ana"].actual_units) == (400_00, 40)  # beer only, May only
    assert (lines["bruno"].actual_cents, lines["bruno"].actual_units) == (300_00, 30)  # all of Bruno's customers, IPA
    assert (lines["carla"].target_cents, lines["carla"].actual_units) == (None, 5)


def test_plan_vs_actual_per_salesperson_team_and_region(two_teams):
    lines = target_lines(targets=Target.objects.all(), start=date(2026, 5, 1), end=date(2026, 5, 31))

    people = {row.label: row for row in plan_vs_actual(lines, "salesperson")}
    teams = {row.label: row for row in plan_vs_actual(lines, "team")}
    regions = {row.label: row for row in plan_vs_actual(lines, "region")}

    assert (people["ana"].target_cents, people["ana"].actual_cents, people["ana"].gap_cents) == (500_00, 400_00, -100_00)
    assert people["ana"].fulfilment == pytest.approx(0.8)
    assert (people["carla"].target_cents, people["carla"].fulfilment, people["carla"].units_fulfilment) == (0, None, 0.5)
    north = teams["North"]
    assert (north.target_cents, north.actual_cents, north.gap_cents, north.target_units, north.actual_units) == (700_00, 700_00, 0, 50, 40)
    assert (teams["South"].target_units, teams["South"].actual_units, teams["South"].gap_units) == (10, 5, -5)
    assert regions["Coast"].target_cents == 500_00
    assert regions["(salesperson-wide targets)"].target_cents == 200_00


def test_a_week_gets_the_days_share_of_its_months_targets(two_teams):
    # Week Mon 2026-05-25 … Sun 2026-05-31: 7 of May's 31 days. Ana's 500.00 → 112.90 (112.903 rounded), 50 units → 11.
    week = {line.target.salesperson.username: line for line in target_lines(targets=Target.objects.all(), start=date(2026, 5, 25), end=date(2026, 5, 31))}
    assert (week["ana"].target_cents, week["ana"].target_units) == (112_90, 11)
    assert week["ana"].actual_cents == 0  # her beer sales were on the 3rd
    assert week["carla"].target_units == 2  # 10 × 7 / 31 = 2.26


def test_target_lines_take_two_queries(two_teams, django_assert_num_queries):
    with django_assert_num_queries(2):
        lines = target_lines(targets=Target.objects.all(), start=date(2026, 5, 1), end=date(2026, 5, 31))
        assert [line.target.scope for line in lines]
        plan_vs_actual(lines, "region")
        plan_vs_actual(lines, "team")
    assert User.objects.filter(team__in=Team.objects.all()).count() >= 3
