"""S3.1 Pareto / ABC against hand-computed examples, on every backend."""

from datetime import date

import pytest

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric
from clientela.engine.schemes.abc import AbcCountScheme, AbcScheme
from tests.fixtures.engines import transactions_table

AS_OF = date(2024, 6, 30)
DAY = date(2024, 1, 5)


def classes(backend, rows, scheme):
    result = scheme.classify(Inputs(transactions_table(backend, rows)), AS_OF).order_by("rank").to_pyarrow().to_pylist()
    return [(row["customer_id"], row["class"]) for row in result], result


def test_the_customer_crossing_80_percent_is_a_and_zero_or_negative_is_c(backend):
    rows = [
        (1, DAY, "a", 1, 5000, None),
        (1, DAY, "b", 1, 1000, None),
        (2, DAY, "c", 1, 2000, None),
        (3, DAY, "d", 1, 1000, None),
        (4, DAY, "e", 1, 500, None),
        (5, DAY, "f", 1, 0, None),
        (6, DAY, "g", 1, 500, None),
        (6, DAY, "h", -1, -800, None),  # a return larger than the purchase: net negative
    ]
    labels, result = classes(backend, rows, AbcScheme())
    # total 9,500: cumulative 63.2 % (A), 84.2 % crosses 80 % (A), 94.7 % (B), 100 % (B), then C
    assert labels == [(1, "A"), (2, "A"), (3, "B"), (4, "B"), (5, "C"), (6, "C")]
    assert result[1]["share"] == pytest.approx(2000 / 9500)
    assert result[1]["cumulative_share"] == pytest.approx(8000 / 9500)
    assert (result[0]["a_threshold"], result[0]["b_threshold"]) == (0.8, 0.95)


def test_ties_are_broken_by_customer_id_and_reaching_the_line_exactly_counts(backend):
    rows = [(3, DAY, "a", 1, 4000, None), (1, DAY, "b", 1, 4000, None), (2, DAY, "c", 1, 1500, None), (4, DAY, "d", 1, 500, None)]
    labels, _ = classes(backend, rows, AbcScheme())
    # 1 then 3 (tie, id ascending): 40 %, 80 % reaches the line, so 2 is not A: 95 % reaches B
    assert labels == [(1, "A"), (3, "A"), (2, "B"), (4, "C")]


def test_transactions_outside_the_window_do_not_count(backend):
    rows = [(1, date(2023, 6, 30), "a", 1, 99_000, None), (1, DAY, "b", 1, 100, None), (2, DAY, "c", 1, 900, None)]
    labels, _ = classes(backend, rows, AbcScheme())
    assert labels == [(2, "A"), (1, "B")]


def test_head_count_variant_takes_20_and_30_percent_rounded_up(backend):
    rows = [(n, DAY, f"d{n}", 1, 1000 * (11 - n), None) for n in range(1, 11)]
    labels, _ = classes(backend, rows, AbcCountScheme())
    assert [label for _, label in labels] == ["A", "A", "B", "B", "B", "C", "C", "C", "C", "C"]


def test_head_count_rounds_up_a_partial_customer(backend):
    rows = [(n, DAY, f"d{n}", 1, 100 * (7 - n), None) for n in range(1, 7)]
    labels, _ = classes(backend, rows, AbcCountScheme(metric=Metric.UNITS))
    # units are all 1: ranking falls back to customer id; 6 customers: A = ceil(1.2) = 2, A+B = 3
    assert [label for _, label in labels] == ["A", "A", "B", "C", "C", "C"]


def test_cut_offs_are_checked():
    with pytest.raises(ValueError, match="0 < a_share <= b_share <= 1"):
        AbcScheme(a_share=0.9, b_share=0.8)


def test_one_customer_above_95_percent_leaves_b_empty(backend):
    rows = [(1, DAY, "a", 1, 9600, None), (2, DAY, "b", 1, 300, None), (3, DAY, "c", 1, 100, None)]
    labels, result = classes(backend, rows, AbcScheme())
    # 96 % crosses both lines at once: 2 starts at 96 % ≥ 95 %, so it is C
    assert labels == [(1, "A"), (2, "C"), (3, "C")]
    assert [row["cumulative_share"] for row in result] == [0.96, 0.99, 1.0]


def test_cut_offs_are_configurable(backend):
    rows = [(n, DAY, f"d{n}", 1, amount, None) for n, amount in enumerate([4000, 3000, 2000, 1000], 1)]
    labels, result = classes(backend, rows, AbcScheme(a_share=0.5, b_share=0.8))
    # 40 % (A), 70 % crosses 50 % (A), 90 % crosses 80 % (B), then C
    assert labels == [(1, "A"), (2, "A"), (3, "B"), (4, "C")]
    assert (result[0]["a_threshold"], result[0]["b_threshold"]) == (0.5, 0.8)
    # with 70 % as the B line, 2 reaches it already: B is empty
    labels, _ = classes(backend, rows, AbcScheme(a_share=0.5, b_share=0.7))
    assert labels == [(1, "A"), (2, "A"), (3, "C"), (4, "C")]


def test_head_count_never_gives_a_or_b_to_zero_or_negative(backend):
    rows = [(1, DAY, "a", 1, 100, None), (2, DAY, "b", 1, 0, None), (3, DAY, "c", 1, -5, None)]
    labels, _ = classes(backend, rows, AbcCountScheme())
    # A = ⌈0.6⌉ = 1 customer, A + B = ⌈1.5⌉ = 2: rank 2 has nothing, so it is C all the same
    assert labels == [(1, "A"), (2, "C"), (3, "C")]
