"""The served demo, driven by Debian's chromium through Playwright (run `clientela serve` for real)."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.fixtures.server import DEMO_PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium) -> Iterator[Page]:
    context = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def sales1(demo_database) -> dict:
    """What the database says sales1 owns."""
    own = demo_database.query(
        "SELECT c.external_id, c.name, c.status FROM customers c JOIN users u ON u.id = c.owner_id"
        " WHERE u.username = 'sales1' ORDER BY c.external_id"
    )
    assert len(own) > 1
    return {"customers": own, "not_prospects": sum(1 for _, _, status in own if status != "prospect")}


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(base_url + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Log in").click()


def test_a_salesperson_searches_the_customers_and_opens_a_file(page, demo_server, sales1, tmp_path):
    log_in(page, demo_server, "sales1", DEMO_PASSWORD)
    expect(page).to_have_url(demo_server + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    tiles = page.locator("section.tiles .tile")
    expect(tiles).to_have_count(4)
    expect(tiles.nth(0)).to_contain_text("customers")
    expect(tiles.nth(0).locator(".figure")).to_have_text(str(sales1["not_prospects"]))
    expect(tiles.nth(1)).to_contain_text("prospects")
    expect(tiles.nth(2)).to_contain_text("lost customers")
    expect(tiles.nth(3)).to_contain_text("revenue, last 12 months")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Customers").click()
    expect(page).to_have_url(demo_server + "/customers/")
    count = page.locator("#results p.count")
    expect(count).to_have_text(f"{len(sales1['customers'])} customers")

    external_id, name, _ = sales1["customers"][0]
    page.evaluate("window.clientelaNoReload = true")  # lost if the page reloads
    page.get_by_role("searchbox").fill(external_id)
    expect(count).to_have_text("1 customer")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(page).to_have_url(re.compile(rf"/customers/\?(.*&)?q={external_id}(&|$)"))
    assert page.evaluate("window.clientelaNoReload") is True, "the search reloaded the whole page"
    screenshot = tmp_path / "customers.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 0

    page.locator("#results tbody").get_by_role("link", name=name, exact=True).click()
    expect(page).to_have_url(re.compile(r"/customers/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    expect(page.get_by_role("heading", level=1)).to_contain_text(external_id)

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to Clientela")
    page.goto(demo_server + "/customers/")
    expect(page).to_have_url(re.compile(r"/login/\?next="))


def test_a_wrong_password_shows_the_error(page, demo_server):
    log_in(page, demo_server, "sales1", "not-the-password")
    expect(page).to_have_url(demo_server + "/login/")
    expect(page.get_by_role("alert")).to_contain_text("Your username and password didn't match")
    expect(page.locator("#id_username")).to_have_value("sales1")
