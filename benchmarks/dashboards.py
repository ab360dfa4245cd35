"""Benchmark: server time of the dashboards at 100,000 customers and 5 M transactions.

Builds a SQLite database like a real company's: the transactions and payments of
benchmarks/segment.py's generator (Pareto-like customer sizes, three years to 2025-12-31, 3 %
returns), salespeople in teams of ten with about 400 customers each, three regions, a group,
lost customers and open at-risk / lost alerts; then runs the segmentation schemes the dashboards
show (abc, abc-count, rules, vip, profit, matrix) as of the last `--months` month ends through the
app's services, and indexes their snapshots for the dashboards (timed: it is what a first view or
`clientela dashboards index` does once per snapshot).

Then renders every dashboard with Django's test client as a salesperson, a supervisor and an
admin, and prints the median server time of each page (after one warm-up request) against the
customer list page measured in the same run, with the goal of < 200 ms. The machine's load
average is printed too: other processes slow every figure alike.

    .venv/bin/python benchmarks/dashboards.py --customers 5000 --transactions 250000   # a quick run
    .venv/bin/python benchmarks/dashboards.py                                           # 100,000 × 5,000,000 (10–20 min to build)
    .venv/bin/python benchmarks/dashboards.py --data-dir benchmarks/.data               # keep the database and time it again later
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

GOAL_MS = 200
SCHEMES = ("abc", "abc-count", "rules", "vip", "profit", "matrix")
MONTH_ENDS = (date(2025, 7, 31), date(2025, 8, 31), date(2025, 9, 30), date(2025, 10, 31), date(2025, 11, 30), date(2025, 12, 31))
PAGES = {
    "customer list (baseline)": "/customers/",
    "dashboards overview": "/dashboards/",
    "Pareto": "/dashboards/pareto/",
    "classes and flows": "/dashboards/classes/",
    "contribution × stability": "/dashboards/matrix/",
    "VIP register": "/dashboards/vip/",
    "profit 20/60/20": "/dashboards/profit/",
    "at risk and lost": "/dashboards/at-risk/",
}
USERS = (("salesperson", "sales1"), ("supervisor", "supervisor1"), ("admin", "admin"))
TEAM_SIZE = 10
BATCH = 50_000


def step(title: str, action: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = action()
    print(f"  {title}: {time.perf_counter() - started:,.1f} s", flush=True)
    return result


def people(salespeople: int) -> list[int]:
    """An admin, supervisors with teams of TEAM_SIZE salespeople; returns the salespeople's ids."""
    from clientela.crm.models import Team, User

    def user(username: str, role: str, **fields: Any) -> User:
        person = User(username=username, role=role, first_name=username.capitalize(), **fields)
        person.set_unusable_password()  # force_login needs none; hashing 300 passwords would dominate the build
        return person

    User.objects.bulk_create([user("admin", User.Role.ADMIN, is_staff=True)])
    ids = []
    for number in range(0, salespeople, TEAM_SIZE):
        supervisor = User.objects.bulk_create([user(f"supervisor{number // TEAM_SIZE + 1}", User.Role.SUPERVISOR)])[0]
        team = Team.objects.create(name=f"Team {number // TEAM_SIZE + 1}", supervisor=supervisor)
        members = User.objects.bulk_create([user(f"sales{n + 1}", User.Role.SALESPERSON, team=team) for n in range(number, min(number + TEAM_SIZE, salespeople))])
        ids += [member.pk for member in members]
    return ids


def customers(count: int, owners: list[int]) -> dict[int, int]:
    """Customers with the generator's ids as external ids, spread over the owners and three regions; returns id → pk."""
    from clientela.crm.models import Customer, Region
    from clientela.crm.services.customers import customers_upsert

    regions = [Region.objects.create(code=code, name=name).pk for code, name in (("N", "North"), ("C", "Centre"), ("S", "South"))]
    ids = [1_000_000_000 + k for k in range(count)]
    for start in range(0, count, 20_000):  # SQLite allows 32,766 variables in a query
        chunk = ids[start : start + 20_000]
        status = lambda i: Customer.Status.LOST if i % 50 == 7 else Customer.Status.ACTIVE  # noqa: E731
        rows = [(str(i), f"Customer {i - 1_000_000_000:06d}", owners[i % len(owners)], regions[i % 3], status(i)) for i in chunk]
        customers_upsert(fields=("external_id", "name", "owner", "region", "status"), rows=rows, tags={str(i): ["key account"] for i in chunk if i % 10 == 3})
    return {int(external): pk for external, pk in Customer.objects.values_list("external_id", "id")}


def parquet_rows(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH):
        yield from batch.to_pylist()


def business(transactions: Path, payments: Path, pks: dict[int, int]) -> None:
    """The generated lines and payments through the app's bulk services (money in integer cents)."""
    from clientela.crm.models import Customer, Payment, Transaction
    from clientela.crm.services.bulk import checked_at_end
    from clientela.crm.services.business import payments_upsert, transactions_upsert

    def cents(amount: Any) -> int:
        return int(round(amount * 100))

    with checked_at_end(Customer, Transaction, Payment):
        transactions_upsert(
            rows=(
                (f"D{n}", 1, pks[row["customer_id"]], row["date"], None, row["units"], cents(row["amount"]), cents(row["amount"]) - cents(row["profit"]))
                for n, row in enumerate(parquet_rows(transactions))
            )
        )
        payments_upsert(rows=((f"P{n}", pks[row["customer_id"]], row["date"], cents(row["amount"]), "") for n, row in enumerate(parquet_rows(payments))))


def alerts(pks: dict[int, int]) -> None:
    """Open at-risk alerts for 1 % of the customers and lost alerts for the lost ones, to their owners."""
    from clientela.crm.models import Alert, Customer

    owners = dict(Customer.objects.values_list("id", "owner_id"))
    chosen = [(pk, Alert.Kind.AT_RISK) for external, pk in pks.items() if external % 100 == 11]
    chosen += [(pk, Alert.Kind.CUSTOMER_LOST) for pk in Customer.objects.filter(status=Customer.Status.LOST).values_list("id", flat=True)]
    Alert.objects.bulk_create((Alert(recipient_id=owners[pk], customer_id=pk, kind=kind, message=f"customer {pk}: {kind}") for pk, kind in chosen), batch_size=5000)


def segment(months: int) -> list[Any]:
    from clientela.segmentation.services import app_tables_copy, segmentation_run

    source = step("copying the tables into DuckDB", app_tables_copy)
    snapshots = []
    for as_of in MONTH_ENDS[-months:]:
        for name in SCHEMES:
            snapshots.append(step(f"segmenting {name} as of {as_of}", lambda name=name, as_of=as_of: segmentation_run(scheme_name=name, as_of=as_of, source=source)))
    source.disconnect()
    return snapshots


def build(database: Path, folder: Path, args: argparse.Namespace) -> None:
    from segment import generate  # benchmarks/segment.py's generator

    from clientela.bootstrap import migrate_database

    print(f"building {database.name} ({args.customers:,} customers, {args.transactions:,} transactions, {args.salespeople:,} salespeople)")
    transactions, payments = step("generating Parquet files", lambda: generate(folder, args.customers, args.transactions, args.transactions // 5))
    step("creating the database", migrate_database)
    owners = step("creating users and teams", lambda: people(args.salespeople))
    pks = step("creating customers", lambda: customers(args.customers, owners))
    step("writing transactions and payments", lambda: business(transactions, payments, pks))
    step("raising alerts", lambda: alerts(pks))
    snapshots = segment(args.months)
    from clientela.dashboards.services import snapshot_index

    started = time.perf_counter()
    for snapshot in snapshots:
        snapshot_index(snapshot=snapshot)
    seconds = time.perf_counter() - started
    print(f"  indexing {len(snapshots)} snapshots for the dashboards: {seconds:,.1f} s ({seconds / len(snapshots):,.1f} s per snapshot of {args.customers:,} customers)")


def server_times(username: str, repeat: int) -> dict[str, tuple[float, float]]:
    """The median wall and CPU milliseconds of each page for one user, after a warm-up request."""
    from django.test import Client

    from clientela.crm.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    times = {}
    for title, path in PAGES.items():
        response = client.get(path)
        assert response.status_code == 200, f"{path} as {username}: {response.status_code}"
        walls, cpus = [], []
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(path)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        times[title] = (statistics.median(walls), statistics.median(cpus))
    return times


def report(columns: dict[str, dict[str, tuple[float, float]]]) -> None:
    baseline = "customer list (baseline)"
    print(f"\n{'wall ms (CPU ms) ratio':28}" + "".join(f"{name:>30}" for name in columns))
    for title in PAGES:
        cells = []
        for times in columns.values():
            wall, cpu = times[title]
            ratio = "" if title == baseline else f"{wall / times[baseline][0]:.1f}×"
            cells.append(f"{wall:.0f} ({cpu:.0f}) {ratio:>5}{' MISSED' if wall >= GOAL_MS else ''}")
        print(f"{title:28}" + "".join(f"{cell:>30}" for cell in cells))
    worst = max(times[title][0] for times in columns.values() for title in PAGES if title != baseline)
    print(
        f"\nslowest dashboard: {worst:.0f} ms wall (goal < {GOAL_MS} ms: {'met' if worst < GOAL_MS else 'MISSED'}); medians of the server time"
        " (the CPU time of this process in brackets; the rest of the wall time is waiting, mostly for other processes on the machine);"
        " ratios are to the customer list page of the same user"
    )


def arguments(description: str) -> argparse.ArgumentParser:
    """The options of the generated dataset (size, snapshots, where to keep it) and of the timing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--transactions", type=int, default=5_000_000)
    parser.add_argument("--salespeople", type=int, help="default: one per 400 customers (at least 8)")
    parser.add_argument("--months", type=int, default=3, choices=range(1, len(MONTH_ENDS) + 1), help="month ends with snapshots")
    parser.add_argument("--repeat", type=int, default=7, help="timed requests per page and user")
    parser.add_argument("--data-dir", type=Path, help="keep the database here and reuse it when it exists")
    return parser


@contextmanager
def dataset(args: argparse.Namespace) -> Iterator[Path]:
    """Django set up on the generated database (built unless `--data-dir` holds it already, migrated when reused)."""
    args.salespeople = args.salespeople or max(8, args.customers // 400)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.data_dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        if args.data_dir and not (folder / ".gitignore").exists():
            (folder / ".gitignore").write_text("*\n")  # generated data never gets committed
        database = folder / f"dashboards-{args.customers}x{args.transactions}x{args.months}.db"
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
        from clientela.bootstrap import migrate_database, setup_django

        setup_django()
        from django.conf import settings

        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        if database.exists():
            step("migrating the kept database", migrate_database)  # the code may have new migrations since it was built
        else:
            try:
                build(database, folder, args)
            except BaseException:
                database.unlink(missing_ok=True)
                raise
        print(f"database: {database.stat().st_size / 1024**2:,.0f} MB; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        yield database


def main() -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    with dataset(args):
        columns = {f"{role} ({username})": server_times(username, args.repeat) for role, username in USERS}
        report(columns)
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
