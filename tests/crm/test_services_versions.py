"""Optimistic locking: every write of the customer file bumps the version; a save naming an older version is refused, nothing written."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clientela.audit.actors import acting_as
from clientela.crm.models import Customer
from clientela.crm.services.contacts import contact_create, contact_preference_update, do_not_contact_create
from clientela.crm.services.customers import customer_groups_set, customer_profile_update, customer_update


def test_every_write_of_the_customer_file_bumps_the_version(customer):
    assert customer.version == 1
    customer_update(customer=customer, data={"city": "Lugo"})
    customer_profile_update(customer=customer, data={"profession": "chef"})
    customer_groups_set(customer=customer, tags=[], new=["wine"])
    contact_create(customer=customer, name="Eva")
    contact_preference_update(customer=customer, data={"meeting_style": "short"})
    do_not_contact_create(customer=customer, start=date(2026, 8, 1), end=date(2026, 8, 2))
    assert Customer.objects.get(pk=customer.pk).version == customer.version == 7


def test_a_save_on_the_loaded_version_goes_through(customer):
    customer_update(customer=customer, data={"city": "Lugo"}, expected_version=1)
    assert Customer.objects.values_list("city", "version").get(pk=customer.pk) == ("Lugo", 2)


def test_a_save_on_an_older_version_is_refused_naming_who_changed_it_and_when(customer, other_salesperson):
    first_editor = Customer.objects.get(pk=customer.pk)
    second_editor = Customer.objects.get(pk=customer.pk)
    with acting_as("web", user=other_salesperson):
        customer_update(customer=first_editor, data={"city": "Lugo"}, expected_version=1)
    with pytest.raises(ValidationError) as refused:
        customer_update(customer=second_editor, data={"city": "Vigo", "phone": "555"}, expected_version=1)
    at = timezone.localtime().strftime("%H:%M")
    assert refused.value.messages == [f"Bar Uno was changed by bruno at {at} since you opened it; reload to see their changes."]
    assert Customer.objects.values_list("city", "phone", "version").get(pk=customer.pk) == ("Lugo", "", 2)


@pytest.mark.parametrize(
    "save",
    [
        lambda customer: customer_profile_update(customer=customer, data={"profession": "chef"}, expected_version=1),
        lambda customer: customer_groups_set(customer=customer, tags=[], new=["wine"], expected_version=1),
        lambda customer: contact_preference_update(customer=customer, data={"meeting_style": "short"}, expected_version=1),
        lambda customer: contact_create(customer=customer, name="Eva", expected_version=1),
        lambda customer: do_not_contact_create(customer=customer, start=date(2026, 8, 1), end=date(2026, 8, 2), expected_version=1),
    ],
    ids=["profile", "groups", "preferences", "contact", "do-not-contact"],
)
def test_every_section_refuses_a_stale_version_and_writes_nothing(customer, save):
    customer_update(customer=Customer.objects.get(pk=customer.pk), data={"city": "Lugo"})
    with pytest.raises(ValidationError, match="since you opened it"):
        save(customer)
    fresh = Customer.objects.get(pk=customer.pk)
    assert fresh.version == 2
    assert not fresh.contacts.exists() and not fresh.tags.exists() and not fresh.do_not_contact_periods.exists()
    assert fresh.profile.profession == ""
    assert not hasattr(fresh, "preference") or fresh.preference.meeting_style == "any"
