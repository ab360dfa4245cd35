"""A salesperson works through "My week" in Debian's chromium, on `clientela serve` run for real.

The server's database is a SQLite file of its own, set up by a separate Python process through
the app's services: Ana works every day 09:00–17:00 (so the test does not depend on the weekday),
and her two customers, never contacted, are planned from today: Bar Dos (abc A, a 45-minute
visit) at 09:00, Bar Uno (abc C, a 15-minute call) at 09:45.
"""

import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.server import clientela_env, served
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser

SETUP = """
from datetime import time

from clientela.bootstrap import migrate_database, setup_django

setup_django()
migrate_database()

from django.utils import timezone

from clientela.crm.models import User
from clientela.crm.services.customers import customer_create
from clientela.followup.defaults import default_policies_create
from clientela.followup.models import Policy, WorkingTime
from clientela.followup.planner import plan_refresh
from clientela.segmentation.models import CustomerClass, Scheme, Snapshot

ana = User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON)
WorkingTime.objects.create(
    user=ana, working_days=list(range(7)), day_start=time(9), day_end=time(17), personal_from=time(18), personal_to=time(20)
)
default_policies_create(Policy)
uno = customer_create(external_id="C1", name="Bar Uno", owner=ana)
dos = customer_create(external_id="C2", name="Bar Dos", owner=ana)
snapshot = Snapshot.objects.create(
    scheme=Scheme.objects.get(name="abc"), version=1, as_of=timezone.localdate(), customers=2, class_counts={"A": 1, "C": 1}
)
CustomerClass.objects.create(snapshot=snapshot, customer=uno, label="C")
CustomerClass.objects.create(snapshot=snapshot, customer=dos, label="A")
plan_refresh(salesperson=ana, start=timezone.localdate())
print(uno.pk, dos.pk)
"""


@pytest.fixture(scope="module")
def followup_server(tmp_path_factory) -> Iterator[tuple[str, dict[str, int]]]:
    """`clientela serve` on a fresh database with Ana's plan; yields the base URL and the customers' ids."""
    folder = tmp_path_factory.mktemp("followup-server")
    database = folder / "followup.db"
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=folder, env=clientela_env(database, folder), capture_output=True, text=True, timeout=120, check=False
    )
    assert setup.returncode == 0, setup.stderr
    uno, dos = (int(pk) for pk in setup.stdout.split())
    with served(database, folder) as server:
        yield server.url, {"Bar Uno": uno, "Bar Dos": dos}


def test_a_salesperson_logs_a_planned_call_from_my_week(page: Page, followup_server):
    base_url, ids = followup_server
    log_in(page, base_url, "ana", "pw")
    expect(page).to_have_url(base_url + "/")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="My week").click()
    expect(page).to_have_url(base_url + "/agenda/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My week")
    agenda = page.locator("#agenda")
    call = agenda.locator(f'.agenda-item[data-customer="{ids["Bar Uno"]}"]')
    visit = agenda.locator(f'.agenda-item[data-customer="{ids["Bar Dos"]}"]')
    expect(call).to_have_count(1)
    expect(call).to_contain_text("09:45")
    expect(call).to_contain_text("Call · 15 min")
    expect(visit).to_contain_text("Visit · 45 min")

    call.get_by_role("link", name="Log contact").click()
    expect(page).to_have_url(re.compile(rf"/customers/{ids['Bar Uno']}/log/\?planned=\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bar Uno")
    expect(page.locator("#id_channel")).to_have_value("call")
    expect(page.locator("#id_minutes")).to_have_value("15")
    expect(page.locator("#id_purpose")).to_have_value("C customer, never contacted, due monthly")
    page.locator("#id_outcome").select_option("order")
    page.locator("#id_next_step").fill("deliver the samples")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(base_url + "/agenda/")
    expect(page.get_by_role("status")).to_have_text("Contact with Bar Uno logged.")
    expect(agenda.locator(f'.agenda-item[data-customer="{ids["Bar Uno"]}"]')).to_have_count(0)
    expect(agenda.locator(f'.agenda-item[data-customer="{ids["Bar Dos"]}"]')).to_have_count(1)
