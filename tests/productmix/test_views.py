"""The product mix page and its .xlsx export: what each role sees, refusals, filters, bad input, query counts."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from clientela.crm.models import Product, Region
from clientela.crm.services.business import transactions_upsert
from clientela.crm.services.customers import customer_create

URL = reverse("productmix:mix")
PERIOD = {"as_of": "2026-06-30", "months": "12"}


def rows_of(page: str, table: str) -> list[str]:
    """The SKUs of a table of the page, in order."""
    body = page.split(f'id="{table}"', 1)[1].split("</table>", 1)[0]
    return [chunk.split('"', 1)[0] for chunk in body.split('data-sku="')[1:]]


def test_the_page_needs_a_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_salesperson_sees_the_mix_of_their_customers(client, company, salesperson):
    client.force_login(salesperson)
    page = client.get(URL, PERIOD | {"few_buyers": "2"}).content.decode()
    assert rows_of(page, "abc") == ["P1", "P2", "P3", "P4"]
    assert rows_of(page, "declining") == ["P1"] and rows_of(page, "few") == ["P3", "P4", "P2"]
    assert "70.00" in page and "-22.2 %" in page and "-33.3 %" in page and "70.0 %" in page
    assert 'name="salesperson"' not in page and 'aria-current="page">Products</a>' in page


def test_a_salesperson_cannot_ask_for_another_salespersons_mix(client, company, salesperson, other_salesperson, south_salesperson):
    client.force_login(salesperson)
    assert client.get(URL, PERIOD | {"salesperson": other_salesperson.pk}).status_code == 404
    assert client.get(URL, PERIOD | {"salesperson": other_salesperson.pk, "format": "xlsx"}).status_code == 404
    assert client.get(URL, PERIOD | {"team": south_salesperson.team_id}).status_code == 404
    assert client.get(URL, PERIOD | {"salesperson": "x"}).status_code == 404


def test_a_supervisor_sees_the_team_or_one_salesperson_but_not_another_team(client, company, team, other_salesperson, south_salesperson):
    client.force_login(team.supervisor)
    assert rows_of(client.get(URL, PERIOD).content.decode(), "abc") == ["P1", "P3", "P2", "P4"]
    page = client.get(URL, PERIOD | {"salesperson": other_salesperson.pk}).content.decode()
    assert rows_of(page, "abc") == ["P3", "P1", "P2", "P4"]  # bruno's C3: P3 5,000, P1 500
    assert client.get(URL, PERIOD | {"salesperson": south_salesperson.pk}).status_code == 404
    assert client.get(URL, PERIOD | {"team": south_salesperson.team_id}).status_code == 404


def test_an_admin_filters_by_region(client, company, admin):
    client.force_login(admin)
    assert rows_of(client.get(URL, PERIOD).content.decode(), "abc") == ["P3", "P1", "P2", "P4"]
    south = Region.objects.get(code="S")
    page = client.get(URL, PERIOD | {"region": south.pk}).content.decode()
    assert rows_of(page, "abc") == ["P3", "P1", "P2", "P4"] and rows_of(page, "declining") == ["P2"] and "-100.0 %" in page


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"as_of": "2026-02-30"}, "Enter a valid date."),
        ({"months": "7"}, "Select a valid choice. 7 is not one of the available choices."),
        ({"few_buyers": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"decline": "150"}, "Ensure this value is less than or equal to 100."),
        ({"metric": "paid"}, "Select a valid choice. paid is not one of the available choices."),
    ],
)
def test_bad_filters_are_named_and_nothing_is_computed(client, company, admin, params, error):
    client.force_login(admin)
    response = client.get(URL, PERIOD | params)
    page = response.content.decode()
    assert response.status_code == 200 and error in page.replace("&#x27;", "'") and 'id="abc"' not in page
    assert client.get(URL, PERIOD | params | {"format": "xlsx"})["Content-Type"].startswith("text/html")


def test_the_export_reads_back_with_the_same_figures(client, company, salesperson):
    client.force_login(salesperson)
    response = client.get(URL, PERIOD | {"few_buyers": "2", "format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="product-mix-2026-06-30.xlsx"'
    workbook = load_workbook(BytesIO(response.content), read_only=True)
    sheets = {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}
    workbook.close()
    assert list(sheets) == ["settings", "abc", "declining", "few customers"]
    assert dict(sheets["settings"][1:]) == {
        "as of": sheets["settings"][1][1], "period (months)": 12, "ranked by": "revenue", "A up to cumulative share": 0.8,
        "B up to cumulative share": 0.95, "declining from a fall of": 0.1, "few customers: fewer than": 2,
        "region": "all", "salesperson": "all", "team": "all",
    }  # fmt: skip
    assert sheets["settings"][1][1].date().isoformat() == "2026-06-30"
    assert sheets["abc"][0][:7] == ("rank", "class", "sku", "product", "family", "variety", "value")
    p1 = sheets["abc"][1]
    assert p1[:10] == (1, "A", "P1", "Lager Pils", "Lager", "Pils", 70, 0.7, 0.7, 2)
    assert p1[10:13] == (70, 90, pytest.approx(-2 / 9)) and p1[13:] == (60, 90, pytest.approx(-1 / 3))
    assert [row[2] for row in sheets["abc"][1:]] == ["P1", "P2", "P3", "P4"]
    assert [row[2] for row in sheets["declining"][1:]] == ["P1"]
    assert [row[2] for row in sheets["few customers"][1:]] == ["P3", "P4", "P2"]


def test_the_page_takes_the_same_queries_for_any_number_of_products_and_customers(client, company, admin, salesperson):
    client.force_login(admin)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, PERIOD).status_code == 200
        return len(queries)

    few = count()
    extra = [Product.objects.create(sku=f"X{n}", name=f"Extra {n}") for n in range(6)]
    buyers = [customer_create(external_id=f"N{n}", name=f"New {n}", owner=salesperson) for n in range(5)]
    transactions_upsert(rows=[(f"X{n}", 1, buyers[n % 5].pk, date(2026, 6, 1), product.pk, 1, 100 * (n + 1), None) for n, product in enumerate(extra)])
    assert count() == few

