"""Plan a salesperson's follow-ups for the coming weeks: who, when, how, and why (SPEC S5).

The plan is built greedily by urgency, like earliest-deadline-first scheduling. Each customer has
one pending contact at a time, due `interval_days` after the previous one (the first after their
last contact, or on the first day if they were never contacted); only contacts due inside the
horizon are planned. The most urgent pending contact — earliest due date, then policy priority,
then customer id — takes a slot; then that customer's next contact becomes pending, due one
interval after the slot's day.

A contact goes on the *latest* day that still meets its due date and is free in the customer's
windows (at the earliest free time of that day), so consecutive contacts are a full interval apart
and capacity is not spent on contacts earlier than needed. It never goes before the day after the
previous contact. When no such day is free it goes on the earliest free day after its due date,
and its reason says how late and why; when no day of the horizon is free it is reported as
unplanned with the reason, and so is a customer whose preferences leave no day or hour at all
(whenever they are due, since that needs fixing).
"""

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from clientela.planning.model import Capacity, CustomerToPlan, Plan, PlanItem, Unplanned
from clientela.planning.policies import Policy
from clientela.planning.reach import Reach, customer_reach, personal_span, working_span
from clientela.planning.reasons import (
    contact_reason,
    first_contact_history,
    lateness,
    repeat_history,
    why_days_full,
    why_no_day,
    why_no_window,
)
from clientela.planning.timetable import Timetable

Slot = tuple[int, int]


def plan_followups(
    customers: Iterable[CustomerToPlan], policies: Mapping[str, Policy], capacity: Capacity, start: date, weeks: int
) -> Plan:
    """Plan the follow-up contacts of one salesperson for `weeks` weeks from `start`.

    Parameters
    ----------
    customers
        The salesperson's customers; each `class_label` must have a policy. Ids must be unique.
    policies
        The policy of each class label, e.g. `DEFAULT_POLICIES`.
    capacity
        The salesperson's working days and hours, holidays and personal-time window.
    start
        The plan's first day.
    weeks
        How many weeks the plan covers (at least 1).

    Returns
    -------
    Plan
        The planned contacts by start time, each with its reason, and the contacts that found no
        place, by due date, with the reason.

    Raises
    ------
    ValueError
        If `weeks` is below 1, a customer id repeats, or a customer's class has no policy.

    Examples
    --------
    >>> from datetime import datetime, time, timezone
    >>> from clientela.planning import DEFAULT_POLICIES
    >>> capacity = Capacity(frozenset(range(5)), time(9), time(17), timezone.utc)
    >>> acme = CustomerToPlan(
    ...     1, "Acme", "A", last_contact=datetime(2026, 1, 3, 10, tzinfo=timezone.utc), preferred_days=frozenset({1})
    ... )
    >>> plan = plan_followups([acme], DEFAULT_POLICIES, capacity, start=date(2026, 1, 12), weeks=2)
    >>> [f"{item.start:%a %Y-%m-%d %H:%M} {item.channel} {item.minutes}" for item in plan.items]
    ['Tue 2026-01-13 09:00 visit 45', 'Tue 2026-01-20 09:00 visit 45']
    >>> plan.items[0].reason
    'A customer, last contact 9 days ago, due weekly, 2 days overdue'
    """
    if weeks < 1:
        raise ValueError(f"a plan covers at least 1 week (got {weeks})")
    followed = _followed_by_id(customers, policies)
    horizon = 7 * weeks
    open_days = [
        (index, day)
        for index in range(horizon)
        if (day := start + timedelta(index)).weekday() in capacity.working_days and day not in capacity.holidays
    ]
    timetable = Timetable((index for index, _ in open_days), opening=sorted([working_span(capacity), personal_span(capacity)]))
    last_day = start + timedelta(horizon - 1)

    reaches: dict[int, Reach] = {}
    pending: list[tuple[int, int, int, bool]] = []  # (due day, priority, customer id, follows a planned contact)
    unplanned: list[Unplanned] = []
    for customer_id, (customer, policy) in followed.items():
        reach = customer_reach(customer, policy, capacity, open_days)
        due = _first_due(customer, policy, capacity, start)
        if not reach.windows or not reach.days:
            why = why_no_window(customer, capacity, reach) if not reach.windows else why_no_day(customer, capacity, start, last_day)
            unplanned.append(Unplanned(customer_id, customer.class_label, start + timedelta(due), why))
            continue
        reaches[customer_id] = reach
        if due < horizon:
            pending.append((due, policy.priority, customer_id, False))
    heapq.heapify(pending)

    items: list[PlanItem] = []
    while pending:
        due, priority, customer_id, is_repeat = heapq.heappop(pending)
        customer, policy = followed[customer_id]
        reach = reaches[customer_id]
        earliest = max(0, due - policy.interval_days + 1)
        slot = _latest_slot(timetable, reach, earliest, due)
        if slot is None:
            slot = _earliest_slot(timetable, reach, max(earliest, due + 1), horizon)
        if slot is None:
            first = start + timedelta(earliest)
            has_day = bisect_left(reach.days, earliest) < len(reach.days)
            why = why_days_full(customer, capacity, reach, first, last_day) if has_day else why_no_day(customer, capacity, first, last_day)
            unplanned.append(Unplanned(customer_id, customer.class_label, start + timedelta(due), why))
            continue
        day, minute = slot
        timetable.book(day, minute, reach.minutes)
        overdue_days = max(0, -due)
        if is_repeat:
            history = repeat_history(start + timedelta(due - policy.interval_days))
        else:
            history = first_contact_history(customer, capacity.timezone, start)
        late = ""
        if day > due >= earliest:
            late = lateness(day - due, _why_late(customer, capacity, reach, start, earliest, due))
        items.append(
            PlanItem(
                customer_id=customer_id,
                class_label=customer.class_label,
                start=datetime.combine(start + timedelta(day), time(minute // 60, minute % 60), capacity.timezone),
                minutes=reach.minutes,
                channel=reach.channel,
                due=start + timedelta(due),
                overdue_days=overdue_days,
                reason=contact_reason(customer, policy, history, overdue_days, late),
            )
        )
        next_due = day + policy.interval_days
        if next_due < horizon:
            heapq.heappush(pending, (next_due, priority, customer_id, True))
    items.sort(key=lambda item: (item.start, item.customer_id))
    unplanned.sort(key=lambda left_out: (left_out.due, left_out.customer_id))
    return Plan(items=tuple(items), unplanned=tuple(unplanned))


def _followed_by_id(customers: Iterable[CustomerToPlan], policies: Mapping[str, Policy]) -> dict[int, tuple[CustomerToPlan, Policy]]:
    followed: dict[int, tuple[CustomerToPlan, Policy]] = {}
    for customer in customers:
        if customer.customer_id in followed:
            raise ValueError(f"customer {customer.customer_id} appears more than once")
        policy = policies.get(customer.class_label)
        if policy is None:
            raise ValueError(f"customer {customer.customer_id}: no policy for class {customer.class_label!r}")
        followed[customer.customer_id] = (customer, policy)
    return followed


def _first_due(customer: CustomerToPlan, policy: Policy, capacity: Capacity, start: date) -> int:
    """The day index the first contact is due: one interval after the last contact, or the first day."""
    if customer.last_contact is None:
        return 0
    return (customer.last_contact.astimezone(capacity.timezone).date() - start).days + policy.interval_days


def _latest_slot(timetable: Timetable, reach: Reach, first: int, last: int) -> Slot | None:
    """The earliest free time on the latest of the customer's days from `first` to `last` that has one."""
    for position in range(bisect_right(reach.days, last) - 1, bisect_left(reach.days, first) - 1, -1):
        day = reach.days[position]
        minute = timetable.earliest_start(day, reach.windows, reach.minutes)
        if minute is not None:
            return day, minute
    return None


def _earliest_slot(timetable: Timetable, reach: Reach, first: int, end: int) -> Slot | None:
    """The earliest free time on the earliest of the customer's days from `first` (before `end`) that has one."""
    for position in range(bisect_left(reach.days, first), bisect_left(reach.days, end)):
        day = reach.days[position]
        minute = timetable.earliest_start(day, reach.windows, reach.minutes)
        if minute is not None:
            return day, minute
    return None


def _why_late(customer: CustomerToPlan, capacity: Capacity, reach: Reach, start: date, earliest: int, due: int) -> str:
    first, last = start + timedelta(earliest), start + timedelta(due)
    if bisect_left(reach.days, earliest) == bisect_right(reach.days, due):
        return why_no_day(customer, capacity, first, last)
    return why_days_full(customer, capacity, reach, first, last)
