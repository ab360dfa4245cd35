"""My agenda, and the contact log of a customer: list, and log a contact (the planned contact it fulfils is done)."""

from datetime import timedelta

from django.utils import timezone

from clientela.followup.models import ContactLog, PlannedContact
from tests.api.conftest import assert_error
from tests.fixtures.followup import local


def test_the_agenda_shows_my_planned_contacts_overdue_first(api_for, salesperson, customer, theirs, planned_contact):
    today = timezone.localdate()
    late = planned_contact(customer, local(today - timedelta(days=2), 10))
    soon = planned_contact(customer, local(today + timedelta(days=1), 9), channel="call", minutes=15)
    planned_contact(theirs, local(today, 10))  # another salesperson's
    agenda = api_for(salesperson).get("/agenda", days=3).body
    assert [item["id"] for item in agenda["overdue"]] == [late.pk]
    assert [day["day"] for day in agenda["days"]] == [str(today + timedelta(days=n)) for n in range(3)]
    assert [[item["id"] for item in day["items"]] for day in agenda["days"]] == [[], [soon.pk], []]
    assert agenda["days"][1]["items"][0]["customer_name"] == "Bar Uno" and agenda["unplanned"] == []
    assert_error(api_for(salesperson).get("/agenda", days=0), 422, "days")


def test_logging_a_contact_fulfils_the_planned_one(api_for, salesperson, customer, planned_contact, default_policies):
    planned = planned_contact(customer, local(timezone.localdate(), 10))
    api = api_for(salesperson)
    body = {"at": "2026-03-02T10:30:00+01:00", "channel": "visit", "minutes": 40, "purpose": "Spring order", "outcome": "order", "planned_id": planned.pk}
    logged = api.post(f"/customers/{customer.pk}/contact-logs", body)
    assert logged.status == 201 and logged.body["salesperson"] == "ana" and logged.body["planned_id"] == planned.pk
    assert PlannedContact.objects.get(pk=planned.pk).status == PlannedContact.Status.DONE
    listed = api.get(f"/customers/{customer.pk}/contact-logs").body
    assert listed["count"] == 1 and listed["items"][0]["purpose"] == "Spring order"


def test_a_bad_contact_is_refused_naming_the_fields(api_for, salesperson, customer, theirs, planned_contact):
    api = api_for(salesperson)
    path = f"/customers/{customer.pk}/contact-logs"
    good = {"at": "2026-03-02T10:30:00", "channel": "visit", "purpose": "x", "outcome": "reached"}
    assert_error(api.post(path, good | {"channel": "pigeon", "minutes": 2000}), 422, "channel", "minutes")
    assert_error(api.post(path, good | {"at": "0001-01-01T00:00:00+14:00"}), 422, "at")
    other = planned_contact(theirs, local(timezone.localdate(), 10))
    assert_error(api.post(path, good | {"planned_id": other.pk}), 404)
    assert not ContactLog.objects.exists()
