"""The history on the customer file and the admins' audit page: who may see what, filters, pages, export, query counts."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clientela.audit.actors import acting_as
from clientela.audit.models import AuditEvent
from clientela.crm.models import Customer, User
from clientela.crm.services.contacts import contact_create
from clientela.crm.services.customers import customer_create, customer_update

TRAIL = reverse("audit:trail")


@pytest.fixture
def admin(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN)


@pytest.fixture
def other_customer(other_salesperson) -> Customer:
    return customer_create(external_id="C2", name="Bar Dos", owner=other_salesperson)


def address(city: str, version: int) -> dict[str, object]:
    return {"address": "", "city": city, "postal_code": "", "country": "", "region": "", "latitude": "", "longitude": "", "version": version}


def test_an_edit_on_the_web_is_recorded_as_its_user_and_shown_in_the_history(client, customer, salesperson):
    client.force_login(salesperson)
    edit = reverse("web:customer_edit", args=[customer.pk, "address"])
    assert client.post(edit, address("Lugo", 1)).status_code == 302
    event = AuditEvent.objects.first()
    assert (event.actor, event.actor_label, event.changes) == (salesperson, "ana", {"city": ["", "Lugo"]})
    page = client.get(reverse("web:customer_detail", args=[customer.pk])).content.decode()
    history = page[page.index('id="section-audit"') :]
    assert "History of changes" in history
    assert "<strong>city</strong>: — → Lugo" in history
    assert history.index("Customer changed: Bar Uno") < history.index("Customer created: Bar Uno")  # newest first


def test_the_history_shows_choice_labels_and_is_paginated(client, customer, salesperson):
    customer_update(customer=customer, data={"status": Customer.Status.LOST})
    for n in range(25):
        customer_update(customer=customer, data={"phone": str(n)})
    client.force_login(salesperson)
    page = client.get(reverse("web:customer_detail", args=[customer.pk])).content.decode()
    assert "Page 1 of 2" in page
    second = client.get(reverse("web:customer_list_page", args=[customer.pk, "audit"]) + "?page=2", HTTP_HX_REQUEST="true").content.decode()
    assert "<strong>status</strong>: Active → Lost" in second
    assert "<strong>phone</strong>: 4 → 5" not in second and "Customer created" in second


def test_a_salesperson_sees_the_history_only_of_their_own_customers(client, salesperson, other_customer):
    client.force_login(salesperson)
    assert client.get(reverse("web:customer_list_page", args=[other_customer.pk, "audit"])).status_code == 404
    assert client.get(reverse("web:customer_detail", args=[other_customer.pk])).status_code == 404


@pytest.mark.parametrize("role", [User.Role.SALESPERSON, User.Role.SUPERVISOR])
def test_only_admins_open_the_audit_page_and_its_export(client, db, role):
    client.force_login(User.objects.create_user("someone", password="pw", role=role))
    assert client.get(TRAIL).status_code == 403
    assert client.get(TRAIL + "?format=xlsx").status_code == 403


def test_the_audit_page_needs_a_sign_in(client, db):
    assert client.get(TRAIL).status_code == 302


@pytest.fixture
def trail(customer, other_customer, salesperson, other_salesperson) -> None:
    """Ana changes her customer and adds a contact; Bruno changes his; the system's event is two days old."""
    with acting_as("web", user=salesperson):
        customer_update(customer=customer, data={"city": "Lugo"})
        contact_create(customer=customer, name="Eva")
    with acting_as("web", user=other_salesperson):
        customer_update(customer=other_customer, data={"city": "Vigo"})
    AuditEvent.objects.create(at=timezone.now() - timedelta(days=2), actor_label="system", action="run", object_type="crm.customer", summary="old import")


def summaries(response) -> list[str]:
    return [event.summary for event in response.context["page"]]


def test_the_audit_page_filters_by_user_type_action_customer_and_dates(client, admin, trail, salesperson):
    client.force_login(admin)
    assert len(summaries(client.get(TRAIL))) == AuditEvent.objects.count()
    assert summaries(client.get(TRAIL, {"actor": salesperson.pk})) == ["Eva", "Bar Uno (C1)"]
    assert summaries(client.get(TRAIL, {"object_type": "crm.contact"})) == ["Eva"]
    assert summaries(client.get(TRAIL, {"action": "run"})) == ["old import"]
    assert summaries(client.get(TRAIL, {"customer": "dos", "action": "update"})) == ["Bar Dos (C2)"]
    assert summaries(client.get(TRAIL, {"customer": "C1", "action": "update"})) == ["Bar Uno (C1)"]
    today = timezone.localdate()
    two_days_ago = (today - timedelta(days=2)).isoformat()
    assert summaries(client.get(TRAIL, {"start": two_days_ago, "end": two_days_ago})) == ["old import"]
    assert "old import" not in summaries(client.get(TRAIL, {"start": today.isoformat()}))
    refused = client.get(TRAIL, {"start": today.isoformat(), "end": two_days_ago})
    assert summaries(refused) == [] and "The period must not end before it starts." in refused.content.decode()


def test_the_audit_page_is_paginated_keeping_the_filters(client, admin, customer):
    for n in range(60):
        customer_update(customer=customer, data={"phone": str(n)})
    client.force_login(admin)
    first = client.get(TRAIL, {"object_type": "crm.customer"})
    assert len(first.context["page"]) == 50 and "Page 1 of 2" in first.content.decode()
    assert "?object_type=crm.customer&amp;page=2" in first.content.decode()
    assert len(client.get(TRAIL, {"object_type": "crm.customer", "page": 2}).context["page"]) == 11


def test_the_export_is_an_xlsx_of_the_filtered_events(client, admin, trail, customer):
    client.force_login(admin)
    response = client.get(TRAIL, {"customer": "C1", "format": "xlsx"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("When", "Who", "Action", "Object type", "Object id", "Customer id", "Customer", "Summary", "Changes")
    assert [row[1:4] + row[5:8] for row in rows[1:]] == [
        ("ana", "created", "contact", "C1", "Bar Uno", "Eva"),
        ("ana", "changed", "customer", "C1", "Bar Uno", "Bar Uno (C1)"),
        ("system", "created", "customer profile", "C1", "Bar Uno", "Profile of Bar Uno (C1)"),
        ("system", "created", "customer", "C1", "Bar Uno", "Bar Uno (C1)"),
    ]
    assert rows[2][8] == "city: — → Lugo"


def test_the_audit_page_takes_the_same_number_of_queries_however_many_events(client, admin, customer):
    client.force_login(admin)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(TRAIL).status_code == 200
        return len(queries)

    customer_update(customer=customer, data={"phone": "1"})
    few = count()
    for n in range(40):
        contact_create(customer=customer_create(external_id=f"K{n}", name=f"Bar {n}"), name=f"Person {n}")
    assert count() == few
    assert few <= 8  # session, user, filter choices (users, object types), count, page
