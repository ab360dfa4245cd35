"""The BG/NBD model (clientela.churn.bgnbd): likelihood by hand, gradient, simulated recovery, predictions."""

import math

import numpy as np
import pytest
from scipy.special import hyp2f1

from clientela.churn import BGNBDModel, ChurnInputError, ConvergenceError, FitResult
from clientela.churn.compression import compress
from tests.churn.simulate import bgnbd_customers

ONES = {"r": 1.0, "alpha": 1.0, "a": 1.0, "b": 1.0}


def model_with(**params: float) -> BGNBDModel:
    return BGNBDModel.from_result(FitResult("bgnbd", params, {}, 0.0, 0))


def test_log_likelihood_by_hand():
    """With r = α = a = b = 1: x = 0, T = 1 gives B(1,1)/B(1,1) · 1/(1+1) = 1/2; x = 1, t_x = 1, T = 2
    gives B(1,2)/B(1,1) · Γ(2)/(1+2)² + B(2,1)/B(1,1) · Γ(2)/(1+1)² = 1/18 + 1/8 = 13/72."""
    data = {"frequency": [0, 1], "recency": [0, 1], "T": [1, 2]}
    assert model_with(**ONES).log_likelihood(data) == pytest.approx([math.log(1 / 2), math.log(13 / 72)], rel=1e-12)


def test_log_likelihood_agrees_with_the_published_formula_term_by_term():
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    x, t, T = 3.0, 20.0, 38.0
    beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    alive = math.lgamma(a) + math.lgamma(b + x) - math.lgamma(a + b + x) - beta
    dropped = math.lgamma(a + 1) + math.lgamma(b + x - 1) - math.lgamma(a + b + x) - beta
    front = math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha)
    expected = front + math.log(math.exp(alive - (r + x) * math.log(alpha + T)) + math.exp(dropped - (r + x) * math.log(alpha + t)))
    assert model_with(r=r, alpha=alpha, a=a, b=b).log_likelihood({"frequency": [x], "recency": [t], "T": [T]})[0] == pytest.approx(expected, rel=1e-12)


def test_the_gradient_is_that_of_the_log_likelihood():
    data = bgnbd_customers(300, r=0.5, alpha=4.0, a=0.8, b=2.5, seed=1)
    rows = compress(data["frequency"], data["recency"], data["T"])
    model = BGNBDModel()
    theta = np.log([0.4, 3.0, 1.1, 2.0])
    _, gradient = model._objective(np.exp(theta), rows)

    def total(th):
        return rows.weight @ model._log_likelihood_rows(np.exp(th), rows)

    numeric = [(total(theta + step) - total(theta - step)) / 2e-6 for step in np.eye(4) * 1e-6]
    np.testing.assert_allclose(gradient, numeric, rtol=1e-6)
    assert model._objective(np.exp(theta), rows)[0] == pytest.approx(total(theta), rel=1e-12)


def test_simulated_parameters_are_recovered_within_four_standard_errors():
    true = {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}
    model = BGNBDModel().fit(bgnbd_customers(5000, seed=2, **true))
    for name, value in true.items():
        assert abs(model.params_[name] - value) < 4 * model.standard_errors_[name], name


def test_probability_alive():
    model = model_with(r=0.243, alpha=4.414, a=0.793, b=2.426)
    data = {"frequency": [0, 2, 2, 2], "recency": [0, 30, 10, 38], "T": [38, 38, 38, 38]}
    alive = model.probability_alive(data)
    assert alive[0] == 1.0  # no repeat purchase: no chance to drop out yet
    assert alive[3] > alive[1] > alive[2]  # the longer the silence, the less likely alive
    # 1 / (1 + a/(b+x-1) · ((α+T)/(α+t_x))^(r+x))
    assert alive[1] == pytest.approx(1 / (1 + 0.793 / 3.426 * (42.414 / 34.414) ** 2.243), rel=1e-12)


def test_expected_purchases_agree_with_the_published_formula():
    """FHL 2005 eq. 10 as printed (before Euler's transformation of the hypergeometric term)."""
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    x, t_x, T, t = 2.0, 30.0, 38.0, 39.0
    model = model_with(r=r, alpha=alpha, a=a, b=b)
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    expected = (a + b + x - 1) / (a - 1) * bracket / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x))
    assert model.expected_purchases({"frequency": [x], "recency": [t_x], "T": [T]}, t)[0] == pytest.approx(expected, rel=1e-10)


def test_expected_purchases_start_at_the_rate_of_a_customer_alive():
    """Over a short horizon t, expected purchases ≈ P(alive) · (r+x)/(α+T) · t (the posterior mean rate)."""
    model = model_with(r=0.5, alpha=4.0, a=0.8, b=2.5)
    data = {"frequency": [0, 3, 8], "recency": [0, 12, 30], "T": [20, 25, 35]}
    rate = model.probability_alive(data) * (0.5 + np.array([0, 3, 8])) / (4.0 + np.array([20, 25, 35]))
    np.testing.assert_allclose(model.expected_purchases(data, 1e-4) / 1e-4, rate, rtol=1e-3)


def test_customers_without_repeat_purchases_cannot_be_fitted_alone():
    with pytest.raises(ChurnInputError, match="^no customer has a repeat purchase: the BG/NBD model cannot be fitted"):
        BGNBDModel().fit({"frequency": [0, 0], "recency": [0, 0], "T": [5, 9]})


def test_data_that_do_not_identify_the_model_raise():
    """Six customers: the likelihood keeps rising towards a degenerate model (parameters to 0 or infinity)."""
    data = {"frequency": [0, 1, 2, 0, 3, 1], "recency": [0, 2, 4, 0, 9, 1], "T": [10, 10, 8, 5, 10, 3]}
    with pytest.raises(ConvergenceError, match="^the BG/NBD fit did not converge: "):
        BGNBDModel().fit(data)
