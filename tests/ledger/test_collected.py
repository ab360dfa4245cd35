"""Money collected by product family: receipts spread over an invoice's lines in proportion, to the cent."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientela.ledger import Collected, Invoice, Receipt, Schedule, allocate, collected_money, split_pro_rata

JAN, FEB = date(2026, 1, 10), date(2026, 2, 9)
LINES = {"F1": [("Lager", 60_000), ("Craft", 40_000)]}


def test_a_partial_payment_is_spread_over_the_families_in_proportion():
    ledger = allocate([Invoice("F1", JAN, FEB, 100_000)], receipts=[Receipt(FEB, 50_001, "F1")])
    assert list(collected_money(ledger, LINES, JAN, FEB)) == [Collected(FEB, "Lager", 30_001), Collected(FEB, "Craft", 20_000)]


def test_a_return_line_takes_its_share_back():
    lines = {"F1": [("Lager", 12_000), ("Craft", -2_000)]}
    ledger = allocate([Invoice("F1", JAN, FEB, 10_000)], receipts=[Receipt(FEB, 5_000)])
    assert [(money.family, money.amount_cents) for money in collected_money(ledger, lines, JAN, FEB)] == [("Lager", 6_000), ("Craft", -1_000)]


def test_instalments_have_no_family_and_credit_notes_are_not_money_collected():
    invoices = [Invoice("F1", JAN, FEB, 100_000), Invoice("C1", JAN, JAN, -20_000)]
    ledger = allocate(invoices, [Schedule("K1", JAN, ((1, FEB, 5_000),))], [Receipt(FEB, 85_000)])
    collected = list(collected_money(ledger, LINES, JAN, FEB))
    assert sorted((money.family, money.amount_cents) for money in collected) == [("", 5_000), ("Craft", 32_000), ("Lager", 48_000)]


def test_only_money_that_paid_in_the_period_counts():
    ledger = allocate([Invoice("F1", JAN, FEB, 100_000)], receipts=[Receipt(JAN, 10_000), Receipt(date(2026, 3, 2), 90_000)])
    assert sum(money.amount_cents for money in collected_money(ledger, LINES, FEB, date(2026, 3, 31))) == 90_000


@given(st.integers(-10**9, 10**9), st.lists(st.integers(-10**6, 10**6), min_size=1, max_size=6).filter(lambda ws: sum(ws) > 0))
def test_parts_add_up_exactly_and_stay_within_a_cent_of_their_share(cents, weights):
    parts = split_pro_rata(cents, [(str(n), weight) for n, weight in enumerate(weights)])
    assert sum(part for _, part in parts) == cents
    for (_, part), weight in zip(parts, weights, strict=True):
        assert abs(part - cents * weight / sum(weights)) < 1 + 1e-9 * abs(cents)


def test_weights_must_add_up_to_more_than_zero():
    with pytest.raises(ValueError, match="cannot split 100 cents in proportion to weights adding up to 0"):
        split_pro_rata(100, [("a", 5), ("b", -5)])
