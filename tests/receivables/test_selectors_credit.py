"""The credit warning's figures added up in the database when credits pay the oldest items first: the ledger's; else the ledger's own."""

from datetime import date, timedelta

import pytest

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.receivables.selectors.ageing import customer_statement
from clientela.receivables.selectors.credit import credit_standing, credit_standing_oldest_first


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


def test_a_refund_is_owed_again_and_paid_before_a_newer_invoice_by_hand(customer, sale, pay, terms):
    terms(customer, payment_days=30, limit_cents=10_000)
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])  # due 31 January
    pay(customer, date(2026, 1, 10), 10_000)  # pays F1
    sale(customer, "F2", date(2026, 1, 15), [("Lager", 10_000)])  # due 14 February
    pay(customer, date(2026, 1, 20), -4_000)  # given back: owed again, due at once (before F2)
    pay(customer, date(2026, 2, 1), 6_000)  # pays the refund, then 2,000 of F2

    # Open on 20 February: F2's 8,000, 6 days past due; 2,000 under the limit.
    assert standing(customer, date(2026, 2, 20)) == ((0, 8_000, 0, 0, 0), 0, 8_000, 10_000, 0)
    assert standing(customer, date(2026, 2, 20)) == ledger_standing(customer, date(2026, 2, 20))


def test_a_credit_note_and_a_partial_payment_pay_the_oldest_invoices_by_hand(customer, sale, pay, terms):
    terms(customer, payment_days=30, limit_cents=10_000)
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])  # due 31 January
    sale(customer, "F2", date(2026, 2, 1), [("Lager", 20_000), ("Craft", 5_000)])  # 25,000, due 3 March
    sale(customer, "A1", date(2026, 2, 15), [("Lager", -8_000), ("Craft", 3_000)])  # credit note of 5,000: half of F1
    pay(customer, date(2026, 3, 1), 10_000)  # the rest of F1 and 5,000 of F2

    # Open on 10 April: F2's 20,000, 38 days past due; 10,000 over the limit.
    assert standing(customer, date(2026, 4, 10)) == ((0, 0, 20_000, 0, 0), 0, 20_000, 10_000, 10_000)
    assert standing(customer, date(2026, 4, 10)) == ledger_standing(customer, date(2026, 4, 10))


def test_a_document_is_dated_and_signed_by_all_its_lines(customer, sale, pay):
    # F1 starts long before the days added up one by one and gets a line inside them: it counts from its first day;
    # A1's later negative line turns it into a credit note of 1,000 dated on its first line.
    sale(customer, "F1", date(2025, 9, 1), [("Lager", 10_000)])
    sale(customer, "F1", date(2026, 3, 1), [("Craft", 5_000)], first_line=2)
    sale(customer, "A1", date(2026, 2, 20), [("Lager", 2_000)])
    sale(customer, "A1", date(2026, 3, 5), [("Lager", -3_000)], first_line=2)
    sale(customer, "F2", date(2026, 3, 15), [("Lager", 7_000)])  # due 14 April
    pay(customer, date(2026, 3, 20), 4_000)
    pay(customer, date(2026, 3, 25), -500)

    # F1 15,000 over 90 days less A1's 1,000 and the payment's 4,000; the refund (500, 16 days); F2 7,000 current.
    assert standing(customer, date(2026, 4, 10)) == ((7_000, 500, 0, 0, 10_000), 0, 17_500, None, 0)
    assert standing(customer, date(2026, 4, 10)) == ledger_standing(customer, date(2026, 4, 10))


def test_refunds_and_credit_notes_the_same_as_the_ledger_on_every_day(customer, sale, pay, terms):
    terms(customer, payment_days=20, limit_cents=50_000)
    start = date(2025, 9, 1)
    for n in range(30):
        sale(customer, f"F{n:02d}", start + timedelta(days=9 * n), [("Lager", 6_000 + 900 * (n % 4))])
    for n in range(5):
        sale(customer, f"A{n}", start + timedelta(days=40 * n + 17), [("Lager", -2_500)])
    for n in range(10):
        pay(customer, start + timedelta(days=27 * n + 5), 12_000 + 3_000 * (n % 3))
    for n in range(4):
        pay(customer, start + timedelta(days=61 * n + 30), -3_500)
    pay(customer, date(2026, 6, 1), 200_000)  # more than owed: money on account
    for day in (start + timedelta(days=n) for n in range(0, 330, 4)):
        assert standing(customer, day) == ledger_standing(customer, day), day


@pytest.mark.parametrize("case", ["named payment", "contract"])
def test_named_documents_need_the_ledger(customer, sale, pay, contract, case):
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])
    sale(customer, "F2", date(2026, 2, 1), [("Lager", 20_000)])
    pay(customer, date(2026, 2, 10), 15_000, "F2" if case == "named payment" else "")
    if case == "contract":
        contract(customer, "K1", date(2026, 1, 15), [(date(2026, 2, 15), 5_000), (date(2026, 3, 15), 5_000)])
    assert credit_standing_oldest_first(customer=customer, as_of=date(2026, 4, 10)) is None


def test_a_payment_naming_an_invoice_pays_it_first_by_hand(customer, sale, pay, terms):
    terms(customer, payment_days=30, limit_cents=20_000)
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])  # due 31 January
    sale(customer, "F2", date(2026, 2, 1), [("Lager", 20_000)])  # due 3 March
    pay(customer, date(2026, 2, 10), 15_000, "F2")  # 15,000 of F2, not F1
    pay(customer, date(2026, 3, 1), 4_000)  # the oldest: F1

    # Open on 10 April: F1's 6,000 (69 days past due), F2's 5,000 (38 days).
    found = credit_standing(customer=customer, as_of=date(2026, 4, 10))
    assert (found.ageing.buckets, found.ageing.on_account_cents, found.over_limit_cents) == ((0, 0, 5_000, 6_000, 0), 0, 0)
    assert found == customer_statement(customer=customer, as_of=date(2026, 4, 10)).standing


def test_the_standing_is_added_up_unless_documents_are_named(customer, sale, pay, django_assert_max_num_queries):
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 10_000)])
    pay(customer, date(2026, 1, 20), -1_000)
    customer = Customer.objects.get(pk=customer.pk)
    assert credit_standing(customer=customer, as_of=date(2026, 4, 10)) == credit_standing_oldest_first(customer=customer, as_of=date(2026, 4, 10))
    pay(customer, date(2026, 2, 1), 2_000, "F1")
    assert credit_standing(customer=customer, as_of=date(2026, 4, 10)) == customer_statement(customer=customer, as_of=date(2026, 4, 10)).standing


def test_the_same_queries_for_any_number_of_invoices(customer, sale, pay, django_assert_num_queries):
    # Two checks that nothing is named, the credit terms, the lines up to the days added up one by one and the later lines
    # by their document's day, the same for the money in.
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
