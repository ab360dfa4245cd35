"""Follow-up pages: my week, the log form, team compliance and the calendar feed, each limited to what the user may see.

The pages use today's date, so their data is laid out around `timezone.localdate()`; the calendar
feed serves the stored plan whatever the date, so its plan starts on a fixed Monday.
"""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from clientela.crm.models import Customer, User
from clientela.crm.services.customers import customer_create
from clientela.followup.models import Absence, CalendarFeed, ContactLog, PlannedContact, UnplannedContact, WorkingTime
from clientela.followup.planner import plan_refresh
from tests.fixtures.followup import local

MONDAY = date(2026, 1, 12)


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def sales_client(client, salesperson):
    client.force_login(salesperson)
    return client


@pytest.fixture
def theirs(other_salesperson):
    return customer_create(external_id="T1", name="Bar Ajeno", owner=other_salesperson)


def open_items(agenda) -> list[PlannedContact]:
    return [*agenda.overdue, *(item for day in agenda.days for item in day.items)]


# My week


def test_the_agenda_needs_a_login(client, db):
    response = client.get(reverse("followup:agenda"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_agenda_shows_overdue_items_on_top_then_today_first(sales_client, salesperson, other_salesperson, planned_contact, today):
    bars = {name: customer_create(external_id=name[:6], name=name, owner=salesperson) for name in ("Overdue Bar", "Early Bar", "Late Bar", "Next Bar")}
    planned_contact(bars["Overdue Bar"], local(today - timedelta(days=1), 10))
    planned_contact(bars["Late Bar"], local(today, 14))
    planned_contact(bars["Early Bar"], local(today, 9), channel="call", minutes=15)
    planned_contact(bars["Next Bar"], local(today + timedelta(days=1), 9))
    planned_contact(customer_create(external_id="T1", name="Their Bar", owner=other_salesperson), local(today, 10))
    UnplannedContact.objects.create(salesperson=salesperson, customer=bars["Next Bar"], due=today, reason="the salesperson's days are full")

    response = sales_client.get(reverse("followup:agenda"))

    assert response.status_code == 200
    content = response.content.decode()
    order = ["Overdue (1)", "Overdue Bar", "Today ·", "09:00", "Early Bar", "14:00", "Late Bar", "Next Bar", "Could not be planned"]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))
    assert f"Today · {today:%A} {today.day} {today:%B}" in content
    assert "Call · 15 min" in content
    assert "Their Bar" not in content
    assert "the salesperson&#x27;s days are full" in content
    agenda = response.context["agenda"]
    assert [item.customer.name for item in agenda.overdue] == ["Overdue Bar"]
    assert [item.customer.name for item in agenda.days[0].items] == ["Early Bar", "Late Bar"]


def test_the_agenda_runs_the_same_queries_for_one_customer_or_many(sales_client, salesperson, planned_contact, today):
    def agenda_queries(customers: int) -> int:
        for n in range(customers):
            # Leap years of origin: the key dates fall in this week whatever today is.
            bar = customer_create(external_id=f"Q{customers}-{n}", name=f"Bar {n}", owner=salesperson, founded_on=(today + timedelta(days=1)).replace(year=2000))
            bar.contacts.create(name=f"Contact {n}", birthday=today.replace(year=1980))
            planned_contact(bar, local(today - timedelta(days=1), 9))
            planned_contact(bar, local(today + timedelta(days=1), 9))
            UnplannedContact.objects.create(salesperson=salesperson, customer=bar, due=today, reason="the days are full")
        with CaptureQueriesContext(connection) as queries:
            response = sales_client.get(reverse("followup:agenda"))
        assert len(response.context["key_dates"]) == 2 * Customer.objects.count()  # a birthday and an anniversary each
        assert len(response.context["agenda"].unplanned) == Customer.objects.count()
        return len(queries)

    assert agenda_queries(1) == agenda_queries(12)


def test_htmx_refreshes_only_the_agenda(sales_client, customer, planned_contact, today):
    planned_contact(customer, local(today, 9))
    content = sales_client.get(reverse("followup:agenda"), HTTP_HX_REQUEST="true").content.decode()
    assert "Bar Uno" in content and "Today ·" in content
    assert "<html" not in content


def agenda_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("followup:agenda")).status_code == 200
    return len(queries)


def test_the_agenda_uses_the_same_few_queries_for_few_or_many_items(sales_client, salesperson, planned_contact, today, django_assert_max_num_queries):
    def fill(count: int, prefix: str) -> None:
        for n in range(count):
            bar = customer_create(external_id=f"{prefix}{n}", name=f"{prefix} {n}", owner=salesperson)
            planned_contact(bar, local(today + timedelta(days=n % 7), 9 + n % 8))
            planned_contact(bar, local(today - timedelta(days=1 + n % 3), 9))
            UnplannedContact.objects.create(salesperson=salesperson, customer=bar, due=today, reason="full")

    fill(2, "Few")
    few = agenda_queries(sales_client)
    fill(40, "Many")
    with django_assert_max_num_queries(10):
        response = sales_client.get(reverse("followup:agenda"))
    assert len(open_items(response.context["agenda"])) == 2 * 42
    assert agenda_queries(sales_client) == few


# The log form


@pytest.fixture
def planned_call(salesperson, classify, today) -> PlannedContact:
    """Bar Uno (abc C: a 15-minute call a month, never contacted) is planned today at 09:00; Ana works every day 09:00–17:00."""
    WorkingTime.objects.create(
        user=salesperson, working_days=list(range(7)), day_start=time(9), day_end=time(17), personal_from=time(18), personal_to=time(20)
    )
    bar = customer_create(external_id="C1", name="Bar Uno", owner=salesperson)
    classify("abc", {bar: "C"})
    plan_refresh(salesperson=salesperson, start=today)  # calls today and 30 days later
    return PlannedContact.objects.filter(customer=bar).first()


def test_the_log_form_is_prefilled_from_the_planned_contact(sales_client, planned_call, today):
    assert (planned_call.start, planned_call.channel, planned_call.minutes) == (local(today, 9), "call", 15)
    response = sales_client.get(reverse("followup:log_contact", args=[planned_call.customer_id]), {"planned": planned_call.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert (form["channel"].value(), form["minutes"].value(), form["purpose"].value()) == ("call", 15, "C customer, never contacted, due monthly")
    assert form["at"].value().date() == timezone.localdate()  # now, as the naive local time the widget shows
    content = response.content.decode()
    assert f'<input type="hidden" name="planned" value="{planned_call.pk}">' in content
    assert "Planned:" in content and "Bar Uno" in content


def test_the_log_form_without_a_plan_starts_empty(sales_client, customer):
    form = sales_client.get(reverse("followup:log_contact", args=[customer.pk])).context["form"]
    assert (form["channel"].value(), form["minutes"].value(), form["purpose"].value()) == (None, 15, None)


def log_data(day: date, **overrides) -> dict:
    return {
        "at": f"{day:%Y-%m-%d}T09:10",
        "channel": "call",
        "minutes": "12",
        "purpose": "monthly call",
        "outcome": "order",
        "next_step": "deliver the samples",
        "next_step_on": f"{day + timedelta(days=3):%Y-%m-%d}",
        "notes": "",
    } | overrides


def test_logging_a_planned_contact_redirects_to_an_agenda_without_it(sales_client, planned_call, salesperson, today):
    url = reverse("followup:log_contact", args=[planned_call.customer_id])
    response = sales_client.post(url, log_data(today, planned=planned_call.pk))

    assert response.status_code == 302 and response["Location"] == reverse("followup:agenda")
    log = ContactLog.objects.get()
    assert (log.customer_id, log.salesperson, log.planned_id, log.at, log.channel, log.minutes, log.outcome) == (
        planned_call.customer_id, salesperson, planned_call.pk, local(today, 9, 10), "call", 12, "order",
    )
    assert (log.next_step, log.next_step_on) == ("deliver the samples", today + timedelta(days=3))
    assert PlannedContact.objects.get(pk=planned_call.pk).status == PlannedContact.Status.DONE
    # Re-planned: the next monthly call is due 30 days after today's.
    assert list(PlannedContact.objects.filter(status=PlannedContact.Status.PLANNED).values_list("start", flat=True)) == [
        local(today + timedelta(days=30), 9)
    ]

    agenda_page = sales_client.get(response["Location"])
    assert "Contact with Bar Uno logged." in agenda_page.content.decode()
    assert open_items(agenda_page.context["agenda"]) == []
    assert f"?planned={planned_call.pk}" not in agenda_page.content.decode()


def test_logging_the_same_planned_contact_twice_shows_an_error(sales_client, planned_call, today):
    url = reverse("followup:log_contact", args=[planned_call.customer_id])
    sales_client.post(url, log_data(today, planned=planned_call.pk))
    again = sales_client.post(url, log_data(today, planned=planned_call.pk))
    assert again.status_code == 200
    assert "Contact log with this Planned contact already exists." in again.content.decode()
    assert ContactLog.objects.count() == 1


def test_a_bad_log_is_shown_again_with_the_errors(sales_client, planned_call, today):
    url = reverse("followup:log_contact", args=[planned_call.customer_id])
    response = sales_client.post(url, log_data(today, planned=planned_call.pk, outcome="", minutes="-5"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"outcome", "minutes"}
    assert not ContactLog.objects.exists()
    assert PlannedContact.objects.get(pk=planned_call.pk).status == PlannedContact.Status.PLANNED


def test_logging_for_another_salespersons_customer_is_not_found(sales_client, theirs, planned_contact, today):
    url = reverse("followup:log_contact", args=[theirs.pk])
    assert sales_client.get(url).status_code == 404
    assert sales_client.post(url, log_data(today)).status_code == 404
    assert not ContactLog.objects.exists()


def test_a_planned_contact_of_another_customer_is_not_found(sales_client, customer, theirs, planned_contact, today):
    their_plan = planned_contact(theirs, local(today, 9))
    url = reverse("followup:log_contact", args=[customer.pk])
    assert sales_client.get(url, {"planned": their_plan.pk}).status_code == 404
    assert sales_client.post(url, log_data(today, planned=their_plan.pk)).status_code == 404
    for not_a_number in ("nine", "²", "", "9" * 30):
        assert sales_client.get(url, {"planned": not_a_number}).status_code == 404
    assert not ContactLog.objects.exists()
    assert PlannedContact.objects.get(pk=their_plan.pk).status == PlannedContact.Status.PLANNED


# Team compliance: the last 28 days, today included


@pytest.fixture
def teams(salesperson, other_salesperson, south_salesperson, classify, contact_made, today):
    ana_bar = customer_create(external_id="A1", name="Ana's bar", owner=salesperson)
    bruno_bar = customer_create(external_id="B1", name="Bruno's bar", owner=other_salesperson, customer_since=today - timedelta(days=40))
    carla_bar = customer_create(external_id="C1", name="Carla's bar", owner=south_salesperson)
    classify("abc", {ana_bar: "A", bruno_bar: "C", carla_bar: "A"})
    contact_made(ana_bar, local(today - timedelta(days=1), 10))
    contact_made(ana_bar, local(today - timedelta(days=8), 10))
    contact_made(ana_bar, local(today - timedelta(days=30), 10))  # before the 28 days


def compliance_rows(response) -> list[tuple]:
    return [
        (str(row.salesperson), [(line.class_label, line.customers, line.required, line.done, line.contacts) for line in row.classes], row.overdue)
        for row in response.context["rows"]
    ]


def test_a_salesperson_may_not_open_team_compliance(sales_client, teams):
    assert sales_client.get(reverse("followup:team_compliance")).status_code == 403


def test_a_supervisor_sees_the_compliance_of_their_team_only(client, team, teams):
    client.force_login(team.supervisor)
    response = client.get(reverse("followup:team_compliance"))
    assert response.status_code == 200
    # Ana: A = 1/week → 4 required in 28 days, 2 done. Bruno: C = 1/month → 28/30 = 0.93 required, none done;
    # a customer for 40 days never contacted is 40 − 30 = 10 days overdue.
    assert compliance_rows(response) == [("ana", [("A", 1, 4.0, 2.0, 2)], 0), ("bruno", [("C", 1, pytest.approx(28 / 30), 0.0, 0)], 1)]
    content = response.content.decode()
    assert "50 %" in content and "0 %" in content
    assert "carla" not in content


def test_team_compliance_uses_the_same_queries_for_any_team_size(client, teams, django_assert_max_num_queries):
    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
    client.force_login(admin)
    with CaptureQueriesContext(connection) as three_people:
        client.get(reverse("followup:team_compliance"))
    for n in range(5):
        person = User.objects.create_user(f"extra{n}", password="pw")
        customer_create(external_id=f"X{n}", name=f"Extra {n}", owner=person)
    with django_assert_max_num_queries(len(three_people)):
        client.get(reverse("followup:team_compliance"))


def test_an_admin_sees_every_team(client, teams):
    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
    client.force_login(admin)
    assert [name for name, *_ in compliance_rows(client.get(reverse("followup:team_compliance")))] == ["ana", "bruno", "carla"]


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_user("root", password="pw", role=User.Role.ADMIN))
    return client


@pytest.fixture
def extra_people(teams, classify) -> list[User]:
    """25 more salespeople (extra00 … extra24, no team) after ana, bruno and carla: 28 in all, two pages of 25."""
    people = [User.objects.create_user(f"extra{n:02d}", password="pw") for n in range(25)]
    classify("matrix", {customer_create(external_id=f"X{n}", name=f"Extra {n}", owner=person): "EII" for n, person in enumerate(people)})
    return people


def test_team_compliance_shows_25_salespeople_a_page_in_username_order(admin_client, extra_people):
    first = admin_client.get(reverse("followup:team_compliance"))
    second = admin_client.get(reverse("followup:team_compliance"), {"page": 2})

    assert [name for name, *_ in compliance_rows(first)] == ["ana", "bruno", "carla", *(f"extra{n:02d}" for n in range(22))]
    # The second page counts its three salespeople's customers: one EII customer each (1 a week: 4 required), never contacted.
    assert compliance_rows(second) == [(f"extra{n}", [("EII", 1, 4.0, 0.0, 0)], 0) for n in (22, 23, 24)]
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert 'href="?page=1" rel="prev"' in second.content.decode()
    assert "Page 2 of 2" in second.content.decode()


def test_team_compliance_pages_keep_the_team_filter(admin_client, extra_people, team):
    response = admin_client.get(reverse("followup:team_compliance"), {"team": team.pk, "page": 2})
    # North has two salespeople: one page, the last one whatever page was asked for.
    assert [name for name, *_ in compliance_rows(response)] == ["ana", "bruno"]
    assert response.context["query"] == f"team={team.pk}"


def test_team_compliance_shows_one_team_when_chosen(admin_client, teams, south_salesperson):
    response = admin_client.get(reverse("followup:team_compliance"), {"team": south_salesperson.team_id})
    assert compliance_rows(response) == [("carla", [("A", 1, 4.0, 0.0, 0)], 0)]  # a customer since today: not overdue yet
    assert [team.name for team in response.context["teams"]] == ["North", "South"]
    assert f'<option value="{south_salesperson.team_id}" selected>South</option>' in response.content.decode()


def test_a_supervisor_chooses_among_their_teams_only(client, team, teams, south_salesperson):
    client.force_login(team.supervisor)
    url = reverse("followup:team_compliance")

    assert [choice.name for choice in client.get(url).context["teams"]] == ["North"]
    assert [name for name, *_ in compliance_rows(client.get(url, {"team": team.pk}))] == ["ana", "bruno"]
    assert client.get(url, {"team": south_salesperson.team_id}).status_code == 404
    assert client.get(url, {"team": "South"}).status_code == 404


def test_team_compliance_runs_nine_queries_whatever_the_page_and_ten_with_a_team(admin_client, extra_people, team, django_assert_num_queries):
    url = reverse("followup:team_compliance")
    admin_client.get(url)  # the customers' current policies are stored on first use
    # session, user; the salespeople counted and those of the page; the policies, the latest snapshots and the basis they
    # were stored from; the customers counted; the teams (and the chosen team).
    for params, queries in (({}, 9), ({"page": 2}, 9), ({"team": team.pk}, 10)):
        with django_assert_num_queries(queries):
            assert admin_client.get(url, params).status_code == 200


# The calendar feed: Ana's default hours (Monday to Friday, 09:00–17:00), two weeks from Monday 12 January 2026


@pytest.fixture
def calendar_plan(salesperson, classify, contact_made):
    """Acme (abc C, never contacted): a call on Monday 12. Delta (matrix EII, seen Friday 9): visits on Fridays 16 and 23."""
    acme = customer_create(external_id="ACM", name="Acme", owner=salesperson)
    delta = customer_create(external_id="DEL", name="Delta", owner=salesperson, address="Calle Mayor 1", city="Bilbao")
    classify("abc", {acme: "C"})
    classify("matrix", {delta: "EII"})
    contact_made(delta, local(date(2026, 1, 9), 10))
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)


def feed_events(client, token: str) -> list[dict]:
    response = client.get(reverse("followup:calendar", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == ("2.0", "-//Clientela//follow-up plan//EN")
    return [
        {
            "uid": str(event["UID"]),
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "summary": str(event["SUMMARY"]),
            "location": str(event.get("LOCATION", "")),
            "stamped": "DTSTAMP" in event,
        }
        for event in calendar.walk("VEVENT")
    ]


def test_the_calendar_feed_is_valid_icalendar_with_stable_uids(client, salesperson, calendar_plan):
    client.force_login(salesperson)
    assert client.post(reverse("followup:calendar_feed_new")).status_code == 302
    token = CalendarFeed.objects.get(user=salesperson).token
    assert f"/calendar/{token}.ics" in client.get(reverse("followup:agenda")).content.decode()
    client.logout()  # calendar apps fetch the feed without a session

    events = feed_events(client, token)
    assert [(e["start"], e["end"], e["summary"], e["location"], e["stamped"]) for e in events] == [
        (local(MONDAY, 9), local(MONDAY, 9, 15), "Call: Acme", "", True),
        (local(date(2026, 1, 16), 9), local(date(2026, 1, 16), 10), "Visit: Delta", "Calle Mayor 1, Bilbao", True),
        (local(date(2026, 1, 23), 9), local(date(2026, 1, 23), 10), "Visit: Delta", "Calle Mayor 1, Bilbao", True),
    ]
    assert len({e["uid"] for e in events}) == 3

    # Re-planned as it was: new rows, the same UIDs.
    old_rows = set(PlannedContact.objects.values_list("pk", flat=True))
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)
    assert not old_rows & set(PlannedContact.objects.values_list("pk", flat=True))
    assert feed_events(client, token) == events

    # Away on Friday 16: Delta's visit due that day moves to Thursday 15 and keeps its UID; the next one
    # is now due Thursday 22, a different contact with a new UID.
    Absence.objects.create(user=salesperson, first_day=date(2026, 1, 16), last_day=date(2026, 1, 16))
    plan_refresh(salesperson=salesperson, start=MONDAY, weeks=2)
    moved = feed_events(client, token)
    assert [(e["uid"], e["start"]) for e in moved] == [
        (events[0]["uid"], local(MONDAY, 9)),
        (events[1]["uid"], local(date(2026, 1, 15), 9)),
        (moved[2]["uid"], local(date(2026, 1, 22), 9)),
    ]
    assert moved[2]["uid"] not in {e["uid"] for e in events}


def test_the_calendar_text_follows_rfc_5545_lines(client, salesperson, calendar_plan):
    client.force_login(salesperson)
    client.post(reverse("followup:calendar_feed_new"))
    body = client.get(reverse("followup:calendar", args=[CalendarFeed.objects.get().token])).content
    lines = body.split(b"\r\n")
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert (lines[0], lines[-2]) == (b"BEGIN:VCALENDAR", b"END:VCALENDAR")
    assert body.count(b"BEGIN:VEVENT") == body.count(b"END:VEVENT") == 3


def test_a_revoked_or_unknown_calendar_address_is_not_found(client, salesperson, calendar_plan):
    client.force_login(salesperson)
    client.post(reverse("followup:calendar_feed_new"))
    old = CalendarFeed.objects.get().token
    client.post(reverse("followup:calendar_feed_new"))
    new = CalendarFeed.objects.get(revoked_at__isnull=True).token
    client.logout()
    assert client.get(reverse("followup:calendar", args=[old])).status_code == 404
    assert client.get(reverse("followup:calendar", args=[new])).status_code == 200
    assert client.get(reverse("followup:calendar", args=["not-a-token"])).status_code == 404


def test_a_new_calendar_address_needs_a_post(sales_client):
    assert sales_client.get(reverse("followup:calendar_feed_new")).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_a_group_activity_is_logged_once_for_its_attendees(sales_client, salesperson, customer):
    second = customer_create(external_id="SECOND", name="Second bar", owner=salesperson)
    response = sales_client.post(
        reverse("followup:log_group_activity"),
        {"kind": "training", "title": "Draught training", "at": "2026-01-12T10:00", "minutes": 120, "attendees": [customer.pk, second.pk]},
    )
    assert response.status_code == 302
    logs = ContactLog.objects.filter(group_activity__title="Draught training")
    assert sorted(logs.values_list("customer_id", flat=True)) == sorted([customer.pk, second.pk])


def test_a_group_activity_refuses_another_salespersons_customer(sales_client, theirs):
    response = sales_client.post(
        reverse("followup:log_group_activity"),
        {"kind": "training", "title": "Sneaky", "at": "2026-01-12T10:00", "minutes": 60, "attendees": [theirs.pk]},
    )
    assert response.status_code == 200
    assert not ContactLog.objects.filter(customer=theirs).exists()


def test_the_weekly_review_of_a_team_with_several_customers_opens_and_another_team_is_not_found(client, team, teams, south_salesperson):
    """The team is looked up among the teams of the customers the user sees: one match, however many customers it has."""
    client.force_login(team.supervisor)
    response = client.get(reverse("followup:review"), {"team": team.pk})
    assert response.status_code == 200 and "North" in response.content.decode()
    assert client.get(reverse("followup:review"), {"team": south_salesperson.team.pk}).status_code == 404
    assert client.get(reverse("followup:review"), {"team": "x"}).status_code == 404
