"""A salesperson opens tomorrow's route in Debian's chromium, on `clientela serve` run for real; `clientela route` prints it.

The database is set up by a separate Python process through the app's services: Ana works every
day 09:00–17:00 from her office in Madrid at 40 km/h, and has four visits tomorrow: Far Bar
(10 km north, only 09:00–10:00), Mid Bar (6 km north), Near Bar (2 km north, only 14:00–16:00),
and No Address (no coordinates). The only order that keeps the windows without a detour is
Far, Mid, Near.
"""

import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from itertools import pairwise

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from clientela.planning.routes import great_circle_metres
from tests.fixtures.server import clientela_env, run_clientela, served
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser

OFFICE = (40.4168, -3.7038)
NORTH_KM = {"Far Bar": 10, "Mid Bar": 6, "Near Bar": 2}

SETUP = """
import sys
from datetime import date, time, timedelta

from clientela.bootstrap import migrate_database, setup_django

setup_django()
migrate_database()

from django.utils import timezone

from clientela.crm.models import ContactPreference, User
from clientela.crm.services.customers import customer_create
from clientela.fieldsales.services import planned_visit_add, start_point_save
from clientela.followup.models import WorkingTime

ana = User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON)
WorkingTime.objects.create(user=ana, working_days=list(range(7)), day_start=time(9), day_end=time(17), personal_from=time(18), personal_to=time(20))
start_point_save(user=ana, label="Office Madrid", latitude=40.4168, longitude=-3.7038, speed_kmh=40)
tomorrow = timezone.localdate() + timedelta(days=1)
windows = {"Far Bar": (time(9), time(10)), "Near Bar": (time(14), time(16))}
for number, (name, km) in enumerate([("Near Bar", 2), ("Far Bar", 10), ("Mid Bar", 6), ("No Address", None)], start=1):
    where = {} if km is None else {"latitude": 40.4168 + km / 111.2, "longitude": -3.7038}
    customer = customer_create(external_id=f"C{number}", name=name, owner=ana, **where)
    if name in windows:
        ContactPreference.objects.create(customer=customer, preferred_from=windows[name][0], preferred_to=windows[name][1])
    planned_visit_add(salesperson=ana, customer=customer, period="day", day=tomorrow, objective="order", purpose=f"order of {name}", minutes=30)
"""


def expected_km() -> str:
    path = [OFFICE, *((OFFICE[0] + NORTH_KM[name] / 111.2, OFFICE[1]) for name in ("Far Bar", "Mid Bar", "Near Bar")), OFFICE]
    tenths = (sum(round(great_circle_metres(a, b)) for a, b in pairwise(path)) + 50) // 100
    return f"{tenths // 10}.{tenths % 10} km"


@pytest.fixture(scope="module")
def route_database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("route-server")
    database = folder / "route.db"
    setup = subprocess.run([sys.executable, "-c", SETUP], cwd=folder, env=clientela_env(database, folder), capture_output=True, text=True, timeout=120, check=False)
    assert setup.returncode == 0, setup.stderr
    return folder, database


@pytest.fixture(scope="module")
def route_server(route_database) -> Iterator[str]:
    folder, database = route_database
    with served(database, folder) as server:
        yield server.url


def test_clientela_route_prints_tomorrows_route(route_database):
    folder, database = route_database
    tomorrow = timezone.localdate() + timedelta(days=1)
    result = run_clientela("route", "--salesperson", "ana", "--date", tomorrow.isoformat(), database=database, cwd=folder)
    assert result.returncode == 0, str(result)
    assert result.stdout.index("Far Bar") < result.stdout.index("Mid Bar") < result.stdout.index("Near Bar")
    assert f"total {expected_km()}" in result.stdout
    assert "not in the route: No Address — no coordinates" in result.stdout
    unknown = run_clientela("route", "--salesperson", "zoe", database=database, cwd=folder)
    assert unknown.returncode == 2 and 'no user "zoe"' in unknown.output


def test_a_salesperson_sees_tomorrows_stops_in_order_and_the_distance(page: Page, route_server):
    log_in(page, route_server, "ana", "pw")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Field sales").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Daily route")
    page.get_by_role("link", name="Tomorrow").click()

    stops = page.locator("#route-stops tr.route-stop")
    expect(stops).to_have_count(3)
    for position, name in enumerate(("Far Bar", "Mid Bar", "Near Bar")):
        expect(stops.nth(position)).to_contain_text(name)
    expect(stops.nth(0)).to_contain_text("09:15–09:45")  # 10 km at 40 km/h: 15 minutes from 09:00
    expect(stops.nth(2)).to_contain_text("14:00")
    expect(page.locator("#route-distance")).to_have_text(expected_km())
    expect(page.locator("#route-unrouted")).to_contain_text("No Address")
    expect(page.locator("#route-unrouted")).to_contain_text("no coordinates")
    expect(page.locator("#route-chart .main-svg").first).to_be_visible()  # plotly.js, served by the app itself
