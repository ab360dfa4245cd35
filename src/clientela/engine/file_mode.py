"""Segment customers straight from transaction/payment files (CSV or Parquet), in-process with DuckDB or on Spark."""

import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import ibis
from ibis.expr.types import Table

from clientela.engine.customer_metrics import MONEY_METRICS
from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric, in_window
from clientela.engine.schemes import Scheme, VipScheme
from clientela.engine.sources import InputError, Location, fetch, read_input
from clientela.formulas import FORMULA_START_REGEX, PLAIN_NUMBER_REGEX


@dataclass(frozen=True)
class FileResult:
    """What a file-mode run produced: customers classified and how many per class."""

    customers: int
    classes: dict[str, int]


def segment_files(
    scheme: Scheme, transactions: Location, payments: Location | None, as_of: date, output: Path | None, *, connection: ibis.BaseBackend | None = None
) -> FileResult:
    """Classify every customer of the files as of `as_of` and write the result as CSV (stdout without `output`).

    The files are read and classified on `connection` (`clientela.engine.engines.connect`; default
    an in-process DuckDB). Raises InputError naming file, row and column for bad input, and when
    the window holds no data.
    """
    connection = connection if connection is not None else ibis.duckdb.connect()
    sales = read_input(connection, transactions)
    paid = read_input(connection, payments, payments=True) if payments is not None else None
    if paid is not None and sales.customer_id.type() != paid.customer_id.type():
        # Integer ids in one file and text in the other: compare them as text.
        sales, paid = (table.mutate(customer_id=table.customer_id.cast("string")) for table in (sales, paid))
    inputs = Inputs(transactions=sales, payments=paid)
    _require_data(connection, scheme, inputs, transactions, payments, as_of)
    classes = readable(scheme.classify(inputs, as_of), scheme).order_by("rank")
    if connection.name != "duckdb":
        # The classes come back (one row per customer) and DuckDB writes them: the same CSV from every engine.
        connection = ibis.duckdb.connect()
        classes = ibis.memtable(classes.to_pyarrow())
    result = connection.create_table("result", classes, temp=True)
    _write_csv(result, output)
    counts = fetch(connection, result.group_by("class").aggregate(n=result.count()))
    return FileResult(sum(row["n"] for row in counts), {row["class"]: row["n"] for row in counts})


def neutralised(table: Table) -> Table:
    """Quote the text cells a spreadsheet would run as formulas, as `clientela.formulas.neutralise` does cell by cell."""
    return table.mutate(
        **{
            name: ibis.ifelse(table[name].re_search(FORMULA_START_REGEX) & ~table[name].re_search(PLAIN_NUMBER_REGEX), ibis.literal("'").concat(table[name]), table[name])
            for name in table.columns
            if table[name].type().is_string()
        }
    )


def _write_csv(result: Table, output: Path | None) -> None:
    result = neutralised(result)
    if output is not None:
        result.to_csv(output)
        return
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "classes.csv"
        result.to_csv(path)
        with path.open("rb") as file:
            shutil.copyfileobj(file, sys.stdout.buffer)


def _require_data(connection: ibis.BaseBackend, scheme: Scheme, inputs: Inputs, transactions: Location, payments: Location | None, as_of: date) -> None:
    if isinstance(scheme, VipScheme):
        first, last = scheme.period(as_of)
        source, path = (inputs.payments, payments) if inputs.payments is not None else (inputs.transactions, transactions)
        assert source is not None
        if not _any_row(connection, source.filter((source.date >= first) & (source.date <= last))):
            raise InputError(f"{path}: no rows in the months {first:%Y-%m} to {last:%Y-%m}")
        return
    if scheme.metric is Metric.PROFIT and not _any_row(connection, inputs.transactions.filter(inputs.transactions.cost_cents.notnull())):
        raise InputError(f'{transactions}: no "profit" column; the profit metric needs it (or choose another --metric)')
    if scheme.metric in (Metric.PAID, Metric.PAYMENTS) and payments is None:
        raise InputError(f"the {scheme.metric.value} metric needs a payments file (--payments PAY.csv)")
    window = scheme.window(as_of)
    checked = [(inputs.transactions, transactions)]
    if inputs.payments is not None and payments is not None and scheme.metric.value in ("paid", "payments"):
        checked = [(inputs.payments, payments)]
    for table, path in checked:
        if not _any_row(connection, in_window(table, window)):
            raise InputError(f"{path}: no rows in the window {window.start} < date <= {window.as_of}")


def _any_row(connection: ibis.BaseBackend, table: Table) -> bool:
    return bool(fetch(connection, table.select(found=ibis.literal(1)).limit(1)))


def readable(result: Table, scheme: Scheme) -> Table:
    """Money columns in currency units (cents / 100) for people to read."""
    money = set(MONEY_METRICS)
    if scheme.metric.is_money:
        money |= {"value", "contribution", "contribution_threshold"}
    return result.mutate(
        **{
            # Whole cents print with two decimals; medians and means may fall between cents.
            name: (result[name] / 100).cast("decimal(38, 2)") if result[name].type().is_integer() else (result[name] / 100).round(4)
            for name in result.columns
            if name in money
        }
    )
