"""A salesperson finds a customer to recover on the dashboards, in Debian's chromium, on the served demo."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.server import DEMO_PASSWORD
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser


def test_a_salesperson_filters_the_matrix_and_opens_a_customer_from_a_point(page: Page, demo_server, demo_database):  # noqa: F811
    own = {pk for (pk,) in demo_database.query("SELECT c.id FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.username = 'sales1'")}
    log_in(page, demo_server, "sales1", DEMO_PASSWORD)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboards").click()
    expect(page).to_have_url(demo_server + "/dashboards/")
    expect(page.get_by_role("heading", name="Who are my A customers?")).to_be_visible()
    expect(page.get_by_role("heading", name="Which EII customers need recovery?")).to_be_visible()

    page.get_by_role("navigation", name="Dashboards").get_by_role("link", name="Contribution × stability").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contribution × stability")
    region = page.get_by_label("Region")
    choice = region.locator("option").nth(1)
    region.select_option(choice.get_attribute("value"))
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"/dashboards/matrix/\?.*region=\d+"))
    expect(page.get_by_label("Region")).to_have_value(choice.get_attribute("value"))

    points = page.locator("#matrix-chart .scatterlayer .point")
    expect(points.first).to_be_visible()
    box = points.first.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    expect(page).to_have_url(re.compile(r"/customers/\d+/$"))
    opened = int(re.search(r"/customers/(\d+)/$", page.url).group(1))
    assert opened in own
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_dashboards_fit_a_phone_and_the_filters_work_from_the_keyboard(chromium, demo_server):  # noqa: F811
    context = chromium.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    try:
        phone = context.new_page()
        log_in(phone, demo_server, "sales1", DEMO_PASSWORD)
        for path in ("/dashboards/", "/dashboards/pareto/", "/dashboards/vip/"):
            phone.goto(demo_server + path)
            expect(phone.get_by_role("button", name="Show")).to_be_visible()
            assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{path} is wider than the phone"

        phone.get_by_label("Group").focus()
        phone.keyboard.press("Tab")
        expect(phone.get_by_role("button", name="Show")).to_be_focused()
        phone.keyboard.press("Enter")
        expect(phone).to_have_url(re.compile(r"/dashboards/vip/\?scheme=vip&as_of=\d{4}-\d\d-\d\d&months=6"))
    finally:
        context.close()
