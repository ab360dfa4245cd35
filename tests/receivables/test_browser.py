"""The customer file's credit warning in Debian's chromium, on `clientela serve` run for real: loaded after the file when
the customer's ledger has to be allocated.

The server's database is a SQLite file of its own, set up by a separate Python process through the app's services.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.server import served_after
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser

SETUP = """
from datetime import date

from clientela.bootstrap import migrate_database, setup_django

setup_django()
migrate_database()

from clientela.crm.models import User
from clientela.crm.services.business import payments_upsert, transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.receivables.models import CreditTerms

ana = User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON)
customer = customer_create(external_id="C1", name="Bar Uno", owner=ana)
CreditTerms.objects.create(customer=customer, payment_days=30, credit_limit_cents=10_000)
transactions_upsert(rows=[("F1", 1, customer.pk, date(2026, 1, 1), None, 1, 20_000, None), ("F2", 1, customer.pk, date(2026, 2, 1), None, 1, 30_000, None)])
payments_upsert(rows=[("P1", customer.pk, date(2026, 2, 10), 25_000, "F2")])  # names F2: the ledger is allocated
print(customer.pk)
"""


@pytest.fixture(scope="module")
def file_server(tmp_path_factory) -> Iterator[tuple[str, int]]:
    """`clientela serve` on a fresh database with Ana's customer; yields the base URL and the customer's id."""
    with served_after(SETUP, tmp_path_factory.mktemp("credit-warning-server")) as (url, printed):
        yield url, int(printed)


def test_the_credit_warning_is_loaded_after_the_file(page: Page, file_server):
    base_url, customer = file_server
    log_in(page, base_url, "ana", "pw")
    page.goto(f"{base_url}/customers/{customer}/")
    # F2 is paid 250.00 of 300.00 by name; F1 (200.00) stays open: 250.00 owed against a limit of 100.00.
    warning = page.locator("#credit-warning")
    expect(warning).to_contain_text("Credit limit exceeded: owes 250.00 against a limit of 100.00 (150.00 over)")
    expect(warning).to_contain_text("250.00 overdue.")
    expect(page.locator("#credit-warning-pending")).to_have_count(0)
