"""The people at a customer: list, add, read, change, remove; only at customers the user may see."""

from clientela.crm.models import Contact
from clientela.crm.services.contacts import contact_create
from tests.api.conftest import assert_error


def test_add_list_change_and_remove_people(api_for, salesperson, customer):
    api = api_for(salesperson)
    base = f"/customers/{customer.pk}/contacts"
    eva = api.post(base, {"name": "Eva", "role": "Owner", "is_primary": True})
    assert eva.status == 201 and eva.body["customer_id"] == customer.pk
    luis = api.post(base, {"name": "Luis", "email": "luis@example.com", "is_primary": True}).body
    assert [(c["name"], c["is_primary"]) for c in api.get(base).body["items"]] == [("Luis", True), ("Eva", False)]
    assert api.get(f"{base}/{eva.body['id']}").body["role"] == "Owner"
    changed = api.patch(f"{base}/{luis['id']}", {"phone": "+34 600 000 000", "birthday": "1980-05-01"})
    assert (changed.body["phone"], changed.body["birthday"], changed.body["name"]) == ("+34 600 000 000", "1980-05-01", "Luis")
    assert api.delete(f"{base}/{eva.body['id']}").status == 204
    assert list(Contact.objects.values_list("name", flat=True)) == ["Luis"]


def test_bad_contact_fields_are_named(api_for, salesperson, customer):
    api = api_for(salesperson)
    base = f"/customers/{customer.pk}/contacts"
    assert_error(api.post(base, {"name": "Eva", "email": "eva@"}), 422, "email")
    assert_error(api.post(base, {"role": "Owner"}), 422, "name")
    eva = contact_create(customer=customer, name="Eva")
    assert_error(api.patch(f"{base}/{eva.pk}", {"name": None}), 422, "name")
    assert not Contact.objects.exclude(pk=eva.pk).exists()


def test_a_contact_is_reached_only_through_its_own_customer(api_for, salesperson, customer, theirs, admin_user):
    theirs_contact = contact_create(customer=theirs, name="Pablo")
    api = api_for(salesperson)
    assert_error(api.get(f"/customers/{customer.pk}/contacts/{theirs_contact.pk}"), 404)
    assert_error(api.patch(f"/customers/{theirs.pk}/contacts/{theirs_contact.pk}", {"name": "Hacked"}), 404)
    assert_error(api.delete(f"/customers/{theirs.pk}/contacts/{theirs_contact.pk}"), 404)
    assert Contact.objects.get(pk=theirs_contact.pk).name == "Pablo"
    assert api_for(admin_user).get(f"/customers/{theirs.pk}/contacts/{theirs_contact.pk}").body["name"] == "Pablo"


def test_a_change_or_removal_over_a_newer_customer_version_is_refused_and_writes_nothing(api_for, salesperson, supervisor, customer):
    base = f"/customers/{customer.pk}/contacts"
    eva = contact_create(customer=customer, name="Eva")
    read = api_for(salesperson).get(f"/customers/{customer.pk}").body["version"]
    assert api_for(supervisor).patch(f"/customers/{customer.pk}", {"phone": "+34 611", "version": read}).status == 200

    api = api_for(salesperson)
    late_change = api.patch(f"{base}/{eva.pk}", {"role": "Owner", "version": read})
    assert_error(late_change, 409)
    assert "since you opened it" in late_change.body["detail"]
    assert_error(api.delete(f"{base}/{eva.pk}?version={read}"), 409)
    assert Contact.objects.get(pk=eva.pk).role == ""

    fresh = api.get(f"/customers/{customer.pk}").body["version"]
    changed = api.patch(f"{base}/{eva.pk}", {"role": "Owner", "version": fresh})
    assert changed.status == 200 and changed.body["role"] == "Owner"
    assert api.delete(f"{base}/{eva.pk}?version={fresh + 1}").status == 204
    assert not Contact.objects.filter(pk=eva.pk).exists()
