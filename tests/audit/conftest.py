"""Audit fixtures: the events of one object type, newest first."""

from collections.abc import Callable

import pytest

from clientela.audit.models import AuditEvent

Events = Callable[[str], list[AuditEvent]]


@pytest.fixture
def events(db) -> Events:
    """events("crm.customer") → that type's events, newest first."""
    return lambda object_type: list(AuditEvent.objects.filter(object_type=object_type))
