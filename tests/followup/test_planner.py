"""Re-planning from the database: classes from snapshots, preferences, capacity and absences in; plan rows out.

Ana works Monday to Friday, 08:00–16:00, takes personal-time calls 19:00–21:00 and is away on
Thursday 15 and Friday 16 January 2026. Her plan covers two weeks from Monday 12 January 2026:

- Acme (abc A, weekly visit of 45 min) was last seen on Saturday 3 January, so it was due on the
  10th; it receives visits on Tuesdays 10:00–12:00 only.
- Bravo (abc B, twice a month) was never contacted and wants short calls in personal time:
  a 15-minute call (half of 30) in the evening window.
- Cosmos (abc C, monthly call) was never contacted but must not be contacted 12–16 January.
- Delta (matrix EII, weekly visit of 60 min) was last seen on Friday 9 January: due Friday 16,
  when Ana is away, so it goes on the latest free day before, Wednesday 14.
- Echo has a class without a policy, Foxtrot is lost: neither is planned.
Bruno (default hours 09:00–17:00) has Golf (abc A, never contacted).
"""

from datetime import date, time

import pytest

from clientela.crm.models import ContactPreference, Customer, DoNotContactPeriod
from clientela.crm.services.customers import customer_create
from clientela.followup.models import Absence, PlannedContact, UnplannedContact, WorkingTime
from clientela.followup.planner import plan_refresh
from clientela.followup.services import contact_log, policy_save
from tests.fixtures.followup import local

MONDAY = date(2026, 1, 12)


def rows(salesperson, status=PlannedContact.Status.PLANNED) -> list[tuple]:
    """The salesperson's plan rows as (start, customer, channel, minutes, due, days overdue, reason)."""
    return [
        (item.start, item.customer.name, item.channel, item.minutes, item.due, item.overdue_days, item.reason)
        for item in PlannedContact.objects.filter(salesperson=salesperson, status=status).select_related("customer")
    ]


@pytest.fixture
def portfolios(salesperson, other_salesperson, classify, contact_made) -> dict[str, Customer]:
    WorkingTime.objects.create(
        user=salesperson, working_days=[0, 1, 2, 3, 4], day_start=time(8), day_end=time(16), personal_from=time(19), personal_to=time(21)
    )
    Absence.objects.create(user=salesperson, first_day=date(2026, 1, 15), last_day=date(2026, 1, 16), reason="trade fair")
    names = ["Acme", "Bravo", "Cosmos", "Delta", "Echo", "Foxtrot"]
    bars = {name: customer_create(external_id=name[:3].upper(), name=name, owner=salesperson) for name in names}
    bars["Foxtrot"].status = Customer.Status.LOST
    bars["Foxtrot"].save()
    bars["Golf"] = customer_create(external_id="GOL", name="Golf", owner=other_salesperson)
    classify("abc", {bars["Acme"]: "A", bars["Bravo"]: "B", bars["Cosmos"]: "C", bars["Foxtrot"]: "A", bars["Golf"]: "A"})
    classify("matrix", {bars["Delta"]: "EII"})
    classify("profit", {bars["Echo"]: "Top 20%"})
    ContactPreference.objects.create(customer=bars["Acme"], preferred_days=[1], preferred_from=time(10), preferred_to=time(12))
    ContactPreference.objects.create(
        customer=bars["Bravo"], meeting_time=ContactPreference.MeetingTime.PERSONAL, meeting_style=ContactPreference.MeetingStyle.SHORT
    )
    DoNotContactPeriod.objects.create(customer=bars["Cosmos"], start=date(2026, 1, 12), end=date(2026, 1, 16), reason="stock-taking")
    contact_made(bars["Acme"], local(date(2026, 1, 3), 10))
    contact_made(bars["Delta"], local(date(2026, 1, 9), 10))
    return bars


def test_the_plan_follows_classes_preferences_capacity_and_absences(portfolios, salesperson):
    plan = plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)

    expected = [
        (local(date(2026, 1, 12), 19), "Bravo", "call", 15, date(2026, 1, 12), 0, "B customer, never contacted, due twice a month"),
        (local(date(2026, 1, 13), 10), "Acme", "visit", 45, date(2026, 1, 10), 2, "A customer, last contact 9 days ago, due weekly, 2 days overdue"),
        (local(date(2026, 1, 14), 8), "Delta", "visit", 60, date(2026, 1, 16), 0, "EII customer, last contact 3 days ago, due weekly"),
        (
            local(date(2026, 1, 19), 8),
            "Cosmos",
            "call",
            15,
            date(2026, 1, 12),
            0,
            "C customer, never contacted, due monthly; 7 days late: do-not-contact until Fri 2026-01-16",
        ),
        (local(date(2026, 1, 20), 10), "Acme", "visit", 45, date(2026, 1, 20), 0, "A customer, next after the contact planned for Tue 2026-01-13, due weekly"),
        (local(date(2026, 1, 21), 8), "Delta", "visit", 60, date(2026, 1, 21), 0, "EII customer, next after the contact planned for Wed 2026-01-14, due weekly"),
    ]
    assert rows(salesperson) == expected
    assert [(item.start, item.customer_id) for item in plan.items] == [(start, portfolios[name].pk) for start, name, *_ in expected]
    assert plan.unplanned == ()
    assert not UnplannedContact.objects.exists()
    assert set(PlannedContact.objects.filter(customer__name="Acme").values_list("class_label", flat=True)) == {"A"}


def test_each_salesperson_plans_only_their_own_customers(portfolios, salesperson, other_salesperson):
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)
    ana_rows = rows(salesperson)

    plan_refresh(salesperson=other_salesperson, start=MONDAY, weeks=2)

    # Golf: due on the first day, then 7 days after it (Monday 19, Bruno's default hours).
    assert [(start, name, channel) for start, name, channel, *_ in rows(other_salesperson)] == [
        (local(date(2026, 1, 12), 9), "Golf", "visit"),
        (local(date(2026, 1, 19), 9), "Golf", "visit"),
    ]
    assert rows(salesperson) == ana_rows
    assert set(PlannedContact.objects.filter(salesperson=salesperson).values_list("customer__name", flat=True)) == {"Acme", "Bravo", "Cosmos", "Delta"}


def test_replanning_replaces_the_open_items_and_keeps_the_done_ones(portfolios, salesperson):
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)
    first_ids = set(PlannedContact.objects.values_list("pk", flat=True))
    acme_visit = PlannedContact.objects.filter(customer__name="Acme").first()
    contact_log(
        user=salesperson,
        customer=portfolios["Acme"],
        planned=acme_visit,
        at=local(date(2026, 1, 13), 10, 5),
        channel="visit",
        minutes=40,
        purpose="range",
        outcome="order",
    )

    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)

    done = PlannedContact.objects.get(status=PlannedContact.Status.DONE)
    assert (done.pk, done.customer.name, done.start) == (acme_visit.pk, "Acme", local(date(2026, 1, 13), 10))
    assert not first_ids & set(PlannedContact.objects.filter(status=PlannedContact.Status.PLANNED).values_list("pk", flat=True))
    # Acme was visited on Tuesday 13: the next visit is due 7 days later, Tuesday 20.
    assert [(start, name, reason) for start, name, _, _, _, _, reason in rows(salesperson)] == [
        (local(date(2026, 1, 12), 19), "Bravo", "B customer, never contacted, due twice a month"),
        (local(date(2026, 1, 14), 8), "Delta", "EII customer, last contact 3 days ago, due weekly"),
        (
            local(date(2026, 1, 19), 8),
            "Cosmos",
            "C customer, never contacted, due monthly; 7 days late: do-not-contact until Fri 2026-01-16",
        ),
        (local(date(2026, 1, 20), 10), "Acme", "A customer, last contact on Tue 2026-01-13, due weekly"),
        (local(date(2026, 1, 21), 8), "Delta", "EII customer, next after the contact planned for Wed 2026-01-14, due weekly"),
    ]
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)
    assert PlannedContact.objects.filter(salesperson=salesperson).count() == 6


def test_logging_a_contact_then_replanning_moves_the_customers_next_item(portfolios, salesperson):
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)
    wednesday_visit = PlannedContact.objects.get(customer__name="Delta", start=local(date(2026, 1, 14), 8))

    # Ana meets Delta on Monday afternoon, without saying which planned contact it fulfils.
    log = contact_log(
        user=salesperson, customer=portfolios["Delta"], at=local(MONDAY, 15), channel="visit", minutes=60, purpose="visit", outcome="order"
    )
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)

    assert log.planned_id == wednesday_visit.pk
    assert PlannedContact.objects.get(pk=wednesday_visit.pk).status == PlannedContact.Status.DONE
    # Now due Monday 19 (7 days after Monday's visit): on that day at 08:00, before Cosmos's call, as
    # EII (priority 1) is planned before Cosmos's class.
    # The Wednesday 21 visit is gone: the next one would be due on day 14, past the plan.
    assert [(start, name, reason) for start, name, _, _, _, _, reason in rows(salesperson) if name == "Delta"] == [
        (local(date(2026, 1, 19), 8), "Delta", "EII customer, last contact today, due weekly"),
    ]
    assert [(start, name) for start, name, *_ in rows(salesperson) if name != "Delta"] == [
        (local(date(2026, 1, 12), 19), "Bravo"),
        (local(date(2026, 1, 13), 10), "Acme"),
        (local(date(2026, 1, 19), 9), "Cosmos"),
        (local(date(2026, 1, 20), 10), "Acme"),
    ]


def test_contacts_that_do_not_fit_are_stored_with_the_reason(other_salesperson, classify):
    """Bruno works one hour a week (Monday 09:00–10:00): one 45-minute visit fits, two do not."""
    WorkingTime.objects.create(
        user=other_salesperson, working_days=[0], day_start=time(9), day_end=time(10), personal_from=time(18), personal_to=time(20)
    )
    bars = [customer_create(external_id=f"B{n}", name=f"Bar {n}", owner=other_salesperson) for n in (1, 2, 3)]
    classify("abc", dict.fromkeys(bars, "A"))

    plan = plan_refresh(salesperson=other_salesperson, start=MONDAY, weeks=1)
    plan_refresh(salesperson=other_salesperson, start=MONDAY, weeks=1)  # again: the gaps are replaced, not added

    assert [(start, name) for start, name, *_ in rows(other_salesperson)] == [(local(MONDAY, 9), "Bar 1")]
    full = "no free slot in the customer's windows (Mon 09:00–10:00) from Mon 2026-01-12 to Sun 2026-01-18: the salesperson's days are full"
    assert [(gap.customer.name, gap.due, gap.reason) for gap in UnplannedContact.objects.select_related("customer")] == [
        ("Bar 2", MONDAY, full),
        ("Bar 3", MONDAY, full),
    ]
    assert [(gap.customer_id, gap.class_label) for gap in plan.unplanned] == [(bars[1].pk, "A"), (bars[2].pk, "A")]


def test_a_class_label_shared_by_two_schemes_keeps_each_policy(salesperson, classify):
    policy_save(scheme="abc-count", class_label="A", contacts=1, period="month", channel="email", minutes=10, priority=5)
    by_share, by_count = (customer_create(external_id=f"X{n}", name=name, owner=salesperson) for n, name in enumerate(["By share", "By count"]))
    classify("abc", {by_share: "A"})
    classify("abc-count", {by_count: "A"})

    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=1)

    items = PlannedContact.objects.select_related("customer")
    assert [(item.customer.name, item.class_label, item.channel, item.minutes) for item in items] == [
        ("By share", "A (abc)", "visit", 45),
        ("By count", "A (abc-count)", "email", 10),
    ]
    assert items[1].reason == "A (abc-count) customer, never contacted, due monthly"
