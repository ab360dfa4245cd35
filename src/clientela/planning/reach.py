"""How and when a customer can be reached: channel, meeting length, the days and the hours of each day."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clientela.planning.model import Capacity, CustomerToPlan
from clientela.planning.policies import Channel, Policy
from clientela.planning.timetable import Span, fits, minute_of_day

SHORT_MINIMUM_MINUTES = 10


@dataclass(frozen=True)
class Reach:
    """The contact a customer gets and where it may go: horizon day indices (ascending) and day windows."""

    channel: Channel
    minutes: int
    days: tuple[int, ...]
    windows: tuple[Span, ...]


def contact_channel(customer: CustomerToPlan, policy: Policy) -> Channel:
    """The policy's channel, except that personal-time customers get a call instead of a visit.

    Examples
    --------
    >>> policy = Policy("A", contacts=1, period="week", channel="visit", minutes=45, priority=1)
    >>> contact_channel(CustomerToPlan(1, "Evening Ltd", "A", personal_time=True), policy)
    'call'
    """
    if customer.personal_time and policy.channel == "visit":
        return "call"
    return policy.channel


def meeting_minutes(customer: CustomerToPlan, policy: Policy) -> int:
    """The policy's length for formal customers; half of it (up to 5 minutes, at least 10) for the others.

    Examples
    --------
    >>> policy = Policy("A", contacts=1, period="week", channel="visit", minutes=45, priority=1)
    >>> meeting_minutes(CustomerToPlan(1, "Brief Ltd", "A", formal=False), policy)
    25
    """
    if customer.formal:
        return policy.minutes
    half = -(-policy.minutes // 10) * 5
    return min(policy.minutes, max(SHORT_MINIMUM_MINUTES, half))


def working_span(capacity: Capacity) -> Span:
    """The salesperson's working hours in minutes since midnight."""
    return minute_of_day(capacity.day_start), minute_of_day(capacity.day_end)


def personal_span(capacity: Capacity) -> Span:
    """The salesperson's window for personal-time contacts in minutes since midnight."""
    first, last = capacity.personal_window
    return minute_of_day(first), minute_of_day(last)


def time_frame(customer: CustomerToPlan, capacity: Capacity) -> Span:
    """The salesperson's hours the customer can be reached in: the personal window or the working hours."""
    return personal_span(capacity) if customer.personal_time else working_span(capacity)


def customer_spans(customer: CustomerToPlan, capacity: Capacity) -> tuple[Span, ...]:
    """The customer's preferred hours cut to their time frame, merged and sorted (the whole frame if none).

    Examples
    --------
    >>> from datetime import time, timezone
    >>> capacity = Capacity(frozenset(range(5)), time(9), time(17), timezone.utc)
    >>> morning = CustomerToPlan(1, "Early Ltd", "A", preferred_hours=((time(7), time(10)), (time(9, 30), time(11))))
    >>> customer_spans(morning, capacity)
    ((540, 660),)
    """
    frame_start, frame_end = time_frame(customer, capacity)
    if not customer.preferred_hours:
        return ((frame_start, frame_end),)
    merged: list[Span] = []
    for first, last in sorted(customer.preferred_hours):
        start, end = max(minute_of_day(first), frame_start), min(minute_of_day(last), frame_end)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def is_reachable_on(customer: CustomerToPlan, day: date) -> bool:
    """Whether `day` is one of the customer's preferred days and outside their do-not-contact periods."""
    if customer.preferred_days and day.weekday() not in customer.preferred_days:
        return False
    return not any(first <= day <= last for first, last in customer.do_not_contact)


def customer_reach(customer: CustomerToPlan, policy: Policy, capacity: Capacity, open_days: Sequence[tuple[int, date]]) -> Reach:
    """The customer's contact and the open days and windows that can hold it.

    `open_days` are the salesperson's working, non-holiday days of the horizon as (index, date).
    """
    minutes = meeting_minutes(customer, policy)
    return Reach(
        channel=contact_channel(customer, policy),
        minutes=minutes,
        days=tuple(index for index, day in open_days if is_reachable_on(customer, day)),
        windows=tuple(span for span in customer_spans(customer, capacity) if fits(span, minutes)),
    )
