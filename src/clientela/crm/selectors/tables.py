"""Whole tables as rows, with the same columns the imports read (so an export can be re-imported)."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from clientela.crm.models import Contact, Customer, Instalment, Payment, Product, Transaction


@dataclass(frozen=True)
class TableExport:
    """The columns of an exported table, the query behind them, and which of them are cents."""

    columns: tuple[str, ...]
    query: Callable[[], QuerySet]
    fields: tuple[str, ...]
    money: frozenset[str] = frozenset()


def _customers() -> QuerySet:
    return Customer.objects.order_by("external_id")


EXPORTS: dict[str, TableExport] = {
    "customers": TableExport(
        (
            "external_id", "name", "kind", "owner", "region", "address", "city", "postal_code", "country",
            "latitude", "longitude", "phone", "email", "channel", "industry", "status", "customer_since", "founded_on",
        ),
        _customers,
        (
            "external_id", "name", "kind", "owner__username", "region__code", "address", "city", "postal_code",
            "country", "latitude", "longitude", "phone", "email", "channel", "industry", "status", "customer_since",
            "founded_on",
        ),
    ),
    "contacts": TableExport(
        ("customer_id", "name", "role", "phone", "email", "birthday", "preferred_contact_times", "is_primary"),
        lambda: Contact.objects.order_by("customer__external_id", "id"),
        ("customer__external_id", "name", "role", "phone", "email", "birthday", "preferred_contact_times", "is_primary"),
    ),
    "products": TableExport(
        ("sku", "name", "family", "variety"),
        lambda: Product.objects.order_by("sku"),
        ("sku", "name", "family", "variety"),
    ),
    "transactions": TableExport(
        ("document_id", "line", "customer_id", "date", "product", "units", "amount", "cost"),
        lambda: Transaction.objects.order_by("date", "document_id", "line"),
        ("document_id", "line", "customer__external_id", "date", "product__sku", "units", "amount_cents", "cost_cents"),
        frozenset({"amount_cents", "cost_cents"}),
    ),
    "payments": TableExport(
        ("reference", "customer_id", "date", "amount", "invoice"),
        lambda: Payment.objects.order_by("date", "reference"),
        ("reference", "customer__external_id", "date", "amount_cents", "invoice"),
        frozenset({"amount_cents"}),
    ),
    "contracts": TableExport(
        ("contract_id", "customer_id", "signed_date", "value", "description", "instalment", "due_date", "instalment_amount"),
        lambda: Instalment.objects.order_by("contract__contract_id", "sequence"),
        (
            "contract__contract_id", "contract__customer__external_id", "contract__signed_on", "contract__value_cents",
            "contract__description", "sequence", "due_date", "amount_cents",
        ),
        frozenset({"contract__value_cents", "amount_cents"}),
    ),
}


def table_rows(name: str) -> Iterator[tuple[Any, ...]]:
    """Yield the rows of an exportable table, money as Decimal amounts."""
    from clientela.crm.models.business import cents_to_amount

    export = EXPORTS[name]
    money = [index for index, field in enumerate(export.fields) if field in export.money]
    for row in export.query().values_list(*export.fields).iterator(chunk_size=5000):
        if money:
            row = list(row)
            for index in money:
                row[index] = cents_to_amount(row[index])
        yield tuple(row)
