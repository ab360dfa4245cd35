"""The engines file mode runs on: DuckDB in-process (the default) or Apache Spark through Ibis's pyspark backend.

Spark is imported only when asked for: it needs the optional `spark` extra (pyspark) and Java.
"""

from typing import TYPE_CHECKING

import ibis

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

ENGINES = ("duckdb", "spark")
DEFAULT_SPARK_MASTER = "local[2]"


class EngineUnavailable(RuntimeError):
    """An engine that cannot start here; the message says what to install or check."""


def connect(engine: str = "duckdb", *, spark_master: str = DEFAULT_SPARK_MASTER) -> ibis.BaseBackend:
    """A connection to `engine`: "duckdb" (in this process) or "spark".

    Spark joins (or starts) the session of `spark_master`, such as "local[2]" (two threads in a
    JVM started here) or "spark://host:7077"; its memory and other settings come from Spark's own
    configuration (``spark-defaults.conf``, ``PYSPARK_SUBMIT_ARGS``).

    Examples
    --------
    >>> connect("duckdb").name
    'duckdb'
    """
    if engine == "duckdb":
        return ibis.duckdb.connect()
    if engine == "spark":
        return ibis.pyspark.connect(spark_session(spark_master))
    raise ValueError(f'unknown engine "{engine}"; expected one of {", ".join(ENGINES)}')


def spark_session(master: str = DEFAULT_SPARK_MASTER) -> "SparkSession":
    """The Spark session of `master`, started on first use (later calls in the process get the same one).

    Results come back to Python through Arrow (Spark's default row by row conversion is slow);
    Spark logs errors only.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineUnavailable("the spark engine needs pyspark: pip install 'clientela[spark]' (and Java 17)") from None
    try:
        builder = SparkSession.builder.master(master).appName("clientela")
        builder = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").config("spark.ui.showConsoleProgress", "false")
        session = builder.getOrCreate()
    except Exception as error:  # no Java, or a master that does not answer: say so in one line
        raise EngineUnavailable(f"Spark did not start with master {master}: {str(error).strip().splitlines()[0]}") from None
    session.sparkContext.setLogLevel("ERROR")
    return session
