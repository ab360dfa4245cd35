"""Every customer-scoped URL pattern (found by walking the URL patterns) refuses another salesperson's customer.

Extends tests/web/test_customer_file.py (the customer file's own pages) to every app's pages about one customer.
"""

import pytest
from django.test import Client

from clientela.crm.models import Customer
from tests.security.walks.routes import routes

pytestmark = pytest.mark.django_db
REFUSED = {403, 404}


def test_every_customer_scoped_page_refuses_another_salesperson(company):
    scoped = [route for route in routes() if route.customer_scoped]
    assert len(scoped) >= 15  # the customer file, follow-up, pipeline, receivables and retention pages
    before = Customer.objects.get(pk=company.values["customers"])
    client = Client()
    client.force_login(company.other)
    for route in scoped:
        url = route.url(company.values)
        assert client.get(url).status_code in REFUSED | {405}, url  # 405: a POST-only action, nothing shown
        assert client.post(url, {"name": "Hacked", "reason": "other", "reason_text": "x", "stage": "won"}).status_code in REFUSED, url
        assert client.get(url, HTTP_HX_REQUEST="true").status_code in REFUSED | {405}, url
    after = Customer.objects.get(pk=before.pk)
    assert (after.name, after.status, after.owner_id) == (before.name, before.status, before.owner_id)


def test_an_admin_reaches_every_customer_scoped_page(company):
    """The refusals above are about who asks, not bad URLs: an admin gets each page (405 for a POST-only action)."""
    client = Client()
    client.force_login(company.admin)
    for route in routes():
        if route.customer_scoped:
            url = route.url(company.values)
            assert client.get(url).status_code in {200, 405}, url
