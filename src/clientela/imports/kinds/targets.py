"""Import of sales targets per salesperson × customer × product (or family) × month, upserted by that scope.

`salesperson` is a username; `customer_id` (an external id of one of the salesperson's customers)
is optional: without it the target covers every customer they own. `product` (a SKU) or `family`
narrows the products; neither means all. A row without `month` is a yearly target, spread over the
months by the same scope's sales the year before (evenly without them). Give `amount`, `units` or both.
"""

from typing import Any

from clientela.crm.models import Customer, Product, User
from clientela.fieldsales.models import Target
from clientela.fieldsales.services import target_save, target_year_spread
from clientela.imports.fields import Choice, Integer, Money, Reference
from clientela.imports.kinds.base import Column, ImportKind, RowProblem

MONTHS_IN_YEAR = 12


class TargetsImport(ImportKind):
    model = Target
    chunk_size = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._records = 0
        self._owners: dict[int, int | None] = {}

    def columns(self) -> list[Column]:
        users = dict(User.objects.filter(role=User.Role.SALESPERSON).values_list("username", "id"))
        customers = {}
        for external_id, pk, owner in Customer.objects.values_list("external_id", "id", "owner_id"):
            customers[external_id] = pk
            self._owners[pk] = owner
        self._family_names = {family.lower(): family for family in Product.objects.exclude(family="").values_list("family", flat=True)}
        return [
            Column("salesperson", Reference("salesperson username", users), required=True),
            Column("customer_id", Reference("customer", customers)),
            Column("product", Reference("product SKU", dict(Product.objects.values_list("sku", "id")))),
            Column("family", Choice(tuple(sorted(self._family_names))), blank=""),
            Column("year", Integer(minimum=2000), required=True),
            Column("month", Integer(minimum=1)),
            Column("amount", Money(self.settings.decimal_comma)),
            Column("units", Integer(minimum=0)),
        ]

    def check(self, row: int, record: dict[str, Any]) -> None:
        if record["year"] > 2100:
            raise RowProblem("year", "expected a year between 2000 and 2100")
        if record.get("month") is not None and record["month"] > MONTHS_IN_YEAR:
            raise RowProblem("month", "expected a month from 1 to 12, or nothing for the whole year")
        if record.get("amount") is None and record.get("units") is None:
            raise RowProblem("amount", "give an amount, units or both")
        if record.get("amount") is not None and record["amount"] < 0:
            raise RowProblem("amount", "expected an amount of at least 0")
        if record.get("product") is not None and record.get("family"):
            raise RowProblem("family", "give a product or a product family, not both")
        customer = record.get("customer_id")
        if customer is not None and self._owners[customer] != record["salesperson"]:
            raise RowProblem("customer_id", "expected a customer of this row's salesperson")
        record["family"] = self._family_names.get(record.get("family") or "", "")
        scope = (record["salesperson"], customer, record.get("product"), record["family"], record["year"], record.get("month"))
        self.require_unique(row, scope, "month", "target of the same salesperson, customer, product and month")
        self._records += 1 if record.get("month") else MONTHS_IN_YEAR

    def write(self, records: list[dict[str, Any]], present: list[str]) -> None:
        people = User.objects.in_bulk({r["salesperson"] for r in records})
        customers = Customer.objects.in_bulk({r["customer_id"] for r in records if r.get("customer_id")})
        products = Product.objects.in_bulk({r["product"] for r in records if r.get("product")})
        for record in records:
            scope = {
                "salesperson": people[record["salesperson"]],
                "year": record["year"],
                "customer": customers.get(record.get("customer_id")),
                "product": products.get(record.get("product")),
                "family": record["family"],
                "amount_cents": record.get("amount"),
                "units": record.get("units"),
            }
            if record.get("month"):
                target_save(month=record["month"], **scope)
            else:
                target_year_spread(**scope)

    def record_count(self, rows: int) -> int:
        return self._records
