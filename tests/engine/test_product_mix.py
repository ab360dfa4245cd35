"""The product mix against hand-computed examples, on every backend.

As of 2026-06-30: the year is 2025-07-01 … 2026-06-30 (a year before: 2024-07-01 … 2025-06-30), the
quarter 2026-04-01 … 2026-06-30 (2025-04-01 … 2025-06-30 a year before).

    product  line (customer, date, units, amount, cost)                  year / before   quarter / before   buyers
    P1       C1 2026-05-10   6   6,000  5,000;  C2 2025-10-01  2  2,000  1,000
             C1 2025-05-10  10  10,000;  C1 2024-06-30 (out of both) 8,000 / 10,000   6,000 / 10,000     2
    P2       C3 2026-01-15  30   1,500;  C4 2025-08-01  10  500;
             C3 2025-01-15  40   2,000                                  2,000 / 2,000      0 / 0            2
    P3       C5 2026-06-30 100   1,000  200;  C6 2026-04-01  -1  -200  -40  (a return)
                                                                        800 / 0         800 / 0            1
    P4       never sold                                                     0 / 0           0 / 0            0
    P5       C2 2025-02-01   7     700                                      0 / 700         0 / 0            0
    (none)   C1 2026-05-01 99,999 without a product: left out

Revenue ABC: 8,000 + 2,000 + 800 = 10,800. P1 74.1 % (A), P2 crosses 80 % (A, 92.6 %), P3 B; P4 and
P5 have nothing: C (ties by id). Changes: P1 -20 % a year, -40 % a quarter; P2 0 %; P5 -100 %.
"""

from datetime import date

import pyarrow as pa
import pytest

from clientela.engine.metrics import Metric
from clientela.engine.product_mix import ProductMix, product_mix
from clientela.engine.schemes.abc import AbcScheme

AS_OF = date(2026, 6, 30)
LINES = [
    # customer, product, date, units, amount, cost
    (1, 1, date(2026, 5, 10), 6, 6000, 5000),
    (2, 1, date(2025, 10, 1), 2, 2000, 1000),
    (1, 1, date(2025, 5, 10), 10, 10000, None),
    (1, 1, date(2024, 6, 30), 8, 5000, None),
    (3, 2, date(2026, 1, 15), 30, 1500, None),
    (4, 2, date(2025, 8, 1), 10, 500, None),
    (3, 2, date(2025, 1, 15), 40, 2000, None),
    (5, 3, date(2026, 6, 30), 100, 1000, 200),
    (6, 3, date(2026, 4, 1), -1, -200, -40),
    (2, 5, date(2025, 2, 1), 7, 700, None),
    (1, None, date(2026, 5, 1), 1, 99999, None),
]


def mix_rows(backend, mix: ProductMix = ProductMix()) -> list[dict]:
    columns = list(zip(*LINES, strict=True))
    transactions = backend.create_table(
        "transactions",
        pa.table(
            {
                "customer_id": pa.array(columns[0], pa.int64()),
                "product_id": pa.array(columns[1], pa.int64()),
                "date": pa.array(columns[2], pa.date32()),
                "document_id": pa.array([f"F{n}" for n in range(len(LINES))], pa.string()),
                "units": pa.array(columns[3], pa.int64()),
                "amount_cents": pa.array(columns[4], pa.int64()),
                "cost_cents": pa.array(columns[5], pa.int64()),
            }
        ),
        overwrite=True,
    )
    products = backend.create_table("products", pa.table({"id": pa.array([1, 2, 3, 4, 5], pa.int64())}), overwrite=True)
    return product_mix(transactions, products, AS_OF, mix).order_by("rank").to_pyarrow().to_pylist()


def test_abc_of_products_by_revenue_with_the_customers_pareto_rules(backend):
    rows = mix_rows(backend)
    assert [(r["product_id"], r["class"], r["value"], r["rank"]) for r in rows] == [
        (1, "A", 8000, 1), (2, "A", 2000, 2), (3, "B", 800, 3), (4, "C", 0, 4), (5, "C", 0, 5),
    ]  # fmt: skip
    assert rows[0]["share"] == pytest.approx(8000 / 10800) and rows[1]["cumulative_share"] == pytest.approx(10000 / 10800)
    assert (rows[0]["a_threshold"], rows[0]["b_threshold"]) == (0.8, 0.95)


def test_sales_against_the_same_months_a_year_before(backend):
    rows = {r["product_id"]: r for r in mix_rows(backend)}
    figures = {pid: (r["year"], r["year_before"], r["year_change"], r["quarter"], r["quarter_before"], r["quarter_change"]) for pid, r in rows.items()}
    assert figures == {
        1: (8000, 10000, -0.2, 6000, 10000, -0.4),
        2: (2000, 2000, 0.0, 0, 0, None),
        3: (800, 0, None, 800, 0, None),
        4: (0, 0, None, 0, 0, None),
        5: (0, 700, -1.0, 0, 0, None),
    }
    flags = {pid: (r["declining_year"], r["declining_quarter"]) for pid, r in rows.items()}
    assert flags == {1: (True, True), 2: (False, False), 3: (False, False), 4: (False, False), 5: (True, False)}


def test_a_decline_is_measured_against_the_threshold_given(backend):
    rows = {r["product_id"]: r for r in mix_rows(backend, ProductMix(decline=0.2))}
    assert (rows[1]["declining_year"], rows[1]["declining_quarter"]) == (True, True)  # exactly -20 % reaches the threshold
    rows = {r["product_id"]: r for r in mix_rows(backend, ProductMix(decline=0.25))}
    assert (rows[1]["declining_year"], rows[1]["declining_quarter"]) == (False, True)


def test_buyers_count_customers_with_a_sale_and_few_is_below_the_threshold(backend):
    rows = {r["product_id"]: r for r in mix_rows(backend, ProductMix(few_buyers=2))}
    assert {pid: (r["buyers"], r["few_buyers"]) for pid, r in rows.items()} == {1: (2, False), 2: (2, False), 3: (1, True), 4: (0, True), 5: (0, True)}


def test_abc_by_units_and_by_profit(backend):
    by_units = mix_rows(backend, ProductMix(abc=AbcScheme(name="products", metric=Metric.UNITS)))
    # units in the year: P3 99, P2 40, P1 8 of 147: P3 67.3 % A, P2 crosses 80 % (A), P1 B
    assert [(r["product_id"], r["class"], r["value"]) for r in by_units][:3] == [(3, "A", 99), (2, "A", 40), (1, "B", 8)]
    assert by_units[2]["year_change"] == -0.2  # P1: 8 units against 10
    by_profit = mix_rows(backend, ProductMix(abc=AbcScheme(name="products", metric=Metric.PROFIT)))
    # profit: P1 1,000 + 1,000, P3 800 - 160 = 640; P2 has no cost, so no profit
    assert [(r["product_id"], r["class"], r["value"]) for r in by_profit][:3] == [(1, "A", 2000), (3, "A", 640), (2, "C", 0)]


def test_products_are_ranked_by_what_is_sold_only():
    with pytest.raises(ValueError, match="products are ranked by revenue, units, profit, not by paid"):
        ProductMix(abc=AbcScheme(name="products", metric=Metric.PAID))
