"""Receivables pages and exports: what each role sees, refusals, the credit warning on the customer file, query counts."""

import io
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from clientela.crm.services.customers import customer_create
from clientela.receivables.models import BonusPlan, CreditTerms
from tests.ledger import example

AS_OF = {"as_of": example.AS_OF.isoformat()}


@pytest.fixture
def documents(worked_example, theirs, south_customer, sale, pay):
    """Bar Ejemplo (ana: the worked example), Bar Ajeno (bruno) and Bodega Sur (carla, South) each owe something."""
    sale(theirs, "G1", date(2026, 6, 1), [("Lager", 40_000)])
    sale(south_customer, "H1", date(2026, 1, 2), [("Craft", 7_000)])
    pay(theirs, date(2026, 6, 10), 1_000, "G1")


def login(client, user):
    client.force_login(user)
    return client


def sheet(response, name):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return [list(row) for row in load_workbook(io.BytesIO(response.content), read_only=True)[name].iter_rows(values_only=True)]


def test_the_pages_need_a_login(client, db):
    for name in ("receivables:ageing", "receivables:bonus"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_salesperson_sees_the_ageing_of_their_own_customers_only(client, salesperson, documents):
    page = login(client, salesperson).get(reverse("receivables:ageing"), AS_OF).content.decode()
    assert "Bar Ejemplo" in page and "Bar Ajeno" not in page and "Bodega Sur" not in page
    assert '<span class="figure" id="total-open">2,600.00</span>' in page
    assert '<span class="figure" id="total-overdue">1,700.00</span>' in page
    assert "K1" in page and 'aria-current="page">Receivables</a>' in page


def test_a_salespersons_export_holds_their_customers_only(client, salesperson, documents):
    response = login(client, salesperson).get(reverse("receivables:ageing"), AS_OF | {"format": "xlsx"})
    rows = sheet(response, "customers")
    assert rows[0][:9] == ["customer", "external id", "salesperson", "region", "current", "1-30", "31-60", "61-90", "over 90"]
    assert [row[:2] for row in rows[1:]] == [["Bar Ejemplo", "EX1"]]
    assert rows[1][4:9] == [900.0, 200.0, 600.0, 800.0, 100.0]
    assert sheet(response, "overdue instalments")[1:] == [["Bar Ejemplo", "EX1", "K1", 2, datetime(2026, 5, 1), 60, 600, 600]]


def test_a_supervisor_sees_the_team_and_filters_it(client, team, salesperson, other_salesperson, documents):
    login(client, team.supervisor)
    page = client.get(reverse("receivables:ageing"), AS_OF).content.decode()
    assert "Bar Ejemplo" in page and "Bar Ajeno" in page and "Bodega Sur" not in page
    page = client.get(reverse("receivables:ageing"), AS_OF | {"salesperson": other_salesperson.pk}).content.decode()
    assert "Bar Ajeno" in page and "Bar Ejemplo" not in page
    assert [row[0] for row in sheet(client.get(reverse("receivables:ageing"), AS_OF | {"format": "xlsx", "team": team.pk}), "teams")[1:]] == ["North"]


def test_filters_outside_what_a_user_may_see_are_not_found(client, team, south_salesperson, salesperson, documents):
    south = south_salesperson.team
    login(client, team.supervisor)
    for params in ({"salesperson": south_salesperson.pk}, {"team": south.pk}, {"salesperson": "x"}):
        assert client.get(reverse("receivables:ageing"), params).status_code == 404
        assert client.get(reverse("receivables:bonus"), params).status_code == 404
    login(client, salesperson)
    assert client.get(reverse("receivables:ageing"), {"salesperson": team.members.get(username="bruno").pk}).status_code == 404


def test_statements_of_customers_one_may_not_see_are_not_found(client, team, salesperson, worked_example, theirs, south_customer):
    login(client, salesperson)
    page = client.get(reverse("receivables:statement", args=[worked_example.pk]), AS_OF).content.decode()
    # F1 was paid more than 90 days before (as a word: the page's random CSRF token may hold the letters "F1").
    assert "Instalment 2 of K1" in page and "F3" in page and not re.search(r"\bF1\b", page)
    assert "P3 03/25/2026 (250.00)" in page  # what paid F2
    assert client.get(reverse("receivables:statement", args=[theirs.pk])).status_code == 404
    login(client, team.supervisor)
    assert client.get(reverse("receivables:statement", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("receivables:statement", args=[south_customer.pk])).status_code == 404


def test_only_supervisors_and_admins_set_credit_terms(client, team, salesperson, customer, south_customer):
    url = reverse("receivables:credit_terms", args=[customer.pk])
    assert login(client, salesperson).get(url).status_code == 403
    assert client.post(url, {"payment_days": "90"}).status_code == 403
    login(client, team.supervisor)
    assert client.get(url).status_code == 200
    response = client.post(url, {"payment_days": "45", "credit_limit": "1500.50"})
    assert response.status_code == 302 and response["Location"] == reverse("receivables:statement", args=[customer.pk])
    assert CreditTerms.objects.values_list("payment_days", "credit_limit_cents").get(customer=customer) == (45, 150_050)
    assert client.get(reverse("receivables:credit_terms", args=[south_customer.pk])).status_code == 404


def test_bad_credit_terms_show_the_error_and_change_nothing(client, team, customer):
    login(client, team.supervisor)
    page = client.post(reverse("receivables:credit_terms", args=[customer.pk]), {"payment_days": "999", "credit_limit": "-5"}).content.decode()
    assert "less than or equal to 365" in page and "greater than or equal to 0" in page
    assert not CreditTerms.objects.exists()


def test_the_customer_file_warns_of_an_exceeded_limit_and_overdue_instalments(client, salesperson, worked_example, terms):
    terms(worked_example, limit_cents=200_000)
    page = login(client, salesperson).get(reverse("web:customer_detail", args=[worked_example.pk])).content.decode()
    # A contract and named payments: the ledger is allocated in a request of its own, after the file.
    warning_url = reverse("receivables:credit_warning", args=[worked_example.pk])
    assert f'hx-get="{warning_url}"' in page and 'id="credit-warning"' not in page
    warning = client.get(warning_url).content.decode()
    # The figures depend on today: the example's items are all past due by now.
    assert 'id="credit-warning"' in warning and "Credit limit exceeded: owes 2,600.00 against a limit of 2,000.00 (600.00 over)" in warning
    assert "Instalment 2 of K1 was due on" in warning and "Instalment 3 of K1 was due on" in warning


def test_the_customer_file_warns_at_once_when_receipts_pay_the_oldest_invoices_first(client, salesperson, customer, sale, pay, terms):
    terms(customer, limit_cents=10_000)
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 30_000)])
    pay(customer, date(2026, 1, 20), 5_000)
    page = login(client, salesperson).get(reverse("web:customer_detail", args=[customer.pk])).content.decode()
    assert 'id="credit-warning"' in page and "Credit limit exceeded: owes 250.00 against a limit of 100.00 (150.00 over)" in page
    assert "250.00 overdue." in page and "hx-get" not in page.split('id="credit-warning"')[1].split("</section>")[0]


def test_refunds_and_credit_notes_are_added_up_at_once_in_the_same_few_queries(client, salesperson, customer, sale, pay, terms):
    terms(customer, limit_cents=10_000)
    sale(customer, "F1", date(2026, 1, 1), [("Lager", 30_000)])
    sale(customer, "A1", date(2026, 1, 5), [("Lager", -4_000)])  # a credit note
    pay(customer, date(2026, 1, 20), 10_000)
    pay(customer, date(2026, 1, 25), -1_000)  # a refund
    login(client, salesperson)
    # 30,000 less 4,000 and 10,000, plus the 1,000 given back: 17,000 owed, all past due by now.
    page = client.get(reverse("web:customer_detail", args=[customer.pk])).content.decode()
    assert 'id="credit-warning"' in page and "Credit limit exceeded: owes 170.00 against a limit of 100.00 (70.00 over)" in page
    url = reverse("receivables:credit_warning", args=[customer.pk])
    before = _queries(client, url, {})
    for number in range(2, 40):
        sale(customer, f"F{number}", date(2026, 1, 1) + timedelta(days=number), [("Lager", 1_000)])
        sale(customer, f"A{number}", date(2026, 1, 2) + timedelta(days=number), [("Lager", -500)])
        pay(customer, date(2026, 1, 3) + timedelta(days=number), -200)
    # 17,000 + 38 × (1,000 − 500 + 200) = 43,600.
    assert "Credit limit exceeded: owes 436.00 against a limit of 100.00 (336.00 over)" in client.get(url).content.decode()
    assert _queries(client, url, {}) == before <= 13  # session, user, the customer and its file (four), two checks, the terms, four sums


def test_the_credit_warning_of_someone_elses_customer_is_not_found(client, salesperson, theirs, sale):
    sale(theirs, "G1", date(2026, 1, 1), [("Lager", 40_000)])
    assert login(client, salesperson).get(reverse("receivables:credit_warning", args=[theirs.pk])).status_code == 404


def test_the_customer_file_shows_nothing_when_nothing_is_owed(client, salesperson, customer):
    page = login(client, salesperson).get(reverse("web:customer_detail", args=[customer.pk])).content.decode()
    assert 'id="credit-warning"' not in page


@pytest.fixture
def bonus_plan(db):
    return BonusPlan.objects.create(scheme="abc", default_percent=Decimal("1"), starts_on=date(2026, 1, 1))


def test_a_salesperson_sees_their_own_bonus_only_and_exports_it(client, salesperson, documents, bonus_plan):
    login(client, salesperson)
    page = client.get(reverse("receivables:bonus"), {"month": "2026-05"}).content.decode()
    assert 'data-salesperson="ana"' in page and 'data-salesperson="bruno"' not in page
    assert "1,000.00" in page and "10.00" in page  # P4 paid 1,000.00 of F4 in May: 1 %
    rows = sheet(client.get(reverse("receivables:bonus"), {"month": "2026-05", "format": "xlsx"}), "customers")
    # Held since February (F0, then F2 overdue at each month's end): 10.00 of February, 11.00 of March, 10.00 of May.
    assert rows[1:] == [["ana", "Bar Ejemplo", "EX1", None, 1000, 10, 10, 0, 0, 31]]


def test_a_supervisor_sees_each_salesperson_of_the_team(client, team, documents, bonus_plan):
    page = login(client, team.supervisor).get(reverse("receivables:bonus"), {"month": "2026-06"}).content.decode()
    assert 'data-salesperson="ana"' in page and 'data-salesperson="bruno"' in page and 'data-salesperson="carla"' not in page


def test_a_bad_month_shows_the_current_one(client, salesperson, bonus_plan):
    assert login(client, salesperson).get(reverse("receivables:bonus"), {"month": "2026-13"}).status_code == 200


def _queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["receivables:ageing", "receivables:bonus"])
def test_the_pages_read_a_fixed_number_of_queries(client, team, salesperson, documents, bonus_plan, sale, pay, name):
    login(client, team.supervisor)
    before = _queries(client, reverse(name), AS_OF | {"month": "2026-06"})
    for number in range(6):
        more = customer_create(external_id=f"M{number}", name=f"Bar {number}", owner=salesperson)
        sale(more, f"M{number}", date(2026, 5, 1), [("Lager", 5_000)])
        pay(more, date(2026, 6, 2), 2_000, f"M{number}")
    assert _queries(client, reverse(name), AS_OF | {"month": "2026-06"}) == before <= 20
