"""Benchmark: server time of the customer file on a large database, for an ordinary customer and for the busiest one.

Builds a SQLite database in a temporary folder: `--customers` customers, `--transactions` invoice
lines and as many payments spread over three years (the busiest customer gets `--busiest` lines of
them), twelve monthly snapshots of the `abc` scheme with a class change now and then, and a few
contacts each. Then renders `/customers/<id>/` through Django's test client (the whole server side:
middleware, queries, templates, the chart's JSON) for an ordinary customer — the baseline — and for
the busiest one, and prints the median of `--repeat` renders of each with the ratio. Goal: under
200 ms for both, and a ratio near 1 (paginated lists, no query that grows with the history).

    .venv/bin/python benchmarks/customer_file.py [--customers 20000] [--transactions 1000000] [--busiest 20000]
"""

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BATCH = 20_000
END = date(2026, 6, 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument("--busiest", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clientela-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")

    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    migrate_database()
    started = time.perf_counter()
    ordinary, busiest, user = build(args.customers, args.transactions, args.busiest)
    print(f"database: {args.customers:,} customers, {args.transactions:,} lines and payments ({time.perf_counter() - started:.0f} s to build)")

    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(user)

    def median_ms(pk: int) -> float:
        url = reverse("web:customer_detail", args=[pk])
        assert client.get(url).status_code == 200  # warm-up
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    base, busy = median_ms(ordinary), median_ms(busiest)
    print(f"customer file, ordinary customer (baseline): {base:7.1f} ms")
    print(f"customer file, busiest customer ({args.busiest:,} lines): {busy:7.1f} ms  ratio {busy / base:.2f}  goal < 200 ms")


def build(customers: int, transactions: int, busiest: int) -> tuple[int, int, object]:
    """The database; returns an ordinary customer's id, the busiest one's and an admin."""
    from django.db import transaction as atomic

    from clientela.crm.models import Contact, Customer, Payment, Transaction, User
    from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot

    rng = random.Random(7)
    admin = User.objects.create_user("admin", password="x", role=User.Role.ADMIN, is_superuser=True, is_staff=True)
    with atomic.atomic():
        Customer.objects.bulk_create((Customer(external_id=f"C{n:07d}", name=f"Customer {n}", owner=admin) for n in range(customers)), batch_size=BATCH)
        ids = list(Customer.objects.order_by("id").values_list("id", flat=True))
        Contact.objects.bulk_create((Contact(customer_id=pk, name=f"Contact {pk}") for pk in ids for _ in range(2)), batch_size=BATCH)
        owners = [ids[0]] * busiest + rng.choices(ids[1:], k=max(transactions - busiest, 0))
        days = (END - date(2023, 7, 1)).days
        for start in range(0, len(owners), BATCH):
            chunk = owners[start : start + BATCH]
            Transaction.objects.bulk_create(
                Transaction(document_id=f"D{start + n}", line=1, customer_id=pk, date=END - timedelta(rng.randrange(days)), amount_cents=rng.randint(-500, 90_000))
                for n, pk in enumerate(chunk)
            )
            Payment.objects.bulk_create(
                Payment(reference=f"P{start + n}", customer_id=pk, date=END - timedelta(rng.randrange(days)), amount_cents=rng.randint(100, 90_000))
                for n, pk in enumerate(chunk)
            )
        scheme = Scheme.objects.get(name="abc")
        previous: dict[int, str] = {}
        for month in range(12):
            as_of = date(2025 + (6 + month) // 12, (6 + month) % 12 + 1, 1) - timedelta(days=1)
            snapshot = Snapshot.objects.create(scheme=scheme, version=1, as_of=as_of, customers=len(ids), class_counts={})
            labels = {pk: rng.choice("AABBCCCCCC") for pk in ids}
            CustomerClass.objects.bulk_create((CustomerClass(snapshot=snapshot, customer_id=pk, label=label, explanation={"rank": 1}) for pk, label in labels.items()), batch_size=BATCH)
            ClassChange.objects.bulk_create(
                (ClassChange(snapshot=snapshot, scheme=scheme, customer_id=pk, from_class=previous[pk], to_class=label, on=as_of) for pk, label in labels.items() if previous and previous[pk] != label),
                batch_size=BATCH,
            )
            previous = labels
    return ids[len(ids) // 2], ids[0], admin


if __name__ == "__main__":
    main()
