"""Benchmark: the churn summary and model fits of Clientela against the `lifetimes` package, same data, one run.

Generates (seeded, NumPy) N customers buying by a BG/NBD process — first purchase in the first
year, Poisson purchase days at λ ~ Gamma(0.8, 1/15 per day) until dropping out with probability
p ~ Beta(1, 12) after each repeat purchase, 1 + Poisson(0.25) lines per purchase day, Gamma-Gamma
spend — over three years (2023-01-01 … 2025-12-31), as a Parquet log ``customer_id, date,
amount_cents`` sorted by date (as a log is written). Then, each in a fresh child process with its
imports done before timing:

* Clientela: `summarize` of the Parquet file on DuckDB, memory capped as in `clientela churn`
  (calibration end = the last day, weeks),
  then `BGNBDModel`, `GammaGammaModel` (repeat customers with positive spend) and
  `ParetoNBDModel` on every customer, and `ParetoNBDModel` on the first ``--pareto-customers``;
* lifetimes (from its own venv, created under /tmp with pip if missing):
  `summary_data_from_transaction_data` (freq "D", freq_multiplier 7: the same days / 7 convention)
  on the log loaded into pandas (loading not timed), `BetaGeoFitter`, `GammaGammaFitter` at
  default settings, and `ParetoNBDFitter` on the first ``--pareto-customers`` customers only
  (lifetimes takes minutes per 100,000 customers).

It prints wall and CPU seconds, peak resident memory, the ratios, whether the two summaries agree
customer by customer, and the parameters side by side. Goals (issue 7, on 2 cores): summary of
20 M rows < 3 s and < 1 GB; BG/NBD on 1 M customers < 2 s; Pareto/NBD < 20 s; Gamma-Gamma < 1 s.
Other processes on the machine inflate wall times: the load average is printed with them.

    .venv/bin/python benchmarks/churn.py --customers 20000          # a quick run
    .venv/bin/python benchmarks/churn.py                            # 1,000,000 customers, about 20 M rows
    .venv/bin/python benchmarks/churn.py --no-lifetimes --data-dir /tmp/churnbench
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_DAY = "2023-01-01"
DAYS = 1096
LAST_DAY = "2025-12-31"
LIFETIMES_VENV = Path("/tmp/clientela-lifetimes")
GOALS = {"summary": 3.0, "bgnbd": 2.0, "pareto-nbd": 20.0, "gamma-gamma": 1.0}
GOAL_SUMMARY_BYTES = 1024**3


# --------------------------------------------------------------------------------------------
# Data


def generate(customers: int, seed: int, path: Path) -> int:
    """Write the log as Parquet; return its number of rows."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    first = rng.integers(0, 365, customers)
    rate = rng.gamma(0.8, 1 / 15, customers)
    repeats = np.minimum(rng.geometric(rng.beta(1.0, 12.0, customers)), 400)  # dropout after the last of these
    owner = np.repeat(np.arange(customers), repeats)
    gaps = rng.exponential(1.0, len(owner)) / rate[owner]
    ends = np.cumsum(repeats)
    elapsed = np.cumsum(gaps)
    elapsed -= np.repeat(np.r_[0.0, elapsed[ends[:-1] - 1]], repeats)  # restart the sum at each customer
    day = first[owner] + np.floor(elapsed).astype(np.int64)
    kept = day < DAYS
    buyer = np.r_[np.arange(customers), owner[kept]]
    day = np.r_[first, day[kept]]
    lines = 1 + rng.poisson(0.25, len(buyer))
    nu = rng.gamma(4.0, 1 / 15.0, customers)  # Gamma-Gamma: spend rate per customer
    value = rng.gamma(6.0, 1 / nu[buyer])
    buyer, day, cents = np.repeat(buyer, lines), np.repeat(day, lines), np.round(np.repeat(value / lines, lines) * 100).astype(np.int64)
    order = np.lexsort((rng.random(len(day)), day))
    dates = (np.datetime64(FIRST_DAY) + day[order]).astype("datetime64[D]")
    pq.write_table(pa.table({"customer_id": buyer[order], "date": dates, "amount_cents": cents[order]}), path, row_group_size=1_000_000)
    return len(order)


# --------------------------------------------------------------------------------------------
# Children: one process per tool, result as JSON on stdout


def _measure(run):
    """(result, wall s, CPU s) of run()."""
    before, started = os.times(), time.perf_counter()
    result = run()
    after = os.times()
    return result, time.perf_counter() - started, (after.user - before.user) + (after.system - before.system)


def _peak() -> int:
    """This process's peak resident memory in bytes (VmHWM: ru_maxrss would carry the parent's peak over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child_clientela(data: Path, pareto_customers: int) -> dict:
    from datetime import date

    import numpy as np

    from clientela.churn import BGNBDModel, GammaGammaModel, ParetoNBDModel, summarize
    from clientela.churn.file_mode import SUMMARY_MEMORY
    from clientela.engine.sources import file_connection

    connection = file_connection(memory_limit=SUMMARY_MEMORY)
    rss_before = _peak()
    summary, wall, cpu = _measure(lambda: summarize(connection.read_parquet(data), calibration_end=date.fromisoformat(LAST_DAY), time_unit="week"))
    out = {"summary": {"wall": wall, "cpu": cpu, "peak": _peak(), "before": rss_before, "customers": len(summary), "load": os.getloadavg()[0]}}
    subset = {name: summary[name][:pareto_customers] for name in ("frequency", "recency", "T")}
    for key, model, data_ in (
        ("bgnbd", BGNBDModel(), summary),
        ("gamma-gamma", GammaGammaModel(), summary),
        ("pareto-nbd", ParetoNBDModel(), summary),
        ("pareto-nbd-subset", ParetoNBDModel(), subset),
    ):
        _, wall, cpu = _measure(lambda m=model, d=data_: m.fit(d))
        out[key] = {"wall": wall, "cpu": cpu, "params": model.params_, "n": model.n_customers_, "iterations": model.n_iter_, "load": os.getloadavg()[0]}
    np.savez(data.with_suffix(".clientela.npz"), customer_id=summary.customer_id, frequency=summary.frequency, recency=summary.recency, T=summary.T, monetary_value=summary.monetary_value)
    return out


def child_lifetimes(data: Path, pareto_customers: int) -> dict:
    import warnings

    import numpy as np
    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
    from lifetimes.utils import summary_data_from_transaction_data

    log = pd.read_parquet(data)
    log["amount"] = log["amount_cents"] / 100
    log["date"] = pd.to_datetime(log["date"])
    rss_before = _peak()
    summary, wall, cpu = _measure(
        lambda: summary_data_from_transaction_data(log, "customer_id", "date", monetary_value_col="amount", observation_period_end=LAST_DAY, freq="D", freq_multiplier=7)
    )
    out = {"summary": {"wall": wall, "cpu": cpu, "peak": _peak(), "before": rss_before, "customers": len(summary), "load": os.getloadavg()[0]}}
    del log
    summary = summary.sort_index()
    repeat = summary[(summary.frequency > 0) & (summary.monetary_value > 0)]
    subset = summary.iloc[:pareto_customers]
    for key, fitter, fit in (
        ("bgnbd", BetaGeoFitter(), lambda f: f.fit(summary["frequency"], summary["recency"], summary["T"])),
        ("gamma-gamma", GammaGammaFitter(), lambda f: f.fit(repeat.frequency, repeat.monetary_value)),
        ("pareto-nbd-subset", ParetoNBDFitter(), lambda f: f.fit(subset["frequency"], subset["recency"], subset["T"])),
    ):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                _, wall, cpu = _measure(lambda f=fitter, run=fit: run(f))
                params = {name: float(value) for name, value in fitter.params_.items()}
                error = None
            except Exception as failure:  # lifetimes raises ConvergenceError and others: report, go on
                wall = cpu = float("nan")
                params, error = {}, f"{type(failure).__name__}: {str(failure).splitlines()[0][:200]}"
        notes = sorted({str(w.message).splitlines()[0][:120] for w in caught})
        out[key] = {"wall": wall, "cpu": cpu, "params": params, "error": error, "warnings": notes, "load": os.getloadavg()[0]}
    np.savez(data.with_suffix(".lifetimes.npz"), customer_id=summary.index.to_numpy(), frequency=summary.frequency.to_numpy(), recency=summary.recency.to_numpy(), T=summary["T"].to_numpy(), monetary_value=summary.monetary_value.to_numpy())
    return out


# --------------------------------------------------------------------------------------------
# Parent


def lifetimes_python() -> tuple[Path | None, str]:
    """The python of a venv with lifetimes (created with pip under /tmp if missing), or None and why."""
    python = LIFETIMES_VENV / "bin" / "python"
    if not python.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(LIFETIMES_VENV)], capture_output=True, text=True, check=False)
        if made.returncode != 0:
            return None, f"cannot create a venv: {made.stderr.strip()[-200:]}"
    probe = subprocess.run([str(python), "-c", "import lifetimes, pyarrow"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        installed = subprocess.run([str(python), "-m", "pip", "install", "-q", "lifetimes", "pyarrow"], capture_output=True, text=True, check=False)
        if installed.returncode != 0:
            return None, f"pip install lifetimes failed: {installed.stderr.strip().splitlines()[-1] if installed.stderr.strip() else '?'}"
    version = subprocess.run([str(python), "-c", "import lifetimes, pandas; print(lifetimes.__version__, pandas.__version__)"], capture_output=True, text=True, check=False)
    return python, f"lifetimes {version.stdout.split()[0]} (pandas {version.stdout.split()[1]}) from {LIFETIMES_VENV}"


def run_child(python: Path, tool: str, data: Path, pareto_customers: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [str(python), __file__, "--child", tool, "--data", str(data), "--pareto-customers", str(pareto_customers)],
        capture_output=True, text=True, check=False, env=env,
    )
    if done.returncode != 0:
        raise SystemExit(f"{tool} child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare_summaries(data: Path) -> str:
    import numpy as np

    ours, theirs = np.load(data.with_suffix(".clientela.npz"), allow_pickle=True), np.load(data.with_suffix(".lifetimes.npz"), allow_pickle=True)
    if not np.array_equal(ours["customer_id"].astype(np.int64), theirs["customer_id"].astype(np.int64)):
        return "different customers"
    gaps = {name: float(np.max(np.abs(ours[name] - theirs[name]))) for name in ("frequency", "recency", "T", "monetary_value")}
    return ", ".join(f"{name} max |diff| {gap:.2g}" for name, gap in gaps.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pareto-customers", type=int, default=100_000, help="customers of the Pareto/NBD fit compared with lifetimes")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/clientela-churn-bench"))
    parser.add_argument("--no-lifetimes", action="store_true", help="time Clientela alone")
    parser.add_argument("--child", choices=["clientela", "lifetimes"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run = child_clientela if args.child == "clientela" else child_lifetimes
        print(json.dumps(run(args.data, args.pareto_customers)))
        return

    args.data_dir.mkdir(parents=True, exist_ok=True)
    data = args.data_dir / f"log-{args.customers}-{args.seed}.parquet"
    if not data.exists():
        started = time.perf_counter()
        rows = generate(args.customers, args.seed, data)
        print(f"generated {rows:,} rows for {args.customers:,} customers in {time.perf_counter() - started:.0f} s: {data}")
    else:
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(data).metadata.num_rows
        print(f"reusing {data} ({rows:,} rows)")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the run")
    ours = run_child(Path(sys.executable), "clientela", data, args.pareto_customers)
    theirs, note = None, "lifetimes not run (--no-lifetimes)"
    if not args.no_lifetimes:
        python, note = lifetimes_python()
        theirs = run_child(python, "lifetimes", data, args.pareto_customers) if python else None
    print(f"comparison: {note}")
    report(ours, theirs, rows, args.customers, args.pareto_customers)
    if theirs:
        print(f"summaries customer by customer: {compare_summaries(data)}")


def report(ours: dict, theirs: dict | None, rows: int, customers: int, pareto_customers: int) -> None:
    def line(label: str, key: str, goal: float | None) -> None:
        mine = ours[key]
        text = f"{label:<38} clientela {mine['wall']:7.2f} s (cpu {mine['cpu']:6.2f}, load {mine['load']:.1f})"
        if theirs and key in theirs:
            other = theirs[key]
            if other.get("error"):
                text += f" | lifetimes failed: {other['error']}"
            else:
                text += f" | lifetimes {other['wall']:8.2f} s (cpu {other['cpu']:7.2f}) | {other['wall'] / mine['wall']:6.1f}x faster"
        if goal is not None:
            text += f" | goal < {goal:g} s: {'met' if mine['wall'] < goal else 'MISSED'}"
        print(text)

    summary = ours["summary"]
    print(f"\n{rows:,} transaction lines, {customers:,} customers ({summary['customers']:,} summarised)")
    line(f"summary of {rows / 1e6:.1f} M rows", "summary", GOALS["summary"] if rows >= 15e6 else None)
    peak = summary["peak"]
    text = f"{'  peak memory':<38} clientela {peak / 1e6:7.0f} MB (process, {(peak - summary['before']) / 1e6:.0f} MB for the summary)"
    if theirs:
        other = theirs["summary"]
        text += f" | lifetimes {other['peak'] / 1e6:.0f} MB ({(other['peak'] - other['before']) / 1e6:.0f} MB for the summary, after loading the log)"
    print(text + f" | goal < 1 GB: {'met' if peak < GOAL_SUMMARY_BYTES else 'MISSED'}")
    big = customers >= 1_000_000
    line(f"BG/NBD fit, {ours['bgnbd']['n']:,} customers", "bgnbd", GOALS["bgnbd"] if big else None)
    line(f"Gamma-Gamma fit, {ours['gamma-gamma']['n']:,} customers", "gamma-gamma", GOALS["gamma-gamma"] if big else None)
    line(f"Pareto/NBD fit, {ours['pareto-nbd']['n']:,} customers", "pareto-nbd", GOALS["pareto-nbd"] if big else None)
    line(f"Pareto/NBD fit, {ours['pareto-nbd-subset']['n']:,} customers", "pareto-nbd-subset", None)
    print("\nparameters (clientela | lifetimes | relative difference)")
    for key in ("bgnbd", "gamma-gamma", "pareto-nbd-subset"):
        mine = ours[key]["params"]
        other = theirs[key]["params"] if theirs else {}
        cells = []
        for name, value in mine.items():
            their = other.get(name)
            cells.append(f"{name} {value:.4f}" + (f" | {their:.4f} | {abs(value - their) / abs(their):.1e}" if their is not None else ""))
        print(f"  {key:<18} " + ";  ".join(cells))
        if theirs and theirs[key].get("warnings"):
            print(f"  {'':<18} lifetimes warned: {' / '.join(theirs[key]['warnings'])}")


if __name__ == "__main__":
    main()
