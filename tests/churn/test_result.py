"""The frozen fit result (clientela.churn.result)."""

import json
import math

import pytest

from clientela.churn import ChurnInputError, FitResult


def test_json_round_trip_with_nan_standard_errors_as_null():
    result = FitResult("bgnbd", {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, {"r": 0.01, "alpha": math.nan, "a": 0.2, "b": 0.7}, -9582.4, 2357, iterations=17, time_unit="week")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["standard_errors"]["alpha"] is None
    assert data["time_unit"] == "week" and data["converged"] is True and data["n_excluded"] == 0
    restored = FitResult.from_dict(data)
    assert math.isnan(restored.standard_errors["alpha"])
    assert restored.params == result.params and restored.iterations == 17


def test_parameters_are_copied_and_read_only():
    params = {"p": 1.0, "q": 2.0, "v": 3.0}
    result = FitResult("gamma-gamma", params, {}, 0.0, 1)
    params["p"] = 9.0
    assert result.params["p"] == 1.0
    with pytest.raises(TypeError):
        result.standard_errors["p"] = 1.0  # type: ignore[index]


def test_a_missing_key_is_named():
    with pytest.raises(ChurnInputError, match='^fit result: missing key "log_likelihood"$'):
        FitResult.from_dict({"model": "bgnbd", "params": {}, "standard_errors": {}, "n_customers": 1})
