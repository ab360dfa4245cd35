"""Import of payments, upserted by reference; the pipeline stages of their customers follow."""

from typing import Any

from clientela.crm.models import Customer, Payment
from clientela.crm.services.business import payments_upsert
from clientela.imports.fields import Date, Money, Reference, Text
from clientela.imports.kinds.base import Column
from clientela.imports.kinds.stages import StagesFollow


class PaymentsImport(StagesFollow):
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
        references = [r["reference"] for r in records]
        self.touched.update(Payment.objects.filter(reference__in=references).values_list("customer_id", flat=True))
        self.touched.update(r["customer_id"] for r in records)
        payments_upsert(
            rows=[(r["reference"], r["customer_id"], r["date"], r["amount"], r.get("invoice", "")) for r in records]
        )
