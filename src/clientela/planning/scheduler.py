"""Plan a salesperson's follow-ups for the coming weeks: who, when, how, and why (SPEC S5).

The plan is built greedily by urgency, like earliest-deadline-first scheduling, one policy
priority at a time: the most important classes (priority 1) are planned first over the whole
horizon, then priority 2 in the time left, and so on, so that when capacity is short it is the
least important contacts that come late or find no place. Each customer has one pending contact
at a time, due `interval_days` after the previous one (the first after their last contact, or on
the first day if they were never contacted); only contacts due inside the horizon are planned.
Within a priority, the most urgent pending contact — earliest due date (overdue first), then
customer id — takes a slot; then that customer's next contact becomes pending, due one interval
after the slot's day.

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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
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
    horizon = 7 * weeks
    open_days = _open_days(capacity, start, horizon)
    timetable = Timetable((index for index, _ in open_days), opening=sorted([working_span(capacity), personal_span(capacity)]))
    followed: dict[int, _Followed] = {}
    levels: dict[int, list[tuple[int, int, int, bool]]] = {}  # priority -> (due day, priority, customer id, follows a planned contact)
    unplanned: list[Unplanned] = []
    for customer, policy in _with_policies(customers, policies):
        one = followed[customer.customer_id] = _Followed(customer, policy, customer_reach(customer, policy, capacity, open_days))
        due = _first_due(customer, policy, capacity, start)
        if not one.reach.windows or not one.reach.days:  # reported whenever due: the preferences need fixing
            unplanned.append(_unplanned(one, capacity, start, horizon, 0, due))
        elif due < horizon:
            levels.setdefault(policy.priority, []).append((due, policy.priority, customer.customer_id, False))

    items: list[PlanItem] = []
    # The most important classes take their time first: when capacity is short, the least
    # important contacts are the ones that come late or find no place.
    for priority in sorted(levels):
        pending = levels[priority]
        heapq.heapify(pending)
        while pending:
            due, priority, customer_id, is_repeat = heapq.heappop(pending)
            one = followed[customer_id]
            earliest = max(0, due - one.policy.interval_days + 1)
            slot = _latest_slot(timetable, one.reach, earliest, due) or _earliest_slot(timetable, one.reach, max(earliest, due + 1), horizon)
            if slot is None:
                unplanned.append(_unplanned(one, capacity, start, horizon, earliest, due))
                continue
            timetable.book(*slot, one.reach.minutes)
            items.append(_planned(one, capacity, start, slot, earliest, due, is_repeat))
            next_due = slot[0] + one.policy.interval_days
            if next_due < horizon:
                heapq.heappush(pending, (next_due, priority, customer_id, True))
    items.sort(key=lambda item: (item.start, item.customer_id))
    unplanned.sort(key=lambda left_out: (left_out.due, left_out.customer_id))
    return Plan(items=tuple(items), unplanned=tuple(unplanned))


@dataclass(frozen=True)
class _Followed:
    customer: CustomerToPlan
    policy: Policy
    reach: Reach


def _with_policies(customers: Iterable[CustomerToPlan], policies: Mapping[str, Policy]) -> Iterator[tuple[CustomerToPlan, Policy]]:
    """Each customer with their class's policy; refuse repeated ids and classes without a policy."""
    seen: set[int] = set()
    for customer in customers:
        if customer.customer_id in seen:
            raise ValueError(f"customer {customer.customer_id} appears more than once")
        seen.add(customer.customer_id)
        policy = policies.get(customer.class_label)
        if policy is None:
            raise ValueError(f"customer {customer.customer_id}: no policy for class {customer.class_label!r}")
        yield customer, policy


def _open_days(capacity: Capacity, start: date, horizon: int) -> list[tuple[int, date]]:
    """The salesperson's working days of the horizon that are not holidays, as (index, date)."""
    days = ((index, start + timedelta(index)) for index in range(horizon))
    return [(index, day) for index, day in days if day.weekday() in capacity.working_days and day not in capacity.holidays]


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


def _planned(one: _Followed, capacity: Capacity, start: date, slot: Slot, earliest: int, due: int, is_repeat: bool) -> PlanItem:
    """The plan item of a contact placed in `slot`, with its reason."""
    day, minute = slot
    customer, policy = one.customer, one.policy
    if is_repeat:
        history = repeat_history(start + timedelta(due - policy.interval_days))
    else:
        history = first_contact_history(customer, capacity.timezone, start)
    overdue_days = max(0, -due)
    late = ""
    if 0 <= due < day:  # an overdue contact is late by its overdue days alone
        late = lateness(day - due, _why_late(one, capacity, start, earliest, due))
    return PlanItem(
        customer_id=customer.customer_id,
        class_label=customer.class_label,
        start=datetime.combine(start + timedelta(day), time(minute // 60, minute % 60), capacity.timezone),
        minutes=one.reach.minutes,
        channel=one.reach.channel,
        due=start + timedelta(due),
        overdue_days=overdue_days,
        reason=contact_reason(customer, policy, history, overdue_days, late),
    )


def _why_late(one: _Followed, capacity: Capacity, start: date, earliest: int, due: int) -> str:
    first, last = start + timedelta(earliest), start + timedelta(due)
    if bisect_left(one.reach.days, earliest) == bisect_right(one.reach.days, due):
        return why_no_day(one.customer, capacity, first, last)
    return why_days_full(one.customer, capacity, one.reach, first, last)


def _unplanned(one: _Followed, capacity: Capacity, start: date, horizon: int, earliest: int, due: int) -> Unplanned:
    """A contact that fits no day from `earliest` to the horizon's end, and why."""
    first, last = start + timedelta(earliest), start + timedelta(horizon - 1)
    if not one.reach.windows:
        why = why_no_window(one.customer, capacity, one.reach)
    elif bisect_left(one.reach.days, earliest) < len(one.reach.days):
        why = why_days_full(one.customer, capacity, one.reach, first, last)
    else:
        why = why_no_day(one.customer, capacity, first, last)
    return Unplanned(one.customer.customer_id, one.customer.class_label, start + timedelta(due), why)
