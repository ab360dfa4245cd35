"""`clientela import` and the pipeline: new customers that look like others listed (--duplicates FILE) or refused, stages following payments."""

import csv

from tests.cli.test_commands import STRONG_PASSWORD, assert_ok, assert_user_error, read

FILE = """external_id,name,city,email
C1,Bar Uno,Bilbao,uno@bar.es
C2,Bar Uno S.L.,Bilbao,
C3,Luna,Segovia,luna@cafe.es
C4,Otra Luna,Avila,LUNA@cafe.es
"""


def test_suspected_duplicates_are_imported_and_listed(clientela, tmp_path):
    assert_ok(clientela("init", "--admin-password", STRONG_PASSWORD))
    (tmp_path / "customers.csv").write_text(FILE, encoding="utf-8")
    result = clientela("import", "customers", "customers.csv", "--duplicates", "duplicates.csv")
    assert_ok(result)
    said = " ".join(result.output.split())
    assert "4 rows: 4 customers created, 0 updated" in said
    assert "2 suspected duplicates, imported all the same (merge them on the Possible duplicates page):" in said
    assert 'row 3: C2 "Bar Uno S.L." looks like C1 "Bar Uno" (row 2): similar name in the same town' in said
    assert 'row 5: C4 "Otra Luna" looks like C3 "Luna" (row 4): same e-mail' in said
    with (tmp_path / "duplicates.csv").open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [
            ["row", "external_id", "name", "looks like external_id", "looks like name", "looks like row", "why"],
            ["3", "C2", "Bar Uno S.L.", "C1", "Bar Uno", "2", "similar name in the same town"],
            ["5", "C4", "Otra Luna", "C3", "Luna", "4", "same e-mail"],
        ]
    assert read(tmp_path / "x.db", "SELECT count(*) FROM customers") == [(4,)]


def test_refuse_duplicates_writes_nothing_and_names_the_rows(clientela, tmp_path):
    assert_ok(clientela("init", "--admin-password", STRONG_PASSWORD))
    (tmp_path / "customers.csv").write_text(FILE, encoding="utf-8")
    result = clientela("import", "customers", "customers.csv", "--refuse-duplicates")
    assert_user_error(
        result,
        "2 errors in customers; nothing was imported",
        'row 3, column "name": "Bar Uno S.L." — a company not in the database yet, but it looks like customer C1 "Bar Uno" (row 2)',
        'row 5, column "email": "LUNA@cafe.es"',
    )
    assert read(tmp_path / "x.db", "SELECT count(*) FROM customers") == [(0,)]


def test_a_payments_import_reports_the_stage_moves(clientela, tmp_path):
    assert_ok(clientela("init", "--admin-password", STRONG_PASSWORD))
    (tmp_path / "customers.csv").write_text("external_id,name,status\nP1,Bar Sol,prospect\n", encoding="utf-8")
    (tmp_path / "contracts.csv").write_text(
        "contract_id,customer_id,signed_date,value,due_date,instalment_amount\nK1,P1,2026-01-10,100,2026-02-10,100\n", encoding="utf-8"
    )
    (tmp_path / "payments.csv").write_text("reference,customer_id,date,amount\nPAY-1,P1,2026-02-01,100\n", encoding="utf-8")
    assert_ok(clientela("import", "customers", "customers.csv"))
    contracts = clientela("import", "contracts", "contracts.csv")
    assert_ok(contracts)
    assert "pipeline: 1 customers entered, 0 stage moves, 0 overdue alerts" in contracts.output
    payments = clientela("import", "payments", "payments.csv")
    assert_ok(payments)
    assert "pipeline: 0 customers entered, 2 stage moves, 0 overdue alerts" in payments.output
    assert read(tmp_path / "x.db", "SELECT e.stage, c.status FROM pipeline_entries e JOIN customers c ON c.id = e.customer_id") == [("qualified", "active")]
