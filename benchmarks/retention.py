"""Benchmark: what churn adds to the monthly run, against the segmentation of the same month.

Builds the demo company (or opens a database built by `clientela demo`) and, as of its last
month end, times the monthly run's parts on the app database (SQLite): the segmentation of every
active scheme (the baseline), the churn fit (summary, BG/NBD, Gamma-Gamma, predictions stored) and
the retention review (purchase rhythms, recoveries, lost customers, at-risk alerts); then the fit
and the review on an in-memory DuckDB copy of the tables, as the demo history runs them. Prints
the best of `--repeat` runs, CPU seconds and the ratios to the baseline.

    .venv/bin/python benchmarks/retention.py [--customers 2000] [--repeat 3] [--database demo.db]
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall and CPU seconds of `repeat` runs."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", type=Path, help="a database built by clientela demo (default: build one in a temporary folder)")
    options = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    database = options.database or Path(folder.name) / "demo.db"
    os.environ["DATABASE_URL"] = f"sqlite:///{database.resolve()}"
    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    migrate_database()
    from clientela.crm.models import Customer, Transaction
    from clientela.demo.build import build_demo
    from clientela.retention.services import churn_fit_run, retention_review
    from clientela.segmentation.models import Scheme
    from clientela.segmentation.services import app_tables_copy, month_end_before, segmentation_run

    if options.database is None:
        started = time.perf_counter()
        build_demo(seed=42, end=date(2026, 6, 30), customers=options.customers, reset=True)
        print(f"demo of {options.customers:,} customers built in {time.perf_counter() - started:.1f} s")
    as_of = month_end_before(Transaction.objects.latest("date").date + timedelta(days=1))
    schemes = list(Scheme.objects.filter(active=True).values_list("name", flat=True))
    print(f"{Customer.objects.count():,} customers, {Transaction.objects.count():,} transaction lines; as of {as_of}; load average {os.getloadavg()[0]:.1f}")

    def segment() -> None:
        for name in schemes:
            segmentation_run(scheme_name=name, as_of=as_of)

    baseline = timed(segment, options.repeat)
    rows = [("segmentation, every active scheme (baseline)", baseline)]
    fit = churn_fit_run(as_of=as_of)
    print(f"fit: {fit.status} {fit.failure or ''}{' / spend: ' + fit.spend_failure if fit.spend_failure else ''}")
    rows.append(("churn fit on SQLite", timed(lambda: churn_fit_run(as_of=as_of), options.repeat)))
    rows.append(("retention review on SQLite", timed(lambda: retention_review(as_of=as_of), options.repeat)))
    copy = []
    rows.append(("copy of the tables to DuckDB", timed(lambda: copy.append(app_tables_copy()), 1)))
    rows.append(("churn fit on the DuckDB copy", timed(lambda: churn_fit_run(as_of=as_of, source=copy[0]), options.repeat)))
    rows.append(("retention review on the DuckDB copy", timed(lambda: retention_review(as_of=as_of, source=copy[0]), options.repeat)))
    print(f"\n{'':48} {'wall s':>8} {'CPU s':>8} {'× baseline':>11}")
    for label, (wall, cpu) in rows:
        print(f"{label:48} {wall:8.2f} {cpu:8.2f} {wall / baseline[0]:11.2f}")
    added = rows[1][1][0] + rows[2][1][0]
    print(f"\nthe monthly run on SQLite: segmentation {baseline[0]:.2f} s + churn {added:.2f} s ({added / baseline[0]:.2f} × the segmentation)")
    folder.cleanup()


if __name__ == "__main__":
    sys.exit(main())
