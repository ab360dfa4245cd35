"""How a customer stands on its contracts: first payment, instalments paid on time, overdue ones. Pure Python.

Payments are allocated by the receivables ledger (clientela.ledger.allocation), the same as on the
receivables pages: a payment naming an invoice pays that invoice, one naming a contract pays that
contract's instalments, and the rest pays the oldest open items, invoices and instalments alike.
So an order's payment pays the order, not a supply contract. An instalment is paid on the day its
allocations cover it in full.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from clientela.ledger import INSTALMENT, Invoice, Item, Receipt, Schedule, allocate

# The stages the data decide (values of clientela.pipeline.models.Stage; this module needs no Django).
SIGNED = "signed"
QUALIFIED = "qualified"


@dataclass(frozen=True)
class Overdue:
    """An instalment past its due date and not paid in full."""

    contract_id: str
    sequence: int
    due: date
    missing_cents: int


@dataclass(frozen=True)
class Standing:
    """The facts that decide the signed and qualified stages."""

    first_payment: tuple[str, date, date] | None = None  # contract, its signing date, the first payment's date
    completed: tuple[str, date, bool] | None = None  # the latest contract paid in full, when, and whether on time
    overdue: tuple[Overdue, ...] = ()


def contract_standing(contracts: Sequence[Schedule], payments: Sequence[Receipt], today: date, invoices: Sequence[Invoice] = ()) -> Standing:
    """Allocate the payments received up to `today` to the invoices and instalments and say how the customer stands.

    Examples
    --------
    >>> terms = Schedule("K1", date(2026, 1, 10), ((1, date(2026, 2, 10), 500), (2, date(2026, 3, 10), 500)))
    >>> standing = contract_standing([terms], [Receipt(date(2026, 2, 1), 500, "K1")], today=date(2026, 3, 15))
    >>> standing.first_payment, [(o.sequence, o.missing_cents) for o in standing.overdue]
    (('K1', datetime.date(2026, 1, 10), datetime.date(2026, 2, 1)), [(2, 500)])
    """
    ledger = allocate(invoices, contracts, [payment for payment in payments if payment.on <= today])
    instalments = [item for item in ledger.items if item.kind == INSTALMENT]
    paid = [(part.on, item.ref) for item in instalments for part in item.allocations if part.on <= today]
    first = min(paid, default=None)
    signed = {terms.contract_id: terms.signed_on for terms in contracts}
    return Standing(
        first_payment=(first[1], signed[first[1]], first[0]) if first else None,
        completed=_latest_completed(instalments, signed, today),
        overdue=tuple(Overdue(item.ref, item.sequence, item.due, item.open_on(today)) for item in instalments if item.overdue_on(today)),
    )


def _latest_completed(instalments: list[Item], signed: dict[str, date], today: date) -> tuple[str, date, bool] | None:
    schedules: dict[str, list[Item]] = {}
    for item in instalments:
        schedules.setdefault(item.ref, []).append(item)
    latest = None
    for contract_id, items in schedules.items():
        days = [item.paid_on for item in items]
        if any(day is None or day > today for day in days):
            continue
        done = max(day for day in days if day is not None)
        on_time = all(item.paid_on is not None and item.paid_on <= item.due for item in items)
        if latest is None or (done, signed[contract_id]) > (latest[1], signed[latest[0]]):
            latest = (contract_id, done, on_time)
    return latest


@dataclass(frozen=True)
class Move:
    """A stage change the data decides: to which stage, on which day, and why."""

    to_stage: str
    on: date
    reason: str


def data_moves(stage: str, standing: Standing) -> list[Move]:
    """The moves that bring a customer at `stage` to where its contracts and payments put it (none if already there).

    A first payment on a signed contract makes a prospect signed; the latest contract paid in full
    by its due dates, with nothing overdue, makes it qualified; an overdue instalment, or a
    latest contract paid late, takes a qualified customer back to signed. Without a first
    payment the data decide nothing.

    Examples
    --------
    >>> data_moves("target", Standing(first_payment=("K1", date(2026, 1, 10), date(2026, 2, 1))))[0].to_stage
    'signed'
    """
    if standing.first_payment is None:
        return []
    moves = []
    if stage not in (SIGNED, QUALIFIED):
        contract, signed_on, paid_on = standing.first_payment
        moves.append(Move(SIGNED, paid_on, f"contract {contract} signed on {signed_on}, first payment received on {paid_on}"))
        stage = SIGNED
    completed = standing.completed
    qualifies = completed is not None and completed[2] and not standing.overdue
    if stage == SIGNED and qualifies:
        assert completed is not None
        moves.append(Move(QUALIFIED, completed[1], f"contract {completed[0]} paid in full by its due dates (last payment on {completed[1]})"))
    elif stage == QUALIFIED and not qualifies:
        if standing.overdue:
            late = standing.overdue[0]
            moves.append(Move(SIGNED, late.due + timedelta(days=1), f"instalment {late.sequence} of contract {late.contract_id} was due on {late.due} and is not paid in full"))
        elif completed is not None:
            moves.append(Move(SIGNED, completed[1], f"contract {completed[0]} was paid in full only on {completed[1]}, after a due date"))
    return moves
