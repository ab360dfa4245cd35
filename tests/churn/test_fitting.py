"""Maximum likelihood over log-parameters (clientela.churn.fitting) on likelihoods known in closed form."""

import numpy as np
import pytest

from clientela.churn.fitting import maximize


def exponential_objective(sample: np.ndarray):
    """The exponential distribution's log-likelihood in log(rate): maximum at rate = 1/mean, SE = rate/sqrt(n)."""
    n, total = len(sample), sample.sum()

    def objective(theta):
        rate = np.exp(theta[0])
        return n * theta[0] - rate * total, np.array([n - rate * total])

    return objective


def test_the_maximum_and_its_standard_error():
    sample = np.random.default_rng(0).exponential(0.5, 400)
    solution = maximize(exponential_objective(sample), np.array([0.0]), ("rate",), len(sample), 100)
    assert solution.failure is None
    rate = 1 / sample.mean()
    assert solution.params[0] == pytest.approx(rate, rel=1e-7)
    assert solution.standard_errors[0] == pytest.approx(rate / np.sqrt(400), rel=1e-3)
    assert solution.log_likelihood == pytest.approx(400 * np.log(rate) - rate * sample.sum())


def test_a_likelihood_rising_forever_runs_to_the_edge_and_fails():
    def objective(theta):
        return float(theta[0]), np.array([1.0])  # no maximum

    solution = maximize(objective, np.array([0.0]), ("scale",), 1, 100)
    assert solution.failure == 'parameter "scale" ran to 4.85e+08: the data do not identify the model'
    assert np.isnan(solution.standard_errors).all()


def test_a_likelihood_that_cannot_be_evaluated_fails():
    def objective(theta):
        return float("nan"), np.array([float("nan")])

    solution = maximize(objective, np.array([0.0]), ("x",), 1, 100)
    assert solution.failure is not None


def test_a_flat_likelihood_fails():
    def objective(theta):
        return -float(theta[0] ** 2), np.array([-2 * theta[0], 0.0])  # the second parameter does nothing

    solution = maximize(objective, np.array([0.5, 0.0]), ("a", "b"), 1, 100)
    assert solution.failure == "the Hessian of the log-likelihood is not positive definite at the optimiser's end point"
