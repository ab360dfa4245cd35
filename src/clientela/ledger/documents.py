"""What the ledger reads for one customer: invoices, contract schedules and receipts. Money is integer cents."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Invoice:
    """One document's lines added up: issued on `issued`, due on `due`; a negative total is a credit note."""

    document: str
    issued: date
    due: date
    amount_cents: int

    def __post_init__(self) -> None:
        if self.due < self.issued:
            raise ValueError(f"invoice {self.document}: due on {self.due}, before it was issued on {self.issued}")


@dataclass(frozen=True, slots=True)
class Schedule:
    """A signed contract's payment schedule: (sequence, due date, amount in cents) per instalment."""

    contract_id: str
    signed_on: date
    instalments: tuple[tuple[int, date, int], ...]


@dataclass(frozen=True, slots=True)
class Receipt:
    """Money received: when, how much, the invoice or contract it names ("" for none), its reference.

    A negative amount gives money back (a bounced or refunded payment): the customer owes it again.
    """

    on: date
    amount_cents: int
    invoice: str = ""
    reference: str = ""
