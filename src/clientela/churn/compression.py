"""Customers compressed to their distinct (frequency, recency, T) rows, with weights.

The transaction models' likelihood depends on a customer only through (x, t_x, T), and these take
few distinct values (whole days in a time unit), so a million customers shrink to a fraction of
that. Each column is also reduced to its distinct values, so that terms depending on one of them
only (``gammaln(r + x)``, ``log(alpha + T)``) are computed once per value.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Compressed:
    """Distinct rows of (x, t_x, T) as indices into the distinct values of each column.

    Row ``i`` stands for ``weight[i]`` customers with frequency ``x[ix[i]]``, recency ``t[it[i]]``
    and age ``T[iT[i]]``; customer ``j`` of the input is row ``inverse[j]``.
    """

    x: np.ndarray
    t: np.ndarray
    T: np.ndarray
    ix: np.ndarray
    it: np.ndarray
    iT: np.ndarray
    weight: np.ndarray
    inverse: np.ndarray

    @property
    def x_weight(self) -> np.ndarray:
        """How many customers have each distinct frequency."""
        return np.bincount(self.ix, weights=self.weight, minlength=len(self.x))


def compress(frequency: np.ndarray, recency: np.ndarray, age: np.ndarray) -> Compressed:
    """The distinct (frequency, recency, T) rows of customers, with how many customers each stands for.

    Examples
    --------
    >>> rows = compress(np.array([0.0, 2, 0]), np.array([0.0, 3, 0]), np.array([5.0, 5, 5]))
    >>> rows.weight.tolist(), rows.inverse.tolist()
    ([2.0, 1.0], [0, 1, 0])
    """
    x, ix = np.unique(frequency, return_inverse=True)
    t, it = np.unique(recency, return_inverse=True)
    T, iT = np.unique(age, return_inverse=True)
    key = (ix.astype(np.int64) * len(t) + it) * len(T) + iT
    _, first, inverse, counts = np.unique(key, return_index=True, return_inverse=True, return_counts=True)
    return Compressed(x, t, T, ix[first], it[first], iT[first], counts.astype(np.float64), inverse)


def pair_index(first: np.ndarray, second: np.ndarray, n_second: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct pairs (first, second) of two index arrays: their two indices, and each row's pair.

    Examples
    --------
    >>> a, b, row = pair_index(np.array([0, 1, 0]), np.array([2, 2, 2]), 3)
    >>> a.tolist(), b.tolist(), row.tolist()
    ([0, 1], [2, 2], [0, 1, 0])
    """
    keys, row = np.unique(first.astype(np.int64) * n_second + second, return_inverse=True)
    return keys // n_second, keys % n_second, row
