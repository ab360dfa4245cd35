"""Customer value over a horizon (clientela.churn.value)."""

import re

import numpy as np
import pytest

from clientela.churn import BGNBDModel, ChurnInputError, FitResult, GammaGammaModel, ParetoNBDModel, customer_value

PURCHASES = BGNBDModel.from_result(FitResult("bgnbd", {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, {}, 0.0, 0))
SPEND = GammaGammaModel.from_result(FitResult("gamma-gamma", {"p": 6.25, "q": 3.74, "v": 15.44}, {}, 0.0, 0))
DATA = {"frequency": [2, 0, 7], "recency": [30.43, 0.0, 20.0], "T": [38.86, 38.86, 38.86], "monetary_value": [22.35, 0.0, 40.0]}


def test_value_is_monthly_purchases_times_spend_discounted():
    month = 365.25 / 12 / 7
    cumulative = [PURCHASES.expected_purchases(DATA, month * i) for i in range(1, 7)]
    monthly = [cumulative[0]] + [later - earlier for earlier, later in zip(cumulative, cumulative[1:], strict=False)]
    expected = SPEND.expected_spend(DATA) * sum(m / 1.02 ** (i + 1) for i, m in enumerate(monthly))
    got = customer_value(PURCHASES, SPEND, DATA, time_unit="week", months=6, monthly_discount_rate=0.02)
    np.testing.assert_allclose(got, expected, rtol=1e-12)


def test_without_discount_the_value_is_purchases_over_the_horizon_times_spend():
    got = customer_value(PURCHASES, SPEND, DATA, time_unit="week", months=12, monthly_discount_rate=0.0)
    np.testing.assert_allclose(got, SPEND.expected_spend(DATA) * PURCHASES.expected_purchases(DATA, 365.25 / 7), rtol=1e-12)


def test_the_time_unit_converts_months():
    in_days = {name: np.asarray(values) * (7.0 if name in ("recency", "T") else 1.0) for name, values in DATA.items()}
    daily = BGNBDModel.from_result(FitResult("bgnbd", {"r": 0.243, "alpha": 4.414 * 7, "a": 0.793, "b": 2.426}, {}, 0.0, 0))
    np.testing.assert_allclose(
        customer_value(daily, SPEND, in_days, time_unit="day"), customer_value(PURCHASES, SPEND, DATA, time_unit="week"), rtol=1e-10
    )


def test_pareto_nbd_works_as_well():
    purchases = ParetoNBDModel.from_result(FitResult("pareto-nbd", {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}, {}, 0.0, 0))
    assert np.all(customer_value(purchases, SPEND, DATA, time_unit="week") > 0)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"months": 0}, "months must be a positive integer (got 0)"),
        ({"months": 1.5}, "months must be a positive integer (got 1.5)"),
        ({"monthly_discount_rate": -0.1}, "monthly_discount_rate must be a number >= 0 (got -0.1)"),
        ({"time_unit": "year"}, 'time_unit must be one of day, week, month (got "year")'),
    ],
)
def test_bad_settings(changes, message):
    arguments = {"time_unit": "week"} | changes
    with pytest.raises(ChurnInputError, match=f"^{re.escape(message)}$"):
        customer_value(PURCHASES, SPEND, DATA, **arguments)
