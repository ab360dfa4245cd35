"""Customers at risk: an unread at-risk alert about them, or a probability alive below the threshold in the latest fit."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from clientela.crm.models import Alert, Customer
from clientela.retention.models import ChurnFit, CustomerPrediction
from clientela.retention.selectors.fits import latest_fit, retention_settings


@dataclass(frozen=True)
class AtRisk:
    """Customers at risk (by probability alive, lowest first; then by name) and the fit their predictions come from."""

    customers: QuerySet[Customer]
    fit: ChurnFit | None
    threshold: float


def at_risk_customers(*, customers: QuerySet[Customer], today: date) -> AtRisk:
    """The customers (not lost) with an unread at-risk alert or a probability alive below the threshold.

    Each carries `p_alive` and `expected_value_cents` from the latest fit on or before `today`,
    the `alert` message, and its purchase rhythm (`rhythm`).
    """
    settings = retention_settings()
    fit = latest_fit(on_or_before=today)
    alerts = Alert.objects.filter(kind=Alert.Kind.AT_RISK, read_at__isnull=True)
    at_risk = Q(pk__in=alerts.values("customer"))
    if fit is not None:
        predictions = CustomerPrediction.objects.filter(fit=fit, customer=OuterRef("pk"))
        at_risk |= Q(pk__in=CustomerPrediction.objects.filter(fit=fit, p_alive__lt=settings.at_risk_threshold).values("customer"))
        customers = customers.annotate(
            p_alive=Subquery(predictions.values("p_alive")), expected_value_cents=Subquery(predictions.values("expected_value_cents"))
        )
    listed = (
        customers.exclude(status=Customer.Status.LOST)
        .filter(at_risk)
        .annotate(alert=Subquery(alerts.filter(customer=OuterRef("pk")).order_by("-created_at", "-id").values("message")[:1]))
        .select_related("owner", "rhythm")
    )
    ordering = (F("p_alive").asc(nulls_last=True), "name", "id") if fit is not None else ("name", "id")
    return AtRisk(listed.order_by(*ordering), fit, settings.at_risk_threshold)
