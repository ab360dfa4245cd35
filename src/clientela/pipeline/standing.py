"""How a customer stands on its contracts: first payment, instalments paid on time, overdue ones. Pure Python.

Payments are not linked to instalments in the data, so they are allocated: a payment whose
invoice names a contract pays that contract's instalments in order; any other payment (naming no
invoice, or an order's invoice: a supply contract is paid through its orders) pays the earliest
open instalment of the contracts signed by its date. An instalment is paid on the day the
payments cover it in full.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

# The stages the data decide (values of clientela.pipeline.models.Stage; this module needs no Django).
SIGNED = "signed"
QUALIFIED = "qualified"


@dataclass(frozen=True)
class ContractTerms:
    """A contract and its schedule: (sequence, due date, amount in cents) per instalment."""

    contract_id: str
    signed_on: date
    instalments: tuple[tuple[int, date, int], ...]


@dataclass(frozen=True)
class Received:
    """A payment: when, how much (cents) and the invoice or contract it names ("" for none)."""

    on: date
    amount_cents: int
    invoice: str = ""


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


@dataclass
class _Open:
    contract_id: str
    signed_on: date
    sequence: int
    due: date
    missing: int
    paid_on: date | None = None


@dataclass
class _Ledger:
    instalments: list[_Open] = field(default_factory=list)
    first_paid: dict[str, date] = field(default_factory=dict)


def contract_standing(contracts: list[ContractTerms], payments: list[Received], today: date) -> Standing:
    """Allocate the payments received up to `today` to the contracts' instalments and say how the customer stands.

    Examples
    --------
    >>> terms = ContractTerms("K1", date(2026, 1, 10), ((1, date(2026, 2, 10), 500), (2, date(2026, 3, 10), 500)))
    >>> standing = contract_standing([terms], [Received(date(2026, 2, 1), 500, "K1")], today=date(2026, 3, 15))
    >>> standing.first_payment, [(o.sequence, o.missing_cents) for o in standing.overdue]
    (('K1', datetime.date(2026, 1, 10), datetime.date(2026, 2, 1)), [(2, 500)])
    """
    ledger = _Ledger(
        sorted(
            (_Open(terms.contract_id, terms.signed_on, sequence, due, max(amount, 0)) for terms in contracts for sequence, due, amount in terms.instalments),
            key=lambda item: (item.due, item.signed_on, item.contract_id, item.sequence),
        )
    )
    names = {terms.contract_id for terms in contracts}
    for payment in sorted(payments, key=lambda p: p.on):
        if payment.on <= today and payment.amount_cents > 0:
            _allocate(ledger, payment if payment.invoice in names else Received(payment.on, payment.amount_cents))
    signed = {terms.contract_id: terms.signed_on for terms in contracts}
    first = min(ledger.first_paid.items(), key=lambda item: (item[1], item[0]), default=None)
    return Standing(
        first_payment=(first[0], signed[first[0]], first[1]) if first else None,
        completed=_latest_completed(ledger, contracts),
        overdue=tuple(
            Overdue(item.contract_id, item.sequence, item.due, item.missing) for item in ledger.instalments if item.paid_on is None and item.due < today
        ),
    )


def _allocate(ledger: _Ledger, payment: Received) -> None:
    left = payment.amount_cents
    for item in ledger.instalments:
        if left == 0:
            break
        other_contract = bool(payment.invoice) and item.contract_id != payment.invoice
        before_signing = not payment.invoice and item.signed_on > payment.on
        if item.missing == 0 or other_contract or before_signing:
            continue
        ledger.first_paid.setdefault(item.contract_id, payment.on)
        used = min(left, item.missing)
        item.missing -= used
        left -= used
        if item.missing == 0:
            item.paid_on = payment.on
    for item in ledger.instalments:  # a zero instalment is paid when signed
        if item.missing == 0 and item.paid_on is None:
            item.paid_on = item.signed_on


def _latest_completed(ledger: _Ledger, contracts: list[ContractTerms]) -> tuple[str, date, bool] | None:
    latest = None
    for terms in contracts:
        items = [item for item in ledger.instalments if item.contract_id == terms.contract_id]
        if not items or any(item.paid_on is None for item in items):
            continue
        done = max(item.paid_on for item in items if item.paid_on is not None)
        on_time = all(item.paid_on is not None and item.paid_on <= item.due for item in items)
        if latest is None or (done, terms.signed_on) > (latest[1], _signed_on(contracts, latest[0])):
            latest = (terms.contract_id, done, on_time)
    return latest


def _signed_on(contracts: list[ContractTerms], contract_id: str) -> date:
    return next(terms.signed_on for terms in contracts if terms.contract_id == contract_id)


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
