"""The demo's field sales: every salesperson has an office, tomorrow's visits that route, a visit plan and this year's targets."""

from tests.fixtures.server import DEMO_END, run_clientela

TOMORROW = "2026-07-01"  # the day after DEMO_END


def test_every_salesperson_has_an_office_tomorrows_visits_and_targets(demo_database):
    assert DEMO_END == "2026-06-30"
    people = demo_database.query("SELECT id FROM users WHERE role = 'salesperson'")
    offices = demo_database.query("SELECT COUNT(*) FROM fieldsales_start_points")
    tomorrow = dict(demo_database.query("SELECT salesperson_id, COUNT(*) FROM fieldsales_planned_visits WHERE starts_on = ? AND period = 'day' GROUP BY salesperson_id", TOMORROW))
    periods = {row[0] for row in demo_database.query("SELECT DISTINCT period FROM fieldsales_planned_visits")}
    targets = dict(demo_database.query("SELECT salesperson_id, COUNT(*) FROM fieldsales_targets WHERE year = 2026 GROUP BY salesperson_id"))
    assert offices == [(len(people),)]
    assert all(tomorrow.get(pk, 0) >= 1 for (pk,) in people)
    assert periods == {"year", "quarter", "month", "day"}
    assert all(targets.get(pk, 0) % 12 == 0 and targets.get(pk, 0) > 0 for (pk,) in people)


def test_a_demo_salesperson_gets_tomorrows_route(demo_database, tmp_path):
    result = run_clientela("route", "--salesperson", "sales3", "--date", TOMORROW, database=demo_database.path, cwd=tmp_path)
    assert result.returncode == 0, str(result)
    assert "Route of Salesperson 3 on 2026-07-01 from Office" in result.stdout
    assert "│ 1 │" in result.stdout and " km, " in result.stdout
