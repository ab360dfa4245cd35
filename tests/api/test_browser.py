"""The API tokens page and the docs page in Debian's chromium (Playwright), against Django's live server."""

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from clientela.crm.services.customers import customer_create
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def page() -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context.new_page()
        finally:
            browser.close()


def api_status(url: str, key: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def bar_uno(transactional_db, salesperson):
    """Ana's customer, stored before the browser starts (Django's ORM refuses to run beside Playwright's event loop)."""
    return customer_create(external_id="C1", name="Bar Uno", owner=salesperson)


def test_create_a_token_use_it_and_revoke_it(live_server, bar_uno, page):
    log_in(page, live_server.url, "ana", "pw")
    page.get_by_role("link", name="Settings").first.click()
    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name").fill("Phone app")
    page.get_by_role("button", name="Create").click()
    key = page.locator("#new-key code").inner_text().strip()
    assert key.startswith("clt_")
    expect(page.locator("#tokens")).to_contain_text("Phone app")

    status, body = api_status(f"{live_server.url}/api/v1/customers", key)
    assert status == 200 and [c["name"] for c in body["items"]] == ["Bar Uno"]

    page.reload()
    expect(page.locator("#new-key")).to_have_count(0)  # the key is shown once
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("button", name="Revoke")).to_have_count(0)
    assert api_status(f"{live_server.url}/api/v1/customers", key)[0] == 401


def test_the_docs_page_renders_from_the_server_alone(live_server, transactional_db, page):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.get_by_text("Clientela API").first).to_be_visible()
    expect(page.get_by_text("/api/v1/transactions/bulk").first).to_be_visible()
    assert hosts == {urlsplit(live_server.url).netloc}
