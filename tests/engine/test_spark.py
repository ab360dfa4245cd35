"""Every scheme and the churn summary give identical results (every column, floats bit for bit) on Spark and DuckDB.

Both engines read the same Parquet files through `read_input`, as `clientela segment --engine …`
does: the seeded dataset of test_identical_results (returns, unknown costs, split and missing
payments, exact ties, fitted probabilities alive) and the CDNOW master log (transactions only, so
the VIP register ranks invoiced amounts). Spark runs in local mode, `local[2]`, one session for
this module (starting its JVM takes seconds), stopped after it; it needs Java, which `make test` installs.
"""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from clientela.churn import summarize
from clientela.cli import app
from clientela.engine.engines import connect, spark_session
from clientela.engine.file_mode import segment_files
from clientela.engine.inputs import Inputs
from clientela.engine.schemes import KINDS
from clientela.engine.sources import InputError, read_input
from tests.churn.conftest import CALIBRATION_END, OBSERVATION_END, cdnow_log
from tests.engine.test_identical_results import AS_OF, dataset, first_difference
from tests.fixtures.engines import SCHEMES

pytestmark = pytest.mark.spark

CDNOW_AS_OF = date(1998, 6, 30)
# Prospects are scored from the pipeline's assessments in the app, not from files.
FILE_KINDS = [kind for kind in KINDS if kind != "prospects"]


@pytest.fixture(scope="module")
def spark() -> Iterator[ibis.BaseBackend]:
    session = spark_session("local[2]")
    # A few hundred customers: two shuffle partitions (one per core) instead of Spark's 200.
    session.conf.set("spark.sql.shuffle.partitions", "2")
    yield connect("spark", spark_master="local[2]")
    session.stop()  # its executor and scheduler threads would otherwise run beside the other tests


def _money(cents: list[int | None]) -> pa.Array:
    return pa.array([None if value is None else Decimal(value) / 100 for value in cents], pa.decimal128(18, 2))


@pytest.fixture(scope="session")
def seeded_files(tmp_path_factory) -> dict[str, Path]:
    """The seeded dataset as the Parquet files of file mode (amounts and profit in currency units) and p_alive."""
    folder = tmp_path_factory.mktemp("spark-seeded")
    data = dataset()
    sales, payments = list(zip(*data["sales"])), list(zip(*data["payments"]))
    files = {name: folder / f"{name}.parquet" for name in ("transactions", "payments", "alive")}
    pq.write_table(
        pa.table(
            {
                "customer_id": pa.array(sales[0], pa.int64()),
                "date": pa.array(sales[1], pa.date32()),
                "document_id": pa.array(sales[2], pa.string()),
                "units": pa.array(sales[3], pa.int64()),
                "amount": _money(sales[4]),
                "profit": _money([None if cost is None else amount - cost for amount, cost in zip(sales[4], sales[5])]),
            }
        ),
        files["transactions"],
    )
    pq.write_table(
        pa.table({"customer_id": pa.array(payments[0], pa.int64()), "date": pa.array(payments[1], pa.date32()), "amount": _money(payments[2])}),
        files["payments"],
    )
    alive = list(zip(*data["alive"]))
    pq.write_table(pa.table({"customer_id": pa.array(alive[0], pa.int64()), "p_alive": pa.array(alive[1], pa.float64())}), files["alive"])
    return files


@pytest.fixture(scope="session")
def cdnow_file(tmp_path_factory) -> Path:
    """The CDNOW master log (23,570 customers, 69,659 lines) as customer_id, date, amount."""
    log = cdnow_log("CDNOW_master.txt")
    path = tmp_path_factory.mktemp("spark-cdnow") / "cdnow.parquet"
    pq.write_table(pa.table({"customer_id": log["customer_id"], "date": log["date"].cast(pa.date32()), "amount": _money(log["amount_cents"].to_pylist())}), path)
    return path


def _inputs(connection: ibis.BaseBackend, files: dict[str, Path], alive: bool = False) -> Inputs:
    return Inputs(
        transactions=read_input(connection, files["transactions"]),
        payments=read_input(connection, files["payments"], payments=True) if "payments" in files else None,
        alive=connection.read_parquet(files["alive"]) if alive else None,
    )


def rows(table: ibis.Table) -> list[dict]:
    return sorted(table.to_pyarrow().to_pylist(), key=lambda row: row["customer_id"])


def assert_identical(spark_rows: list[dict], duckdb_rows: list[dict], label: str) -> None:
    assert len({row["class"] for row in duckdb_rows}) >= 2, "a test that classifies everyone alike proves little"
    assert spark_rows == duckdb_rows, f"{label}: spark differs from duckdb at customer {first_difference(spark_rows, duckdb_rows)}"


# Each kind with its defaults, plus the matrix with the probabilities alive and a share contribution.
SEEDED = {kind: KINDS[kind]() for kind in FILE_KINDS} | {"matrix-share-alive": SCHEMES["matrix-share-alive"]}


@pytest.mark.parametrize("label", list(SEEDED))
def test_every_scheme_is_identical_on_spark(spark, seeded_files, label):
    scheme = SEEDED[label]
    alive = label == "matrix-share-alive"
    duckdb = ibis.duckdb.connect()
    expected = rows(scheme.classify(_inputs(duckdb, seeded_files, alive), AS_OF))
    assert len(expected) == 306  # every customer of the files: 305 buyers and one who only paid
    assert_identical(rows(scheme.classify(_inputs(spark, seeded_files, alive), AS_OF)), expected, label)


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_every_scheme_is_identical_on_spark_for_cdnow(spark, cdnow_file, kind):
    scheme = KINDS[kind]()
    files = {"transactions": cdnow_file}
    expected = rows(scheme.classify(_inputs(ibis.duckdb.connect(), files), CDNOW_AS_OF))
    assert len(expected) == 23_570
    assert_identical(rows(scheme.classify(_inputs(spark, files), CDNOW_AS_OF)), expected, kind)


def test_churn_summary_is_identical_on_spark(spark, cdnow_file):
    def summary(connection: ibis.BaseBackend) -> dict[str, list]:
        log = read_input(connection, cdnow_file)
        result = summarize(log, calibration_end=CALIBRATION_END, time_unit="week", observation_end=OBSERVATION_END)
        return {name: column.tolist() for name, column in result.columns().items()}

    expected = summary(ibis.duckdb.connect())
    assert len(expected["customer_id"]) == 23_570 and max(expected["frequency"]) > 10
    assert summary(spark) == expected


def test_segment_command_on_spark_writes_the_duckdb_csv(spark, seeded_files, tmp_path):
    # In this process, the command joins the test run's Spark session (same master).
    options = ["segment", "--transactions", str(seeded_files["transactions"]), "--payments", str(seeded_files["payments"]), "--scheme", "matrix"]
    options += ["--as-of", AS_OF.isoformat()]
    outputs = {engine: tmp_path / f"{engine}.csv" for engine in ("duckdb", "spark")}
    for engine, output in outputs.items():
        result = CliRunner().invoke(app, [*options, "--engine", engine, "--output", str(output)])
        assert result.exit_code == 0, result.output
    assert "customer_id,class,value,rank,share,contribution,stability" in outputs["spark"].read_text()
    assert outputs["spark"].read_bytes() == outputs["duckdb"].read_bytes()


def test_churn_command_on_spark_prints_the_duckdb_fit(spark, cdnow_file):
    options = ["churn", "--transactions", str(cdnow_file), "--model", "bgnbd", "--calibration-end", "1997-09-30", "--time-unit", "week", "--json"]
    results = [CliRunner().invoke(app, [*options, "--engine", engine]) for engine in ("duckdb", "spark")]
    assert [result.exit_code for result in results] == [0, 0], results[1].output
    assert '"n_customers": 23570' in results[0].stdout
    assert results[1].stdout == results[0].stdout


def test_spark_reads_parquet_only(spark, tmp_path):
    path = tmp_path / "tx.csv"
    path.write_text("customer_id,date,amount\n1,2024-01-02,10.00\n")
    with pytest.raises(InputError, match=r"tx\.csv: the spark engine reads \.parquet files only \(got \.csv\)"):
        segment_files(KINDS["abc"](), path, None, AS_OF, tmp_path / "out.csv", connection=spark)


def test_a_bad_cell_is_named_by_file_row_and_column_on_spark(spark, tmp_path):
    path = tmp_path / "tx.parquet"
    days = pa.array([date(2024, 1, 2)] * 3, pa.date32())
    pq.write_table(pa.table({"customer_id": pa.array([1, 2, None], pa.int64()), "date": days, "amount": _money([100, 200, 300])}), path)
    with pytest.raises(InputError, match=r'tx\.parquet: row 3, column "customer_id": "" — expected a customer id'):
        read_input(spark, path)
