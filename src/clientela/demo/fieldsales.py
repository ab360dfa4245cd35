"""The demo's field sales: each salesperson's office, tomorrow's visits, a visit plan for the year, and this year's targets.

Each salesperson's office is in the town where most of their customers are. Tomorrow's visits go
to customers near the office who take visits on tomorrow's weekday within the working day; when
tomorrow is a day no customer prefers (a weekend), the nearest customers are made to take visits
that day too, so that the demo always has a route to show. Targets are last year's sales of each product family plus
5 %, spread over the months by last year's seasonality.
"""

import random
from collections import Counter
from datetime import date, time, timedelta

from django.db.models import Sum

from clientela.crm.models import ContactPreference, Customer, Transaction, User
from clientela.demo.company import REGIONS
from clientela.fieldsales.models import PlannedVisit
from clientela.fieldsales.periods import period_span
from clientela.fieldsales.services import planned_visit_add, start_point_save, target_year_spread
from clientela.planning.routes import great_circle_metres

VISITS_TOMORROW = 5
NEAREST = 12  # tomorrow's visits are drawn from the customers nearest the office
LAST_VISIT_START = time(15)  # the default working day ends at 17:00: room for a visit and the drive
GROWTH = 1.05
SPEED_KMH = 50
PURPOSES = {
    PlannedVisit.Objective.ORDER: "summer order and stock check",
    PlannedVisit.Objective.PRODUCTS: "present the new craft range",
    PlannedVisit.Objective.PROMOTION: "set up the terrace promotion",
    PlannedVisit.Objective.COLLECTION: "collect the overdue invoices",
    PlannedVisit.Objective.RELATIONSHIP: "yearly review with the owner",
}


def fieldsales_demo(*, seed: int, end: date) -> None:
    """Write start points, visit plans (tomorrow's visits included) and targets for every salesperson; `end` is today."""
    rng = random.Random(seed)
    towns = {town.name: town for region in REGIONS for town in region.towns}
    for person in User.objects.filter(role=User.Role.SALESPERSON).order_by("username"):
        customers = list(Customer.objects.filter(owner=person, status=Customer.Status.ACTIVE, latitude__isnull=False).select_related("preference").order_by("id"))
        if customers:
            town = towns[Counter(c.city for c in customers).most_common(1)[0][0]]
            office = (town.latitude, town.longitude)
            start_point_save(user=person, label=f"Office {town.name}", latitude=town.latitude, longitude=town.longitude, speed_kmh=SPEED_KMH)
            _visit_plan(rng, person, sorted(customers, key=lambda c: great_circle_metres(office, (c.latitude, c.longitude))), end)
        _targets(person, end.year)


def _visit_plan(rng: random.Random, person: User, customers: list[Customer], end: date) -> None:
    """Tomorrow's visits, a few visits for the year, quarter and month, and dated visits earlier this month; `customers` nearest first."""
    tomorrow = end + timedelta(days=1)
    open_tomorrow = [c for c in customers if _takes_visits(c, tomorrow)][:NEAREST]
    pool = open_tomorrow if len(open_tomorrow) >= VISITS_TOMORROW else customers[:NEAREST]
    chosen = rng.sample(pool, min(VISITS_TOMORROW, len(pool)))
    for customer in chosen:
        preference = getattr(customer, "preference", None)
        if preference is not None and preference.preferred_days and tomorrow.weekday() not in preference.preferred_days:
            ContactPreference.objects.filter(pk=preference.pk).update(preferred_days=sorted({*preference.preferred_days, tomorrow.weekday()}))
        objective = rng.choice(list(PURPOSES))
        planned_visit_add(salesperson=person, customer=customer, period="day", day=tomorrow, objective=objective, purpose=PURPOSES[objective], minutes=rng.choice((30, 45)))
    for period, count in (("year", 3), ("quarter", 3), ("month", 6)):
        for customer in rng.sample(customers, min(count, len(customers))):
            objective = rng.choice(list(PURPOSES))
            planned_visit_add(salesperson=person, customer=customer, period=period, day=end, objective=objective, purpose=PURPOSES[objective])
    first, _ = period_span("month", end)
    for day in sorted({first + timedelta(days=rng.randrange((end - first).days + 1)) for _ in range(4)}):
        customer = rng.choice(customers)
        planned_visit_add(salesperson=person, customer=customer, period="day", day=day, objective=PlannedVisit.Objective.ORDER, purpose=PURPOSES[PlannedVisit.Objective.ORDER])


def _takes_visits(customer: Customer, day: date) -> bool:
    preference = getattr(customer, "preference", None)
    if preference is None:
        return True
    personal = preference.meeting_time == ContactPreference.MeetingTime.PERSONAL
    too_late = preference.preferred_from is not None and preference.preferred_from > LAST_VISIT_START
    return not personal and not too_late and (not preference.preferred_days or day.weekday() in preference.preferred_days)


def _targets(person: User, year: int) -> None:
    last_year = (
        Transaction.objects.filter(customer__owner=person, date__year=year - 1)
        .exclude(product__family="")
        .values_list("product__family")
        .annotate(total=Sum("amount_cents"))
        .order_by("product__family")
    )
    for family, total in last_year:
        if total and total > 0:
            target_year_spread(salesperson=person, year=year, family=family, amount_cents=int(round(total * GROWTH, -4)))
