"""The churn core must import, fit and predict with Django absent."""

import subprocess
import sys
import textwrap


def test_churn_imports_summarizes_and_predicts_when_django_is_not_importable():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["django"] = None  # any "import django" now raises ImportError
        from datetime import date
        import ibis, pyarrow as pa
        from clientela.churn import BGNBDModel, FitResult, summarize
        log = ibis.memtable(pa.table({"customer_id": [1, 1, 2], "date": [date(2024, 1, 1), date(2024, 1, 8), date(2024, 1, 3)], "amount_cents": [100, 200, 300]}))
        summary = summarize(log, calibration_end=date(2024, 1, 31), time_unit="week")
        model = BGNBDModel.from_result(FitResult("bgnbd", {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, {}, 0.0, 0))
        alive = model.probability_alive(summary)
        assert "django" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
        print(len(alive), alive[1])
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "1.0"]
