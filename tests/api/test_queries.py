"""API lists take the same number of queries for a few rows or many (no N+1)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clientela.crm.models import Alert, Payment, Product, Tag, Transaction
from clientela.crm.services.contacts import contact_create
from clientela.crm.services.customers import customer_create
from clientela.followup.models import ContactLog
from clientela.segmentation.models import CustomerClass, Snapshot
from clientela.segmentation.services import scheme_save
from tests.fixtures.followup import local


@pytest.fixture
def world(salesperson, customer):
    """Records for every list, added `n` at a time."""
    product = Product.objects.create(sku="BEER", name="Beer")
    group = Tag.objects.create(name="Hotels")  # every customer's, besides one of its own
    snapshot = Snapshot.objects.create(scheme=scheme_save(name="abc-q", definition={"kind": "abc"}), version=1, as_of=date(2026, 1, 31), customers=0)
    added = 0

    def add(n: int) -> None:
        nonlocal added
        for i in range(added, added + n):
            other = customer_create(external_id=f"W{i}", name=f"W{i}", owner=salesperson, tags=[group, Tag.objects.create(name=f"G{i}")])
            Transaction.objects.create(document_id=f"D{i}", customer=other, date=date(2026, 1, 1), amount_cents=i, product=product)
            Payment.objects.create(reference=f"R{i}", customer=other, date=date(2026, 1, 1), amount_cents=i)
            contact_create(customer=customer, name=f"P{i}")
            CustomerClass.objects.create(snapshot=snapshot, customer=other, label="A", explanation={"value": i})
            ContactLog.objects.create(customer=customer, salesperson=salesperson, at=local(date(2026, 1, 1), 9), channel="call", purpose="x", outcome="reached")
            Alert.objects.create(recipient=salesperson, customer=other, kind=Alert.Kind.AT_RISK, message="x")
        added += n

    return add, snapshot


@pytest.mark.parametrize(
    "path",
    ["/customers", "/transactions", "/payments", "/groups", "/alerts", "/customers/{customer}/contacts", "/customers/{customer}/contact-logs", "/snapshots/{snapshot}/classes"],
)
def test_a_list_takes_the_same_queries_for_2_or_12_rows(api_for, salesperson, customer, world, path):
    add, snapshot = world
    api = api_for(salesperson)
    url = path.format(customer=customer.pk, snapshot=snapshot.pk)
    api.get(url)  # the token's last use is written once

    def queries(rows: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            answer = api.get(url)
        assert answer.status == 200 and len(answer.body["items"]) >= rows, answer.body
        return len(captured)

    add(2)
    few = queries(2)
    add(10)
    assert queries(12) == few <= 6
