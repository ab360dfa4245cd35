"""Maximum likelihood over log-parameters: L-BFGS-B, a Newton check, standard errors from the Hessian.

Every parameter of the models is positive, so the optimiser works on their logarithms: the
objective is smooth and unbounded in every direction, and steps are relative. The objective is the
mean negative log-likelihood per customer, so that its size, and the optimiser's default
tolerances, do not depend on how many customers there are.

L-BFGS-B stops when it cannot improve; the fit then counts as converged only if a Newton step
from there, with the Hessian of the log-likelihood (forward differences of the analytic
gradient), moves no parameter by more than `PRECISION` (relative), after at most
`NEWTON_STEPS` such steps; if the Hessian is positive definite there; and if no parameter ran
to the edge of its range (e^±`LOG_BOUND`), where the likelihood keeps rising towards 0 or
infinity and the data do not identify the model.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

LOG_BOUND = 20.0
PRECISION = 1e-5
NEWTON_STEPS = 4
HESSIAN_STEP = 1e-4

# The total log-likelihood and its gradient with respect to the log-parameters.
Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]


@dataclass(frozen=True)
class Solution:
    """Where the maximisation ended; ``failure`` says why it did not converge (None when it did)."""

    params: np.ndarray
    log_likelihood: float
    standard_errors: np.ndarray
    iterations: int
    failure: str | None


def maximize(objective: Objective, start: np.ndarray, names: tuple[str, ...], n_customers: float, max_iter: int) -> Solution:
    """Maximise the log-likelihood over log-parameters from `start` (log-parameters too)."""

    def quiet(theta: np.ndarray) -> tuple[float, np.ndarray]:
        with np.errstate(all="ignore"):  # far from the optimum the likelihood may overflow: non-finite values are handled
            return objective(theta)

    def mean_negative(theta: np.ndarray) -> tuple[float, np.ndarray]:
        value, gradient = quiet(theta)
        if not np.isfinite(value) or not np.all(np.isfinite(gradient)):
            # Outside where the likelihood can be evaluated: push the line search back.
            return np.inf, np.zeros_like(theta)
        return -value / n_customers, -gradient / n_customers

    bounds = [(-LOG_BOUND, LOG_BOUND)] * len(start)
    # Tolerances below the default make the Newton check pass at once on well-posed data.
    found = minimize(mean_negative, start, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": max_iter, "ftol": 1e-12, "gtol": 1e-7})
    theta = np.asarray(found.x, dtype=np.float64)
    iterations = int(found.nit)
    if iterations >= max_iter:
        return _failed(quiet, theta, iterations, f"no convergence within {max_iter} iterations")
    failure: str | None = None
    for _ in range(NEWTON_STEPS):
        value, gradient = quiet(theta)
        hessian = _negative_hessian(quiet, theta, gradient)
        failure = _shape_problem(theta, names, value, hessian)
        if failure:
            break
        step = np.linalg.solve(hessian, gradient)
        if np.max(np.abs(step)) <= PRECISION:
            break
        theta = np.clip(theta + step, -LOG_BOUND, LOG_BOUND)
    else:
        failure = "the Newton steps from the optimiser's end point do not settle"
    if failure:
        return _failed(quiet, theta, iterations, failure)
    covariance = np.linalg.inv(hessian)
    params = np.exp(theta)
    return Solution(params, float(value), params * np.sqrt(np.diag(covariance)), iterations, None)


def _shape_problem(theta: np.ndarray, names: tuple[str, ...], value: float, hessian: np.ndarray) -> str | None:
    """Why the likelihood at `theta` is not a proper maximum, or None."""
    if not np.isfinite(value) or not np.all(np.isfinite(hessian)):
        return "the log-likelihood cannot be evaluated at the optimiser's end point"
    at_edge = np.flatnonzero(np.abs(theta) >= LOG_BOUND - 1)
    if at_edge.size:
        name = names[at_edge[0]]
        return f'parameter "{name}" ran to {np.exp(theta[at_edge[0]]):.3g}: the data do not identify the model'
    try:
        np.linalg.cholesky(hessian)
    except np.linalg.LinAlgError:
        return "the Hessian of the log-likelihood is not positive definite at the optimiser's end point"
    return None


def _negative_hessian(objective: Objective, theta: np.ndarray, gradient: np.ndarray) -> np.ndarray:
    """The Hessian of the negative log-likelihood in log-parameters, by forward differences of the gradient."""
    columns = []
    for j in range(len(theta)):
        shift = np.zeros_like(theta)
        shift[j] = HESSIAN_STEP
        columns.append((gradient - objective(theta + shift)[1]) / HESSIAN_STEP)
    hessian = np.array(columns)
    return (hessian + hessian.T) / 2


def _failed(objective: Objective, theta: np.ndarray, iterations: int, failure: str) -> Solution:
    value = objective(theta)[0]
    return Solution(np.exp(theta), float(value), np.full(len(theta), np.nan), iterations, failure)
