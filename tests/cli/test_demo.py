"""`clientela demo --no-serve`, run as the installed console script on a SQLite file of its own."""

import re
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.fixtures.server import DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_USERS, demo_args


def read(database: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(sql, params).fetchall()
    db.close()
    return rows


def copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


def test_demo_builds_the_company_and_names_its_users(demo_database):
    result = demo_database.build
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert f"password {DEMO_PASSWORD}" in said
    for username in DEMO_USERS:
        assert re.search(rf"\b{username}\b", said), f"{username} is not named in: {said}"

    assert demo_database.query("SELECT count(*) FROM customers") == [(DEMO_CUSTOMERS,)]
    usernames = {name for (name,) in demo_database.query("SELECT username FROM users")}
    assert set(DEMO_USERS) <= usernames
    roles = dict(demo_database.query("SELECT username, role FROM users"))
    assert roles["admin"] == "admin"
    assert roles["supervisor1"] == roles["supervisor2"] == "supervisor"
    assert {roles[f"sales{n}"] for n in range(1, 9)} == {"salesperson"}
    (transactions,) = demo_database.query("SELECT count(*) FROM transactions")[0]
    (payments,) = demo_database.query("SELECT count(*) FROM payments")[0]
    assert transactions > 0
    assert payments > 0
    # The summary printed agrees with what was written.
    assert f"{DEMO_CUSTOMERS:,} customers" in said
    assert f"{transactions:,} transaction lines" in said
    assert f"{payments:,} payments" in said
    # History ends on --end.
    assert demo_database.query("SELECT max(date) FROM transactions")[0][0] <= "2026-06-30"


def test_demo_refuses_to_mix_with_existing_data_unless_reset(demo_database, clientela, tmp_path):
    database = tmp_path / "x.db"
    copy_database(demo_database.path, database)

    refused = clientela(*demo_args(customers=10))
    assert refused.returncode == 2, str(refused)
    assert "--reset" in refused.output
    assert "Traceback" not in refused.output
    assert read(database, "SELECT count(*) FROM customers") == [(DEMO_CUSTOMERS,)]

    replaced = clientela(*demo_args(customers=10), "--reset")
    assert replaced.returncode == 0, str(replaced)
    assert "Traceback" not in replaced.output
    assert read(database, "SELECT count(*) FROM customers") == [(10,)]
    assert read(database, "SELECT count(*) FROM users") == [(len(DEMO_USERS),)]
    assert read(database, "SELECT count(*) FROM transactions")[0][0] > 0


def test_demo_is_deterministic_for_a_seed_and_end_date(clientela, tmp_path):
    databases = [tmp_path / "a.db", tmp_path / "b.db"]
    with ThreadPoolExecutor(max_workers=2) as pool:  # two independent processes, built side by side
        results = list(pool.map(lambda database: clientela(*demo_args(customers=100), database=database), databases))
    for result in results:
        assert result.returncode == 0, str(result)
    first, second = (read(database, "SELECT document_id, line, date, amount_cents FROM transactions ORDER BY 1, 2") for database in databases)
    assert len(first) > 0
    assert first == second
