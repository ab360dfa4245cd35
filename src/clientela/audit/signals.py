"""Record every create, update and delete of the audited models: a snapshot before save, the differences after.

Bulk writes (imports, scheme runs, re-planning) bypass model signals; their services record one
summary event each instead (`clientela.audit.services.audit_record`).
"""

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from clientela.audit.models import AuditEvent
from clientela.audit.services import audit_record
from clientela.crm.models import Customer

AUDITED = (
    # The customer file
    "crm.Customer",
    "crm.CustomerProfile",
    "crm.Contact",
    "crm.ContactPreference",
    "crm.DoNotContactPeriod",
    "greetings.OptOut",
    "receivables.CreditTerms",
    # Follow-up
    "followup.ContactLog",
    "followup.GroupActivity",
    "followup.Policy",
    "followup.WorkingTime",
    "followup.Absence",
    "fieldsales.PlannedVisit",
    # Settings
    "crm.Tag",
    "crm.User",
    "crm.Team",
    "crm.CustomFieldDefinition",
    "crm.Region",
    "crm.RegionHoliday",
    "segmentation.Scheme",
    "greetings.GreetingTemplate",
    "receivables.BonusPlan",
    "receivables.BonusRate",
    "retention.RetentionSettings",
    "fieldsales.Target",
    "fieldsales.StartPoint",
)
# Bookkeeping fields whose change alone is not worth an event; a customer's version moves with every event of its file.
IGNORED = frozenset({"created_at", "updated_at", "last_login", "date_joined"})
IGNORED_OF_CUSTOMER = frozenset({"version"})
# Recorded as changed, never with their values.
MASKED = frozenset({"password"})
HIDDEN = "••••••"
BEFORE = "_audit_before"


def _fields(model: type[models.Model]) -> list[models.Field]:
    ignored = IGNORED | IGNORED_OF_CUSTOMER if model is Customer else IGNORED
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in ignored]


def _customer_id(instance: models.Model) -> int | None:
    return instance.pk if isinstance(instance, Customer) else getattr(instance, "customer_id", None)


def _shown(field: models.Field, value: Any, instance: models.Model | None = None) -> Any:
    """A value as the trail keeps it: related records by name (the instance's own when loaded), secrets hidden."""
    if field.name in MASKED:
        return HIDDEN if value else ""
    if field.is_relation and value is not None:
        loaded = field.get_cached_value(instance, default=None) if instance is not None else None
        related = loaded if loaded is not None and loaded.pk == value else field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else value
    return value


def _snapshot(sender: type[models.Model], instance: models.Model, raw: bool = False, update_fields: Any = None, **kwargs: Any) -> None:
    if raw or instance._state.adding or instance.pk is None:
        return
    names = [f.attname for f in _fields(sender) if update_fields is None or f.name in update_fields or f.attname in update_fields]
    setattr(instance, BEFORE, sender._base_manager.filter(pk=instance.pk).values(*names).first() if names else {})


def _saved(sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    before = instance.__dict__.pop(BEFORE, None)
    if created or before is None:
        changes = {
            f.name: [None, _shown(f, value, instance)] for f in _fields(sender) if (value := getattr(instance, f.attname)) not in (None, "", [], {})
        }
        action = AuditEvent.Action.CREATE
    else:
        changes = {
            f.name: [_shown(f, before[f.attname]), _shown(f, getattr(instance, f.attname), instance)]
            for f in _fields(sender)
            if f.attname in before and before[f.attname] != getattr(instance, f.attname)
        }
        if not changes:
            return
        action = AuditEvent.Action.UPDATE
    audit_record(action=action, model=sender, object_id=instance.pk, customer_id=_customer_id(instance), summary=str(instance), changes=changes)


def _deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    changes = {f.name: [_shown(f, value, instance), None] for f in _fields(sender) if (value := getattr(instance, f.attname)) not in (None, "", [], {})}
    audit_record(
        action=AuditEvent.Action.DELETE, model=sender, object_id=instance.pk, customer_id=_customer_id(instance), summary=str(instance), changes=changes
    )


def _groups(customer: Customer) -> list[str]:
    return sorted(customer.tags.values_list("name", flat=True))


def _groups_changed(instance: models.Model, action: str, reverse: bool, **kwargs: Any) -> None:
    """A customer's groups, before and after, on each add, remove or clear from the customer's side."""
    if reverse or not isinstance(instance, Customer):
        return
    if action.startswith("pre_"):
        setattr(instance, BEFORE, _groups(instance))
    elif (before := instance.__dict__.pop(BEFORE, None)) is not None and before != (after := _groups(instance)):
        audit_record(
            action=AuditEvent.Action.UPDATE,
            model=Customer,
            object_id=instance.pk,
            customer_id=instance.pk,
            summary=str(instance),
            changes={"tags": [before, after]},
        )


def audited_models_connect() -> None:
    """Connect the recorders to every audited model."""
    for label in AUDITED:
        model = apps.get_model(label)
        uid = f"audit-{label}"
        pre_save.connect(_snapshot, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_groups_changed, sender=Customer.tags.through, dispatch_uid="audit-customer-tags")


def audited_models_disconnect() -> None:
    """Disconnect the recorders (benchmarks/audit.py measures the app without them as its baseline)."""
    for label in AUDITED:
        model = apps.get_model(label)
        uid = f"audit-{label}"
        for signal in (pre_save, post_save, post_delete):
            signal.disconnect(sender=model, dispatch_uid=uid)
    m2m_changed.disconnect(sender=Customer.tags.through, dispatch_uid="audit-customer-tags")
