"""The web shell: login, portfolio, customer list and customer file, each limited to what the user may see."""

from datetime import date

import pytest
from django.urls import reverse

from clientela.crm.models import Contact, Region, Transaction, User
from clientela.crm.services.customers import customer_create


@pytest.fixture
def portfolio(salesperson, other_salesperson):
    mine = [customer_create(external_id=f"M{i:02d}", name=f"Mine {i:02d}", owner=salesperson, city="Bilbao") for i in range(30)]
    theirs = customer_create(external_id="T1", name="Theirs", owner=other_salesperson, city="Madrid")
    return mine, theirs


@pytest.fixture
def sales_client(client, salesperson):
    client.force_login(salesperson)
    return client


def test_pages_need_a_login(client, db):
    for name in ("web:home", "web:customer_list"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_login_with_the_form_then_logout(client, salesperson):
    page = client.get(reverse("login"))
    assert b'name="username"' in page.content
    response = client.post(reverse("login"), {"username": "ana", "password": "pw"})
    assert response.status_code == 302 and response["Location"] == reverse("web:home")
    assert client.get(reverse("web:home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("web:home")).status_code == 302


def test_a_wrong_password_is_refused_with_a_message(client, salesperson):
    response = client.post(reverse("login"), {"username": "ana", "password": "nope"})
    assert response.status_code == 200
    assert "didn't match" in response.content.decode()


def test_home_shows_the_portfolio_revenue(sales_client, portfolio):
    mine, _ = portfolio
    Transaction.objects.create(document_id="F1", line=1, customer=mine[0], date=date.today(), amount_cents=123456)
    content = sales_client.get(reverse("web:home")).content.decode()
    assert "1,234.56" in content and ">30<" in content


def test_the_list_shows_own_customers_paginated(sales_client, portfolio):
    response = sales_client.get(reverse("web:customer_list"))
    content = response.content.decode()
    assert "30 customers" in content and "Page 1 of 2" in content
    assert "Theirs" not in content
    second = sales_client.get(reverse("web:customer_list"), {"page": 2}).content.decode()
    assert "Mine 29" in second and "Mine 00" not in second


def test_the_search_returns_only_the_rows_to_htmx(sales_client, portfolio):
    response = sales_client.get(reverse("web:customer_list"), {"q": "Mine 07"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "1 customer" in content and "Mine 07" in content
    assert "<html" not in content


def test_a_search_for_another_salespersons_customer_finds_nothing(sales_client, portfolio):
    content = sales_client.get(reverse("web:customer_list"), {"q": "Theirs"}).content.decode()
    assert "0 customers" in content


def test_the_customer_file_shows_contacts_and_refuses_other_portfolios(sales_client, portfolio):
    mine, theirs = portfolio
    Contact.objects.create(customer=mine[0], name="Lucía Pérez", role="Owner", birthday=date(1980, 5, 17))
    content = sales_client.get(reverse("web:customer_detail", args=[mine[0].pk])).content.decode()
    assert "Mine 00" in content and "Lucía Pérez" in content and "17 May" in content
    assert sales_client.get(reverse("web:customer_detail", args=[theirs.pk])).status_code == 404


def test_a_supervisor_opens_the_teams_customers(client, team, portfolio):
    _, theirs = portfolio
    client.force_login(team.supervisor)
    assert client.get(reverse("web:customer_detail", args=[theirs.pk])).status_code == 200


def test_the_list_and_file_use_a_bounded_number_of_queries(sales_client, portfolio, django_assert_max_num_queries):
    mine, _ = portfolio
    with django_assert_max_num_queries(12):
        sales_client.get(reverse("web:customer_list"))
    with django_assert_max_num_queries(28):  # every section of the file; tests/web/test_customer_file.py checks it does not grow
        sales_client.get(reverse("web:customer_detail", args=[mine[0].pk]))


def test_only_admins_reach_the_admin(client, salesperson):
    client.force_login(salesperson)
    assert client.get("/admin/").status_code == 302
    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/crm/customer/").status_code == 200


def test_the_filters_offer_the_regions_and_salespeople_of_the_visible_customers_only(sales_client, salesperson, other_salesperson):
    north, south = Region.objects.create(code="N", name="North"), Region.objects.create(code="S", name="South")
    customer_create(external_id="M1", name="Mine", owner=salesperson, region=north, channel="horeca")
    customer_create(external_id="T1", name="Theirs", owner=other_salesperson, region=south, channel="retail")
    content = sales_client.get(reverse("web:customer_list")).content.decode()
    assert ">North</option>" in content and ">South</option>" not in content
    assert f">{salesperson}</option>" in content and f">{other_salesperson}</option>" not in content
    assert ">horeca</option>" in content and ">retail</option>" not in content
