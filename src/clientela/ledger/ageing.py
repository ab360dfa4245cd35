"""What a customer owes on a day, in ageing buckets by days past due. Pure Python."""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from clientela.ledger.allocation import INSTALMENT, Ledger

# Days past due at the upper end of each bucket but the last: current (not yet due), 1–30, 31–60, 61–90, > 90.
BUCKET_LIMITS = (0, 30, 60, 90)
BUCKETS = ("current", "1-30", "31-60", "61-90", "over 90")


def bucket_of(days_past_due: int) -> int:
    """The bucket (index into BUCKETS) of an item `days_past_due` days after its due date (≤ 0: not yet due).

    Examples
    --------
    >>> [BUCKETS[bucket_of(days)] for days in (-5, 0, 1, 30, 31, 90, 91)]
    ['current', 'current', '1-30', '1-30', '31-60', '61-90', 'over 90']
    """
    return sum(days_past_due > limit for limit in BUCKET_LIMITS)


@dataclass(frozen=True, slots=True)
class OpenItem:
    """An item not paid in full on the ageing day: what it was, what is still open, how many days past due."""

    kind: str
    ref: str
    sequence: int
    issued: date
    due: date
    amount_cents: int
    open_cents: int
    days_past_due: int


@dataclass(frozen=True)
class Ageing:
    """A customer's open items on `as_of`, the cents in each bucket, and money on account (in their favour)."""

    as_of: date
    buckets: tuple[int, ...]
    on_account_cents: int
    open_items: tuple[OpenItem, ...]

    @property
    def open_cents(self) -> int:
        return sum(self.buckets)

    @property
    def overdue_cents(self) -> int:
        return sum(self.buckets[1:])

    @property
    def balance_cents(self) -> int:
        """What the customer owes once the money on account is set against it."""
        return self.open_cents - self.on_account_cents

    @property
    def overdue_instalments(self) -> tuple[OpenItem, ...]:
        return tuple(item for item in self.open_items if item.kind == INSTALMENT and item.days_past_due > 0)


def age(ledger: Ledger, as_of: date) -> Ageing:
    """Age a customer's ledger at the end of `as_of`: items issued by then and still open, by days past due.

    Examples
    --------
    >>> from clientela.ledger import Invoice, Receipt, allocate
    >>> ledger = allocate([Invoice("F1", date(2026, 1, 5), date(2026, 2, 4), 300)], receipts=[Receipt(date(2026, 2, 1), 100)])
    >>> ageing = age(ledger, date(2026, 3, 10))
    >>> ageing.buckets, ageing.open_items[0].days_past_due
    ((0, 0, 200, 0, 0), 34)
    """
    buckets = [0] * len(BUCKETS)
    open_items = []
    for item in ledger.items:
        if item.paid_on is not None and item.paid_on <= as_of:  # most items: paid long ago
            continue
        cents = item.open_on(as_of)
        if cents <= 0:
            continue
        days = (as_of - item.due).days
        buckets[bucket_of(days)] += cents
        open_items.append(OpenItem(item.kind, item.ref, item.sequence, item.issued, item.due, item.amount_cents, cents, days))
    return Ageing(as_of, tuple(buckets), ledger.on_account_on(as_of), tuple(open_items))


def bucket_totals(ageings: Iterable[Ageing]) -> tuple[int, ...]:
    """The cents in each bucket over several customers.

    Examples
    --------
    >>> bucket_totals([Ageing(date(2026, 1, 1), (1, 2, 0, 0, 0), 0, ()), Ageing(date(2026, 1, 1), (0, 3, 0, 0, 4), 0, ())])
    (1, 5, 0, 0, 4)
    """
    totals = [0] * len(BUCKETS)
    for ageing in ageings:
        for index, cents in enumerate(ageing.buckets):
            totals[index] += cents
    return tuple(totals)


def overdue_days(ledger: Ledger, days: Sequence[date]) -> set[date]:
    """The days among `days` (sorted) at whose end the customer has an item past due and not paid in full.

    Examples
    --------
    >>> from clientela.ledger import Invoice, Receipt, allocate
    >>> ledger = allocate([Invoice("F1", date(2026, 1, 5), date(2026, 2, 4), 300)], receipts=[Receipt(date(2026, 3, 15), 300)])
    >>> sorted(overdue_days(ledger, [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]))
    [datetime.date(2026, 2, 28)]
    """
    overdue: set[date] = set()
    for item in ledger.items:
        first = max(bisect_right(days, item.due), bisect_left(days, item.issued))
        last = len(days) if item.paid_on is None else bisect_left(days, item.paid_on)
        overdue.update(days[first:last])
    return overdue
