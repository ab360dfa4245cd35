"""Benchmark: receivables ageing (allocation of every payment, then ageing) at the demo's scale and on a large set.

Generates customers with invoices over three years, seeded: most invoices are paid by one payment
naming them 10–40 days after their date, some late, some in part, some by a payment naming nothing,
some not yet; one customer in ten has a yearly contract of four instalments paid by payments naming
it. Then times, in the same run:

* ledger: for every customer, build its invoices, schedules and receipts from the columns (as the
  app does from its rows), `allocate` them and `age` the ledger on the as-of day;
* baseline 1: DuckDB on the same columns as Arrow tables, a plain groupby of the balance per
  customer (owed minus paid by the as-of day);
* baseline 2: DuckDB ageing by cumulative sums: per customer, money received by the as-of day pays
  the items oldest due first (window functions), what is left open goes to its bucket. It ignores
  which invoice a payment names, so its buckets may differ; its balances may not.

Prints each time, the ratios, and checks that every customer's balance is the same in the ledger
and in baseline 1.

    .venv/bin/python benchmarks/receivables.py                 # demo scale, then 100,000 customers × 2,000,000 invoices
    .venv/bin/python benchmarks/receivables.py --skip-large    # demo scale only
    .venv/bin/python benchmarks/receivables.py --skip-large --database sqlite:///clientela.db --as-of 2026-06-30   # and a built demo

With --database it also times the ageing and bonus selectors over every customer of that database
(what an admin's pages read) against an ORM groupby of each customer's invoiced and paid totals.
"""

import argparse
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pyarrow as pa

from clientela.ledger import Invoice, Receipt, Schedule, age, allocate

FIRST_DAY = date(2023, 7, 1)
AS_OF = date(2026, 6, 30)
PAYMENT_DAYS = 30


@dataclass(frozen=True)
class Data:
    """Columns sorted by customer: invoices, instalments and payments (dates as ordinals, money in cents)."""

    customers: int
    invoices: dict[str, np.ndarray]
    instalments: dict[str, np.ndarray]
    payments: dict[str, np.ndarray]


def generate(customers: int, invoices: int, seed: int = 7) -> Data:
    rng = np.random.default_rng(seed)
    first, days = FIRST_DAY.toordinal(), (AS_OF - FIRST_DAY).days + 1
    owner = np.sort(rng.integers(0, customers, invoices))
    issued = first + rng.integers(0, days, invoices)
    amount = np.maximum(100, rng.lognormal(11, 1, invoices).astype(np.int64))
    kind = rng.choice(5, invoices, p=[0.85, 0.05, 0.04, 0.03, 0.03])  # named, named late, unnamed, half named, unpaid
    delay = np.where(kind == 1, rng.integers(60, 150, invoices), rng.integers(10, 40, invoices))
    paid = np.where(kind == 3, amount // 2, amount)
    keep = (kind != 4) & (issued + delay <= AS_OF.toordinal())
    numbers = np.arange(invoices)
    contract_customers = np.arange(0, customers, 10)
    signed = first + rng.integers(0, days - 360, len(contract_customers))
    quarter = rng.lognormal(12, 0.5, len(contract_customers)).astype(np.int64)
    sequence = np.tile(np.arange(1, 5), len(contract_customers))
    due = np.repeat(signed, 4) + 90 * sequence
    instalment_paid = due - rng.integers(0, 10, len(due))
    paid_instalments = instalment_paid <= AS_OF.toordinal()
    contract_of = np.repeat(contract_customers, 4)
    payments = {
        "customer": np.concatenate([owner[keep], contract_of[paid_instalments]]),
        "on": np.concatenate([(issued + delay)[keep], instalment_paid[paid_instalments]]),
        "amount": np.concatenate([paid[keep], np.repeat(quarter, 4)[paid_instalments]]),
        "names": np.concatenate([np.where(kind[keep] == 2, -1, numbers[keep]), -2 - contract_of[paid_instalments]]),
    }
    order = np.argsort(payments["customer"], kind="stable")
    return Data(
        customers,
        {"customer": owner, "issued": issued, "amount": amount, "number": numbers},
        {"customer": contract_of, "signed": np.repeat(signed, 4), "sequence": sequence, "due": due, "amount": np.repeat(quarter, 4)},
        {name: column[order] for name, column in payments.items()},
    )


def _slices(customer_column: np.ndarray, customers: int) -> Iterator[tuple[int, int]]:
    bounds = np.searchsorted(customer_column, np.arange(customers + 1))
    return zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)


Seconds = tuple[float, float]  # wall, CPU of this process (DuckDB's threads included)


def _since(started: Seconds) -> Seconds:
    return time.perf_counter() - started[0], time.process_time() - started[1]


def _now() -> Seconds:
    return time.perf_counter(), time.process_time()


def ledger_balances(data: Data) -> tuple[Seconds, dict[int, int], tuple[int, ...]]:
    """Allocate and age every customer; return the seconds, each balance and the bucket totals."""
    started = _now()
    invoices = {name: column.tolist() for name, column in data.invoices.items()}
    instalments = {name: column.tolist() for name, column in data.instalments.items()}
    payments = {name: column.tolist() for name, column in data.payments.items()}
    day = date.fromordinal
    contracts = {customer: [] for customer in instalments["customer"]}
    for customer, signed, sequence, due, amount in zip(*instalments.values(), strict=True):
        contracts[customer].append((day(signed), (sequence, day(due), amount)))
    balances, totals = {}, [0] * 5
    invoice_slices = _slices(data.invoices["customer"], data.customers)
    payment_slices = _slices(data.payments["customer"], data.customers)
    for customer, ((i0, i1), (p0, p1)) in enumerate(zip(invoice_slices, payment_slices, strict=True)):
        owed = [
            Invoice(f"F{number}", day(issued), day(issued + PAYMENT_DAYS), amount)
            for issued, amount, number in zip(invoices["issued"][i0:i1], invoices["amount"][i0:i1], invoices["number"][i0:i1], strict=True)
        ]
        schedules = []
        if customer in contracts:
            schedules.append(Schedule(f"K{customer}", contracts[customer][0][0], tuple(part for _, part in contracts[customer])))
        receipts = [
            Receipt(day(on), amount, f"F{names}" if names >= 0 else f"K{-2 - names}" if names <= -2 else "")
            for on, amount, names in zip(payments["on"][p0:p1], payments["amount"][p0:p1], payments["names"][p0:p1], strict=True)
        ]
        ageing = age(allocate(owed, schedules, receipts), AS_OF)
        balances[customer] = ageing.balance_cents
        for index, cents in enumerate(ageing.buckets):
            totals[index] += cents
    return _since(started), balances, tuple(totals)


def _tables(data: Data) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    items = pa.table(
        {
            "customer": np.concatenate([data.invoices["customer"], data.instalments["customer"]]),
            "issued": np.concatenate([data.invoices["issued"], data.instalments["signed"]]),
            "due": np.concatenate([data.invoices["issued"] + PAYMENT_DAYS, data.instalments["due"]]),
            "amount": np.concatenate([data.invoices["amount"], data.instalments["amount"]]),
        }
    )
    money = pa.table({"customer": data.payments["customer"], "on": data.payments["on"], "amount": data.payments["amount"]})
    connection.register("items", items)
    connection.register("money", money)
    return connection


def baseline_balances(connection: duckdb.DuckDBPyConnection) -> tuple[Seconds, dict[int, int]]:
    """A plain groupby: what each customer owes by the as-of day minus what it paid."""
    started = _now()
    rows = connection.execute(
        """
        SELECT customer, coalesce(owed, 0) - coalesce(paid, 0)
        FROM (SELECT customer, sum(amount) AS owed FROM items WHERE issued <= $day GROUP BY customer)
        FULL JOIN (SELECT customer, sum(amount) AS paid FROM money WHERE "on" <= $day GROUP BY customer) USING (customer)
        """,
        {"day": AS_OF.toordinal()},
    ).fetchall()
    return _since(started), {int(customer): int(balance) for customer, balance in rows}


def baseline_buckets(connection: duckdb.DuckDBPyConnection) -> tuple[Seconds, tuple[int, ...]]:
    """Oldest-due-first ageing by cumulative sums, ignoring the invoices payments name."""
    started = _now()
    row = connection.execute(
        """
        WITH owed AS (
            SELECT customer, due, amount, sum(amount) OVER (PARTITION BY customer ORDER BY due, issued ROWS UNBOUNDED PRECEDING) AS upto
            FROM items WHERE issued <= $day
        ), paid AS (SELECT customer, sum(amount) AS paid FROM money WHERE "on" <= $day GROUP BY customer),
        open AS (
            SELECT $day - due AS late, least(amount, greatest(0, upto - coalesce(paid, 0))) AS open
            FROM owed LEFT JOIN paid USING (customer)
        )
        SELECT sum(open) FILTER (WHERE late <= 0), sum(open) FILTER (WHERE late BETWEEN 1 AND 30),
               sum(open) FILTER (WHERE late BETWEEN 31 AND 60), sum(open) FILTER (WHERE late BETWEEN 61 AND 90),
               sum(open) FILTER (WHERE late > 90)
        FROM open
        """,
        {"day": AS_OF.toordinal()},
    ).fetchone()
    assert row is not None
    return _since(started), tuple(int(value or 0) for value in row)


def run(title: str, customers: int, invoices: int) -> None:
    started = time.perf_counter()
    data = generate(customers, invoices)
    print(
        f"\n{title}: {customers:,} customers, {invoices:,} invoices, {len(data.instalments['customer']):,} instalments, "
        f"{len(data.payments['customer']):,} payments (generated in {time.perf_counter() - started:.1f} s)"
    )
    connection = _tables(data)
    baseline_balances(connection)  # warm-up: DuckDB's first query pays for its set-up
    groupby_seconds, expected = baseline_balances(connection)
    buckets_seconds, fifo = baseline_buckets(connection)
    ledger_seconds, balances, totals = ledger_balances(data)
    differing = sum(balances.get(customer, 0) != balance for customer, balance in expected.items())
    print(f"  ledger (allocate + age, Python): {_show(ledger_seconds)}   buckets {totals}")
    print(f"  baseline groupby (DuckDB):       {_show(groupby_seconds)}   ratio {_ratio(ledger_seconds, groupby_seconds)}")
    print(f"  baseline FIFO buckets (DuckDB):  {_show(buckets_seconds)}   ratio {_ratio(ledger_seconds, buckets_seconds)}   buckets {fifo}")
    print(f"  balances equal to the groupby's for {len(expected) - differing:,} of {len(expected):,} customers")


def _ratio(seconds: Seconds, baseline: Seconds) -> str:
    return f"{seconds[0] / baseline[0]:,.0f}× wall, {seconds[1] / baseline[1]:,.0f}× CPU"


def _show(seconds: Seconds) -> str:
    return f"{seconds[0]:8.3f} s wall, {seconds[1]:8.3f} s CPU"


def run_app(database: str, as_of: date) -> None:
    """The ageing and bonus pages' reads on a database (a built demo): selectors against an ORM groupby of balances."""
    os.environ["DATABASE_URL"] = database
    from clientela.bootstrap import setup_django

    setup_django()
    from django.db.models import Sum

    from clientela.crm.models import Customer, Payment, Transaction
    from clientela.receivables.selectors.ageing import receivables_ageing
    from clientela.receivables.selectors.bonus import bonus_report

    customers = Customer.objects.all()
    print(f"\napp on {database}: {customers.count():,} customers, {Transaction.objects.count():,} transaction lines, {Payment.objects.count():,} payments")
    started = _now()
    owed = dict(Transaction.objects.filter(date__lte=as_of).order_by().values("customer_id").annotate(cents=Sum("amount_cents")).values_list("customer_id", "cents"))
    paid = dict(Payment.objects.filter(date__lte=as_of).order_by().values("customer_id").annotate(cents=Sum("amount_cents")).values_list("customer_id", "cents"))
    groupby = _since(started)
    started = _now()
    report = receivables_ageing(customers=customers, as_of=as_of)
    ageing = _since(started)
    started = _now()
    bonus_report(customers=customers, month=as_of.replace(day=1), today=as_of)
    bonus = _since(started)
    print(f"  receivables_ageing (all customers): {_show(ageing)}   ratio {_ratio(ageing, groupby)}   open {report.total.open_cents:,} cents")
    print(f"  bonus_report (all customers):       {_show(bonus)}   ratio {_ratio(bonus, groupby)}")
    print(f"  baseline ORM groupby of balances:   {_show(groupby)}   (invoiced {sum(owed.values()):,} − paid {sum(paid.values()):,} cents, contracts left out)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000, help="customers of the large set")
    parser.add_argument("--invoices", type=int, default=2_000_000, help="invoices of the large set")
    parser.add_argument("--skip-large", action="store_true", help="only the demo's scale")
    parser.add_argument("--database", help="also time the pages' reads on this database URL (e.g. a built demo)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF, help="the ageing day on --database")
    options = parser.parse_args()
    print(f"load average before: {', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores")
    run("demo scale", 2_000, 160_000)
    if not options.skip_large:
        run("large", options.customers, options.invoices)
    if options.database:
        run_app(options.database, options.as_of)


if __name__ == "__main__":
    main()
