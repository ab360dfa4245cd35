"""Which payments pay which instalments (through the receivables ledger, with the invoices), and the moves that follow (pure, no database)."""

from datetime import date

from clientela.ledger import Invoice, Receipt, Schedule
from clientela.pipeline.standing import Move, Overdue, Standing, contract_standing, data_moves

K1 = Schedule("K1", date(2026, 1, 10), ((1, date(2026, 2, 10), 500), (2, date(2026, 3, 10), 500)))
K2 = Schedule("K2", date(2026, 4, 1), ((1, date(2026, 5, 1), 300),))


def test_no_payment_no_first_payment():
    standing = contract_standing([K1], [], today=date(2026, 1, 20))
    assert standing == Standing()
    assert data_moves("target", standing) == []


def test_a_first_payment_makes_a_target_signed_on_the_day_it_came():
    standing = contract_standing([K1], [Receipt(date(2026, 2, 1), 200)], today=date(2026, 2, 5))
    assert standing.first_payment == ("K1", date(2026, 1, 10), date(2026, 2, 1))
    assert data_moves("target", standing) == [Move("signed", date(2026, 2, 1), "contract K1 signed on 2026-01-10, first payment received on 2026-02-01")]


def test_payments_of_order_invoices_pay_the_contract_too():
    standing = contract_standing([K1], [Receipt(date(2026, 2, 1), 500, "INV-1")], today=date(2026, 2, 5))
    assert standing.first_payment == ("K1", date(2026, 1, 10), date(2026, 2, 1))


def test_an_orders_payment_pays_its_invoice_not_a_supply_contract():
    # Counting it against the contract, as before, made customers who pay every order look late on their contracts.
    order = Invoice("INV-1", date(2026, 1, 20), date(2026, 2, 19), 500)
    standing = contract_standing([K1], [Receipt(date(2026, 2, 1), 500, "INV-1")], today=date(2026, 2, 15), invoices=[order])
    assert standing.first_payment is None
    assert standing.overdue == (Overdue("K1", 1, date(2026, 2, 10), 500),)


def test_what_an_invoice_payment_leaves_over_pays_the_oldest_item():
    order = Invoice("INV-1", date(2026, 1, 20), date(2026, 2, 19), 500)
    standing = contract_standing([K1], [Receipt(date(2026, 2, 1), 800, "INV-1")], today=date(2026, 2, 15), invoices=[order])
    assert standing.first_payment == ("K1", date(2026, 1, 10), date(2026, 2, 1))
    assert standing.overdue == (Overdue("K1", 1, date(2026, 2, 10), 200),)


def test_unnamed_money_pays_the_earliest_due_item_first_invoice_or_instalment():
    order = Invoice("INV-1", date(2026, 1, 2), date(2026, 2, 1), 300)
    standing = contract_standing([K1], [Receipt(date(2026, 2, 5), 600)], today=date(2026, 2, 20), invoices=[order])
    assert standing.overdue == (Overdue("K1", 1, date(2026, 2, 10), 200),)  # 300 paid the invoice due on 1 February


def test_a_payment_naming_an_unknown_contract_counts_like_any_other():
    # Only this customer's contracts are known here: an unknown name is just another invoice.
    standing = contract_standing([K1], [Receipt(date(2026, 2, 1), 500, "K9")], today=date(2026, 2, 5))
    assert standing.first_payment is not None


def test_money_on_account_before_signing_pays_the_contract_on_the_signing_day():
    # Money that found no debt stays on account and pays the next items when they are issued.
    before = contract_standing([K1], [Receipt(date(2026, 1, 5), 500)], today=date(2026, 2, 5))
    assert before.first_payment == ("K1", date(2026, 1, 10), date(2026, 1, 10))
    deposit = contract_standing([K1], [Receipt(date(2026, 1, 5), 500, "K1")], today=date(2026, 2, 5))
    assert deposit.first_payment == ("K1", date(2026, 1, 10), date(2026, 1, 10))
    assert contract_standing([K1], [Receipt(date(2026, 1, 5), 500)], today=date(2026, 1, 9)).first_payment is None


def test_all_instalments_paid_by_their_due_dates_make_it_qualified():
    paid = [Receipt(date(2026, 2, 10), 500), Receipt(date(2026, 3, 1), 250), Receipt(date(2026, 3, 9), 250)]
    standing = contract_standing([K1], paid, today=date(2026, 3, 20))
    assert standing.completed == ("K1", date(2026, 3, 9), True)
    assert [move.to_stage for move in data_moves("target", standing)] == ["signed", "qualified"]
    assert data_moves("signed", standing)[0] == Move("qualified", date(2026, 3, 9), "contract K1 paid in full by its due dates (last payment on 2026-03-09)")
    assert data_moves("qualified", standing) == []


def test_an_overdue_instalment_takes_a_qualified_customer_back_to_signed():
    paid = [Receipt(date(2026, 2, 10), 500), Receipt(date(2026, 3, 9), 500), Receipt(date(2026, 4, 20), 100)]
    standing = contract_standing([K1, K2], paid, today=date(2026, 5, 2))
    assert standing.overdue == (Overdue("K2", 1, date(2026, 5, 1), 200),)
    assert data_moves("qualified", standing) == [
        Move("signed", date(2026, 5, 2), "instalment 1 of contract K2 was due on 2026-05-01 and is not paid in full")
    ]
    assert data_moves("signed", standing) == []  # no qualifying while something is overdue


def test_due_today_is_not_overdue_yet():
    standing = contract_standing([K1], [Receipt(date(2026, 2, 1), 500)], today=date(2026, 3, 10))
    assert standing.overdue == ()


def test_a_contract_paid_in_full_late_does_not_qualify():
    paid = [Receipt(date(2026, 2, 10), 500), Receipt(date(2026, 3, 15), 500)]
    standing = contract_standing([K1], paid, today=date(2026, 3, 20))
    assert standing.completed == ("K1", date(2026, 3, 15), False)
    assert data_moves("signed", standing) == []
    assert data_moves("qualified", standing)[0].reason == "contract K1 was paid in full only on 2026-03-15, after a due date"


def test_a_payment_naming_a_contract_pays_that_contract_only():
    paid = [Receipt(date(2026, 4, 2), 300, "K2")]
    standing = contract_standing([K1, K2], paid, today=date(2026, 4, 5))
    assert standing.first_payment == ("K2", date(2026, 4, 1), date(2026, 4, 2))
    assert standing.completed == ("K2", date(2026, 4, 2), True)
    assert [o.sequence for o in standing.overdue] == [1, 2]  # K1 unpaid


def test_payments_after_today_are_not_counted():
    assert contract_standing([K1], [Receipt(date(2026, 2, 1), 500)], today=date(2026, 1, 31)).first_payment is None
