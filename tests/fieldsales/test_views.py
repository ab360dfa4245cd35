"""Field sales pages and exports, each limited to what the user may see, in a fixed number of queries."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clientela.fieldsales.models import PlannedVisit, StartPoint, Target
from clientela.fieldsales.services import planned_visit_add, target_save
from clientela.planning.routes import great_circle_metres
from tests.fieldsales.conftest import OFFICE


def login(client, user):
    client.force_login(user)
    return client


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def plan_day(salesperson, customer, day):
    return planned_visit_add(salesperson=salesperson, customer=customer, period="day", day=day, objective="order", purpose="summer order")


# The daily route


def test_a_salesperson_sees_tomorrows_visits_in_route_order_with_the_distance(client, salesperson, office, place):
    tomorrow = timezone.localdate() + timedelta(days=1)
    far, near = place(salesperson, "Far Bar", km_east=10), place(salesperson, "Near Bar", km_east=2)
    plan_day(salesperson, far, tomorrow)
    plan_day(salesperson, near, tomorrow)

    response = login(client, salesperson).get(reverse("fieldsales:route"), {"date": tomorrow.isoformat()})

    content = response.content.decode()
    assert response.status_code == 200
    assert content.index("Near Bar") < content.index("Far Bar")
    # Out to Far Bar past Near Bar and back.
    path = [OFFICE, (near.latitude, near.longitude), (far.latitude, far.longitude), OFFICE]
    metres = sum(round(great_circle_metres(a, b)) for a, b in zip(path, path[1:]))
    tenths = (metres + 50) // 100
    assert f'id="route-distance">{tenths // 10}.{tenths % 10} km<' in content
    assert "plotly/plotly.min.js" in content and "route-chart-figure" in content


def test_the_route_of_someone_else_is_refused_but_a_supervisor_sees_the_teams(client, salesperson, other_salesperson, south_salesperson, team):
    assert login(client, salesperson).get(reverse("fieldsales:route"), {"salesperson": other_salesperson.pk}).status_code == 404
    assert login(client, team.supervisor).get(reverse("fieldsales:route"), {"salesperson": other_salesperson.pk}).status_code == 200
    assert login(client, team.supervisor).get(reverse("fieldsales:route"), {"salesperson": south_salesperson.pk}).status_code == 404
    assert login(client, salesperson).get(reverse("fieldsales:route"), {"salesperson": south_salesperson.pk, "format": "ics"}).status_code == 404


def test_the_route_as_ics(client, salesperson, office, place):
    tomorrow = timezone.localdate() + timedelta(days=1)
    plan_day(salesperson, place(salesperson, "Bar Uno"), tomorrow)
    response = login(client, salesperson).get(reverse("fieldsales:route"), {"date": tomorrow.isoformat(), "format": "ics"})
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"SUMMARY:1. Visit: Bar Uno" in response.content


def test_a_salesperson_sets_the_start_point(client, salesperson):
    response = login(client, salesperson).post(reverse("fieldsales:start_point"), {"label": "Home", "latitude": "40.1", "longitude": "-3.5", "speed_kmh": "50"})
    assert response.status_code == 302
    assert StartPoint.objects.filter(user=salesperson).values_list("label", "latitude", "speed_kmh").get() == ("Home", 40.1, 50)
    login(client, salesperson).post(reverse("fieldsales:start_point"), {"label": "Home", "latitude": "91", "longitude": "-3.5", "speed_kmh": "50"})
    assert StartPoint.objects.get(user=salesperson).latitude == 40.1


def test_the_route_page_takes_the_same_queries_for_few_or_many_visits(client, salesperson, office, place):
    tomorrow = timezone.localdate() + timedelta(days=1)
    url = reverse("fieldsales:route") + f"?date={tomorrow}"
    for n in range(2):
        plan_day(salesperson, place(salesperson, f"Few {n}", km_east=n + 1), tomorrow)
    few = queries(login(client, salesperson), url)
    for n in range(6):
        plan_day(salesperson, place(salesperson, f"Many {n}", km_east=n + 3), tomorrow)
    assert queries(client, url) == few


# The visit plan


def test_a_salesperson_plans_a_visit_and_sees_plan_vs_done(client, salesperson, customer):
    client = login(client, salesperson)
    response = client.post(
        reverse("fieldsales:visits") + "?year=2026&month=5",
        {"salesperson": salesperson.pk, "customer": customer.pk, "period": "month", "day": "2026-05-14", "objective": "products", "purpose": "new IPA", "minutes": "30"},
    )
    assert response.status_code == 302
    visit = PlannedVisit.objects.get()
    assert (visit.customer, visit.starts_on, visit.ends_on) == (customer, date(2026, 5, 1), date(2026, 5, 31))
    content = client.get(reverse("fieldsales:visits"), {"year": 2026, "month": 5}).content.decode()
    assert "new IPA" in content and "present new products" in content


def test_another_salespersons_plan_is_refused(client, salesperson, other_salesperson, place):
    theirs = planned_visit_add(salesperson=other_salesperson, customer=place(other_salesperson, "Theirs"), period="month", day=date(2026, 5, 1), objective="order", purpose="x")
    client = login(client, salesperson)
    assert client.get(reverse("fieldsales:visits"), {"salesperson": other_salesperson.pk}).status_code == 404
    assert client.post(reverse("fieldsales:visit_delete", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("fieldsales:visits_from_plan"), {"salesperson": other_salesperson.pk}).status_code == 404
    assert PlannedVisit.objects.filter(pk=theirs.pk).exists()


def test_the_visit_plan_takes_the_same_queries_for_few_or_many_visits(client, salesperson, place):
    url = reverse("fieldsales:visits") + "?year=2026"
    plan_day(salesperson, place(salesperson, "Few"), date(2026, 3, 3))
    few = queries(login(client, salesperson), url)
    for n in range(10):
        plan_day(salesperson, place(salesperson, f"Many {n}"), date(2026, 3 + n % 6, 3))
    assert queries(client, url) == few


# Targets


def test_a_salesperson_reads_targets_but_cannot_set_them(client, salesperson, other_salesperson):
    target_save(salesperson=salesperson, year=2026, month=5, amount_cents=500_00)
    target_save(salesperson=other_salesperson, year=2026, month=5, amount_cents=900_00)
    client = login(client, salesperson)
    response = client.get(reverse("fieldsales:targets"), {"year": 2026, "month": 5})
    assert response.status_code == 200 and response.context["form"] is None
    assert [row.label for row in response.context["totals"]] == ["ana"]
    assert client.post(reverse("fieldsales:targets"), {"salesperson": salesperson.pk, "year": 2026, "month": 5, "amount": "1"}).status_code == 403
    assert Target.objects.get(salesperson=salesperson).amount_cents == 500_00


def test_a_supervisor_sets_a_yearly_target_spread_over_the_months(client, team, salesperson, south_salesperson):
    client = login(client, team.supervisor)
    response = client.post(reverse("fieldsales:targets") + "?year=2027", {"salesperson": salesperson.pk, "year": 2027, "amount": "1200.00"})
    assert response.status_code == 302
    assert list(Target.objects.order_by("month").values_list("amount_cents", flat=True)) == [100_00] * 12
    refused = client.post(reverse("fieldsales:targets"), {"salesperson": south_salesperson.pk, "year": 2027, "month": 1, "amount": "1"})
    assert refused.status_code == 200 and "salesperson" in refused.context["form"].errors


def test_the_targets_page_takes_the_same_queries_for_few_or_many_targets(client, team, salesperson, other_salesperson):
    url = reverse("fieldsales:targets") + "?year=2026&by=team"
    target_save(salesperson=salesperson, year=2026, month=1, amount_cents=1)
    few = queries(login(client, team.supervisor), url)
    for month in range(2, 13):
        target_save(salesperson=salesperson, year=2026, month=month, amount_cents=month)
        target_save(salesperson=other_salesperson, year=2026, month=month, units=month)
    assert queries(client, url) == few


# Evaluation


def test_each_role_sees_its_own_evaluation_rows(client, admin_user, team, salesperson, other_salesperson, south_salesperson):
    url = reverse("fieldsales:evaluation")
    def names(user):
        return [row.salesperson.username for row in login(client, user).get(url).context["rows"]]
    assert names(salesperson) == ["ana"]
    assert names(team.supervisor) == ["ana", "bruno"]
    assert names(admin_user) == ["ana", "bruno", "carla"]


def test_the_monthly_evaluation_as_xlsx(client, team, salesperson, other_salesperson, place, sell):
    target_save(salesperson=salesperson, year=2026, month=5, amount_cents=500_00)
    sell(place(salesperson, "Bar"), date(2026, 5, 4), 250_00)
    response = login(client, team.supervisor).get(reverse("fieldsales:evaluation"), {"date": "2026-05-14", "format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="month-evaluation-2026-05-01.xlsx"'
    sheet = load_workbook(BytesIO(response.content))["evaluation"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ("rank", "salesperson", "target", "actual", "fulfilment", "visits planned", "visits done")
    assert rows[1][:5] == (1, "ana", 500, 250, 0.5)
    assert rows[2][1] == "bruno"


def test_a_salesperson_exports_only_their_own_evaluation(client, salesperson, other_salesperson):
    response = login(client, salesperson).get(reverse("fieldsales:evaluation"), {"format": "xlsx"})
    names = [row[1] for row in load_workbook(BytesIO(response.content))["evaluation"].iter_rows(min_row=2, values_only=True)]
    assert names == ["ana"]


def test_the_evaluation_takes_the_same_queries_for_few_or_many_salespeople(client, admin_user, salesperson, other_salesperson, south_salesperson, place):
    url = reverse("fieldsales:evaluation") + "?date=2026-05-14"
    few = queries(login(client, admin_user), url)
    for person in (salesperson, other_salesperson, south_salesperson):
        target_save(salesperson=person, year=2026, month=5, amount_cents=1)
        plan_day(person, place(person, f"Bar of {person}"), date(2026, 5, 3))
    assert queries(client, url) <= few + 2  # the classes' policies are read once there are classified customers


@pytest.mark.parametrize("url", ["fieldsales:route", "fieldsales:visits", "fieldsales:targets", "fieldsales:evaluation"])
def test_the_pages_need_a_login(client, db, url):
    response = client.get(reverse(url))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_plotly_is_served_from_the_installed_package():
    found = finders.find("plotly/plotly.min.js")
    assert found and found.endswith("package_data/plotly.min.js")
    assert finders.find("plotly/nothing.js") in (None, [])
