"""Which money pays which debt: named items first, then the oldest due; money on account; credit notes; refunds."""

from datetime import date

import pytest

from clientela.ledger import INSTALMENT, INVOICE, REVERSAL, Invoice, Receipt, Schedule, allocate
from tests.ledger import example

JAN, FEB, MAR = date(2026, 1, 10), date(2026, 2, 10), date(2026, 3, 10)


def state(ledger):
    return {(item.ref, item.sequence): (item.missing_cents, item.paid_on) for item in ledger.items}


def test_the_worked_example_allocates_as_computed_by_hand():
    ledger = allocate(example.invoices(), example.schedules(), example.receipts())
    assert state(ledger) == {
        ("F0", 0): (0, date(2026, 3, 25)),
        ("F1", 0): (0, date(2026, 2, 5)),
        ("F2", 0): (10_000, None),
        ("F3", 0): (80_000, None),
        ("F4", 0): (20_000, None),
        ("F5", 0): (30_000, None),
        ("K1", 1): (0, date(2026, 3, 25)),
        ("K1", 2): (60_000, None),
        ("K1", 3): (60_000, None),
    }
    f2 = next(item for item in ledger.items if item.ref == "F2")
    assert [(part.credit.ref, part.on, part.amount_cents) for part in f2.allocations] == [
        ("P3", date(2026, 3, 25), 25_000),
        ("C1", date(2026, 4, 1), 10_000),
        ("P5", date(2026, 6, 25), 5_000),
    ]


def test_items_come_oldest_due_first_and_the_credit_note_is_not_an_item():
    ledger = allocate(example.invoices(), example.schedules(), example.receipts())
    assert [(item.ref, item.sequence) for item in ledger.items] == [
        ("F0", 0), ("F1", 0), ("K1", 1), ("F2", 0), ("F3", 0), ("K1", 2), ("F4", 0), ("K1", 3), ("F5", 0),
    ]  # fmt: skip
    assert {item.kind for item in ledger.items} == {INVOICE, INSTALMENT}
    assert [(credit.kind, credit.ref) for credit in ledger.credits if credit.kind == "credit_note"] == [("credit_note", "C1")]


def test_a_named_invoice_is_paid_first_even_when_older_ones_are_open():
    old, new = Invoice("F1", JAN, FEB, 300), Invoice("F2", FEB, MAR, 500)
    ledger = allocate([old, new], receipts=[Receipt(MAR, 500, "F2")])
    assert state(ledger) == {("F1", 0): (300, None), ("F2", 0): (0, MAR)}


def test_what_a_named_payment_leaves_over_pays_the_oldest_items():
    old, new = Invoice("F1", JAN, FEB, 300), Invoice("F2", FEB, MAR, 500)
    ledger = allocate([old, new], receipts=[Receipt(MAR, 700, "F2")])
    assert state(ledger) == {("F1", 0): (100, None), ("F2", 0): (0, MAR)}


def test_a_payment_naming_a_contract_pays_its_instalments_in_order_then_the_rest():
    contract = Schedule("K1", JAN, ((2, MAR, 100), (1, FEB, 100)))
    ledger = allocate([Invoice("F1", JAN, FEB, 50)], [contract], [Receipt(FEB, 250, "K1")])
    assert state(ledger) == {("F1", 0): (0, FEB), ("K1", 1): (0, FEB), ("K1", 2): (0, FEB)}
    assert ledger.credits[0].unapplied_cents == 0
    k1_2 = next(item for item in ledger.items if item.sequence == 2)
    assert [part.amount_cents for part in k1_2.allocations] == [100]


def test_unnamed_money_pays_only_items_issued_by_its_date_the_rest_stays_on_account():
    later = Invoice("F2", MAR, date(2026, 4, 9), 500)
    ledger = allocate([Invoice("F1", JAN, FEB, 300), later], receipts=[Receipt(FEB, 400)])
    assert state(ledger) == {("F1", 0): (0, FEB), ("F2", 0): (400, None)}
    f2 = next(item for item in ledger.items if item.ref == "F2")
    assert [(part.on, part.amount_cents) for part in f2.allocations] == [(MAR, 100)]  # on account until F2 was issued
    assert ledger.on_account_on(FEB) == 100 and ledger.on_account_on(MAR) == 0


def test_money_naming_an_invoice_issued_later_is_a_deposit_dated_when_the_invoice_comes():
    ledger = allocate([Invoice("F1", MAR, date(2026, 4, 9), 500)], receipts=[Receipt(JAN, 500, "F1")])
    assert state(ledger) == {("F1", 0): (0, MAR)}
    assert ledger.on_account_on(FEB) == 500 and ledger.on_account_on(MAR) == 0


def test_money_given_back_is_owed_again_and_paid_by_money_on_account():
    ledger = allocate([Invoice("F1", JAN, FEB, 300)], receipts=[Receipt(JAN, 500, "F1"), Receipt(FEB, -150, reference="REF")])
    assert state(ledger) == {("F1", 0): (0, JAN), ("REF", 0): (0, FEB)}
    reversal = next(item for item in ledger.items if item.kind == REVERSAL)
    assert (reversal.due, reversal.amount_cents) == (FEB, 150)
    assert ledger.on_account_on(FEB) == 50


def test_a_bounced_payment_reopens_what_the_customer_owes():
    ledger = allocate([Invoice("F1", JAN, FEB, 300)], receipts=[Receipt(JAN, 300, "F1"), Receipt(FEB, -300, reference="BOUNCED")])
    assert state(ledger) == {("F1", 0): (0, JAN), ("BOUNCED", 0): (300, None)}


def test_zero_amounts_owe_nothing_and_are_paid_when_issued():
    ledger = allocate([Invoice("F0", JAN, FEB, 0)], [Schedule("K0", JAN, ((1, FEB, 0),))], [Receipt(JAN, 0)])
    assert state(ledger) == {("K0", 1): (0, JAN)}
    assert ledger.credits == ()


def test_the_total_applied_never_exceeds_what_was_received_nor_what_was_owed():
    ledger = allocate(example.invoices(), example.schedules(), example.receipts())
    for item in ledger.items:
        assert sum(part.amount_cents for part in item.allocations) == item.amount_cents - item.missing_cents
    for credit in ledger.credits:
        applied = sum(part.amount_cents for item in ledger.items for part in item.allocations if part.credit is credit)
        assert applied + credit.unapplied_cents == credit.amount_cents


def test_an_invoice_due_before_it_was_issued_is_refused():
    with pytest.raises(ValueError, match=r"invoice F1: due on 2026-01-01, before it was issued on 2026-01-10"):
        Invoice("F1", JAN, date(2026, 1, 1), 100)
