"""The demo company (the shared 300-customer demo) ends with churn predictions, lost customers and at-risk alerts."""

from tests.fixtures.server import DemoDatabase


def test_the_demo_has_a_fit_at_each_month_end_and_predictions_of_the_last_one_that_converged(demo_database: DemoDatabase):
    # A server started on the demo by another test adds the month ends since: the demo's own are these.
    fits = demo_database.query("SELECT as_of, status FROM churn_fits WHERE as_of <= '2026-06-30' ORDER BY as_of")
    assert [as_of for as_of, _ in fits] == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"]
    fitted = [as_of for as_of, status in fits if status == "fitted"]
    assert fitted, fits
    predicted = demo_database.query("SELECT count(*), min(p_alive), max(p_alive) FROM customer_predictions WHERE as_of = ?", fitted[-1])
    (count, lowest, highest) = predicted[0]
    assert count > 200 and 0 <= lowest < 0.5 < highest <= 1


def test_the_demo_has_lost_customers_and_at_risk_alerts(demo_database: DemoDatabase):
    at_risk = demo_database.query("SELECT count(*), count(DISTINCT customer_id) FROM alerts WHERE kind = 'at_risk' AND read_at IS NULL")
    assert at_risk[0][0] > 0 and at_risk[0][0] == at_risk[0][1]  # no second alert while one is unread
    lost = demo_database.query("SELECT count(*) FROM customer_losses WHERE how = 'detected' AND reason = 'unknown'")
    assert lost[0][0] > 0
    assert demo_database.query("SELECT count(*) FROM alerts WHERE kind = 'lost'") == lost
    still_lost = demo_database.query("SELECT count(*) FROM customer_losses l JOIN customers c ON c.id = l.customer_id WHERE l.recovered_on IS NULL AND c.status != 'lost'")
    assert still_lost == [(0,)]
