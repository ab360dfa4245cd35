"""Customers at risk or lost: open alerts of those kinds, and customers whose status is lost."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from clientela.crm.models import Alert, Customer
from clientela.dashboards.selectors.scope import Scope, in_scope

RISK_KINDS = (Alert.Kind.AT_RISK, Alert.Kind.CUSTOMER_LOST)
LISTED = 50


@dataclass(frozen=True)
class AtRisk:
    """The first open alerts (newest first) and lost customers (by name) in scope, and how many there are."""

    alerts: list[Alert]
    alerts_count: int
    lost: list[Customer]
    lost_count: int


def risk_alerts(*, scope: Scope, since: date | None) -> QuerySet[Alert]:
    """Unread at-risk and lost alerts about customers in scope, raised on or after `since`, newest first."""
    alerts = in_scope(Alert.objects.filter(kind__in=RISK_KINDS, read_at__isnull=True), scope)
    if since is not None:
        # From the start of that day, not by the date of each alert: SQLite would compute every alert's date in Python.
        alerts = alerts.filter(created_at__gte=datetime.combine(since, time.min, tzinfo=timezone.get_current_timezone()))
    return alerts.select_related("customer__owner").order_by("-created_at", "-id")


def lost_customers(*, scope: Scope) -> QuerySet[Customer]:
    """Customers in scope whose status is lost, by name."""
    return scope.customers.filter(status=Customer.Status.LOST).select_related("owner", "region").order_by("name", "id")


def at_risk(*, scope: Scope, since: date | None, listed: int = LISTED) -> AtRisk:
    """The at-risk and lost lists over the customers in scope."""
    alerts, lost = risk_alerts(scope=scope, since=since), lost_customers(scope=scope)
    return AtRisk(alerts=list(alerts[:listed]), alerts_count=alerts.count(), lost=list(lost[:listed]), lost_count=lost.count())
