"""Optimistic locking of the customer file: an editor's save names the version it loaded and is refused if it moved on."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from clientela.audit.selectors import customer_last_change
from clientela.crm.models import Contact, ContactPreference, Customer, CustomerProfile, DoNotContactPeriod

# The records whose writes bump the customer's version: the one who changed it last wrote one of them.
FILE_TYPES = tuple(model._meta.label_lower for model in (Customer, CustomerProfile, Contact, ContactPreference, DoNotContactPeriod))


def customer_changed_message(customer: Customer) -> str:
    """Say who changed the customer and when (from the audit trail), and what to do."""
    last = customer_last_change(customer=customer, object_types=FILE_TYPES)
    if last is None:
        return _("%(customer)s was changed since you opened it; reload to see the changes.") % {"customer": customer.name}
    return _("%(customer)s was changed by %(user)s at %(time)s since you opened it; reload to see their changes.") % {
        "customer": customer.name,
        "user": last.actor_label,
        "time": timezone.localtime(last.at).strftime("%H:%M"),
    }


def customer_version_claim(*, customer: Customer, expected_version: int | None) -> None:
    """Lock the customer's row and bump its version; refuse (ValidationError, nothing written) if it is not `expected_version`.

    Call inside the writing transaction; `expected_version` None (no editor behind the write) skips the check.
    """
    current = Customer.objects.select_for_update().values_list("version", flat=True).get(pk=customer.pk)
    if expected_version is not None and expected_version != current:
        raise ValidationError(customer_changed_message(customer), code="changed")
    customer.version = current + 1
    Customer.objects.filter(pk=customer.pk).update(version=customer.version)
