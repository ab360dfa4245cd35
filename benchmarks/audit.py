"""Benchmark: what the audit trail costs — the demo build, a large customer import, and one edit of a customer.

Each figure is measured with the trail's model-signal recorders disconnected (the baseline: the
app as it was before the trail; the few summary events of bulk operations stay) and connected
(as shipped), alternately and each first in turn (repeated imports slow down run after run on
SQLite, so the order is balanced), in the same run on the same SQLite database; the mean of
`--repeat` runs of each is printed with the ratio and the number of audit events written.
`--customers 0` leaves out the demo build.

    .venv/bin/python benchmarks/audit.py [--customers 500] [--import-rows 200000] [--edits 300] [--repeat 4]
"""

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=500, help="customers of the demo company (0: no demo build)")
    parser.add_argument("--import-rows", type=int, default=200_000, help="rows of the customer file imported")
    parser.add_argument("--edits", type=int, default=300, help="single customer edits timed")
    parser.add_argument("--repeat", type=int, default=4, help="runs of each variant (even: each goes first as often)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clientela-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"

    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    migrate_database()

    from django.utils import timezone

    from clientela.audit.models import AuditEvent
    from clientela.audit.signals import audited_models_connect, audited_models_disconnect

    def compare(name: str, run: Callable[[], float]) -> None:
        """Time `run` (it returns its own seconds) without and with the recorders; print both, the ratio and the events."""
        seconds: dict[bool, list[float]] = {False: [], True: []}
        events: dict[bool, int] = {}
        for repeat in range(args.repeat):
            for audited in (False, True) if repeat % 2 == 0 else (True, False):  # alternate which goes first
                (audited_models_connect if audited else audited_models_disconnect)()
                since = timezone.now()  # the demo build empties the database, events included
                seconds[audited].append(run())
                events[audited] = AuditEvent.objects.filter(at__gte=since).count()
        audited_models_connect()
        mean = {audited: statistics.mean(times) for audited, times in seconds.items()}
        print(
            f"{name}: without recorders (baseline) {mean[False]:8.3f} s ({events[False]:,} events)   "
            f"with {mean[True]:8.3f} s ({events[True]:,} events)   ratio {mean[True] / mean[False]:.3f}"
        )

    if args.customers:
        compare(f"demo build, {args.customers:,} customers", lambda: demo_build(args.customers))
    path = customers_file(folder, args.import_rows)
    compare(f"customer import updating {args.import_rows:,} customers", lambda: customer_import(path))
    compare(f"one customer edit (median of {args.edits})", lambda: customer_edits(args.edits))


def demo_build(customers: int) -> float:
    from clientela.demo.build import build_demo

    started = time.perf_counter()
    build_demo(seed=7, end=date(2026, 6, 30), customers=customers, reset=True)
    return time.perf_counter() - started


def customers_file(folder: Path, rows: int) -> Path:
    """A customer file, its customers already in the database: each import updates every row, the same work each time."""
    from clientela.crm.services.customers import customers_upsert

    path = folder / "customers.csv"
    customers = [(f"IMP{n:08d}", f"Imported customer {n}", f"City {n % 97}") for n in range(rows)]
    with path.open("w", encoding="utf-8") as handle:
        handle.write("external_id,name,city\n")
        handle.writelines(",".join(row) + "\n" for row in customers)
    customers_upsert(fields=["external_id", "name", "city"], rows=customers)
    return path


def customer_import(path: Path) -> float:
    from clientela.imports.runner import import_file

    started = time.perf_counter()
    import_file("customers", path)
    return time.perf_counter() - started


def customer_edits(edits: int) -> float:
    from clientela.crm.models import Customer
    from clientela.crm.services.customers import customer_update

    customer = Customer.objects.order_by("pk").first()
    assert customer is not None
    times = []
    for n in range(edits):
        started = time.perf_counter()
        customer_update(customer=customer, data={"phone": f"555-{n}"}, expected_version=customer.version)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    main()
