"""Customer services: create, update, custom fields, upsert with groups."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import Customer, CustomerProfile, CustomFieldDefinition, Region, Tag
from clientela.crm.services.customers import customer_create, customer_groups_set, customer_profile_update, customer_update, customers_upsert, regions_ensure


def test_customer_create_makes_an_empty_profile_and_sets_groups(salesperson):
    tag = Tag.objects.create(name="key account")
    customer = customer_create(external_id="C9", name="Bar Nueve", owner=salesperson, tags=[tag])
    assert CustomerProfile.objects.filter(customer=customer).exists()
    assert list(customer.tags.all()) == [tag]
    assert customer.created_at is not None and customer.created_at.tzinfo is not None


def test_customer_create_refuses_a_duplicate_external_id(customer):
    with pytest.raises(ValidationError, match="External id already exists"):
        customer_create(external_id=customer.external_id, name="Other")


def test_customer_create_refuses_latitude_out_of_range(db):
    with pytest.raises(ValidationError) as error:
        customer_create(external_id="C2", name="Far away", latitude=91.0, longitude=0.0)
    assert "latitude" in error.value.message_dict


def test_customer_update_changes_only_the_given_fields(customer):
    customer_update(customer=customer, data={"city": "Bilbao"})
    customer.refresh_from_db()
    assert (customer.city, customer.name) == ("Bilbao", "Bar Uno")


@pytest.mark.parametrize(
    ("field_type", "choices", "value", "message"),
    [
        ("number", [], "many", "expected a number"),
        ("boolean", [], "yes", "expected yes or no"),
        ("date", [], "2024-13-01", "expected a date as YYYY-MM-DD"),
        ("choice", ["gold", "silver"], "bronze", "expected one of gold, silver"),
    ],
)
def test_custom_fields_are_checked_against_their_definition(customer, field_type, choices, value, message):
    CustomFieldDefinition.objects.create(key="extra", label="Extra", field_type=field_type, choices=choices)
    with pytest.raises(ValidationError, match=message):
        customer_update(customer=customer, data={"custom_fields": {"extra": value}})


def test_custom_fields_keep_other_keys_and_refuse_undefined_ones(customer):
    CustomFieldDefinition.objects.create(key="terrace_seats", label="Terrace seats", field_type="number")
    CustomFieldDefinition.objects.create(key="tier", label="Tier", field_type="choice", choices=["gold"])
    customer_update(customer=customer, data={"custom_fields": {"terrace_seats": 40}})
    customer_update(customer=customer, data={"custom_fields": {"tier": "gold"}})
    customer.refresh_from_db()
    assert customer.custom_fields == {"terrace_seats": 40, "tier": "gold"}
    with pytest.raises(ValidationError, match='"colour" is not a defined custom field'):
        customer_update(customer=customer, data={"custom_fields": {"colour": "red"}})


def test_regions_ensure_creates_only_missing_regions(db):
    north = Region.objects.create(code="north", name="North")
    ids = regions_ensure(codes=["north", "south"])
    assert ids["north"] == north.id
    assert Region.objects.get(code="south").name == "south"


def test_customers_upsert_creates_then_updates_only_given_fields_and_replaces_groups(salesperson):
    customers_upsert(fields=["external_id", "name", "owner"], rows=[("C5", "Bar Cinco", salesperson.id)], tags={"C5": ["a", "b"]})
    customers_upsert(fields=["external_id", "city"], rows=[("C5", "Bilbao")], tags={"C5": ["b", "c"]})
    customer = Customer.objects.get(external_id="C5")
    assert (customer.name, customer.city, customer.owner) == ("Bar Cinco", "Bilbao", salesperson)
    assert sorted(customer.tags.values_list("name", flat=True)) == ["b", "c"]
    assert CustomerProfile.objects.filter(customer=customer).count() == 1
    assert customer.updated_at >= customer.created_at


def test_the_profile_is_updated_field_by_field_and_checked(db):
    customer = customer_create(external_id="P1", name="Bar Perfil")
    customer_profile_update(customer=customer, data={"profession": "brewer", "annual_income": Decimal("52000.50"), "management_level": 4})
    customer_profile_update(customer=customer, data={"notes": "Likes football"})
    customer.profile.refresh_from_db()
    assert (customer.profile.profession, customer.profile.annual_income, customer.profile.management_level, customer.profile.notes) == (
        "brewer", Decimal("52000.50"), 4, "Likes football"
    )
    with pytest.raises(ValidationError) as refused:
        customer_profile_update(customer=customer, data={"marketing_level": 9, "profession": "changed"})
    assert list(refused.value.message_dict) == ["marketing_level"]
    customer.profile.refresh_from_db()
    assert customer.profile.profession == "brewer"
    with pytest.raises(TypeError, match="unknown profile fields: customer"):
        customer_profile_update(customer=customer, data={"customer": None})


def test_groups_are_set_and_new_ones_created_once(db):
    family = Tag.objects.create(name="family")
    customer = customer_create(external_id="G1", name="Bar Grupo")
    customer_groups_set(customer=customer, tags=[family], new=["Key account", " ", "FAMILY"])
    assert sorted(customer.tags.values_list("name", flat=True)) == ["Key account", "family"]
    customer_groups_set(customer=customer, tags=[], new=["key account"])
    assert list(customer.tags.values_list("name", flat=True)) == ["Key account"]
    assert Tag.objects.count() == 2
