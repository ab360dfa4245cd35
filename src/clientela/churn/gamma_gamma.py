"""The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005; Fader & Hardie 2013 note).

Each purchase of a customer is worth z ~ Gamma(p, ν), with ν ~ Gamma(q, γ) across customers
(``v`` stands for γ). Given ``x`` repeat purchases with mean value ``m``:

    f(m | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + m x)^(px+q)

fitted on the customers with repeat purchases (``frequency`` > 0), with its analytic gradient.
Customers without repeat purchases carry no information on spend and are not counted; repeat
customers whose mean spend is not positive (returns exceeding sales) cannot be Gamma distributed:
they are left out and counted in ``n_excluded_``. The model assumes spend independent of frequency.
"""

from typing import Any

import numpy as np
from scipy.special import digamma, gammaln

from clientela.churn.dot import dot
from clientela.churn.errors import ChurnInputError
from clientela.churn.estimator import ChurnModel, Problem
from clientela.churn.inputs import SPEND_COLUMNS, read_columns


class GammaGammaModel(ChurnModel):
    """The Gamma-Gamma model of the mean spend per purchase, fitted by maximum likelihood.

    Parameters
    ----------
    max_iter
        The most L-BFGS-B iterations before the fit is declared not converged.

    Attributes
    ----------
    params_ : dict
        ``p`` (shape of a purchase's value), ``q`` and ``v`` (shape and rate of the customers'
        spend rates ν).
    n_excluded_ : int
        Repeat customers left out because their mean spend is not positive.
    standard_errors_, log_likelihood_, n_customers_, n_iter_, converged_, result_
        As described in `clientela.churn.estimator`.

    Examples
    --------
    ``model = GammaGammaModel().fit(summary)`` estimates the parameters; here the published CDNOW ones:

    >>> from clientela.churn import FitResult, GammaGammaModel
    >>> model = GammaGammaModel.from_result(FitResult("gamma-gamma", {"p": 6.25, "q": 3.74, "v": 15.44}, {}, -4055.9, 946))
    >>> model.expected_spend({"frequency": [2, 10, 0], "monetary_value": [22.35, 22.35, 0.0]}).round(2).tolist()
    [24.66, 22.89, 35.22]
    """

    name = "gamma-gamma"
    title = "Gamma-Gamma"
    param_names = ("p", "q", "v")

    def _problem(self, data: Any) -> Problem:
        columns = read_columns(data, SPEND_COLUMNS)
        frequency, spend = columns["frequency"], columns["monetary_value"]
        repeat = frequency > 0
        usable = repeat & (spend > 0)
        if not usable.any():
            raise ChurnInputError("no customer has repeat purchases with a positive mean spend: the Gamma-Gamma model cannot be fitted")
        x, m = frequency[usable], spend[usable]
        distinct_x, ix = np.unique(x, return_inverse=True)
        x_count = np.bincount(ix).astype(np.float64)
        log_m = np.log(m)
        # The parts of the log-likelihood that do not depend on the parameters, or linearly on p.
        constant = -float(log_m.sum())
        per_p = float((x * (log_m + np.log(x))).sum())
        n = len(x)

        def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
            p, q, v = np.exp(theta)
            px = p * distinct_x
            log_spend = np.log(v + m * x)  # the one per-customer term
            by_x = gammaln(px + q) - gammaln(px)
            value = dot(x_count, by_x) - n * gammaln(q) + n * q * np.log(v) + p * per_p + constant - ((p * x + q) * log_spend).sum()
            psi = digamma(px + q)
            d_p = dot(x_count, distinct_x * (psi - digamma(px))) + per_p - (x * log_spend).sum()
            d_q = dot(x_count, psi) - n * digamma(q) + n * np.log(v) - log_spend.sum()
            d_v = n * q / v - ((p * x + q) / (v + m * x)).sum()
            return value, np.array([p * d_p, q * d_q, v * d_v])

        start = np.log([1.0, 2.0, float(m.mean())])
        return Problem(objective, start, n, n_excluded=int((repeat & ~usable).sum()))

    def log_likelihood(self, data: Any) -> np.ndarray:
        """Each customer's log-density of its mean spend given its frequency (NaN without repeat purchases or positive spend).

        Parameters
        ----------
        data
            Columns ``frequency`` and ``monetary_value``.
        """
        p, q, v = self._fitted_params()
        columns = read_columns(data, SPEND_COLUMNS)
        x, m = columns["frequency"], columns["monetary_value"]
        usable = (x > 0) & (m > 0)
        x, m = np.where(usable, x, 1.0), np.where(usable, m, 1.0)
        px = p * x
        density = gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(v) + (px - 1) * np.log(m) + px * np.log(x) - (px + q) * np.log(v + m * x)
        return np.where(usable, density, np.nan)

    def expected_spend(self, data: Any) -> np.ndarray:
        """Each customer's expected spend per purchase, given its frequency and mean repeat spend.

        The conditional expectation p(v + x·m) / (p·x + q − 1): a weighted mean of the population
        mean p·v/(q − 1) and the customer's own mean ``m``, weighted towards ``m`` as ``x`` grows.
        Customers without repeat purchases get the population mean.

        Parameters
        ----------
        data
            Columns ``frequency`` and ``monetary_value``.

        Raises
        ------
        ChurnInputError
            When some customers have no repeat purchases and q <= 1 (the population mean is infinite).
        """
        p, q, v = self._fitted_params()
        columns = read_columns(data, SPEND_COLUMNS)
        x, m = columns["frequency"], columns["monetary_value"]
        if q <= 1 and np.any(x == 0):
            raise ChurnInputError(f"q = {q:.4g} <= 1: the mean spend of a customer without repeat purchases is infinite")
        return p * (v + x * m) / (p * x + q - 1)
