"""The scheduler must import and run with Django absent."""

import subprocess
import sys
import textwrap


def test_planning_imports_and_plans_when_django_is_not_importable():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["django"] = None  # any "import django" now raises ImportError
        from datetime import date, time, timezone
        from clientela.planning import DEFAULT_POLICIES, Capacity, CustomerToPlan, plan_followups
        capacity = Capacity(frozenset(range(5)), time(9), time(17), timezone.utc)
        plan = plan_followups([CustomerToPlan(1, "Acme", "A")], DEFAULT_POLICIES, capacity, date(2026, 1, 12), weeks=1)
        assert "django" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
        print(len(plan.items))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"
