"""Fit a churn model straight from a transaction file (CSV or Parquet), in-process with DuckDB or on Spark.

The file has ``customer_id,date,amount`` as for ``clientela segment`` (read by
`clientela.engine.sources.read_input`, which names file, row and column of a bad cell). The
per-customer predictions written to a CSV file have the summary columns ``customer_id,
frequency, recency, T, monetary_value`` and then:

* BG/NBD and Pareto/NBD: ``p_alive`` (probability of being active at the calibration end),
  ``expected_purchases_next_period`` (expected purchases in the next time unit) and
  ``expected_purchases_next_year`` (in the next 365.25 days);
* Gamma-Gamma: ``expected_spend`` (expected spend per purchase).
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import ibis
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv

from clientela.churn.estimator import ChurnModel
from clientela.churn.gamma_gamma import GammaGammaModel
from clientela.churn.summary import CustomerSummary, summarize
from clientela.churn.transaction_model import TransactionModel
from clientela.churn.units import TimeUnit
from clientela.engine.sources import Location, file_connection, read_input
from clientela.formulas import FORMULA_START_REGEX, PLAIN_NUMBER_REGEX

DAYS_PER_YEAR = 365.25
# DuckDB's share of the summary: measured on 21 M lines of 1 M customers, this cap keeps the whole
# process under 1 GB without slowing the group-bys (benchmarks/churn.py).
SUMMARY_MEMORY = "512MB"


@dataclass(frozen=True)
class FileFit:
    """A model fitted on a file's customers, and their summary."""

    model: ChurnModel
    summary: CustomerSummary

    def describe(self) -> str:
        """A short summary for people: who was fitted, the parameters with their standard errors, the log-likelihood."""
        result, summary = self.model.result_, self.summary
        who = "repeat customers" if isinstance(self.model, GammaGammaModel) else "customers"
        left_out = [f"{summary.n_excluded:,} without a purchase by then"] if summary.n_excluded else []
        if result.n_excluded:
            left_out.append(f"{result.n_excluded:,} with a mean spend <= 0")
        scope = f"calibration to {summary.calibration_end}, time unit {summary.time_unit.value}" + (f"; left out: {', '.join(left_out)}" if left_out else "")
        lines = [f"{self.model.title} fitted on {result.n_customers:,} {who} ({scope})"]
        lines += [f"  {name:<6} {value:10.4f}  ± {result.standard_errors[name]:.4f}" for name, value in result.params.items()]
        lines.append(f"log-likelihood {result.log_likelihood:,.2f} ({result.iterations} iterations)")
        return "\n".join(lines)


def fit_file(
    model: ChurnModel,
    transactions: Location,
    *,
    calibration_end: date,
    time_unit: TimeUnit | str,
    output: Path | None = None,
    connection: ibis.BaseBackend | None = None,
) -> FileFit:
    """Summarise the file's customers up to ``calibration_end``, fit ``model`` on them, and write predictions to ``output``.

    The summary runs on ``connection`` (`clientela.engine.engines.connect`, e.g. Spark); by default
    on an in-process DuckDB capped at ``SUMMARY_MEMORY``.

    Raises `clientela.engine.sources.InputError` for a bad file, `ChurnInputError` for data the
    model cannot use and `ConvergenceError` when the fit does not converge.
    """
    connection = connection if connection is not None else file_connection(memory_limit=SUMMARY_MEMORY)
    summary = summarize(read_input(connection, transactions), calibration_end=calibration_end, time_unit=time_unit)
    model.fit(summary)
    if output is not None:
        pyarrow.csv.write_csv(_neutralised(predictions(model, summary)), output, pyarrow.csv.WriteOptions(quoting_style="needed"))
    return FileFit(model, summary)


def _neutralised(table: pa.Table) -> pa.Table:
    """Quote the text cells a spreadsheet would run as formulas, as `clientela.formulas.neutralise` does cell by cell."""
    for index, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            column = table.column(index)
            runnable = pc.and_(pc.match_substring_regex(column, FORMULA_START_REGEX), pc.invert(pc.match_substring_regex(column, PLAIN_NUMBER_REGEX)))
            table = table.set_column(index, field, pc.if_else(runnable, pc.binary_join_element_wise("'", column, ""), column))
    return table


def predictions(model: ChurnModel, summary: CustomerSummary) -> pa.Table:
    """The summary columns and the model's predictions per customer (see the module docstring)."""
    table = summary.to_pyarrow()
    if isinstance(model, TransactionModel):
        expected = model.expected_purchases(summary, [1.0, DAYS_PER_YEAR / summary.time_unit.days])
        table = table.append_column("p_alive", pa.array(model.probability_alive(summary)))
        table = table.append_column("expected_purchases_next_period", pa.array(expected[:, 0]))
        return table.append_column("expected_purchases_next_year", pa.array(expected[:, 1]))
    assert isinstance(model, GammaGammaModel)
    return table.append_column("expected_spend", pa.array(model.expected_spend(summary)))
