"""Customers through the API: each role sees and edits what the web lets it, filters, and every write through the crm services."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clientela.crm.models import Customer, CustomFieldDefinition, Tag, Transaction
from clientela.crm.services.customers import customer_create
from tests.api.conftest import assert_error


@pytest.fixture
def portfolio(customer, theirs, outsider):
    """Ana's Bar Uno, Bruno's Bar Ajeno (same team), Zoe's Bar Lejano (no team)."""
    return {"mine": customer, "theirs": theirs, "far": customer_create(external_id="F1", name="Bar Lejano", owner=outsider)}


def names(answer) -> list[str]:
    assert answer.status == 200, answer.body
    return [item["name"] for item in answer.body["items"]]


def test_each_role_lists_the_customers_it_may_see(api_for, portfolio, salesperson, supervisor, admin_user):
    assert names(api_for(salesperson).get("/customers")) == ["Bar Uno"]
    assert names(api_for(supervisor).get("/customers")) == ["Bar Ajeno", "Bar Uno"]
    everyone = api_for(admin_user).get("/customers")
    assert names(everyone) == ["Bar Ajeno", "Bar Lejano", "Bar Uno"] and everyone.body["count"] == 3


def test_a_customer_reads_with_every_field(api_for, salesperson, customer):
    Tag.objects.create(name="Key account").customers.add(customer)
    body = api_for(salesperson).get(f"/customers/{customer.pk}").body
    assert body["external_id"] == "C1" and body["owner_id"] == salesperson.pk and body["status"] == "active"
    assert body["groups"] == [Tag.objects.get().pk] and body["custom_fields"] == {}


def test_another_salespersons_customer_is_not_found_on_every_customer_endpoint(api_for, salesperson, theirs):
    api = api_for(salesperson)
    base = f"/customers/{theirs.pk}"
    for answer in (
        api.get(base),
        api.patch(base, {"name": "Mine now"}),
        api.put(base, {"external_id": "T1", "name": "Mine now"}),
        api.delete(base),
        api.get(base + "/contacts"),
        api.post(base + "/contacts", {"name": "Eva"}),
        api.get(base + "/classes"),
        api.get(base + "/contact-logs"),
        api.post(base + "/contact-logs", {"at": "2026-01-05T10:00:00+01:00", "channel": "call", "purpose": "x", "outcome": "reached"}),
    ):
        assert_error(answer, 404)
    assert Customer.objects.get(pk=theirs.pk).name == "Bar Ajeno" and not theirs.contacts.exists()


def test_the_supervisor_reads_and_edits_the_team_but_not_others(api_for, supervisor, portfolio):
    api = api_for(supervisor)
    assert api.patch(f"/customers/{portfolio['theirs'].pk}", {"city": "Lugo"}).body["city"] == "Lugo"
    assert_error(api.get(f"/customers/{portfolio['far'].pk}"), 404)


def test_filters_by_search_owner_group_and_status(api_for, admin_user, portfolio, other_salesperson):
    api = api_for(admin_user)
    group = Tag.objects.create(name="Hotels")
    group.customers.add(portfolio["far"])
    Customer.objects.filter(pk=portfolio["mine"].pk).update(status="lost")
    assert names(api.get("/customers", search="lejano")) == ["Bar Lejano"]
    assert names(api.get("/customers", search="T1")) == ["Bar Ajeno"]
    assert names(api.get("/customers", owner=other_salesperson.pk)) == ["Bar Ajeno"]
    assert names(api.get("/customers", group=group.pk)) == ["Bar Lejano"]
    assert names(api.get("/customers", status="lost")) == ["Bar Uno"]


def test_filter_by_class_of_the_schemes_latest_snapshot(api_for, admin_user, portfolio, classify):
    api = api_for(admin_user)
    classify("abc", {portfolio["mine"]: "A", portfolio["theirs"]: "B"}, as_of=date(2026, 1, 1))
    classify("abc", {portfolio["mine"]: "B", portfolio["theirs"]: "A", portfolio["far"]: "A"}, as_of=date(2026, 2, 1))
    assert names(api.get("/customers", **{"scheme": "abc", "class": "A"})) == ["Bar Ajeno", "Bar Lejano"]
    assert names(api.get("/customers", scheme="abc")) == ["Bar Ajeno", "Bar Lejano", "Bar Uno"]
    assert names(api.get("/customers", **{"scheme": "nothing", "class": "A"})) == []
    assert_error(api.get("/customers", **{"class": "A"}), 422, "scheme")


def test_pagination_gives_the_count_and_refuses_too_large_pages(api_for, admin_user, salesperson):
    for n in range(7):
        customer_create(external_id=f"P{n}", name=f"Bar {n}", owner=salesperson)
    api = api_for(admin_user)
    page = api.get("/customers", limit=3, offset=2)
    assert page.body["count"] == 7 and [c["name"] for c in page.body["items"]] == ["Bar 2", "Bar 3", "Bar 4"]
    assert_error(api.get("/customers", limit=501), 422, "limit")
    assert_error(api.get("/customers", offset=-1), 422, "offset")


def test_the_list_takes_the_same_queries_for_3_or_30_customers(api_for, admin_user, salesperson):
    api = api_for(admin_user)
    api.get("/customers")  # the token's last use is written once

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/customers").status == 200
        return len(captured)

    group = Tag.objects.create(name="All")
    for n in range(3):
        group.customers.add(customer_create(external_id=f"Q{n}", name=f"Q{n}", owner=salesperson))
    few = queries()
    for n in range(3, 30):
        group.customers.add(customer_create(external_id=f"Q{n}", name=f"Q{n}", owner=salesperson))
    assert queries() == few <= 4


def test_a_salesperson_creates_their_own_customer(api_for, salesperson):
    answer = api_for(salesperson).post("/customers", {"external_id": "N1", "name": "Bar Nuevo", "city": "Vigo"})
    assert answer.status == 201 and answer.body["owner_id"] == salesperson.pk
    created = Customer.objects.get(external_id="N1")
    assert created.city == "Vigo" and created.profile is not None  # the service made its profile


def test_a_salesperson_may_not_give_a_customer_to_someone_else(api_for, salesperson, other_salesperson, customer):
    api = api_for(salesperson)
    assert_error(api.post("/customers", {"external_id": "N1", "name": "X", "owner_id": other_salesperson.pk}), 403)
    assert_error(api.patch(f"/customers/{customer.pk}", {"owner_id": other_salesperson.pk}), 403)
    assert not Customer.objects.filter(external_id="N1").exists()
    assert Customer.objects.get(pk=customer.pk).owner == salesperson


def test_a_supervisor_hands_a_customer_to_a_team_member(api_for, supervisor, salesperson, other_salesperson, customer, outsider):
    api = api_for(supervisor)
    assert api.patch(f"/customers/{customer.pk}", {"owner_id": other_salesperson.pk}).body["owner_id"] == other_salesperson.pk
    assert_error(api.patch(f"/customers/{customer.pk}", {"owner_id": outsider.pk}), 403)


def test_create_refuses_bad_fields_naming_them(api_for, salesperson, customer):
    api = api_for(salesperson)
    assert_error(api.post("/customers", {"external_id": "C1", "name": "Again"}), 409, "external_id")
    assert_error(api.post("/customers", {"external_id": "N2", "name": "X", "email": "not-an-email"}), 422, "email")
    assert_error(api.post("/customers", {"external_id": "N2", "name": "X", "latitude": 91}), 422, "latitude")
    assert_error(api.post("/customers", {"external_id": "N2", "name": "X", "region_id": 999}), 422, "region_id")
    assert_error(api.post("/customers", {"name": "X"}), 422, "external_id")
    assert_error(api.post("/customers", {"external_id": "N2", "name": "X", "custom_fields": {"nope": 1}}), 422, "custom_fields")
    assert Customer.objects.count() == 1


def test_patch_changes_only_the_given_fields_and_put_replaces_them(api_for, salesperson, customer):
    CustomFieldDefinition.objects.create(key="outlets", label="Outlets", field_type="number")
    group = Tag.objects.create(name="Hotels")
    api = api_for(salesperson)
    patched = api.patch(f"/customers/{customer.pk}", {"phone": "+34 600", "custom_fields": {"outlets": 4}, "groups": [group.pk]})
    assert patched.status == 200
    assert (patched.body["name"], patched.body["phone"], patched.body["custom_fields"], patched.body["groups"]) == ("Bar Uno", "+34 600", {"outlets": 4}, [group.pk])
    assert_error(api.patch(f"/customers/{customer.pk}", {"name": None}), 422, "name")
    replaced = api.put(f"/customers/{customer.pk}", {"external_id": "C1", "name": "Bar Uno SL"})
    assert replaced.status == 200 and replaced.body["phone"] == "" and replaced.body["groups"] == []
    assert replaced.body["owner_id"] == salesperson.pk
    assert Customer.objects.get(pk=customer.pk).name == "Bar Uno SL"


def test_an_update_over_a_newer_version_is_refused_and_writes_nothing(api_for, salesperson, supervisor, customer):
    read = api_for(salesperson).get(f"/customers/{customer.pk}").body
    first = api_for(supervisor).patch(f"/customers/{customer.pk}", {"phone": "+34 611", "version": read["version"]})
    assert first.status == 200 and first.body["version"] == read["version"] + 1

    late = api_for(salesperson).patch(f"/customers/{customer.pk}", {"phone": "+34 622", "version": read["version"]})
    assert_error(late, 409)
    assert "since you opened it" in late.body["detail"]
    assert_error(api_for(salesperson).put(f"/customers/{customer.pk}", {"external_id": "C1", "name": "X", "version": read["version"]}), 409)
    assert Customer.objects.get(pk=customer.pk).phone == "+34 611"
    assert api_for(salesperson).patch(f"/customers/{customer.pk}", {"phone": "+34 633", "version": first.body["version"]}).status == 200
    assert_error(api_for(salesperson).patch(f"/customers/{customer.pk}", {"email": "not an address", "version": first.body["version"] + 1}), 422, "email")


def test_only_admins_delete_and_not_while_business_records_refer(api_for, salesperson, admin_user, customer, theirs):
    assert_error(api_for(salesperson).delete(f"/customers/{customer.pk}"), 403)
    admin = api_for(admin_user)
    Transaction.objects.create(document_id="D1", customer=theirs, date=date(2026, 1, 2), amount_cents=100)
    assert_error(admin.delete(f"/customers/{theirs.pk}"), 409)
    assert admin.delete(f"/customers/{customer.pk}").status == 204
    assert not Customer.objects.filter(pk=customer.pk).exists() and Customer.objects.filter(pk=theirs.pk).exists()
