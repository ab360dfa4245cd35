"""Benchmark: import N transaction lines from CSV into a fresh SQLite database.

Prints the import time and, as baselines measured in the same run, the time to merely read the
CSV with Python's csv module and the time to insert the same rows with bare sqlite3 executemany
(no validation, no upsert). Goal: 1,000,000 rows in under 60 s.

    .venv/bin/python benchmarks/import_transactions.py [--rows 1000000] [--customers 20000]
"""

import argparse
import csv
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def write_files(folder: Path, rows: int, customers: int) -> tuple[Path, Path]:
    rng = random.Random(7)
    customers_csv = folder / "customers.csv"
    with customers_csv.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["external_id", "name"])
        writer.writerows([f"C{i:06d}", f"Customer {i}"] for i in range(customers))
    transactions_csv = folder / "transactions.csv"
    start = date(2022, 1, 1)
    with transactions_csv.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["document_id", "customer_id", "date", "units", "amount", "cost"])
        for i in range(rows):
            amount = rng.randint(-2000, 90000)
            writer.writerow(
                [
                    f"INV{i // 3:08d}",
                    f"C{rng.randrange(customers):06d}",
                    (start + timedelta(days=rng.randrange(1095))).isoformat(),
                    rng.randint(1, 40),
                    f"{amount / 100:.2f}",
                    f"{amount * 0.7 / 100:.2f}",
                ]
            )
    return customers_csv, transactions_csv


def time_csv_read(path: Path) -> float:
    started = time.perf_counter()
    with path.open(newline="") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - started


def time_bare_insert(path: Path, folder: Path) -> float:
    with path.open(newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = [(d, c, day, int(u), round(float(a) * 100), round(float(k) * 100)) for d, c, day, u, a, k in reader]
    db = sqlite3.connect(folder / "bare.db")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE t (d TEXT, c TEXT, day TEXT, u INT, a INT, k INT)")
    started = time.perf_counter()
    db.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        customers_csv, transactions_csv = write_files(folder, args.rows, args.customers)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        from clientela.bootstrap import migrate_database, setup_django

        setup_django()
        migrate_database()
        from clientela.imports import import_file

        import_file("customers", customers_csv)
        started = time.perf_counter()
        first = import_file("transactions", transactions_csv)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = import_file("transactions", transactions_csv)
        again_seconds = time.perf_counter() - started
        read_seconds = time_csv_read(transactions_csv)
        bare_seconds = time_bare_insert(transactions_csv, folder)
    print(f"rows                         {args.rows:>12,}")
    print(f"import (new rows)            {first_seconds:>10.1f} s   {args.rows / first_seconds:>10,.0f} rows/s  created={first.created:,}")
    print(f"re-import (all updates)      {again_seconds:>10.1f} s   {args.rows / again_seconds:>10,.0f} rows/s  updated={again.updated:,}")
    print(f"baseline: csv read only      {read_seconds:>10.1f} s   import/read = {first_seconds / read_seconds:.1f}x")
    print(f"baseline: bare sqlite insert {bare_seconds:>10.1f} s   import/bare insert = {first_seconds / bare_seconds:.1f}x")
    print(f"goal: 1,000,000 rows < 60 s  {'met' if first_seconds * 1_000_000 / args.rows < 60 else 'NOT met'}")


if __name__ == "__main__":
    main()
