"""A salesperson deals with customers at risk in Debian's chromium, on `clientela serve` run for real.

The server's database is a SQLite file of its own, set up by a separate Python process: Ana's Bar
Uno has a probability alive of 0.20 in the latest fit and an at-risk alert; Bar Dos an alert only.
Ana opens Retention, marks Bar Dos's alert dealt with, marks Bar Uno lost (refused with "other"
and no words, then saved), and finds it on the lost customers page with the .xlsx to download.
"""

import subprocess
import sys
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.fixtures.server import clientela_env, served
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser

SETUP = """
from datetime import timedelta

from django.utils import timezone

from clientela.bootstrap import migrate_database, setup_django

setup_django()
migrate_database()

from clientela.crm.models import Alert, User
from clientela.crm.services.customers import customer_create
from clientela.retention.models import ChurnFit, CustomerPrediction

ana = User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON)
uno = customer_create(external_id="C1", name="Bar Uno", owner=ana)
dos = customer_create(external_id="C2", name="Bar Dos", owner=ana)
as_of = timezone.localdate() - timedelta(days=5)
fit = ChurnFit.objects.create(as_of=as_of, status="fitted", time_unit="week", fit_window_months=12, horizon_months=12, monthly_discount_rate=0.01)
for customer, p in ((uno, 0.2), (dos, 0.9)):
    CustomerPrediction.objects.create(
        fit=fit, as_of=as_of, customer=customer, frequency=3, recency=10, age=20, mean_spend_cents=5000, p_alive=p,
        expected_purchases=1.5, expected_value_cents=75_000,
    )
for customer in (uno, dos):
    Alert.objects.create(recipient=ana, customer=customer, kind=Alert.Kind.AT_RISK, message=f"{customer.name} is at risk")
"""


@pytest.fixture(scope="module")
def retention_server(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("retention-server")
    database = folder / "retention.db"
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=folder, env=clientela_env(database, folder), capture_output=True, text=True, timeout=120, check=False
    )
    assert setup.returncode == 0, setup.stderr
    with served(database, folder) as server:
        yield server.url


def test_a_salesperson_deals_with_customers_at_risk_and_marks_one_lost(page: Page, retention_server):
    base_url = retention_server
    log_in(page, base_url, "ana", "pw")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Retention").click()
    expect(page).to_have_url(base_url + "/retention/at-risk/")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Bar Uno")
    expect(rows.nth(0)).to_contain_text("0.20")
    expect(rows.nth(0)).to_contain_text("750.00")

    rows.nth(1).get_by_role("button", name="Dealt with").click()
    expect(page.get_by_role("status").first).to_contain_text("The at-risk alert about Bar Dos is marked as dealt with.")
    expect(rows).to_have_count(1)  # Bar Dos was listed for its alert only

    rows.nth(0).get_by_role("link", name="Mark lost").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mark Bar Uno lost")
    page.get_by_label("Reason").select_option("other")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("say in words why the customer was lost")
    page.get_by_label("Reason").select_option("other")
    page.get_by_label("In words").fill("moved to the coast")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(base_url + "/retention/lost/")
    expect(page.locator("main")).to_contain_text("Other: moved to the coast")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download .xlsx").click()
    workbook = load_workbook(BytesIO(Path(download.value.path()).read_bytes()), read_only=True)
    names = [row[0] for row in workbook["lost customers"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Bar Uno"]
    page.get_by_role("link", name="Customers at risk").click()
    expect(page.locator("main")).to_contain_text("No customer is at risk.")
