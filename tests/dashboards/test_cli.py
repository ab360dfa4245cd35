"""`clientela dashboards index` and the demo's indexed snapshots, on copies of the demo database."""

import shutil
import sqlite3

INDEXED_KINDS = "('abc', 'abc-count', 'rules', 'vip', 'profit', 'matrix')"


def test_the_demo_indexes_every_snapshot_the_dashboards_show(demo_database):
    [(snapshots,)] = demo_database.query(f"SELECT count(*) FROM scheme_snapshots s JOIN schemes k ON k.id = s.scheme_id WHERE k.kind IN {INDEXED_KINDS}")
    [(indexed,)] = demo_database.query("SELECT count(*) FROM dashboard_snapshots")
    [(rows,)] = demo_database.query("SELECT count(*) FROM dashboard_rows r JOIN dashboard_snapshots d ON d.snapshot_id = r.snapshot_id")
    [(classes,)] = demo_database.query("SELECT count(*) FROM customer_classes c JOIN dashboard_snapshots d ON d.snapshot_id = c.snapshot_id")
    assert snapshots > 0 and indexed == snapshots and rows == classes


def test_index_builds_what_is_missing_for_the_latest_dates(clientela, demo_database, tmp_path):
    database = tmp_path / "demo.db"
    shutil.copy(demo_database.path, database)
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM dashboard_rows")
        db.execute("DELETE FROM dashboard_snapshots")
        [(schemes,)] = db.execute(f"SELECT count(DISTINCT scheme_id) FROM scheme_snapshots s JOIN schemes k ON k.id = s.scheme_id WHERE k.kind IN {INDEXED_KINDS} AND k.active")
    db.close()

    latest = clientela("dashboards", "index", database=database)
    again = clientela("dashboards", "index", "--months", "2", database=database)

    assert latest.returncode == 0, str(latest)
    assert f"{schemes} snapshots indexed" in latest.output
    assert f"{schemes} snapshots indexed" in again.output  # the second latest date of each scheme
    assert clientela("dashboards", "index", "--months", "0", database=database).returncode == 2
