"""Show audit events: object types and field labels translated, values readable."""

import json
from typing import Any

from django import template
from django.utils.translation import gettext as _

from clientela.audit import selectors
from clientela.audit.models import AuditEvent

register = template.Library()


@register.filter
def object_type_name(object_type: str) -> Any:
    """The translated name of an event's object type."""
    return selectors.object_type_name(object_type)


@register.filter
def changes_shown(event: AuditEvent) -> list[selectors.Change]:
    """The event's changes with translated labels."""
    return selectors.changes_shown(event)


@register.filter
def audit_value(value: Any) -> str:
    """A before or after value as text; a dash for nothing."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
