"""`clientela segment` on the app database (saved schemes), and the server's daily check of the monthly run."""

import sqlite3
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tests.fixtures.server import Result, run_clientela, served

PASSWORD = "Str0ng-pass-123"
DEFAULT_SCHEMES = ["abc", "abc-count", "matrix", "profit", "prospects", "rules", "rules-share", "vip"]


def read(database: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(sql).fetchall()
    db.close()
    return rows


def lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]


def refused(result: Result) -> str:
    """The one-line error of a command that exited with code 2."""
    assert result.returncode == 2, str(result)
    [line] = lines(result)
    return line


def copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


@pytest.fixture(scope="module")
def databases(tmp_path_factory) -> dict[str, Path]:
    """Built once: "empty" (initialised) and "shop": four customers with January 2024 sales, Sol 80 % (A), Dos and
    Tres B, Cuatro C."""
    folder = tmp_path_factory.mktemp("segment")
    empty, shop = folder / "empty.db", folder / "shop.db"
    assert run_clientela("init", "--admin-password", PASSWORD, database=empty, cwd=folder).returncode == 0
    copy_database(empty, shop)
    (folder / "customers.csv").write_text("external_id,name\nC1,Bar Sol\nC2,Bar Dos\nC3,Bar Tres\nC4,Bar Cuatro\n", encoding="utf-8")
    (folder / "sales.csv").write_text(
        "document_id,customer_id,date,amount\nD1,C1,2024-01-10,800\nD2,C2,2024-01-11,100\nD3,C3,2024-01-12,60\nD4,C4,2024-01-13,40\n",
        encoding="utf-8",
    )
    for kind, file in (("customers", "customers.csv"), ("transactions", "sales.csv")):
        imported = run_clientela("import", kind, file, database=shop, cwd=folder)
        assert imported.returncode == 0, str(imported)
    return {"empty": empty, "shop": shop}


@pytest.fixture
def shop(databases, clientela, tmp_path):
    """`clientela` on tmp_path/x.db, a copy of the shop."""
    copy_database(databases["shop"], tmp_path / "x.db")
    return clientela


def test_a_saved_scheme_runs_and_prints_the_snapshot(shop, tmp_path):
    result = shop("segment", "--scheme", "abc", "--as-of", "2024-01-31")
    assert result.returncode == 0, str(result)
    assert lines(result) == ["abc v1 as of 2024-01-31: 4 customers (A 1, B 2, C 1)"]
    assert read(tmp_path / "x.db", "SELECT count(*) FROM customer_classes") == [(4,)]


def test_the_due_run_runs_every_scheme_once_as_of_the_previous_month_end(shop, tmp_path):
    assert shop("segment", "--scheme", "abc", "--as-of", "2024-01-31").returncode == 0

    due = shop("segment", "--due", "--as-of", "2024-02-10")
    assert due.returncode == 0, str(due)
    assert sorted(line.split(" v1 ")[0] for line in lines(due)) == [name for name in DEFAULT_SCHEMES if name != "abc"]
    # The prospect matrix scores the pipeline's prospects: the shop has none in it.
    assert all(" as of 2024-01-31: 4 customers " in line for line in lines(due) if not line.startswith("prospects "))
    assert "prospects v1 as of 2024-01-31: 0 customers ()" in lines(due)

    again = shop("segment", "--due", "--as-of", "2024-02-20")
    assert again.returncode == 0, str(again)
    assert lines(again) == ["no scheme run is due"]


def test_an_unknown_scheme_is_refused_in_one_line(shop):
    line = refused(shop("segment", "--scheme", "nope", "--as-of", "2024-01-31"))
    assert line == f'error: no active scheme is named "nope" (active schemes: {", ".join(DEFAULT_SCHEMES)})'


def test_an_empty_database_is_refused_in_one_line(databases, clientela, tmp_path):
    copy_database(databases["empty"], tmp_path / "x.db")
    line = refused(clientela("segment", "--scheme", "abc", "--as-of", "2024-01-31"))
    assert line == "error: there are no customers to classify: import customers and their transactions first"


def test_a_scheme_or_due_is_needed(shop):
    assert "give --scheme NAME" in refused(shop("segment"))


def test_the_server_runs_the_due_segmentation_when_it_starts(shop, tmp_path):
    today = datetime.now(timezone.utc).date()
    month_end = date.fromordinal(today.replace(day=1).toordinal() - 1).isoformat()
    database = tmp_path / "x.db"
    with served(database, tmp_path / "server") as server:
        deadline = time.monotonic() + 120
        # The run prints its snapshots once they are all stored: wait for both.
        while read(database, "SELECT count(*) FROM scheme_snapshots")[0][0] < len(DEFAULT_SCHEMES) or f"abc v1 as of {month_end}" not in server.log_text():
            assert time.monotonic() < deadline, server.log_text()
            time.sleep(0.5)
        log = server.log_text()
    assert read(database, "SELECT DISTINCT as_of FROM scheme_snapshots") == [(month_end,)]
    assert f"abc v1 as of {month_end}: 4 customers" in log


def test_the_demo_has_six_months_of_every_scheme_with_changes_and_alerts(demo_database):
    month_ends = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"]
    # A server started on the demo later adds the month ends since (its daily check).
    history = "SELECT s.name, n.as_of FROM scheme_snapshots n JOIN schemes s ON s.id = n.scheme_id WHERE n.as_of <= ?"
    assert sorted(demo_database.query(history, month_ends[-1])) == sorted((name, as_of) for name in DEFAULT_SCHEMES for as_of in month_ends)
    changed = {as_of for (as_of,) in demo_database.query('SELECT DISTINCT "on" FROM class_changes WHERE "on" <= ?', month_ends[-1])}
    assert changed == set(month_ends[1:])
    assert demo_database.query("SELECT count(*) FROM alerts WHERE kind = 'class_exit'")[0][0] > 0


def test_the_daily_jobs_sync_the_pipeline_run_due_schemes_and_plan(shop, tmp_path):
    result = shop("daily")
    assert result.returncode == 0, str(result)
    output = lines(result)
    assert output[0].startswith("pipeline: ")
    assert "lost customers who bought again: 0" in output
    assert any(line.startswith("abc v1 as of ") for line in output)
    assert read(tmp_path / "x.db", "SELECT count(DISTINCT scheme_id) FROM scheme_snapshots") == [(len(DEFAULT_SCHEMES),)]
