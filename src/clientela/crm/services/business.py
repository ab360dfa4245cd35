"""Writes of business data (SPEC S2): products, transactions, payments, contracts."""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import transaction

from clientela.crm.models import Contract, Instalment, Payment, Product, Transaction
from clientela.crm.services.bulk import bulk_upsert

TRANSACTION_FIELDS = ("document_id", "line", "customer", "date", "product", "units", "amount_cents", "cost_cents")
PAYMENT_FIELDS = ("reference", "customer", "date", "amount_cents", "invoice")
CONTRACT_FIELDS = ("contract_id", "customer", "signed_on", "value_cents", "description")
INSTALMENT_FIELDS = ("sequence", "due_date", "amount_cents")


@transaction.atomic
def products_upsert(*, fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Create or update products by SKU; only `fields` are overwritten on existing products."""
    bulk_upsert(Product, fields=fields, rows=rows, unique_fields=["sku"], update_fields=[f for f in fields if f != "sku"])


@transaction.atomic
def transactions_upsert(*, rows: Iterable[Sequence[Any]]) -> None:
    """Create or replace transaction lines (ordered as TRANSACTION_FIELDS) by (document id, line)."""
    bulk_upsert(
        Transaction,
        fields=TRANSACTION_FIELDS,
        rows=rows,
        unique_fields=["document_id", "line"],
        update_fields=TRANSACTION_FIELDS[2:],
    )


@transaction.atomic
def payments_upsert(*, rows: Iterable[Sequence[Any]]) -> None:
    """Create or replace payments (ordered as PAYMENT_FIELDS) by reference."""
    bulk_upsert(Payment, fields=PAYMENT_FIELDS, rows=rows, unique_fields=["reference"], update_fields=PAYMENT_FIELDS[1:])


@transaction.atomic
def contracts_upsert(
    *, contracts: Sequence[Sequence[Any]], schedules: dict[str, Sequence[tuple[int, date, int]]]
) -> None:
    """Create or replace contracts (ordered as CONTRACT_FIELDS) and their whole payment schedules."""
    bulk_upsert(Contract, fields=CONTRACT_FIELDS, rows=contracts, unique_fields=["contract_id"], update_fields=CONTRACT_FIELDS[1:])
    ids = dict(Contract.objects.filter(contract_id__in=list(schedules)).values_list("contract_id", "id"))
    Instalment.objects.filter(contract_id__in=ids.values()).delete()
    Instalment.objects.bulk_create(
        Instalment(contract_id=ids[contract_id], sequence=sequence, due_date=due_date, amount_cents=amount_cents)
        for contract_id, schedule in schedules.items()
        for sequence, due_date, amount_cents in schedule
    )
