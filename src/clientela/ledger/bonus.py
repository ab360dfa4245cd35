"""A salesperson's bonus on money collected, held back while the customer has overdue receivables. Pure Python.

The bonus is a percentage of the money collected in a month (see collected): the rate of the
customer's class and the goods' product family. It is judged customer by customer at each month's
end: a customer with an item past due and unpaid at the end of a month has that month's bonus held
back; the first month that ends with nothing overdue releases everything held, paid with that
month's own bonus.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class BonusRates:
    """Percent rates: by (class, family), where "" stands for any; `default_percent` for the rest.

    The most specific rate applies: class and family, then class alone, then family alone.
    """

    default_percent: Decimal
    percents: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)

    def percent(self, class_label: str, family: str) -> Decimal:
        """The rate for money collected from a customer of `class_label` for goods of `family`.

        Examples
        --------
        >>> rates = BonusRates(Decimal("1"), {("A", ""): Decimal("2"), ("A", "wine"): Decimal("3"), ("", "wine"): Decimal("1.5")})
        >>> [str(rates.percent(c, f)) for c, f in (("A", "wine"), ("A", "beer"), ("B", "wine"), ("B", "beer"))]
        ['3', '2', '1.5', '1']
        """
        for key in ((class_label, family), (class_label, ""), ("", family)):
            if key in self.percents:
                return self.percents[key]
        return self.default_percent


def bonus_cents(amount_cents: int, percent: Decimal) -> int:
    """`percent` of `amount_cents`, rounded to the cent (halves away from zero).

    Examples
    --------
    >>> bonus_cents(12345, Decimal("2.5")), bonus_cents(-101, Decimal("0.5"))
    (309, -1)
    """
    return int((Decimal(amount_cents) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of `day`'s month."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def months(first: date, last: date) -> list[date]:
    """The first days of the months from `first`'s to `last`'s, in order.

    Examples
    --------
    >>> [m.isoformat() for m in months(date(2025, 11, 20), date(2026, 2, 3))]
    ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']
    """
    found = []
    current = month_start(first)
    while current <= last:
        found.append(current)
        current = month_end(current) + timedelta(days=1)
    return found


@dataclass(frozen=True)
class BonusMonth:
    """One customer's bonus for a month: earned on the money collected, held back, released, still held at its end."""

    month: date
    earned_cents: int
    held_cents: int
    released_cents: int
    still_held_cents: int

    @property
    def payable_cents(self) -> int:
        return self.earned_cents - self.held_cents + self.released_cents


def hold_back(earned: Mapping[date, int], overdue_months: Collection[date], periods: Sequence[date]) -> list[BonusMonth]:
    """One customer's bonus month by month over `periods` (first days of months, in order).

    `earned` is the bonus earned per month; `overdue_months` the months at whose end the customer
    had something overdue.

    Examples
    --------
    >>> jan, feb, mar = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)
    >>> [(m.held_cents, m.released_cents, m.payable_cents) for m in hold_back({jan: 100, feb: 50, mar: 10}, {jan, feb}, [jan, feb, mar])]
    [(100, 0, 0), (50, 0, 0), (0, 150, 160)]
    """
    result = []
    held = 0
    for month in periods:
        bonus = earned.get(month, 0)
        if month in overdue_months:
            held += bonus
            result.append(BonusMonth(month, bonus, bonus, 0, held))
        else:
            result.append(BonusMonth(month, bonus, 0, held, 0))
            held = 0
    return result
