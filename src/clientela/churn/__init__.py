"""Churn and customer value: buy-till-you-die models on a transaction log (SPEC S7). Never imports Django.

The public API (stable; the app stores predictions and raises alerts on top of it):

1. Summarise a transaction log per customer (runs where the data lives, through Ibis)::

       summary = summarize(transactions, calibration_end=date(1997, 9, 30), time_unit="week")

   ``transactions`` is an Ibis table with ``customer_id, date, amount_cents`` (the app's
   ``transactions`` table on SQLite/PostgreSQL, or a file read with
   `clientela.engine.sources.read_input` on DuckDB). The `CustomerSummary` holds, per customer,
   ``frequency`` (repeat purchase days), ``recency`` and ``T`` (in the time unit) and
   ``monetary_value`` (mean amount of the repeat purchase days, in currency units); customers
   whose first purchase is after the calibration end are left out and counted in ``n_excluded``.
   See `clientela.churn.summary` for the conventions.

2. Fit a model (scikit-learn contract: hyperparameters in ``__init__``, ``fit(data) -> self``,
   learned attributes ending in ``_``)::

       purchases = BGNBDModel().fit(summary)        # or ParetoNBDModel(); params r, alpha, a, b / r, alpha, s, beta
       spend = GammaGammaModel().fit(summary)       # params p, q, v; on repeat customers with positive spend

   ``data`` is anything that gives columns by name: a `CustomerSummary`, a dict of arrays, a
   DataFrame. Fitted models have ``params_``, ``standard_errors_``, ``log_likelihood_``,
   ``n_customers_``, ``n_excluded_``, ``n_iter_``, ``converged_`` and ``result_``, a frozen
   `FitResult` without the training data (``to_dict()`` / ``FitResult.from_dict()`` for JSON;
   ``Model.from_result(result)`` restores a fitted model). A fit that does not converge raises
   `ConvergenceError`; bad data raise `ChurnInputError` (a ``ValueError``) with an exact message;
   predicting before fitting raises `NotFittedError`.

3. Predict, per customer of ``data`` (in the time unit of the fit)::

       purchases.probability_alive(summary)             # P(still active at the calibration end)
       purchases.expected_purchases(summary, t=13)      # expected purchases in the next 13 units (or an array of horizons)
       spend.expected_spend(summary)                    # expected spend per purchase
       customer_value(purchases, spend, summary, time_unit="week", months=12, monthly_discount_rate=0.01)
       model.log_likelihood(summary)                    # each customer's log-likelihood

   Every prediction is an array aligned with the rows of ``data`` (for a summary, with
   ``summary.customer_id``), so the app can store it per customer.

4. Store and reuse a fit without refitting::

       stored = purchases.result_.to_dict()                      # JSON-ready: model, params, standard errors, log-likelihood, …
       purchases = BGNBDModel.from_result(FitResult.from_dict(stored))

On the app database: ``summarize(ibis.sqlite.connect(path).table("transactions"), …)`` (or a
PostgreSQL connection). On a file: `clientela.churn.file_mode.fit_file`, behind
``clientela churn``. Validated on the CDNOW sample against the published estimates
(tests/churn/test_cdnow.py).
"""

from clientela.churn.bgnbd import BGNBDModel
from clientela.churn.errors import ChurnInputError, ConvergenceError, NotFittedError
from clientela.churn.estimator import ChurnModel
from clientela.churn.gamma_gamma import GammaGammaModel
from clientela.churn.observed_spend import ObservedMeanSpend, SpendModel
from clientela.churn.pareto_nbd import ParetoNBDModel
from clientela.churn.result import FitResult
from clientela.churn.summary import CustomerSummary, summarize
from clientela.churn.transaction_model import TransactionModel
from clientela.churn.units import TimeUnit
from clientela.churn.value import customer_value

# The models by the name their results carry (and the CLI's --model takes).
MODELS: dict[str, type[ChurnModel]] = {model.name: model for model in (BGNBDModel, ParetoNBDModel, GammaGammaModel)}

__all__ = [
    "MODELS",
    "BGNBDModel",
    "ChurnInputError",
    "ChurnModel",
    "ConvergenceError",
    "CustomerSummary",
    "FitResult",
    "GammaGammaModel",
    "NotFittedError",
    "ObservedMeanSpend",
    "ParetoNBDModel",
    "SpendModel",
    "TimeUnit",
    "TransactionModel",
    "customer_value",
    "summarize",
]
