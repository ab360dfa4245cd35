"""What BG/NBD and Pareto/NBD share (clientela.churn.transaction_model): horizons, shapes, checks."""

import re

import numpy as np
import pytest

from clientela.churn import BGNBDModel, ChurnInputError, FitResult, ParetoNBDModel

MODELS = [
    BGNBDModel.from_result(FitResult("bgnbd", {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, {}, 0.0, 0)),
    ParetoNBDModel.from_result(FitResult("pareto-nbd", {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}, {}, 0.0, 0)),
]
DATA = {"frequency": [0, 2, 2, 9], "recency": [0, 30, 5, 38], "T": [38, 38, 38, 38.5]}


@pytest.fixture(params=MODELS, ids=lambda model: model.name)
def model(request):
    return request.param


def test_several_horizons_at_once(model):
    many = model.expected_purchases(DATA, [1.0, 13.0, 52.0])
    assert many.shape == (4, 3)
    for j, t in enumerate((1.0, 13.0, 52.0)):
        np.testing.assert_array_equal(many[:, j], model.expected_purchases(DATA, t))
    assert np.all(np.diff(many, axis=1) > 0)  # more purchases over longer horizons


def test_predictions_follow_the_customers_order_and_repeat_for_equal_customers(model):
    reordered = {name: np.asarray(values)[[3, 0, 3, 1]] for name, values in DATA.items()}
    np.testing.assert_array_equal(model.probability_alive(reordered), model.probability_alive(DATA)[[3, 0, 3, 1]])


def test_probabilities_are_probabilities(model):
    alive = model.probability_alive(DATA)
    assert np.all((alive > 0) & (alive <= 1))


@pytest.mark.parametrize("t", [0, -1.0, float("nan"), [1.0, 0.0], [[1.0]], []])
def test_bad_horizons(model, t):
    with pytest.raises(ChurnInputError, match="^" + re.escape("the horizon t must be a positive number or a 1-D array of them")):
        model.expected_purchases(DATA, t)
