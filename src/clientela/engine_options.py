"""The `--engine` and `--spark-master` options of the file-mode commands (`clientela segment`, `clientela churn`).

Spark is imported only when `--engine spark` is chosen, so DuckDB runs start as fast as before.
"""

from enum import Enum
from typing import Annotated

import ibis
import typer

from clientela.engine.engines import DEFAULT_SPARK_MASTER, EngineUnavailable, connect


class EngineName(str, Enum):
    duckdb = "duckdb"
    spark = "spark"


EngineOption = Annotated[EngineName, typer.Option(help="File mode: run on DuckDB in this process, or on Apache Spark (Parquet files).")]
SparkMasterOption = Annotated[
    str, typer.Option(help="With --engine spark: the Spark master, e.g. local[2], spark://host:7077, yarn.")
]


def open_engine(engine: EngineName, spark_master: str) -> ibis.BaseBackend:
    """A connection to the chosen engine, or a one-line error (exit code 2) when it cannot start."""
    from clientela.cli import fail

    try:
        return connect(engine.value, spark_master=spark_master)
    except EngineUnavailable as error:
        fail(str(error))
        raise  # not reached: fail() exits


__all__ = ["DEFAULT_SPARK_MASTER", "EngineName", "EngineOption", "SparkMasterOption", "open_engine"]
