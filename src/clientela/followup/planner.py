"""Re-plan a salesperson's follow-up: the database read into the pure scheduler, its plan written back."""

from collections import Counter
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from clientela.audit.models import AuditEvent
from clientela.audit.services import audit_record
from clientela.crm.models import ContactPreference, Customer, DoNotContactPeriod, User
from clientela.followup.models import Absence, PlannedContact, UnplannedContact, WorkingTime
from clientela.followup.selectors import FollowedCustomer, followed_customers, last_contacts
from clientela.planning import model as core
from clientela.planning.policies import Policy as CorePolicy
from clientela.planning.scheduler import plan_followups

# Used when a salesperson has no working time recorded.
DEFAULT_WORKING_TIME = {"working_days": [0, 1, 2, 3, 4], "day_start": time(9), "day_end": time(17), "personal_from": time(18), "personal_to": time(20)}
WEEKS = 8


def capacity_of(salesperson: User, start: date, weeks: int) -> core.Capacity:
    """The salesperson's working days and hours, with their absences as holidays."""
    working = WorkingTime.objects.filter(user=salesperson).values(*DEFAULT_WORKING_TIME).first() or DEFAULT_WORKING_TIME
    holidays = set()
    for absence in Absence.objects.filter(user=salesperson, last_day__gte=start, first_day__lte=start + timedelta(weeks=weeks)):
        holidays.update(absence.first_day + timedelta(days=n) for n in range((absence.last_day - absence.first_day).days + 1))
    return core.Capacity(
        working_days=frozenset(working["working_days"]),
        day_start=working["day_start"],
        day_end=working["day_end"],
        timezone=timezone.get_current_timezone(),
        holidays=frozenset(holidays),
        personal_window=(working["personal_from"], working["personal_to"]),
    )


def _policy_keys(followed: list[FollowedCustomer]) -> dict[tuple[str, str], str]:
    """The scheduler's class label for each (scheme, class): the class alone unless two schemes share it."""
    shared = Counter(label for _, label in {(f.scheme, f.class_label) for f in followed})
    return {(f.scheme, f.class_label): f.class_label if shared[f.class_label] == 1 else f"{f.class_label} ({f.scheme})" for f in followed}


def _customers_to_plan(followed: list[FollowedCustomer], keys: dict[tuple[str, str], str]) -> list[core.CustomerToPlan]:
    ids = [f.customer.pk for f in followed]
    last = last_contacts(ids)
    preferences = {p.customer_id: p for p in ContactPreference.objects.filter(customer_id__in=ids)}
    blocked: dict[int, list[tuple[date, date]]] = {}
    for period in DoNotContactPeriod.objects.filter(customer_id__in=ids):
        blocked.setdefault(period.customer_id, []).append((period.start, period.end))
    result = []
    for item in followed:
        preference = preferences.get(item.customer.pk)
        hours = ((preference.preferred_from, preference.preferred_to),) if preference and preference.preferred_from and preference.preferred_to else ()
        result.append(
            core.CustomerToPlan(
                customer_id=item.customer.pk,
                name=item.customer.name,
                class_label=keys[(item.scheme, item.class_label)],
                last_contact=last.get(item.customer.pk),
                preferred_days=frozenset(preference.preferred_days) if preference else frozenset(),
                preferred_hours=hours,
                personal_time=bool(preference and preference.meeting_time == ContactPreference.MeetingTime.PERSONAL),
                formal=not (preference and preference.meeting_style == ContactPreference.MeetingStyle.SHORT),
                do_not_contact=tuple(blocked.get(item.customer.pk, ())),
            )
        )
    return result


@transaction.atomic
def plan_refresh(*, salesperson: User, start: date, weeks: int = WEEKS) -> core.Plan:
    """Plan the salesperson's customers for `weeks` weeks from `start`, replacing their open planned contacts."""
    followed = followed_customers(Customer.objects.filter(owner=salesperson).exclude(status=Customer.Status.LOST))
    keys = _policy_keys(followed)
    policies = {
        keys[(f.scheme, f.class_label)]: CorePolicy(
            class_label=keys[(f.scheme, f.class_label)],
            contacts=f.policy.contacts,
            period=f.policy.period,
            channel=f.policy.channel,
            minutes=f.policy.minutes,
            priority=f.policy.priority,
        )
        for f in followed
    }
    plan = plan_followups(_customers_to_plan(followed, keys), policies, capacity_of(salesperson, start, weeks), start, weeks)
    replaced, _ = PlannedContact.objects.filter(salesperson=salesperson, status=PlannedContact.Status.PLANNED).delete()
    UnplannedContact.objects.filter(salesperson=salesperson).delete()
    PlannedContact.objects.bulk_create(
        PlannedContact(
            salesperson=salesperson,
            customer_id=item.customer_id,
            start=item.start,
            minutes=item.minutes,
            channel=item.channel,
            class_label=item.class_label,
            due=item.due,
            overdue_days=item.overdue_days,
            reason=item.reason,
        )
        for item in plan.items
    )
    UnplannedContact.objects.bulk_create(
        UnplannedContact(salesperson=salesperson, customer_id=gap.customer_id, due=gap.due, reason=gap.reason) for gap in plan.unplanned
    )
    # One event per re-planning, not per planned contact.
    audit_record(
        action=AuditEvent.Action.RUN,
        model=PlannedContact,
        summary=f"Planned {len(plan.items):,} contacts of {salesperson.get_username()} from {start} ({len(plan.unplanned):,} could not be planned)",
        changes={"planned": [replaced, len(plan.items)], "unplanned": [None, len(plan.unplanned)]},
    )
    return plan
