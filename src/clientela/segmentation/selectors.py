"""Reads of segmentation results, through what the user may see (SPEC S9)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery

from clientela.crm.models import Alert, Customer, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot


def customer_classes_current(*, customer: Customer) -> QuerySet[CustomerClass]:
    """The customer's class in the latest snapshot of each active scheme, with its explanation, by scheme name."""
    latest = Snapshot.objects.filter(scheme=OuterRef("snapshot__scheme")).order_by("-as_of", "-version").values("pk")[:1]
    return (
        CustomerClass.objects.filter(customer=customer, snapshot__scheme__active=True, snapshot=Subquery(latest))
        .select_related("snapshot__scheme")
        .order_by("snapshot__scheme__name")
    )


def class_changes_list(*, scheme: Scheme, since: date, user: User | None = None) -> QuerySet[ClassChange]:
    """Class changes of a scheme on or after `since`, newest first; only of the customers `user` may see when given."""
    changes = ClassChange.objects.filter(scheme=scheme, on__gte=since).select_related("customer")
    return changes if user is None else changes.filter(customer__in=customers_visible_to(user))


def alerts_for(*, user: User, unread_only: bool = False) -> QuerySet[Alert]:
    """The user's alerts, newest first, leaving out those about customers they may no longer see."""
    alerts = Alert.objects.filter(recipient=user).filter(Q(customer__isnull=True) | Q(customer__in=customers_visible_to(user)))
    if unread_only:
        alerts = alerts.filter(read_at__isnull=True)
    return alerts.select_related("customer")


@dataclass(frozen=True)
class ClassPeriod:
    """A run of snapshots of one scheme in which the customer kept the same class."""

    label: str
    start: date
    end: date
    snapshots: int


@dataclass(frozen=True)
class SchemeHistory:
    """A customer's classes in one scheme over time, oldest period first."""

    scheme: str
    periods: list[ClassPeriod]


def customer_class_history(*, customer: Customer) -> list[SchemeHistory]:
    """The customer's class in every snapshot of each scheme, as periods of the same class (one query).

    When a scheme has snapshots of several versions for a date, the newest version counts.
    """
    rows = (
        CustomerClass.objects.filter(customer=customer)
        .order_by("snapshot__scheme__name", "snapshot__as_of", "-snapshot__version")
        .values_list("snapshot__scheme__name", "snapshot__as_of", "label")
    )
    history: dict[str, list[ClassPeriod]] = {}
    seen: set[tuple[str, date]] = set()
    for scheme, as_of, label in rows:
        if (scheme, as_of) in seen:
            continue
        seen.add((scheme, as_of))
        periods = history.setdefault(scheme, [])
        if periods and periods[-1].label == label:
            last = periods[-1]
            periods[-1] = ClassPeriod(label, last.start, as_of, last.snapshots + 1)
        else:
            periods.append(ClassPeriod(label, as_of, as_of, 1))
    return [SchemeHistory(scheme, periods) for scheme, periods in history.items()]


def customer_class_changes(*, customer: Customer) -> QuerySet[ClassChange]:
    """The customer's recorded class changes, newest first, with their scheme."""
    return ClassChange.objects.filter(customer=customer).select_related("scheme")

