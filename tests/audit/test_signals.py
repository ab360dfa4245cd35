"""Every audited write path records who did what, when, with each changed field before and after."""

from datetime import date, time

import pytest
from django.utils import timezone

from clientela.audit.actors import acting_as
from clientela.audit.models import AuditEvent
from clientela.crm.models import Customer, Tag, User
from clientela.crm.services.contacts import (
    contact_create,
    contact_delete,
    contact_preference_update,
    contact_update,
    do_not_contact_create,
    do_not_contact_delete,
)
from clientela.crm.services.customers import customer_create, customer_groups_set, customer_profile_update, customer_update, customers_upsert
from clientela.crm.services.groups import group_delete, group_save
from clientela.crm.services.users import user_update
from clientela.fieldsales.models import PlannedVisit
from clientela.fieldsales.services import planned_visit_add, planned_visit_delete
from clientela.followup.services import contact_log, policy_save
from clientela.segmentation.services import scheme_save

Action = AuditEvent.Action


def test_creating_a_customer_records_its_fields_and_the_user(salesperson, events):
    with acting_as("web", user=salesperson):
        customer = customer_create(external_id="C9", name="Bar Nueve", owner=salesperson, city="Lugo")
    [event] = events("crm.customer")
    assert (event.action, event.actor, event.actor_label, event.customer_id, event.object_id) == (Action.CREATE, salesperson, "ana", customer.pk, str(customer.pk))
    assert event.changes["name"] == [None, "Bar Nueve"]
    assert event.changes["city"] == [None, "Lugo"]
    assert event.changes["owner"] == [None, "ana"]  # related records by name
    assert "version" not in event.changes and "updated_at" not in event.changes
    assert abs((timezone.now() - event.at).total_seconds()) < 60


def test_updating_a_customer_records_only_the_fields_that_changed(customer, other_salesperson, events):
    with acting_as("web", user=other_salesperson):
        customer_update(customer=customer, data={"name": "Bar Uno Nuevo", "city": "", "status": Customer.Status.LOST})
    event = events("crm.customer")[0]
    assert (event.action, event.actor_label) == (Action.UPDATE, "bruno")
    assert event.changes == {"name": ["Bar Uno", "Bar Uno Nuevo"], "status": ["active", "lost"]}


def test_a_save_that_changes_nothing_records_nothing(customer, events):
    before = len(events("crm.customer"))
    customer_update(customer=customer, data={"name": "Bar Uno"})
    assert len(events("crm.customer")) == before


def test_outside_a_request_or_the_cli_the_system_is_the_actor(customer, events):
    customer_update(customer=customer, data={"phone": "555"})
    assert (events("crm.customer")[0].actor, events("crm.customer")[0].actor_label) == (None, "system")
    with acting_as("cli"):
        customer_update(customer=customer, data={"phone": "556"})
    assert events("crm.customer")[0].actor_label == "cli"


def test_profile_preferences_and_do_not_contact_periods_are_recorded_on_the_customer(customer, events):
    customer_profile_update(customer=customer, data={"profession": "chef"})
    customer_profile_update(customer=customer, data={"profession": "baker", "outlets": 3})
    assert events("crm.customerprofile")[0].changes == {"profession": ["chef", "baker"], "outlets": [None, 3]}
    contact_preference_update(customer=customer, data={"meeting_time": "personal", "preferred_from": time(9), "preferred_to": time(11)})
    preference = events("crm.contactpreference")[0]
    assert preference.customer_id == customer.pk
    assert preference.changes == {"preferred_from": [None, "09:00:00"], "preferred_to": [None, "11:00:00"], "meeting_time": ["any", "personal"]}
    period = do_not_contact_create(customer=customer, start=date(2026, 8, 1), end=date(2026, 8, 31), reason="holidays")
    do_not_contact_delete(period=period)
    removed, added = events("crm.donotcontactperiod")
    assert (added.action, added.changes["start"]) == (Action.CREATE, [None, "2026-08-01"])
    assert (removed.action, removed.changes["reason"], removed.customer_id) == (Action.DELETE, ["holidays", None], customer.pk)


def test_contacts_are_recorded_when_added_changed_and_removed(customer, events):
    person = contact_create(customer=customer, name="Eva", role="buyer")
    contact_update(contact=person, data={"role": "owner"})
    contact_delete(contact=person)
    removed, changed, added = events("crm.contact")
    assert [e.action for e in (added, changed, removed)] == [Action.CREATE, Action.UPDATE, Action.DELETE]
    assert changed.changes == {"role": ["buyer", "owner"]}
    assert {e.customer_id for e in (added, changed, removed)} == {customer.pk}
    assert removed.summary == "Eva"


def test_group_membership_is_recorded_before_and_after(customer, events):
    wine = Tag.objects.create(name="wine")
    customer_groups_set(customer=customer, tags=[wine])
    customer_groups_set(customer=customer, tags=[wine], new=["beer"])
    customer_groups_set(customer=customer, tags=[])
    membership = [e.changes["tags"] for e in events("crm.customer") if "tags" in e.changes]
    assert membership == [[["beer", "wine"], []], [["wine"], ["beer", "wine"]], [[], ["wine"]]]


def test_a_logged_contact_is_recorded_with_its_customer_and_salesperson(customer, salesperson, events):
    with acting_as("web", user=salesperson):
        contact_log(user=salesperson, customer=customer, at=timezone.now(), channel="call", minutes=10, purpose="prices", outcome="order")
    [event] = events("followup.contactlog")
    assert (event.action, event.customer_id, event.actor) == (Action.CREATE, customer.pk, salesperson)
    assert event.changes["outcome"] == [None, "order"]
    assert event.changes["salesperson"] == [None, "ana"]


def test_settings_changes_are_recorded(db, salesperson, events):
    policy_save(scheme="abc", class_label="Z", contacts=1, period="week", channel="visit", minutes=30, priority=1)
    policy_save(scheme="abc", class_label="Z", contacts=2, period="week", channel="visit", minutes=30, priority=1)
    assert events("followup.policy")[0].changes == {"contacts": [1, 2], "version": [1, 2]}
    scheme_save(name="abc-test", definition={"kind": "abc", "window_months": 12})
    scheme_save(name="abc-test", definition={"kind": "abc", "window_months": 6})
    changed = events("segmentation.scheme")[0]
    assert changed.changes["version"] == [1, 2]
    assert changed.changes["definition"][0]["window_months"] == 12 and changed.changes["definition"][1]["window_months"] == 6
    group = group_save(name="Key accounts")
    group_save(name="Key accounts", description="the big ones", group=group)
    group_delete(group=group)
    assert [e.action for e in events("crm.tag")] == [Action.DELETE, Action.UPDATE, Action.CREATE]
    user_update(user=salesperson, data={"first_name": "Ana"}, password="a-long-new-password-42")
    change = events("crm.user")[0].changes
    assert change["first_name"] == ["", "Ana"]
    assert change["password"] == ["••••••", "••••••"]  # changed, never shown


def test_an_import_of_customers_is_one_summary_event_not_one_per_row(db, tmp_path, events):
    from clientela.imports.runner import import_file

    path = tmp_path / "customers.csv"
    path.write_text("external_id,name\n" + "".join(f"K{n},Bar {n}\n" for n in range(50)), encoding="utf-8")
    with acting_as("cli"):
        import_file("customers", path)
    [event] = events("crm.customer")
    assert (event.action, event.actor_label, event.customer_id) == (Action.RUN, "cli", None)
    assert event.summary == "Imported 50 customers rows from customers.csv: 50 new"
    assert event.changes == {"rows": [None, 50], "created": [None, 50]}


def test_bulk_upserts_bump_the_version_of_the_customers_they_update(db):
    customers_upsert(fields=["external_id", "name"], rows=[("K1", "Bar")])
    assert Customer.objects.get().version == 1
    customers_upsert(fields=["external_id", "name"], rows=[("K1", "Bar Renamed")])
    assert Customer.objects.values_list("name", "version").get() == ("Bar Renamed", 2)


def test_deleting_a_user_keeps_their_events(salesperson, other_salesperson, events):
    with acting_as("web", user=other_salesperson):
        customer_create(external_id="C7", name="Bar Siete")
    User.objects.filter(pk=other_salesperson.pk).delete()
    [event] = events("crm.customer")
    assert event.actor_label == "bruno"
    assert AuditEvent.objects.filter(actor_id=other_salesperson.pk).exists()


@pytest.mark.django_db
def test_deleting_a_customer_records_it_and_keeps_its_history(customer, events):
    contact_create(customer=customer, name="Eva")
    pk = customer.pk
    customer.delete()
    assert events("crm.customer")[0].action == Action.DELETE
    assert events("crm.contact")[0].action == Action.DELETE
    assert AuditEvent.objects.filter(customer_id=pk).count() >= 4  # created, contact added, contact and customer deleted


def test_planned_visits_are_recorded_on_the_customer(customer, salesperson, events):
    visit = planned_visit_add(
        salesperson=salesperson, customer=customer, period=PlannedVisit.Period.DAY, day=date(2026, 3, 3),
        objective=PlannedVisit.Objective.FOLLOW_UP, purpose="prices",
    )  # fmt: skip
    planned_visit_delete(visit=visit)
    removed, added = events("fieldsales.plannedvisit")
    assert (added.action, added.customer_id, added.changes["purpose"]) == (Action.CREATE, customer.pk, [None, "prices"])
    assert (removed.action, removed.customer_id) == (Action.DELETE, customer.pk)
