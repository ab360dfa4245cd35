"""The SQL each scheme compiles to, per dialect, compared with snapshots so that changes show in review.

Every kind in `clientela.engine.schemes.KINDS`, with its default settings, is compiled on the app's
input tables (`clientela.engine.inputs.app_inputs` over unbound tables with the schema of
`clientela.engine.schema.INPUT_TABLES`) as of a fixed date, with `ibis.to_sql(expr, dialect=d)` for
DuckDB, SQLite and PostgreSQL. The result must equal tests/engine/snapshots/<kind>.<dialect>.sql.

When a change to the engine (or to Ibis/sqlglot) changes the SQL on purpose, regenerate the
snapshots and review the diff before committing them:

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest -q tests/engine/test_sql_snapshots.py

The compiled SQL is deterministic: the same across processes, hash seeds and compilation order
(checked when these tests were written; a run that compiled different SQL would fail here).
"""

import os
from datetime import date
from functools import cache
from pathlib import Path

import ibis
import ibis.backends.sql.compilers as compilers
import pyarrow as pa
import pytest

from clientela.engine.inputs import Inputs, app_inputs
from clientela.engine.schema import INPUT_TABLES
from clientela.engine.schemes import KINDS, MatrixScheme
from tests.fixtures.engines import SCHEMES

SNAPSHOTS = Path(__file__).parent / "snapshots"
DIALECTS = ("duckdb", "sqlite", "postgres")
AS_OF = date(2024, 6, 30)
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


class UnboundTables:
    """Stands in for a connection: `table(name)` is an unbound table with the engine's input schema."""

    def table(self, name: str) -> ibis.Table:
        return ibis.table(INPUT_TABLES[name].columns, name=name)


def compiled(kind: str, dialect: str) -> str:
    return ibis.to_sql(KINDS[kind]().classify(app_inputs(UnboundTables()), AS_OF), dialect=dialect) + "\n"


@cache
def variant_expressions() -> dict[str, ibis.Table]:
    """Every scheme variant of tests.fixtures.engines.SCHEMES over the app's inputs (and p_alive for the matrix)."""
    alive = ibis.table({"customer_id": "int64", "p_alive": "float64"}, name="alive")
    base = app_inputs(UnboundTables())
    return {
        label: scheme.classify(
            Inputs(base.transactions, base.payments, base.customers, alive if scheme.kind == "matrix" else None, base.prospects), AS_OF
        ).unbind()
        for label, scheme in SCHEMES.items()
    }


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_sql_matches_the_snapshot(kind, dialect):
    path = SNAPSHOTS / f"{kind}.{dialect}.sql"
    sql = compiled(kind, dialect)
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(sql)
        return
    assert path.exists(), f"no snapshot {path.name}: run with UPDATE_SNAPSHOTS=1 and commit it"
    assert sql == path.read_text(), f"the SQL of {kind} on {dialect} changed: review, then UPDATE_SNAPSHOTS=1"


def test_every_snapshot_belongs_to_a_scheme():
    expected = {f"{kind}.{dialect}.sql" for kind in KINDS for dialect in DIALECTS}
    assert {path.name for path in SNAPSHOTS.glob("*.sql")} == expected


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_sql_a_backend_runs_is_the_sql_shown(dialect):
    """Backends write the SQL in place (sqlglot, copy=False), which rewrites shared nodes as it goes:
    it once turned a threshold of 0.001 into the integer division 1000000000 / 1000000000000 (0) on
    PostgreSQL while `ibis.to_sql` showed the right SQL. Both ways must give the same text."""
    compiler = getattr(compilers, dialect).compiler
    for label, expr in variant_expressions().items():
        query = compiler.to_sqlglot(expr)
        shown = query.sql(dialect=compiler.dialect, pretty=True)  # on a copy: the tree stays as compiled
        run = query.sql(dialect=compiler.dialect, pretty=True, copy=False)
        assert run == shown, f"{label} on {dialect}: the SQL written in place differs"


def test_sqlite_parses_every_scheme_with_a_level_to_spare():
    """SQLite's parser refuses about twenty nested subqueries: keep every scheme a level below that.

    The deepest is the matrix with both thresholds fixed and a probability of being alive.
    """
    connection = ibis.sqlite.connect()
    for table in INPUT_TABLES.values():
        connection.create_table(table.name, schema=ibis.schema(table.columns))
    alive = connection.create_table("alive", pa.table({"customer_id": pa.array([], pa.int64()), "p_alive": pa.array([], pa.float64())}))
    base = app_inputs(connection)
    schemes = [KINDS[kind]() for kind in KINDS] + [MatrixScheme(contribution_threshold=100, stability_threshold=0.5)]
    for scheme in schemes:
        inputs = Inputs(base.transactions, base.payments, base.customers, alive if scheme.kind == "matrix" else None, base.prospects)
        sql = ibis.to_sql(scheme.classify(inputs, AS_OF), dialect="sqlite")
        connection.raw_sql(f"SELECT * FROM ({sql}) AS spare").fetchall()  # raises "parser stack overflow" when too deep
    connection.disconnect()
