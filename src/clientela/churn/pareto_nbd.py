"""The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 note on its likelihood).

While active, a customer buys at a Poisson rate λ ~ Gamma(r, α) and stays active for an
exponential lifetime of rate μ ~ Gamma(s, β). For ``x`` repeat purchases, the last at ``t_x``,
observed for ``T``:

    L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^-(r+x) (β+T)^-s  +  s · (I(t_x) − I(T)) ]

where I(t) = ∫_t^∞ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ is the purchase-then-death term. With
k = r+s+x, substituting w = 1/(α+τ) (when α ≥ β; symmetrically with β when α < β) gives the
standard hypergeometric form

    I(t) = (α+t)^-k / k · 2F1(k, s+1; k+1; (α−β)/(α+t))      (α ≥ β)
    I(t) = (β+t)^-k / k · 2F1(k, r+x; k+1; (β−α)/(β+t))      (α < β)

whose argument lies in [0, 1). Everything is kept in log space: log I from ``hyp2f1`` and
``log``, the difference I(t_x) − I(T) as log I(t_x) + log(1 − e^(log I(T) − log I(t_x))), and the
two terms added with ``logaddexp``. The gradient is analytic except for the partial derivatives of
log I, taken by central differences of log I itself on the distinct (x, t) pairs only (a few
thousand values, however many customers).
"""

import numpy as np
from scipy.special import digamma, gammaln, hyp2f1

from clientela.churn.compression import Compressed
from clientela.churn.dot import dot, dot_rows
from clientela.churn.transaction_model import TransactionModel

DIFFERENCE_STEP = 1e-5


class ParetoNBDModel(TransactionModel):
    """The Pareto/NBD model of repeat purchases and dropout, fitted by maximum likelihood.

    Parameters
    ----------
    max_iter
        The most L-BFGS-B iterations before the fit is declared not converged.

    Attributes
    ----------
    params_ : dict
        ``r``, ``alpha`` (purchase rate heterogeneity: shape and rate, in time units), ``s``,
        ``beta`` (dropout rate heterogeneity: shape and rate, in time units).
    standard_errors_, log_likelihood_, n_customers_, n_excluded_, n_iter_, converged_, result_
        As described in `clientela.churn.estimator`.

    Examples
    --------
    ``model = ParetoNBDModel().fit(summary)`` estimates the parameters; here the published CDNOW ones:

    >>> from clientela.churn import FitResult, ParetoNBDModel
    >>> model = ParetoNBDModel.from_result(FitResult("pareto-nbd", {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}, {}, -9595.0, 2357))
    >>> data = {"frequency": [2, 2, 0], "recency": [30.43, 5.0, 0.0], "T": [38.86, 38.86, 38.86]}
    >>> model.probability_alive(data).round(3).tolist()
    [0.869, 0.13, 0.295]
    >>> model.expected_purchases(data, t=39).round(3).tolist()
    [1.455, 0.218, 0.107]
    """

    name = "pareto-nbd"
    title = "Pareto/NBD"
    param_names = ("r", "alpha", "s", "beta")

    def _start(self, rate_scale: float, mean_age: float) -> list[float]:
        return [1.0, rate_scale, 1.0, mean_age]

    def _terms(self, params: np.ndarray, rows: Compressed) -> tuple[np.ndarray, np.ndarray, np.ndarray, "_Tails"]:
        """Per distinct row: the constant part, log of the alive term, log of the dropped term; and the tails."""
        r, alpha, s, beta = params
        x = rows.x[rows.ix]
        age = rows.T[rows.iT]
        base = (gammaln(r + rows.x) - gammaln(r))[rows.ix] + r * np.log(alpha) + s * np.log(beta)
        alive = -(r + x) * np.log(alpha + age) - s * np.log(beta + age)
        tails = _Tails(params, rows)
        dropped = np.log(s) + tails.log_difference
        return base, alive, dropped, tails

    def _log_likelihood_rows(self, params: np.ndarray, rows: Compressed) -> np.ndarray:
        base, alive, dropped, _ = self._terms(params, rows)
        return base + np.logaddexp(alive, dropped)

    def _objective(self, params: np.ndarray, rows: Compressed) -> tuple[float, np.ndarray]:
        base, alive, dropped, tails = self._terms(params, rows)
        both = np.logaddexp(alive, dropped)
        r, alpha, s, beta = params
        x = rows.x[rows.ix]
        age = rows.T[rows.iT]
        w_dropped = rows.weight * np.exp(dropped - both)
        w_alive = rows.weight - w_dropped
        d_base = [
            (dot(digamma(r + rows.x) - digamma(r), rows.x_weight) + np.log(alpha) * rows.weight.sum()) * r,
            r * rows.weight.sum(),
            s * np.log(beta) * rows.weight.sum(),
            s * rows.weight.sum(),
        ]
        d_alive = np.array([-r * np.log(alpha + age), -alpha * (r + x) / (alpha + age), -s * np.log(beta + age), -beta * s / (beta + age)])
        # The dropped term is log s + log(I(t_x) − I(T)): d log s / d log s = 1.
        d_dropped = dot_rows(tails.gradient_of_log_difference(), w_dropped) + np.array([0.0, 0.0, w_dropped.sum(), 0.0])
        return dot(rows.weight, base + both), np.array(d_base) + dot_rows(d_alive, w_alive) + d_dropped

    def _alive_rows(self, params: np.ndarray, rows: Compressed) -> np.ndarray:
        _, alive, dropped, _ = self._terms(params, rows)
        return np.exp(alive - np.logaddexp(alive, dropped))

    def _expected_rows(self, params: np.ndarray, rows: Compressed, t: float) -> np.ndarray:
        """(r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive), the bracket over (s−1) via expm1 (→ log at s = 1)."""
        r, alpha, s, beta = params
        x = rows.x[rows.ix]
        age = rows.T[rows.iT]
        growth = np.log1p(t / (beta + age))
        bracket = growth if abs(s - 1) < 1e-12 else -np.expm1(-(s - 1) * growth) / (s - 1)
        return (r + x) * (beta + age) / (alpha + age) * bracket * self._alive_rows(params, rows)


class _Tails:
    """log I(t_x), log I(T) and log(I(t_x) − I(T)) per distinct row, from the distinct (x, t) pairs."""

    def __init__(self, params: np.ndarray, rows: Compressed) -> None:
        self.params = params
        self.rows = rows
        # Distinct (x, t_x) and (x, T) pairs: log I is computed once per pair.
        self.recency_pairs = rows.recency_pairs
        self.age_pairs = rows.age_pairs
        self.log_at_recency = self._log_tail(params, self.recency_pairs, rows.t)
        self.log_at_age = self._log_tail(params, self.age_pairs, rows.T)
        at_recency = self.log_at_recency[self.recency_pairs[2]]
        # I(T) / I(t_x) in [0, 1]: 1 when t_x = T, and then there is no dropped term.
        self.ratio = np.exp(np.minimum(self.log_at_age[self.age_pairs[2]] - at_recency, 0.0))
        with np.errstate(divide="ignore"):
            self.log_difference = at_recency + np.log1p(-self.ratio)

    def _log_tail(self, params: np.ndarray, pairs: tuple[np.ndarray, np.ndarray, np.ndarray], times: np.ndarray) -> np.ndarray:
        r, alpha, s, beta = params
        x = self.rows.x[pairs[0]]
        t = times[pairs[1]]
        k = r + s + x
        if alpha >= beta:
            return -k * np.log(alpha + t) - np.log(k) + np.log(hyp2f1(k, s + 1, k + 1, (alpha - beta) / (alpha + t)))
        return -k * np.log(beta + t) - np.log(k) + np.log(hyp2f1(k, r + x, k + 1, (beta - alpha) / (beta + t)))

    def gradient_of_log_difference(self) -> np.ndarray:
        """d log(I(t_x) − I(T)) / d log-parameters, one row per parameter (0 where t_x = T)."""
        rows = []
        ratio = self.ratio
        usable = ratio < 1.0
        for j in range(len(self.params)):
            step = np.zeros(len(self.params))
            step[j] = DIFFERENCE_STEP
            up, down = self.params * np.exp(step), self.params * np.exp(-step)
            d_recency = (self._log_tail(up, self.recency_pairs, self.rows.t) - self._log_tail(down, self.recency_pairs, self.rows.t)) / (2 * DIFFERENCE_STEP)
            d_age = (self._log_tail(up, self.age_pairs, self.rows.T) - self._log_tail(down, self.age_pairs, self.rows.T)) / (2 * DIFFERENCE_STEP)
            g_recency, g_age = d_recency[self.recency_pairs[2]], d_age[self.age_pairs[2]]
            # d log(A − B) = (d log A − q · d log B) / (1 − q), with q = B / A.
            rows.append(np.where(usable, (g_recency - ratio * g_age) / np.where(usable, 1.0 - ratio, 1.0), 0.0))
        return np.array(rows)
