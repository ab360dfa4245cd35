"""Ageing buckets on a day, checked against the worked example, and what always holds."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from clientela.ledger import BUCKETS, Ageing, Invoice, Receipt, Schedule, age, allocate, bucket_of, bucket_totals, overdue_days
from tests.ledger import example


def test_the_worked_example_ages_as_computed_by_hand():
    ageing = age(allocate(example.invoices(), example.schedules(), example.receipts()), example.AS_OF)
    assert ageing.buckets == example.BUCKETS
    assert (ageing.open_cents, ageing.overdue_cents, ageing.on_account_cents, ageing.balance_cents) == (260_000, 170_000, 0, 260_000)
    assert [(item.ref, item.sequence, item.open_cents, item.days_past_due) for item in ageing.open_items] == [
        ("F2", 0, 10_000, 105),
        ("F3", 0, 80_000, 72),
        ("K1", 2, 60_000, 60),
        ("F4", 0, 20_000, 21),
        ("K1", 3, 60_000, -1),
        ("F5", 0, 30_000, -20),
    ]
    assert [(item.ref, item.sequence, item.due) for item in ageing.overdue_instalments] == [("K1", 2, date(2026, 5, 1))]


def test_the_worked_example_on_an_earlier_day_ignores_later_money_and_items():
    ageing = age(allocate(example.invoices(), example.schedules(), example.receipts()), example.EARLIER)
    assert ageing.buckets == example.EARLIER_BUCKETS
    assert [(item.ref, item.sequence) for item in ageing.overdue_instalments] == [("K1", 1)]
    assert "F3" not in {item.ref for item in ageing.open_items}  # issued on 20 March


def test_bucket_limits():
    assert [BUCKETS[bucket_of(days)] for days in (-30, 0, 1, 30, 31, 60, 61, 90, 91, 400)] == [
        "current", "current", "1-30", "1-30", "31-60", "31-60", "61-90", "61-90", "over 90", "over 90",
    ]  # fmt: skip


def test_money_on_account_lowers_the_balance_not_the_buckets():
    ledger = allocate([Invoice("F1", date(2026, 1, 1), date(2026, 1, 31), 100)], receipts=[Receipt(date(2026, 1, 5), 250)])
    ageing = age(ledger, date(2026, 2, 1))
    assert (ageing.open_cents, ageing.on_account_cents, ageing.balance_cents) == (0, 150, -150)


def test_bucket_totals_add_customers_up():
    first = Ageing(date(2026, 1, 1), (1, 2, 3, 4, 5), 0, ())
    assert bucket_totals([first, first]) == (2, 4, 6, 8, 10)


def test_the_month_ends_with_something_overdue():
    ledger = allocate(example.invoices(), example.schedules(), example.receipts())
    ends = [date(2025, 12, 31), date(2026, 1, 31), date(2026, 3, 31), date(2026, 6, 30)]
    assert overdue_days(ledger, ends) == set(ends)  # F0 from 16 December, then F2 and the instalments
    paid = allocate([Invoice("F1", date(2026, 1, 10), date(2026, 2, 9), 100)], receipts=[Receipt(date(2026, 3, 3), 100, "F1")])
    assert overdue_days(paid, [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]) == {date(2026, 2, 28)}


days = st.integers(min_value=0, max_value=120).map(lambda n: date(2026, 1, 1) + timedelta(days=n))
invoices = st.lists(st.tuples(days, st.integers(0, 60), st.integers(-500, 5_000)), max_size=8)
receipts = st.lists(st.tuples(days, st.integers(-1_000, 6_000), st.sampled_from(["", "F0", "F1", "F2", "K0", "X"])), max_size=8)
instalments = st.lists(st.tuples(days, st.integers(0, 3_000)), max_size=4)


@settings(max_examples=300, deadline=None)
@given(invoices, receipts, days, instalments, days)
def test_what_is_open_less_what_is_on_account_is_everything_owed_less_everything_received(owed, paid, signed, schedule, as_of):
    documents = [Invoice(f"F{n}", day, day + timedelta(days=terms), cents) for n, (day, terms, cents) in enumerate(owed)]
    contract = Schedule("K0", signed, tuple((n, due, cents) for n, (due, cents) in enumerate(schedule, 1)))
    money = [Receipt(day, cents, names, f"R{n}") for n, (day, cents, names) in enumerate(paid)]
    ageing = age(allocate(documents, [contract], money), as_of)
    debits = sum(max(i.amount_cents, 0) for i in documents if i.issued <= as_of) + (sum(c for _, c in schedule) if signed <= as_of else 0)
    debits += sum(-r.amount_cents for r in money if r.amount_cents < 0 and r.on <= as_of)
    credits = sum(r.amount_cents for r in money if r.amount_cents > 0 and r.on <= as_of) + sum(-i.amount_cents for i in documents if i.amount_cents < 0 and i.issued <= as_of)
    assert ageing.balance_cents == debits - credits
    assert ageing.on_account_cents >= 0 and all(cents >= 0 for cents in ageing.buckets)
    assert ageing.open_cents == 0 or ageing.on_account_cents == 0 or any(r.invoice for r in money)
