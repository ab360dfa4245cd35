"""What every churn model shares: the scikit-learn estimator contract and the maximum-likelihood fit.

* Hyperparameters are stored as given in ``__init__`` and checked in `fit`.
* ``fit(data)`` returns the model; learned attributes end in ``_``: ``params_``,
  ``standard_errors_``, ``log_likelihood_``, ``n_customers_``, ``n_excluded_``, ``n_iter_``,
  ``converged_`` and ``result_``, the `FitResult` that holds them all (no training data).
* A fit that does not converge raises `ConvergenceError` and leaves the model as it was, so a
  fitted model has ``converged_`` True.
* Predictions before fitting raise `NotFittedError`; `from_result` restores a fitted model from
  a stored result without refitting.
* A refit on the same data gives the same parameters: the start point depends on the data only.
"""

import inspect
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Self

import numpy as np

from clientela.churn.errors import ChurnInputError, ConvergenceError, NotFittedError
from clientela.churn.fitting import Objective, maximize
from clientela.churn.result import FitResult


@dataclass(frozen=True)
class Problem:
    """A likelihood to maximise: the objective over log-parameters, where to start, and who it covers."""

    objective: Objective
    start: np.ndarray
    n_customers: int
    n_excluded: int = 0
    time_unit: str | None = None


class ChurnModel(ABC):
    """Base of the churn models (maximum likelihood over positive parameters)."""

    name: ClassVar[str]
    title: ClassVar[str]
    param_names: ClassVar[tuple[str, ...]]

    result_: FitResult

    def __init__(self, *, max_iter: int = 1000) -> None:
        self.max_iter = max_iter

    def __repr__(self) -> str:
        settings = ", ".join(f"{key}={value!r}" for key, value in self.get_params().items())
        return f"{type(self).__name__}({settings})"

    def get_params(self) -> dict[str, Any]:
        """The hyperparameters, as given to ``__init__``."""
        return {name: getattr(self, name) for name in inspect.signature(type(self).__init__).parameters if name != "self"}

    def fit(self, data: Any) -> Self:
        """Fit the model by maximum likelihood on per-customer ``data``; return the model.

        Raises
        ------
        ChurnInputError
            When ``data`` lacks a column or holds values the model cannot use.
        ConvergenceError
            When the maximum likelihood is not found; the model is left unchanged.
        """
        if isinstance(self.max_iter, bool) or not isinstance(self.max_iter, int) or self.max_iter < 1:
            raise ChurnInputError(f"max_iter must be a positive integer (got {self.max_iter!r})")
        problem = self._problem(data)
        solution = maximize(problem.objective, problem.start, self.param_names, problem.n_customers, self.max_iter)
        result = FitResult(
            model=self.name,
            params=dict(zip(self.param_names, solution.params.tolist(), strict=True)),
            standard_errors=dict(zip(self.param_names, solution.standard_errors.tolist(), strict=True)),
            log_likelihood=solution.log_likelihood,
            n_customers=problem.n_customers,
            n_excluded=problem.n_excluded,
            iterations=solution.iterations,
            converged=solution.failure is None,
            time_unit=problem.time_unit,
        )
        if solution.failure is not None:
            raise ConvergenceError(f"the {self.title} fit did not converge: {solution.failure}", result)
        self._set_result(result)
        return self

    @classmethod
    def from_result(cls, result: FitResult, **hyperparameters: Any) -> Self:
        """A fitted model from a stored `FitResult` (e.g. ``FitResult.from_dict`` of saved JSON).

        Examples
        --------
        >>> from clientela.churn import BGNBDModel
        >>> result = FitResult("bgnbd", {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, {}, -9582.4, 2357)
        >>> BGNBDModel.from_result(result).params_["alpha"]
        4.414
        """
        if result.model != cls.name:
            raise ChurnInputError(f'a {result.model} result cannot make a {cls.title} model (expected "{cls.name}")')
        if tuple(result.params) != cls.param_names:
            raise ChurnInputError(f"{cls.title} parameters are {', '.join(cls.param_names)} (got {', '.join(result.params)})")
        if not result.converged:
            raise ChurnInputError(f"the {cls.title} result did not converge; its parameters cannot be used")
        bad = [name for name, value in result.params.items() if not (np.isfinite(value) and value > 0)]
        if bad:
            raise ChurnInputError(f'{cls.title} parameter "{bad[0]}" must be a positive number (got {result.params[bad[0]]})')
        model = cls(**hyperparameters)
        model._set_result(result)
        return model

    def _set_result(self, result: FitResult) -> None:
        self.result_ = result
        self.params_ = dict(result.params)
        self.standard_errors_ = dict(result.standard_errors)
        self.log_likelihood_ = result.log_likelihood
        self.n_customers_ = result.n_customers
        self.n_excluded_ = result.n_excluded
        self.n_iter_ = result.iterations
        self.converged_ = result.converged

    def _fitted_params(self) -> tuple[float, ...]:
        """The fitted parameters in order, or NotFittedError."""
        if not hasattr(self, "result_"):
            raise NotFittedError(f"this {type(self).__name__} is not fitted yet: call fit(data) or {type(self).__name__}.from_result(result) first")
        return tuple(self.params_[name] for name in self.param_names)

    @abstractmethod
    def _problem(self, data: Any) -> Problem:
        """The checked data as a likelihood to maximise."""

    @abstractmethod
    def log_likelihood(self, data: Any) -> np.ndarray:
        """Each customer's log-likelihood under the fitted parameters."""
