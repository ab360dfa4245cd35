"""The examples in the ledger docstrings run and print what they show."""

import doctest
import importlib

import pytest

MODULES = ["allocation", "ageing", "day_totals", "collected", "bonus"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"clientela.ledger.{name}")

    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)

    assert attempted > 0 and failed == 0
