"""The examples in the planning docstrings run and print what they show."""

import doctest
import importlib

import pytest

MODULES = ["policies", "timetable", "reach", "reasons", "scheduler"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"clientela.planning.{name}")

    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)

    assert failed == 0
