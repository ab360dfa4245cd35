"""The audit trail is append-only: refused by the model, the admin and, for any client, the database itself."""

import pytest
from django.contrib.admin.sites import site
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory

from clientela.audit.models import AuditEvent, AuditEventRefused
from clientela.audit.services import audit_record
from clientela.crm.models import Customer


@pytest.fixture
def event(db) -> AuditEvent:
    return audit_record(action=AuditEvent.Action.RUN, model=Customer, summary="Imported 3 customers", changes={"rows": [None, 3]})


def test_an_event_cannot_be_changed_or_deleted_through_the_model(event):
    event.summary = "rewritten"
    with pytest.raises(AuditEventRefused, match="append-only"):
        event.save()
    with pytest.raises(AuditEventRefused, match="append-only"):
        event.delete()
    assert AuditEvent.objects.get().summary == "Imported 3 customers"


def test_the_database_refuses_update_through_the_orm(event):
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(summary="rewritten")
    assert AuditEvent.objects.get().summary == "Imported 3 customers"


def test_the_database_refuses_delete_through_the_orm(event):
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 1


def test_the_database_refuses_update_and_delete_in_raw_sql(event):
    for statement in ("UPDATE audit_events SET summary = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AuditEvent.objects.get().summary == "Imported 3 customers"


def test_the_admin_shows_events_read_only(event, admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    admin = site._registry[AuditEvent]
    assert admin.has_view_permission(request, event)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request, event)
    assert not admin.has_delete_permission(request, event)


@pytest.mark.django_db(transaction=True)
def test_emptying_the_whole_database_lifts_the_triggers_only_for_that_and_puts_them_back():
    audit_record(action=AuditEvent.Action.RUN, model=Customer, summary="before the flush")
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    audit_record(action=AuditEvent.Action.RUN, model=Customer, summary="after the flush")
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="only PostgreSQL has TRUNCATE (the PostgreSQL run of the suite checks it)")
def test_postgresql_refuses_truncate_of_the_audit_table(event):
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_events")
    assert AuditEvent.objects.count() == 1
