"""The Gamma-Gamma model (clientela.churn.gamma_gamma): density by hand, recovery, exclusions, expected spend."""

import math
import re

import numpy as np
import pytest

from clientela.churn import ChurnInputError, FitResult, GammaGammaModel
from tests.churn.simulate import gamma_gamma_customers

TRUE = {"p": 6.0, "q": 4.0, "v": 15.0}


def model_with(**params: float) -> GammaGammaModel:
    return GammaGammaModel.from_result(FitResult("gamma-gamma", params, {}, 0.0, 0))


def test_density_by_hand():
    """p = q = v = 1, x = 1, m = 1: Γ(2)/(Γ(1)Γ(1)) · 1 · 1 · 1 / (1 + 1)² = 1/4. Without repeat purchases: NaN."""
    data = {"frequency": [1, 0], "monetary_value": [1.0, 0.0]}
    got = model_with(p=1, q=1, v=1).log_likelihood(data)
    assert got[0] == pytest.approx(math.log(1 / 4), rel=1e-12)
    assert np.isnan(got[1])


def test_simulated_parameters_are_recovered_within_four_standard_errors():
    model = GammaGammaModel().fit(gamma_gamma_customers(5000, seed=3, **TRUE))
    for name, value in TRUE.items():
        assert abs(model.params_[name] - value) < 4 * model.standard_errors_[name], name


def test_the_gradient_is_that_of_the_log_likelihood():
    data = gamma_gamma_customers(200, seed=4, **TRUE)
    problem = GammaGammaModel()._problem(data)
    theta = np.log([5.0, 3.0, 12.0])
    value, gradient = problem.objective(theta)
    model = model_with(**dict(zip("pqv", np.exp(theta), strict=True)))
    assert value == pytest.approx(model.log_likelihood(data).sum(), rel=1e-12)
    numeric = [(problem.objective(theta + step)[0] - problem.objective(theta - step)[0]) / 2e-6 for step in np.eye(3) * 1e-6]
    np.testing.assert_allclose(gradient, numeric, rtol=1e-6)


def test_customers_without_repeat_purchases_are_ignored_and_non_positive_spend_excluded_and_counted():
    data = gamma_gamma_customers(2000, seed=5, **TRUE)
    plain = GammaGammaModel().fit(data)
    data["frequency"] = np.r_[data["frequency"], 0, 0, 3, 2]
    data["monetary_value"] = np.r_[data["monetary_value"], 0.0, 0.0, -12.5, 0.0]  # two with returns exceeding sales
    model = GammaGammaModel().fit(data)
    assert model.n_customers_ == 2000
    assert model.n_excluded_ == 2
    assert model.params_ == plain.params_


def test_no_usable_customer():
    with pytest.raises(ChurnInputError, match="^no customer has repeat purchases with a positive mean spend: the Gamma-Gamma model cannot be fitted$"):
        GammaGammaModel().fit({"frequency": [0, 2], "monetary_value": [0.0, -3.0]})


def test_expected_spend_weighs_the_customer_mean_against_the_population_mean():
    model = model_with(p=6.25, q=3.74, v=15.44)
    population = 6.25 * 15.44 / 2.74
    spend = model.expected_spend({"frequency": [0, 1, 1000], "monetary_value": [0.0, 50.0, 50.0]})
    assert spend[0] == pytest.approx(population)
    weight = 2.74 / (6.25 + 2.74)  # (q-1) / (px + q - 1) for x = 1
    assert spend[1] == pytest.approx(weight * population + (1 - weight) * 50.0)
    assert spend[2] == pytest.approx(50.0, rel=1e-3)


def test_expected_spend_of_a_new_customer_needs_q_above_1():
    model = model_with(p=2.0, q=0.8, v=10.0)
    assert model.expected_spend({"frequency": [3], "monetary_value": [20.0]})[0] == pytest.approx(2 * (10 + 60) / (6 - 0.2))
    with pytest.raises(ChurnInputError, match=re.escape("q = 0.8 <= 1: the mean spend of a customer without repeat purchases is infinite")):
        model.expected_spend({"frequency": [0], "monetary_value": [0.0]})
