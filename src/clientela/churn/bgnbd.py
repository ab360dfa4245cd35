"""The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way").

While active, a customer buys at a Poisson rate λ ~ Gamma(r, α) (α in time units); after each
purchase the customer drops out with probability p ~ Beta(a, b). For a customer with ``x`` repeat
purchases, the last at ``t_x``, observed for ``T``:

    L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
        + [x > 0] B(a+1, b+x-1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))

computed in log space (``betaln``, ``gammaln``, ``logaddexp``), with its analytic gradient.
"""

import numpy as np
from scipy.special import betaln, digamma, gammaln, hyp2f1

from clientela.churn.compression import Compressed
from clientela.churn.transaction_model import TransactionModel


class BGNBDModel(TransactionModel):
    """The BG/NBD model of repeat purchases and dropout, fitted by maximum likelihood.

    Parameters
    ----------
    max_iter
        The most L-BFGS-B iterations before the fit is declared not converged.

    Attributes
    ----------
    params_ : dict
        ``r``, ``alpha`` (purchase rate heterogeneity: shape and rate, in time units), ``a``, ``b``
        (dropout probability heterogeneity).
    standard_errors_, log_likelihood_, n_customers_, n_excluded_, n_iter_, converged_, result_
        As described in `clientela.churn.estimator`.

    Examples
    --------
    ``model = BGNBDModel().fit(summary)`` estimates the parameters; here the published CDNOW ones:

    >>> from clientela.churn import BGNBDModel, FitResult
    >>> model = BGNBDModel.from_result(FitResult("bgnbd", {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, {}, -9582.4, 2357))
    >>> data = {"frequency": [2, 2, 0], "recency": [30.43, 5.0, 0.0], "T": [38.86, 38.86, 38.86]}
    >>> model.probability_alive(data).round(3).tolist()
    [0.727, 0.124, 1.0]
    >>> model.expected_purchases(data, t=39).round(3).tolist()
    [1.226, 0.209, 0.195]
    """

    name = "bgnbd"
    title = "BG/NBD"
    param_names = ("r", "alpha", "a", "b")

    def _start(self, rate_scale: float, mean_age: float) -> list[float]:
        return [1.0, rate_scale, 1.0, 1.0]

    def _log_likelihood_rows(self, params: np.ndarray, rows: Compressed, *, gradient: bool) -> tuple[np.ndarray, np.ndarray | None]:
        r, alpha, a, b = params
        x = rows.x
        repeat = x > 0
        ix, it, iT = rows.ix, rows.it, rows.iT
        # Terms of one distinct frequency, age or recency, computed once each.
        base = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        beta_ab = betaln(a, b)
        beta_alive = betaln(a, b + x) - beta_ab
        beta_dropped = np.where(repeat, betaln(a + 1, np.where(repeat, b + x - 1, b)) - beta_ab, -np.inf)
        log_T, log_t = np.log(alpha + rows.T), np.log(alpha + rows.t)
        rx = (r + x)[ix]
        alive = beta_alive[ix] - rx * log_T[iT]
        dropped = beta_dropped[ix] - rx * log_t[it]
        both = np.logaddexp(alive, dropped)
        log_likelihood = base[ix] + both
        if not gradient:
            return log_likelihood, None
        w_dropped = np.exp(dropped - both)
        w_alive = 1.0 - w_dropped
        d_r = (digamma(r + x) - digamma(r) + np.log(alpha))[ix] - w_alive * log_T[iT] - w_dropped * log_t[it]
        d_alpha = r / alpha - rx * (w_alive / (alpha + rows.T)[iT] + w_dropped / (alpha + rows.t)[it])
        psi_ab, psi_abx = digamma(a + b), digamma(a + b + x)
        d_a_alive = psi_ab - psi_abx
        # d/da of betaln(a+1, b+x-1) - betaln(a, b) = d_a_alive + 1/a; weights sum to 1.
        d_a = d_a_alive[ix] + w_dropped / a
        d_b_alive = digamma(b + x) - psi_abx - digamma(b) + psi_ab
        d_b_dropped = np.where(repeat, digamma(np.where(repeat, b + x - 1, b)) - psi_abx - digamma(b) + psi_ab, 0.0)
        d_b = w_alive * d_b_alive[ix] + w_dropped * d_b_dropped[ix]
        return log_likelihood, np.array([r * d_r, alpha * d_alpha, a * d_a, b * d_b])

    def _alive_rows(self, params: np.ndarray, rows: Compressed) -> np.ndarray:
        r, alpha, a, b = params
        x = rows.x[rows.ix]
        # Odds of having dropped after the last purchase: a/(b+x-1) · ((α+T)/(α+t_x))^(r+x), for x > 0.
        log_odds = np.full(len(x), -np.inf)
        repeat = x > 0
        log_odds[repeat] = np.log(a / (b + x[repeat] - 1)) + (r + x[repeat]) * (
            np.log(alpha + rows.T[rows.iT][repeat]) - np.log(alpha + rows.t[rows.it][repeat])
        )
        return np.exp(-np.logaddexp(0.0, log_odds))

    def _expected_rows(self, params: np.ndarray, rows: Compressed, t: float) -> np.ndarray:
        """FHL (2005) eq. 10, with the hypergeometric term put through Euler's transformation.

        ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x-1; z) = (1-z)^(a-1) · 2F1(a+b-1-r, a-1; a+b+x-1; z)
        with z = t/(α+T+t): parameters that do not grow with x, and no overflow.
        """
        r, alpha, a, b = params
        x = rows.x[rows.ix]
        age = rows.T[rows.iT]
        z = t / (alpha + age + t)
        remaining = 1.0 - (1.0 - z) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
        return (a + b + x - 1) / (a - 1) * remaining * self._alive_rows(params, rows)
