"""Hypothesis strategies for the scheduler: policies, customers and capacities, random or roomy.

Strategies are built once at import: building them inside a draw makes generation many times slower.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from clientela.planning import Capacity, CustomerToPlan, Policy

ZONES: tuple[tzinfo, ...] = (timezone.utc, ZoneInfo("Europe/Athens"), ZoneInfo("America/New_York"))
LABELS = ("P1", "P2", "P3")
LAST_MINUTE = 23 * 60 + 55

weekdays = st.frozensets(st.integers(0, 6))
working_days = weekdays.filter(bool)
starts = st.dates(date(2025, 1, 1), date(2027, 12, 31))
zones = st.sampled_from(ZONES)


def clock(minute: int) -> time:
    return time(minute // 60, minute % 60)


def span(first: int, length: int) -> tuple[time, time]:
    """Hours from `first` for `length` minutes, cut at the day's last 5 minutes."""
    return clock(first), clock(min(first + length, LAST_MINUTE))


# Spans on 5-minute steps: any start from 05:00 to 22:55, 5 minutes to 6 hours long.
preferred_spans = st.builds(span, st.integers(60, 275).map(lambda step: step * 5), st.integers(1, 72).map(lambda step: step * 5))


def roomy_working_hours() -> list[tuple[tuple[time, time], ...]]:
    """Windows of at least 5 hours inside a 06:00–17:00 working day."""
    return [((time(first), time(last)),) for first in range(6, 13) for last in range(first + 5, 18)]


def policy(label: str, period: str, contacts: int, channel: str, minutes: int, priority: int) -> Policy:
    return Policy(label, contacts=contacts, period=period, channel=channel, minutes=minutes, priority=priority)  # type: ignore[arg-type]


channels = st.sampled_from(["visit", "call", "email", "message"])
periods = st.sampled_from(["week", "month"])
policy_sets = st.tuples(
    *(st.builds(policy, st.just(label), periods, st.integers(1, 7), channels, st.integers(5, 120), st.integers(1, 3)) for label in LABELS)
).map(lambda policies: {policy.class_label: policy for policy in policies})
"""Any policy: up to 7 contacts a week or month (intervals down to 1 day), 5 to 120 minutes."""

roomy_policy_sets = st.tuples(
    *(
        st.builds(policy, st.just(label), st.just("week"), st.just(1), channels, st.sampled_from([30, 60]), st.just(priority))
        | st.builds(policy, st.just(label), st.just("month"), st.integers(1, 4), channels, st.sampled_from([30, 60]), st.just(priority))
        for priority, label in enumerate(LABELS, start=1)
    )
).map(lambda policies: {policy.class_label: policy for policy in policies})
"""Roomy policies: at most weekly (intervals of 7 days or more), meetings of 30 or 60 minutes."""


def capacity(days: frozenset[int], start: int, hours: int, gap: int, personal: int, zone: tzinfo, holidays: frozenset[date]) -> Capacity:
    return Capacity(
        working_days=days,
        day_start=clock(start),
        day_end=clock(start + hours),
        timezone=zone,
        holidays=holidays,
        personal_window=span(start + hours + gap, personal),
    )


capacities = st.builds(
    capacity,
    working_days,
    st.integers(6 * 12, 11 * 12).map(lambda step: step * 5),
    st.integers(2 * 12, 10 * 12).map(lambda step: step * 5),
    st.integers(0, 12).map(lambda step: step * 5),
    st.integers(6, 36).map(lambda step: step * 5),
    zones,
    st.frozensets(st.dates(date(2024, 12, 1), date(2028, 3, 31)), max_size=3),
)
"""Any working week: 2 to 10 hours a day from 06:00–11:00, an evening window after them, a few holidays."""


def roomy_capacity(days: frozenset[int], zone: tzinfo) -> Capacity:
    """11 working hours and a 6-hour evening window: room for three customers' contacts on any day."""
    return Capacity(days, time(6), time(17), zone, personal_window=(time(17), time(23)))


@dataclass(frozen=True)
class CustomerDraft:
    """A customer with times relative to the plan's first day, placed by `customers` once that day is drawn."""

    class_label: str
    contacted_hours: int | None  # hours from noon of the first day; None: never contacted
    contacted_zone: tzinfo
    preferred_days: frozenset[int]
    formal: bool
    personal_time: bool
    preferred_hours: tuple[tuple[time, time], ...]
    quiet_periods: tuple[tuple[int, int], ...]  # (first day offset, length in days)

    def placed(self, customer_id: int, start: date) -> CustomerToPlan:
        noon = datetime.combine(start, time(12), self.contacted_zone)
        return CustomerToPlan(
            customer_id=customer_id,
            name=f"Customer {customer_id}",
            class_label=self.class_label,
            last_contact=None if self.contacted_hours is None else noon + timedelta(hours=self.contacted_hours),
            preferred_days=self.preferred_days,
            preferred_hours=self.preferred_hours,
            personal_time=self.personal_time,
            formal=self.formal,
            do_not_contact=tuple((start + timedelta(first), start + timedelta(first + length)) for first, length in self.quiet_periods),
        )


def drafts(personal_time: st.SearchStrategy[bool], preferred_hours: st.SearchStrategy[tuple[tuple[time, time], ...]], quiet: bool) -> st.SearchStrategy[CustomerDraft]:
    return st.builds(
        CustomerDraft,
        class_label=st.sampled_from(LABELS),
        contacted_hours=st.none() | st.integers(-70 * 24, 5 * 24),
        contacted_zone=zones,
        preferred_days=weekdays,
        formal=st.booleans(),
        personal_time=personal_time,
        preferred_hours=preferred_hours,
        quiet_periods=st.lists(st.tuples(st.integers(-10, 50), st.integers(0, 30)), max_size=2).map(tuple) if quiet else st.just(()),
    )


any_drafts = drafts(st.booleans(), st.lists(preferred_spans, max_size=2).map(tuple), quiet=True)
"""Any customer: up to two preferred spans of any length, up to two do-not-contact periods."""

roomy_drafts = drafts(st.just(False), st.sampled_from([(), *roomy_working_hours()]), quiet=False) | drafts(
    st.just(True), st.just(()), quiet=False
)
"""Roomy customers: no do-not-contact periods; working-time windows of 5 hours or more, or the whole evening."""

_IDS = st.integers(1, 10_000)


@st.composite
def customers(draw: st.DrawFn, start: date, roomy: bool = False, max_size: int = 25) -> list[CustomerToPlan]:
    """Customers with unique ids, from roomy or any drafts, placed relative to `start`."""
    ids = draw(st.lists(_IDS, max_size=max_size, unique=True))
    return [draw(roomy_drafts if roomy else any_drafts).placed(customer_id, start) for customer_id in ids]
