"""The monthly evaluation: fulfilment, visits planned vs done, contacts by class, new customers developed, ranking."""

from datetime import date

import pytest

from clientela.crm.models import User
from clientela.fieldsales.selectors.evaluation import evaluations, new_customers
from clientela.fieldsales.services import planned_visit_add, target_save
from tests.fixtures.followup import local

MAY = (date(2026, 5, 1), date(2026, 5, 31))


@pytest.fixture
def may(salesperson, other_salesperson, south_salesperson, place, sell, classify, contact_made):
    """Ana: 80 % of target, 1 of 2 visits; Bruno: 120 %, no visits; Carla: no target. One new customer each for Ana."""
    ana_old, ana_new = place(salesperson, "Old Bar"), place(salesperson, "New Bar")
    bruno_bar = place(other_salesperson, "Bruno Bar")
    sell(ana_old, date(2025, 12, 1), 10_00)
    sell(ana_old, date(2026, 5, 2), 300_00)
    sell(ana_new, date(2026, 5, 10), 100_00)  # first purchase in May: developed
    sell(bruno_bar, date(2026, 5, 10), 600_00)
    target_save(salesperson=salesperson, year=2026, month=5, amount_cents=500_00)
    target_save(salesperson=other_salesperson, year=2026, month=5, amount_cents=500_00)
    for customer in (ana_old, ana_new):
        planned_visit_add(salesperson=salesperson, customer=customer, period="month", day=date(2026, 5, 1), objective="order", purpose="order")
    classify("abc", {ana_old: "A", ana_new: "C", bruno_bar: "A"})
    contact_made(ana_old, local(date(2026, 5, 6), 10))
    contact_made(ana_old, local(date(2026, 5, 13), 10), channel="call")
    return {"ana": salesperson, "bruno": other_salesperson, "carla": south_salesperson}


def test_the_evaluation_of_each_salesperson_is_ranked_by_fulfilment(may):
    rows = evaluations(salespeople=User.objects.filter(role=User.Role.SALESPERSON), start=MAY[0], end=MAY[1], today=date(2026, 6, 15))

    assert [(row.rank, row.salesperson.username) for row in rows] == [(1, "bruno"), (2, "ana"), (3, "carla")]
    ana = rows[1]
    assert (ana.target_cents, ana.actual_cents, ana.fulfilment) == (500_00, 400_00, 0.8)
    assert (ana.visits_planned, ana.visits_done, ana.visits_rate) == (2, 1, 0.5)
    assert ana.new_customers == 1
    classes = {line.class_label: (line.customers, line.contacts) for line in ana.contacts}
    assert classes == {"A": (1, 2), "C": (1, 0)}
    assert ana.contacts_done == 2
    assert rows[0].fulfilment == pytest.approx(1.2) and rows[0].visits_rate is None
    assert rows[2].fulfilment is None and rows[2].contacts == []


def test_new_customers_count_first_purchases_in_the_period(may):
    assert new_customers(salespeople=User.objects.all(), start=MAY[0], end=MAY[1]) == {may["ana"].pk: 1, may["bruno"].pk: 1}
    assert new_customers(salespeople=User.objects.all(), start=date(2026, 6, 1), end=date(2026, 6, 30)) == {}
