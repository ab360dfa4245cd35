"""The customer file: every section shown and editable by whoever may see the customer, refused (404) to anyone else."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clientela.crm.models import Contact, ContactPreference, Customer, CustomFieldDefinition, DoNotContactPeriod, Payment, Tag, Team, Transaction, User
from clientela.followup.models import ContactLog, PlannedContact
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot


@pytest.fixture
def sales_client(client, salesperson):
    client.force_login(salesperson)
    return client


@pytest.fixture
def other_team_supervisor(db) -> User:
    boss = User.objects.create_user("south-boss", password="pw", role=User.Role.SUPERVISOR)
    south = Team.objects.create(name="South", supervisor=boss)
    User.objects.filter(pk=boss.pk).update(team=south)
    return boss


def page(client, customer: Customer) -> str:
    response = client.get(reverse("web:customer_detail", args=[customer.pk]))
    assert response.status_code == 200
    return response.content.decode()


def abc_snapshot(as_of: date, labels: dict[Customer, str], explanation: dict | None = None) -> Snapshot:
    scheme = Scheme.objects.get(name="abc")
    snapshot = Snapshot.objects.create(scheme=scheme, version=scheme.version, as_of=as_of, customers=len(labels), class_counts={})
    for customer, label in labels.items():
        CustomerClass.objects.create(snapshot=snapshot, customer=customer, label=label, explanation=explanation or {})
    return snapshot


# --- showing the file


def test_the_current_class_is_explained_in_words(sales_client, customer):
    explanation = {"value": 120000, "rank": 3, "share": 0.12, "cumulative_share": 0.41, "a_threshold": 0.8, "b_threshold": 0.95}
    abc_snapshot(date(2025, 5, 31), {customer: "A"}, explanation)
    content = page(sales_client, customer)
    assert "A: 12 % of revenue, rank 3, cumulative 41 % (A up to 80 %, B up to 95 %)" in content


def test_the_class_history_shows_periods_and_changes(sales_client, customer):
    for month, label in ((1, "A"), (2, "A"), (3, "B")):
        snapshot = abc_snapshot(date(2025, month, 28), {customer: label})
    ClassChange.objects.create(customer=customer, scheme=snapshot.scheme, from_class="A", to_class="B", on=date(2025, 3, 28), snapshot=snapshot)
    content = page(sales_client, customer)
    history = content[content.index('id="section-history"') :]
    assert re.search(r"A</span>\s*01/28/2025 – 02/28/2025</span> → <span class=\"period\"><span class=\"class-badge\">B</span>\s*03/28/2025", history)
    assert "03/28/2025 · abc: A → B" in history


def test_monthly_revenue_has_24_months_in_the_chart_and_the_table(sales_client, customer):
    today = timezone.localdate()
    first = today.replace(day=1)
    Transaction.objects.create(document_id="F1", line=1, customer=customer, date=first, amount_cents=150000)
    Transaction.objects.create(document_id="F2", line=1, customer=customer, date=first, amount_cents=-25000)
    Transaction.objects.create(document_id="F3", line=1, customer=customer, date=first - timedelta(days=800), amount_cents=999)
    content = page(sales_client, customer)
    table = content[content.index('id="revenue-table"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<td class="num">([^<]*)</td>', table)
    assert len(rows) == 24
    assert rows[-1] == "1,250.00" and set(rows[:-1]) == {"0.00"}
    assert 'id="revenue-chart"' in content and "plotly.min.js" in content


def test_transactions_payments_and_contact_log_are_paginated(sales_client, customer, salesperson):
    Transaction.objects.bulk_create(
        Transaction(document_id=f"F{n:03d}", line=1, customer=customer, date=date(2025, 1, 1) + timedelta(days=n), amount_cents=100 * n) for n in range(45)
    )
    Payment.objects.bulk_create(Payment(reference=f"P{n}", customer=customer, date=date(2025, 1, 1), amount_cents=100) for n in range(3))
    content = page(sales_client, customer)
    assert "45 transaction lines" in content and "Page 1 of 3" in content and "3 payments" in content
    url = reverse("web:customer_list_page", args=[customer.pk, "transactions"])
    third = sales_client.get(url, {"page": 3}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in third and "F000/1" in third and "F044/1" not in third
    assert third.count("<tr") == 6  # header + the last 5 lines
    full = sales_client.get(url, {"page": 2}).content.decode()
    assert "<html" in full and "Transactions" in full and "F024/1" in full


def test_the_follow_up_shows_the_next_planned_contact_and_the_log(sales_client, customer, salesperson):
    start = timezone.make_aware(datetime(2025, 6, 2, 10, 0))
    PlannedContact.objects.create(
        salesperson=salesperson, customer=customer, start=start, minutes=30, channel="visit", class_label="A", due=start.date(), reason="A customer, due weekly"
    )
    ContactLog.objects.create(customer=customer, salesperson=salesperson, at=start - timedelta(days=7), channel="call", minutes=10, purpose="Summer order", outcome="order")
    content = page(sales_client, customer)
    assert "Next planned contact" in content and "A customer, due weekly" in content
    assert "Summer order" in content and "order taken" in content


# --- editing, through the services


def test_the_owner_edits_the_profile_inline(sales_client, customer):
    url = reverse("web:customer_edit", args=[customer.pk, "profile"])
    form = sales_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in form and 'name="family_situation"' in form and 'hx-post="' + url in form
    response = sales_client.post(url, {"family_situation": "married, two children", "management_level": "4", "notes": "Likes football"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert 'id="section-profile"' in content and "married, two children" in content and "4/5" in content
    customer.profile.refresh_from_db()
    assert customer.profile.management_level == 4 and customer.profile.notes == "Likes football"


def test_without_javascript_an_edit_is_a_page_and_saving_returns_to_the_file(sales_client, customer):
    url = reverse("web:customer_edit", args=[customer.pk, "address"])
    assert "<html" in sales_client.get(url).content.decode()
    response = sales_client.post(url, {"address": "Calle Mayor 1", "city": "Bilbao", "latitude": "43.263", "longitude": "-2.935"})
    assert response.status_code == 302 and response["Location"].endswith(f"/customers/{customer.pk}/#section-address")
    customer.refresh_from_db()
    assert (customer.city, customer.latitude, customer.longitude) == ("Bilbao", 43.263, -2.935)


def test_bad_values_come_back_on_their_fields_and_nothing_is_saved(sales_client, customer):
    url = reverse("web:customer_edit", args=[customer.pk, "address"])
    content = sales_client.post(url, {"city": "Nowhere", "latitude": "123", "longitude": "-2"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Ensure this value is less than or equal to 90" in content
    customer.refresh_from_db()
    assert customer.city == "" and customer.latitude is None
    url = reverse("web:customer_edit", args=[customer.pk, "preferences"])
    content = sales_client.post(url, {"preferred_from": "17:00", "preferred_to": "09:00", "meeting_time": "any", "meeting_style": "any"}, HTTP_HX_REQUEST="true").content.decode()
    assert "The preferred hours must end after they start." in content
    assert not ContactPreference.objects.filter(customer=customer).exists()


def test_a_salesperson_cannot_hand_a_customer_over(sales_client, customer, other_salesperson):
    url = reverse("web:customer_edit", args=[customer.pk, "details"])
    assert 'name="owner"' not in sales_client.get(url).content.decode()
    sales_client.post(url, {"name": "Bar Uno", "kind": "company", "status": "active", "owner": other_salesperson.pk})
    customer.refresh_from_db()
    assert customer.owner.username == "ana"


def test_the_supervisor_hands_a_customer_to_a_team_member(client, team, customer, other_salesperson, other_team_supervisor):
    client.force_login(team.supervisor)
    url = reverse("web:customer_edit", args=[customer.pk, "details"])
    form = client.get(url).content.decode()
    assert f'value="{other_salesperson.pk}"' in form and f'value="{other_team_supervisor.pk}"' not in form
    client.post(url, {"name": "Bar Uno", "kind": "company", "status": "active", "owner": other_salesperson.pk})
    customer.refresh_from_db()
    assert customer.owner == other_salesperson


def test_contacts_are_added_changed_and_removed(sales_client, customer):
    new = reverse("web:contact_new", args=[customer.pk])
    sales_client.post(new, {"name": "Lucía Pérez", "role": "Owner", "birthday": "1980-05-17", "is_primary": "on"}, HTTP_HX_REQUEST="true")
    content = sales_client.post(new, {"name": "Iker", "email": "iker@example.com", "is_primary": "on"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Lucía Pérez" in content and "17 May" in content and "iker@example.com" in content
    lucia, iker = Contact.objects.get(name="Lucía Pérez"), Contact.objects.get(name="Iker")
    assert iker.is_primary and not lucia.is_primary  # one primary contact
    edit = reverse("web:contact_edit", args=[customer.pk, lucia.pk])
    sales_client.post(edit, {"name": "Lucía Pérez", "role": "Manager"}, HTTP_HX_REQUEST="true")
    lucia.refresh_from_db()
    assert lucia.role == "Manager"
    bad = sales_client.post(edit, {"name": "", "email": "not-an-address"}, HTTP_HX_REQUEST="true").content.decode()
    assert "This field is required." in bad and "Enter a valid email address." in bad
    assert sales_client.get(reverse("web:contact_delete", args=[customer.pk, iker.pk])).status_code == 405
    sales_client.post(reverse("web:contact_delete", args=[customer.pk, iker.pk]), HTTP_HX_REQUEST="true")
    assert list(customer.contacts.values_list("name", flat=True)) == ["Lucía Pérez"]


def test_do_not_contact_periods_are_added_checked_and_removed(sales_client, customer):
    url = reverse("web:do_not_contact_new", args=[customer.pk])
    bad = sales_client.post(url, {"start": "2025-08-31", "end": "2025-08-01"}, HTTP_HX_REQUEST="true").content.decode()
    assert "The period must not end before it starts." in bad
    content = sales_client.post(url, {"start": "2025-08-01", "end": "2025-08-31", "reason": "holidays"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="section-preferences"' in content and "holidays" in content
    period = DoNotContactPeriod.objects.get(customer=customer)
    sales_client.post(reverse("web:do_not_contact_delete", args=[customer.pk, period.pk]))
    assert not DoNotContactPeriod.objects.exists()


def test_groups_are_chosen_and_created_from_the_file(sales_client, customer):
    family = Tag.objects.create(name="family")
    url = reverse("web:customer_edit", args=[customer.pk, "groups"])
    content = sales_client.post(url, {"tags": [family.pk], "new": "key account, Family"}, HTTP_HX_REQUEST="true").content.decode()
    assert "key account" in content
    assert sorted(customer.tags.values_list("name", flat=True)) == ["family", "key account"]


def test_custom_fields_get_inputs_of_their_type(sales_client, customer):
    CustomFieldDefinition.objects.create(key="fridges", label="Fridges", field_type="number")
    CustomFieldDefinition.objects.create(key="terrace", label="Terrace", field_type="boolean")
    CustomFieldDefinition.objects.create(key="brand", label="Brand", field_type="choice", choices=["Mahou", "Estrella"])
    url = reverse("web:customer_edit", args=[customer.pk, "custom"])
    sales_client.post(url, {"fridges": "3", "terrace": "true", "brand": "Mahou"})
    customer.refresh_from_db()
    assert customer.custom_fields == {"fridges": 3, "terrace": True, "brand": "Mahou"}
    bad = sales_client.post(url, {"fridges": "three", "brand": "Heineken"}).content.decode()
    assert "Enter a number." in bad and "Select a valid choice." in bad
    content = page(sales_client, customer)
    assert "<dt>Fridges</dt><dd>3</dd>" in content and "<dt>Terrace</dt><dd>yes</dd>" in content


# --- refusals (SPEC S9)


def edit_urls(customer: Customer) -> list[str]:
    contact = Contact.objects.create(customer=customer, name="Someone")
    period = DoNotContactPeriod.objects.create(customer=customer, start=date(2025, 1, 1), end=date(2025, 1, 2))
    return [
        reverse("web:customer_detail", args=[customer.pk]),
        *(reverse("web:customer_list_page", args=[customer.pk, name]) for name in ("transactions", "payments", "contacts")),
        *(reverse("web:customer_edit", args=[customer.pk, section]) for section in ("details", "address", "profile", "preferences", "custom", "groups")),
        reverse("web:contact_new", args=[customer.pk]),
        reverse("web:contact_edit", args=[customer.pk, contact.pk]),
        reverse("web:contact_delete", args=[customer.pk, contact.pk]),
        reverse("web:do_not_contact_new", args=[customer.pk]),
        reverse("web:do_not_contact_delete", args=[customer.pk, period.pk]),
    ]


@pytest.mark.parametrize("htmx", [False, True])
def test_another_salesperson_gets_404_on_every_page_and_form(client, customer, other_salesperson, htmx):
    urls = edit_urls(customer)
    client.force_login(other_salesperson)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    for url in urls:
        assert client.get(url, **headers).status_code in (404, 405), url
        assert client.post(url, {"name": "Hacked", "city": "Hacked"}, **headers).status_code == 404, url
    customer.refresh_from_db()
    assert customer.name == "Bar Uno" and customer.contacts.count() == 1 and customer.do_not_contact_periods.count() == 1


def test_the_supervisor_of_another_team_gets_404(client, customer, other_team_supervisor):
    urls = edit_urls(customer)
    client.force_login(other_team_supervisor)
    for url in urls:
        assert client.post(url, {"name": "Hacked"}).status_code == 404, url


def test_the_supervisor_of_the_team_and_an_admin_edit(client, team, customer):
    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
    for user, name in ((team.supervisor, "By boss"), (admin, "By admin")):
        client.force_login(user)
        client.post(reverse("web:customer_edit", args=[customer.pk, "details"]), {"name": name, "kind": "company", "status": "active"})
        customer.refresh_from_db()
        assert customer.name == name


def test_a_file_that_is_not_a_list_name_is_404(sales_client, customer):
    assert sales_client.get(reverse("web:customer_list_page", args=[customer.pk, "secrets"])).status_code == 404
    assert sales_client.get(reverse("web:customer_edit", args=[customer.pk, "owner"])).status_code == 404


# --- speed


def test_the_file_takes_the_same_number_of_queries_however_much_it_holds(sales_client, customer, salesperson):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            page(sales_client, customer)
        return len(queries)

    def add(n: int) -> None:
        Transaction.objects.create(document_id=f"F{n}", line=1, customer=customer, date=date(2025, 1, 1), amount_cents=1)
        Payment.objects.create(reference=f"P{n}", customer=customer, date=date(2025, 1, 1), amount_cents=1)
        Contact.objects.create(customer=customer, name=f"Person {n}")
        DoNotContactPeriod.objects.create(customer=customer, start=date(2025, 1, 1) + timedelta(days=3 * n), end=date(2025, 1, 2) + timedelta(days=3 * n))
        customer.tags.add(Tag.objects.create(name=f"group {n}"))
        CustomFieldDefinition.objects.create(key=f"field{n}", label=f"Field {n}")
        abc_snapshot(date(2022, 1, 28) + timedelta(days=30 * n), {customer: "AB"[n % 2]})
        ContactLog.objects.create(customer=customer, salesperson=salesperson, at=timezone.now() - timedelta(days=n), channel="call", minutes=5, purpose="p", outcome="reached")

    add(0)
    small = count()
    for n in range(1, 30):
        add(n)
    assert count() == small
    assert small <= 31  # the sections, the credit warning adding up invoices and receipts (seven queries), the history of changes (two)
