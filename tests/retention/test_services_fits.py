"""The monthly churn fit: stored with its parameters and every customer's predictions; too little data and failures recorded."""

from datetime import date, timedelta

import pytest

import numpy as np

from clientela.churn import BGNBDModel, FitResult, GammaGammaModel, TimeUnit, customer_value, summarize
from clientela.churn.units import DAYS_PER_MONTH
from clientela.retention.models import ChurnFit, CustomerPrediction
from clientela.retention.selectors.fits import latest_fit
from clientela.retention.services import churn_fit_run
from clientela.segmentation.services import app_database
from tests.retention.conftest import settings_save
from tests.retention.logs import cdnow_lines, log_write, simulated_lines

AS_OF = date(2024, 6, 30)


def close(value: float, published: float, tolerance: float = 0.01) -> bool:
    return abs(value - published) <= tolerance * abs(published)


def test_the_fit_on_cdnow_stores_the_published_estimates_and_every_customers_predictions(committed):
    settings_save(fit_window_months=0, horizon_months=6, monthly_discount_rate=0.02)
    ids = log_write(cdnow_lines())

    fit = churn_fit_run(as_of=date(1997, 9, 30))

    assert (fit.status, fit.failure, fit.spend_failure, fit.customers, fit.repeat_customers) == ("fitted", "", "", 2357, 946)
    assert (fit.time_unit, fit.horizon_months, fit.monthly_discount_rate) == ("week", 6, 0.02)
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}  # Fader, Hardie & Lee (2005)
    assert all(close(fit.purchases["params"][name], value) for name, value in published.items()), fit.purchases["params"]
    assert close(fit.log_likelihood, -9582.4, 0.001)
    assert all(close(fit.spend["params"][name], value) for name, value in {"p": 6.25, "q": 3.74, "v": 15.44}.items()), fit.spend["params"]
    assert CustomerPrediction.objects.filter(fit=fit).count() == 2357
    # The stored predictions are those of the stored parameters, over the settings' horizon and discount rate.
    with app_database() as database:
        summary = summarize(database.table("transactions"), calibration_end=date(1997, 9, 30), time_unit="week")
    purchases = BGNBDModel.from_result(FitResult.from_dict(fit.purchases))
    spend = GammaGammaModel.from_result(FitResult.from_dict(fit.spend))
    value = customer_value(purchases, spend, summary, time_unit="week", months=6, monthly_discount_rate=0.02)
    row = list(summary.customer_id).index(ids["CD2"])
    stored = CustomerPrediction.objects.get(fit=fit, customer_id=ids["CD2"])
    assert (stored.frequency, stored.recency, stored.age) == (summary.frequency[row], summary.recency[row], summary.T[row])
    assert stored.p_alive == pytest.approx(purchases.probability_alive(summary)[row])
    six_months = 6 * 365.25 / 12 / 7  # in weeks
    assert stored.expected_purchases == pytest.approx(purchases.expected_purchases(summary, six_months)[row])
    assert stored.expected_value_cents == round(value[row] * 100)
    assert stored.mean_spend_cents == round(summary.monetary_value[row] * 100)


def test_too_few_repeat_customers_is_recorded_and_the_earlier_predictions_stay_in_use(committed):
    settings_save(min_repeat_customers=50)
    log_write(simulated_lines(300, as_of=AS_OF, seed=1, cents=lambda customer, day: 1000 + 10 * (customer % 7) * (day % 3)))
    earlier = churn_fit_run(as_of=AS_OF)
    assert earlier.status == "fitted" and earlier.repeat_customers >= 50
    settings_save(min_repeat_customers=500)

    later = churn_fit_run(as_of=AS_OF + timedelta(days=31))

    assert later.status == "too_little_data"
    assert later.failure == f"{later.repeat_customers} customers bought on two days or more; the fit needs at least 500"
    assert not CustomerPrediction.objects.filter(fit=later).exists() and later.purchases is None
    assert latest_fit(on_or_before=AS_OF + timedelta(days=31)) == earlier
    assert CustomerPrediction.objects.filter(fit=earlier).count() == 300


def test_a_log_without_transactions_is_too_little_data(committed):
    fit = churn_fit_run(as_of=AS_OF)
    assert (fit.status, fit.failure) == ("too_little_data", "no transactions in the 12 months up to 2024-06-30")


def test_a_fit_that_does_not_converge_is_recorded_with_its_reason(committed):
    settings_save(min_repeat_customers=2)
    # Every customer buys every week of the year: no one drops out, and the BG/NBD dropout is not identified.
    log_write((f"W{c}", AS_OF - timedelta(days=7 * k), 1000) for c in range(25) for k in range(52))

    fit = churn_fit_run(as_of=AS_OF)

    assert fit.status == "failed" and fit.failure.startswith("the BG/NBD fit did not converge: ")
    assert not CustomerPrediction.objects.exists() and latest_fit(on_or_before=AS_OF) is None


def test_a_spend_fit_that_does_not_converge_values_customers_at_their_observed_spend(committed):
    # Every purchase costs the same: the spend per purchase does not vary, and Gamma-Gamma has nothing to fit.
    log_write(simulated_lines(300, as_of=AS_OF, seed=1, cents=lambda customer, day: 1000))

    fit = churn_fit_run(as_of=AS_OF)

    assert fit.status == "fitted" and fit.spend is None
    assert fit.spend_failure.startswith("the Gamma-Gamma fit did not converge: ")
    predictions = CustomerPrediction.objects.filter(fit=fit)
    assert predictions.count() == 300 and predictions.filter(p_alive__lt=0.5).exists() and predictions.filter(p_alive__gt=0.9).exists()
    # Each purchase is worth 10.00: the value is 10.00 × the purchases expected month by month, discounted.
    purchases = BGNBDModel.from_result(FitResult.from_dict(fit.purchases))
    month = DAYS_PER_MONTH / TimeUnit(fit.time_unit).days
    discount = (1 + fit.monthly_discount_rate) ** -np.arange(1, fit.horizon_months + 1)
    for prediction in predictions.order_by("pk")[:20]:
        data = {"frequency": [prediction.frequency], "recency": [prediction.recency], "T": [prediction.age]}
        cumulative = purchases.expected_purchases(data, month * np.arange(1, fit.horizon_months + 1))[0]
        assert prediction.expected_value_cents == round(1000 * float(np.diff(cumulative, prepend=0.0) @ discount))


def test_a_refit_replaces_the_fit_of_its_date_and_the_window_limits_what_it_reads(committed):
    ids = log_write(simulated_lines(300, as_of=AS_OF, seed=1, cents=lambda customer, day: 1000 + 10 * (customer % 7) * (day % 3)))
    ids |= log_write([("OLD", AS_OF - timedelta(days=400), 5000), ("OLD", AS_OF - timedelta(days=380), 5000)])
    settings_save(fit_window_months=0)
    first = churn_fit_run(as_of=AS_OF)
    assert CustomerPrediction.objects.filter(fit=first, customer_id=ids["OLD"]).exists()
    settings_save(fit_window_months=12)

    again = churn_fit_run(as_of=AS_OF)

    assert list(ChurnFit.objects.all()) == [again] and again.pk != first.pk
    assert first.customers == 301 and again.customers == 300  # the customer of more than 12 months ago is not read
    assert not CustomerPrediction.objects.filter(customer_id=ids["OLD"]).exists()
