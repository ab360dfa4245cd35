"""Writes: bulk greetings by e-mail or SMS, and opt-outs."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from clientela.crm.models import Contact, Customer, Tag, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.greetings.models import Channel, GreetingSend, Occasion, OptOut
from clientela.greetings.selectors import Recipient, SkipReason, greetings_preview
from clientela.greetings.sms import SmsGateway, sms_gateway

Status = GreetingSend.Status


@dataclass(frozen=True)
class SendResult:
    """What happened to one recipient of a bulk greeting."""

    recipient: Recipient
    status: GreetingSend.Status
    detail: str


def _delivery_failure(recipient: Recipient, gateway: SmsGateway | None) -> str:
    """Send one greeting (by SMS when a gateway is given, else by e-mail); return why it failed, or ""."""
    if gateway is not None:
        result = gateway.send(recipient.address, recipient.body)
        return "" if result.ok else result.detail
    try:
        EmailMessage(recipient.subject, recipient.body, to=[recipient.address]).send()
    except OSError as error:  # smtplib.SMTPException (refused recipient, …) and connection errors
        return f"{type(error).__name__}: {error}"
    return ""


@transaction.atomic
def _greet(recipient: Recipient, *, user: User, occasion: Occasion, occasion_date: date, channel: Channel, gateway: SmsGateway | None) -> SendResult:
    """Claim the contact's row of the send log (locked until commit), send unless already sent, record the outcome."""
    record, _ = GreetingSend.objects.select_for_update().get_or_create(
        contact=recipient.contact,
        channel=channel,
        occasion=occasion,
        occasion_date=occasion_date,
        defaults={"customer": recipient.customer, "status": Status.FAILED, "sent_at": timezone.now()},
    )
    if record.status == Status.SENT:
        return SendResult(recipient, Status.SKIPPED, SkipReason.ALREADY_SENT)
    if recipient.skip_reason is not None:
        status, detail = Status.SKIPPED, str(recipient.skip_reason)
    else:
        failure = _delivery_failure(recipient, gateway)
        status, detail = (Status.FAILED, failure) if failure else (Status.SENT, "")
    record.customer = recipient.customer
    record.template = recipient.template
    record.recipient = recipient.address
    record.status, record.detail = status, detail
    record.sent_by = user
    record.sent_at = timezone.now()
    record.full_clean()
    record.save()
    return SendResult(recipient, status, detail)


def greetings_send(
    *,
    user: User,
    occasion: Occasion,
    occasion_date: date,
    channel: Channel,
    group: Tag | None = None,
    customers: Iterable[Customer] | None = None,
) -> list[SendResult]:
    """Send the greetings `greetings_preview` shows (same arguments) and log each outcome.

    Each recipient is sent and logged in its own transaction, so a failure or a crash keeps the
    outcomes already logged: a re-run skips who was sent ("already sent") and retries the rest.
    """
    gateway = sms_gateway() if channel == Channel.SMS else None
    recipients = greetings_preview(
        user=user, occasion=occasion, occasion_date=occasion_date, channel=channel, group=group, customers=customers
    )
    return [
        _greet(recipient, user=user, occasion=occasion, occasion_date=occasion_date, channel=channel, gateway=gateway)
        for recipient in recipients
    ]


@transaction.atomic
def opt_out_create(*, user: User, contact: Contact, channel: Channel) -> OptOut:
    """Stop greetings to `contact` on `channel` (idempotent); only for contacts of customers `user` may see."""
    if not customers_visible_to(user).filter(pk=contact.customer_id).exists():
        raise ValidationError({"contact": f"{contact.name} is not a contact of your customers"})
    opt_out = OptOut.objects.filter(contact=contact, channel=channel).first()
    if opt_out is None:
        opt_out = OptOut(contact=contact, channel=channel)
        opt_out.full_clean()
        opt_out.save()
    return opt_out
