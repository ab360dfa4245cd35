"""The examples in the churn package's docstrings run and print what they show."""

import doctest
import importlib
import pkgutil

import pytest

import clientela.churn

MODULES = sorted(info.name for info in pkgutil.iter_modules(clientela.churn.__path__, "clientela.churn."))


@pytest.mark.parametrize("name", MODULES)
def test_examples(name):
    failures, _ = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert failures == 0
