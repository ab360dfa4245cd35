"""Distinct (frequency, recency, T) rows with weights (clientela.churn.compression)."""

import numpy as np

from clientela.churn.compression import compress, pair_index


def test_rows_and_weights_give_back_every_customer():
    rng = np.random.default_rng(0)
    frequency = rng.integers(0, 5, 1000).astype(np.float64)
    age = rng.integers(1, 30, 1000) / 7
    recency = np.where(frequency > 0, np.floor(age * rng.random(1000) * 7) / 7, 0.0)
    rows = compress(frequency, recency, age)
    assert rows.weight.sum() == 1000
    assert len(rows.weight) == len({(f, r, a) for f, r, a in zip(frequency, recency, age, strict=True)})
    np.testing.assert_array_equal(rows.x[rows.ix][rows.inverse], frequency)
    np.testing.assert_array_equal(rows.t[rows.it][rows.inverse], recency)
    np.testing.assert_array_equal(rows.T[rows.iT][rows.inverse], age)
    np.testing.assert_array_equal(rows.x_weight, [np.sum(frequency == x) for x in rows.x])
    np.testing.assert_array_equal(rows.T_weight, [np.sum(age == T) for T in rows.T])
    np.testing.assert_allclose(rows.xT_weight, [frequency[age == T].sum() for T in rows.T])


def test_distinct_pairs():
    rows = compress(np.array([0.0, 1, 1, 1]), np.array([0.0, 2, 2, 3]), np.array([5.0, 5, 6, 6]))
    first, second, row = rows.recency_pairs
    pairs = list(zip(rows.x[first], rows.t[second], strict=True))
    assert pairs == [(0.0, 0.0), (1.0, 2.0), (1.0, 3.0)]
    assert [pairs[i] for i in row] == list(zip(rows.x[rows.ix], rows.t[rows.it], strict=True))
    a, b, where = pair_index(np.array([2, 0, 2]), np.array([1, 1, 1]), 4)
    assert (a.tolist(), b.tolist(), where.tolist()) == ([0, 2], [1, 1], [1, 0, 1])
