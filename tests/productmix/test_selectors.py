"""The product mix of what the customers a user may see bought, against the hand-computed figures of conftest."""

import pytest

from clientela.crm.models import Customer
from clientela.crm.selectors.customers import customers_visible_to
from clientela.engine.metrics import Metric
from clientela.engine.product_mix import ProductMix
from clientela.engine.schemes.abc import AbcScheme
from clientela.productmix.selectors import product_mix_report
from tests.productmix.conftest import AS_OF


def report(customers, **settings):
    return product_mix_report(customers=customers, as_of=AS_OF, mix=ProductMix(**settings))


def classes(result) -> list[tuple[str, str, int]]:
    return [(line.product.sku, line.class_label, line.value) for line in result.lines]


def test_a_salesperson_sees_the_mix_of_their_own_customers(company, salesperson):
    result = report(customers_visible_to(salesperson), few_buyers=2)
    assert classes(result) == [("P1", "A", 7000), ("P2", "A", 3000), ("P3", "C", 0), ("P4", "C", 0)]
    p1 = result.lines[0]
    assert (p1.year, p1.year_before, p1.year_change, p1.quarter, p1.quarter_before) == (7000, 9000, pytest.approx(-2 / 9), 6000, 9000)
    assert p1.quarter_change == pytest.approx(-1 / 3) and p1.declining
    assert [line.product.sku for line in result.declining] == ["P1"]
    assert [(line.product.sku, line.buyers) for line in result.few_bought] == [("P3", 0), ("P4", 0), ("P2", 1)]
    assert [(total.label, total.products, total.value, total.share) for total in result.classes] == [("A", 2, 10000, 1.0), ("B", 0, 0, 0.0), ("C", 2, 0, 0.0)]


def test_a_supervisor_sees_the_team_and_an_admin_everybody(company, team, admin):
    assert classes(report(customers_visible_to(team.supervisor))) == [("P1", "A", 7500), ("P3", "A", 5000), ("P2", "B", 3000), ("P4", "C", 0)]
    everybody = report(customers_visible_to(admin))
    assert classes(everybody) == [("P3", "A", 15000), ("P1", "A", 7500), ("P2", "B", 3000), ("P4", "C", 0)]
    assert everybody.lines[2].year_change == 0.5


def test_per_region(company, admin):
    south = report(Customer.objects.filter(region__code="S"))
    assert classes(south) == [("P3", "A", 10000), ("P1", "C", 0), ("P2", "C", 0), ("P4", "C", 0)]
    assert [(line.product.sku, line.year_change) for line in south.declining] == [("P2", -1.0)]


def test_ranked_by_units(company, salesperson):
    result = report(customers_visible_to(salesperson), abc=AbcScheme(name="products", metric=Metric.UNITS))
    assert classes(result)[:2] == [("P1", "A", 2), ("P2", "A", 1)]


def test_a_salesperson_without_customers_gets_every_product_at_zero(company, db):
    result = report(Customer.objects.none())
    assert [(line.product.sku, line.class_label, line.buyers) for line in result.lines] == [("P1", "C", 0), ("P2", "C", 0), ("P3", "C", 0), ("P4", "C", 0)]
