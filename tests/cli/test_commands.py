"""`clientela init|import|export|backup|restore`, run as the installed console script.

Every command runs in tmp_path on tmp_path/x.db (see tests/fixtures/server.py), checked with sqlite3.
"""

import csv
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.fixtures.server import Result

STRONG_PASSWORD = "Str0ng-pass-123"

TRANSACTIONS = """
    SELECT t.document_id, t.line, c.external_id, t.date, p.sku, t.units, t.amount_cents, t.cost_cents
    FROM transactions t JOIN customers c ON c.id = t.customer_id LEFT JOIN products p ON p.id = t.product_id
    ORDER BY t.document_id, t.line
"""
CUSTOMERS = """
    SELECT c.external_id, c.name, c.kind, r.code, c.address, c.city, c.postal_code, c.country, c.latitude, c.longitude,
           c.phone, c.email, c.channel, c.industry, c.status, c.customer_since, c.founded_on
    FROM customers c LEFT JOIN regions r ON r.id = c.region_id
    ORDER BY c.external_id
"""


def read(database: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(sql, params).fetchall()
    db.close()
    return rows


def write(database: Path, *statements: str) -> None:
    with sqlite3.connect(database) as db:
        for statement in statements:
            db.execute(statement)
    db.close()


def copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


def assert_ok(result: Result) -> None:
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.output, str(result)


def assert_user_error(result: Result, *fragments: str) -> None:
    """Exit code 2, a message naming what is wrong, and no stack trace."""
    assert result.returncode == 2, str(result)
    assert "Traceback" not in result.output, str(result)
    said = " ".join(result.output.split())
    for fragment in fragments:
        assert fragment in said, f"{fragment!r} not in output:\n{result}"


def without_column(source: Path, target: Path, column: str) -> Path:
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = [name for name in rows[0] if name != column]
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture
def initialised(clientela, tmp_path):
    """tmp_path/x.db created by `clientela init`, with customers C1 and C2 imported."""
    assert_ok(clientela("init", "--admin-password", STRONG_PASSWORD))
    (tmp_path / "customers.csv").write_text("external_id,name\nC1,Bar Uno\nC2,Bar Dos\n", encoding="utf-8")
    assert_ok(clientela("import", "customers", "customers.csv"))
    return clientela


# --- init -----------------------------------------------------------------------------------------


def test_init_creates_the_database_and_the_admin(clientela, tmp_path):
    result = clientela("init", "--admin-password", STRONG_PASSWORD)
    assert_ok(result)
    assert "admin admin created" in " ".join(result.output.split())
    database = tmp_path / "x.db"
    assert database.is_file()
    [(role, is_superuser, is_staff, password)] = read(
        database, "SELECT role, is_superuser, is_staff, password FROM users WHERE username = 'admin'"
    )
    assert (role, is_superuser, is_staff) == ("admin", 1, 1)
    assert STRONG_PASSWORD not in password  # stored hashed
    assert read(database, "SELECT count(*) FROM django_migrations")[0][0] > 0

    again = clientela("init", "--admin-password", STRONG_PASSWORD)
    assert_ok(again)
    assert "already exists" in again.output
    assert read(database, "SELECT count(*) FROM users") == [(1,)]


def test_init_refuses_a_weak_password_with_the_validators_message(clientela, tmp_path):
    result = clientela("init", "--admin-password", "demo")
    assert_user_error(result, "This password is too short. It must contain at least 8 characters.")
    assert read(tmp_path / "x.db", "SELECT count(*) FROM users") == [(0,)]


# --- import ---------------------------------------------------------------------------------------


def test_import_with_a_bad_date_names_row_and_column_and_writes_nothing(initialised, tmp_path):
    (tmp_path / "bad.csv").write_text(
        "document_id,customer_id,date,amount\nD1,C1,2026-01-05,10.50\nD1,C1,2026-13-45,3.00\nD2,C2,2026-01-06,-2.00\n",
        encoding="utf-8",
    )
    result = initialised("import", "transactions", "bad.csv")
    assert_user_error(result, 'row 3, column "date"', "2026-13-45", "nothing was imported")
    assert read(tmp_path / "x.db", "SELECT count(*) FROM transactions") == [(0,)]
    assert not (tmp_path / "report.csv").exists()

    reported = initialised("import", "transactions", "bad.csv", "--errors", "report.csv")
    assert_user_error(reported, 'row 3, column "date"', "report.csv")
    with (tmp_path / "report.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["row", "column", "file column", "value", "expected"]
    assert len(rows) == 2
    assert rows[1][:4] == ["3", "date", "date", "2026-13-45"]
    assert "date" in rows[1][4]


def test_import_of_a_good_file_creates_then_updates(initialised, tmp_path):
    (tmp_path / "good.csv").write_text(
        "document_id,customer_id,date,amount\nD1,C1,2026-01-05,10.50\nD1,C1,2026-01-05,3.00\nD2,C2,2026-01-06,-2.00\n",
        encoding="utf-8",
    )
    result = initialised("import", "transactions", "good.csv")
    assert_ok(result)
    assert "3 rows: 3 transactions created, 0 updated" in " ".join(result.output.split())
    assert read(tmp_path / "x.db", TRANSACTIONS) == [
        ("D1", 1, "C1", "2026-01-05", None, None, 1050, None),
        ("D1", 2, "C1", "2026-01-05", None, None, 300, None),
        ("D2", 1, "C2", "2026-01-06", None, None, -200, None),
    ]

    again = initialised("import", "transactions", "good.csv")
    assert_ok(again)
    assert "0 transactions created, 3 updated" in " ".join(again.output.split())
    assert read(tmp_path / "x.db", "SELECT count(*) FROM transactions") == [(3,)]


@pytest.mark.parametrize("command", [("import", "products", "products.csv"), ("export", "products", "out.csv")])
def test_a_database_never_initialised_is_a_clear_error(clientela, tmp_path, command):
    (tmp_path / "products.csv").write_text("sku,name\nP1,Lager\n", encoding="utf-8")
    result = clientela(*command)
    assert_user_error(result)


# --- export ---------------------------------------------------------------------------------------


def test_exported_transactions_import_into_a_fresh_database_unchanged(demo_database, clientela, tmp_path):
    for table in ("customers", "products", "transactions"):
        assert_ok(clientela("export", table, f"{table}.csv", database=demo_database.path))
    (transactions,) = demo_database.query("SELECT count(*) FROM transactions")[0]
    assert sum(1 for _ in (tmp_path / "transactions.csv").open(encoding="utf-8")) == transactions + 1

    assert_ok(clientela("init", "--admin-password", STRONG_PASSWORD))
    # Owners are users, which no import creates: import the customers without them.
    assert_ok(clientela("import", "customers", str(without_column(tmp_path / "customers.csv", tmp_path / "c.csv", "owner"))))
    assert_ok(clientela("import", "products", "products.csv"))
    result = clientela("import", "transactions", "transactions.csv")
    assert_ok(result)
    assert f"{transactions} transactions created, 0 updated" in " ".join(result.output.split())

    assert read(tmp_path / "x.db", TRANSACTIONS) == demo_database.query(TRANSACTIONS)


def test_exported_customers_import_into_a_fresh_database_unchanged(demo_database, clientela, tmp_path):
    assert_ok(clientela("export", "customers", "customers.csv", database=demo_database.path))
    assert_ok(clientela("init", "--admin-password", STRONG_PASSWORD))
    assert_ok(clientela("import", "customers", str(without_column(tmp_path / "customers.csv", tmp_path / "c.csv", "owner"))))
    assert read(tmp_path / "x.db", CUSTOMERS) == demo_database.query(CUSTOMERS)


def test_export_to_xlsx_writes_a_workbook_with_the_import_columns(demo_database, clientela, tmp_path):
    result = clientela("export", "contracts", "contracts.xlsx", database=demo_database.path)
    assert_ok(result)
    (instalments,) = demo_database.query("SELECT count(*) FROM contract_instalments")[0]
    assert f"{instalments} contracts rows written" in result.output
    workbook = load_workbook(tmp_path / "contracts.xlsx", read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    assert rows[0] == (
        "contract_id", "customer_id", "signed_date", "value", "description", "instalment", "due_date", "instalment_amount",
    )
    assert len(rows) == instalments + 1
    total = demo_database.query("SELECT sum(amount_cents) FROM contract_instalments")[0][0]
    assert round(sum(row[7] for row in rows[1:]) * 100) == total


def test_export_to_an_unsupported_file_type_is_refused(demo_database, clientela, tmp_path):
    result = clientela("export", "transactions", "out.txt", database=demo_database.path)
    assert_user_error(result, "unsupported file type .txt")
    assert not (tmp_path / "out.txt").exists()


# --- backup and restore ---------------------------------------------------------------------------


def test_backup_then_restore_brings_back_deleted_rows(demo_database, clientela, tmp_path):
    database = tmp_path / "x.db"
    copy_database(demo_database.path, database)
    payments = "SELECT id, reference, customer_id, date, amount_cents FROM payments ORDER BY id"
    transactions = "SELECT id, document_id, line, amount_cents FROM transactions ORDER BY id"
    before = read(database, payments), read(database, transactions), read(database, "SELECT id FROM customers ORDER BY id")

    result = clientela("backup", "b.db")
    assert_ok(result)
    assert (tmp_path / "b.db").is_file()

    write(
        database,
        "DELETE FROM payments WHERE id IN (SELECT id FROM payments ORDER BY id LIMIT 100)",
        "DELETE FROM transactions WHERE id % 7 = 0",
        "DELETE FROM customers WHERE id IN (SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM transactions)"
        " AND id NOT IN (SELECT customer_id FROM payments) LIMIT 3)",
    )
    assert read(database, "SELECT count(*) FROM payments")[0][0] == len(before[0]) - 100

    restored = clientela("restore", "b.db")
    assert_ok(restored)
    assert "restored" in restored.output
    after = read(database, payments), read(database, transactions), read(database, "SELECT id FROM customers ORDER BY id")
    assert after == before


def test_restore_of_a_missing_file_is_refused(demo_database, clientela, tmp_path):
    copy_database(demo_database.path, tmp_path / "x.db")
    assert_user_error(clientela("restore", "missing.db"), "missing.db", "no such backup file")
    assert read(tmp_path / "x.db", "SELECT count(*) FROM customers") == demo_database.query("SELECT count(*) FROM customers")


def test_restore_of_a_file_that_is_not_a_backup_is_refused(demo_database, clientela, tmp_path):
    copy_database(demo_database.path, tmp_path / "x.db")
    (tmp_path / "notes.db").write_text("hello", encoding="utf-8")
    assert_user_error(clientela("restore", "notes.db"), "notes.db", "not an SQLite backup")
    assert read(tmp_path / "x.db", "SELECT count(*) FROM customers") == demo_database.query("SELECT count(*) FROM customers")


def test_backup_of_a_database_that_does_not_exist_is_refused(clientela, tmp_path):
    assert_user_error(clientela("backup", "b.db"), "no such database file")
    assert not (tmp_path / "b.db").exists()
