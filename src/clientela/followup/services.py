"""Writes of the follow-up discipline: policies, the contact log, group activities, calendar feeds."""

from collections.abc import Sequence
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clientela.crm.models import Customer, User
from clientela.crm.models.customers import Channel
from clientela.crm.selectors.customers import customers_visible_to
from clientela.followup.current_policies import customer_policies_refresh
from clientela.followup.models import CalendarFeed, ContactLog, GroupActivity, PlannedContact, Policy


@transaction.atomic
def policy_save(*, scheme: str, class_label: str, contacts: int, period: str, channel: str, minutes: int, priority: int, active: bool = True) -> Policy:
    """Create or edit the policy of a class; a change of any rule bumps its version, and the customers' current policies follow."""
    policy = Policy.objects.select_for_update().filter(scheme=scheme, class_label=class_label).first() or Policy(
        scheme=scheme, class_label=class_label, version=0
    )
    rules = {"contacts": contacts, "period": period, "channel": channel, "minutes": minutes, "priority": priority, "active": active}
    if policy.version and all(getattr(policy, name) == value for name, value in rules.items()):
        return policy
    for name, value in rules.items():
        setattr(policy, name, value)
    policy.version += 1
    policy.updated_at = timezone.now()
    policy.full_clean()
    policy.save()
    customer_policies_refresh()
    return policy


def _visible_customer(user: User, customer: Customer) -> None:
    if not customers_visible_to(user).filter(pk=customer.pk).exists():
        raise ValidationError({"customer": f"{customer.name} is not one of your customers"})


@transaction.atomic
def contact_log(
    *,
    user: User,
    customer: Customer,
    at: datetime,
    channel: str,
    minutes: int,
    purpose: str,
    outcome: str,
    next_step: str = "",
    next_step_on: date | None = None,
    notes: str = "",
    planned: PlannedContact | None = None,
) -> ContactLog:
    """Log a contact made by `user`; a planned contact it fulfils (given, or the customer's next open one) is marked done.

    The caller re-plans the salesperson afterwards (`plan_refresh`), which reschedules this customer.
    """
    _visible_customer(user, customer)
    if planned is None:
        planned = PlannedContact.objects.filter(customer=customer, status=PlannedContact.Status.PLANNED).order_by("start").first()
    elif planned.customer_id != customer.pk:
        raise ValidationError({"planned": "the planned contact is for another customer"})
    log = ContactLog(
        customer=customer,
        salesperson=user,
        at=at,
        channel=channel,
        minutes=minutes,
        purpose=purpose,
        outcome=outcome,
        next_step=next_step,
        next_step_on=next_step_on,
        notes=notes,
        planned=planned,
    )
    log.full_clean()
    log.save()
    if planned is not None:
        planned.status = PlannedContact.Status.DONE
        planned.save(update_fields=["status"])
    return log


@transaction.atomic
def group_activity_log(
    *, user: User, kind: str, title: str, at: datetime, minutes: int, attendees: Sequence[Customer], notes: str = ""
) -> GroupActivity:
    """Log a training, trip or promotion event once; it counts as a contact for every attending customer."""
    attendees = list(dict.fromkeys(attendees))  # one contact per attendee, even when named twice
    if not attendees:
        raise ValidationError({"attendees": "a group activity needs at least one attending customer"})
    for customer in attendees:
        _visible_customer(user, customer)
    activity = GroupActivity(salesperson=user, kind=kind, title=title, at=at, minutes=minutes, notes=notes)
    activity.full_clean()
    activity.save()
    activity.attendees.set(attendees)
    ContactLog.objects.bulk_create(
        ContactLog(
            customer=customer,
            salesperson=user,
            at=at,
            channel=Channel.VISIT,
            minutes=minutes,
            # Cut to the purpose's length: bulk_create skips validation, and PostgreSQL refuses longer text.
            purpose=f"{activity.get_kind_display()}: {title}"[: ContactLog._meta.get_field("purpose").max_length],
            outcome=ContactLog.Outcome.REACHED,
            notes=notes,
            group_activity=activity,
        )
        for customer in attendees
    )
    return activity


@transaction.atomic
def calendar_feed_create(*, user: User) -> CalendarFeed:
    """A new secret feed address; the previous ones are revoked."""
    calendar_feed_revoke(user=user)
    return CalendarFeed.objects.create(user=user)


def calendar_feed_revoke(*, user: User) -> int:
    """Revoke every feed address of the user; return how many were live."""
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
