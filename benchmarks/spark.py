"""Benchmark: every segmentation scheme through the engine on DuckDB (in-process) vs Apache Spark in local mode.

Uses the Parquet files of benchmarks/segment.py (its generator: N customers × M transactions and
M / 5 payments, three years). For each scheme kind that classifies from files, with its default
parameters, it times `read_input` of both files + `scheme.classify(...)` + `.to_pyarrow()` on a
fresh DuckDB connection and on the Spark session, one after the other in this process (each after
a warm-up run on a 5,000-row file), and checks that both give every customer the same row (every
column). Spark's start-up (its JVM) is timed on its own. Spark's work happens in the JVM, a child
process: the figures are wall times, with the load average of the machine next to them.

    .venv/bin/python benchmarks/spark.py --small          # 10,000 customers × 500,000 transactions
    .venv/bin/python benchmarks/spark.py                  # 1,000,000 × 50,000,000
    .venv/bin/python benchmarks/spark.py --data-dir benchmarks/.data --schemes abc,vip --master local[2] --driver-memory 6g
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from segment import IMPLEMENTED, SRC, generate

sys.path.insert(0, str(SRC))

import ibis  # noqa: E402

from clientela.engine.engines import connect, spark_session  # noqa: E402
from clientela.engine.inputs import Inputs  # noqa: E402
from clientela.engine.schemes import KINDS  # noqa: E402
from clientela.engine.sources import read_input  # noqa: E402


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def classify(connection: ibis.BaseBackend, kind: str, tx: Path, pay: Path | None, as_of: date):
    """One scheme's classes from the files, sorted by customer id, and the seconds it took."""
    started = time.perf_counter()
    inputs = Inputs(transactions=read_input(connection, tx), payments=read_input(connection, pay, payments=True) if pay else None)
    result = KINDS[kind]().classify(inputs, as_of).to_pyarrow()
    seconds = time.perf_counter() - started
    return result.sort_by("customer_id"), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--transactions", type=int, default=50_000_000)
    parser.add_argument("--small", action="store_true", help="10,000 customers × 500,000 transactions")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2025, 12, 31))
    parser.add_argument("--schemes", default="", help="comma-separated subset of the scheme kinds (default: all that read files)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--driver-memory", default="4g", help="Spark driver memory (local mode: all of Spark's memory)")
    parser.add_argument("--data-dir", type=Path, help="where to generate (and reuse) the files; default: a temporary directory")
    parser.add_argument("--no-payments", action="store_true", help="transactions only (vip then ranks invoiced amounts)")
    args = parser.parse_args()
    if args.small:
        args.customers, args.transactions = 10_000, 500_000
    kinds = [k.strip() for k in args.schemes.split(",") if k.strip()] or list(IMPLEMENTED)
    if unknown := [k for k in kinds if k not in IMPLEMENTED]:
        parser.error(f"no benchmark for scheme kind {unknown[0]}; expected some of {', '.join(IMPLEMENTED)}")
    folder = args.data_dir.resolve() if args.data_dir else Path(tempfile.mkdtemp(prefix="clientela-spark-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(args, folder, kinds)
    finally:
        if args.data_dir is None:
            shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: Path, kinds: list[str]) -> None:
    started = time.perf_counter()
    tx, pay = generate(folder, args.customers, args.transactions, max(args.transactions // 5, 1))
    warm_tx, warm_pay = generate(folder, 200, 5_000, 1_000)
    if args.no_payments:
        pay = warm_pay = None
    print(f"data: {args.transactions:,} transactions, {args.customers:,} customers, as of {args.as_of}; ready in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    # Local mode: the driver's memory is Spark's memory; set before its JVM starts (the session below then joins it).
    os.environ["PYSPARK_SUBMIT_ARGS"] = f"--driver-memory {args.driver_memory} pyspark-shell"
    spark = connect("spark", spark_master=args.master)
    print(f"Spark {spark_session(args.master).version} on {args.master} started in {time.perf_counter() - started:.1f} s; {os.cpu_count()} cores, load {_load()}")
    print()
    print(f"| scheme | DuckDB (s) | Spark {args.master} (s) | Spark / DuckDB | customers | identical | load |")
    print("|---|---|---|---|---|---|---|")
    totals = [0.0, 0.0]
    for kind in kinds:
        for connection in (ibis.duckdb.connect(), spark):  # warm-up: imports, JIT, lazy initialisation
            classify(connection, kind, warm_tx, warm_pay, args.as_of)
        duckdb_result, duckdb_seconds = classify(ibis.duckdb.connect(), kind, tx, pay, args.as_of)
        spark_result, spark_seconds = classify(spark, kind, tx, pay, args.as_of)
        same = spark_result.equals(duckdb_result)
        totals = [totals[0] + duckdb_seconds, totals[1] + spark_seconds]
        print(
            f"| {kind} | {duckdb_seconds:.2f} | {spark_seconds:.2f} | {spark_seconds / duckdb_seconds:.1f}× | {len(duckdb_result):,} "
            f"| {'yes' if same else 'NO'} | {_load()} |",
            flush=True,
        )
        if not same:
            raise SystemExit(f"{kind}: Spark's classes differ from DuckDB's")
    print(f"| all | {totals[0]:.2f} | {totals[1]:.2f} | {totals[1] / totals[0]:.1f}× | | | |")


if __name__ == "__main__":
    main()
