"""Reads of the customer file, always through what the user may see (SPEC S9)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404

from clientela.crm.models import Customer, Payment, Transaction, User


def sees_every_customer(user: User) -> bool:
    """Whether a user may see every customer (an admin)."""
    return user.is_superuser or user.role == User.Role.ADMIN


def customers_visible_to(user: User) -> QuerySet[Customer]:
    """Customers a user may see: admins all, supervisors their teams', salespeople their own."""
    customers = Customer.objects.all()
    if sees_every_customer(user):
        return customers
    if user.role == User.Role.SUPERVISOR:
        # The owners first (the supervisor and their teams' members): an OR across the join to teams scans every customer.
        return customers.filter(owner__in=User.objects.filter(Q(pk=user.pk) | Q(team__supervisor=user)))
    return customers.filter(owner=user)


@dataclass(frozen=True)
class CustomerFilters:
    """Search text and filters of the customer list; empty values do not filter."""

    search: str = ""
    region: int | None = None
    owner: int | None = None
    status: str = ""
    channel: str = ""
    tag: int | None = None


def customer_list(*, user: User, filters: CustomerFilters) -> QuerySet[Customer]:
    """The customers a user may see, filtered and searched, with owner and region joined."""
    customers = customers_visible_to(user).select_related("owner", "region")
    if filters.search:
        text = filters.search.strip()
        customers = customers.filter(Q(name__icontains=text) | Q(external_id__icontains=text) | Q(city__icontains=text))
    if filters.region:
        customers = customers.filter(region_id=filters.region)
    if filters.owner:
        customers = customers.filter(owner_id=filters.owner)
    if filters.status:
        customers = customers.filter(status=filters.status)
    if filters.channel:
        customers = customers.filter(channel=filters.channel)
    if filters.tag:
        customers = customers.filter(tags=filters.tag)
    return customers


def customer_get(*, user: User, pk: int) -> Customer:
    """One customer the user may see (404 otherwise), with its file's related records."""
    return get_object_or_404(
        customers_visible_to(user)
        .select_related("owner", "region", "profile", "preference")
        .prefetch_related("contacts", "tags", "do_not_contact_periods"),
        pk=pk,
    )


@dataclass(frozen=True)
class CustomerTotals:
    revenue_12m_cents: int
    orders_12m: int
    paid_12m_cents: int
    last_purchase: date | None
    last_payment: date | None


def customer_totals(*, customer: Customer, today: date) -> CustomerTotals:
    """Revenue, orders and payments of the last 12 months, and the last purchase and payment dates (two queries)."""
    recent = Q(date__gt=today - timedelta(days=365))
    sales = Transaction.objects.filter(customer=customer).aggregate(
        revenue=Sum("amount_cents", filter=recent), orders=Count("document_id", distinct=True, filter=recent), last=Max("date")
    )
    paid = Payment.objects.filter(customer=customer).aggregate(total=Sum("amount_cents", filter=recent), last=Max("date"))
    return CustomerTotals(
        revenue_12m_cents=sales["revenue"] or 0,
        orders_12m=sales["orders"],
        paid_12m_cents=paid["total"] or 0,
        last_purchase=sales["last"],
        last_payment=paid["last"],
    )


def portfolio_counts(*, user: User) -> dict[str, int]:
    """Customers (not prospects), prospects and lost customers among those a user may see, counted in one query."""
    prospect = Q(status=Customer.Status.PROSPECT)
    return customers_visible_to(user).aggregate(
        customers=Count("pk", filter=~prospect), prospects=Count("pk", filter=prospect), lost=Count("pk", filter=Q(status=Customer.Status.LOST))
    )


def customer_monthly_revenue(*, customer: Customer, last_month: date, months: int = 24) -> list[tuple[date, int]]:
    """Net revenue in cents of each calendar month, the `months` months up to the one of `last_month`, oldest first.

    Months without sales are there with 0.
    """
    index = last_month.year * 12 + last_month.month - 1
    firsts = [date(m // 12, m % 12 + 1, 1) for m in range(index - months + 1, index + 1)]
    rows = (
        Transaction.objects.filter(customer=customer, date__gte=firsts[0], date__lt=_next_month(firsts[-1]))
        .annotate(month=TruncMonth("date"))
        .values_list("month")
        .annotate(revenue=Sum("amount_cents"))
        .order_by()
    )
    revenue = {month: total for month, total in rows}
    return [(first, revenue.get(first, 0)) for first in firsts]


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)
