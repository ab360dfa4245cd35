"""Dashboard pages and their .xlsx exports: what each role sees, refusals, and bounded queries."""

import io
import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from clientela.crm.services.customers import customer_create
from clientela.dashboards.services import snapshots_index_recent
from clientela.segmentation.models import CustomerClass, Snapshot
from tests.dashboards.conftest import snapshot

PAGES = ["overview", "pareto", "classes", "matrix", "vip", "profit", "risk"]
EXPORTS = {
    "pareto": ["pareto-customers", "pareto-classes"],
    "classes": ["class-distribution", "class-flows", "class-changes"],
    "matrix": ["matrix-classes", "matrix-customers", "matrix-recover"],
    "vip": ["vip-register", "vip-months", "vip-dropped"],
    "profit": ["profit-bands", "profit-losses"],
    "risk": ["risk-alerts", "risk-lost"],
}
OTHERS = {"ana": ("Bruno 1", "Bruno 2", "Carla 1"), "boss": ("Carla 1",), "admin": ()}


@pytest.fixture
def everything(company, abc, vip, matrix, profit):
    return company


def client_of(client, company, username):
    client.force_login(company.users[username])
    return client


def workbook(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(response.content))


def sheet_rows(book, name):
    return [list(row) for row in book[name].iter_rows(values_only=True)]


def text_of(book):
    return " ".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)


def figure(page, chart_id):
    match = re.search(rf'<script id="{chart_id}-figure" type="application/json">(.*?)</script>', page, re.S)
    assert match, f"no figure {chart_id}"
    return json.loads(match.group(1))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_needs_a_login(client, db, page):
    response = client.get(reverse(f"dashboards:{page}"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username", ["ana", "boss", "admin"])
@pytest.mark.parametrize("page", PAGES)
def test_each_role_sees_only_the_customers_it_may_on_every_page(client, everything, username, page):
    response = client_of(client, everything, username).get(reverse(f"dashboards:{page}"))

    text = response.content.decode()
    assert response.status_code == 200
    for name in OTHERS[username]:
        assert name not in text
    if page != "risk":
        # The classes page lists the customers who changed class, the profit page those who lose money.
        assert {"classes": "Ana 2", "profit": "Ana 3"}.get(page, "Ana 1") in text
    for name, customer in everything.customers.items():
        link = reverse("web:customer_detail", args=[customer.pk])
        if name in OTHERS[username]:
            assert f'"{link}"' not in text


@pytest.mark.parametrize("username", ["ana", "boss", "admin"])
@pytest.mark.parametrize("page", list(EXPORTS))
def test_each_export_holds_only_the_customers_the_role_may_see(client, everything, username, page):
    response = client_of(client, everything, username).get(reverse(f"dashboards:{page}"), {"format": "xlsx"})

    book = workbook(response)
    assert book.sheetnames == EXPORTS[page]
    text = text_of(book)
    for name in OTHERS[username]:
        assert name not in text


def test_the_pareto_export_reads_back_with_every_figure(client, everything):
    response = client_of(client, everything, "ana").get(reverse("dashboards:pareto"), {"format": "xlsx"})

    book = workbook(response)
    assert response["Content-Disposition"] == 'attachment; filename="pareto-abc-2024-02-29.xlsx"'
    rows = sheet_rows(book, "pareto-customers")
    assert rows[0] == ["Position", "Rank", "Customer", "Salesperson", "Class", "Revenue", "Share", "Cumulative share (company)", "Cumulative share (shown)"]
    # Money in currency units; shares as fractions; the shown cumulative share is of Ana's 60,000 cents.
    assert rows[1:] == [
        [1, 1, "Ana 1", "Ana Ruiz", "A", 500.0, 0.5, 0.5, pytest.approx(50_000 / 60_000)],
        [2, 4, "Ana 2", "Ana Ruiz", "B", 100.0, 0.1, 0.95, 1.0],
        [3, 6, "Ana 3", "Ana Ruiz", "C", 0.0, 0.0, 1.0, 1.0],
    ]
    assert sheet_rows(book, "pareto-classes")[1:] == [["A", 1, 1, 1, 500.0, pytest.approx(50_000 / 60_000)], ["B", 2, 2, 1, 100.0, 1.0], ["C", 3, 3, 1, 0.0, 1.0]]


def test_the_vip_export_has_the_grid_the_months_and_who_dropped_out(client, everything):
    book = workbook(client_of(client, everything, "ana").get(reverse("dashboards:vip"), {"format": "xlsx"}))

    register = sheet_rows(book, "vip-register")
    assert register[0][-6:] == ["2023-09", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02"]
    assert register[1:] == [["Ana 1", "Ana Ruiz", 900.0, 2, False, False, False, False, True, True], ["Ana 3", "Ana Ruiz", 500.0, 1, False, False, False, False, False, True]]
    assert [row[1:] for row in sheet_rows(book, "vip-months")[1:]] == [[2, None, None], [2, 1, 1]]
    assert [row[0].date() for row in sheet_rows(book, "vip-months")[1:]] == [date(2024, 1, 31), date(2024, 2, 29)]
    dropped = sheet_rows(book, "vip-dropped")
    assert dropped[1][:6] == ["Ana 2", "Ana Ruiz", 1234.0, "2023-09, 2023-11", 400.0, "good"]
    assert dropped[1][6] is not None  # the date of the class-exit alert


def test_the_pareto_figure_links_bars_to_the_customers(client, everything):
    page = client_of(client, everything, "ana").get(reverse("dashboards:pareto")).content.decode()

    data = figure(page, "pareto-chart")["data"]
    ids = everything.ids("Ana 1", "Ana 2", "Ana 3")
    assert list(data[0]["customdata"]) == [reverse("web:customer_detail", args=[pk]) for pk in ids]
    assert '<details class="table-view">' in page and 'id="pareto-customers"' in page and 'id="pareto-classes"' in page


def test_the_matrix_points_link_to_the_customers_and_the_thresholds_are_drawn(client, everything):
    page = client_of(client, everything, "ana").get(reverse("dashboards:matrix")).content.decode()

    chart = figure(page, "matrix-chart")
    links = {link for trace in chart["data"] for link in trace.get("customdata", [])}
    # Ana 3 has no positive contribution: off the logarithmic axis.
    assert links == {reverse("web:customer_detail", args=[pk]) for pk in everything.ids("Ana 1", "Ana 2")}
    assert [trace["name"] for trace in chart["data"]] == ["EI", "EII", "EIII", "EIV"]
    lines = chart["layout"]["shapes"]
    assert lines[0]["x0"] == 100.0 and lines[1]["y0"] == 0.5  # 10,000 cents; stability 0.5
    assert "1 EII customer to recover" in page


@pytest.mark.parametrize("page", ["pareto", "classes", "matrix", "vip", "profit", "risk", "overview"])
def test_a_filter_outside_what_the_user_may_see_is_refused(client, everything, page):
    ana = client_of(client, everything, "ana")
    bruno = everything.users["bruno"].pk

    response = ana.get(reverse(f"dashboards:{page}"), {"owner": bruno})
    again = ana.get(reverse(f"dashboards:{page}"), {"owner": bruno, "format": "xlsx"})

    assert response.status_code == 400 and again.status_code == 400
    text = response.content.decode()
    assert "Select a valid choice" in text and "Bruno 1" not in text
    assert again["Content-Type"].startswith("text/html")


def test_a_supervisor_cannot_pick_another_team_and_an_unknown_scheme_or_date_is_refused(client, everything):
    boss = client_of(client, everything, "boss")

    assert boss.get(reverse("dashboards:pareto"), {"team": everything.south.pk}).status_code == 400
    assert boss.get(reverse("dashboards:pareto"), {"team": everything.north.pk}).status_code == 200
    assert boss.get(reverse("dashboards:pareto"), {"scheme": "nope"}).status_code == 400
    assert boss.get(reverse("dashboards:pareto"), {"scheme": "vip"}).status_code == 400  # not an ABC scheme
    assert boss.get(reverse("dashboards:pareto"), {"as_of": "2023-12-31"}).status_code == 400


def test_filters_narrow_the_admins_pages(client, everything):
    admin = client_of(client, everything, "admin")

    page = admin.get(reverse("dashboards:pareto"), {"region": everything.coast.pk}).content.decode()

    assert "Ana 1" in page and "Bruno 1" in page and "Carla 1" not in page and "Ana 2" not in page
    book = workbook(admin.get(reverse("dashboards:pareto"), {"tag": everything.key_account.pk, "format": "xlsx"}))
    assert [row[2] for row in sheet_rows(book, "pareto-customers")[1:]] == ["Ana 1"]


def test_the_overview_answers_the_three_questions(client, everything):
    page = client_of(client, everything, "ana").get(reverse("dashboards:overview")).content.decode()

    a, dropped, recover = (page.split(f'id="{section}-title"')[1] for section in ("a", "dropped", "recover"))
    assert "1 customer is in class A of abc" in a and "Ana 1" in a.split("</section>")[0]
    assert "1 customer left the VIP register" in dropped and "Ana 2" in dropped.split("</section>")[0] and "1,234.00" in dropped
    assert "1 customer brings a high contribution" in recover and "Ana 1" in recover.split("</section>")[0]
    assert 'aria-current="page">Dashboards</a>' in page


def test_a_scheme_without_snapshots_says_how_to_make_one(client, company):
    Snapshot.objects.all().delete()
    page = client_of(client, company, "ana").get(reverse("dashboards:pareto")).content.decode()
    assert "has no snapshot yet" in page


def march(company, extra):
    """Copy every February snapshot to March, with its class changes, and `extra` more customers of Ana at the bottom of each ranking."""
    newcomers = [customer_create(external_id=f"X{n}", name=f"Newcomer {n}", owner=company.users["ana"]) for n in range(extra)]
    for february in Snapshot.objects.filter(as_of=date(2024, 2, 29)):
        rows = [(c.customer, c.label, c.explanation) for c in CustomerClass.objects.filter(snapshot=february).select_related("customer")]
        last = max(explanation["rank"] for _, _, explanation in rows)
        labels = sorted({label for _, label, _ in rows})
        rows += [(customer, labels[n % len(labels)], {**rows[-1][2], "rank": last + n + 1, "value": 1, "contribution": 1.0}) for n, customer in enumerate(newcomers)]
        changes = {change.customer: change.from_class for change in february.changes.select_related("customer")}
        snapshot(february.scheme, date(2024, 3, 31), rows, changes=changes | {customer: "" for customer in newcomers})


@pytest.mark.parametrize("username", ["ana", "admin"])
def test_queries_do_not_grow_with_customers_or_snapshots(client, everything, username):
    march(everything, extra=12)
    snapshots_index_recent(months=3)
    user = client_of(client, everything, username)
    counts = {}
    for page in PAGES:
        for as_of in ("2024-02-29", "2024-03-31"):
            params = {"as_of": as_of, "months": 24} if page not in ("overview", "risk") else {}
            with CaptureQueriesContext(connection) as queries:
                assert user.get(reverse(f"dashboards:{page}"), params).status_code == 200
            counts.setdefault(page, []).append(len(queries))
    assert all(february == march for february, march in counts.values()), sorted(counts.items())
    assert counts.pop("overview")[0] <= 21 and max(february for february, _ in counts.values()) <= 15, counts
