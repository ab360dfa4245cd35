"""The scheduler on hand-made cases: frequency, urgency, preferences, capacity, reasons."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest

from clientela.planning import DEFAULT_POLICIES, Capacity, CustomerToPlan, Plan, plan_followups
from tests.planning.conftest import ATHENS, MONDAY

TUESDAY = 1


def days_before(days: int, hour: int = 10) -> datetime:
    return datetime.combine(MONDAY - timedelta(days), time(hour), ATHENS)


def plan(customers: list[CustomerToPlan], capacity: Capacity, weeks: int = 8) -> Plan:
    return plan_followups(customers, DEFAULT_POLICIES, capacity, start=MONDAY, weeks=weeks)


def one_slot_a_day(capacity: Capacity, days: frozenset[int] = frozenset(range(5))) -> Capacity:
    """Room for exactly one 45-minute visit on each working day."""
    return replace(capacity, working_days=days, day_start=time(9), day_end=time(9, 45))


def test_a_weekly_customer_gets_one_visit_each_week_on_the_preferred_day(capacity):
    acme = CustomerToPlan(1, "Acme", "A", last_contact=days_before(6), preferred_days=frozenset({TUESDAY}))

    result = plan([acme], capacity)

    assert [item.start for item in result.items] == [
        datetime.combine(MONDAY + timedelta(1 + 7 * week), time(9), ATHENS) for week in range(8)
    ]
    assert {(item.channel, item.minutes, item.late_days, item.overdue_days) for item in result.items} == {("visit", 45, 0, 0)}
    assert result.items[0].reason == "A customer, last contact 6 days ago, due weekly"
    assert result.items[1].reason == "A customer, next after the contact planned for Tue 2026-01-13, due weekly"
    assert result.unplanned == ()


def test_a_contact_goes_on_its_due_day_so_contacts_are_a_full_interval_apart(capacity):
    customer = CustomerToPlan(1, "Monthly Ltd", "C", last_contact=days_before(20))

    result = plan([customer], capacity)

    assert [item.start.date() for item in result.items] == [date(2026, 1, 22), date(2026, 2, 20)]
    assert [item.due for item in result.items] == [date(2026, 1, 22), date(2026, 2, 21)]


def test_the_overdue_customer_comes_before_a_more_important_class_due_today(capacity):
    overdue = CustomerToPlan(2, "Late Ltd", "A", last_contact=days_before(10))
    due_today = CustomerToPlan(1, "Never Ltd", "EII", formal=False)

    result = plan([due_today, overdue], one_slot_a_day(capacity), weeks=1)

    first, second = result.items[:2]
    assert (first.customer_id, first.start.date(), first.overdue_days) == (2, MONDAY, 3)
    assert first.reason == "A customer, last contact 10 days ago, due weekly, 3 days overdue"
    assert (second.customer_id, second.start.date(), second.late_days) == (1, MONDAY + timedelta(1), 1)
    assert second.reason == (
        "EII customer, never contacted, due weekly; 1 day late: no free slot in the customer's windows "
        "(Mon–Fri 09:00–09:45) from Mon 2026-01-12 to Mon 2026-01-12: the salesperson's days are full"
    )


def test_eii_goes_before_ei_on_the_same_due_date(capacity):
    loyal = CustomerToPlan(1, "Loyal Ltd", "EI", formal=False)
    drifting = CustomerToPlan(2, "Drifting Ltd", "EII", formal=False)

    result = plan([loyal, drifting], capacity, weeks=1)

    assert [(item.customer_id, item.start.time()) for item in result.items if item.start.date() == MONDAY] == [
        (2, time(9)),
        (1, time(9, 30)),
    ]


def test_when_capacity_is_short_the_important_classes_keep_their_frequency(capacity):
    # 45 minutes a day, Monday to Friday, for two weeks. Four weekly A customers (45-minute visits)
    # due Tuesday to Friday and nine monthly C customers (15-minute calls) already overdue, so due
    # before any A: the A customers take their 8 days first, on time; the two Mondays left hold
    # three calls each, and the other three C customers find no place.
    a_customers = [CustomerToPlan(n, f"A{n}", "A", last_contact=days_before(7 - n)) for n in range(1, 5)]
    c_customers = [CustomerToPlan(n, f"C{n}", "C", last_contact=days_before(40)) for n in range(11, 20)]

    result = plan(c_customers + a_customers, one_slot_a_day(capacity), weeks=2)

    a_items = [item for item in result.items if item.class_label == "A"]
    assert len(a_items) == 8 and all(item.late_days == 0 for item in a_items)  # 4 customers × 2 weeks, on time
    c_planned = {item.customer_id for item in result.items if item.class_label == "C"}
    assert len(c_planned) == 6
    assert {gap.customer_id for gap in result.unplanned} == set(range(11, 20)) - c_planned


def test_formal_customers_get_the_policy_length_and_the_others_half(capacity):
    customers = [
        CustomerToPlan(1, "Formal A", "A"),
        CustomerToPlan(2, "Short A", "A", formal=False),
        CustomerToPlan(3, "Formal C", "C"),
        CustomerToPlan(4, "Short C", "C", formal=False),
    ]

    result = plan(customers, capacity, weeks=1)

    assert {item.customer_id: item.minutes for item in result.items} == {1: 45, 2: 25, 3: 15, 4: 10}


def test_personal_time_customers_are_called_in_the_evening_window(capacity):
    evening = CustomerToPlan(1, "Evening Ltd", "A", personal_time=True)

    item = plan([evening], capacity, weeks=1).items[0]

    assert (item.channel, item.start.time(), item.minutes) == ("call", time(18), 45)


def test_no_contact_falls_in_a_do_not_contact_period(capacity):
    quiet_week = (date(2026, 1, 19), date(2026, 1, 25))
    customer = CustomerToPlan(1, "Quiet Ltd", "A", do_not_contact=(quiet_week,))

    result = plan([customer], capacity, weeks=3)

    assert [item.start.date() for item in result.items] == [MONDAY, date(2026, 1, 16), date(2026, 1, 26)]
    assert result.items[2].reason == (
        "A customer, next after the contact planned for Fri 2026-01-16, due weekly; 3 days late: do-not-contact until Sun 2026-01-25"
    )


def test_a_holiday_on_the_only_preferred_day_makes_that_week_late(capacity):
    holiday = date(2026, 1, 20)
    customer = CustomerToPlan(1, "Tuesday Ltd", "A", last_contact=days_before(6), preferred_days=frozenset({TUESDAY}))

    result = plan([customer], replace(capacity, holidays=frozenset({holiday})), weeks=3)

    assert [item.start.date() for item in result.items] == [date(2026, 1, 13), date(2026, 1, 27)]
    assert result.items[1].reason.endswith(
        "7 days late: the salesperson is on holiday on every Tue from Wed 2026-01-14 to Tue 2026-01-20"
    )


def test_a_holiday_moves_the_contact_to_an_earlier_day_when_the_customer_allows(capacity):
    customer = CustomerToPlan(1, "Any Day Ltd", "A", last_contact=days_before(6))

    result = plan([customer], replace(capacity, holidays=frozenset({date(2026, 1, 13)})), weeks=1)

    assert [item.start.date() for item in result.items] == [MONDAY]


def test_when_capacity_is_short_the_plan_says_who_was_left_out_and_why(capacity):
    mondays_only = one_slot_a_day(capacity, days=frozenset({0}))
    customers = [CustomerToPlan(customer_id, f"Customer {customer_id}", "A") for customer_id in (1, 2, 3)]

    result = plan(customers, mondays_only, weeks=2)

    assert [(item.customer_id, item.start.date(), item.late_days) for item in result.items] == [
        (1, MONDAY, 0),
        (2, date(2026, 1, 19), 7),
    ]
    full = "the salesperson's days are full"
    assert [(left_out.customer_id, left_out.due, left_out.reason) for left_out in result.unplanned] == [
        (3, MONDAY, f"no free slot in the customer's windows (Mon 09:00–09:45) from Mon 2026-01-12 to Sun 2026-01-25: {full}"),
        (1, date(2026, 1, 19), f"no free slot in the customer's windows (Mon 09:00–09:45) from Tue 2026-01-13 to Sun 2026-01-25: {full}"),
    ]


@pytest.mark.parametrize(
    ("customer", "reason"),
    [
        (
            CustomerToPlan(1, "Weekend Ltd", "A", preferred_days=frozenset({5, 6})),
            "no working day matches the customer's preferred days (Sat–Sun)",
        ),
        (
            CustomerToPlan(1, "Away Ltd", "A", do_not_contact=((date(2026, 1, 1), date(2026, 6, 30)),)),
            "do-not-contact until Tue 2026-06-30",
        ),
        (
            CustomerToPlan(1, "Dawn Ltd", "A", preferred_hours=((time(6), time(8)),)),
            "the customer's hours (06:00–08:00) lie outside the salesperson's hours (09:00–17:00)",
        ),
        (
            CustomerToPlan(1, "Brief Ltd", "A", preferred_hours=((time(16, 30), time(18)),)),
            "the customer's windows (16:30–17:00) are too short for a 45-minute visit",
        ),
        (
            CustomerToPlan(1, "Night Ltd", "A", personal_time=True, preferred_hours=((time(21), time(22)),)),
            "the customer's hours (21:00–22:00) lie outside the personal-time window (18:00–20:00)",
        ),
    ],
)
def test_a_customer_that_can_never_be_reached_is_unplanned_with_the_reason(capacity, customer, reason):
    result = plan([customer], capacity, weeks=2)

    assert result.items == ()
    assert [(left_out.customer_id, left_out.reason) for left_out in result.unplanned] == [(1, reason)]


def test_a_do_not_contact_period_until_the_horizon_ends_leaves_the_next_contact_unplanned(capacity):
    customer = CustomerToPlan(1, "Leaving Ltd", "A", do_not_contact=((date(2026, 1, 19), date(2026, 3, 31)),))

    result = plan([customer], capacity, weeks=3)

    assert [item.start.date() for item in result.items] == [MONDAY, date(2026, 1, 16)]
    assert [(left_out.due, left_out.reason) for left_out in result.unplanned] == [
        (date(2026, 1, 23), "do-not-contact until Tue 2026-03-31")
    ]


def test_last_contact_counts_in_the_salespersons_time_zone(capacity):
    contacted = datetime(2026, 1, 4, 23, 30, tzinfo=timezone.utc)  # already 5 January in Athens
    customer = CustomerToPlan(1, "Acme", "A", last_contact=contacted)

    item = plan([customer], capacity, weeks=1).items[0]

    assert (item.due, item.start.date(), item.start.tzinfo) == (date(2026, 1, 12), MONDAY, ATHENS)
    assert item.reason == "A customer, last contact 7 days ago, due weekly"


def test_the_plan_is_sorted_and_does_not_depend_on_the_order_of_the_customers(capacity):
    customers = [
        CustomerToPlan(customer_id, f"Customer {customer_id}", label, last_contact=days_before(customer_id % 9))
        for customer_id, label in enumerate(["A", "B", "C", "EII", "EI", "vip", "PI", "PIV"] * 5)
    ]

    forwards = plan(customers, capacity)
    backwards = plan(customers[::-1], capacity)

    assert forwards == backwards
    assert [item.start for item in forwards.items] == sorted(item.start for item in forwards.items)


@pytest.mark.parametrize(
    ("customers", "weeks", "message"),
    [
        ([CustomerToPlan(1, "Acme", "A")], 0, "a plan covers at least 1 week (got 0)"),
        ([CustomerToPlan(1, "Acme", "A"), CustomerToPlan(1, "Acme again", "B")], 1, "customer 1 appears more than once"),
        ([CustomerToPlan(7, "Acme", "Z")], 1, "customer 7: no policy for class 'Z'"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(capacity, customers, weeks, message):
    with pytest.raises(ValueError, match=f"^{message}$".replace("(", r"\(").replace(")", r"\)")):
        plan_followups(customers, DEFAULT_POLICIES, capacity, start=MONDAY, weeks=weeks)
