"""The set-based upsert behind imports and the demo."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from clientela.crm.models import Product, Transaction
from clientela.crm.services.bulk import bulk_upsert, checked_at_end


def test_bulk_upsert_inserts_with_defaults_and_updates_only_update_fields(db):
    bulk_upsert(Product, fields=["sku", "name"], rows=[("A", "Lager"), ("B", "Stout")], unique_fields=["sku"], update_fields=["name"])
    Product.objects.filter(sku="A").update(family="Beer")
    bulk_upsert(Product, fields=["sku", "name"], rows=[("A", "Lager 33"), ("C", "Cola")], unique_fields=["sku"], update_fields=["name"])
    assert list(Product.objects.order_by("sku").values_list("sku", "name", "family")) == [
        ("A", "Lager 33", "Beer"),
        ("B", "Stout", ""),
        ("C", "Cola", ""),
    ]


def test_bulk_upsert_writes_dates_in_batches(customer):
    rows = [(f"D{i}", 1, customer.id, date(2024, 1, 1 + i % 28), None, 1, 100 * i, None) for i in range(25)]
    bulk_upsert(
        Transaction,
        fields=["document_id", "line", "customer", "date", "product", "units", "amount_cents", "cost_cents"],
        rows=rows,
        unique_fields=["document_id", "line"],
        update_fields=["amount_cents"],
        batch_size=7,
    )
    assert Transaction.objects.count() == 25
    assert Transaction.objects.get(document_id="D3").date == date(2024, 1, 4)


def test_bulk_upsert_with_nothing_to_update_leaves_existing_rows(db):
    Product.objects.create(sku="A", name="Original")
    bulk_upsert(Product, fields=["sku", "name"], rows=[("A", "Changed")], unique_fields=["sku"], update_fields=[])
    assert Product.objects.get(sku="A").name == "Original"


@pytest.mark.django_db(transaction=True)
def test_checked_at_end_refuses_a_dangling_reference_and_writes_nothing():
    with pytest.raises(IntegrityError), checked_at_end(Transaction):
        bulk_upsert(
            Transaction,
            fields=["document_id", "line", "customer", "date", "amount_cents"],
            rows=[("D1", 1, 999_999, date(2024, 1, 1), 100)],
            unique_fields=["document_id", "line"],
            update_fields=[],
        )
    assert not Transaction.objects.exists()
    assert transaction.get_autocommit()
