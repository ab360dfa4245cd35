"""The core must import with Django absent."""

import subprocess
import sys
import textwrap


def test_engine_imports_when_django_is_not_importable():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["django"] = None  # any "import django" now raises ImportError
        import clientela.engine
        assert "django" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
        print(sorted(clientela.engine.INPUT_TABLES))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "transactions" in result.stdout
