"""Two people edit the same customer in two chromium pages on `clientela serve`: the later save or removal is refused, not lost silently."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.fixtures.server import served_after
from tests.web.test_browser import TIMEOUT_MS, chromium, log_in  # noqa: F401 (chromium is a fixture)

pytestmark = pytest.mark.browser

SETUP = """
from clientela.bootstrap import migrate_database, setup_django

setup_django()
migrate_database()

from clientela.crm.models import User
from clientela.crm.services.contacts import contact_create
from clientela.crm.services.customers import customer_create

ana = User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON)
User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
customer = customer_create(external_id="C1", name="Bar Uno", owner=ana, city="Bilbao")
contact_create(customer=customer, name="Eva")
print(customer.pk)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, int]]:
    """`clientela serve` on a fresh database with Ana's customer; yields the base URL and the customer's id."""
    with served_after(SETUP, tmp_path_factory.mktemp("versions-server")) as (url, printed):
        yield url, int(printed)


def file_page(chromium: Browser, base_url: str, username: str, customer: int) -> Page:
    """A signed-in page of its own browser context showing the customer's file."""
    context = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, base_url, username, "pw")
    page.goto(f"{base_url}/customers/{customer}/")
    page.wait_for_load_state()  # HTMX starts once the deferred scripts ran
    return page


def address_saved(page: Page, label: str, value: str) -> None:
    """Open the address form, set one field and save it."""
    page.locator("#section-address").get_by_role("link", name="Edit").click()
    page.locator("#section-address").get_by_label(label).fill(value)
    page.locator("#section-address").get_by_role("button", name="Save").click()


def editor(chromium: Browser, base_url: str, username: str, customer: int) -> Page:
    """A signed-in page of its own browser context with the customer's address form open."""
    page = file_page(chromium, base_url, username, customer)
    page.locator("#section-address").get_by_role("link", name="Edit").click()
    expect(page.locator("#section-address").get_by_label("city")).to_be_visible()
    return page


def test_the_later_of_two_saves_is_refused_with_who_and_when_and_the_history_shows_the_first(chromium, server):
    base_url, customer = server
    ana, root = editor(chromium, base_url, "ana", customer), editor(chromium, base_url, "root", customer)

    ana.locator("#section-address").get_by_label("city").fill("Lugo")
    ana.locator("#section-address").get_by_role("button", name="Save").click()
    expect(ana.locator("#section-address")).to_contain_text("Lugo")

    root.locator("#section-address").get_by_label("city").fill("Vigo")
    root.locator("#section-address").get_by_role("button", name="Save").click()
    expect(root.locator("#section-address [role=alert]")).to_have_text(
        re.compile(r"Bar Uno was changed by ana at \d\d:\d\d since you opened it; reload to see their changes\.")
    )

    root.reload()
    expect(root.locator("#section-address")).to_contain_text("Lugo")
    expect(root.locator("#section-address")).not_to_contain_text("Vigo")
    history = root.locator("#section-audit tbody tr").first
    expect(history).to_contain_text("ana")
    expect(history).to_contain_text("city: Bilbao → Lugo")

    root.locator("#section-address").get_by_role("link", name="Edit").click()
    root.locator("#section-address").get_by_label("city").fill("Vigo")
    root.locator("#section-address").get_by_role("button", name="Save").click()
    expect(root.locator("#section-address")).to_contain_text("Vigo")
    for page in (ana, root):
        page.context.close()


def test_a_removal_after_someone_elses_change_is_refused_and_after_ones_own_save_goes_through(chromium, server):
    base_url, customer = server
    ana, root = file_page(chromium, base_url, "ana", customer), file_page(chromium, base_url, "root", customer)
    ana.on("dialog", lambda dialog: dialog.accept())  # "Remove Eva?"

    address_saved(root, "postal code", "42001")
    expect(root.locator("#section-address")).to_contain_text("42001")
    ana.locator("#section-contacts").get_by_role("button", name="Remove").click()
    expect(ana.locator("#section-contacts [role=alert]")).to_have_text(
        re.compile(r"Bar Uno was changed by root at \d\d:\d\d since you opened it; reload to see their changes\.")
    )
    expect(ana.locator("#section-contacts")).to_contain_text("Eva")

    ana.reload()
    ana.wait_for_load_state()
    address_saved(ana, "postal code", "44001")  # her own save moves the file's version on: its remove buttons follow
    expect(ana.locator("#section-address")).to_contain_text("44001")
    ana.locator("#section-contacts").get_by_role("button", name="Remove").click()
    expect(ana.locator("#section-contacts")).to_contain_text("No contacts yet.")
    for page in (ana, root):
        page.context.close()
