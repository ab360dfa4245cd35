"""What the scheduler reads (customers, a salesperson's capacity) and what it returns (a plan).

Dates and times are the salesperson's local wall-clock: `Capacity.timezone` says which zone, a
customer's `last_contact` is an aware datetime converted to that zone, and every planned item
starts at an aware datetime in that zone (wall-clock arithmetic: a meeting at 09:00 stays at 09:00
across a daylight-saving change). Days are numbered as `date.weekday()`: 0 = Monday.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from clientela.planning.policies import Channel

Hours = tuple[time, time]
DateRange = tuple[date, date]


def _check_weekdays(days: frozenset[int], owner: str) -> None:
    if not days <= set(range(7)):
        raise ValueError(f"{owner}: days are numbered 0 (Monday) to 6 (Sunday) (got {sorted(days)})")


def _check_hours(hours: Hours, owner: str) -> None:
    if not hours[0] < hours[1]:
        raise ValueError(f"{owner}: hours must start before they end (got {hours[0]:%H:%M}–{hours[1]:%H:%M})")


@dataclass(frozen=True)
class CustomerToPlan:
    """A customer to follow up, with the class that picks their policy and their preferences.

    An empty `preferred_days` means any of the salesperson's working days; empty `preferred_hours`
    means any time the salesperson has. `personal_time` customers want contact outside working
    hours (evening calls): they are reached in the capacity's personal window, never by a visit.
    `formal` customers get the policy's full meeting length, the others a short one (half of it).
    `do_not_contact` periods are inclusive.
    """

    customer_id: int
    name: str
    class_label: str
    last_contact: datetime | None = None
    preferred_days: frozenset[int] = frozenset()
    preferred_hours: tuple[Hours, ...] = ()
    personal_time: bool = False
    formal: bool = True
    do_not_contact: tuple[DateRange, ...] = ()

    def __post_init__(self) -> None:
        owner = f"customer {self.customer_id}"
        if self.last_contact is not None and self.last_contact.utcoffset() is None:
            raise ValueError(f"{owner}: last_contact must be timezone-aware (got {self.last_contact.isoformat()})")
        _check_weekdays(self.preferred_days, owner)
        for hours in self.preferred_hours:
            _check_hours(hours, owner)
        for first, last in self.do_not_contact:
            if first > last:
                raise ValueError(f"{owner}: a do-not-contact period must start before it ends (got {first} – {last})")


@dataclass(frozen=True)
class Capacity:
    """A salesperson's time: working days and hours, holidays, and the window for personal-time contacts.

    The personal window (evening calls and messages) lies outside the working hours.
    """

    working_days: frozenset[int]
    day_start: time
    day_end: time
    timezone: tzinfo
    holidays: frozenset[date] = frozenset()
    personal_window: Hours = (time(18), time(20))

    def __post_init__(self) -> None:
        if not self.working_days:
            raise ValueError("capacity: at least one working day is needed")
        _check_weekdays(self.working_days, "capacity")
        _check_hours((self.day_start, self.day_end), "capacity")
        _check_hours(self.personal_window, "capacity personal window")
        personal_from, personal_to = self.personal_window
        if personal_from < self.day_end and self.day_start < personal_to:
            raise ValueError(
                f"capacity: the personal window {personal_from:%H:%M}–{personal_to:%H:%M} overlaps "
                f"the working hours {self.day_start:%H:%M}–{self.day_end:%H:%M}"
            )


@dataclass(frozen=True)
class PlanItem:
    """One planned contact and why it is there.

    `due` is the last day that keeps the customer's frequency; `overdue_days` counts how far the
    customer was already past that day when the plan starts.
    """

    customer_id: int
    class_label: str
    start: datetime
    minutes: int
    channel: Channel
    due: date
    overdue_days: int
    reason: str

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def late_days(self) -> int:
        """Days the contact is planned after its due date (0 when on time)."""
        return max(0, (self.start.date() - self.due).days)


@dataclass(frozen=True)
class Unplanned:
    """A contact that found no place in the plan: the customer, the day it was due, and why."""

    customer_id: int
    class_label: str
    due: date
    reason: str


@dataclass(frozen=True)
class Plan:
    """The planned contacts by start time, and the contacts that could not be planned by due date."""

    items: tuple[PlanItem, ...] = ()
    unplanned: tuple[Unplanned, ...] = ()
