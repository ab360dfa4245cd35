"""Reads of the audit trail: a customer's history, the filtered trail for admins, the last change of a customer."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone

from clientela.audit.models import AuditEvent
from clientela.crm.models import Customer


def customer_history(*, customer: Customer) -> QuerySet[AuditEvent]:
    """Every event about a customer and its file (profile, contacts, preferences, contacts logged, …), newest first."""
    return AuditEvent.objects.filter(customer_id=customer.pk)


def customer_last_change(*, customer: Customer, object_types: Collection[str]) -> AuditEvent | None:
    """The latest event about the customer among those object types ("crm.contact", …), or None."""
    return customer_history(customer=customer).filter(object_type__in=list(object_types)).first()


@dataclass(frozen=True)
class TrailFilter:
    """What the admin's audit page narrows the trail to; None or blank: no narrowing."""

    actor: int | None = None
    object_type: str = ""
    action: str = ""
    customer: str = ""
    start: date | None = None
    end: date | None = None


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_events(*, where: TrailFilter) -> QuerySet[AuditEvent]:
    """The trail narrowed by `where`, newest first; `customer` matches an external id exactly or a name in part."""
    events = AuditEvent.objects.select_related("customer")
    if where.actor is not None:
        events = events.filter(actor_id=where.actor)
    if where.object_type:
        events = events.filter(object_type=where.object_type)
    if where.action:
        events = events.filter(action=where.action)
    if where.customer:
        matching = Customer.objects.filter(Q(external_id=where.customer) | Q(name__icontains=where.customer))
        events = events.filter(customer_id__in=matching.values("pk"))
    if where.start is not None:
        events = events.filter(at__gte=_day_start(where.start))
    if where.end is not None:
        events = events.filter(at__lt=_day_start(date.fromordinal(where.end.toordinal() + 1)))
    return events


def object_types() -> list[tuple[str, str]]:
    """The object types in the trail, with their (translated) names, for a filter."""
    types = AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct()
    return sorted(((name, str(object_type_name(name))) for name in types), key=lambda pair: pair[1])


def _model(object_type: str) -> Any:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_type_name(object_type: str) -> Any:
    """The translated name of an object type ("crm.customer" → "customer")."""
    model = _model(object_type)
    return model._meta.verbose_name if model is not None else object_type


def field_label(object_type: str, field: str) -> Any:
    """The translated label of a field of an object type; the name itself for fields no longer there."""
    model = _model(object_type)
    try:
        return model._meta.get_field(field).verbose_name if model is not None else field
    except FieldDoesNotExist:
        return field


def _value(model: Any, field: str, value: Any) -> Any:
    """A stored value as shown: choices by their translated label."""
    if model is None or value is None:
        return value
    try:
        choices = dict(model._meta.get_field(field).flatchoices)
    except (FieldDoesNotExist, AttributeError):
        return value
    return choices.get(value, value) if not isinstance(value, list | dict) else value


@dataclass(frozen=True)
class Change:
    label: Any
    before: Any
    after: Any


def changes_shown(event: AuditEvent) -> list[Change]:
    """The changes of an event with translated field labels and choice labels."""
    model = _model(event.object_type)
    return [
        Change(field_label(event.object_type, field), _value(model, field, before), _value(model, field, after))
        for field, (before, after) in event.changes.items()
    ]
