"""Retention pages: customers at risk, lost customers and their .xlsx, the loss form; each limited to what the user may see."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clientela.crm.models import Alert, Customer, Team, User
from clientela.crm.services.customers import customer_create
from clientela.retention.models import CustomerLoss, CustomerLossClass, CustomerRhythm
from tests.retention.conftest import fit_store

TODAY = timezone.localdate()


@pytest.fixture
def people(salesperson, other_salesperson, team):
    """Ana and Bruno in Boss's team; Carla in another team; Alex the admin."""
    other_team = Team.objects.create(name="South")
    carla = User.objects.create_user("carla", password="pw", role=User.Role.SALESPERSON, team=other_team)
    admin = User.objects.create_user("alex", password="pw", role=User.Role.ADMIN)
    return {"ana": salesperson, "bruno": other_salesperson, "boss": team.supervisor, "carla": carla, "alex": admin}


@pytest.fixture
def customers(people):
    made = {}
    for owner, names in [("ana", ["Bar Uno", "Bar Dos", "Bar Tres", "Bar Perdido"]), ("bruno", ["Bar Ajeno"]), ("carla", ["Bar Lejano"])]:
        for name in names:
            made[name] = customer_create(external_id=name, name=name, owner=people[owner])
    return made


def client_for(client, user):
    client.force_login(user)
    return client


def names(response) -> set[str]:
    page = response.content.decode()
    return {name for name in ("Bar Uno", "Bar Dos", "Bar Tres", "Bar Perdido", "Bar Ajeno", "Bar Lejano") if name in page}


# --- customers at risk ---------------------------------------------------------------------------------------


@pytest.fixture
def at_risk(customers, people):
    """Uno (p 0.2, silent 40 days, usual gap 7), Ajeno (p 0.1), Lejano (p 0.3); Dos (p 0.9) has an unread at-risk alert,
    Tres (p 0.95) none; Perdido (p 0.05) is lost."""
    fit_store(
        TODAY - timedelta(days=3),
        {customers["Bar Uno"]: 0.2, customers["Bar Ajeno"]: 0.1, customers["Bar Lejano"]: 0.3, customers["Bar Dos"]: 0.9, customers["Bar Tres"]: 0.95, customers["Bar Perdido"]: 0.05},
        expected_value_cents=123_456,
    )
    CustomerRhythm.objects.create(customer=customers["Bar Uno"], as_of=TODAY, last_purchase_on=TODAY - timedelta(days=40), purchase_days=9, usual_gap_days=7)
    Alert.objects.create(recipient=people["ana"], customer=customers["Bar Dos"], kind=Alert.Kind.AT_RISK, message="Bar Dos is at risk: last purchase 50 days ago")
    Customer.objects.filter(pk=customers["Bar Perdido"].pk).update(status=Customer.Status.LOST)
    return customers


def test_the_pages_need_a_login(client, customers):
    for url in (reverse("retention:at_risk"), reverse("retention:lost"), reverse("retention:loss_form", args=[customers["Bar Uno"].pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("user", "visible"),
    [("ana", {"Bar Uno", "Bar Dos"}), ("boss", {"Bar Uno", "Bar Dos", "Bar Ajeno"}), ("alex", {"Bar Uno", "Bar Dos", "Bar Ajeno", "Bar Lejano"})],
)
def test_the_at_risk_list_shows_what_the_user_may_see(client, people, at_risk, user, visible):
    response = client_for(client, people[user]).get(reverse("retention:at_risk"))
    assert response.status_code == 200
    assert names(response) == visible


def test_the_at_risk_list_gives_the_numbers(client, people, at_risk):
    page = client_for(client, people["ana"]).get(reverse("retention:at_risk")).content.decode()
    uno = page[page.index("Bar Uno") : page.index("</tr>", page.index("Bar Uno"))]
    assert ">0.20<" in uno and ">1,234.56<" in uno and ">40<" in uno and ">7<" in uno
    assert "Bar Dos is at risk: last purchase 50 days ago" in page
    assert page.index("Bar Uno") < page.index("Bar Dos")  # lowest probability first
    assert 'aria-current="page">Retention</a>' in page


def test_the_at_risk_list_runs_a_fixed_number_of_queries(client, people, at_risk):
    client_for(client, people["ana"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("retention:at_risk"))
    more = {customer_create(external_id=f"X{n}", name=f"Bar Extra {n}", owner=people["ana"]): 0.01 * n for n in range(12)}
    fit_store(TODAY - timedelta(days=1), more)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("retention:at_risk"))
    assert "Bar Extra 11" in response.content.decode()
    assert len(many) == len(few) <= 12, [q["sql"] for q in many]


# --- lost customers ------------------------------------------------------------------------------------------


@pytest.fixture
def lost(customers):
    """Uno lost 10 days ago (competitor, 5,000 in the year before, abc A); Ajeno (Bruno's) 20 days ago (unknown, 700);
    Lejano (Carla's) 30 days ago (dissatisfied, 900)."""

    def lose(name, days_ago, reason, cents, label):
        loss = CustomerLoss.objects.create(customer=customers[name], lost_on=TODAY - timedelta(days=days_ago), how="detected", reason=reason, revenue_12m_cents=cents)
        CustomerLossClass.objects.create(loss=loss, scheme_name="abc", label=label)
        return loss

    return {
        "Bar Uno": lose("Bar Uno", 10, "competitor_offer", 5_000, "A"),
        "Bar Ajeno": lose("Bar Ajeno", 20, "unknown", 700, "B"),
        "Bar Lejano": lose("Bar Lejano", 30, "dissatisfied", 900, "C"),
    }


@pytest.mark.parametrize(
    ("user", "visible"), [("ana", {"Bar Uno"}), ("bruno", {"Bar Ajeno"}), ("boss", {"Bar Uno", "Bar Ajeno"}), ("alex", {"Bar Uno", "Bar Ajeno", "Bar Lejano"})]
)
def test_the_lost_page_shows_what_the_user_may_see(client, people, lost, user, visible):
    response = client_for(client, people[user]).get(reverse("retention:lost"))
    assert response.status_code == 200
    assert names(response) == visible


def test_the_lost_page_shows_the_tables(client, people, lost):
    page = client_for(client, people["boss"]).get(reverse("retention:lost")).content.decode()
    for heading in ("By class at the time of loss", "By month", "By reason"):
        assert heading in page
    assert "A competitor offered more" in page and "57.00" in page and "abc A" in page
    assert "give the reason" in page  # Ajeno's loss is unknown still
    empty = client.get(reverse("retention:lost"), {"start": "2020-01-01", "end": "2020-12-31"}).content.decode()
    assert "No losses in this period." in empty and "Bar Uno" not in empty


def test_the_lost_page_runs_a_fixed_number_of_queries(client, people, lost, customers):
    client_for(client, people["alex"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("retention:lost"))
    for n in range(10):
        extra = customer_create(external_id=f"L{n}", name=f"Bar Ido {n}", owner=people["carla"])
        loss = CustomerLoss.objects.create(customer=extra, lost_on=TODAY - timedelta(days=n + 1), how="marked", reason="other", reason_text="x", recorded_by=people["carla"])
        CustomerLossClass.objects.create(loss=loss, scheme_name="vip", label="vip")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("retention:lost"))
    assert "Bar Ido 9" in response.content.decode()
    assert len(many) == len(few) <= 15


def test_the_export_holds_the_tables_and_the_lost_customers_the_user_may_see(client, people, lost):
    response = client_for(client, people["boss"]).get(reverse("retention:lost"), {"format": "xlsx"})
    assert response.status_code == 200 and response["Content-Disposition"].startswith('attachment; filename="lost-customers-')
    workbook = load_workbook(BytesIO(response.content), read_only=True)
    sheets = {name: [list(row) for row in workbook[name].iter_rows(values_only=True)] for name in workbook.sheetnames}
    assert list(sheets) == ["by class", "by month", "by reason", "lost customers"]
    assert sheets["by class"] == [["scheme", "class", "losses", "recovered", "revenue in the 12 months before"], ["abc", "A", 1, 0, 50], ["abc", "B", 1, 0, 7]]
    assert sheets["by reason"][1:] == [["A competitor offered more", 1, 0, 50], ["Unknown", 1, 0, 7]]
    assert sum(row[1] for row in sheets["by month"][1:]) == 2
    customers = sheets["lost customers"]
    assert customers[0][:6] == ["customer", "external id", "salesperson", "lost on", "how", "reason"]
    assert [(row[0], row[3].date(), row[5], row[7], row[10]) for row in customers[1:]] == [
        ("Bar Uno", TODAY - timedelta(days=10), "A competitor offered more", "abc A", 50),
        ("Bar Ajeno", TODAY - timedelta(days=20), "Unknown", "abc B", 7),
    ]


def test_a_salespersons_export_leaves_out_others_customers(client, people, lost):
    response = client_for(client, people["bruno"]).get(reverse("retention:lost"), {"format": "xlsx"})
    rows = list(load_workbook(BytesIO(response.content), read_only=True)["lost customers"].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Bar Ajeno"]


# --- the loss form -------------------------------------------------------------------------------------------


def test_the_owner_marks_a_customer_lost_with_a_reason(client, people, customers):
    uno = customers["Bar Uno"]
    client_for(client, people["ana"])
    assert "Mark Bar Uno lost" in client.get(reverse("retention:loss_form", args=[uno.pk])).content.decode()
    response = client.post(reverse("retention:loss_form", args=[uno.pk]), {"reason": "tries_new_things", "lost_on": "2024-05-02"})
    assert response.status_code == 302 and response["Location"] == reverse("retention:lost")
    loss = CustomerLoss.objects.get(customer=uno)
    assert (loss.lost_on, loss.how, loss.reason, loss.recorded_by) == (date(2024, 5, 2), "marked", "tries_new_things", people["ana"])
    uno.refresh_from_db()
    assert uno.status == "lost"


def test_the_form_refuses_other_without_words_and_a_reason_off_the_list(client, people, customers):
    url = reverse("retention:loss_form", args=[customers["Bar Uno"].pk])
    client_for(client, people["ana"])
    page = client.post(url, {"reason": "other", "reason_text": ""}).content.decode()
    assert "say in words why the customer was lost" in page
    page = client.post(url, {"reason": "price"}).content.decode()
    assert "Select a valid choice. price is not one of the available choices." in page
    assert not CustomerLoss.objects.exists()


def test_the_owner_gives_the_reason_of_a_detected_loss(client, people, lost):
    url = reverse("retention:loss_form", args=[lost["Bar Ajeno"].customer.pk])
    client_for(client, people["bruno"])
    assert "Why was Bar Ajeno lost?" in client.get(url).content.decode()
    assert client.post(url, {"reason": "other", "reason_text": "closed the bar"}).status_code == 302
    lost["Bar Ajeno"].refresh_from_db()
    assert (lost["Bar Ajeno"].reason, lost["Bar Ajeno"].reason_text, lost["Bar Ajeno"].reason_by) == ("other", "closed the bar", people["bruno"])


@pytest.mark.parametrize("user", ["bruno", "carla"])
def test_others_customers_cannot_be_marked_nor_explained(client, people, customers, lost, user):
    client_for(client, people[user])
    for customer in (customers["Bar Tres"], customers["Bar Uno"]):  # Ana's: one not lost, one lost
        url = reverse("retention:loss_form", args=[customer.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "other", "reason_text": "x"}).status_code == 404
    assert not CustomerLoss.objects.filter(customer=customers["Bar Tres"]).exists()
    assert CustomerLoss.objects.get(customer=customers["Bar Uno"]).reason == "competitor_offer"


def test_a_supervisor_marks_a_customer_of_the_team_lost(client, people, customers):
    client_for(client, people["boss"])
    assert client.post(reverse("retention:loss_form", args=[customers["Bar Ajeno"].pk]), {"reason": "dissatisfied"}).status_code == 302
    assert CustomerLoss.objects.get(customer=customers["Bar Ajeno"]).recorded_by == people["boss"]
    assert client.get(reverse("retention:loss_form", args=[customers["Bar Lejano"].pk])).status_code == 404


def test_an_at_risk_alert_dealt_with_is_read_and_leaves_the_list(client, people, at_risk, customers):
    url = reverse("retention:at_risk_done", args=[customers["Bar Dos"].pk])
    client_for(client, people["bruno"])
    assert client.post(url).status_code == 404  # Ana's customer
    client_for(client, people["ana"])
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    page = response.content.decode()
    assert "The at-risk alert about Bar Dos is marked as dealt with." in page
    assert "Bar Uno</a>" in page and "Bar Dos</a>" not in page  # Dos was listed for its alert only; Uno's probability is low
    assert not Alert.objects.filter(kind=Alert.Kind.AT_RISK, read_at__isnull=True).exists()
