"""The fitted parameters of a churn model as a small frozen object, without the training data."""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from clientela.churn.errors import ChurnInputError


@dataclass(frozen=True)
class FitResult:
    """What a fit found: parameters, their standard errors and the log-likelihood.

    Attributes
    ----------
    model
        ``"bgnbd"``, ``"pareto-nbd"`` or ``"gamma-gamma"``.
    params
        Parameter values by name (BG/NBD ``r, alpha, a, b``; Pareto/NBD ``r, alpha, s, beta``;
        Gamma-Gamma ``p, q, v``), read-only.
    standard_errors
        Asymptotic standard errors by name, from the inverse Hessian of the log-likelihood.
    log_likelihood
        The maximised log-likelihood (total over the customers used).
    n_customers
        Customers the fit used.
    n_excluded
        Customers left out of the fit (Gamma-Gamma: repeat customers whose mean spend is not
        positive); 0 for the transaction models.
    iterations
        Optimiser iterations.
    converged
        Whether the fit converged (a model refuses a result that did not).
    time_unit
        The unit of recency and T the model was fitted in (``"day"``, ``"week"``, ``"month"``),
        when the data said it (a `CustomerSummary` does); None otherwise or for Gamma-Gamma.

    Examples
    --------
    >>> result = FitResult("gamma-gamma", {"p": 6.25, "q": 3.74, "v": 15.44}, {"p": 0.0, "q": 0.0, "v": 0.0}, -4055.9, 946)
    >>> FitResult.from_dict(result.to_dict()) == result
    True
    >>> result.params["p"]
    6.25
    """

    model: str
    params: Mapping[str, float]
    standard_errors: Mapping[str, float]
    log_likelihood: float
    n_customers: int
    n_excluded: int = 0
    iterations: int = 0
    converged: bool = True
    time_unit: str | None = field(default=None)

    def __post_init__(self) -> None:
        # Read-only views of private copies: the result cannot change after the fit.
        object.__setattr__(self, "params", MappingProxyType({name: float(value) for name, value in self.params.items()}))
        object.__setattr__(self, "standard_errors", MappingProxyType({name: float(value) for name, value in self.standard_errors.items()}))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (NaN standard errors become None)."""
        return {
            "model": self.model,
            "params": dict(self.params),
            "standard_errors": {name: None if math.isnan(value) else value for name, value in self.standard_errors.items()},
            "log_likelihood": self.log_likelihood,
            "n_customers": self.n_customers,
            "n_excluded": self.n_excluded,
            "iterations": self.iterations,
            "converged": self.converged,
            "time_unit": self.time_unit,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "FitResult":
        """The result written by `to_dict`, or ChurnInputError naming a missing key."""
        for key in ("model", "params", "standard_errors", "log_likelihood", "n_customers"):
            if key not in data:
                raise ChurnInputError(f'fit result: missing key "{key}"')
        return cls(
            model=str(data["model"]),
            params=data["params"],
            standard_errors={name: math.nan if value is None else value for name, value in data["standard_errors"].items()},
            log_likelihood=float(data["log_likelihood"]),
            n_customers=int(data["n_customers"]),
            n_excluded=int(data.get("n_excluded", 0)),
            iterations=int(data.get("iterations", 0)),
            converged=bool(data.get("converged", True)),
            time_unit=data.get("time_unit"),
        )
