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


def test_ties_go_by_customer_id_and_a_zero_total_has_no_band_share(backend):
    # profits 300, −100, −100, −100, 0: total 0
    rows = [(1, DAY, "a", 1, 1000, 700), (5, DAY, "e", 1, 1000, 1000)]
    rows += [(n, DAY, f"d{n}", 1, 1000, 1100) for n in (4, 3, 2)]
    result = ProfitScheme().classify(Inputs(transactions_table(backend, rows)), date(2024, 6, 30))
    result = result.order_by("rank").to_pyarrow().to_pylist()
    # 5 customers: keep ⌈1.0⌉ = 1, review ⌈1.0⌉ = 1 (the last); −100 three times: 2, 3, 4 by id
    assert [(row["customer_id"], row["class"]) for row in result] == [(1, "keep"), (5, "retain"), (2, "retain"), (3, "retain"), (4, "review")]
    assert {row["band_profit_share"] for row in result} == {None}


def test_a_single_customer_is_keep(backend):
    result = ProfitScheme().classify(Inputs(transactions_table(backend, [(1, DAY, "a", 1, 1000, 400)])), date(2024, 6, 30))
    # keep takes ⌈0.2⌉ = 1 customer first; review would too, but keep wins
    assert result.to_pyarrow().to_pylist()[0]["class"] == "keep"
