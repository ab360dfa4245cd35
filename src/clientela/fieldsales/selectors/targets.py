"""Targets against actual sales: each target with the sales of its scope, and totals per salesperson, team or region.

Actual sales come from the transactions: for a target with a customer, that customer's sales; for
a target without one, the sales of every customer the salesperson owns now. A product target
counts that product, a family target the family's products, otherwise every product. Targets
are meant not to overlap (a salesperson-wide target and a customer's target of the same month
both count that customer's sales). Amount and units are compared separately: only targets with
an amount count in the amount totals, only targets with units in the unit totals.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext as _

from clientela.crm.models import Transaction
from clientela.fieldsales.models import Target
from clientela.fieldsales.periods import month_end, months_between

SalesRow = tuple[int, int | None, str, int, int]  # customer, product, family, amount cents, units


def targets_between(start: date, end: date) -> Q:
    """Targets of the months from `start` to `end` (partly covered months included)."""
    query = Q(pk__in=[])
    for year, month in months_between(start, end):
        query |= Q(year=year, month=month)
    return query


@dataclass(frozen=True)
class TargetLine:
    """A target (prorated to the days of its month inside the period) and the actual sales of its scope there."""

    target: Target
    target_cents: int | None
    target_units: int | None
    actual_cents: int
    actual_units: int


def target_lines(*, targets: QuerySet[Target], start: date, end: date) -> list[TargetLine]:
    """The targets of start … end with their actual sales in it, in two queries.

    A month only partly inside the period gets the share of its target for the days inside
    (rounded half up to whole cents and units), and the sales of those days.
    """
    targets = list(targets.filter(targets_between(start, end)).select_related("salesperson__team", "customer__region", "product"))
    if not targets:
        return []
    people = {t.salesperson_id for t in targets}
    customers = {t.customer_id for t in targets if t.customer_id}
    by_owner: dict[tuple[int, int, int], list[SalesRow]] = defaultdict(list)
    by_customer: dict[tuple[int, int, int], list[SalesRow]] = defaultdict(list)
    sales = (
        Transaction.objects.filter(date__gte=start, date__lte=end)
        .filter(Q(customer__owner_id__in=people) | Q(customer_id__in=customers))
        .values("customer_id", "customer__owner_id", "product_id", "product__family", year=ExtractYear("date"), month=ExtractMonth("date"))
        .annotate(amount=Sum("amount_cents"), quantity=Sum("units"))
        .order_by()
    )
    for row in sales:
        line = (row["customer_id"], row["product_id"], row["product__family"] or "", row["amount"] or 0, row["quantity"] or 0)
        by_customer[(row["year"], row["month"], row["customer_id"])].append(line)
        if row["customer__owner_id"] is not None:
            by_owner[(row["year"], row["month"], row["customer__owner_id"])].append(line)
    lines = []
    for target in targets:
        rows = by_customer[(target.year, target.month, target.customer_id)] if target.customer_id else by_owner[(target.year, target.month, target.salesperson_id)]
        matching = [r for r in rows if _in_scope(target, r)]
        inside, days = _days_of_month_inside(target, start, end)
        lines.append(
            TargetLine(
                target=target,
                target_cents=None if target.amount_cents is None else _prorate(target.amount_cents, inside, days),
                target_units=None if target.units is None else _prorate(target.units, inside, days),
                actual_cents=sum(r[3] for r in matching),
                actual_units=sum(r[4] for r in matching),
            )
        )
    return lines


def _in_scope(target: Target, row: SalesRow) -> bool:
    if target.product_id:
        return row[1] == target.product_id
    return not target.family or row[2] == target.family


def _days_of_month_inside(target: Target, start: date, end: date) -> tuple[int, int]:
    first = date(target.year, target.month, 1)
    last = month_end(first)
    return (min(last, end) - max(first, start)).days + 1, last.day


def _prorate(value: int, inside: int, days: int) -> int:
    """value × inside / days, rounded half up (exact integer arithmetic)."""
    return (2 * value * inside + days) // (2 * days)


@dataclass(frozen=True)
class PlanVsActual:
    """Targets against actual sales for one salesperson, team or region, with the gap."""

    label: str
    target_cents: int
    actual_cents: int
    target_units: int
    actual_units: int

    @property
    def gap_cents(self) -> int:
        """Actual minus target: negative while short of the target."""
        return self.actual_cents - self.target_cents

    @property
    def gap_units(self) -> int:
        return self.actual_units - self.target_units

    @property
    def fulfilment(self) -> float | None:
        """Actual / target amount (None without an amount target)."""
        return self.actual_cents / self.target_cents if self.target_cents else None

    @property
    def units_fulfilment(self) -> float | None:
        return self.actual_units / self.target_units if self.target_units else None


GROUPINGS = ("salesperson", "team", "region")


def line_group(line: TargetLine, by: str) -> str:
    """The salesperson, team or region a target line is counted under."""
    target = line.target
    if by == "salesperson":
        return str(target.salesperson)
    if by == "team":
        return target.salesperson.team.name if target.salesperson.team else _("(no team)")
    if by == "region":
        if not target.customer_id:
            return _("(salesperson-wide targets)")
        return target.customer.region.name if target.customer.region else _("(no region)")
    raise ValueError(f"unknown grouping {by!r}; expected one of {', '.join(GROUPINGS)}")


def plan_vs_actual(lines: list[TargetLine], by: str) -> list[PlanVsActual]:
    """Totals per salesperson, team or region; a region is the customer's, salesperson-wide targets have their own row."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for line in lines:
        total = totals[line_group(line, by)]
        if line.target_cents is not None:
            total[0] += line.target_cents
            total[1] += line.actual_cents
        if line.target_units is not None:
            total[2] += line.target_units
            total[3] += line.actual_units
    return [PlanVsActual(label, *values) for label, values in sorted(totals.items())]


def monthly_sales(*, salesperson_id: int, customer_id: int | None, product_id: int | None, family: str, year: int) -> tuple[list[int], list[int]]:
    """A target scope's sales (cents, units) in each month of `year`, January to December."""
    scope = Q(customer_id=customer_id) if customer_id else Q(customer__owner_id=salesperson_id)
    if product_id:
        scope &= Q(product_id=product_id)
    elif family:
        scope &= Q(product__family=family)
    amounts, units = [0] * 12, [0] * 12
    rows = (
        Transaction.objects.filter(scope, date__year=year)
        .values(month=ExtractMonth("date"))
        .annotate(amount=Sum("amount_cents"), quantity=Sum("units"))
        .order_by()
    )
    for row in rows:
        amounts[row["month"] - 1] = row["amount"] or 0
        units[row["month"] - 1] = row["quantity"] or 0
    return amounts, units
