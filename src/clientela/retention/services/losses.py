"""Lost customers: marked by a person or detected, explained with a reason, recovered when they buy again."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from clientela.crm.models import Customer, Transaction, User
from clientela.engine.window import months_before
from clientela.retention.models import CustomerLoss, CustomerLossClass, CustomerRhythm, LossReason
from clientela.retention.selectors.classes import classes_at
from clientela.segmentation.services import BATCH_SIZE

# The reasons a person gives; "unknown" is what a detected loss has until then.
GIVEN_REASONS = tuple(reason for reason in LossReason.values if reason != LossReason.UNKNOWN)


def _reason_checked(reason: str, reason_text: str) -> tuple[str, str]:
    if reason not in GIVEN_REASONS:
        raise ValidationError({"reason": f'"{reason}" is not a reason for a loss; expected one of {", ".join(GIVEN_REASONS)}'})
    text = reason_text.strip()
    if reason == LossReason.OTHER and not text:
        raise ValidationError({"reason_text": "say in words why the customer was lost (the reason is “other”)"})
    return reason, text


@transaction.atomic
def customer_mark_lost(*, customer: Customer, user: User, reason: str, reason_text: str = "", on: date | None = None) -> CustomerLoss:
    """Record that `user` marks a customer lost on a day (default today) for a reason; its status becomes lost."""
    reason, text = _reason_checked(reason, reason_text)
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError({"on": f"the day of the loss {on} is in the future"})
    if customer.status == Customer.Status.PROSPECT:
        raise ValidationError(f"{customer.name} is a prospect, not a customer: a prospect cannot be lost")
    rhythm = CustomerRhythm.objects.filter(customer=customer).first()
    last_purchase = Transaction.objects.filter(customer=customer, date__lte=on, amount_cents__gt=0).order_by("-date").values_list("date", flat=True).first()
    loss = CustomerLoss(
        customer=customer,
        lost_on=on,
        how=CustomerLoss.How.MARKED,
        reason=reason,
        reason_text=text,
        recorded_by=user,
        reason_by=user,
        last_purchase_on=last_purchase,
        usual_gap_days=None if rhythm is None else rhythm.usual_gap_days,
    )
    losses_record(losses=[loss])
    return loss


def losses_record(*, losses: list[CustomerLoss]) -> None:
    """Store new losses with the revenue of the 12 months before each and the classes at its day; the customers' status becomes lost.

    ValidationError when a customer is lost already (and has not bought again since).
    """
    customers = {loss.customer_id: loss.customer for loss in losses}
    current = CustomerLoss.objects.filter(customer__in=list(customers), recovered_on__isnull=True).first()
    if current is not None:
        raise ValidationError(f"{customers[current.customer_id].name} is already lost (since {current.lost_on})")
    for loss in losses:
        revenue = Transaction.objects.filter(customer_id=loss.customer_id, date__gt=months_before(loss.lost_on, 12), date__lte=loss.lost_on)
        loss.revenue_12m_cents = revenue.aggregate(total=Sum("amount_cents"))["total"] or 0
        loss.full_clean(validate_constraints=False)  # the one open loss per customer was checked above, for all at once
    CustomerLoss.objects.bulk_create(losses, batch_size=BATCH_SIZE)
    classes = classes_at(days={loss.customer_id: loss.lost_on for loss in losses})
    CustomerLossClass.objects.bulk_create(
        (CustomerLossClass(loss=loss, scheme_name=name, label=label) for loss in losses for name, label in classes.get(loss.customer_id, {}).items()),
        batch_size=BATCH_SIZE,
    )
    customers_status_set(customer_ids=list(customers), status=Customer.Status.LOST)


@transaction.atomic
def customer_loss_explain(*, loss: CustomerLoss, user: User, reason: str, reason_text: str = "") -> CustomerLoss:
    """Give or change the reason of a loss (a detected loss starts as unknown)."""
    loss.reason, loss.reason_text = _reason_checked(reason, reason_text)
    loss.reason_by = user
    loss.full_clean()
    loss.save(update_fields=["reason", "reason_text", "reason_by"])
    return loss


@transaction.atomic
def losses_recover(*, as_of: date) -> int:
    """Close the losses of customers who bought again after them (up to `as_of`); their status becomes active again.

    A loss is recovered on the first day after it with a sales line of a positive amount.
    """
    first_after = Transaction.objects.filter(customer=OuterRef("customer"), date__gt=OuterRef("lost_on"), date__lte=as_of, amount_cents__gt=0)
    open_losses = CustomerLoss.objects.filter(recovered_on__isnull=True).annotate(
        back_on=Subquery(first_after.order_by("date").values("date")[:1])
    )
    recovered = list(open_losses.filter(back_on__isnull=False).values_list("pk", "customer_id", "back_on"))
    for pk, _, back_on in recovered:
        CustomerLoss.objects.filter(pk=pk).update(recovered_on=back_on)
    customers_status_set(customer_ids=[customer for _, customer, _ in recovered], status=Customer.Status.ACTIVE)
    return len(recovered)


def customers_status_set(*, customer_ids: Iterable[int], status: str) -> None:
    """Set the status of customers: lost, or active again (only those lost: an inactive customer stays inactive)."""
    customers = Customer.objects.filter(pk__in=list(customer_ids))
    if status == Customer.Status.ACTIVE:
        customers = customers.filter(status=Customer.Status.LOST)
    customers.update(status=status, updated_at=timezone.now())
