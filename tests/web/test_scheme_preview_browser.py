"""The scheme preview in a browser: counted from the stored metrics, then recomputed from the transactions in the background."""

import pytest
from playwright.sync_api import expect

from tests.fixtures.server import DEMO_PASSWORD
from tests.web.test_browser import TIMEOUT_MS, chromium, log_in, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_an_admin_previews_new_cut_offs_and_recomputes_them_from_the_transactions(page, demo_server):  # noqa: F811
    log_in(page, demo_server, "admin", DEMO_PASSWORD)
    page.goto(demo_server + "/settings/schemes/abc/")
    page.fill("#id_a_share", "50")
    page.get_by_role("button", name="Preview").click()
    basis = page.locator("#preview-basis")
    # The first preview of a snapshot reads its stored metrics; on a busy machine that takes seconds.
    expect(basis).to_contain_text("Counted from the customers and metrics stored with the snapshot of", timeout=TIMEOUT_MS)
    stored = page.locator("#preview-counts tbody").inner_text()
    page.get_by_role("button", name="Recompute from the transactions").click()
    # Started in the background; the fragment polls every second until the counts are ready.
    expect(page.locator("#preview-run")).to_contain_text("Computing from the transactions since", timeout=TIMEOUT_MS)
    expect(basis).to_have_text("Computed from the transactions.", timeout=TIMEOUT_MS)
    assert page.locator("#preview-counts tbody").inner_text() == stored
    expect(page.locator("#preview-computing")).to_be_hidden()
