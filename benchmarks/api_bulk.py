"""Benchmark: a bulk creation of 10,000 transaction lines through the API, against the service the imports use.

Builds a SQLite database in a temporary folder with `--customers` customers of one salesperson,
then, `--repeat` times each with fresh document ids, writes 10,000 lines: straight through
`transactions_upsert` (the baseline: the write alone) and through `POST /api/v1/transactions/bulk`
with Django's test client (the whole server side: token, JSON parsing, validation of every row,
the visibility and uniqueness checks, the write and the stored idempotent answer). Prints the
medians, the ratio, and the time of replaying an answer (same Idempotency-Key and body).

    .venv/bin/python benchmarks/api_bulk.py [--customers 1000] [--rows 10000] [--repeat 3]
"""

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clientela-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")

    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    migrate_database()
    from django.test import Client

    from clientela.api.services import token_create
    from clientela.crm.models import Customer, User
    from clientela.crm.services.business import transactions_upsert

    salesperson = User.objects.create_user("sales", password="x", role=User.Role.SALESPERSON)
    Customer.objects.bulk_create(Customer(external_id=f"C{n:06d}", name=f"Customer {n}", owner=salesperson) for n in range(args.customers))
    ids = list(Customer.objects.values_list("id", flat=True))
    key = token_create(user=salesperson).key
    client = Client()
    first = date(2026, 1, 1)

    def rows(run: str) -> list[dict]:
        return [
            {"document_id": f"{run}-{n // 3:06d}", "line": n % 3 + 1, "customer_id": ids[n % len(ids)], "date": str(first + timedelta(days=n % 180)), "amount_cents": 1000 + n}
            for n in range(args.rows)
        ]

    def service(run: str) -> float:
        lines = [(r["document_id"], r["line"], r["customer_id"], date.fromisoformat(r["date"]), None, None, r["amount_cents"], None) for r in rows(run)]
        start = time.perf_counter()
        transactions_upsert(rows=lines)
        return time.perf_counter() - start

    def api(run: str, idempotency_key: str) -> float:
        body = json.dumps({"rows": rows(run)})
        headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": idempotency_key}
        start = time.perf_counter()
        response = client.post("/api/v1/transactions/bulk", data=body, content_type="application/json", headers=headers)
        elapsed = time.perf_counter() - start
        assert response.status_code == 201, response.content[:500]
        return elapsed

    assert client.get("/api/v1/customers", headers={"Authorization": f"Bearer {key}"}).status_code == 200  # warm-up: URLs, imports
    baseline = statistics.median(service(f"S{n}") for n in range(args.repeat))
    through_api = statistics.median(api(f"A{n}", f"key-{n}") for n in range(args.repeat))
    replay = statistics.median(api(f"A{n}", f"key-{n}") for n in range(args.repeat))
    print(f"database: {args.customers:,} customers; {args.rows:,} lines per write, median of {args.repeat}")
    print(f"transactions_upsert (baseline):        {baseline * 1000:8.0f} ms")
    print(f"POST /api/v1/transactions/bulk:        {through_api * 1000:8.0f} ms  ratio {through_api / baseline:.2f}")
    print(f"same Idempotency-Key and body (replay): {replay * 1000:8.0f} ms  ratio {replay / baseline:.2f}")


if __name__ == "__main__":
    main()
