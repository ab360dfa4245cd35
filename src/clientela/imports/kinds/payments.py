"""Import of payments, upserted by reference."""

from typing import Any

from clientela.crm.models import Customer, Payment
from clientela.crm.services.business import payments_upsert
from clientela.imports.fields import Date, Money, Reference, Text
from clientela.imports.kinds.base import Column, ImportKind


class PaymentsImport(ImportKind):
    model = Payment

    def columns(self) -> list[Column]:
        customers = dict(Customer.objects.values_list("external_id", "id"))
        return [
            Column("reference", Text(64), required=True),
            Column("customer_id", Reference("customer", customers), required=True),
            Column("date", Date(self.settings.date_format), required=True),
            Column("amount", Money(self.settings.decimal_comma), required=True),
            Column("invoice", Text(64), blank=""),
        ]

    def check(self, row: int, record: dict[str, Any]) -> None:
        self.require_unique(row, record["reference"], "reference", "payment reference")

    def write(self, records: list[dict[str, Any]], present: list[str]) -> None:
        payments_upsert(
            rows=[(r["reference"], r["customer_id"], r["date"], r["amount"], r.get("invoice", "")) for r in records]
        )
