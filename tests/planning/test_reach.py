"""How a customer is reached: channel, meeting length, spans of the day, allowed days."""

from datetime import date, time

import pytest

from clientela.planning import DEFAULT_POLICIES, CustomerToPlan
from clientela.planning.reach import contact_channel, customer_reach, customer_spans, is_reachable_on, meeting_minutes


@pytest.mark.parametrize(
    ("label", "formal", "minutes"), [("A", True, 45), ("A", False, 25), ("vip", False, 30), ("C", False, 10), ("EIV", False, 10)]
)
def test_meeting_length(label, formal, minutes):
    assert meeting_minutes(CustomerToPlan(1, "Acme", label, formal=formal), DEFAULT_POLICIES[label]) == minutes


@pytest.mark.parametrize(("label", "personal", "channel"), [("A", False, "visit"), ("A", True, "call"), ("EIV", True, "email")])
def test_channel(label, personal, channel):
    assert contact_channel(CustomerToPlan(1, "Acme", label, personal_time=personal), DEFAULT_POLICIES[label]) == channel


def test_preferred_hours_are_cut_to_the_working_hours_and_merged(capacity):
    customer = CustomerToPlan(
        1, "Acme", "A", preferred_hours=((time(15), time(18)), (time(8), time(10)), (time(9, 30), time(11)), (time(6), time(7)))
    )

    assert customer_spans(customer, capacity) == ((540, 660), (900, 1020))


def test_personal_time_customers_get_the_personal_window(capacity):
    assert customer_spans(CustomerToPlan(1, "Acme", "A", personal_time=True), capacity) == ((1080, 1200),)


def test_a_day_is_reachable_on_preferred_days_outside_do_not_contact_periods():
    customer = CustomerToPlan(1, "Acme", "A", preferred_days=frozenset({0, 1}), do_not_contact=((date(2026, 1, 12), date(2026, 1, 12)),))

    assert [is_reachable_on(customer, date(2026, 1, day)) for day in (12, 13, 14)] == [False, True, False]


def test_reach_keeps_only_the_open_days_and_the_spans_long_enough(capacity):
    customer = CustomerToPlan(1, "Acme", "A", preferred_days=frozenset({1}), preferred_hours=((time(9), time(9, 30)), (time(14), time(16))))
    open_days = [(0, date(2026, 1, 12)), (1, date(2026, 1, 13)), (8, date(2026, 1, 20))]

    reach = customer_reach(customer, DEFAULT_POLICIES["A"], capacity, open_days)

    assert (reach.channel, reach.minutes, reach.days, reach.windows) == ("visit", 45, (1, 8), ((840, 960),))
