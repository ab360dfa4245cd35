"""Properties of every plan (Hypothesis): the constraints always hold, every due contact is planned or
reported, the plan does not depend on input order, and with room enough every frequency is met."""

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientela.planning import Capacity, CustomerToPlan, Plan, PlanItem, Policy, plan_followups
from clientela.planning.reach import meeting_minutes, time_frame
from clientela.planning.timetable import GRID_MINUTES, minute_of_day
from tests.planning.strategies import capacities, customers, policy_sets, roomy_capacity, roomy_policy_sets, starts, working_days, zones

# The root conftest's autouse fixtures are function-scoped; none of them matters to these tests.
bounded = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

Case = tuple[list[CustomerToPlan], dict[str, Policy], Capacity, date, int]


@st.composite
def any_case(draw: st.DrawFn) -> Case:
    start = draw(starts)
    return draw(customers(start, max_size=15)), draw(policy_sets), draw(capacities), start, draw(st.integers(1, 6))


@st.composite
def roomy_case(draw: st.DrawFn) -> Case:
    """At most three customers, always reachable on some working day, in windows of 5 hours or more."""
    start = draw(starts)
    capacity = roomy_capacity(draw(working_days), draw(zones))
    reachable = [
        replace(customer, preferred_days=customer.preferred_days & capacity.working_days)
        for customer in draw(customers(start, roomy=True, max_size=3))
    ]
    return reachable, draw(roomy_policy_sets), capacity, start, draw(st.integers(1, 8))


def first_due(customer: CustomerToPlan, policy: Policy, capacity: Capacity, start: date) -> date:
    if customer.last_contact is None:
        return start
    return customer.last_contact.astimezone(capacity.timezone).date() + timedelta(policy.interval_days)


def items_by_customer(plan: Plan) -> dict[int, list[PlanItem]]:
    grouped: dict[int, list[PlanItem]] = defaultdict(list)
    for item in plan.items:
        grouped[item.customer_id].append(item)
    return grouped


def is_allowed_day(customer: CustomerToPlan, capacity: Capacity, day: date) -> bool:
    return (
        day.weekday() in capacity.working_days
        and day not in capacity.holidays
        and (not customer.preferred_days or day.weekday() in customer.preferred_days)
        and not any(first <= day <= last for first, last in customer.do_not_contact)
    )


def is_in_preferred_hours(customer: CustomerToPlan, begin: int, end: int) -> bool:
    """Every minute of the meeting lies in one of the customer's preferred spans (they may touch or overlap)."""
    spans = [(minute_of_day(first), minute_of_day(last)) for first, last in customer.preferred_hours]
    return not spans or all(any(first <= minute < last for first, last in spans) for minute in range(begin, end))


def assert_no_overlaps(plan: Plan) -> None:
    for before, after in zip(plan.items, plan.items[1:], strict=False):
        assert before.end <= after.start


def assert_items_respect_salesperson_and_customer(case: Case, plan: Plan) -> None:
    people, policies, capacity, start, weeks = case
    by_id = {customer.customer_id: customer for customer in people}
    for item in plan.items:
        customer, day = by_id[item.customer_id], item.start.date()
        begin = minute_of_day(item.start.time())
        end = begin + item.minutes
        frame_start, frame_end = time_frame(customer, capacity)
        assert item.start.tzinfo is capacity.timezone
        assert start <= day < start + timedelta(7 * weeks)
        assert is_allowed_day(customer, capacity, day)
        assert begin % GRID_MINUTES == 0
        assert frame_start <= begin and end <= frame_end
        assert is_in_preferred_hours(customer, begin, end)
        assert item.minutes == meeting_minutes(customer, policies[customer.class_label])
        assert not (customer.personal_time and item.channel == "visit")


def assert_every_due_contact_is_planned_or_reported(case: Case, plan: Plan) -> None:
    """Each customer's contacts chain from their first due date, one interval after each planned day,
    until the horizon ends or a contact is reported as unplanned."""
    people, policies, capacity, start, weeks = case
    end = start + timedelta(7 * weeks)
    planned = items_by_customer(plan)
    unplanned = {left_out.customer_id: left_out for left_out in plan.unplanned}
    assert len(unplanned) == len(plan.unplanned)
    for customer in people:
        policy = policies[customer.class_label]
        due = first_due(customer, policy, capacity, start)
        previous = None
        for item in planned[customer.customer_id]:
            assert (item.due, item.overdue_days) == (due, max(0, (start - due).days))
            assert item.start.date() >= due - timedelta(policy.interval_days - 1)
            assert previous is None or item.start.date() > previous
            assert item.reason.startswith(f"{customer.class_label} customer, ")
            previous = item.start.date()
            due = previous + timedelta(policy.interval_days)
        if customer.customer_id in unplanned:
            assert unplanned[customer.customer_id].due == due
            assert unplanned[customer.customer_id].reason
        else:
            assert due >= end


@given(any_case())
@bounded
def test_every_plan_keeps_the_rules(case):
    plan = plan_followups(*case)

    assert_no_overlaps(plan)
    assert_items_respect_salesperson_and_customer(case, plan)
    assert_every_due_contact_is_planned_or_reported(case, plan)


@given(any_case())
@settings(bounded, max_examples=50)
def test_the_plan_does_not_depend_on_the_order_of_customers(case):
    people, policies, capacity, start, weeks = case

    assert plan_followups(people, policies, capacity, start, weeks) == plan_followups(people[::-1], policies, capacity, start, weeks)


@given(roomy_case())
@bounded
def test_with_room_enough_every_frequency_is_met(case):
    people, policies, capacity, start, weeks = case
    plan = plan_followups(*case)
    end = start + timedelta(7 * weeks)
    planned = items_by_customer(plan)

    assert plan.unplanned == ()
    for customer in people:
        policy = policies[customer.class_label]
        items = planned[customer.customer_id]
        due = first_due(customer, policy, capacity, start)
        if due >= end:
            assert items == []
            continue
        horizon = [start + timedelta(offset) for offset in range(7 * weeks)]
        allowed = [day for day in horizon if is_allowed_day(customer, capacity, day)]
        if any(due - timedelta(policy.interval_days - 1) <= day <= due for day in allowed):
            assert items[0].start.date() <= due
        else:  # already overdue, or no allowed day before the first due date: the first allowed day after it
            assert items[0].start.date() == min(day for day in allowed if day > due)
        for before, after in zip(items, items[1:], strict=False):
            assert (after.start.date() - before.start.date()).days <= policy.interval_days
        assert items[-1].start.date() + timedelta(policy.interval_days) >= end
