"""The credit warning's figures added up in the database when receipts pay the oldest invoices first: the ledger's."""

from datetime import date, timedelta

import pytest

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.receivables.selectors.ageing import customer_statement
from clientela.receivables.selectors.credit import credit_standing_oldest_first


@pytest.fixture
def customer(salesperson):
    return customer_create(external_id="C1", name="Bar Crédito", owner=salesperson)


def standing(customer, as_of):
    found = credit_standing_oldest_first(customer=customer, as_of=as_of)
    return found.ageing.buckets, found.ageing.on_account_cents, found.ageing.balance_cents, found.credit_limit_cents, found.over_limit_cents


def ledger_standing(customer, as_of):
    found = customer_statement(customer=customer, as_of=as_of).standing
    return found.ageing.buckets, found.ageing.on_account_cents, found.ageing.balance_cents, found.credit_limit_cents, found.over_limit_cents


def test_unnamed_payments_pay_the_oldest_invoices_first_by_hand(customer, sale, pay, terms):
    terms(customer, payment_days=30, limit_cents=40_000)
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])  # due 31 January: 69 days on 10 April
    sale(customer, "F2", date(2026, 2, 1), [("Lager", 20_000)])  # due 3 March: 38 days
    sale(customer, "F3", date(2026, 3, 20), [("Lager", 30_000)])  # due 19 April: not yet
    pay(customer, date(2026, 2, 10), 15_000)  # pays F1 and half of F2

    # Open: F2 15,000 (31-60 days) and F3 30,000 (current); 45,000 owed against a limit of 40,000.
    assert standing(customer, date(2026, 4, 10)) == ((30_000, 0, 15_000, 0, 0), 0, 45_000, 40_000, 5_000)
    assert standing(customer, date(2026, 4, 10)) == ledger_standing(customer, date(2026, 4, 10))


def test_the_same_as_the_ledger_on_every_day(customer, sale, pay, terms):
    terms(customer, payment_days=45, limit_cents=100_000)
    start = date(2025, 9, 1)
    for n in range(40):
        sale(customer, f"F{n:02d}", start + timedelta(days=7 * n), [("Lager", 5_000 + 700 * (n % 5)), ("Craft", 1_000 * (n % 3))])
    # A document whose later lines come weeks after its first: it is dated on the first.
    sale(customer, "F90", date(2026, 1, 10), [("Lager", 4_000)])
    sale(customer, "F90", date(2026, 3, 1), [("Craft", 6_000)], first_line=2)
    for n in range(12):
        pay(customer, start + timedelta(days=25 * n + 3), 9_000 + 2_500 * (n % 4))
    pay(customer, date(2026, 6, 1), 300_000)  # more than owed: money on account
    for day in (start + timedelta(days=n) for n in range(0, 330, 3)):
        assert standing(customer, day) == ledger_standing(customer, day), day


def test_without_terms_invoices_are_due_after_30_days(customer, sale, pay):
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])
    pay(customer, date(2026, 1, 5), 4_000)
    assert standing(customer, date(2026, 2, 15)) == ((0, 6_000, 0, 0, 0), 0, 6_000, None, 0)
    assert standing(customer, date(2026, 2, 15)) == ledger_standing(customer, date(2026, 2, 15))


@pytest.mark.parametrize("case", ["named payment", "refund", "credit note", "contract"])
def test_other_documents_need_the_ledger(customer, sale, pay, contract, case):
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])
    sale(customer, "F2", date(2026, 2, 1), [("Lager", 20_000)])
    pay(customer, date(2026, 2, 10), 15_000, "F2" if case == "named payment" else "")
    if case == "refund":
        pay(customer, date(2026, 2, 20), -3_000)
    if case == "credit note":
        sale(customer, "A1", date(2026, 2, 15), [("Lager", -2_000)])
    if case == "contract":
        contract(customer, "K1", date(2026, 1, 15), [(date(2026, 2, 15), 5_000), (date(2026, 3, 15), 5_000)])
    assert credit_standing_oldest_first(customer=customer, as_of=date(2026, 4, 10)) is None


def test_the_same_queries_for_any_number_of_invoices(customer, sale, pay, django_assert_num_queries):
    # The credit terms, three checks that receipts pay the oldest first, the lines up to the oldest bucket, the later lines, the money in.
    for n in range(3):
        sale(customer, f"F{n}", date(2026, 1, 1) + timedelta(days=n), [("Lager", 1_000)])
    customer = Customer.objects.get(pk=customer.pk)
    with django_assert_num_queries(7):
        credit_standing_oldest_first(customer=customer, as_of=date(2026, 4, 10))
    for n in range(3, 60):
        sale(customer, f"F{n}", date(2026, 1, 1) + timedelta(days=n), [("Lager", 1_000)])
        pay(customer, date(2026, 1, 1) + timedelta(days=n), 500)
    customer = Customer.objects.get(pk=customer.pk)
    with django_assert_num_queries(7):
        credit_standing_oldest_first(customer=customer, as_of=date(2026, 4, 10))
