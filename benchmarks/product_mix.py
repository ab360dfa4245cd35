"""Benchmark: the product mix (clientela.engine.product_mix) where the page runs it, on the app's SQLite database.

Builds a fresh database with the app's migrations (so the tables and indexes are the app's),
writes N transaction lines over three years (seeded: customers of Pareto-like sizes, 60 products
of falling popularity, 1 % returns, costs on most lines) with sqlite3, then times, best of
--repeat runs, each figure next to baselines measured in the same run:

    engine, everybody        product_mix over every customer (an admin's page)
    engine, 10 % customers   the same with a tenth of the customers as an IN list (a salesperson's page)
    hand-written SQL         the same figures in one sqlite3 query (checked equal, product by product)
    customers' ABC           AbcScheme on customers over the same table (what a segmentation run spends on it)
    engine on DuckDB         product_mix on an in-memory DuckDB copy of the lines

    .venv/bin/python benchmarks/product_mix.py [--rows 1000000] [--customers 20000] [--repeat 2]
"""

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

AS_OF = date(2026, 6, 30)
PRODUCTS = 60


def build(database: Path, rows: int, customers: int) -> None:
    """The app's schema by its migrations, then customers, products and lines written with sqlite3."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    migrate_database()
    from django.db import connection

    connection.close()
    rng = random.Random(11)
    sizes = list(accumulate(rng.paretovariate(1.3) for _ in range(customers)))
    popularity = list(accumulate(1 / (index + 1) for index in range(PRODUCTS)))
    start = AS_OF - timedelta(days=3 * 365)
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO customers (external_id, name, kind, address, city, postal_code, country, phone, email, channel, industry, status, "
            "custom_fields, created_at, updated_at) VALUES (?, ?, 'company', '', '', '', '', '', '', '', '', 'active', '{}', ?, ?)",
            [(f"C{n:06d}", f"Customer {n}", start.isoformat(), start.isoformat()) for n in range(customers)],
        )
        db.executemany("INSERT INTO products (sku, name, family, variety) VALUES (?, ?, '', '')", [(f"P{n:03d}", f"Product {n}") for n in range(PRODUCTS)])
        customer_ids = [row[0] for row in db.execute("SELECT id FROM customers ORDER BY id")]
        product_ids = [row[0] for row in db.execute("SELECT id FROM products ORDER BY id")]
        lines = []
        for n in range(rows):
            customer = rng.choices(customer_ids, cum_weights=sizes)[0] if n % 4 else customer_ids[n % customers]
            product = rng.choices(product_ids, cum_weights=popularity)[0]
            units = rng.randint(1, 40) * (-1 if rng.random() < 0.01 else 1)
            amount = units * rng.randint(150, 900)
            cost = round(amount * 0.6) if rng.random() < 0.9 else None
            lines.append((f"INV{n // 3:08d}", n % 3 + 1, customer, (start + timedelta(days=rng.randrange(3 * 365))).isoformat(), product, units, amount, cost))
        db.executemany(
            "INSERT INTO transactions (document_id, line, customer_id, date, product_id, units, amount_cents, cost_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines
        )
        db.execute("ANALYZE")
    db.close()


HAND_SQL = """
WITH sold AS (
  SELECT product_id,
         SUM(amount_cents) FILTER (WHERE date > :year_start) AS year,
         SUM(amount_cents) FILTER (WHERE date <= :year_start) AS year_before,
         SUM(amount_cents) FILTER (WHERE date > :quarter_start) AS quarter,
         SUM(amount_cents) FILTER (WHERE date > :quarter_before_start AND date <= :year_start) AS quarter_before,
         COUNT(DISTINCT customer_id) FILTER (WHERE date > :year_start AND amount_cents > 0) AS buyers
  FROM transactions
  WHERE product_id IS NOT NULL AND date > :span_start AND date <= :as_of
  GROUP BY product_id
), per AS (
  SELECT p.id AS product_id, COALESCE(year, 0) AS year, COALESCE(year_before, 0) AS year_before, COALESCE(quarter, 0) AS quarter,
         COALESCE(quarter_before, 0) AS quarter_before, COALESCE(buyers, 0) AS buyers
  FROM products p LEFT JOIN sold s ON s.product_id = p.id
), ranked AS (
  SELECT *, SUM(MAX(year, 0)) OVER () AS total,
         SUM(MAX(year, 0)) OVER (ORDER BY year DESC, product_id ROWS UNBOUNDED PRECEDING) AS cumulative
  FROM per
)
SELECT product_id,
       CASE WHEN year <= 0 THEN 'C'
            WHEN CAST(cumulative - MAX(year, 0) AS REAL) / total < 0.8 - 1e-9 THEN 'A'
            WHEN CAST(cumulative - MAX(year, 0) AS REAL) / total < 0.95 - 1e-9 THEN 'B' ELSE 'C' END AS class,
       year, year_before, quarter, quarter_before, buyers
FROM ranked ORDER BY product_id
"""


def best(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "mix.db"
        started = time.perf_counter()
        build(database, options.rows, options.customers)
        print(f"{options.rows:,} lines, {options.customers:,} customers, {PRODUCTS} products written in {time.perf_counter() - started:.0f} s")

        import ibis

        from clientela.engine.inputs import Inputs
        from clientela.engine.product_mix import ProductMix, product_mix
        from clientela.engine.window import months_before

        mix = ProductMix()
        sqlite = ibis.sqlite.connect(str(database))
        lines, products = sqlite.table("transactions"), sqlite.table("products")
        tenth = [row[0] for row in sqlite.raw_sql("SELECT id FROM customers WHERE id % 10 = 0").fetchall()]
        figures = ("product_id", "class", "year", "year_before", "quarter", "quarter_before", "buyers")

        def engine(table: ibis.Table) -> list[tuple]:
            rows = product_mix(table, products, AS_OF, mix).order_by("product_id").to_pyarrow().to_pylist()
            return [tuple(row[name] for name in figures) for row in rows]

        def hand() -> list[tuple]:
            with sqlite3.connect(database) as db:
                marks = {
                    "as_of": AS_OF, "span_start": months_before(AS_OF, 24), "year_start": months_before(AS_OF, 12),
                    "quarter_start": months_before(AS_OF, 3), "quarter_before_start": months_before(AS_OF, 15),
                }  # fmt: skip
                rows = db.execute(HAND_SQL, {name: day.isoformat() for name, day in marks.items()}).fetchall()
            db.close()
            return rows

        everybody, engine_rows = best(lambda: engine(lines), options.repeat)
        some, _ = best(lambda: engine(lines.filter(lines.customer_id.isin(tenth))), options.repeat)
        by_hand, hand_rows = best(hand, options.repeat)
        customers_abc, _ = best(lambda: mix.abc.classify(Inputs(lines), AS_OF).to_pyarrow(), options.repeat)
        duck = ibis.duckdb.connect()
        copy = duck.create_table("transactions", lines.select("customer_id", "product_id", "date", "document_id", "units", "amount_cents", "cost_cents").to_pyarrow())
        duck_products = duck.create_table("products", products.select("id").to_pyarrow())
        on_duckdb, _ = best(lambda: product_mix(copy, duck_products, AS_OF, mix).to_pyarrow(), options.repeat)
        sqlite.disconnect()
        if engine_rows != hand_rows:
            sys.exit("the engine and the hand-written SQL disagree")
        print("engine and hand-written SQL agree on every product's class, figures and buyers")
        for label, seconds, ratio in [
            ("engine, everybody", everybody, everybody / by_hand),
            (f"engine, 10 % customers ({len(tenth):,})", some, some / by_hand),
            ("hand-written SQL (sqlite3)", by_hand, 1.0),
            ("customers' ABC (engine)", customers_abc, customers_abc / by_hand),
            ("engine on DuckDB (copy)", on_duckdb, on_duckdb / by_hand),
        ]:
            print(f"{label:<36} {seconds:7.2f} s   {ratio:5.2f}x the hand-written SQL")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
