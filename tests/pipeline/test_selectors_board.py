"""The board: columns per stage with counts and expected value, cards with class, next follow-up and days in stage."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clientela.pipeline.models import PipelineEntry
from clientela.pipeline.selectors.board import BoardFilters, pipeline_board
from clientela.pipeline.services.stages import stage_move
from clientela.segmentation.models import Scheme
from tests.pipeline.conftest import moment


def columns(user, today=None, **filters):
    board = pipeline_board(user=user, filters=BoardFilters(**filters), today=today or timezone.localdate())
    return {column.stage: column for column in board}


def test_columns_count_and_sum_the_expected_value(salesperson, prospect):
    prospect("Bar A", stage="target", expected_value_cents=100_000)
    prospect("Bar B", stage="target", expected_value_cents=50_000)
    prospect("Bar C", stage="potential")
    board = columns(salesperson)
    assert list(board) == ["future", "potential", "target", "signed", "qualified", "lost"]
    assert [(c.count, c.expected_value_cents) for c in board.values()] == [(0, 0), (1, 0), (2, 150_000), (0, 0), (0, 0), (0, None)]
    assert [card.customer.name for card in board["target"].cards] == ["Bar A", "Bar B"]  # undated: the larger first


def test_cards_show_class_next_follow_up_and_days_in_stage(salesperson, prospect, classify, planned_contact):
    Scheme.objects.filter(name="prospects").update(kind="prospects")
    bar = prospect("Bar A", stage="target")
    PipelineEntry.objects.filter(customer=bar).update(stage_since=moment(date(2026, 3, 1)))
    snapshot = classify("prospects", {bar: "PII"})
    snapshot.scheme.kind = "prospects"
    snapshot.scheme.save()
    soon = timezone.now() + timedelta(days=2)
    planned_contact(bar, soon + timedelta(days=7))
    planned_contact(bar, soon, channel="call")
    card = columns(salesperson, today=date(2026, 3, 11))["target"].cards[0]
    assert (card.prospect_class, card.next_contact.channel, card.days_in_stage) == ("PII", "call", 10)


def test_only_visible_customers_and_the_chosen_salesperson_team_or_class(salesperson, other_salesperson, south_salesperson, prospect, team, classify):
    mine = prospect("Mine", stage="future")
    theirs = prospect("Theirs", stage="future", owner=other_salesperson)
    prospect("South", stage="future", owner=south_salesperson)
    assert [c.customer for c in columns(salesperson)["future"].cards] == [mine]
    supervisor = team.supervisor
    assert {c.customer.name for c in columns(supervisor)["future"].cards} == {"Mine", "Theirs"}
    assert [c.customer for c in columns(supervisor, salesperson=other_salesperson.pk)["future"].cards] == [theirs]
    assert columns(supervisor, team=team.pk)["future"].count == 2
    snapshot = classify("prospects", {mine: "PI", theirs: "PIV"})
    snapshot.scheme.kind = "prospects"
    snapshot.scheme.save()
    assert [c.customer for c in columns(supervisor, prospect_class="PIV")["future"].cards] == [theirs]


def test_the_board_takes_the_same_queries_for_any_number_of_cards(salesperson, prospect, planned_contact):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            columns(salesperson)
        return len(queries)

    for stage in ("future", "potential", "target"):
        prospect(f"First {stage}", stage=stage)
    few = count()
    for n in range(12):
        bar = prospect(f"Bar {n}", stage=("future", "potential", "target")[n % 3])
        planned_contact(bar, timezone.now() + timedelta(days=n + 1))
    assert count() == few


def drop(customer, reason: str) -> None:
    stage_move(user=customer.owner, customer=customer, to_stage="lost", reason=reason)


def test_lost_prospects_are_counted_in_a_folded_column_with_no_expected_value(salesperson, prospect):
    drop(prospect("Bar A", stage="target", expected_value_cents=100_000), "signed with a competitor")
    prospect("Bar B", stage="target", expected_value_cents=50_000)
    board = columns(salesperson)
    assert (board["lost"].count, board["lost"].expected_value_cents, board["lost"].cards, board["lost"].folded, board["lost"].hidden) == (
        1, None, [], True, 0,
    )  # fmt: skip
    assert board["target"].expected_value_cents == 50_000
    assert board["lost"].moves == (("future", "Future"), ("potential", "Potential"))
    assert [stage for stage, _ in board["target"].moves] == ["future", "potential", "lost"]
    assert (board["signed"].moves, board["signed"].manual) == ((), False)


def test_shown_lost_cards_say_why_without_a_prospect_class(salesperson, prospect, classify):
    first = prospect("Bar A", stage="potential")
    second = prospect("Bar B")
    drop(first, "no budget this year")
    drop(second, "never answered")
    stage_move(user=salesperson, customer=second, to_stage="future", reason="new owner")
    drop(second, "closed for good")
    snapshot = classify("prospects", {first: "PI", second: "PII"})
    snapshot.scheme.kind = "prospects"
    snapshot.scheme.save()
    cards = columns(salesperson, lost=True)["lost"].cards
    assert sorted((card.customer.name, card.dropped_because, card.prospect_class) for card in cards) == [
        ("Bar A", "no budget this year", ""),
        ("Bar B", "closed for good", ""),
    ]


def test_the_shown_lost_column_takes_the_same_queries_for_any_number_of_cards(salesperson, prospect):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            columns(salesperson, lost=True)
        return len(queries)

    drop(prospect("First"), "x")
    few = count()
    for n in range(8):
        drop(prospect(f"Bar {n}"), f"reason {n}")
    assert count() == few
