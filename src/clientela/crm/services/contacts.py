"""Writes of a customer's contacts, contact preferences and do-not-contact periods (SPEC S1)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clientela.crm.models import Contact, ContactPreference, Customer, DoNotContactPeriod
from clientela.crm.services.versions import customer_version_claim


@transaction.atomic
def contact_create(*, customer: Customer, name: str, expected_version: int | None = None, **fields: Any) -> Contact:
    """Add a person to a customer; a new primary contact replaces the previous one."""
    customer_version_claim(customer=customer, expected_version=expected_version)
    contact = Contact(customer=customer, name=name, **fields)
    contact.full_clean()
    contact.save()
    _primary_only(contact)
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, data: Mapping[str, Any], expected_version: int | None = None) -> Contact:
    """Update the given fields of a contact; raise ValidationError on bad data or if its customer changed since `expected_version`."""
    customer_version_claim(customer=contact.customer, expected_version=expected_version)
    for name, value in data.items():
        if name == "customer":
            raise TypeError("a contact stays with its customer")
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    _primary_only(contact)
    return contact


def _primary_only(contact: Contact) -> None:
    if contact.is_primary:
        Contact.objects.filter(customer_id=contact.customer_id, is_primary=True).exclude(pk=contact.pk).update(is_primary=False)


@transaction.atomic
def contact_delete(*, contact: Contact, expected_version: int | None = None) -> None:
    """Remove a contact from its customer; raise ValidationError (nothing removed) if the customer changed since `expected_version`."""
    customer_version_claim(customer=contact.customer, expected_version=expected_version)
    contact.delete()


@transaction.atomic
def contact_preference_update(*, customer: Customer, data: Mapping[str, Any], expected_version: int | None = None) -> ContactPreference:
    """Set when and how the customer likes to be contacted (created when missing).

    Raise ValidationError on bad data or if the customer changed since `expected_version`.
    """
    customer_version_claim(customer=customer, expected_version=expected_version)
    preference, _created = ContactPreference.objects.select_for_update().get_or_create(customer=customer)
    for name, value in data.items():
        if name == "customer":
            raise TypeError("a preference stays with its customer")
        setattr(preference, name, value)
    if preference.preferred_from and preference.preferred_to and preference.preferred_from >= preference.preferred_to:
        raise ValidationError({"preferred_to": _("The preferred hours must end after they start.")})
    preference.full_clean()
    preference.save()
    return preference


@transaction.atomic
def do_not_contact_create(
    *, customer: Customer, start: date, end: date, reason: str = "", expected_version: int | None = None
) -> DoNotContactPeriod:
    """Add a period in which the customer must not be contacted.

    Raise ValidationError when it ends before it starts or if the customer changed since `expected_version`.
    """
    customer_version_claim(customer=customer, expected_version=expected_version)
    period = DoNotContactPeriod(customer=customer, start=start, end=end, reason=reason)
    if start and end and end < start:
        raise ValidationError({"end": _("The period must not end before it starts.")})
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def do_not_contact_delete(*, period: DoNotContactPeriod, expected_version: int | None = None) -> None:
    """Remove a do-not-contact period; raise ValidationError (nothing removed) if the customer changed since `expected_version`."""
    customer_version_claim(customer=period.customer, expected_version=expected_version)
    period.delete()
