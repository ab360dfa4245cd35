"""The demo company's receivables (the shared 300-customer demo): terms and limits, contracts paid by their own payments."""

from tests.fixtures.server import DemoDatabase


def test_every_customer_has_terms_and_the_active_ones_a_limit(demo_database: DemoDatabase):
    customers = demo_database.query("SELECT count(*) FROM customers WHERE status != 'prospect'")[0][0]
    terms = dict(demo_database.query("SELECT c.channel, min(t.payment_days) FROM credit_terms t JOIN customers c ON c.id = t.customer_id GROUP BY c.channel"))
    assert demo_database.query("SELECT count(*) FROM credit_terms")[0][0] == customers
    assert terms == {"bar": 30, "restaurant": 30, "shop": 45, "dealer": 60}
    limited = demo_database.query("SELECT count(*) FROM credit_terms t JOIN customers c ON c.id = t.customer_id WHERE c.status = 'active' AND t.credit_limit_cents IS NULL")
    assert limited == [(0,)]


def test_some_customers_are_above_their_limit_and_their_owner_knows(demo_database: DemoDatabase):
    alerts = demo_database.query(
        "SELECT count(*), sum(a.recipient_id = c.owner_id) FROM alerts a JOIN customers c ON c.id = a.customer_id WHERE a.kind = 'credit_limit'"
    )[0]
    customers = demo_database.query("SELECT count(*) FROM customers")[0][0]
    assert 0 < alerts[0] < customers / 5 and alerts[0] == alerts[1]


def test_contracts_are_paid_by_payments_naming_them(demo_database: DemoDatabase):
    paid = demo_database.query(
        "SELECT count(DISTINCT k.id) FROM contracts k JOIN payments p ON p.invoice = k.contract_id AND p.customer_id = k.customer_id"
    )[0][0]
    assert paid >= 0.9 * demo_database.query("SELECT count(*) FROM contracts")[0][0]
    assert demo_database.query("SELECT count(*) FROM bonus_plans WHERE salesperson_id IS NULL") == [(1,)]
