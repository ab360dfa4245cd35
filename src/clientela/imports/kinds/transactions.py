"""Import of transaction lines, upserted by (document id, line).

Without a `line` column, lines are numbered 1, 2, ... within each document in file order, so a
re-import of the same file updates the same lines. Give either `cost` or `margin` for profit.
"""

from collections import Counter
from typing import Any

from clientela.crm.models import Customer, Product, Transaction
from clientela.crm.services.business import transactions_upsert
from clientela.imports.fields import Date, Integer, Money, Reference, Text
from clientela.imports.kinds.base import Column, ImportKind, RowProblem


class TransactionsImport(ImportKind):
    model = Transaction

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lines_in: Counter[str] = Counter()

    def columns(self) -> list[Column]:
        customers = dict(Customer.objects.values_list("external_id", "id"))
        products = dict(Product.objects.values_list("sku", "id"))
        money = Money(self.settings.decimal_comma)
        return [
            Column("document_id", Text(64), required=True),
            Column("line", Integer(minimum=1)),
            Column("customer_id", Reference("customer", customers), required=True),
            Column("date", Date(self.settings.date_format), required=True),
            Column("product", Reference("product SKU", products)),
            Column("units", Integer()),
            Column("amount", money, required=True),
            Column("cost", money),
            Column("margin", money),
        ]

    def check(self, row: int, record: dict[str, Any]) -> None:
        document = record["document_id"]
        if record.get("line") is None:
            self._lines_in[document] += 1
            record["line"] = self._lines_in[document]
        self.require_unique(row, (document, record["line"]), "line", f"line of document {document}")
        if record.get("cost") is not None and record.get("margin") is not None:
            if record["amount"] - record["cost"] != record["margin"]:
                raise RowProblem("margin", "expected amount - cost when both cost and margin are given")
        if record.get("cost") is None and record.get("margin") is not None:
            record["cost"] = record["amount"] - record["margin"]

    def write(self, records: list[dict[str, Any]], present: list[str]) -> None:
        transactions_upsert(
            rows=[
                (
                    r["document_id"],
                    r["line"],
                    r["customer_id"],
                    r["date"],
                    r.get("product"),
                    r.get("units"),
                    r["amount"],
                    r.get("cost"),
                )
                for r in records
            ]
        )
