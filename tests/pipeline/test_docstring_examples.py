"""The examples in the docstrings of the pipeline's pure modules run as written."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["clientela.pipeline.matching", "clientela.pipeline.standing"])
def test_docstring_examples(name):
    failed, tried = doctest.testmod(importlib.import_module(name))
    assert tried > 0 and failed == 0
