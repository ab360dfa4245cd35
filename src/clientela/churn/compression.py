"""Customers compressed to their distinct (frequency, recency, T) rows, with weights.

The transaction models' likelihood depends on a customer only through (x, t_x, T), and these take
few distinct values (whole days in a time unit), so a million customers shrink to a fraction of
that. Each column is also reduced to its distinct values, so that terms depending on one of them
only (``gammaln(r + x)``, ``log(alpha + T)``) are computed once per value, and so are the sums of
weights by value that make the likelihood's linear terms cheap.
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np


@dataclass(frozen=True)
class Compressed:
    """Distinct rows of (x, t_x, T) as indices into the distinct values of each column.

    Row ``i`` stands for ``weight[i]`` customers with frequency ``x[ix[i]]``, recency ``t[it[i]]``
    and age ``T[iT[i]]``; customer ``j`` of the input is row ``inverse[j]``. ``x_weight`` and
    ``T_weight`` are the customers per distinct frequency and age, ``xT_weight`` the sum of the
    frequencies of the customers of each age.
    """

    x: np.ndarray
    t: np.ndarray
    T: np.ndarray
    ix: np.ndarray
    it: np.ndarray
    iT: np.ndarray
    weight: np.ndarray
    inverse: np.ndarray
    x_weight: np.ndarray
    T_weight: np.ndarray
    xT_weight: np.ndarray

    @cached_property
    def recency_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct (x, t_x) pairs: `pair_index` of ``ix`` and ``it``."""
        return pair_index(self.ix, self.it, len(self.t))

    @cached_property
    def age_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct (x, T) pairs: `pair_index` of ``ix`` and ``iT``."""
        return pair_index(self.ix, self.iT, len(self.T))


def compress(frequency: np.ndarray, recency: np.ndarray, age: np.ndarray) -> Compressed:
    """The distinct (frequency, recency, T) rows of customers, with how many customers each stands for.

    ``frequency`` holds whole numbers (checked by `clientela.churn.inputs`).

    Examples
    --------
    >>> rows = compress(np.array([0.0, 2, 0]), np.array([0.0, 3, 0]), np.array([5.0, 5, 5]))
    >>> rows.weight.tolist(), rows.inverse.tolist()
    ([2.0, 1.0], [0, 1, 0])
    """
    x, ix = _factorize_whole(frequency)
    t, it = _factorize(recency)
    T, iT = _factorize(age)
    key = (ix * len(t) + it) * len(T) + iT
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    inverse = np.empty(len(key), dtype=np.int64)
    inverse[order] = np.cumsum(np.r_[True, ordered[1:] != ordered[:-1]]) - 1
    distinct = ordered[starts]
    weight = np.diff(np.r_[starts, len(key)]).astype(np.float64)
    row_T = distinct % len(T)
    row_x = distinct // (len(t) * len(T))
    return Compressed(
        x=x,
        t=t,
        T=T,
        ix=row_x,
        it=(distinct // len(T)) % len(t),
        iT=row_T,
        weight=weight,
        inverse=inverse,
        x_weight=np.bincount(row_x, weights=weight, minlength=len(x)),
        T_weight=np.bincount(row_T, weights=weight, minlength=len(T)),
        xT_weight=np.bincount(row_T, weights=weight * x[row_x], minlength=len(T)),
    )


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values (sorted) and each value's index among them."""
    distinct = np.unique(values)
    return distinct, np.searchsorted(distinct, values).astype(np.int64)


def _factorize_whole(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`_factorize` for whole numbers >= 0, by counting (no sort)."""
    whole = values.astype(np.int64)
    present = np.bincount(whole) > 0
    code = np.cumsum(present) - 1
    return np.flatnonzero(present).astype(np.float64), code[whole]


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
