"""The sentences that say why a contact is in the plan, late, or left out."""

from collections.abc import Iterable
from datetime import date, timedelta, tzinfo

from clientela.planning.model import Capacity, CustomerToPlan
from clientela.planning.policies import Channel, Policy
from clientela.planning.reach import Reach, customer_spans, time_frame
from clientela.planning.timetable import Span, minute_of_day

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CHANNEL_WORDS: dict[Channel, str] = {"visit": "visit", "call": "call", "email": "e-mail", "message": "message"}
EVERY_DAY = frozenset(range(7))


def count_days(days: int) -> str:
    """Return "1 day" or "N days".

    Examples
    --------
    >>> count_days(1), count_days(3)
    ('1 day', '3 days')
    """
    return "1 day" if days == 1 else f"{days} days"


def name_day(day: date) -> str:
    """Return the date with its weekday, e.g. "Tue 2026-01-20".

    Examples
    --------
    >>> name_day(date(2026, 1, 20))
    'Tue 2026-01-20'
    """
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"


def name_weekdays(weekdays: Iterable[int]) -> str:
    """Return weekdays as runs: "Mon–Fri", "Tue, Thu", "Mon–Wed, Fri".

    Examples
    --------
    >>> name_weekdays({0, 1, 2, 4})
    'Mon–Wed, Fri'
    """
    runs: list[list[int]] = []
    for day in sorted(weekdays):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(WEEKDAY_NAMES[run[0]] if len(run) == 1 else f"{WEEKDAY_NAMES[run[0]]}–{WEEKDAY_NAMES[run[-1]]}" for run in runs)


def name_spans(spans: Iterable[Span]) -> str:
    """Return spans of minutes since midnight as "09:00–11:00, 14:00–16:00".

    Examples
    --------
    >>> name_spans([(540, 660), (840, 960)])
    '09:00–11:00, 14:00–16:00'
    """
    return ", ".join(f"{start // 60:02d}:{start % 60:02d}–{end // 60:02d}:{end % 60:02d}" for start, end in spans)


def customer_weekdays(customer: CustomerToPlan, capacity: Capacity) -> frozenset[int]:
    """The salesperson's working days that are also the customer's preferred days."""
    return capacity.working_days & (customer.preferred_days or EVERY_DAY)


def name_windows(customer: CustomerToPlan, capacity: Capacity, reach: Reach) -> str:
    """Return the customer's windows, e.g. "Tue, Thu 09:00–11:00"."""
    return f"{name_weekdays(customer_weekdays(customer, capacity))} {name_spans(reach.windows)}"


def first_contact_history(customer: CustomerToPlan, timezone: tzinfo, start: date) -> str:
    """Say when the customer was last contacted, counted from the plan's first day.

    Examples
    --------
    >>> from datetime import datetime, timezone
    >>> customer = CustomerToPlan(1, "Acme", "A", last_contact=datetime(2026, 1, 3, 10, tzinfo=timezone.utc))
    >>> first_contact_history(customer, timezone.utc, date(2026, 1, 12))
    'last contact 9 days ago'
    """
    if customer.last_contact is None:
        return "never contacted"
    contacted = customer.last_contact.astimezone(timezone).date()
    days_ago = (start - contacted).days
    if days_ago < 0:
        return f"last contact on {name_day(contacted)}"
    return "last contact today" if days_ago == 0 else f"last contact {count_days(days_ago)} ago"


def repeat_history(previous: date) -> str:
    """Say which planned contact this one follows."""
    return f"next after the contact planned for {name_day(previous)}"


def contact_reason(customer: CustomerToPlan, policy: Policy, history: str, overdue_days: int, lateness: str) -> str:
    """Say why a contact is planned, e.g. "A customer, last contact 9 days ago, due weekly, 2 days overdue".

    Examples
    --------
    >>> policy = Policy("B", contacts=2, period="month", channel="visit", minutes=30, priority=2)
    >>> contact_reason(CustomerToPlan(1, "Acme", "B"), policy, "never contacted", 0, "")
    'B customer, never contacted, due twice a month'
    """
    reason = f"{customer.class_label} customer, {history}, due {policy.frequency}"
    if overdue_days:
        reason += f", {count_days(overdue_days)} overdue"
    return f"{reason}; {lateness}" if lateness else reason


def why_no_day(customer: CustomerToPlan, capacity: Capacity, first: date, last: date) -> str:
    """Say why no day from `first` to `last` (inclusive) is both open and allowed for the customer.

    Examples
    --------
    >>> from datetime import time, timezone
    >>> capacity = Capacity(frozenset(range(5)), time(9), time(17), timezone.utc)
    >>> weekend = CustomerToPlan(1, "Weekend Ltd", "A", preferred_days=frozenset({5, 6}))
    >>> why_no_day(weekend, capacity, date(2026, 1, 12), date(2026, 3, 8))
    "no working day matches the customer's preferred days (Sat–Sun)"
    """
    weekdays = customer_weekdays(customer, capacity)
    if not weekdays:
        return f"no working day matches the customer's preferred days ({name_weekdays(customer.preferred_days)})"
    matching = [day for offset in range((last - first).days + 1) if (day := first + timedelta(offset)).weekday() in weekdays]
    if not matching:
        return f"none of the customer's days ({name_weekdays(weekdays)}) falls between {name_day(first)} and {name_day(last)}"
    working = [day for day in matching if day not in capacity.holidays]
    if not working:
        return f"the salesperson is on holiday on every {name_weekdays(weekdays)} from {name_day(first)} to {name_day(last)}"
    until = max(period_end for day in working for period_start, period_end in customer.do_not_contact if period_start <= day <= period_end)
    return f"do-not-contact until {name_day(until)}"


def why_no_window(customer: CustomerToPlan, capacity: Capacity, reach: Reach) -> str:
    """Say why no hour of the day can hold the customer's meeting."""
    frame = name_spans([time_frame(customer, capacity)])
    frame_name = f"the personal-time window ({frame})" if customer.personal_time else f"the salesperson's hours ({frame})"
    spans = customer_spans(customer, capacity)
    if not spans:
        hours = name_spans((minute_of_day(first), minute_of_day(last)) for first, last in customer.preferred_hours)
        return f"the customer's hours ({hours}) lie outside {frame_name}"
    return f"the customer's windows ({name_spans(spans)}) are too short for a {reach.minutes}-minute {CHANNEL_WORDS[reach.channel]}"


def why_days_full(customer: CustomerToPlan, capacity: Capacity, reach: Reach, first: date, last: date) -> str:
    """Say that the salesperson has no free slot in the customer's windows from `first` to `last`."""
    return (
        f"no free slot in the customer's windows ({name_windows(customer, capacity, reach)}) "
        f"from {name_day(first)} to {name_day(last)}: the salesperson's days are full"
    )


def lateness(late_days: int, why: str) -> str:
    """Say how late a contact is planned and why, e.g. "2 days late: do-not-contact until Sun 2026-03-01"."""
    return f"{count_days(late_days)} late: {why}"
