"""Ageing from day totals when credits pay the oldest items first: the allocated ledger's buckets and money on account."""

import random
from collections import defaultdict
from datetime import date, timedelta

import pytest

from clientela.ledger import DayTotals, Invoice, Receipt, age, age_from_day_totals, allocate, day_totals_start


def invoice(document: str, issued: date, cents: int, payment_days: int = 30) -> Invoice:
    return Invoice(document, issued, issued + timedelta(days=payment_days), cents)


def day_totals(invoices: list[Invoice], receipts: list[Receipt], as_of: date, payment_days: int) -> tuple[int, dict[date, DayTotals]]:
    """What the app reads: the net balance owed up to `day_totals_start`, then each day's totals up to `as_of`."""
    start = day_totals_start(as_of, payment_days)
    owed = 0
    days: defaultdict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for document in (document for document in invoices if document.issued <= as_of):
        if document.issued <= start:
            owed += document.amount_cents
        else:
            days[document.issued][0] += document.amount_cents
            days[document.issued][1] += max(document.amount_cents, 0)
    for receipt in (receipt for receipt in receipts if receipt.on <= as_of):
        if receipt.on <= start:
            owed -= receipt.amount_cents
        else:
            days[receipt.on][0] -= receipt.amount_cents
            days[receipt.on][2] += max(-receipt.amount_cents, 0)
    return owed, {day: DayTotals(*cents) for day, cents in days.items()}


def both(invoices: list[Invoice], receipts: list[Receipt], as_of: date, payment_days: int = 30) -> tuple[tuple[tuple[int, ...], int], tuple[tuple[int, ...], int]]:
    """(buckets, on account) from the day totals and from the allocated ledger."""
    found = age_from_day_totals(as_of, payment_days, *day_totals(invoices, receipts, as_of, payment_days))
    allocated = age(allocate(invoices, receipts=receipts), as_of)
    return (found.buckets, found.on_account_cents), (allocated.buckets, allocated.on_account_cents)


def test_a_refunded_payment_is_owed_again_from_its_day():
    # F1 is paid on 10 January; the payment is given back on the 20th: the refund is due that day, 40 days before 1 March.
    invoices = [invoice("F1", date(2026, 1, 1), 10_000)]
    receipts = [Receipt(date(2026, 1, 10), 10_000), Receipt(date(2026, 1, 20), -10_000)]
    found, allocated = both(invoices, receipts, date(2026, 3, 1))
    assert found == allocated == ((0, 0, 10_000, 0, 0), 0)


def test_a_refund_due_before_a_newer_invoice_is_paid_first():
    # F2 (due 14 February) was issued before the refund (due 20 January) but is due after it: the payment of
    # 1 February pays the refund's 4,000 first and 2,000 of F2; F2's 8,000 is 6 days past due on 20 February.
    invoices = [invoice("F1", date(2026, 1, 1), 10_000), invoice("F2", date(2026, 1, 15), 10_000)]
    receipts = [Receipt(date(2026, 1, 10), 10_000), Receipt(date(2026, 1, 20), -4_000), Receipt(date(2026, 2, 1), 6_000)]
    found, allocated = both(invoices, receipts, date(2026, 2, 20))
    assert found == allocated == ((0, 8_000, 0, 0, 0), 0)


def test_a_credit_note_pays_the_oldest_invoice_and_a_partial_payment_the_rest():
    # The credit note of 15 February pays half of F1; the payment of 1 March the rest of F1 and 5,000 of F2 (due 3 March).
    invoices = [invoice("F1", date(2026, 1, 1), 10_000), invoice("F2", date(2026, 2, 1), 20_000), invoice("A1", date(2026, 2, 15), -5_000)]
    receipts = [Receipt(date(2026, 3, 1), 10_000)]
    found, allocated = both(invoices, receipts, date(2026, 4, 10))
    assert found == allocated == ((0, 0, 15_000, 0, 0), 0)


def test_money_before_the_invoices_stays_on_account_and_pays_them_when_issued():
    invoices = [invoice("F1", date(2026, 1, 10), 30_000)]
    receipts = [Receipt(date(2026, 1, 1), 50_000)]
    assert both(invoices, receipts, date(2026, 1, 5)) == (((0,) * 5, 50_000), ((0,) * 5, 50_000))
    assert both(invoices, receipts, date(2026, 3, 1)) == (((0,) * 5, 20_000), ((0,) * 5, 20_000))


def test_debts_older_than_the_window_are_in_the_oldest_bucket():
    invoices = [invoice("F1", date(2025, 1, 1), 10_000), invoice("F2", date(2025, 12, 20), 20_000)]
    receipts = [Receipt(date(2026, 1, 5), 4_000), Receipt(date(2026, 1, 6), -1_000)]
    # F1: 6,000 over 90 days; the refund of 6 January (1,000, 31-60 days) comes before F2 (due 19 January, 1-30 days).
    found, allocated = both(invoices, receipts, date(2026, 2, 10))
    assert found == allocated == ((0, 20_000, 1_000, 0, 6_000), 0)


def test_the_same_as_the_allocated_ledger_on_random_ledgers():
    rng = random.Random(20260401)
    start = date(2025, 1, 1)
    for _ in range(60):
        payment_days = rng.choice([0, 1, 30, 45, 90])
        invoices = []
        for number in range(rng.randint(0, 25)):
            cents = -rng.randint(1, 300) * 100 if rng.random() < 0.2 else rng.randint(1, 500) * 100
            invoices.append(invoice(f"F{number:02d}", start + timedelta(days=rng.randint(0, 300)), cents, payment_days))
        receipts = [
            Receipt(start + timedelta(days=rng.randint(0, 320)), rng.randint(1, 800) * 100 if rng.random() < 0.85 else -rng.randint(1, 400) * 100, "", f"P{n:02d}")
            for n in range(rng.randint(0, 20))
        ]
        for as_of in (start + timedelta(days=days) for days in range(0, 450, 11)):
            found, allocated = both(invoices, receipts, as_of, payment_days)
            assert found == allocated, (invoices, receipts, as_of, payment_days)


def test_a_day_outside_the_window_is_refused():
    with pytest.raises(ValueError, match=r"day totals from 2025-12-31 to 2026-04-30 expected, got 2025-12-30"):
        age_from_day_totals(date(2026, 4, 30), 30, 0, {date(2025, 12, 30): DayTotals(100, 100)})
    with pytest.raises(ValueError, match=r"expected, got 2026-05-01"):
        age_from_day_totals(date(2026, 4, 30), 30, 0, {date(2026, 5, 1): DayTotals(100, 100)})
