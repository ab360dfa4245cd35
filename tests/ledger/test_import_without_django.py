"""The ledger must import and run with Django absent."""

import subprocess
import sys
import textwrap


def test_the_ledger_imports_and_ages_when_django_is_not_importable():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["django"] = None  # any "import django" now raises ImportError
        from datetime import date
        from clientela.ledger import Invoice, Receipt, age, allocate
        ledger = allocate([Invoice("F1", date(2026, 1, 1), date(2026, 1, 31), 500)], receipts=[Receipt(date(2026, 1, 20), 200)])
        assert "django" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
        print(age(ledger, date(2026, 3, 1)).buckets)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(0, 300, 0, 0, 0)"
