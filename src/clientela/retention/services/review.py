"""The monthly retention review, after the segmentation runs: purchase rhythms, recovered and lost customers, at-risk alerts."""

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, timedelta

import ibis
from django.db import transaction

from clientela.crm.models import Alert, Customer
from clientela.crm.services.bulk import bulk_upsert
from clientela.retention.models import CustomerLoss, CustomerPrediction, CustomerRhythm, RetentionSettings
from clientela.retention.rhythm import purchase_rhythm
from clientela.retention.selectors.classes import class_labels, important_classes
from clientela.retention.selectors.fits import latest_fit, retention_settings
from clientela.retention.services.losses import losses_record, losses_recover
from clientela.retention.silence import lost_after_days, silent_too_long
from clientela.segmentation.services import BATCH_SIZE, app_database


@dataclass(frozen=True)
class Rhythm:
    """A customer's purchase rhythm as the review reads it (see `clientela.retention.rhythm`)."""

    last_purchase: date
    purchase_days: int
    usual_gap: float | None


@dataclass(frozen=True)
class ReviewResult:
    """What a review did: losses closed because the customer bought again, losses detected, at-risk alerts raised."""

    recovered: int
    lost: int
    at_risk: int


def retention_review(*, as_of: date, source: ibis.BaseBackend | None = None) -> ReviewResult:
    """Review every customer as of a month end (after the segmentation runs of that date).

    The engine reads the transactions from `source` (default: the app database). In order:
    store each customer's purchase rhythm; close the losses of customers who bought again;
    detect the customers lost by silence (`lost_after_days`) and alert their owners; alert the
    owners of important customers at risk (`at_risk_reasons`), unless an unread at-risk alert
    about the customer is still there.
    """
    settings = retention_settings()
    with nullcontext(source) if source is not None else app_database() as database:
        rows = purchase_rhythm(database.table("transactions"), as_of=as_of).to_pyarrow().to_pylist()
    with transaction.atomic():
        rhythms = _rhythms_store(as_of, rows)
        recovered = losses_recover(as_of=as_of)
        lost = _losses_detect(as_of, rhythms, settings)
        at_risk = _at_risk_alert(as_of, rhythms, settings)
    return ReviewResult(recovered, lost, at_risk)


def _rhythms_store(as_of: date, rows: list[dict]) -> dict[int, Rhythm]:
    CustomerRhythm.objects.all().delete()
    bulk_upsert(
        CustomerRhythm,
        fields=("customer", "as_of", "last_purchase_on", "purchase_days", "usual_gap_days"),
        rows=((row["customer_id"], as_of, row["last_purchase"], row["purchase_days"], row["usual_gap"]) for row in rows),
        unique_fields=("customer",),
        update_fields=(),
        batch_size=BATCH_SIZE,
    )
    return {row["customer_id"]: Rhythm(row["last_purchase"], row["purchase_days"], row["usual_gap"]) for row in rows}


def _losses_detect(as_of: date, rhythms: dict[int, Rhythm], settings: RetentionSettings) -> int:
    """Record the customers silent past `lost_after_days` (not lost already) as lost on the day they passed it, and alert their owners."""
    lost_already = CustomerLoss.objects.filter(recovered_on__isnull=True).values("customer")
    losses = []
    for customer in Customer.objects.exclude(status=Customer.Status.PROSPECT).exclude(pk__in=lost_already).only("id", "name", "owner_id"):
        rhythm = rhythms.get(customer.pk)
        if rhythm is None:
            continue
        lost_on = rhythm.last_purchase + timedelta(days=lost_after_days(rhythm.usual_gap, factor=settings.lost_factor, min_days=settings.lost_min_days))
        if lost_on <= as_of:
            losses.append(
                CustomerLoss(customer=customer, lost_on=lost_on, how=CustomerLoss.How.DETECTED, last_purchase_on=rhythm.last_purchase, usual_gap_days=rhythm.usual_gap)
            )
    losses_record(losses=losses)
    alerts = [
        Alert(recipient_id=loss.customer.owner_id, customer=loss.customer, kind=Alert.Kind.CUSTOMER_LOST, message=_lost_message(loss))
        for loss in losses
        if loss.customer.owner_id is not None
    ]
    Alert.objects.bulk_create(alerts, batch_size=BATCH_SIZE)
    return len(losses)


def _days(days: float) -> str:
    return f"{days:g} day" if days == 1 else f"{days:g} days"


def _lost_message(loss: CustomerLoss) -> str:
    usual = "" if loss.usual_gap_days is None else f", usual gap {_days(loss.usual_gap_days)}"
    silent = (loss.lost_on - loss.last_purchase_on).days
    return (
        f"{loss.customer.name} is lost as of {loss.lost_on}: no purchase for {_days(silent)} since {loss.last_purchase_on}{usual}. "
        "Find out why and record the reason on the lost customers page"
    )


def at_risk_reasons(*, p_alive: float | None, rhythm: Rhythm | None, as_of: date, settings: RetentionSettings) -> str:
    """Why a customer is at risk, with the numbers ("" when it is not).

    At risk: a probability alive below the threshold, or silent for longer than the silence
    factor × its usual gap and at least the minimum days (`silent_too_long`). The message gives the probability when it is
    below, and the days since the last purchase day with the usual gap.
    """
    below = p_alive is not None and p_alive < settings.at_risk_threshold
    silent = None if rhythm is None else (as_of - rhythm.last_purchase).days
    quiet = rhythm is not None and silent_too_long(silent, rhythm.usual_gap, factor=settings.silence_factor, min_days=settings.at_risk_min_days)
    if not (below or quiet):
        return ""
    reasons = [f"p(alive) {p_alive:.2f} < {settings.at_risk_threshold:.2f}"] if below else []
    if rhythm is not None:
        usual = "" if rhythm.usual_gap is None else f", usual gap {_days(rhythm.usual_gap)}"
        reasons.append(f"last purchase {_days(silent)} ago{usual}")
    return "; ".join(reasons)


def _at_risk_alert(as_of: date, rhythms: dict[int, Rhythm], settings: RetentionSettings) -> int:
    """Alert the owners of important customers (not lost) at risk, unless an unread at-risk alert about them is still there."""
    important = important_classes(as_of=as_of)
    fit = latest_fit(on_or_before=as_of)
    p_alive = {} if fit is None else dict(CustomerPrediction.objects.filter(fit=fit, customer__in=important.values("customer")).values_list("customer_id", "p_alive"))
    alerted = Alert.objects.filter(kind=Alert.Kind.AT_RISK, read_at__isnull=True).values("customer")
    customers = Customer.objects.filter(pk__in=important.values("customer"), owner__isnull=False).exclude(status=Customer.Status.LOST).exclude(pk__in=alerted)
    classes = class_labels(important)
    alerts = []
    for pk, name, owner in customers.values_list("id", "name", "owner_id"):
        reasons = at_risk_reasons(p_alive=p_alive.get(pk), rhythm=rhythms.get(pk), as_of=as_of, settings=settings)
        if reasons:
            message = f"{name} ({', '.join(classes[pk])}) is at risk as of {as_of}: {reasons}"
            alerts.append(Alert(recipient_id=owner, customer_id=pk, kind=Alert.Kind.AT_RISK, message=message))
    Alert.objects.bulk_create(alerts, batch_size=BATCH_SIZE)
    return len(alerts)
