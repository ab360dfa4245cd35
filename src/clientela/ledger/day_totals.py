"""What a customer owes on a day, by age, from day totals alone, when every credit pays the oldest items first. Pure Python.

When no receipt names a document and there are no contracts, credits (receipts and credit notes)
pay the open items earliest due first, and money left over stays on account for the next items
(see `allocation`). What is open among the items due by a day D at the end of a day T then follows
from running totals, without the items: with N(s) what is owed net at the end of day s (items
issued less credits) and H(s) what the items issued by s that are due after D add up to,

    open(due by D, T) = max(0, N(T) − H(T) + max(0, max over days s ≤ T of H(s) − max(N(s), 0)))

(the items due by D come first; the money that went to later ones is what was left on the days
after which nothing due by D was open). Invoices are due `payment_days` after they are issued and
refunds at once, so for the buckets of `ageing` H is 0 up to `day_totals_start`: only the days after
it are needed one by one.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from clientela.ledger.ageing import BUCKET_LIMITS, Ageing


@dataclass(frozen=True, slots=True)
class DayTotals:
    """One day of a ledger: what it added to the net balance owed, the invoices issued and the money given back (cents).

    `net_cents` is the documents dated that day (credit notes negative) less the money received
    (refunds negative); `invoiced_cents` the documents with a positive total, `refunded_cents` the
    refunds, both as positive amounts.
    """

    net_cents: int
    invoiced_cents: int = 0
    refunded_cents: int = 0


NOTHING = DayTotals(0)


def day_totals_start(as_of: date, payment_days: int) -> date:
    """The last day `age_from_day_totals` needs only in the net balance: when the last invoice over 90 days past due on `as_of` was issued.

    Examples
    --------
    >>> day_totals_start(date(2026, 4, 30), 30)
    datetime.date(2025, 12, 30)
    """
    return as_of - timedelta(days=payment_days + BUCKET_LIMITS[-1] + 1)


def age_from_day_totals(as_of: date, payment_days: int, owed_cents: int, days: Mapping[date, DayTotals]) -> Ageing:
    """Age on `as_of` a ledger whose credits name nothing and which has no contracts, from its day totals (no open items listed).

    `owed_cents` is the net balance at the end of `day_totals_start(as_of, payment_days)`, `days` the
    totals of the days after it up to `as_of` (days without any may be left out).

    Examples
    --------
    >>> # Invoice 100.00 on 1 January, paid on the 10th, the payment refunded on the 20th: the refund is open, 40 days past due.
    >>> days = {date(2026, 1, 1): DayTotals(10_000, 10_000), date(2026, 1, 10): DayTotals(-10_000), date(2026, 1, 20): DayTotals(10_000, 0, 10_000)}
    >>> age_from_day_totals(date(2026, 3, 1), 30, 0, days).buckets
    (0, 0, 10000, 0, 0)
    """
    start = day_totals_start(as_of, payment_days)
    if outside := sorted(day for day in days if not start < day <= as_of):
        raise ValueError(f"day totals from {start + timedelta(days=1)} to {as_of} expected, got {outside[0]}")
    span = [start + timedelta(days=n) for n in range(1, (as_of - start).days + 1)]
    totals = [days.get(day, NOTHING) for day in span]
    owed = list(accumulate((total.net_cents for total in totals), initial=owed_cents))[1:]
    # Open among the items due by the last due day of each bucket from the oldest ("over 90") on, then all.
    due_by = [as_of - timedelta(days=limit + 1) for limit in reversed(BUCKET_LIMITS)]
    still_open = [_open_due_by(day, payment_days, span, totals, owed) for day in due_by] + [max(owed[-1], 0)]
    buckets = [still_open[n] - still_open[n - 1] for n in range(len(still_open) - 1, 0, -1)] + [still_open[0]]
    return Ageing(as_of, tuple(buckets), max(-owed[-1], 0), ())


def _open_due_by(due_by: date, payment_days: int, span: Sequence[date], totals: Sequence[DayTotals], owed: Sequence[int]) -> int:
    """What is open at the end of the span among the items due by `due_by` (the module's formula)."""
    last_issue = due_by - timedelta(days=payment_days)  # invoices issued later are due after due_by
    later = best = 0
    for day, total, net in zip(span, totals, owed, strict=True):
        later += (total.invoiced_cents if day > last_issue else 0) + (total.refunded_cents if day > due_by else 0)
        best = max(best, later - max(net, 0))
    return max(owed[-1] - later + best, 0)
