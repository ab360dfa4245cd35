"""The examples in the engine's docstrings run as written."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["clientela.engine.engines", "clientela.engine.product_mix", "clientela.engine.window"])
def test_docstring_examples(name):
    failed, tried = doctest.testmod(importlib.import_module(name))
    assert tried > 0 and failed == 0
