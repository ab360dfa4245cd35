"""Writes of contacts, contact preferences and do-not-contact periods: checked, all or nothing."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import ContactPreference, DoNotContactPeriod
from clientela.crm.services.contacts import (
    contact_create,
    contact_delete,
    contact_preference_update,
    contact_update,
    do_not_contact_create,
    do_not_contact_delete,
)


def test_a_new_primary_contact_replaces_the_previous_one(customer):
    first = contact_create(customer=customer, name="Lucía", is_primary=True)
    second = contact_create(customer=customer, name="Iker", is_primary=True)
    first.refresh_from_db()
    assert second.is_primary and not first.is_primary
    contact_update(contact=first, data={"is_primary": True, "role": "Owner"})
    second.refresh_from_db()
    assert not second.is_primary


def test_a_bad_contact_is_refused_by_field(customer):
    with pytest.raises(ValidationError) as refused:
        contact_create(customer=customer, name="", email="nope")
    assert set(refused.value.message_dict) == {"name", "email"}
    contact = contact_create(customer=customer, name="Lucía")
    with pytest.raises(ValidationError, match="email"):
        contact_update(contact=contact, data={"email": "nope"})
    contact.refresh_from_db()
    assert contact.email == ""
    with pytest.raises(TypeError, match="stays with its customer"):
        contact_update(contact=contact, data={"customer": None})
    contact_delete(contact=contact)
    assert customer.contacts.count() == 0


def test_preferences_are_created_then_updated(customer):
    contact_preference_update(customer=customer, data={"preferred_days": [0, 2], "preferred_from": time(9), "preferred_to": time(12), "preferred_channel": "visit"})
    contact_preference_update(customer=customer, data={"meeting_style": "short"})
    preference = ContactPreference.objects.get(customer=customer)
    assert (preference.preferred_days, preference.preferred_to, preference.meeting_style) == ([0, 2], time(12), "short")


def test_preferred_hours_that_end_before_they_start_are_refused_and_nothing_is_written(customer):
    with pytest.raises(ValidationError) as refused:
        contact_preference_update(customer=customer, data={"preferred_from": time(17), "preferred_to": time(9)})
    assert refused.value.message_dict == {"preferred_to": ["The preferred hours must end after they start."]}
    assert not ContactPreference.objects.exists()
    with pytest.raises(ValidationError, match="preferred_channel"):
        contact_preference_update(customer=customer, data={"preferred_channel": "pigeon"})


def test_do_not_contact_periods(customer):
    with pytest.raises(ValidationError) as refused:
        do_not_contact_create(customer=customer, start=date(2025, 8, 31), end=date(2025, 8, 1))
    assert refused.value.message_dict == {"end": ["The period must not end before it starts."]}
    period = do_not_contact_create(customer=customer, start=date(2025, 8, 1), end=date(2025, 8, 31), reason="holidays")
    assert list(DoNotContactPeriod.objects.values_list("reason", flat=True)) == ["holidays"]
    do_not_contact_delete(period=period)
    assert not DoNotContactPeriod.objects.exists()
