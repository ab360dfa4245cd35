"""The estimator contract (DESIGN.md convention 3), one test run on every model."""

import dataclasses
import json
import re

import numpy as np
import pytest

from clientela.churn import (
    MODELS,
    BGNBDModel,
    ChurnInputError,
    ConvergenceError,
    FitResult,
    GammaGammaModel,
    NotFittedError,
    ParetoNBDModel,
)
from tests.churn.simulate import bgnbd_customers, mean_spend

# Seeded data each model can fit: transactions (BG/NBD process) with a spend column.
DATA = bgnbd_customers(1000, r=0.5, alpha=4.0, a=0.8, b=2.5, seed=11)
DATA["monetary_value"] = mean_spend(DATA["frequency"], p=6.0, q=4.0, v=15.0, seed=12)
MODEL_CLASSES = [BGNBDModel, ParetoNBDModel, GammaGammaModel]


@pytest.fixture(params=MODEL_CLASSES, ids=lambda cls: cls.name)
def model_class(request):
    return request.param


def predict(model):
    """Every prediction of the model on DATA."""
    if isinstance(model, GammaGammaModel):
        return [model.expected_spend(DATA), model.log_likelihood(DATA)]
    return [model.probability_alive(DATA), model.expected_purchases(DATA, 10.0), model.log_likelihood(DATA)]


def test_the_registry_names_every_model():
    assert MODELS == {"bgnbd": BGNBDModel, "pareto-nbd": ParetoNBDModel, "gamma-gamma": GammaGammaModel}


def test_hyperparameters_are_stored_as_given_and_checked_in_fit(model_class):
    model = model_class(max_iter=0)  # not checked here
    assert model.get_params() == {"max_iter": 0}
    assert repr(model) == f"{model_class.__name__}(max_iter=0)"
    with pytest.raises(ChurnInputError, match=re.escape("max_iter must be a positive integer (got 0)")):
        model.fit(DATA)
    assert model_class().get_params() == {"max_iter": 1000}


def test_fit_returns_the_model_with_learned_attributes_ending_in_underscore(model_class):
    model = model_class()
    assert not [name for name in vars(model) if name.endswith("_")]
    assert model.fit(DATA) is model
    learned = {name for name in vars(model) if name.endswith("_")}
    assert learned == {"params_", "standard_errors_", "log_likelihood_", "n_customers_", "n_excluded_", "n_iter_", "converged_", "result_"}
    assert set(vars(model)) - learned == {"max_iter"}
    assert tuple(model.params_) == model_class.param_names
    assert model.converged_ is True
    assert model.log_likelihood_ == pytest.approx(np.nansum(model.log_likelihood(DATA)))


def test_predicting_before_fitting_raises(model_class):
    model = model_class()
    with pytest.raises(NotFittedError, match=f"this {model_class.__name__} is not fitted yet: call fit"):
        predict(model)
    assert not hasattr(model, "params_")


def test_refit_is_deterministic(model_class):
    first = model_class().fit(DATA).result_
    model = model_class().fit(DATA)
    assert model.fit(DATA).result_ == first


def test_the_result_is_small_frozen_and_restores_the_model(model_class):
    model = model_class().fit(DATA)
    result = model.result_
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.log_likelihood = 0.0
    with pytest.raises(TypeError):
        result.params["r"] = 1.0
    text = json.dumps(result.to_dict())
    assert len(text) < 1000  # parameters and figures, no training data
    restored = model_class.from_result(FitResult.from_dict(json.loads(text)))
    assert restored.result_ == result
    for ours, theirs in zip(predict(restored), predict(model), strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_a_result_of_another_model_is_refused(model_class):
    other = next(cls for cls in MODEL_CLASSES if cls is not model_class)
    result = other().fit(DATA).result_
    with pytest.raises(ChurnInputError, match=f'a {other.name} result cannot make a {model_class.title} model'):
        model_class.from_result(result)


def test_a_result_that_did_not_converge_or_has_bad_parameters_is_refused(model_class):
    params = dict.fromkeys(model_class.param_names, 1.0)
    with pytest.raises(ChurnInputError, match="did not converge; its parameters cannot be used"):
        model_class.from_result(FitResult(model_class.name, params, {}, 0.0, 0, converged=False))
    first = model_class.param_names[0]
    with pytest.raises(ChurnInputError, match=f'parameter "{first}" must be a positive number'):
        model_class.from_result(FitResult(model_class.name, params | {first: -1.0}, {}, 0.0, 0))
    with pytest.raises(ChurnInputError, match="parameters are"):
        model_class.from_result(FitResult(model_class.name, {"x": 1.0}, {}, 0.0, 0))


def test_a_fit_that_does_not_converge_says_so_and_leaves_the_model_unfitted(model_class):
    model = model_class(max_iter=2)
    with pytest.raises(ConvergenceError, match=f"^the {re.escape(model_class.title)} fit did not converge: no convergence within 2 iterations$") as caught:
        model.fit(DATA)
    assert caught.value.result.converged is False
    assert caught.value.result.model == model_class.name
    assert not hasattr(model, "result_")
    with pytest.raises(NotFittedError):
        predict(model)


def test_missing_columns_are_named(model_class):
    with pytest.raises(ChurnInputError, match='^missing column "frequency"; expected frequency, '):
        model_class().fit({"recency": [1.0]})
