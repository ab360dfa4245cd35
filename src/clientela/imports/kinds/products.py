"""Import of products, upserted by SKU."""

from typing import Any

from clientela.crm.models import Product
from clientela.crm.services.business import products_upsert
from clientela.imports.fields import Text
from clientela.imports.kinds.base import Column, ImportKind


class ProductsImport(ImportKind):
    model = Product

    def columns(self) -> list[Column]:
        return [
            Column("sku", Text(64), required=True),
            Column("name", Text(200), required=True),
            Column("family", Text(100), blank=""),
            Column("variety", Text(100), blank=""),
        ]

    def check(self, row: int, record: dict[str, Any]) -> None:
        self.require_unique(row, record["sku"], "sku", "SKU")

    def write(self, records: list[dict[str, Any]], present: list[str]) -> None:
        fields = present
        products_upsert(fields=fields, rows=[tuple(r[f] for f in fields) for r in records])
