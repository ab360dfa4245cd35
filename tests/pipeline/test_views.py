"""Pipeline pages: the board and its moves, a prospect's page, new prospects, the funnel, duplicates; each limited to what the user may see."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clientela.crm.models import Customer
from clientela.pipeline.models import PipelineEntry, StageChange
from tests.pipeline.conftest import stage


@pytest.fixture
def sales_client(client, salesperson):
    client.force_login(salesperson)
    return client


@pytest.fixture
def theirs(prospect, other_salesperson):
    return prospect("Bar Ajeno", owner=other_salesperson)


def test_the_board_needs_a_login(client, db):
    response = client.get(reverse("pipeline:board"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_board_shows_the_users_prospects_per_stage(sales_client, prospect, theirs):
    prospect("Bar Sol", stage="target", expected_value_cents=123_400)
    response = sales_client.get(reverse("pipeline:board"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bar Sol" in page and "Bar Ajeno" not in page
    assert "1,234.00" in page
    assert 'aria-current="page">Pipeline</a>' in page


def test_the_board_partial_for_htmx_filters(sales_client, prospect, salesperson):
    prospect("Bar Sol", stage="target")
    response = sales_client.get(reverse("pipeline:board"), {"salesperson": salesperson.pk, "class": "PI"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<div id="board"')


def test_a_move_from_the_board_with_a_reason(sales_client, prospect, salesperson):
    bar = prospect("Bar Sol")
    response = sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "potential", "reason": "called back"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Bar Sol moved." in response.content.decode()
    assert stage(bar) == "potential"
    assert StageChange.objects.filter(customer=bar).last().by == salesperson


def test_a_refused_move_shows_why_and_changes_nothing(sales_client, prospect):
    bar = prospect("Bar Sol", stage="target")
    response = sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "signed", "reason": "yes!"}, HTTP_HX_REQUEST="true")
    assert 'role="alert"' in response.content.decode() and "cannot be moved by hand to Signed" in response.content.decode()
    response = sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "potential", "reason": ""}, follow=True)
    assert "give a reason for the move" in response.content.decode()
    assert stage(bar) == "target"


def test_others_customers_cannot_be_moved_nor_opened(sales_client, theirs):
    assert sales_client.post(reverse("pipeline:move", args=[theirs.pk]), {"stage": "potential", "reason": "x"}).status_code == 404
    assert sales_client.get(reverse("pipeline:prospect", args=[theirs.pk])).status_code == 404
    assert stage(theirs) == "future"


def test_moving_needs_a_post(sales_client, prospect):
    assert sales_client.get(reverse("pipeline:move", args=[prospect("Bar Sol").pk])).status_code == 405


def test_the_prospect_page_shows_history_and_saves_scores(sales_client, prospect):
    bar = prospect("Bar Sol", stage="potential", reason="asked for prices")
    page = sales_client.get(reverse("pipeline:prospect", args=[bar.pk])).content.decode()
    assert "asked for prices" in page and "Stage history" in page
    response = sales_client.post(
        reverse("pipeline:prospect", args=[bar.pk]),
        {"expected_value": "2500.50", "strength_scale": "4", "management_level": "3", "judgement": "2", "low_intention_reason": "unaware"},
    )
    assert response.status_code == 302
    entry = PipelineEntry.objects.get(customer=bar)
    bar.profile.refresh_from_db()
    assert (entry.expected_value_cents, entry.strength_scale, entry.judgement, bar.profile.management_level) == (250_050, 4, 2, 3)


def test_a_customer_without_an_entry_gets_one_on_its_page(sales_client, customer):
    assert sales_client.get(reverse("pipeline:prospect", args=[customer.pk])).status_code == 200
    assert stage(customer) == "signed"


def test_a_new_prospect_that_looks_like_a_customer_needs_confirmation(sales_client, customer, salesperson):
    Customer.objects.filter(pk=customer.pk).update(city="Bilbao")
    data = {"name": "Bar Uno S.L.", "city": "Bilbao", "stage": "future", "lead_channel": "web", "expected_value": "100"}
    response = sales_client.post(reverse("pipeline:prospect_new"), data)
    page = response.content.decode()
    assert response.status_code == 200 and "looks like a customer we already have" in page and "similar name in the same town" in page
    assert Customer.objects.count() == 1
    response = sales_client.post(reverse("pipeline:prospect_new"), data | {"confirmed": "on"})
    created = Customer.objects.exclude(pk=customer.pk).get()
    assert response["Location"] == reverse("pipeline:prospect", args=[created.pk])
    assert (created.owner, PipelineEntry.objects.get(customer=created).expected_value_cents) == (salesperson, 10_000)


def test_the_funnel_page(sales_client, prospect):
    prospect("Bar Sol", stage="target", lead_source="fair", expected_signing_on=date(2099, 1, 5), expected_value_cents=1000)
    page = sales_client.get(reverse("pipeline:funnel")).content.decode()
    assert "Conversion and time in stage" in page and "fair" in page and "January 2099" in page


def test_duplicates_page_and_merge(sales_client, prospect, customer, theirs):
    twin = prospect("Bar Uno", email="x@example.com")
    Customer.objects.filter(pk=customer.pk).update(email="x@example.com")
    page = sales_client.get(reverse("pipeline:duplicates")).content.decode()
    assert "same e-mail" in page and "Bar Ajeno" not in page
    assert sales_client.post(reverse("pipeline:merge", args=[twin.pk]), {"into": theirs.pk}).status_code == 404
    response = sales_client.post(reverse("pipeline:merge", args=[twin.pk]), {"into": customer.pk})
    assert response.status_code == 302
    assert not Customer.objects.filter(pk=twin.pk).exists()


def test_the_board_takes_a_fixed_number_of_queries(sales_client, prospect):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert sales_client.get(reverse("pipeline:board")).status_code == 200
        return len(queries)

    for stage_name in ("future", "potential", "target"):
        prospect(f"First {stage_name}", stage=stage_name)
    few = count()
    for n in range(10):
        prospect(f"Bar {n}", stage=("future", "potential", "target")[n % 3])
    assert count() == few


def test_a_move_returns_only_to_a_page_of_this_site(sales_client, prospect):
    bar = prospect("Bar Sol")
    response = sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "potential", "reason": "x", "next": "https://evil.example/"})
    assert response["Location"] == reverse("pipeline:board")
    page = reverse("pipeline:prospect", args=[bar.pk])
    response = sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "target", "reason": "y", "next": page})
    assert response["Location"] == page


def test_the_funnel_takes_a_fixed_number_of_queries(sales_client, prospect, contract, pay):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert sales_client.get(reverse("pipeline:funnel")).status_code == 200
        return len(queries)

    prospect("First", stage="target", lead_source="fair", expected_signing_on=date(2099, 1, 1))
    few = count()
    for n in range(8):
        bar = prospect(f"Bar {n}", stage="target", lead_source=f"source {n}", expected_signing_on=date(2099, 1 + n, 1))
        contract(bar, f"K{n}", date(2026, 1, 10), [(date(2026, 2, 10), 100)])
    assert count() == few


def test_a_prospect_dropped_from_the_board_leaves_the_open_columns_and_shows_when_asked(sales_client, prospect, theirs):
    bar = prospect("Bar Sol", stage="target", expected_value_cents=123_400)
    response = sales_client.post(
        reverse("pipeline:move", args=[bar.pk]), {"stage": "lost", "reason": "signed with a competitor"}, HTTP_HX_REQUEST="true"
    )
    assert "Bar Sol moved." in response.content.decode() and stage(bar) == "lost"
    folded = sales_client.get(reverse("pipeline:board")).content.decode()
    assert 'data-customer="%d"' % bar.pk not in folded and "1,234.00" not in folded and "Show lost prospects" in folded
    shown = sales_client.get(reverse("pipeline:board"), {"lost": "on"}).content.decode()
    assert 'data-customer="%d"' % bar.pk in shown and "signed with a competitor" in shown
    assert sales_client.post(reverse("pipeline:move", args=[theirs.pk]), {"stage": "lost", "reason": "x"}).status_code == 404
    assert stage(theirs) == "future"


def test_a_lost_prospect_is_reopened_from_its_page(sales_client, prospect, salesperson):
    bar = prospect("Bar Sol", stage="target")
    sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "lost", "reason": "no budget"})
    page = sales_client.get(reverse("pipeline:prospect", args=[bar.pk])).content.decode()
    assert "Lost / dropped" in page and "the prospect matrix does not score it" in page
    assert '<option value="future">' in page and '<option value="potential">' in page and '<option value="target">' not in page
    response = sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "target", "reason": "back"}, follow=True)
    assert "Bar Sol is lost: reopen it at Future or Potential" in response.content.decode()
    sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "potential", "reason": "budget found"})
    assert stage(bar) == "potential"


def test_the_funnel_page_shows_drops(sales_client, prospect):
    bar = prospect("Bar Sol", stage="target")
    sales_client.post(reverse("pipeline:move", args=[bar.pk]), {"stage": "lost", "reason": "competitor"})
    page = sales_client.get(reverse("pipeline:funnel")).content.decode()
    assert "Dropped" in page and "1 prospect is lost now." in page
