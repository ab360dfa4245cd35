"""Writes of the audit trail: one event per change of an audited record, one per bulk operation."""

from collections.abc import Mapping
from typing import Any

from django.db import models

from clientela.audit.actors import current_actor
from clientela.audit.models import AuditEvent

SUMMARY_LENGTH = AuditEvent._meta.get_field("summary").max_length


def object_type_of(model: type[models.Model]) -> str:
    """The object type an event names: "app_label.model_name"."""
    return model._meta.label_lower


def audit_record(
    *,
    action: str,
    model: type[models.Model],
    summary: str,
    object_id: object = "",
    customer_id: int | None = None,
    changes: Mapping[str, list[Any]] | None = None,
) -> AuditEvent:
    """Append an event by the current actor; `changes` maps field names to [before, after]."""
    actor = current_actor()
    return AuditEvent.objects.create(
        actor=actor.user,
        actor_label=actor.label,
        action=action,
        object_type=object_type_of(model),
        object_id="" if object_id is None else str(object_id),
        customer_id=customer_id,
        summary=summary[:SUMMARY_LENGTH],
        changes=dict(changes or {}),
    )
