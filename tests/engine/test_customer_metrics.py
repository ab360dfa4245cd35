"""Every per-customer metric in one table (clientela.engine.customer_metrics), by hand, on every backend."""

from datetime import date

from clientela.engine.customer_metrics import METRICS, MONEY_METRICS, customer_metrics
from clientela.engine.inputs import Inputs
from clientela.engine.metrics import key_metrics
from clientela.engine.window import Window
from tests.fixtures.engines import customers_table, payments_table, transactions_table

AS_OF = date(2024, 6, 30)
WINDOW = Window(AS_OF, 12)  # (2023-06-30, 2024-06-30]

SALES = [
    # customer 1: two orders in the window, one with a partial return; cost known on some lines
    (1, date(2024, 1, 10), "a", 3, 6000, 4000),
    (1, date(2024, 1, 10), "a", 1, 2000, None),  # unknown cost: adds no profit
    (1, date(2024, 5, 2), "b", 2, 5000, 3000),
    (1, date(2024, 5, 20), "b", -1, -1000, -600),  # return on order b
    (1, date(2023, 5, 1), "old", 10, 8000, 1000),  # before the window (previous year)
    # customer 2: one sale
    (2, date(2024, 6, 30), "c", None, 1500, 1500),  # units unknown: 0
]
PAYMENTS = [
    (1, date(2024, 2, 1), 5000),
    (1, date(2024, 6, 30), 3000),
    (1, date(2023, 6, 30), 9999),  # the window's excluded start
    (3, date(2024, 3, 3), 2500),  # pays but bought nothing
]


def metrics(backend, sales=SALES, payments=PAYMENTS, customers=None, window=WINDOW) -> dict[int, dict]:
    inputs = Inputs(
        transactions_table(backend, sales),
        payments_table(backend, payments) if payments is not None else None,
        customers_table(backend, customers) if customers is not None else None,
    )
    return {row["customer_id"]: row for row in customer_metrics(inputs, window).to_pyarrow().to_pylist()}


def test_key_metrics_of_a_customer(backend):
    one = metrics(backend)[1]
    # revenue 6000 + 2000 + 5000 − 1000; profit (6000−4000) + 0 + (5000−3000) + (−1000+600)
    assert one["revenue"] == 12_000
    assert one["profit"] == 2000 + 0 + 2000 - 400
    assert one["units"] == 3 + 1 + 2 - 1
    assert one["orders"] == 2
    # payments: 5000 and 3000 in the window; the one on the excluded start does not count
    assert (one["paid"], one["payments"]) == (8000, 2)
    # orders a = 8000, b = 4000
    assert (one["average_order"], one["largest_order"]) == (6000, 8000)
    # January and May active (the return leaves May at 4000)
    assert one["active_months"] == 2
    assert one["recency_days"] == 41  # May 20 → June 30: 11 + 30
    assert one["tenure_days"] == 366 + 60  # 2023-05-01 → 2024-05-01 (with Feb 29) → June 30
    assert (one["previous_year_revenue"], one["last_year_revenue"]) == (8000, 12_000)
    assert one["growth_last_year"] == 0.5
    assert one["growth_year_before"] is None


def test_units_without_a_value_count_as_zero(backend):
    two = metrics(backend)[2]
    assert (two["revenue"], two["profit"], two["units"], two["orders"], two["paid"], two["payments"]) == (1500, 0, 0, 1, 0, 0)


def test_customers_without_sales_get_zeros_and_no_ratios(backend):
    result = metrics(backend, customers=[1, 2, 3, 4])
    assert sorted(result) == [1, 2, 3, 4]
    for customer in (3, 4):  # 3 only paid; 4 is only in the customer list
        row = result[customer]
        zeros = ("revenue", "profit", "units", "orders", "active_months", "monthly_mean", "monthly_std", "quarterly_mean", "quarterly_std")
        assert {name: row[name] for name in zeros} == dict.fromkeys(zeros, 0), customer
        # yearly revenues are amounts like revenue: nothing sold is 0, not unknown
        assert (row["last_year_revenue"], row["previous_year_revenue"], row["third_year_revenue"]) == (0, 0, 0), customer
        nulls = ("monthly_cv", "quarterly_cv", "average_order", "largest_order", "growth_last_year", "growth_year_before", "recency_days", "tenure_days")
        assert {name: row[name] for name in nulls} == dict.fromkeys(nulls), customer
    assert (result[3]["paid"], result[3]["payments"]) == (2500, 1)
    assert (result[4]["paid"], result[4]["payments"]) == (0, 0)


def test_a_customer_who_bought_only_long_ago_has_zero_yearly_revenues(backend):
    # 2 bought 40 months before the as-of date, 5 bought 30 months before: both sold nothing in the last year
    sales = [(2, date(2021, 2, 1), "x", 1, 100, None), (5, date(2021, 12, 31), "y", 1, 100, None)]
    result = metrics(backend, sales=sales, payments=None)
    for customer in (2, 5):
        assert result[customer]["last_year_revenue"] == 0, customer
        assert result[customer]["growth_last_year"] is None, customer
    assert result[5]["third_year_revenue"] == 100
    assert result[2]["third_year_revenue"] == 0
    assert result[2]["tenure_days"] == result[2]["recency_days"] == (date(2024, 6, 30) - date(2021, 2, 1)).days


def test_without_payments_paid_and_payments_are_zero(backend):
    result = metrics(backend, payments=None)
    assert sorted(result) == [1, 2]
    assert [(row["paid"], row["payments"]) for row in result.values()] == [(0, 0), (0, 0)]


def test_key_metrics_agree_with_the_full_table(backend):
    inputs = Inputs(transactions_table(backend, SALES), payments_table(backend, PAYMENTS))
    keys = {row["customer_id"]: row for row in key_metrics(inputs, WINDOW).to_pyarrow().to_pylist()}
    full = metrics(backend)
    assert sorted(keys) == [1, 2, 3]
    for customer, row in keys.items():
        assert row == {name: full[customer][name] for name in row}


def test_every_metric_is_a_column_in_order_and_money_is_named():
    assert list(METRICS)[:6] == ["revenue", "paid", "payments", "units", "profit", "orders"]
    assert MONEY_METRICS == {
        "revenue", "paid", "profit", "monthly_mean", "monthly_std", "quarterly_mean", "quarterly_std",
        "average_order", "largest_order", "last_year_revenue", "previous_year_revenue", "third_year_revenue",
    }  # fmt: skip
