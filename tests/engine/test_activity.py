"""How customers buy over time (clientela.engine.activity), against hand-computed examples on every backend."""

import math
from datetime import date

import pytest

from clientela.engine.activity import SALES_ACTIVITY, growth, months_back, orders, recency, regularity, sales_activity
from clientela.engine.window import Window
from tests.fixtures.engines import transactions_table


def by_customer(table) -> dict[int, dict]:
    return {row["customer_id"]: row for row in table.to_pyarrow().to_pylist()}


def sale(customer: int, day: date, amount: int, document: str | None = None) -> tuple:
    return (customer, day, document or f"{customer}-{day}-{amount}", 1, amount, None)


# Customer 1 in 2024, as of 2024-12-31 (12 calendar months), net per month in cents:
#   Jan 3000  Feb 2000  Mar 0  | Apr 2000  May 2000  Jun 1000 | Jul 0  Aug 1000  Sep 0 | Oct 0  Nov 0  Dec 1000
# April is 2500 less a 500 return; September is a sale of 700 fully returned (net 0: not active).
YEAR_2024 = [
    sale(1, date(2024, 1, 15), 3000),
    sale(1, date(2024, 2, 1), 2000),
    sale(1, date(2024, 4, 3), 2500),
    sale(1, date(2024, 4, 20), -500),
    sale(1, date(2024, 5, 31), 2000),
    sale(1, date(2024, 6, 30), 1000),
    sale(1, date(2024, 8, 1), 1000),
    sale(1, date(2024, 9, 10), 700),
    sale(1, date(2024, 9, 11), -700),
    sale(1, date(2024, 12, 31), 1000),
    sale(1, date(2023, 12, 31), 99_999),  # the day before the window: ignored
    sale(1, date(2025, 1, 1), 99_999),  # after the as-of date: ignored
]


def test_active_months_and_the_spread_of_monthly_and_quarterly_amounts_over_a_year(backend):
    row = by_customer(regularity(transactions_table(backend, YEAR_2024), Window(date(2024, 12, 31), 12)))[1]
    # active: Jan, Feb, Apr, May, Jun, Aug, Dec = 7 (September nets to 0)
    assert row["active_months"] == 7
    # 12 months, total 12,000: mean 1,000; squares 9+4+4+4+1+1+1 = 24 (× 10^6) → variance 24e6/12 − 1e6 = 1e6
    assert row["monthly_mean"] == 1000
    assert row["monthly_std"] == 1000
    assert row["monthly_cv"] == 1
    # quarters (counted back from December): Oct–Dec 1000, Jul–Sep 1000, Apr–Jun 5000, Jan–Mar 5000
    # mean 3000; squares (1+1+25+25)e6 / 4 = 13e6 − 9e6 = 4e6 → std 2000, cv 2/3
    assert row["quarterly_mean"] == 3000
    assert row["quarterly_std"] == 2000
    assert row["quarterly_cv"] == pytest.approx(2 / 3, abs=1e-9)


def test_a_window_that_is_not_a_multiple_of_three_has_a_short_last_quarter(backend):
    rows = [sale(1, date(2024, 1, 10), 3000), sale(1, date(2024, 4, 30), 1000)]
    row = by_customer(regularity(transactions_table(backend, rows), Window(date(2024, 4, 30), 4)))[1]
    # months (newest first) Apr 1000, Mar 0, Feb 0, Jan 3000: mean 1000, variance 10e6/4 − 1e6 = 1.5e6
    assert row["monthly_mean"] == 1000
    assert row["monthly_std"] == pytest.approx(math.sqrt(1.5e6), abs=1e-6)
    assert row["monthly_cv"] == pytest.approx(math.sqrt(1.5), abs=1e-9)
    # ⌈4 / 3⌉ = 2 quarters: Feb–Apr 1000 and Jan alone 3000 → mean 2000, std 1000, cv 0.5
    assert (row["quarterly_mean"], row["quarterly_std"], row["quarterly_cv"]) == (2000, 1000, 0.5)


def test_a_customer_whose_window_nets_to_zero_has_no_coefficient_of_variation(backend):
    rows = [sale(1, date(2024, 3, 1), 500), sale(1, date(2024, 3, 2), -500), sale(2, date(2024, 3, 1), -300)]
    result = by_customer(regularity(transactions_table(backend, rows), Window(date(2024, 6, 30), 12)))
    assert result[1]["active_months"] == 0 and result[1]["monthly_mean"] == 0 and result[1]["monthly_cv"] is None
    # a net return: the mean is negative, so no coefficient of variation (it would be meaningless)
    assert result[2]["active_months"] == 0
    assert result[2]["monthly_mean"] == pytest.approx(-25)
    assert result[2]["monthly_cv"] is None and result[2]["quarterly_cv"] is None


def test_ratios_are_rounded_alike_on_every_backend(backend):
    row = by_customer(regularity(transactions_table(backend, [sale(1, date(2024, 6, 1), 23_219)]), Window(date(2024, 6, 30), 6)))[1]
    # one month of 23,219 in six: mean 3869.833333333 (rounded), std 23,219·√5/6 = 8653.210394928 (rounded);
    # their ratio is 2.2360679774999…, a hair below the half: 2.236067977 (PostgreSQL's ROUND said …978)
    assert (row["monthly_mean"], row["monthly_std"]) == (3869.833333333, 8653.210394928)
    assert row["monthly_cv"] == 2.236067977


@pytest.mark.parametrize(
    ("day", "as_of", "expected"),
    [
        (date(2024, 1, 30), date(2024, 2, 29), 0),  # after 2024-01-29 = one month before the 29th
        (date(2024, 1, 29), date(2024, 2, 29), 1),
        (date(2024, 2, 29), date(2024, 3, 31), 1),  # one month before March 31 is Feb 29 (clamped): excluded
        (date(2024, 3, 1), date(2024, 3, 31), 0),
        (date(2024, 3, 31), date(2024, 4, 30), 0),  # one month before April 30 is March 30
        (date(2024, 3, 30), date(2024, 4, 30), 1),
        (date(2024, 2, 29), date(2024, 4, 30), 2),  # two months before April 30 is Feb 29 (clamped)
        (date(2023, 1, 31), date(2023, 3, 30), 1),  # (Jan 30, Feb 28]
        (date(2023, 3, 30), date(2024, 2, 29), 10),  # month 11 is (2023-02-28, 2023-03-29]
        (date(2023, 3, 29), date(2024, 2, 29), 11),
    ],
)
def test_window_months_are_counted_back_from_the_as_of_date_with_month_end_clamping(backend, day, as_of, expected):
    table = transactions_table(backend, [sale(1, day, 100)])
    assert backend.execute(months_back(table.date, as_of).name("m")).tolist() == [expected]


def test_month_end_clamping_splits_january_between_two_window_months(backend):
    # As of 2024-02-29: month 0 is (Jan 29, Feb 29], month 1 is (Dec 29, Jan 29].
    rows = [sale(1, date(2024, 1, 29), 1000), sale(1, date(2024, 1, 30), 3000)]
    table = transactions_table(backend, rows)
    two = by_customer(regularity(table, Window(date(2024, 2, 29), 2)))[1]
    # months 3000 and 1000: both active, mean 2000, std 1000 (calendar months would give one month of 4000)
    assert (two["active_months"], two["monthly_mean"], two["monthly_std"]) == (2, 2000, 1000)
    one = by_customer(regularity(table, Window(date(2024, 2, 29), 1)))[1]
    assert (one["active_months"], one["monthly_mean"]) == (1, 3000)  # Jan 29 is the window's (excluded) start


def test_average_and_largest_order_are_document_totals_with_returns_netted(backend):
    rows = [
        (1, date(2024, 2, 1), "a", 1, 3000, None),
        (1, date(2024, 2, 1), "a", 1, 2000, None),  # document a = 5000
        (1, date(2024, 3, 1), "b", 1, 1000, None),
        (1, date(2024, 3, 9), "b", -1, -400, None),  # document b = 1000 − 400 = 600
        (1, date(2024, 4, 1), "c", 1, 2500, None),  # document c = 2500
        (1, date(2023, 6, 1), "old", 1, 90_000, None),  # outside the window
        (2, date(2024, 5, 1), "d", 1, 700, None),
        *((3, date(2024, 5, day), f"e{day}", 1, amount, None) for day, amount in [(1, 1000), (2, 1000), (3, 1001)]),
    ]
    result = by_customer(orders(transactions_table(backend, rows), Window(date(2024, 6, 30), 12)))
    assert result[1]["average_order"] == (5000 + 600 + 2500) / 3 == 2700
    assert result[1]["largest_order"] == 5000
    assert (result[2]["average_order"], result[2]["largest_order"]) == (700, 700)
    assert result[3]["average_order"] == 1000.333333333  # 3001 / 3, rounded to 9 decimals on every backend
    assert set(result) == {1, 2, 3}


def test_without_document_ids_an_order_is_a_customers_purchases_of_one_day(backend):
    rows = [
        (1, date(2024, 2, 1), None, 1, 3000, None),
        (1, date(2024, 2, 1), None, 1, 2000, None),  # Feb 1 = 5000
        (1, date(2024, 3, 1), None, 1, 1000, None),
        (1, date(2024, 3, 9), None, -1, -400, None),  # a return on its own day: an order of −400
        (1, date(2023, 6, 1), None, 1, 90_000, None),  # outside the window
        (2, date(2024, 5, 1), None, 1, 700, None),
    ]
    lines = transactions_table(backend, rows).drop("document_id")
    window = Window(date(2024, 6, 30), 12)
    result = by_customer(sales_activity(lines, window, ("orders", "average_order", "largest_order", "revenue", "active_months")))
    assert (result[1]["orders"], result[1]["largest_order"], result[1]["revenue"]) == (3, 5000, 5600)
    assert result[1]["average_order"] == 1866.666666667 and result[1]["active_months"] == 2  # 5600 / 3, rounded to 9 decimals
    assert (result[2]["orders"], result[2]["average_order"], result[2]["largest_order"]) == (1, 700, 700)
    assert set(result) == {1, 2}


def test_one_pass_gives_every_metric_of_the_separate_parts(backend):
    # Customer 3 bought only before the window but within the three years: in the years, not in the window.
    table = transactions_table(backend, [*YEAR_2024, sale(2, date(2024, 3, 5), 400, "x"), sale(2, date(2024, 4, 5), 600, "x"), sale(3, date(2022, 5, 1), 800)])
    window = Window(date(2024, 12, 31), 12)
    together = by_customer(sales_activity(table, window, SALES_ACTIVITY))
    parts = [regularity(table, window), orders(table, window), growth(table, window.as_of)]
    for part in parts:
        for customer, row in by_customer(part).items():
            assert {name: together[customer][name] for name in row} == row
    assert together[2]["orders"] == 1 and together[2]["largest_order"] == 1000  # one document over two months
    assert together[3]["revenue"] is None and together[3]["third_year_revenue"] == 800


def test_year_over_year_growth_of_the_last_two_years(backend):
    # As of 2024-06-30: last year (2023-06-30, 2024-06-30], previous (2022-06-30, 2023-06-30],
    # the one before (2021-06-30, 2022-06-30].
    rows = [
        # 1: 10,000 → 11,500 → 13,225: +15 % twice
        sale(1, date(2022, 1, 1), 10_000),
        sale(1, date(2023, 1, 1), 11_500),
        sale(1, date(2024, 1, 1), 13_000),
        sale(1, date(2024, 6, 30), 225),
        # 2: nothing the previous year: no growth last year; 1,000 → 0 is −100 %
        sale(2, date(2021, 7, 1), 1000),
        sale(2, date(2024, 2, 1), 5000),
        # 3: exactly +20 %; no third year: no growth the year before
        sale(3, date(2023, 6, 30), 10_000),  # the last day of the previous year
        sale(3, date(2023, 7, 1), 12_000),  # the first day of the last year
        sale(3, date(2021, 6, 30), 77_777),  # more than three years back: not read
        # 4: the previous year nets negative (a return): no growth figure
        sale(4, date(2023, 3, 1), -500),
        sale(4, date(2024, 3, 1), 1000),
    ]
    result = by_customer(growth(transactions_table(backend, rows), date(2024, 6, 30)))
    one = result[1]
    assert (one["third_year_revenue"], one["previous_year_revenue"], one["last_year_revenue"]) == (10_000, 11_500, 13_225)
    assert one["growth_last_year"] == pytest.approx(0.15, abs=1e-12)  # 1725 / 11500
    assert one["growth_year_before"] == pytest.approx(0.15, abs=1e-12)  # 1500 / 10000
    assert result[2]["growth_last_year"] is None
    assert result[2]["growth_year_before"] == -1
    three = result[3]
    assert (three["third_year_revenue"], three["previous_year_revenue"], three["last_year_revenue"]) == (0, 10_000, 12_000)
    assert three["growth_last_year"] == 0.2  # exactly 20 %, the same double as the literal 0.2
    assert three["growth_year_before"] is None
    assert (result[4]["previous_year_revenue"], result[4]["growth_last_year"]) == (-500, None)


def test_recency_and_tenure_in_days(backend):
    rows = [
        sale(1, date(2023, 1, 1), 100),
        sale(1, date(2024, 6, 10), 100),
        sale(1, date(2024, 7, 5), 100),  # after the as-of date: ignored
        sale(2, date(2024, 6, 30), 100),
        sale(3, date(2019, 6, 30), 100),  # long before any window: tenure still counts it
        sale(3, date(2024, 5, 31), -100),
        sale(4, date(2024, 7, 1), 100),  # only after the as-of date: not a customer yet
    ]
    result = by_customer(recency(transactions_table(backend, rows), date(2024, 6, 30)))
    # June 10 → June 30 = 20 days; 2023-01-01 → 2024-01-01 = 365, → 2024-06-30 = 31+29+31+30+31+29 = 181
    assert (result[1]["recency_days"], result[1]["tenure_days"]) == (20, 365 + 181)
    assert (result[2]["recency_days"], result[2]["tenure_days"]) == (0, 0)
    # five years with two leap days (2020-02-29, 2024-02-29)
    assert (result[3]["recency_days"], result[3]["tenure_days"]) == (30, 5 * 365 + 2)
    assert 4 not in result
