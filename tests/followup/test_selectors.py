"""Reads of the follow-up, checked against numbers worked out by hand.

Default policies (SPEC S5): abc A once a week (every 7 days), B twice a month (every 15), C once a
month (every 30); matrix EII once a week, EIV once a month with priority 4 (C has 3).
"""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from clientela.crm.models import Customer, Transaction
from clientela.crm.services.customers import customer_create
from clientela.followup.models import PlannedContact, Policy, UnplannedContact
from clientela.followup.selectors import (
    SalespersonCompliance,
    agenda_for,
    compliance,
    compliance_by_salesperson,
    compliance_salespeople,
    compliance_teams,
    followed_customers,
    followup_effect,
    overdue_customers,
    prospects_converted,
)
from clientela.segmentation.models import Scheme
from tests.fixtures.followup import local

MADRID = ZoneInfo("Europe/Madrid")


@pytest.fixture
def make_customer(salesperson):
    """make_customer("Bar Uno", owner=…, **fields): a customer of `salesperson` unless another owner is given."""
    numbers = iter(range(1, 100))

    def make(name: str, **fields) -> Customer:
        fields.setdefault("owner", salesperson)
        return customer_create(external_id=f"S{next(numbers):02d}", name=name, **fields)

    return make


def sell(customer: Customer, document: str, day: date, amount_cents: int, line: int = 1) -> None:
    Transaction.objects.create(document_id=document, line=line, customer=customer, date=day, amount_cents=amount_cents)


def followed_rows(customers) -> list[tuple[str, str, str]]:
    return [(row.customer.name, row.scheme, row.class_label) for row in followed_customers(customers)]


# followed_customers


def test_the_most_demanding_policy_across_schemes_is_followed(make_customer, classify):
    drifting, small = make_customer("Drifting"), make_customer("Small")
    classify("matrix", {drifting: "EII", small: "EIV"})  # saved first: its classes are read first
    classify("abc", {drifting: "B", small: "C"})

    followed = followed_customers(Customer.objects.all())

    # Drifting: EII (every 7 days) beats B (every 15). Small: C and EIV are both every 30 days; C's priority 3 beats 4.
    assert [(row.customer.name, row.scheme, row.class_label) for row in followed] == [("Drifting", "matrix", "EII"), ("Small", "abc", "C")]
    assert (followed[0].policy.contacts, followed[0].policy.period, followed[0].policy.channel) == (1, "week", "visit")


def test_classes_without_a_policy_older_snapshots_and_inactive_schemes_are_ignored(make_customer, classify):
    no_policy, moved, dropped, inactive = (make_customer(name) for name in ("No policy", "Moved", "Dropped", "Inactive"))
    classify("abc-count", {no_policy: "A"})  # the policies are for "abc", not "abc-count"
    classify("profit", {no_policy: "Top 20%"})
    classify("abc", {moved: "A", dropped: "A", inactive: "A"}, as_of=date(2025, 12, 31))
    classify("abc", {moved: "C", inactive: "C"}, as_of=date(2026, 1, 31))  # the latest: Dropped has no class any more
    classify("vip", {inactive: "vip"}, as_of=date(2026, 2, 28))
    Scheme.objects.filter(name="vip").update(active=False)

    assert followed_rows(Customer.objects.all()) == [("Moved", "abc", "C"), ("Inactive", "abc", "C")]


def test_the_higher_version_of_the_same_day_is_the_latest_snapshot(make_customer, classify):
    redefined = make_customer("Redefined")
    classify("abc", {redefined: "C"}, as_of=date(2026, 1, 31), version=2)
    classify("abc", {redefined: "A"}, as_of=date(2026, 1, 31), version=1)
    assert followed_rows(Customer.objects.all()) == [("Redefined", "abc", "C")]


def test_an_inactive_policy_is_not_followed(make_customer, classify, default_policies):
    paused, kept = make_customer("Paused"), make_customer("Kept")
    classify("abc", {paused: "B", kept: "A"})
    classify("matrix", {paused: "EIV"})
    Policy.objects.filter(scheme="abc", class_label="B").update(active=False)
    assert followed_rows(Customer.objects.all()) == [("Paused", "matrix", "EIV"), ("Kept", "abc", "A")]


def test_only_the_given_customers_are_followed(make_customer, classify, other_salesperson):
    mine, theirs = make_customer("Mine"), make_customer("Theirs", owner=other_salesperson)
    classify("abc", {mine: "A", theirs: "A"})
    assert followed_rows(Customer.objects.filter(owner=other_salesperson)) == [("Theirs", "abc", "A")]


# compliance: 2026-01-05 … 2026-02-01 is 28 days


def test_compliance_per_class_by_hand(make_customer, classify, contact_made):
    a1, a2, b1, b2, e1, unclassified = (make_customer(name) for name in ("A1", "A2", "B1", "B2", "E1", "Unclassified"))
    classify("abc", {a1: "A", a2: "A", b1: "B", b2: "B"})
    classify("matrix", {e1: "EII"})
    # A1: 6 contacts in the period, the first and last on its edges; A2: 1 inside, 1 just before, 1 just after.
    contact_made(a1, local(date(2026, 1, 5), 0, 0))
    for day in (date(2026, 1, 9), date(2026, 1, 14), date(2026, 1, 20), date(2026, 1, 26)):
        contact_made(a1, local(day, 10))
    contact_made(a1, local(date(2026, 2, 1), 23, 59))
    contact_made(a2, local(date(2026, 1, 4), 23, 59))
    contact_made(a2, local(date(2026, 1, 15), 10))
    contact_made(a2, local(date(2026, 2, 2), 0, 0))
    contact_made(b1, local(date(2026, 1, 10), 10))
    contact_made(b1, local(date(2026, 1, 25), 10))
    for day in (date(2026, 1, 6), date(2026, 1, 13), date(2026, 1, 27)):
        contact_made(e1, local(day, 11))
    for n in range(5):
        contact_made(unclassified, local(date(2026, 1, 6 + n), 11))

    rows = compliance(customers=Customer.objects.all(), start=date(2026, 1, 5), end=date(2026, 2, 1))

    # A: 1/week over 28 days = 4 required each (8); A1's 6 contacts count as 4, A2's 1 as 1 → 5 done, 7 made.
    # B: 2/month over 28 days = 28 × 2 / 30 = 1.8667 each (3.73); B1's 2 count as 1.8667, B2 has none.
    # EII: 4 required, 3 done.
    assert [(row.scheme, row.class_label, row.customers, row.contacts) for row in rows] == [
        ("abc", "A", 2, 7),
        ("abc", "B", 2, 2),
        ("matrix", "EII", 1, 3),
    ]
    assert [(row.required, row.done) for row in rows] == [(8.0, 5.0), pytest.approx((56 / 15, 28 / 15)), (4.0, 3.0)]
    assert rows[0].rate == 0.625
    assert rows[1].rate == pytest.approx(0.5)
    assert rows[2].rate == 0.75


def test_compliance_of_customers_without_classes_is_empty(make_customer, contact_made):
    contact_made(make_customer("Unclassified"), local(date(2026, 1, 6), 11))
    assert compliance(customers=Customer.objects.all(), start=date(2026, 1, 5), end=date(2026, 2, 1)) == []


def test_compliance_by_salesperson_counts_each_owners_classes_and_overdue_customers_by_hand(make_customer, classify, contact_made, other_salesperson):
    a1, a2, b1, never = make_customer("A1"), make_customer("A2"), make_customer("B1"), make_customer("Never", customer_since=date(2026, 1, 1))
    theirs, fresh = make_customer("Theirs", owner=other_salesperson), make_customer("Fresh", owner=other_salesperson, customer_since=date(2026, 1, 28))
    classify("abc", {a1: "A", a2: "A", b1: "B", never: "C", theirs: "A", fresh: "A"})
    classify("matrix", {b1: "EII", never: "EIV"})  # B1 follows EII (every 7 days); Never keeps C (priority 3 beats EIV's 4)
    for day in (5, 12, 19, 26, 30):
        contact_made(a1, local(date(2026, 1, day), 10))  # 5 contacts: 4 count, the last 3 days ago
    contact_made(a2, local(date(2026, 1, 20), 10))  # 13 days ago: overdue by 6
    contact_made(b1, local(date(2026, 1, 27), 10))  # 7 days ago: just in time
    contact_made(theirs, local(date(2025, 12, 20), 10))  # before the period, 45 days ago: overdue

    rows = compliance_by_salesperson(customers=Customer.objects.all(), start=date(2026, 1, 5), end=date(2026, 2, 1), today=date(2026, 2, 2))

    # ana: A 2 customers × 4 required, 4 + 1 done, 6 made; EII 4 required, 1 done; C 28/30 required, none done.
    # Overdue: A2 and Never (33 days since it became a customer > 30). bruno: A 8 required, 0 done; Theirs is overdue,
    # Fresh became a customer 5 days ago.
    assert [(row.salesperson.username, [(c.scheme, c.class_label, c.customers, c.required, c.done, c.contacts) for c in row.classes], row.overdue) for row in rows] == [
        ("ana", [("abc", "A", 2, 8.0, 5.0, 6), ("abc", "C", 1, pytest.approx(28 / 30), 0.0, 0), ("matrix", "EII", 1, 4.0, 1.0, 1)], 2),
        ("bruno", [("abc", "A", 2, 8.0, 0.0, 0)], 1),
    ]
    assert [row.overdue for row in rows] == [
        len(overdue_customers(customers=Customer.objects.filter(owner__username=name), today=date(2026, 2, 2))) for name in ("ana", "bruno")
    ]


def test_compliance_by_salesperson_of_given_salespeople_counts_theirs_in_that_order(make_customer, classify, contact_made, salesperson, other_salesperson):
    mine, theirs = make_customer("Mine"), make_customer("Theirs", owner=other_salesperson, customer_since=date(2025, 12, 1))
    classify("abc", {mine: "A", theirs: "C"})
    contact_made(mine, local(date(2026, 1, 30), 10))
    period = {"start": date(2026, 1, 5), "end": date(2026, 2, 1), "today": date(2026, 2, 2)}
    ana, bruno = compliance_by_salesperson(customers=Customer.objects.all(), **period)

    assert compliance_by_salesperson(customers=Customer.objects.all(), salespeople=[other_salesperson, salesperson], **period) == [bruno, ana]
    assert compliance_by_salesperson(customers=Customer.objects.all(), salespeople=[other_salesperson], **period) == [bruno]
    assert bruno.overdue == 1 and ana.overdue == 0
    # Only the customers passed count, even for a salesperson given.
    assert compliance_by_salesperson(customers=Customer.objects.filter(pk=mine.pk), salespeople=[salesperson, other_salesperson], **period) == [
        ana,
        SalespersonCompliance(other_salesperson, [], 0),
    ]


def test_compliance_salespeople_are_the_owners_by_username_of_the_team_when_given(make_customer, team, other_salesperson, south_salesperson):
    make_customer("Carla's", owner=south_salesperson)
    make_customer("Bruno's", owner=other_salesperson)
    make_customer("Ana's")
    customers = Customer.objects.all()

    # The North supervisor owns no customer: not a row.
    assert [person.username for person in compliance_salespeople(customers=customers)] == ["ana", "bruno", "carla"]
    assert [person.username for person in compliance_salespeople(customers=customers, team=team)] == ["ana", "bruno"]
    assert [person.username for person in compliance_salespeople(customers=customers.exclude(owner=other_salesperson), team=team)] == ["ana"]


def test_compliance_teams_are_those_of_the_owners(make_customer, team, south_salesperson):
    make_customer("Ana's")
    assert [t.name for t in compliance_teams(customers=Customer.objects.all())] == ["North"]
    make_customer("Carla's", owner=south_salesperson)
    assert [t.name for t in compliance_teams(customers=Customer.objects.all())] == ["North", "South"]
    assert [t.name for t in compliance_teams(customers=Customer.objects.filter(owner=south_salesperson))] == ["South"]


# overdue_customers


def test_overdue_customers_by_days_most_overdue_first(make_customer, classify, contact_made):
    late_a, late_b, fine_c, just_in_time, never, new_record = (
        make_customer("Late A"),
        make_customer("Late B"),
        make_customer("Fine C"),
        make_customer("Just in time"),
        make_customer("Never", customer_since=date(2026, 1, 1)),
        make_customer("New record"),
    )
    Customer.objects.filter(pk=new_record.pk).update(created_at=local(date(2026, 1, 20), 9))
    classify("abc", {late_a: "A", late_b: "B", fine_c: "C", just_in_time: "A", never: "A", new_record: "A"})
    contact_made(late_a, local(date(2026, 1, 20), 15))
    contact_made(late_b, local(date(2025, 12, 1), 10))
    contact_made(late_b, local(date(2026, 1, 10), 10))
    contact_made(fine_c, local(date(2026, 1, 20), 10))
    contact_made(just_in_time, local(date(2026, 1, 26), 10))

    rows = overdue_customers(customers=Customer.objects.all(), today=date(2026, 2, 2))

    # Never: 32 days since it became a customer − 7 = 25; Late B: 23 − 15 = 8; Late A: 13 − 7 = 6;
    # New record: created 13 days ago − 7 = 6 (ties by id); Fine C: 13 < 30; Just in time: 7 − 7 = 0.
    assert [(row.customer.name, row.class_label, row.days_overdue, row.days_since_contact, row.last_contact) for row in rows] == [
        ("Never", "A", 25, None, None),
        ("Late B", "B", 8, 23, local(date(2026, 1, 10), 10)),
        ("Late A", "A", 6, 13, local(date(2026, 1, 20), 15)),
        ("New record", "A", 6, None, None),
    ]


# followup_effect


def test_followup_effect_before_and_after_contacts_by_hand(make_customer, contact_made, other_salesperson):
    pilar, quino, outsider = make_customer("Pilar"), make_customer("Quino"), make_customer("Outsider", owner=other_salesperson)
    contact_made(pilar, local(date(2026, 3, 10), 10))
    contact_made(pilar, local(date(2026, 4, 15), 10))  # after the period: not one of its contacts
    contact_made(quino, local(date(2026, 3, 20), 10))
    contact_made(outsider, local(date(2026, 3, 15), 10))  # not among the customers asked about
    sell(pilar, "F6", date(2025, 12, 1), 99_900)  # 99 days before: outside every horizon
    sell(pilar, "F2", date(2026, 1, 15), 20_000)  # 54 days before
    sell(pilar, "F1", date(2026, 2, 20), 6_000)  # 18 days before, one order of two lines
    sell(pilar, "F1", date(2026, 2, 20), 4_000, line=2)
    sell(pilar, "F3", date(2026, 3, 10), 5_000)  # the contact's day counts as after
    sell(pilar, "F4", date(2026, 4, 20), 30_000)  # 41 days after
    sell(pilar, "F5", date(2026, 6, 1), 40_000)  # 83 days after
    sell(quino, "G1", date(2026, 3, 25), 7_000)  # 5 days after
    sell(outsider, "H1", date(2026, 3, 16), 1_000_000)

    effects = followup_effect(
        customers=Customer.objects.filter(owner=pilar.owner), start=date(2026, 3, 1), end=date(2026, 3, 31)
    )

    assert [(e.days, e.contacts, e.orders_before, e.orders_after, e.revenue_before_cents, e.revenue_after_cents) for e in effects] == [
        (30, 2, 1, 2, 10_000, 5_000 + 7_000),
        (60, 2, 2, 3, 10_000 + 20_000, 5_000 + 30_000 + 7_000),
        (90, 2, 2, 4, 10_000 + 20_000, 5_000 + 30_000 + 40_000 + 7_000),
    ]


def test_followup_effect_without_contacts_is_zero(make_customer):
    sell(make_customer("Quiet"), "F1", date(2026, 3, 5), 5_000)
    effects = followup_effect(customers=Customer.objects.all(), start=date(2026, 3, 1), end=date(2026, 3, 31), horizons=(30,))
    assert [(e.days, e.contacts, e.orders_before, e.orders_after, e.revenue_before_cents, e.revenue_after_cents) for e in effects] == [
        (30, 0, 0, 0, 0, 0)
    ]


# prospects_converted


def test_prospects_converted_after_a_contact(make_customer, contact_made):
    prospect = Customer.Status.PROSPECT
    contacted_before, same_day, contacted_after, never_contacted, old_customer, next_month = (
        make_customer(name, status=prospect) for name in ("Before", "Same day", "After", "Never", "Old", "Next month")
    )
    contact_made(contacted_before, local(date(2026, 2, 15), 10))
    sell(contacted_before, "P1", date(2026, 3, 5), 1_000)
    contact_made(same_day, local(date(2026, 3, 5), 18))
    sell(same_day, "P2", date(2026, 3, 5), 1_000)
    contact_made(contacted_after, local(date(2026, 3, 12), 10))
    sell(contacted_after, "P3", date(2026, 3, 10), 1_000)
    sell(never_contacted, "P4", date(2026, 3, 10), 1_000)
    contact_made(old_customer, local(date(2026, 1, 2), 10))
    sell(old_customer, "P5", date(2026, 1, 10), 1_000)  # first purchase before the period
    sell(old_customer, "P6", date(2026, 3, 10), 1_000)
    contact_made(next_month, local(date(2026, 3, 1), 10))
    sell(next_month, "P7", date(2026, 4, 2), 1_000)

    assert prospects_converted(customers=Customer.objects.all(), start=date(2026, 3, 1), end=date(2026, 3, 31)) == 2
    assert prospects_converted(customers=Customer.objects.exclude(pk=same_day.pk), start=date(2026, 3, 1), end=date(2026, 3, 31)) == 1


# agenda_for: Wednesday 2026-01-14, in Madrid (UTC+1 in winter)


def test_the_agenda_puts_overdue_items_first_and_groups_the_week_by_local_day(make_customer, planned_contact, other_salesperson, salesperson):
    today = date(2026, 1, 14)
    with timezone.override(MADRID):
        bar = make_customer("Bar")
        theirs = make_customer("Theirs", owner=other_salesperson)
        overdue_1 = planned_contact(bar, local(date(2026, 1, 12), 10))
        overdue_2 = planned_contact(bar, local(date(2026, 1, 13), 23, 30))
        planned_contact(bar, local(date(2026, 1, 13), 9), status=PlannedContact.Status.DONE)
        today_late = planned_contact(bar, local(today, 11))
        today_mid = planned_contact(bar, local(today, 9))
        today_early = planned_contact(bar, local(today, 0, 30))  # 23:30 UTC the day before
        last_day = planned_contact(bar, local(date(2026, 1, 20), 16))
        planned_contact(bar, local(date(2026, 1, 21), 0, 30))  # the eighth day: outside the week
        planned_contact(theirs, local(today, 10))
        gap = UnplannedContact.objects.create(salesperson=salesperson, customer=bar, due=date(2026, 1, 12), reason="the salesperson's days are full")
        UnplannedContact.objects.create(salesperson=other_salesperson, customer=theirs, due=date(2026, 1, 12), reason="full")

        agenda = agenda_for(user=salesperson, today=today)

    assert agenda.overdue == [overdue_1, overdue_2]
    assert [day.day for day in agenda.days] == [today + timedelta(days=n) for n in range(7)]
    assert [day.items for day in agenda.days] == [[today_early, today_mid, today_late], [], [], [], [], [], [last_day]]
    assert agenda.unplanned == [gap]


def test_a_shorter_agenda(make_customer, planned_contact, salesperson):
    today = date(2026, 1, 14)
    tomorrow = planned_contact(make_customer("Bar"), local(date(2026, 1, 15), 9))
    planned_contact(tomorrow.customer, local(date(2026, 1, 16), 9))
    agenda = agenda_for(user=salesperson, today=today, days=2)
    assert [(day.day, day.items) for day in agenda.days] == [(today, []), (date(2026, 1, 15), [tomorrow])]
    assert agenda.overdue == [] and agenda.unplanned == []
