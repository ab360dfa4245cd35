"""S3.4 Profit 20/60/20 against hand-computed examples, on every backend."""

from datetime import date

import pytest

from clientela.engine.inputs import Inputs
from clientela.engine.schemes.profit import ProfitScheme
from tests.fixtures.engines import transactions_table

DAY = date(2024, 3, 1)


def test_bands_by_head_count_with_their_share_of_profit(backend):
    # ten customers; profit = amount - cost: 900, 800, ..., 0 (customer 10), customer 7 loses 500
    rows = [(n, DAY, f"d{n}", 1, 10_000, 10_000 - 100 * (10 - n)) for n in range(1, 11)]
    rows[6] = (7, DAY, "d7", 1, 10_000, 10_500)
    result = ProfitScheme().classify(Inputs(transactions_table(backend, rows)), date(2024, 6, 30))
    result = result.order_by("rank").to_pyarrow().to_pylist()
    assert [(row["customer_id"], row["class"]) for row in result] == [
        (1, "keep"), (2, "keep"), (3, "retain"), (4, "retain"), (5, "retain"),
        (6, "retain"), (8, "retain"), (9, "retain"), (10, "review"), (7, "review"),
    ]  # fmt: skip
    total = 900 + 800 + 700 + 600 + 500 + 400 - 500 + 200 + 100 + 0
    by_band = {row["class"]: row["band_profit_share"] for row in result}
    assert by_band["keep"] == pytest.approx(1700 / total)
    assert by_band["retain"] == pytest.approx((700 + 600 + 500 + 400 + 200 + 100) / total)
    assert by_band["review"] == pytest.approx(-500 / total)


def test_bands_must_fit():
    with pytest.raises(ValueError, match="keep \\+ review <= 1"):
        ProfitScheme(keep=0.7, review=0.5)
