"""Writes of field sales: start points, the visit plan, targets (entered, imported or spread over a year)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clientela.crm.models import Customer, Product, User
from clientela.crm.models.customers import Channel
from clientela.fieldsales.models import PlannedVisit, StartPoint, Target
from clientela.fieldsales.periods import period_span
from clientela.fieldsales.selectors.targets import monthly_sales
from clientela.fieldsales.selectors.visits import local_bounds
from clientela.followup.models import PlannedContact
from clientela.planning.seasonality import spread_by_seasonality


@transaction.atomic
def start_point_save(*, user: User, label: str, latitude: float, longitude: float, speed_kmh: int) -> StartPoint:
    """Set where the user's day of visits starts and ends, and their average speed."""
    point = StartPoint.objects.filter(user=user).first() or StartPoint(user=user)
    point.label, point.latitude, point.longitude, point.speed_kmh = label, latitude, longitude, speed_kmh
    point.full_clean()
    point.save()
    return point


def _owned(salesperson: User, customer: Customer) -> None:
    if customer.owner_id != salesperson.pk:
        raise ValidationError({"customer": f"{customer.name} is not a customer of {salesperson}"})


@transaction.atomic
def planned_visit_add(
    *, salesperson: User, customer: Customer, period: str, day: date, objective: str, purpose: str, minutes: int = 30
) -> PlannedVisit:
    """Plan a visit to one of the salesperson's customers for the year, quarter, month or day containing `day`."""
    _owned(salesperson, customer)
    if period not in PlannedVisit.Period.values:
        raise ValidationError({"period": f"expected one of {', '.join(PlannedVisit.Period.values)} (got {period!r})"})
    starts_on, ends_on = period_span(period, day)
    visit = PlannedVisit(
        salesperson=salesperson, customer=customer, period=period, starts_on=starts_on, ends_on=ends_on,
        objective=objective, purpose=purpose, minutes=minutes,
    )  # fmt: skip
    visit.full_clean()
    visit.save()
    return visit


def planned_visit_delete(*, visit: PlannedVisit) -> None:
    """Take a visit out of the plan."""
    visit.delete()


@transaction.atomic
def visits_from_followup(*, salesperson: User, start: date, end: date) -> list[PlannedVisit]:
    """Add the follow-up plan's open visits of start … end to the visit plan as dated visits (once per customer and day)."""
    first, last = local_bounds(start, end)
    planned = PlannedContact.objects.filter(
        salesperson=salesperson, channel=Channel.VISIT, status=PlannedContact.Status.PLANNED, start__gte=first, start__lt=last
    ).select_related("customer")
    existing = set(PlannedVisit.objects.filter(salesperson=salesperson, period=PlannedVisit.Period.DAY, starts_on__gte=start, starts_on__lte=end).values_list("customer_id", "starts_on"))
    added = []
    for item in planned.order_by("start", "id"):
        day = timezone.localdate(item.start)
        if (item.customer_id, day) in existing or item.customer.owner_id != salesperson.pk:
            continue
        existing.add((item.customer_id, day))
        purpose = item.reason[: PlannedVisit._meta.get_field("purpose").max_length]
        added.append(
            planned_visit_add(
                salesperson=salesperson, customer=item.customer, period=PlannedVisit.Period.DAY, day=day,
                objective=PlannedVisit.Objective.FOLLOW_UP, purpose=purpose, minutes=item.minutes,
            )  # fmt: skip
        )
    return added


@transaction.atomic
def target_save(
    *,
    salesperson: User,
    year: int,
    month: int,
    customer: Customer | None = None,
    product: Product | None = None,
    family: str = "",
    amount_cents: int | None = None,
    units: int | None = None,
) -> Target:
    """Set the target of a salesperson's month for a customer (or all theirs) and a product, a family or all; replaces the same scope's."""
    if customer is not None:
        _owned(salesperson, customer)
    target = Target.objects.filter(
        salesperson=salesperson, customer=customer, product=product, family=family, year=year, month=month
    ).first() or Target(salesperson=salesperson, customer=customer, product=product, family=family, year=year, month=month)
    target.amount_cents, target.units = amount_cents, units
    target.full_clean(validate_constraints=False)
    _check_target(target)
    target.save()
    return target


def _check_target(target: Target) -> None:
    """The model's check constraints, with the messages a user understands."""
    if target.amount_cents is None and target.units is None:
        raise ValidationError({"amount_cents": "give an amount, units or both"})
    if target.product_id and target.family:
        raise ValidationError({"family": "give a product or a product family, not both"})


@transaction.atomic
def target_year_spread(
    *,
    salesperson: User,
    year: int,
    customer: Customer | None = None,
    product: Product | None = None,
    family: str = "",
    amount_cents: int | None = None,
    units: int | None = None,
) -> list[Target]:
    """Set a yearly target as twelve monthly targets in proportion to the same scope's sales the year before.

    Without sales the year before, the year is spread evenly (see `spread_by_seasonality`).
    """
    if amount_cents is None and units is None:
        raise ValidationError({"amount_cents": "give an amount, units or both"})
    if (amount_cents or 0) < 0 or (units or 0) < 0:
        raise ValidationError({"amount_cents": "a target must not be negative"})
    amounts, quantities = monthly_sales(
        salesperson_id=salesperson.pk, customer_id=customer.pk if customer else None, product_id=product.pk if product else None, family=family, year=year - 1
    )
    by_month_amount = spread_by_seasonality(amount_cents, amounts) if amount_cents is not None else [None] * 12
    by_month_units = spread_by_seasonality(units, quantities) if units is not None else [None] * 12
    return [
        target_save(
            salesperson=salesperson, year=year, month=month, customer=customer, product=product, family=family,
            amount_cents=by_month_amount[month - 1], units=by_month_units[month - 1],
        )  # fmt: skip
        for month in range(1, 13)
    ]
