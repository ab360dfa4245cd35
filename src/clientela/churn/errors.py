"""The exceptions of `clientela.churn`: bad input, use before fitting, and fits that do not converge."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clientela.churn.result import FitResult


class ChurnInputError(ValueError):
    """Data or arguments the churn models cannot use; the message says which column or value and why."""


class NotFittedError(RuntimeError):
    """A prediction was asked of a model that has not been fitted (nor loaded from a result)."""


class ConvergenceError(RuntimeError):
    """The maximum-likelihood fit did not converge; no parameters are set on the model.

    `result` holds what the optimiser reached (with ``converged=False``) for diagnosis only.
    """

    def __init__(self, message: str, result: FitResult) -> None:
        super().__init__(message)
        self.result = result
