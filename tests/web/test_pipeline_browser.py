"""A salesperson works the pipeline board in Debian's chromium, on `clientela serve` run for real.

The server's database is a SQLite file of its own, set up by a separate Python process through the
app's services: Ana has two prospects at future, Bar Uno and Bar Dos. She moves Bar Uno with the
keyboard-accessible form on its card, drags Bar Dos to target (giving the reason asked for), is
refused when she drags it on to signed, and finds both moves in Bar Uno's and Bar Dos's stage history.
Then Bar Dos signs with a competitor: she drags it onto the folded Lost / dropped column, shows the
lost prospects and reopens it at potential from its card.
"""

import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.server import clientela_env, served
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser

SETUP = """
from clientela.bootstrap import migrate_database, setup_django

setup_django()
migrate_database()

from clientela.crm.models import User
from clientela.pipeline.services.prospects import prospect_create

ana = User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON, first_name="Ana", last_name="Ruiz")
uno = prospect_create(user=ana, name="Bar Uno", city="Bilbao", expected_value_cents=250_000, lead_source="fair", lead_channel="event")
dos = prospect_create(user=ana, name="Bar Dos", city="Bilbao", expected_value_cents=100_000)
print(uno.pk, dos.pk)
"""


@pytest.fixture(scope="module")
def pipeline_server(tmp_path_factory) -> Iterator[tuple[str, dict[str, int]]]:
    """`clientela serve` on a fresh database with Ana's two prospects; yields the base URL and their ids."""
    folder = tmp_path_factory.mktemp("pipeline-server")
    database = folder / "pipeline.db"
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=folder, env=clientela_env(database, folder), capture_output=True, text=True, timeout=120, check=False
    )
    assert setup.returncode == 0, setup.stderr
    uno, dos = (int(pk) for pk in setup.stdout.split())
    with served(database, folder) as server:
        yield server.url, {"Bar Uno": uno, "Bar Dos": dos}


def test_a_salesperson_moves_cards_and_sees_the_stage_history(page: Page, pipeline_server):
    base_url, ids = pipeline_server
    log_in(page, base_url, "ana", "pw")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Pipeline").click()
    expect(page).to_have_url(base_url + "/pipeline/")
    column = lambda stage: page.locator(f'.board-column[data-stage="{stage}"]')  # noqa: E731
    card = lambda name: page.locator(f'.board-card[data-customer="{ids[name]}"]')  # noqa: E731
    expect(column("future").locator(".count")).to_have_text("2")
    expect(column("future")).to_contain_text("3,500.00")

    # The keyboard-accessible way: the select and button on the card.
    uno = card("Bar Uno")
    uno.get_by_label("Move to").select_option("potential")
    uno.get_by_label("Reason").fill("asked for our price list")
    uno.get_by_role("button", name="Move").click()
    expect(page.get_by_role("status")).to_have_text("Bar Uno moved.")
    expect(column("potential").locator(f'.board-card[data-customer="{ids["Bar Uno"]}"]')).to_have_count(1)
    expect(column("potential")).to_contain_text("2,500.00")

    # Dragging: the reason is asked for in a prompt.
    page.once("dialog", lambda dialog: dialog.accept("budget approved"))
    card("Bar Dos").drag_to(column("target"))
    expect(column("target").locator(f'.board-card[data-customer="{ids["Bar Dos"]}"]')).to_have_count(1)
    page.once("dialog", lambda dialog: dialog.accept("they said yes"))
    card("Bar Dos").drag_to(column("signed"))
    expect(page.get_by_role("alert")).to_contain_text("cannot be moved by hand to Signed")
    expect(column("target").locator(f'.board-card[data-customer="{ids["Bar Dos"]}"]')).to_have_count(1)

    card("Bar Uno").get_by_role("link", name="Bar Uno").click()
    expect(page).to_have_url(f"{base_url}/pipeline/customers/{ids['Bar Uno']}/")
    rows = page.locator("#stage-history tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("Future")
    expect(rows.nth(1)).to_contain_text("Potential")
    expect(rows.nth(1)).to_contain_text("Ana Ruiz")
    expect(rows.nth(1)).to_contain_text("asked for our price list")

    page.goto(f"{base_url}/pipeline/customers/{ids['Bar Dos']}/")
    expect(page.locator("#stage-history tbody tr").nth(1)).to_contain_text("budget approved")

    page.goto(f"{base_url}/pipeline/")
    page.once("dialog", lambda dialog: dialog.accept("signed with a competitor"))
    card("Bar Dos").drag_to(column("lost"))
    expect(column("lost").locator(".count")).to_have_text("1")
    expect(card("Bar Dos")).to_have_count(0)  # folded: counted, not shown
    page.get_by_label("Show lost prospects").check()
    lost = column("lost").locator(f'.board-card[data-customer="{ids["Bar Dos"]}"]')
    expect(lost).to_contain_text("signed with a competitor")
    lost.get_by_label("Move to").select_option("potential")
    lost.get_by_label("Reason").fill("the competitor let them down")
    lost.get_by_role("button", name="Move").click()
    expect(column("potential").locator(f'.board-card[data-customer="{ids["Bar Dos"]}"]')).to_have_count(1)
    expect(column("lost").locator(".count")).to_have_text("0")
