"""Import of customers, upserted by external id. Only the columns in the file are updated.

`owner` is a username, `region` a region code (unknown regions are created), `tags` group names
separated by ';' (they replace the customer's groups). The customers the file creates that look
like another customer are listed (clientela.imports.lookalikes), or refuse the file when the
settings say so.
"""

from typing import Any

from clientela.crm.models import Customer, User
from clientela.crm.services.customers import customers_upsert, regions_ensure
from clientela.imports.errors import RowError
from clientela.imports.fields import Choice, Date, Float, Reference, TagList, Text
from clientela.imports.kinds.base import Column, ImportKind, ImportSettings, RowProblem
from clientela.imports.lookalikes import suspected_duplicates


class CustomersImport(ImportKind):
    model = Customer

    def __init__(self, settings: ImportSettings) -> None:
        super().__init__(settings)
        self._rows: dict[str, int] = {}  # external id -> its row
        self._existed: set[str] = set()  # external ids of the file the database had before

    def columns(self) -> list[Column]:
        users = dict(User.objects.values_list("username", "id"))
        date = Date(self.settings.date_format)
        return [
            Column("external_id", Text(64), required=True),
            Column("name", Text(200), required=True),
            Column("kind", Choice(tuple(Customer.Kind.values)), blank=Customer.Kind.COMPANY),
            Column("owner", Reference("salesperson username", users)),
            Column("region", Text(40)),
            Column("address", Text(200), blank=""),
            Column("city", Text(100), blank=""),
            Column("postal_code", Text(20), blank=""),
            Column("country", Text(2), blank=""),
            Column("latitude", Float(-90, 90)),
            Column("longitude", Float(-180, 180)),
            Column("phone", Text(40), blank=""),
            Column("email", Text(254), blank=""),
            Column("channel", Text(50), blank=""),
            Column("industry", Text(100), blank=""),
            Column("status", Choice(tuple(Customer.Status.values)), blank=Customer.Status.ACTIVE),
            Column("customer_since", date),
            Column("founded_on", date),
            Column("tags", TagList(), blank=()),
        ]

    def check(self, row: int, record: dict[str, Any]) -> None:
        self.require_unique(row, record["external_id"], "external_id", "customer id")
        self._rows[record["external_id"]] = row
        email = record.get("email")
        if email and ("@" not in email or " " in email):
            raise RowProblem("email", "expected an e-mail address like name@example.com")
        if (record.get("latitude") is None) != (record.get("longitude") is None):
            raise RowProblem("latitude", "expected both latitude and longitude, or neither")

    def write(self, records: list[dict[str, Any]], present: list[str]) -> None:
        external_ids = [record["external_id"] for record in records]
        self._existed.update(Customer.objects.filter(external_id__in=external_ids).values_list("external_id", flat=True))
        fields = [name for name in present if name != "tags"]
        if "region" in fields:
            region_ids = regions_ensure(codes={r["region"] for r in records if r.get("region")})
            for record in records:
                record["region"] = region_ids.get(record.get("region") or "")
        tags = {r["external_id"]: r.get("tags", ()) for r in records} if "tags" in present else None
        customers_upsert(fields=fields, rows=[tuple(r[f] for f in fields) for r in records], tags=tags)

    def after_write(self) -> list[RowError]:
        created = self._rows.keys() - self._existed
        self.suspected_duplicates = tuple(suspected_duplicates(rows=self._rows, created=created))
        return [suspect.as_error() for suspect in self.suspected_duplicates] if self.settings.refuse_duplicates else []
