"""The visit plan and what of it was done: each planned visit with the logged visit that fulfils it.

A planned visit is fulfilled by a follow-up log with the channel "visit", by the same salesperson
with the same customer, on a day of the visit's period. One log fulfils one planned visit: the
visits with the shortest periods are matched first (a dated visit before a month's, a month's
before a year's), each with the earliest log left in its period. Periods never cross a year, so
matching a salesperson's year at a time gives the same answer on every page.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from clientela.crm.models import User
from clientela.crm.models.customers import Channel
from clientela.fieldsales.models import PlannedVisit
from clientela.fieldsales.periods import period_span
from clientela.followup.models import ContactLog


@dataclass(frozen=True)
class VisitStatus:
    """A planned visit and the day of the logged visit that fulfils it (None while open)."""

    visit: PlannedVisit
    done_on: date | None

    @property
    def done(self) -> bool:
        return self.done_on is not None


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The aware instants from the start of `start` to the end of `end` in the current time zone."""
    zone = timezone.get_current_timezone()
    return datetime.combine(start, time.min, zone), datetime.combine(end + timedelta(days=1), time.min, zone)


def visit_statuses(*, salespeople: QuerySet[User] | Iterable[User], start: date, end: date) -> list[VisitStatus]:
    """The planned visits of `salespeople` whose period lies within start … end, each with its fulfilment."""
    people = [person.pk for person in salespeople]
    year_start, year_end = date(start.year, 1, 1), date(end.year, 12, 31)
    first, last = local_bounds(year_start, year_end)
    visits = list(
        PlannedVisit.objects.filter(salesperson_id__in=people, starts_on__gte=year_start, ends_on__lte=year_end)
        .select_related("customer")
        .order_by("starts_on", "ends_on", "id")
    )
    logs: dict[tuple[int, int], list[tuple[date, int]]] = defaultdict(list)
    for log_id, person, customer, at in (
        ContactLog.objects.filter(salesperson_id__in=people, channel=Channel.VISIT, at__gte=first, at__lt=last)
        .order_by("at", "id")
        .values_list("id", "salesperson_id", "customer_id", "at")
    ):
        logs[(person, customer)].append((timezone.localdate(at), log_id))
    used: set[int] = set()
    done_on: dict[int, date] = {}
    for visit in sorted(visits, key=lambda v: (v.ends_on - v.starts_on, v.starts_on, v.pk)):
        for day, log_id in logs[(visit.salesperson_id, visit.customer_id)]:
            if log_id not in used and visit.starts_on <= day <= visit.ends_on:
                used.add(log_id)
                done_on[visit.pk] = day
                break
    return [VisitStatus(visit, done_on.get(visit.pk)) for visit in visits if start <= visit.starts_on and visit.ends_on <= end]


@dataclass(frozen=True)
class PeriodProgress:
    """Planned visits against visits done for one period of the plan."""

    period: str
    start: date
    end: date
    planned: int
    done: int

    @property
    def rate(self) -> float | None:
        return self.done / self.planned if self.planned else None


def progress_by_period(statuses: list[VisitStatus], year: int) -> list[PeriodProgress]:
    """Plan vs done for each month, each quarter and the whole year; a period counts the visits planned inside it."""
    spans = [("month", *period_span("month", date(year, month, 1))) for month in range(1, 13)]
    spans += [("quarter", *period_span("quarter", date(year, 3 * quarter - 2, 1))) for quarter in range(1, 5)]
    spans.append(("year", *period_span("year", date(year, 1, 1))))
    rows = []
    for period, first, last in spans:
        inside = [s for s in statuses if first <= s.visit.starts_on and s.visit.ends_on <= last]
        rows.append(PeriodProgress(period, first, last, len(inside), sum(1 for s in inside if s.done)))
    return rows
