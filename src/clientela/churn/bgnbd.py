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
from clientela.churn.dot import dot
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

    def _objective(self, params: np.ndarray, rows: Compressed) -> tuple[float, np.ndarray]:
        r, alpha, a, b = params
        x = rows.x
        repeat = x > 0
        pieces = _Pieces(params, rows)
        # Terms linear in the customers' rows are sums over distinct frequencies and ages.
        inverse_T, inverse_t = 1.0 / (alpha + rows.T), 1.0 / (alpha + rows.t)
        total = dot(pieces.base + pieces.alive, rows.x_weight) - r * dot(pieces.log_T, rows.T_weight) - dot(pieces.log_T, rows.xT_weight)
        total += dot(rows.weight, pieces.softplus)
        # The probability of having dropped out, per row, weighted: the rest of the gradient.
        dropped = rows.weight * np.exp(pieces.odds - pieces.softplus)
        dropped_by_x = np.bincount(rows.ix, weights=dropped, minlength=len(x))
        d_r = dot(digamma(r + x) - digamma(r) + np.log(alpha), rows.x_weight) - dot(pieces.log_T, rows.T_weight) + dot(dropped, pieces.gap)
        d_alpha = (
            r / alpha * rows.weight.sum()
            - r * dot(inverse_T, rows.T_weight)
            - dot(inverse_T, rows.xT_weight)
            + dot(dropped, pieces.rx * (inverse_T[rows.iT] - inverse_t[rows.it]))
        )
        psi_ab, psi_abx = digamma(a + b), digamma(a + b + x)
        # d/da of the dropped term's betaln(a+1, b+x-1) − betaln(a, b) is that of the alive term plus 1/a.
        d_a = dot(psi_ab - psi_abx, rows.x_weight) + dropped.sum() / a
        d_b_alive = digamma(b + x) - psi_abx - digamma(b) + psi_ab
        d_b_dropped = np.where(repeat, digamma(np.where(repeat, b + x - 1, b)) - psi_abx - digamma(b) + psi_ab, 0.0)
        d_b = dot(d_b_alive, rows.x_weight) + dot(d_b_dropped - d_b_alive, dropped_by_x)
        return total, np.array([r * d_r, alpha * d_alpha, a * d_a, b * d_b])

    def _log_likelihood_rows(self, params: np.ndarray, rows: Compressed) -> np.ndarray:
        pieces = _Pieces(params, rows)
        return (pieces.base + pieces.alive)[rows.ix] - pieces.rx * pieces.log_T[rows.iT] + pieces.softplus

    def _alive_rows(self, params: np.ndarray, rows: Compressed) -> np.ndarray:
        return np.exp(-_Pieces(params, rows).softplus)

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


class _Pieces:
    """The parts of the BG/NBD likelihood shared by the fit and the predictions.

    Per distinct frequency: ``base`` = log Γ(r+x) − log Γ(r) + r log α, and the beta-function parts
    of the alive and dropped terms; per distinct age ``log_T`` = log(α+T). Per distinct row:
    ``rx`` = r+x, ``gap`` = log(α+T) − log(α+t_x) and ``odds``, the log of the odds of having
    dropped out (−inf without repeat purchases), with ``softplus`` = log(1 + e^odds). A row's
    log-likelihood is base + alive − (r+x) log(α+T) + softplus, and P(alive) = e^−softplus.
    """

    def __init__(self, params: np.ndarray, rows: Compressed) -> None:
        r, alpha, a, b = params
        x = rows.x
        repeat = x > 0
        beta_ab = betaln(a, b)
        self.base = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        self.alive = betaln(a, b + x) - beta_ab
        dropped = np.where(repeat, betaln(a + 1, np.where(repeat, b + x - 1, b)) - beta_ab, -np.inf)
        self.log_T = np.log(alpha + rows.T)
        self.rx = (r + x)[rows.ix]
        self.gap = self.log_T[rows.iT] - np.log(alpha + rows.t)[rows.it]
        self.odds = (dropped - self.alive)[rows.ix] + self.rx * self.gap
        self.softplus = np.logaddexp(0.0, self.odds)
