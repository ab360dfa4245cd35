"""The pure parts of retention (purchase rhythm, silence rules) import without Django, and their examples run."""

import doctest
import importlib
import subprocess
import sys
import textwrap

import pytest

PURE = ["clientela.retention.rhythm", "clientela.retention.silence"]


def test_they_import_when_django_is_not_importable():
    code = textwrap.dedent(
        f"""
        import sys
        sys.modules["django"] = None  # any "import django" now raises ImportError
        for name in {PURE!r}:
            __import__(name)
        assert "django" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", PURE)
def test_examples(name):
    failures, tried = doctest.testmod(importlib.import_module(name))
    assert tried > 0 and failures == 0
