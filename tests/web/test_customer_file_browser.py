"""The customer file in Debian's chromium, on `clientela serve` run for real: the owner edits the profile, another
salesperson is refused the customer, and switches the pages to Chinese.

The server's database is a SQLite file of its own, set up by a separate Python process through the app's services.
"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.server import served_after
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser

SETUP = """
from clientela.bootstrap import migrate_database, setup_django

setup_django()
migrate_database()

from clientela.crm.models import User
from clientela.crm.services.customers import customer_create

ana = User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON)
User.objects.create_user("bruno", password="pw", role=User.Role.SALESPERSON)
print(customer_create(external_id="C1", name="Bar Uno", owner=ana, city="Bilbao").pk)
"""


@pytest.fixture(scope="module")
def file_server(tmp_path_factory) -> Iterator[tuple[str, int]]:
    """`clientela serve` on a fresh database with Ana's customer; yields the base URL and the customer's id."""
    with served_after(SETUP, tmp_path_factory.mktemp("customer-file-server")) as (url, printed):
        yield url, int(printed)


def test_the_owner_edits_the_profile_another_salesperson_is_refused_and_reads_chinese(page: Page, file_server):
    base_url, customer = file_server
    log_in(page, base_url, "ana", "pw")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Customers").click()
    page.locator("#results tbody").get_by_role("link", name="Bar Uno").click()
    expect(page).to_have_url(f"{base_url}/customers/{customer}/")
    page.wait_for_load_state()  # HTMX starts once the deferred scripts ran

    profile = page.locator("#section-profile")
    page.evaluate("window.clientelaNoReload = true")  # lost if the page reloads
    profile.get_by_role("link", name="Edit").click()
    expect(profile.get_by_label("family situation")).to_be_visible()
    profile.get_by_label("family situation").fill("Married, two children")
    profile.get_by_label("management level (1-5)").fill("4")
    profile.get_by_role("button", name="Save").click()
    expect(profile).to_contain_text("Married, two children")
    expect(profile).to_contain_text("4/5")
    assert page.evaluate("window.clientelaNoReload") is True, "saving the section reloaded the whole page"
    page.reload()
    expect(page.locator("#section-profile")).to_contain_text("Married, two children")

    page.get_by_role("button", name="Log out").click()
    log_in(page, base_url, "bruno", "pw")
    response = page.goto(f"{base_url}/customers/{customer}/")
    assert response is not None and response.status == 404
    response = page.goto(f"{base_url}/customers/{customer}/edit/profile/")
    assert response is not None and response.status == 404

    page.goto(base_url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    page.get_by_label("language").select_option("zh-hans")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("我的设置")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="客户", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("客户")
    expect(page.locator("#results p.count")).to_have_text("0 个客户")
    expect(page.get_by_role("button", name="退出")).to_be_visible()
    assert re.search(r"/customers/$", page.url)
