"""Which money pays which debt: one customer's receipts and credit notes allocated to what they owe. Pure Python.

What is owed (items): each invoice with a positive total, due on its due date; each instalment of a
contract, owed from the signing (the contract's value is committed) and due on its date; and each
negative receipt (money given back), due at once. What pays (credits): each positive receipt and
each credit note (an invoice with a negative total).

Credits are applied in date order (on a day, items issued that day first, then credits by
reference). A receipt naming an invoice pays that invoice first; naming a contract, that contract's
instalments in order, even before the contract is signed (a deposit). What is left, and every
credit naming nothing or an unknown document, pays the oldest items issued by its date: earliest
due first, then earliest issued. Money left over after that stays on account and pays the next
items on the day they are issued. An allocation is dated when the money meets the debt: the
credit's date, or the item's issue date for money that came before.
"""

import heapq
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from clientela.ledger.documents import Invoice, Receipt, Schedule

INVOICE = "invoice"
INSTALMENT = "instalment"
REVERSAL = "reversal"
PAYMENT = "payment"
CREDIT_NOTE = "credit_note"


@dataclass(slots=True, eq=False)
class Credit:
    """Money that pays items: a receipt (`PAYMENT`) or a credit note; `unapplied_cents` is what never found a debt."""

    kind: str
    ref: str
    on: date
    amount_cents: int
    link: str = ""
    unapplied_cents: int = 0


@dataclass(frozen=True, slots=True)
class Allocation:
    """`amount_cents` of `credit` paid an item on `on`."""

    credit: Credit
    on: date
    amount_cents: int


@dataclass(slots=True, eq=False)
class Item:
    """Something owed: an invoice, an instalment (`sequence` ≥ 1) or money given back; with what paid it."""

    kind: str
    ref: str
    sequence: int
    issued: date
    due: date
    amount_cents: int
    missing_cents: int = 0
    paid_on: date | None = None
    allocations: list[Allocation] = field(default_factory=list)
    rank: int = 0  # the place in the order items are paid in (see _age)

    def open_on(self, day: date) -> int:
        """What is still owed at the end of `day` (0 for an item not issued yet)."""
        if self.issued > day or (self.paid_on is not None and self.paid_on <= day):
            return 0
        return self.amount_cents - sum(part.amount_cents for part in self.allocations if part.on <= day)

    def overdue_on(self, day: date) -> bool:
        """Whether the item is past its due date and not paid in full at the end of `day`."""
        return self.due < day and self.open_on(day) > 0


@dataclass(frozen=True)
class Ledger:
    """A customer's items (oldest first) and credits after allocation."""

    items: tuple[Item, ...]
    credits: tuple[Credit, ...]

    def on_account_on(self, day: date) -> int:
        """Money received by the end of `day` that no item issued by then took (credit in the customer's favour)."""
        # What a credit of that day left unapplied, plus what it paid items issued only later.
        cents = sum(credit.unapplied_cents for credit in self.credits if credit.on <= day)
        for item in self.items:
            if item.issued > day:
                cents += sum(part.amount_cents for part in item.allocations if part.credit.on <= day)
        return cents


def allocate(invoices: Iterable[Invoice] = (), schedules: Iterable[Schedule] = (), receipts: Iterable[Receipt] = ()) -> Ledger:
    """Allocate one customer's receipts and credit notes to their invoices, instalments and refunds.

    Examples
    --------
    >>> from datetime import date
    >>> invoices = [Invoice("F1", date(2026, 1, 5), date(2026, 2, 4), 300), Invoice("F2", date(2026, 1, 20), date(2026, 2, 19), 500)]
    >>> ledger = allocate(invoices, receipts=[Receipt(date(2026, 2, 1), 600, "F2"), Receipt(date(2026, 2, 10), 100)])
    >>> [(item.ref, item.missing_cents, item.paid_on) for item in ledger.items]
    [('F1', 100, None), ('F2', 0, datetime.date(2026, 2, 1))]
    """
    items, credits = _items_and_credits(invoices, schedules, receipts)
    items.sort(key=_age)
    for rank, item in enumerate(items):
        item.rank = rank
    by_issue = sorted(items, key=lambda item: (item.issued, item.rank))
    linked = _links(items)
    waiting: list[tuple[int, Item]] = []  # open items issued so far, by rank
    on_account: deque[Credit] = deque()
    issued = 0
    credits.sort(key=lambda credit: (credit.on, credit.ref))
    for credit in credits:
        while issued < len(by_issue) and by_issue[issued].issued <= credit.on:
            _issue(by_issue[issued], waiting, on_account)
            issued += 1
        _apply(credit, linked.get(credit.link, ()) if credit.link else (), waiting, on_account)
    for item in by_issue[issued:]:
        _issue(item, waiting, on_account)
    return Ledger(tuple(items), tuple(credits))


def _items_and_credits(invoices: Iterable[Invoice], schedules: Iterable[Schedule], receipts: Iterable[Receipt]) -> tuple[list[Item], list[Credit]]:
    items: list[Item] = []
    credits: list[Credit] = []
    for invoice in invoices:
        if invoice.amount_cents > 0:
            items.append(Item(INVOICE, invoice.document, 0, invoice.issued, invoice.due, invoice.amount_cents, invoice.amount_cents))
        elif invoice.amount_cents < 0:
            credits.append(Credit(CREDIT_NOTE, invoice.document, invoice.issued, -invoice.amount_cents))
    for schedule in schedules:
        for sequence, due, amount in sorted(schedule.instalments):
            owed = max(amount, 0)
            items.append(Item(INSTALMENT, schedule.contract_id, sequence, schedule.signed_on, due, owed, owed))
    for receipt in receipts:
        if receipt.amount_cents > 0:
            credits.append(Credit(PAYMENT, receipt.reference, receipt.on, receipt.amount_cents, receipt.invoice))
        elif receipt.amount_cents < 0:
            items.append(Item(REVERSAL, receipt.reference, 0, receipt.on, receipt.on, -receipt.amount_cents, -receipt.amount_cents))
    return items, credits


def _age(item: Item) -> tuple[date, date, int, str, int]:
    """The order in which items are paid: earliest due, then earliest issued, then by kind, reference and number."""
    return (item.due, item.issued, 0 if item.kind == INVOICE else 1, item.ref, item.sequence)


def _links(items: list[Item]) -> dict[str, tuple[Item, ...]]:
    """What a receipt can name: an invoice by its document, a contract by its id (its instalments in order)."""
    contracts: dict[str, list[Item]] = {}
    invoices: dict[str, tuple[Item, ...]] = {}
    for item in items:
        if item.kind == INSTALMENT:
            contracts.setdefault(item.ref, []).append(item)
        elif item.kind == INVOICE:
            invoices[item.ref] = (item,)
    return {ref: tuple(sorted(parts, key=lambda item: item.sequence)) for ref, parts in contracts.items()} | invoices


def _pay(item: Item, credit: Credit, cents: int, on: date) -> None:
    item.missing_cents -= cents
    credit.unapplied_cents -= cents
    item.allocations.append(Allocation(credit, on, cents))
    if item.missing_cents == 0:
        item.paid_on = on


def _issue(item: Item, waiting: list[tuple[int, Item]], on_account: deque[Credit]) -> None:
    """An item is issued: money on account pays it, and what stays open waits for the next credits."""
    while item.missing_cents and on_account:
        credit = on_account[0]
        _pay(item, credit, min(credit.unapplied_cents, item.missing_cents), item.issued)
        if credit.unapplied_cents == 0:
            on_account.popleft()
    if item.missing_cents:
        heapq.heappush(waiting, (item.rank, item))
    elif item.paid_on is None:  # nothing owed (a zero instalment): paid when issued
        item.paid_on = item.issued


def _apply(credit: Credit, named: tuple[Item, ...], waiting: list[tuple[int, Item]], on_account: deque[Credit]) -> None:
    credit.unapplied_cents = credit.amount_cents
    for item in named:
        if not credit.unapplied_cents:
            return
        if item.missing_cents:
            _pay(item, credit, min(credit.unapplied_cents, item.missing_cents), max(credit.on, item.issued))
    while credit.unapplied_cents and waiting:
        item = waiting[0][1]
        if item.missing_cents:
            _pay(item, credit, min(credit.unapplied_cents, item.missing_cents), credit.on)
        if not item.missing_cents:
            heapq.heappop(waiting)
    if credit.unapplied_cents:
        on_account.append(credit)
