"""Money actually collected, by product family: what receipts paid, spread over the invoices' lines. Pure Python.

A receipt's cents that paid an invoice are split over that invoice's product families in
proportion to the lines' amounts (a return line takes its share back), exactly to the cent by
largest remainders. Money that paid an instalment or money given back has no family (""). Credit
notes are not money collected. Money counts on the day it paid the item (see allocation).
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from clientela.ledger.allocation import INVOICE, PAYMENT, Ledger


@dataclass(frozen=True, slots=True)
class Collected:
    """`amount_cents` collected on `on` for goods of `family` ("" when not known)."""

    on: date
    family: str
    amount_cents: int


def split_pro_rata(cents: int, weights: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """Split `cents` over named weights in proportion, adding up exactly; a negative weight takes a share back.

    Each part is the floor of its exact share; the cents left go one each to the largest remainders
    (the first named on ties). The weights must add up to more than zero.

    Examples
    --------
    >>> split_pro_rata(100, [("beer", 1), ("wine", 1), ("water", 1)])
    [('beer', 34), ('wine', 33), ('water', 33)]
    >>> split_pro_rata(80, [("beer", 100), ("wine", -20)])
    [('beer', 100), ('wine', -20)]
    """
    total = sum(weight for _, weight in weights)
    if total <= 0:
        raise ValueError(f"cannot split {cents} cents in proportion to weights adding up to {total}")
    parts = [divmod(cents * weight, total) for _, weight in weights]
    left = cents - sum(share for share, _ in parts)
    extra = set(sorted(range(len(parts)), key=lambda index: (-parts[index][1], index))[:left])
    return [(name, share + (index in extra)) for index, ((name, _), (share, _)) in enumerate(zip(weights, parts, strict=True))]


def collected_money(ledger: Ledger, families: Mapping[str, Sequence[tuple[str, int]]], first: date, last: date) -> Iterator[Collected]:
    """The money receipts paid into the ledger's items from `first` to `last`, by family.

    `families` maps a document to its (family, amount) lines.

    Examples
    --------
    >>> from clientela.ledger import Invoice, Receipt, allocate
    >>> ledger = allocate([Invoice("F1", date(2026, 1, 5), date(2026, 2, 4), 400)], receipts=[Receipt(date(2026, 2, 1), 100)])
    >>> list(collected_money(ledger, {"F1": [("beer", 300), ("wine", 100)]}, date(2026, 2, 1), date(2026, 2, 28)))
    [Collected(on=datetime.date(2026, 2, 1), family='beer', amount_cents=75), Collected(on=datetime.date(2026, 2, 1), family='wine', amount_cents=25)]
    """
    for item in ledger.items:
        if item.paid_on is not None and item.paid_on < first:
            continue
        lines = families.get(item.ref) if item.kind == INVOICE else None
        for part in item.allocations:
            if part.credit.kind != PAYMENT or not first <= part.on <= last:
                continue
            if lines and sum(cents for _, cents in lines) > 0:
                for family, cents in split_pro_rata(part.amount_cents, lines):
                    yield Collected(part.on, family, cents)
            else:
                yield Collected(part.on, "", part.amount_cents)
