"""The bonus on money collected, worked out by hand: rates by class and family, held back while overdue, released.

Plan: from January 2026, 1 % by default, 2 % for class A (abc), 3 % for Craft. Terms: 30 days.

Bar Uno (class A from the snapshot of 28 February; none before):
* INV-1, 5 January: Lager 600.00 + Craft 400.00, paid in full on 20 January (named). January: no class yet,
  so Lager at 1 % = 6.00 and Craft at 3 % = 12.00: 18.00.
* INV-2, 10 February: Lager 500.00, due 12 March. 200.00 paid on 5 March (naming nothing): March, class A,
  2 % = 4.00; at the end of March 300.00 is overdue: held. 300.00 paid on 15 April (named): 6.00, and
  nothing is overdue at the end of April: the 4.00 held is released, 10.00 payable.
Bar Ajeno (no class), salesperson bruno: INV-3, 1 March, Craft 100.00, paid on 10 March: 3.00.
"""

from datetime import date
from decimal import Decimal

import pytest

from clientela.crm.models import Customer
from clientela.receivables.models import BonusPlan, BonusRate
from clientela.receivables.selectors.bonus import bonus_report

JAN, MAR, APR = date(2026, 1, 1), date(2026, 3, 1), date(2026, 4, 1)
TODAY = date(2026, 5, 10)


@pytest.fixture
def plan(db) -> BonusPlan:
    plan = BonusPlan.objects.create(scheme="abc", default_percent=Decimal("1"), starts_on=JAN)
    BonusRate.objects.create(plan=plan, class_label="A", percent=Decimal("2"))
    BonusRate.objects.create(plan=plan, family="Craft", percent=Decimal("3"))
    return plan


@pytest.fixture
def history(plan, customer, theirs, sale, pay, classify):
    classify("abc", {customer: "A"}, as_of=date(2026, 2, 28))
    sale(customer, "INV-1", date(2026, 1, 5), [("Lager", 60_000), ("Craft", 40_000)])
    pay(customer, date(2026, 1, 20), 100_000, "INV-1")
    sale(customer, "INV-2", date(2026, 2, 10), [("Lager", 50_000)])
    pay(customer, date(2026, 3, 5), 20_000)
    pay(customer, date(2026, 4, 15), 30_000, "INV-2")
    sale(theirs, "INV-3", date(2026, 3, 1), [("Craft", 10_000)])
    pay(theirs, date(2026, 3, 10), 10_000, "INV-3")


def lines(report):
    return {
        line.customer.name: (line.class_label, line.collected_cents, line.bonus.earned_cents, line.bonus.held_cents, line.bonus.released_cents, line.bonus.payable_cents, line.bonus.still_held_cents)
        for person in report.salespeople
        for line in person.lines
    }


def test_january_is_paid_at_the_family_and_default_rates_before_any_class(history):
    report = bonus_report(customers=Customer.objects.all(), month=JAN, today=TODAY)
    assert lines(report) == {"Bar Uno": ("", 100_000, 1_800, 0, 0, 1_800, 0)}
    assert report.salespeople[0].collected_by_family == {"Craft": 40_000, "Lager": 60_000}


def test_march_is_held_back_while_the_rest_of_the_invoice_is_overdue(history):
    report = bonus_report(customers=Customer.objects.all(), month=MAR, today=TODAY)
    assert lines(report) == {"Bar Uno": ("A", 20_000, 400, 400, 0, 0, 400), "Bar Ajeno": ("", 10_000, 300, 0, 0, 300, 0)}
    ana, bruno = report.salespeople
    assert (ana.salesperson.username, ana.totals) == ("ana", {"collected": 20_000, "earned": 400, "held": 400, "released": 0, "payable": 0, "still_held": 400})
    assert (bruno.salesperson.username, bruno.totals["payable"]) == ("bruno", 300)


def test_april_releases_what_was_held_once_nothing_is_overdue(history):
    report = bonus_report(customers=Customer.objects.all(), month=APR, today=TODAY)
    assert lines(report) == {"Bar Uno": ("A", 30_000, 600, 0, 400, 1_000, 0)}


def test_the_month_under_way_is_judged_today(history, sale, customer):
    sale(customer, "INV-4", date(2026, 3, 20), [("Lager", 10_000)])  # due 19 April, unpaid
    on_18_april = bonus_report(customers=Customer.objects.all(), month=APR, today=date(2026, 4, 18))
    assert lines(on_18_april)["Bar Uno"][3:] == (0, 400, 1_000, 0)  # INV-2 paid, INV-4 not due yet
    after_april = bonus_report(customers=Customer.objects.all(), month=APR, today=TODAY)
    assert lines(after_april)["Bar Uno"][3:] == (600, 0, 0, 1_000)  # INV-4 overdue on 30 April: all held


def test_a_salespersons_own_plan_replaces_the_default(history, plan, other_salesperson):
    BonusPlan.objects.create(salesperson=other_salesperson, scheme="abc", default_percent=Decimal("10"), starts_on=JAN)
    assert lines(bonus_report(customers=Customer.objects.all(), month=MAR, today=TODAY))["Bar Ajeno"][2] == 1_000


def test_without_a_plan_nothing_is_earned(customer, sale, pay):
    sale(customer, "INV-1", date(2026, 1, 5), [("Lager", 60_000)])
    pay(customer, date(2026, 1, 20), 60_000, "INV-1")
    report = bonus_report(customers=Customer.objects.all(), month=JAN, today=TODAY)
    assert [(person.salesperson.username, person.plan, person.lines) for person in report.salespeople] == [("ana", None, [])]


def test_the_bonus_reads_a_fixed_number_of_queries(history, django_assert_num_queries):
    with django_assert_num_queries(10):
        report = bonus_report(customers=Customer.objects.all(), month=MAR, today=TODAY)
        assert [line.customer.owner.username for person in report.salespeople for line in person.lines] == ["ana", "bruno"]
