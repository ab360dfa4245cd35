"""A customer's year worked out by hand: invoices, a credit note, a contract, payments naming an invoice, a contract,
nothing or an unknown document. Terms: 30 days.

Payments, in date order, and what they pay:

* 2026-02-05  1,000.00 naming F1: F1 in full.
* 2026-03-01    400.00 naming K1: instalment 1 (600.00) in part, 200.00 left.
* 2026-03-25    700.00 naming nothing: oldest due first among items issued by then: F0 250.00
  (due 2025-12-15), K1#1 200.00 (due 03-01), F2 250.00 of 500.00 (due 03-17).
* 2026-04-01    100.00 credit note C1: F2 (250.00 open, the oldest due) → 150.00 open.
* 2026-05-20  1,000.00 naming F4 (1,200.00): 200.00 open.
* 2026-06-25     50.00 naming "XYZ", unknown: as naming nothing → F2, 100.00 open.

Open on 2026-06-30: F2 100.00 due 03-17, 105 days past due (> 90); F3 800.00 due 04-19, 72 days
(61–90); K1#2 600.00 due 05-01, 60 days (31–60); F4 200.00 due 06-09, 21 days (1–30); F5 300.00
due 07-20 and K1#3 600.00 due 07-01, not yet due (current). Total 2,600.00 = everything owed
(4,050.00 invoiced + 1,800.00 contract) − 3,250.00 received or credited.

Open on 2026-03-10 (before P3): F0 250.00 due 2025-12-15, 85 days (61–90); K1#1 200.00, 9 days
(1–30); F2 500.00, K1#2 and K1#3 600.00 each, not yet due.
"""

from datetime import date, timedelta

from clientela.ledger import Invoice, Receipt, Schedule

TERMS = 30
INVOICES = [
    ("F0", date(2025, 11, 15), 25_000),
    ("F1", date(2026, 1, 10), 100_000),
    ("F2", date(2026, 2, 15), 50_000),
    ("F3", date(2026, 3, 20), 80_000),
    ("C1", date(2026, 4, 1), -10_000),
    ("F4", date(2026, 5, 10), 120_000),
    ("F5", date(2026, 6, 20), 30_000),
]
CONTRACT = ("K1", date(2026, 1, 5), ((1, date(2026, 3, 1), 60_000), (2, date(2026, 5, 1), 60_000), (3, date(2026, 7, 1), 60_000)))
PAYMENTS = [
    ("P1", date(2026, 2, 5), 100_000, "F1"),
    ("P2", date(2026, 3, 1), 40_000, "K1"),
    ("P3", date(2026, 3, 25), 70_000, ""),
    ("P4", date(2026, 5, 20), 100_000, "F4"),
    ("P5", date(2026, 6, 25), 5_000, "XYZ"),
]
AS_OF = date(2026, 6, 30)
BUCKETS = (90_000, 20_000, 60_000, 80_000, 10_000)
EARLIER = date(2026, 3, 10)
EARLIER_BUCKETS = (170_000, 20_000, 0, 25_000, 0)


def invoices() -> list[Invoice]:
    return [Invoice(document, day, day + timedelta(days=TERMS), cents) for document, day, cents in INVOICES]


def schedules() -> list[Schedule]:
    return [Schedule(*CONTRACT)]


def receipts() -> list[Receipt]:
    return [Receipt(day, cents, names, reference) for reference, day, cents, names in PAYMENTS]
