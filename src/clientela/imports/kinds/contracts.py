"""Import of contracts with their payment schedules: one row per instalment.

Every row of a contract repeats its customer, signed date and value; the instalments must add up
to the value. A re-import replaces the contract's whole schedule. The pipeline stages of the
contracts' customers follow.
"""

from collections import defaultdict
from typing import Any

from clientela.crm.models import Contract, Customer
from clientela.crm.services.business import contracts_upsert
from clientela.imports.errors import RowError
from clientela.imports.fields import Date, Integer, Money, Reference, Text, format_cents
from clientela.imports.kinds.base import Column, RowProblem
from clientela.imports.kinds.stages import StagesFollow

_CONTRACT_COLUMNS = ("customer_id", "signed_date", "value", "description")


class ContractsImport(StagesFollow):
    model = Contract
    chunk_size = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._first: dict[str, tuple[int, dict[str, Any]]] = {}
        self._scheduled: defaultdict[str, int] = defaultdict(int)
        self._totals: defaultdict[str, int] = defaultdict(int)

    def columns(self) -> list[Column]:
        customers = dict(Customer.objects.values_list("external_id", "id"))
        money = Money(self.settings.decimal_comma)
        date = Date(self.settings.date_format)
        return [
            Column("contract_id", Text(64), required=True),
            Column("customer_id", Reference("customer", customers), required=True),
            Column("signed_date", date, required=True),
            Column("value", money, required=True),
            Column("description", Text(200), blank=""),
            Column("instalment", Integer(minimum=1)),
            Column("due_date", date, required=True),
            Column("instalment_amount", Money(self.settings.decimal_comma, positive=True), required=True),
        ]

    def check(self, row: int, record: dict[str, Any]) -> None:
        contract = record["contract_id"]
        first_row, first = self._first.setdefault(contract, (row, record))
        for column in _CONTRACT_COLUMNS:
            if record.get(column) != first.get(column):
                raise RowProblem(column, f"expected the same {column} as in row {first_row} of contract {contract}")
        if record.get("instalment") is None:
            record["instalment"] = self._scheduled.get(contract, 0) + 1
        self.require_unique(row, (contract, record["instalment"]), "instalment", f"instalment of contract {contract}")
        self._scheduled[contract] = max(self._scheduled[contract], record["instalment"])
        self._totals[contract] += record["instalment_amount"]
        if record["due_date"] < record["signed_date"]:
            raise RowProblem("due_date", "expected a due date on or after the signed date")

    def finish(self) -> list[RowError]:
        problems = []
        for contract, (row, first) in self._first.items():
            if self._totals[contract] != first["value"]:
                problems.append(
                    RowError(
                        row,
                        "value",
                        "",
                        format_cents(first["value"]),
                        f"expected the instalments of contract {contract} to add up to its value "
                        f"(they add up to {format_cents(self._totals[contract])})",
                    )
                )
        return problems

    def record_count(self, rows: int) -> int:
        return len(self._first)

    def write(self, records: list[dict[str, Any]], present: list[str]) -> None:
        schedules: defaultdict[str, list[tuple[int, Any, int]]] = defaultdict(list)
        for r in records:
            schedules[r["contract_id"]].append((r["instalment"], r["due_date"], r["instalment_amount"]))
        contracts = [
            (c, first["customer_id"], first["signed_date"], first["value"], first.get("description", ""))
            for c, (_, first) in self._first.items()
        ]
        self.touched.update(customer for contract_id, customer in Contract.objects.values_list("contract_id", "customer_id") if contract_id in self._first)
        self.touched.update(customer for _, customer, *_ in contracts)
        contracts_upsert(contracts=contracts, schedules=schedules)
