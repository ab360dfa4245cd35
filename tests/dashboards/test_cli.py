"""`clientela dashboards index` and the demo's indexed snapshots, on copies of the demo database."""

import shutil
import sqlite3

from tests.fixtures.server import DEMO_END

INDEXED_KINDS = "('abc', 'abc-count', 'rules', 'vip', 'profit', 'matrix')"


def test_the_demo_indexes_every_snapshot_the_dashboards_show(demo_database):
    # The demo's own history: a served demo adds the runs due since its end date (indexed on first view).
    demo = f"FROM scheme_snapshots s JOIN schemes k ON k.id = s.scheme_id WHERE k.kind IN {INDEXED_KINDS} AND s.as_of <= '{DEMO_END}'"
    [(snapshots,)] = demo_database.query(f"SELECT count(*) {demo}")
    [(indexed,)] = demo_database.query(f"SELECT count(*) {demo} AND s.id IN (SELECT snapshot_id FROM dashboard_snapshots)")
    [(rows,)] = demo_database.query(f"SELECT count(*) FROM dashboard_rows WHERE snapshot_id IN (SELECT s.id {demo})")
    [(classes,)] = demo_database.query(f"SELECT count(*) FROM customer_classes WHERE snapshot_id IN (SELECT s.id {demo})")
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
