"""Stage moves by hand (with a reason, only before signing) and by the data (first payment, instalments on time, overdue)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import Alert, Customer
from clientela.crm.services.customers import customer_create
from clientela.pipeline.models import PipelineEntry, StageChange
from clientela.pipeline.services.prospects import prospect_create
from clientela.pipeline.services.stages import SYNC_BY_ID, pipeline_sync, stage_move
from tests.pipeline.conftest import history, moment, stage

SIGNED_ON = date(2026, 1, 10)


def backdate(customer: Customer, day: date) -> None:
    """Pretend the customer entered its stage on `day` (the tests' dates may lie before today)."""
    StageChange.objects.filter(customer=customer).update(at=moment(day))
    PipelineEntry.objects.filter(customer=customer).update(stage_since=moment(day))
SCHEDULE = [(date(2026, 2, 10), 50_000), (date(2026, 3, 10), 50_000)]


def test_a_manual_move_needs_a_reason_and_is_recorded_with_who_and_why(prospect, salesperson):
    bar = prospect("Bar Sol")
    with pytest.raises(ValidationError, match="give a reason for the move"):
        stage_move(user=salesperson, customer=bar, to_stage="potential", reason="  ")
    stage_move(user=salesperson, customer=bar, to_stage="potential", reason="asked for a price list")
    stage_move(user=salesperson, customer=bar, to_stage="target", reason="budget approved")
    assert stage(bar) == "target"
    change = StageChange.objects.filter(customer=bar).order_by("at", "id").last()
    assert (change.from_stage, change.to_stage, change.by, change.reason) == ("potential", "target", salesperson, "budget approved")
    assert history(bar) == [("", "future", False), ("future", "potential", False), ("potential", "target", False)]


def test_moves_back_before_signing_are_allowed(prospect, salesperson):
    bar = prospect("Bar Sol", stage="target")
    stage_move(user=salesperson, customer=bar, to_stage="potential", reason="the owner changed")
    assert stage(bar) == "potential"


@pytest.mark.parametrize("to_stage", ["signed", "qualified"])
def test_moves_the_data_decide_are_refused_with_a_clear_message(prospect, salesperson, to_stage):
    bar = prospect("Bar Sol", stage="target")
    with pytest.raises(ValidationError, match=r"cannot be moved by hand .* a customer is signed once a contract is signed and its first payment received"):
        stage_move(user=salesperson, customer=bar, to_stage=to_stage, reason="they said yes")
    assert stage(bar) == "target"


def test_a_signed_customer_cannot_be_moved_back_by_hand(salesperson, customer):
    pipeline_sync(today=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="Bar Uno cannot be moved by hand to Target"):
        stage_move(user=salesperson, customer=customer, to_stage="target", reason="oops")


def test_unknown_and_same_stage_are_refused(prospect, salesperson):
    bar = prospect("Bar Sol")
    with pytest.raises(ValidationError, match='"won" is not a stage'):
        stage_move(user=salesperson, customer=bar, to_stage="won", reason="x")
    with pytest.raises(ValidationError, match="Bar Sol is already at stage Future"):
        stage_move(user=salesperson, customer=bar, to_stage="future", reason="x")


def test_sync_gives_every_customer_an_entry_once(salesperson, customer):
    lead = customer_create(external_id="L1", name="Lead", owner=salesperson, status=Customer.Status.PROSPECT)
    result = pipeline_sync(today=date(2026, 1, 1))
    assert result.entries_created == 2
    assert (stage(customer), stage(lead)) == ("signed", "future")
    assert pipeline_sync(today=date(2026, 1, 1)).entries_created == 0
    assert StageChange.objects.count() == 2


def test_a_contract_and_its_first_payment_make_a_target_signed_and_a_customer(prospect, contract, pay):
    bar = prospect("Bar Sol", stage="target")
    backdate(bar, date(2026, 1, 2))
    contract(bar, "K1", SIGNED_ON, SCHEDULE)
    assert pipeline_sync(today=date(2026, 1, 20)).moves == 0  # signed, not paid yet
    assert stage(bar) == "target"
    pay(bar, date(2026, 2, 3), 50_000)
    assert pipeline_sync(today=date(2026, 2, 5)).moves == 1
    entry = PipelineEntry.objects.get(customer=bar)
    assert entry.stage == "signed" and entry.stage_since == moment(date(2026, 2, 3), 0)
    change = StageChange.objects.filter(customer=bar).last()
    assert change.by is None and change.reason == "contract K1 signed on 2026-01-10, first payment received on 2026-02-03"
    bar.refresh_from_db()
    assert (bar.status, bar.customer_since) == ("active", date(2026, 2, 3))


def test_all_instalments_paid_on_time_make_it_qualified_and_sync_is_idempotent(prospect, contract, pay):
    bar = prospect("Bar Sol", stage="target")
    contract(bar, "K1", SIGNED_ON, SCHEDULE)
    pay(bar, date(2026, 2, 10), 50_000)
    pay(bar, date(2026, 3, 9), 50_000, invoice="K1")
    assert pipeline_sync(today=date(2026, 3, 20)).moves == 2
    assert stage(bar) == "qualified"
    assert history(bar)[-2:] == [("target", "signed", True), ("signed", "qualified", True)]
    again = pipeline_sync(today=date(2026, 3, 20))
    assert (again.moves, again.alerts, again.entries_created) == (0, 0, 0)


def test_an_overdue_instalment_takes_it_back_to_signed_and_alerts_the_owner_once(prospect, contract, pay, salesperson):
    bar = prospect("Bar Sol", stage="target")
    contract(bar, "K1", SIGNED_ON, SCHEDULE)
    pay(bar, date(2026, 2, 10), 100_000)
    pipeline_sync(today=date(2026, 3, 1))
    assert stage(bar) == "qualified"
    contract(bar, "K2", date(2026, 4, 1), [(date(2026, 5, 1), 30_000)])
    result = pipeline_sync(today=date(2026, 5, 4))
    assert (result.moves, result.alerts) == (1, 1)
    assert stage(bar) == "signed"
    assert StageChange.objects.filter(customer=bar).last().reason == "instalment 1 of contract K2 was due on 2026-05-01 and is not paid in full"
    alert = Alert.objects.get(customer=bar)
    assert (alert.kind, alert.recipient) == ("instalment_late", salesperson)
    assert alert.message.startswith("Bar Sol: instalment 1 of contract K2 was due on 2026-05-01 and is not paid in full")
    assert pipeline_sync(today=date(2026, 5, 5)).alerts == 0
    pay(bar, date(2026, 5, 6), 30_000)
    pipeline_sync(today=date(2026, 5, 7))
    assert stage(bar) == "signed"  # K2 was paid late: no longer qualified until a contract is paid on time


def test_the_history_stays_in_order_when_the_payment_is_recorded_late(prospect, contract, pay, salesperson):
    bar = prospect("Bar Sol", stage="potential")
    contract(bar, "K1", SIGNED_ON, SCHEDULE)
    pay(bar, date(2026, 1, 15), 10_000)
    stage_move(user=salesperson, customer=bar, to_stage="target", reason="about to sign")  # today, after the payment date
    pipeline_sync(today=date(2026, 12, 31))
    changes = list(StageChange.objects.filter(customer=bar).order_by("at", "id"))
    assert [c.to_stage for c in changes][-2:] == ["target", "signed"]
    assert changes[-1].at >= changes[-2].at


def test_a_sync_of_some_customers_leaves_the_others_alone(prospect, contract, pay):
    first, second = prospect("Bar Sol", stage="target"), prospect("Bar Luna", stage="target")
    for bar, contract_id in ((first, "K1"), (second, "K2")):
        contract(bar, contract_id, SIGNED_ON, SCHEDULE)
        pay(bar, date(2026, 2, 3), 50_000)
    lead = customer_create(external_id="L1", name="Lead", status=Customer.Status.PROSPECT)
    result = pipeline_sync(today=date(2026, 2, 5), customer_ids=[first.pk])
    assert (result.entries_created, result.moves) == (0, 1)
    assert (stage(first), stage(second)) == ("signed", "target")
    assert not PipelineEntry.objects.filter(customer=lead).exists()
    everybody = pipeline_sync(today=date(2026, 2, 5), customer_ids=range(-SYNC_BY_ID, 1))  # a list that long syncs all
    assert (everybody.entries_created, everybody.moves, stage(second)) == (1, 1, "signed")


def test_an_open_prospect_is_dropped_to_lost_with_a_reason_and_reopened(prospect, salesperson):
    bar = prospect("Bar Sol", stage="target")
    with pytest.raises(ValidationError, match="give a reason for the move"):
        stage_move(user=salesperson, customer=bar, to_stage="lost", reason="")
    stage_move(user=salesperson, customer=bar, to_stage="lost", reason="signed with a competitor")
    assert stage(bar) == "lost"
    change = StageChange.objects.filter(customer=bar).order_by("at", "id").last()
    assert (change.from_stage, change.to_stage, change.by, change.reason) == ("target", "lost", salesperson, "signed with a competitor")
    with pytest.raises(ValidationError, match="Bar Sol is lost: reopen it at Future or Potential, then move it on from there"):
        stage_move(user=salesperson, customer=bar, to_stage="target", reason="they called back")
    stage_move(user=salesperson, customer=bar, to_stage="potential", reason="the competitor let them down")
    assert history(bar) == [("", "target", False), ("target", "lost", False), ("lost", "potential", False)]
    bar.refresh_from_db()
    assert bar.status == "prospect"


@pytest.mark.parametrize("start", ["future", "potential"])
def test_leads_go_nowhere_and_come_back_at_future(prospect, salesperson, start):
    bar = prospect("Bar Sol", stage=start)
    stage_move(user=salesperson, customer=bar, to_stage="lost", reason="never answered")
    stage_move(user=salesperson, customer=bar, to_stage="future", reason="new owner")
    assert stage(bar) == "future"


def test_a_customer_cannot_be_dropped_by_hand_nor_a_prospect_created_lost(customer, salesperson):
    pipeline_sync(today=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="Bar Uno cannot be moved by hand to Lost / dropped: signed and qualified follow the contracts"):
        stage_move(user=salesperson, customer=customer, to_stage="lost", reason="gone")
    with pytest.raises(ValidationError, match="a new prospect starts at future, potential, target, not at lost"):
        prospect_create(user=salesperson, name="Bar Sol", stage="lost", confirmed=True)


def test_a_lost_prospect_that_signs_and_pays_is_signed_by_the_data(prospect, contract, pay, salesperson):
    bar = prospect("Bar Sol", stage="target")
    stage_move(user=salesperson, customer=bar, to_stage="lost", reason="chose a competitor")
    backdate(bar, date(2026, 1, 2))
    contract(bar, "K1", SIGNED_ON, SCHEDULE)
    pay(bar, date(2026, 2, 3), 50_000)
    assert pipeline_sync(today=date(2026, 2, 5)).moves == 1
    assert history(bar)[-1] == ("lost", "signed", True)
