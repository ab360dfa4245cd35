"""A small demo company, built once for the tests of this folder (a package of its own, so that other tests see an
empty database, and emptied after them), with every customer named like a formula: the customers
of salesperson sales1 `=cmd|' /C calc'!A0 <n>`, all others `@SUM(1+1) <n>`."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from clientela.api.services import token_create
from clientela.crm.models import Contact, Customer, DoNotContactPeriod, Tag, Team, User
from clientela.demo.build import build_demo
from clientela.fieldsales.models import PlannedVisit
from clientela.retention.models import LossReason
from clientela.retention.services.losses import customer_mark_lost
from clientela.segmentation.models import PreviewRun, Scheme

OWNER_FORMULA = "=cmd|' /C calc'!A0"
OTHERS_FORMULA = "@SUM(1+1)"


@dataclass(frozen=True)
class Company:
    """The users of the tests and the sample values that fill the URL patterns."""

    admin: User
    owner: User  # sales1: every customer of theirs is named like a formula
    other: User  # sales2, same team
    owner_customers: frozenset[str]  # external ids
    values: dict[str, object]


@pytest.fixture(scope="package")
def company(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_demo(seed=7, end=timezone.localdate(), customers=40)
        owner, other = User.objects.get(username="sales1"), User.objects.get(username="sales2")
        for customer in Customer.objects.all():
            Customer.objects.filter(pk=customer.pk).update(name=f"{OWNER_FORMULA if customer.owner_id == owner.pk else OTHERS_FORMULA} {customer.pk}")
        mine = list(Customer.objects.filter(owner=owner).order_by("pk"))
        customer_mark_lost(customer=mine[-1], user=owner, reason=LossReason.COMPETITOR)  # so the lost-customers export lists one
        customer = mine[0]
        contact = Contact.objects.filter(customer=customer).first() or Contact.objects.create(customer=customer, name="Someone")
        period = DoNotContactPeriod.objects.create(customer=customer, start=date(2030, 1, 1), end=date(2030, 1, 2))
        visit = PlannedVisit.objects.filter(customer__owner=owner).first()
        admin, abc = User.objects.get(username="admin"), Scheme.objects.get(name="abc")
        preview = PreviewRun.objects.create(
            requested_by=admin, scheme=abc, key="walks", definition=abc.definition, as_of=timezone.localdate(), finished_at=timezone.now(), counts={"A": 1}
        )
        values = {
            "customers": customer.pk, "contact": contact.pk, "period": period.pk, "name": "transactions", "section": "details",
            "visits": visit.pk if visit else 0, "groups": Tag.objects.first().pk, "users": owner.pk, "teams": Team.objects.first().pk,
            "scheme": "abc", "api-tokens": token_create(user=owner, name="walks").token.pk, "previews": preview.pk,
        }
        yield Company(admin, owner, other, frozenset(c.external_id for c in mine), values)
        call_command("flush", interactive=False, verbosity=0)  # the defaults a new installation has come back (tests/conftest.py)
