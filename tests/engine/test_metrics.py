"""Key metrics helpers (clientela.engine.metrics): rounding and ratios that agree on every backend."""

import pyarrow as pa
import pytest

from clientela.engine.metrics import Metric, ratio, rounded

# value → expected, rounded to 9 decimals by hand (the digits after the 9th decide)
CASES = [
    (2.236067977499999, 2.236067977),  # …977|4999…: down. PostgreSQL's ROUND makes it …978 (15 digits: …9775)
    (1234.5678901244996, 1234.567890124),  # …124|4996: down, also a 15-digit trap
    (2 / 3, 0.666666667),
    (1 / 3, 0.333333333),
    (-0.15, -0.15),
    (0.2, 0.2),
    (1e-10, 0.0),
    (12_000.0, 12_000.0),
]


def test_rounding_to_9_decimals_is_the_same_on_every_backend(backend):
    values = [value for value, _ in CASES]
    table = backend.create_table("numbers", pa.table({"i": list(range(len(values))), "x": values}), overwrite=True)
    rows = table.select("i", r=rounded(table.x), n=rounded(table.x.nullif(table.x))).order_by("i").to_pyarrow().to_pylist()
    assert [row["r"] for row in rows] == [expected for _, expected in CASES]
    assert {row["n"] for row in rows} == {None}  # null stays null


def test_a_ratio_is_null_unless_the_denominator_is_positive(backend):
    table = backend.create_table("pairs", pa.table({"i": [1, 2, 3], "a": [1, 1, 1], "b": [3, 0, -3]}), overwrite=True)
    rows = table.select("i", r=ratio(table.a, table.b)).order_by("i").to_pyarrow().to_pylist()
    assert [row["r"] for row in rows] == [0.333333333, None, None]


@pytest.mark.parametrize(("metric", "money"), [("revenue", True), ("paid", True), ("profit", True), ("units", False), ("orders", False), ("payments", False)])
def test_money_metrics(metric, money):
    assert Metric(metric).is_money is money
