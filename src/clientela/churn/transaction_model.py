"""The base of the models of when customers buy and drop out (BG/NBD, Pareto/NBD)."""

from abc import abstractmethod
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from clientela.churn.compression import Compressed, compress
from clientela.churn.errors import ChurnInputError
from clientela.churn.estimator import ChurnModel, Problem
from clientela.churn.inputs import transaction_columns
from clientela.churn.summary import CustomerSummary


class TransactionModel(ChurnModel):
    """A model of repeat purchases fitted on ``frequency``, ``recency`` and ``T`` per customer.

    ``data`` is anything giving these columns by name (a `CustomerSummary`, a dict of arrays, a
    DataFrame). Customers are compressed to their distinct (frequency, recency, T) rows for the fit.
    """

    def _problem(self, data: Any) -> Problem:
        columns = transaction_columns(data)
        frequency, age = columns["frequency"], columns["T"]
        if not np.any(frequency > 0):
            raise ChurnInputError(f"no customer has a repeat purchase: the {self.title} model cannot be fitted")
        rows = compress(frequency, columns["recency"], age)

        def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
            return self._objective(np.exp(theta), rows)

        # A purchase rate near the observed one (sum of x over sum of T), other parameters 1.
        rate_scale = float(age.sum() / frequency.sum())
        start = np.log(self._start(rate_scale, float(age.mean())))
        time_unit = data.time_unit.value if isinstance(data, CustomerSummary) else None
        return Problem(objective, start, len(frequency), time_unit=time_unit)

    def log_likelihood(self, data: Any) -> np.ndarray:
        """Each customer's log-likelihood under the fitted parameters.

        Parameters
        ----------
        data
            Columns ``frequency``, ``recency`` and ``T``.
        """
        params = np.array(self._fitted_params())
        rows = self._rows(data)
        return self._log_likelihood_rows(params, rows)[rows.inverse]

    def probability_alive(self, data: Any) -> np.ndarray:
        """Each customer's probability of still being active at the end of the calibration period.

        Parameters
        ----------
        data
            Columns ``frequency``, ``recency`` and ``T``.
        """
        params = np.array(self._fitted_params())
        rows = self._rows(data)
        return self._alive_rows(params, rows)[rows.inverse]

    def expected_purchases(self, data: Any, t: float | ArrayLike) -> np.ndarray:
        """Each customer's expected number of purchases in the next ``t`` time units (after T).

        Parameters
        ----------
        data
            Columns ``frequency``, ``recency`` and ``T``.
        t
            The horizon in the time unit of the data (> 0), or a 1-D array of horizons.

        Returns
        -------
        numpy.ndarray
            One value per customer, or with an array ``t`` one row per customer and one column per horizon.
        """
        params = np.array(self._fitted_params())
        horizons = np.asarray(t, dtype=np.float64)
        if horizons.ndim > 1 or horizons.size == 0 or not np.all(np.isfinite(horizons) & (horizons > 0)):
            raise ChurnInputError(f"the horizon t must be a positive number or a 1-D array of them (got {t!r})")
        rows = self._rows(data)
        expected = np.array([self._expected_rows(params, rows, float(h)) for h in np.atleast_1d(horizons)]).T[rows.inverse]
        return expected[:, 0] if horizons.ndim == 0 else expected

    @staticmethod
    def _rows(data: Any) -> Compressed:
        columns = transaction_columns(data)
        return compress(columns["frequency"], columns["recency"], columns["T"])

    @abstractmethod
    def _start(self, rate_scale: float, mean_age: float) -> list[float]:
        """Start parameters, given the time per observed repeat purchase and the mean age T."""

    @abstractmethod
    def _objective(self, params: np.ndarray, rows: Compressed) -> tuple[float, np.ndarray]:
        """The total log-likelihood of the customers and its gradient with respect to the log-parameters."""

    @abstractmethod
    def _log_likelihood_rows(self, params: np.ndarray, rows: Compressed) -> np.ndarray:
        """The log-likelihood of each distinct row."""

    @abstractmethod
    def _alive_rows(self, params: np.ndarray, rows: Compressed) -> np.ndarray:
        """P(alive) of each distinct row."""

    @abstractmethod
    def _expected_rows(self, params: np.ndarray, rows: Compressed, t: float) -> np.ndarray:
        """Expected purchases in (T, T + t] of each distinct row."""
