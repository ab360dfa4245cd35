"""The monthly churn fit: BG/NBD for purchases and Gamma-Gamma for spend, stored with every customer's predictions."""

import logging
from collections.abc import Sequence
from contextlib import nullcontext
from datetime import date

import ibis
import numpy as np
from django.db import transaction
from ibis.expr.types import Table

from clientela.churn import (
    BGNBDModel,
    ChurnInputError,
    ConvergenceError,
    CustomerSummary,
    GammaGammaModel,
    ObservedMeanSpend,
    SpendModel,
    TimeUnit,
    customer_value,
    summarize,
)
from clientela.churn.units import DAYS_PER_MONTH
from clientela.crm.services.bulk import bulk_upsert
from clientela.engine.window import months_before
from clientela.retention.models import ChurnFit, CustomerPrediction, RetentionSettings
from clientela.retention.selectors.fits import retention_settings
from clientela.segmentation.services import BATCH_SIZE, app_database

log = logging.getLogger(__name__)

PREDICTION_FIELDS = (
    "fit", "as_of", "customer", "frequency", "recency", "age", "mean_spend_cents", "p_alive", "expected_purchases", "expected_value_cents",
)  # fmt: skip


def churn_fit_run(*, as_of: date, source: ibis.BaseBackend | None = None) -> ChurnFit:
    """Fit purchases and spend on the transactions up to `as_of` (the settings' window) and store the fit with its predictions.

    The engine reads `source` (default: the app database). A fit for `as_of` replaces the one
    stored for that date. Too few repeat customers, or a purchases fit that does not converge, is
    stored as such with its reason and no predictions (the earlier fits' predictions stay in use);
    when the spend fit does not converge (spend that varies little within a customer), expected
    values use each customer's observed mean spend (`ObservedMeanSpend`) and the fit keeps why.
    """
    settings = retention_settings()
    fit = ChurnFit(
        as_of=as_of,
        time_unit=settings.time_unit,
        fit_window_months=settings.fit_window_months,
        horizon_months=settings.horizon_months,
        monthly_discount_rate=settings.monthly_discount_rate,
    )
    with nullcontext(source) if source is not None else app_database() as database:
        transactions = _window(database.table("transactions"), settings, as_of)
        # Asked first: the summary's own error for an empty log needs its first date, which an empty SQLite table cannot give.
        if transactions.filter(transactions.date <= as_of).count().to_pyarrow().as_py() == 0:
            return _store(fit, status=ChurnFit.Status.TOO_LITTLE_DATA, failure=f"no transactions {_window_text(settings, as_of)}")
        summary = summarize(transactions, calibration_end=as_of, time_unit=settings.time_unit)
    fit.customers, fit.repeat_customers = len(summary), int((summary.frequency > 0).sum())
    if fit.repeat_customers < settings.min_repeat_customers:
        failure = f"{fit.repeat_customers} customers bought on two days or more; the fit needs at least {settings.min_repeat_customers}"
        return _store(fit, status=ChurnFit.Status.TOO_LITTLE_DATA, failure=failure)
    try:
        purchases = BGNBDModel().fit(summary)
    except (ConvergenceError, ChurnInputError) as error:
        return _store(fit, status=ChurnFit.Status.FAILED, failure=str(error))
    fit.purchases = purchases.result_.to_dict()
    spend: SpendModel
    try:
        spend = GammaGammaModel().fit(summary)
    except (ConvergenceError, ChurnInputError) as error:
        fit.spend_failure = str(error)
        spend = ObservedMeanSpend()
    else:
        fit.spend = spend.result_.to_dict()
    try:
        value = customer_value(
            purchases, spend, summary, time_unit=settings.time_unit, months=settings.horizon_months, monthly_discount_rate=settings.monthly_discount_rate
        )
    except ChurnInputError as error:  # no repeat customer spent anything on balance
        return _store(fit, status=ChurnFit.Status.FAILED, failure=str(error))
    return _store(fit, status=ChurnFit.Status.FITTED, predictions=_predictions(purchases, summary, value, settings))


def _window(transactions: Table, settings: RetentionSettings, as_of: date) -> Table:
    """The transactions the fit reads: those of the last `fit_window_months` months up to `as_of` (all with 0)."""
    if settings.fit_window_months == 0:
        return transactions
    return transactions.filter(transactions.date > months_before(as_of, settings.fit_window_months))


def _window_text(settings: RetentionSettings, as_of: date) -> str:
    if settings.fit_window_months == 0:
        return f"on or before {as_of}"
    return f"in the {settings.fit_window_months} months up to {as_of}"


def _predictions(purchases: BGNBDModel, summary: CustomerSummary, value: np.ndarray, settings: RetentionSettings) -> list[tuple]:
    """Per customer: frequency, recency, T, mean spend (cents), p(alive), expected purchases and value over the horizon."""
    horizon = settings.horizon_months * DAYS_PER_MONTH / TimeUnit(settings.time_unit).days
    columns = [
        summary.customer_id.tolist(),
        summary.frequency.tolist(),
        summary.recency.tolist(),
        summary.T.tolist(),
        np.round(summary.monetary_value * 100).astype(np.int64).tolist(),
        purchases.probability_alive(summary).tolist(),
        purchases.expected_purchases(summary, horizon).tolist(),
        np.round(value * 100).astype(np.int64).tolist(),
    ]
    return list(zip(*columns, strict=True))


@transaction.atomic
def _store(fit: ChurnFit, *, status: str, failure: str = "", predictions: Sequence[tuple] = ()) -> ChurnFit:
    ChurnFit.objects.filter(as_of=fit.as_of).delete()
    fit.status, fit.failure = status, failure
    if failure:  # also in the log of the monthly run, with LOG_LEVEL=INFO
        log.info("churn fit as of %s not made (%s): %s", fit.as_of, status, failure)
    fit.full_clean()
    fit.save()
    bulk_upsert(
        CustomerPrediction,
        fields=PREDICTION_FIELDS,
        rows=((fit.pk, fit.as_of, *row) for row in predictions),
        unique_fields=("fit", "customer"),
        update_fields=(),
        batch_size=BATCH_SIZE,
    )
    return fit
