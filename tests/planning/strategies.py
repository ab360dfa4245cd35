"""Hypothesis strategies for the scheduler: policies, customers and capacities, random or roomy.

Strategies are built once at import: building them inside a draw makes generation many times slower.
"""

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


# Customers are drawn as fields with offsets from the plan's first day, then placed by `customers`.
_COMMON_FIELDS = {
    "class_label": st.sampled_from(LABELS),
    "contacted_hours": st.none() | st.integers(-70 * 24, 5 * 24),
    "contacted_zone": zones,
    "preferred_days": weekdays,
    "formal": st.booleans(),
}
_ANY_FIELDS = st.fixed_dictionaries(
    {
        **_COMMON_FIELDS,
        "personal_time": st.booleans(),
        "preferred_hours": st.lists(preferred_spans, max_size=2).map(tuple),
        "do_not_contact": st.lists(st.tuples(st.integers(-10, 50), st.integers(0, 30)), max_size=2),
    }
)
_ROOMY_FIELDS = st.fixed_dictionaries(
    {
        **_COMMON_FIELDS,
        "personal_time": st.just(False),
        "preferred_hours": st.sampled_from([(), *roomy_working_hours()]),
        "do_not_contact": st.just([]),
    }
) | st.fixed_dictionaries({**_COMMON_FIELDS, "personal_time": st.just(True), "preferred_hours": st.just(()), "do_not_contact": st.just([])})
_IDS = st.integers(1, 10_000)


@st.composite
def customers(draw: st.DrawFn, start: date, roomy: bool = False, max_size: int = 25) -> list[CustomerToPlan]:
    """Customers with unique ids; roomy ones have no do-not-contact periods and windows of 5 hours or more."""
    ids = draw(st.lists(_IDS, max_size=max_size, unique=True))
    drawn = []
    for customer_id in ids:
        fields = draw(_ROOMY_FIELDS if roomy else _ANY_FIELDS)
        contacted = fields["contacted_hours"]
        drawn.append(
            CustomerToPlan(
                customer_id=customer_id,
                name=f"Customer {customer_id}",
                class_label=fields["class_label"],
                last_contact=None
                if contacted is None
                else datetime.combine(start, time(12), fields["contacted_zone"]) + timedelta(hours=contacted),
                preferred_days=fields["preferred_days"],
                preferred_hours=fields["preferred_hours"],
                personal_time=fields["personal_time"],
                formal=fields["formal"],
                do_not_contact=tuple(
                    (start + timedelta(first), start + timedelta(first + length)) for first, length in fields["do_not_contact"]
                ),
            )
        )
    return drawn
