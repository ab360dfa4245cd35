"""The visit plan: visits planned for a year, quarter, month or day, fulfilled by logged visits, plan vs done per period."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import User
from clientela.fieldsales.models import PlannedVisit
from clientela.fieldsales.selectors.visits import progress_by_period, visit_statuses
from clientela.fieldsales.services import planned_visit_add, visits_from_followup
from tests.fixtures.followup import local


def plan(salesperson, customer, period: str, day: date, **given) -> PlannedVisit:
    return planned_visit_add(
        salesperson=salesperson, customer=customer, period=period, day=day,
        objective=given.pop("objective", "order"), purpose=given.pop("purpose", "summer order"), **given,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("period", "span"),
    [
        ("year", (date(2026, 1, 1), date(2026, 12, 31))),
        ("quarter", (date(2026, 4, 1), date(2026, 6, 30))),
        ("month", (date(2026, 5, 1), date(2026, 5, 31))),
        ("day", (date(2026, 5, 14), date(2026, 5, 14))),
    ],
)
def test_a_visit_is_planned_for_the_period_containing_the_day(salesperson, customer, period, span):
    visit = plan(salesperson, customer, period, date(2026, 5, 14))
    assert (visit.starts_on, visit.ends_on) == span


def test_only_the_salespersons_own_customers_can_be_planned(salesperson, other_salesperson, place):
    theirs = place(other_salesperson, "Their Bar")
    with pytest.raises(ValidationError, match="Their Bar is not a customer of ana"):
        plan(salesperson, theirs, "month", date(2026, 5, 1))


def test_logged_visits_fulfil_the_narrowest_planned_visits_first(salesperson, customer, contact_made):
    year = plan(salesperson, customer, "year", date(2026, 1, 1))
    may = plan(salesperson, customer, "month", date(2026, 5, 1))
    dated = plan(salesperson, customer, "day", date(2026, 5, 20))
    june = plan(salesperson, customer, "month", date(2026, 6, 1))
    contact_made(customer, local(date(2026, 5, 20), 10))  # the dated visit takes it
    contact_made(customer, local(date(2026, 5, 3), 10))  # then May's visit
    contact_made(customer, local(date(2026, 5, 22), 10), channel="call")  # a call fulfils nothing

    statuses = {s.visit: s for s in visit_statuses(salespeople=[salesperson], start=date(2026, 1, 1), end=date(2026, 12, 31))}

    assert statuses[dated].done_on == date(2026, 5, 20)
    assert statuses[may].done_on == date(2026, 5, 3)
    assert not statuses[year].done and not statuses[june].done
    contact_made(customer, local(date(2026, 8, 1), 10))
    statuses = {s.visit: s for s in visit_statuses(salespeople=[salesperson], start=date(2026, 1, 1), end=date(2026, 12, 31))}
    assert statuses[year].done_on == date(2026, 8, 1)


def test_a_visit_by_someone_else_does_not_count(salesperson, other_salesperson, customer, contact_made):
    visit = plan(salesperson, customer, "month", date(2026, 5, 1))
    contact_made(customer, local(date(2026, 5, 3), 10), salesperson=other_salesperson)
    [status] = visit_statuses(salespeople=[salesperson], start=date(2026, 5, 1), end=date(2026, 5, 31))
    assert status.visit == visit and not status.done


def test_plan_vs_done_per_month_quarter_and_year(salesperson, customer, place, contact_made):
    other = place(salesperson, "Bar Dos")
    plan(salesperson, customer, "day", date(2026, 2, 10))
    plan(salesperson, other, "month", date(2026, 2, 1))
    plan(salesperson, customer, "quarter", date(2026, 2, 1))
    plan(salesperson, other, "year", date(2026, 2, 1))
    contact_made(customer, local(date(2026, 2, 10), 9))
    contact_made(other, local(date(2026, 3, 5), 9))  # Bar Dos in March: not its February visit, but its visit of the year

    rows = {(row.period, row.start.month): row for row in progress_by_period(visit_statuses(salespeople=[salesperson], start=date(2026, 1, 1), end=date(2026, 12, 31)), 2026)}

    assert (rows[("month", 2)].planned, rows[("month", 2)].done) == (2, 1)
    assert (rows[("month", 3)].planned, rows[("month", 3)].done) == (0, 0)
    assert (rows[("quarter", 1)].planned, rows[("quarter", 1)].done) == (3, 1)
    assert (rows[("year", 1)].planned, rows[("year", 1)].done) == (4, 2)
    assert rows[("quarter", 1)].rate == pytest.approx(1 / 3)
    assert rows[("month", 3)].rate is None


def test_the_follow_up_plans_visits_join_the_visit_plan_once(salesperson, customer, place, planned_contact):
    other = place(salesperson, "Bar Dos")
    planned_contact(customer, local(date(2026, 5, 12), 9), minutes=45)
    planned_contact(other, local(date(2026, 5, 12), 11), channel="call")
    planned_contact(other, local(date(2026, 6, 2), 11))

    added = visits_from_followup(salesperson=salesperson, start=date(2026, 5, 1), end=date(2026, 5, 31))
    again = visits_from_followup(salesperson=salesperson, start=date(2026, 5, 1), end=date(2026, 5, 31))

    assert [(v.customer, v.period, v.starts_on, v.minutes, v.objective) for v in added] == [(customer, "day", date(2026, 5, 12), 45, "follow_up")]
    assert added[0].purpose == "A customer, due weekly"
    assert again == []
    assert PlannedVisit.objects.count() == 1
    assert User.objects.filter(planned_visits__isnull=False).distinct().get() == salesperson
