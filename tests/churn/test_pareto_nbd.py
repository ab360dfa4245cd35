"""The Pareto/NBD model (clientela.churn.pareto_nbd): likelihood by hand and by quadrature, gradient, recovery, predictions."""

import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.special import gammaln

from clientela.churn import ConvergenceError, FitResult, ParetoNBDModel
from clientela.churn.compression import compress
from tests.churn.simulate import pareto_nbd_customers


def model_with(**params: float) -> ParetoNBDModel:
    return ParetoNBDModel.from_result(FitResult("pareto-nbd", params, {}, 0.0, 0))


def by_quadrature(r, alpha, s, beta, x, t_x, T):
    """The likelihood from its definition: alive at T, or dropped out at τ in (t_x, T], integrated numerically."""
    front = math.exp(gammaln(r + x) - gammaln(r) + r * math.log(alpha) + s * math.log(beta))
    dropped, _ = quad(lambda tau: (alpha + tau) ** -(r + x) * (beta + tau) ** -(s + 1), t_x, T, epsabs=0, epsrel=1e-13)
    return math.log(front * ((alpha + T) ** -(r + x) * (beta + T) ** -s + s * dropped))


def test_log_likelihood_by_hand():
    """x = 0, T = 1. With r = α = s = β = 1: 1/(2·2) + ∫₀¹ (1+τ)⁻³ dτ = 1/4 + 3/8 = 5/8. With β = 2:
    1/2 · 2/3 + 2 ∫₀¹ (1+τ)⁻¹ (2+τ)⁻² dτ = 1/3 + (4 ln 2 − 2 ln 3 − 1/3) = ln(16/9)."""
    data = {"frequency": [0], "recency": [0], "T": [1]}
    assert model_with(r=1, alpha=1, s=1, beta=1).log_likelihood(data)[0] == pytest.approx(math.log(5 / 8), rel=1e-12)
    assert model_with(r=1, alpha=1, s=1, beta=2).log_likelihood(data)[0] == pytest.approx(math.log(math.log(16 / 9)), rel=1e-12)


@pytest.mark.parametrize(
    "params",
    [
        (0.553, 10.578, 0.606, 11.669),  # α < β: CDNOW
        (0.8, 20.0, 1.5, 2.0),  # α > β
        (2.0, 5.0, 0.2, 5.0),  # α = β: the hypergeometric argument is 0
        (0.3, 0.5, 3.0, 200.0),  # α ≪ β
        (5.0, 300.0, 0.1, 0.01),  # α ≫ β: argument near 1
    ],
)
def test_log_likelihood_agrees_with_quadrature(params):
    cases = [(0, 0, 38.9), (1, 5.2, 38.9), (7, 30.0, 31.0), (40, 35.5, 38.9), (2, 1.0, 1.0)]
    data = {"frequency": [c[0] for c in cases], "recency": [c[1] for c in cases], "T": [c[2] for c in cases]}
    got = model_with(**dict(zip(("r", "alpha", "s", "beta"), params, strict=True))).log_likelihood(data)
    expected = [by_quadrature(*params, *case) for case in cases]
    np.testing.assert_allclose(got, expected, rtol=1e-9)


def test_the_gradient_is_that_of_the_log_likelihood():
    data = pareto_nbd_customers(300, r=0.6, alpha=8.0, s=0.7, beta=10.0, seed=1)
    rows = compress(data["frequency"], data["recency"], data["T"])
    model = ParetoNBDModel()
    for theta in (np.log([0.5, 9.0, 0.8, 12.0]), np.log([0.5, 12.0, 0.8, 9.0])):
        _, gradient = model._objective(np.exp(theta), rows)

        def total(th):
            return rows.weight @ model._log_likelihood_rows(np.exp(th), rows)

        numeric = [(total(theta + step) - total(theta - step)) / 2e-6 for step in np.eye(4) * 1e-6]
        np.testing.assert_allclose(gradient, numeric, rtol=1e-6)


def test_simulated_parameters_are_recovered_within_four_standard_errors():
    true = {"r": 0.6, "alpha": 8.0, "s": 0.7, "beta": 10.0}
    model = ParetoNBDModel().fit(pareto_nbd_customers(5000, seed=2, **true))
    for name, value in true.items():
        assert abs(model.params_[name] - value) < 4 * model.standard_errors_[name], name


def test_probability_alive_is_the_share_of_the_alive_term():
    params = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}
    model = model_with(**params)
    data = {"frequency": [0, 2, 2], "recency": [0, 30, 5], "T": [38, 38, 38]}
    alive = model.probability_alive(data)
    for i, (x, t_x, T) in enumerate(zip(*data.values(), strict=True)):
        front = gammaln(0.553 + x) - gammaln(0.553) + 0.553 * math.log(10.578) + 0.606 * math.log(11.669)
        alive_term = front - (0.553 + x) * math.log(10.578 + T) - 0.606 * math.log(11.669 + T)
        assert alive[i] == pytest.approx(math.exp(alive_term - by_quadrature(*params.values(), x, t_x, T)), rel=1e-9)


def test_expected_purchases_start_at_the_rate_of_a_customer_alive():
    model = model_with(r=0.6, alpha=8.0, s=0.7, beta=10.0)
    data = {"frequency": [0, 3, 8], "recency": [0, 12, 30], "T": [20, 25, 35]}
    rate = model.probability_alive(data) * (0.6 + np.array([0, 3, 8])) / (8.0 + np.array([20, 25, 35]))
    np.testing.assert_allclose(model.expected_purchases(data, 1e-4) / 1e-4, rate, rtol=1e-3)


def test_expected_purchases_are_continuous_through_s_equal_to_1():
    data = {"frequency": [3], "recency": [12], "T": [25]}
    at_one = model_with(r=0.6, alpha=8.0, s=1.0, beta=10.0).expected_purchases(data, 52.0)[0]
    near = [model_with(r=0.6, alpha=8.0, s=s, beta=10.0).expected_purchases(data, 52.0)[0] for s in (1 - 1e-7, 1 + 1e-7)]
    assert near == pytest.approx([at_one, at_one], rel=1e-6)


def test_data_that_do_not_identify_the_model_raise():
    data = {"frequency": [0, 1, 2, 0, 3, 1], "recency": [0, 2, 4, 0, 9, 1], "T": [10, 10, 8, 5, 10, 3]}
    with pytest.raises(ConvergenceError, match="^the Pareto/NBD fit did not converge: "):
        ParetoNBDModel().fit(data)
