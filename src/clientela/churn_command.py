"""`clientela churn`: fit a buy-till-you-die or spend model on a transaction file (no database needed)."""

from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from clientela.engine_options import DEFAULT_SPARK_MASTER, EngineName, EngineOption, SparkMasterOption, open_engine


class ChurnModelName(str, Enum):
    bgnbd = "bgnbd"
    pareto_nbd = "pareto-nbd"
    gamma_gamma = "gamma-gamma"


class TimeUnitName(str, Enum):
    day = "day"
    week = "week"
    month = "month"


def churn(
    transactions: Annotated[str, typer.Option(help="Transactions (.csv or .parquet; for Spark also a folder or hdfs://, s3a:// URI) with customer_id,date,amount.")],
    model: Annotated[ChurnModelName, typer.Option(help="The model to fit.")],
    calibration_end: Annotated[datetime, typer.Option(formats=["%Y-%m-%d"], help="Last day of the calibration period.")],
    time_unit: Annotated[TimeUnitName, typer.Option(help="Unit of recency, T and the model's rates.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print model, params, log_likelihood and n_customers as JSON.")] = False,
    output: Annotated[Optional[Path], typer.Option(help="Write per-customer predictions to this CSV.")] = None,
    engine: EngineOption = EngineName.duckdb,
    spark_master: SparkMasterOption = DEFAULT_SPARK_MASTER,
) -> None:
    """Fit a buy-till-you-die model (BG/NBD, Pareto/NBD) or the Gamma-Gamma spend model on a transaction file."""
    import json

    from clientela.cli import console, fail
    from clientela.churn import MODELS, ChurnInputError, ConvergenceError
    from clientela.churn.file_mode import fit_file
    from clientela.engine.sources import InputError, location

    # DuckDB: fit_file's own connection, within its memory cap.
    connection = open_engine(engine, spark_master) if engine is EngineName.spark else None
    try:
        fitted = fit_file(
            MODELS[model.value](), location(transactions), calibration_end=calibration_end.date(), time_unit=time_unit.value, output=output, connection=connection
        )
    except (InputError, ChurnInputError, ConvergenceError) as error:
        fail(str(error).splitlines()[0])
    result = fitted.model.result_
    if json_output:
        typer.echo(json.dumps({"model": result.model, "params": dict(result.params), "log_likelihood": result.log_likelihood, "n_customers": result.n_customers}))
    else:
        typer.echo(fitted.describe())
    if output is not None:
        console.print(f"predictions for {len(fitted.summary):,} customers written to {output}")
