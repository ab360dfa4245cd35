"""Reads of the follow-up discipline: each customer's policy, compliance, overdue customers, effect of contacts."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.db.models import Case, Count, Exists, IntegerField, Max, Min, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from clientela.crm.models import Customer, Team, Transaction, User
from clientela.followup.current_policies import PERIOD_DAYS, customer_policies_refresh, interval_days, policies_in_order
from clientela.followup.models import ContactLog, PlannedContact, Policy, UnplannedContact


@dataclass(frozen=True)
class FollowedCustomer:
    """A customer with the policy they follow: the most demanding among their current classes."""

    customer: Customer
    scheme: str
    class_label: str
    policy: Policy


def _with_policy(customers: QuerySet[Customer], policies: list[Policy], *, required: bool = True) -> QuerySet[Customer]:
    """`customers` annotated with `policy_index`: the position in `policies` of their current policy (the most demanding
    among their current classes, stored); only those that follow one unless `required` is False (None for the others)."""
    customer_policies_refresh(policies=policies)
    index = Case(*(When(current_policy__policy=policy.pk, then=Value(n)) for n, policy in enumerate(policies)), output_field=IntegerField())
    annotated = customers.annotate(policy_index=index)
    return annotated.filter(policy_index__isnull=False) if required else annotated


def followed_customers(customers: QuerySet[Customer]) -> list[FollowedCustomer]:
    """The customers of `customers` that have a policy for one of their current classes."""
    policies = policies_in_order()
    return [
        FollowedCustomer(customer, policies[customer.policy_index].scheme, policies[customer.policy_index].class_label, policies[customer.policy_index])
        for customer in _with_policy(customers, policies).order_by("pk")
    ]


def last_contacts(customer_ids: list[int], before: datetime | None = None) -> dict[int, datetime]:
    """When each customer was last contacted (before `before` when given)."""
    logs = ContactLog.objects.filter(customer_id__in=customer_ids)
    if before is not None:
        logs = logs.filter(at__lt=before)
    return dict(logs.values("customer_id").annotate(last=Max("at")).values_list("customer_id", "last"))


@dataclass(frozen=True)
class ClassCompliance:
    """Contacts done against contacts required for one class in a period."""

    scheme: str
    class_label: str
    customers: int
    required: float
    done: float
    contacts: int

    @property
    def rate(self) -> float | None:
        """done / required (each customer's surplus does not make up for another's gap)."""
        return self.done / self.required if self.required else None


def compliance(*, customers: QuerySet[Customer], start: date, end: date) -> list[ClassCompliance]:
    """Compliance per class for the dates start … end (inclusive)."""
    policies = policies_in_order()
    return _class_compliance(_compliance_counts(customers, policies, start, end, today=end), policies, (end - start).days + 1)


def _compliance_counts(
    customers: QuerySet[Customer], policies: list[Policy], start: date, end: date, today: date, *group_by: str
) -> list[dict[str, Any]]:
    """The followed customers counted in the database by `group_by` fields, `policy_index` (see `_with_policy`),
    `made`: their contacts in start … end, and `late`: the longest policy interval they are overdue for on `today` (0: none).

    Each customer's policy is looked up once: the rest is added up in Python from a few rows per policy.
    """
    first, after = _day_bounds(start, end)
    made = ContactLog.objects.filter(customer=OuterRef("pk"), at__gte=first, at__lt=after).values("customer").annotate(n=Count("pk")).values("n")
    last = ContactLog.objects.filter(customer=OuterRef("pk")).order_by("-at").values("at")[:1]
    return list(
        _with_policy(customers, policies, required=False)
        .annotate(made=Coalesce(Subquery(made), 0), last_contact=Subquery(last))
        .annotate(late=_longest_interval_overdue(policies, today))
        .values(*group_by, "policy_index", "made", "late")
        .annotate(customers=Count("pk"))
        .order_by()
    )


def _longest_interval_overdue(policies: list[Policy], today: date) -> Case:
    """The longest policy interval (in days) such that the customer's last contact (annotated `last_contact`), or else the
    day they became a customer, is more than that many days before `today`; 0 when none is."""
    whens = []
    for days in sorted({interval_days(policy) for policy in policies}, reverse=True):
        day = today - timedelta(days=days)
        moment = _day_bounds(day, day)[0]
        since = Q(customer_since__lt=day) | Q(customer_since__isnull=True, created_at__lt=moment)
        whens.append(When(Q(last_contact__lt=moment) | Q(last_contact__isnull=True) & since, then=Value(days)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _class_compliance(counts: Iterable[dict[str, Any]], policies: list[Policy], days: int) -> list[ClassCompliance]:
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0])
    for count in counts:
        if count["policy_index"] is None:
            continue
        policy, customers, made = policies[count["policy_index"]], count["customers"], count["made"]
        required = policy.contacts * days / PERIOD_DAYS[Policy.Period(policy.period)]
        total = totals[(policy.scheme, policy.class_label)]
        total[0] += customers
        total[1] += customers * required
        total[2] += customers * min(made, required)
        total[3] += customers * made
    return [
        ClassCompliance(scheme, label, int(n), required, done, int(contacts))
        for (scheme, label), (n, required, done, contacts) in sorted(totals.items())
    ]


def _day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return datetime.combine(start, datetime.min.time(), zone), datetime.combine(end + timedelta(days=1), datetime.min.time(), zone)


@dataclass(frozen=True)
class OverdueCustomer:
    """A customer whose next contact is past due."""

    customer: Customer
    class_label: str
    last_contact: datetime | None
    days_since_contact: int | None
    days_overdue: int


def overdue_customers(*, customers: QuerySet[Customer], today: date) -> list[OverdueCustomer]:
    """Customers not contacted within their policy's interval, most overdue first.

    A customer never contacted is overdue since they became a customer (or since the interval
    after their record was created).
    """
    followed = followed_customers(customers)
    return _overdue(followed, last_contacts([f.customer.pk for f in followed]), today)


def _overdue(followed: list[FollowedCustomer], last: dict[int, datetime], today: date) -> list[OverdueCustomer]:
    result = []
    for item in followed:
        contacted = last.get(item.customer.pk)
        since = timezone.localdate(contacted) if contacted else (item.customer.customer_since or timezone.localdate(item.customer.created_at))
        overdue = (today - since).days - interval_days(item.policy)
        if overdue > 0:
            days_since = (today - timezone.localdate(contacted)).days if contacted else None
            result.append(OverdueCustomer(item.customer, item.class_label, contacted, days_since, overdue))
    return sorted(result, key=lambda row: (-row.days_overdue, row.customer.pk))


@dataclass(frozen=True)
class SalespersonCompliance:
    """One salesperson's compliance per class and number of overdue customers."""

    salesperson: User
    classes: list[ClassCompliance]
    overdue: int


def compliance_by_salesperson(
    *, customers: QuerySet[Customer], start: date, end: date, today: date, salespeople: Sequence[User] | None = None
) -> list[SalespersonCompliance]:
    """Compliance and overdue customers per owner of `customers` (by username), counted in one query whatever the number
    of owners; with `salespeople`, for those in that order, counting only their customers (a page of them)."""
    if salespeople is None:
        people: Sequence[User] = list(compliance_salespeople(customers=customers))
    else:
        people, customers = salespeople, customers.filter(owner__in=[person.pk for person in salespeople])
    policies = policies_in_order()
    by_owner: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for count in _compliance_counts(customers, policies, start, end, today, "owner_id"):
        by_owner[count["owner_id"]].append(count)
    days = (end - start).days + 1
    return [
        SalespersonCompliance(person, _class_compliance(by_owner[person.pk], policies, days), _overdue_count(by_owner[person.pk], policies))
        for person in people
    ]


def compliance_salespeople(*, customers: QuerySet[Customer], team: Team | None = None) -> QuerySet[User]:
    """The owners of `customers` (the members of `team` only, when given) by username: the rows of the compliance page."""
    # IN, not EXISTS per user: a supervisor's customers are themselves an IN over users, which SQLite re-reads for each user.
    owners = User.objects.filter(pk__in=customers.values("owner_id")).order_by("username")
    return owners if team is None else owners.filter(team=team)


def compliance_teams(*, customers: QuerySet[Customer]) -> QuerySet[Team]:
    """The teams with a member who owns one of `customers`: the choices of the compliance page's team filter."""
    return Team.objects.filter(Exists(customers.filter(owner__team=OuterRef("pk"))))


def _overdue_count(counts: Iterable[dict[str, Any]], policies: list[Policy]) -> int:
    return sum(
        count["customers"] for count in counts if count["policy_index"] is not None and interval_days(policies[count["policy_index"]]) <= count["late"]
    )


@dataclass(frozen=True)
class FollowupEffect:
    """Orders and revenue in the N days after the contacts of a period against the N days before."""

    days: int
    contacts: int
    orders_before: int
    orders_after: int
    revenue_before_cents: int
    revenue_after_cents: int


def followup_effect(
    *, customers: QuerySet[Customer], start: date, end: date, today: date | None = None, horizons: tuple[int, ...] = (30, 60, 90)
) -> list[FollowupEffect]:
    """For every contact in start … end: the customer's orders and revenue in the N days after it vs the N days before.

    Only contacts whose N days after have passed by `today` count for N, so recent contacts do
    not look like a drop in sales.
    """
    today = today or timezone.localdate()
    first, last = _day_bounds(start, end)
    contacts = list(ContactLog.objects.filter(customer__in=customers, at__gte=first, at__lt=last).values_list("customer_id", "at"))
    widest = max(horizons)
    sales: dict[int, list[tuple[date, str, int]]] = defaultdict(list)
    for customer_id, day, document, amount in Transaction.objects.filter(
        customer_id__in={customer_id for customer_id, _ in contacts},
        date__gte=start - timedelta(days=widest),
        date__lte=end + timedelta(days=widest),
    ).values_list("customer_id", "date", "document_id", "amount_cents"):
        sales[customer_id].append((day, document, amount))
    effects = []
    for days in horizons:
        before_orders = after_orders = before_revenue = after_revenue = counted = 0
        for customer_id, at in contacts:
            day = timezone.localdate(at)
            if day + timedelta(days=days) > today:
                continue
            counted += 1
            before = [(d, doc, amount) for d, doc, amount in sales[customer_id] if day - timedelta(days=days) <= d < day]
            after = [(d, doc, amount) for d, doc, amount in sales[customer_id] if day <= d < day + timedelta(days=days)]
            before_orders += len({doc for _, doc, _ in before})
            after_orders += len({doc for _, doc, _ in after})
            before_revenue += sum(amount for *_, amount in before)
            after_revenue += sum(amount for *_, amount in after)
        effects.append(FollowupEffect(days, counted, before_orders, after_orders, before_revenue, after_revenue))
    return effects


def prospects_converted(*, customers: QuerySet[Customer], start: date, end: date) -> int:
    """Customers whose first purchase fell in start … end and who had been contacted by then."""
    first_purchase = dict(
        Transaction.objects.filter(customer__in=customers)
        .values("customer_id")
        .annotate(first=Min("date"))
        .values_list("customer_id", "first")
    )
    converted = [pk for pk, first in first_purchase.items() if start <= first <= end]
    first_contact = dict(
        ContactLog.objects.filter(customer_id__in=converted)
        .values("customer_id")
        .annotate(first=Min("at"))
        .values_list("customer_id", "first")
    )
    return sum(1 for pk in converted if pk in first_contact and timezone.localdate(first_contact[pk]) <= first_purchase[pk])


AgendaRow = TypeVar("AgendaRow", PlannedContact, UnplannedContact)


@dataclass(frozen=True)
class AgendaDay:
    """One day of the agenda."""

    day: date
    items: list[PlannedContact]


@dataclass(frozen=True)
class Agenda:
    """My week: what is overdue, each day from today, and what could not be planned."""

    overdue: list[PlannedContact]
    days: list[AgendaDay]
    unplanned: list[UnplannedContact]


def agenda_for(*, user: User, today: date, days: int = 7) -> Agenda:
    """The user's planned contacts: overdue ones first (left open from before today, or planned this week
    for a customer already past due), then today and the next days."""
    first, last = _day_bounds(today, today + timedelta(days=days - 1))
    open_items = PlannedContact.objects.filter(salesperson=user, status=PlannedContact.Status.PLANNED, start__lt=last)
    overdue: list[PlannedContact] = []
    by_day: dict[date, list[PlannedContact]] = defaultdict(list)
    for item in _with_customer_name(open_items):
        if item.start < first or item.overdue_days > 0:
            overdue.append(item)
        else:
            by_day[timezone.localdate(item.start)].append(item)
    return Agenda(
        overdue=overdue,
        days=[AgendaDay(today + timedelta(days=n), by_day[today + timedelta(days=n)]) for n in range(days)],
        unplanned=list(_with_customer_name(UnplannedContact.objects.filter(salesperson=user))),
    )


def _with_customer_name(rows: QuerySet[AgendaRow]) -> QuerySet[AgendaRow]:
    """The rows with their customer's name and no other column of it: the agenda shows only the name, of a few hundred customers."""
    return rows.select_related("customer").only(*(field.name for field in rows.model._meta.concrete_fields), "customer__name")


def customer_contact_logs(*, customer: Customer) -> QuerySet[ContactLog]:
    """The contacts logged with a customer, newest first, with who made them."""
    return ContactLog.objects.filter(customer=customer).select_related("salesperson")


def customer_next_contact(*, customer: Customer) -> PlannedContact | None:
    """The customer's next open planned contact (an overdue one first), with its salesperson."""
    return (
        PlannedContact.objects.filter(customer=customer, status=PlannedContact.Status.PLANNED)
        .select_related("salesperson")
        .order_by("start", "id")
        .first()
    )
