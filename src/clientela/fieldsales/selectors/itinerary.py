"""A salesperson's day of visits as a route: the planned visits of the day read from the database, routed by the core.

The visits of a day are the salesperson's visit plan items dated that day and the follow-up
plan's visits of that day (open or done), one stop per customer. Each customer's time window
comes from their contact preferences: preferred hours, or the salesperson's personal-time window
for customers who want personal time; a day that is not one of the customer's preferred days, or
falls in a do-not-contact period, leaves the visit out.
"""

from dataclasses import dataclass
from datetime import date

from clientela.crm.models import ContactPreference, Customer, DoNotContactPeriod, User
from clientela.crm.models.customers import Channel
from clientela.fieldsales.models import PlannedVisit, StartPoint
from clientela.fieldsales.selectors.visits import local_bounds, visit_statuses
from clientela.followup.models import PlannedContact, WorkingTime
from clientela.followup.planner import DEFAULT_WORKING_TIME
from clientela.planning.reasons import name_weekdays
from clientela.planning.routes import DistanceMatrix, Reason, Route, Stop, Unrouted, great_circle_matrix, plan_route
from clientela.planning.timetable import minute_of_day


@dataclass(frozen=True)
class DayVisit:
    """A customer to visit on the day: for how long, why, and whether the visit is logged already."""

    customer: Customer
    minutes: int
    purposes: tuple[str, ...]
    done: bool


@dataclass(frozen=True)
class Itinerary:
    """The day's visits, and their route from the salesperson's start point (None when they have none)."""

    salesperson: User
    day: date
    start_point: StartPoint | None
    working_hours: tuple[int, int]
    visits: dict[int, DayVisit]
    route: Route | None
    unrouted: tuple[Unrouted, ...]


def day_visits(*, salesperson: User, day: date) -> dict[int, DayVisit]:
    """The visits planned for the day by customer id: the visit plan's and the follow-up plan's, merged per customer."""
    first, last = local_bounds(day, day)
    found: dict[int, list[tuple[Customer, int, str, bool]]] = {}
    for status in visit_statuses(salespeople=[salesperson], start=day, end=day):
        visit = status.visit
        found.setdefault(visit.customer_id, []).append((visit.customer, visit.minutes, visit.purpose, status.done))
    planned = PlannedContact.objects.filter(salesperson=salesperson, channel=Channel.VISIT, start__gte=first, start__lt=last)
    for item in planned.select_related("customer").order_by("start", "id"):
        found.setdefault(item.customer_id, []).append((item.customer, item.minutes, item.reason, item.status == PlannedContact.Status.DONE))
    return {
        customer_id: DayVisit(
            customer=entries[0][0],
            minutes=max(minutes for _, minutes, _, _ in entries),
            purposes=tuple(dict.fromkeys(purpose for _, _, purpose, _ in entries)),
            done=any(done for *_, done in entries),
        )
        for customer_id, entries in found.items()
    }


def itinerary_for(*, salesperson: User, day: date, distances: DistanceMatrix = great_circle_matrix, time_limit: float = 1.0) -> Itinerary:
    """The day's visits in route order from the salesperson's start point and back, and the visits left out with the reason."""
    visits = day_visits(salesperson=salesperson, day=day)
    working = WorkingTime.objects.filter(user=salesperson).values(*DEFAULT_WORKING_TIME).first() or DEFAULT_WORKING_TIME
    hours = (minute_of_day(working["day_start"]), minute_of_day(working["day_end"]))
    personal = (minute_of_day(working["personal_from"]), minute_of_day(working["personal_to"]))
    start_point = StartPoint.objects.filter(user=salesperson).first()
    preferences = {p.customer_id: p for p in ContactPreference.objects.filter(customer_id__in=visits)}
    blocked = dict(
        DoNotContactPeriod.objects.filter(start__lte=day, end__gte=day, customer_id__in=visits).values_list("customer_id", "end")
    )
    stops, closed = [], []
    for customer_id, visit in visits.items():
        preference = preferences.get(customer_id)
        stop = Stop(customer_id, visit.customer.name, _location(visit.customer), visit.minutes, _window(preference, personal))
        if customer_id in blocked:
            closed.append(Unrouted(stop, Reason.WINDOW_UNREACHABLE, f"do-not-contact until {blocked[customer_id]:%Y-%m-%d}"))
        elif preference and preference.preferred_days and day.weekday() not in preference.preferred_days:
            closed.append(Unrouted(stop, Reason.WINDOW_UNREACHABLE, f"the customer takes visits on {name_weekdays(preference.preferred_days)} only"))
        else:
            stops.append(stop)
    route = None
    unrouted = tuple(closed)
    if start_point is not None:
        route = plan_route(
            stops,
            start=(start_point.latitude, start_point.longitude),
            day=hours,
            speed_kmh=start_point.speed_kmh,
            distances=distances,
            time_limit=time_limit,
        )
        unrouted += route.unrouted
    return Itinerary(salesperson, day, start_point, hours, visits, route, unrouted)


def _location(customer: Customer) -> tuple[float, float] | None:
    if customer.latitude is None or customer.longitude is None:
        return None
    return customer.latitude, customer.longitude


def _window(preference: ContactPreference | None, personal: tuple[int, int]) -> tuple[int, int] | None:
    if preference is None:
        return None
    if preference.meeting_time == ContactPreference.MeetingTime.PERSONAL:
        return personal
    if preference.preferred_from and preference.preferred_to:
        return minute_of_day(preference.preferred_from), minute_of_day(preference.preferred_to)
    return None
