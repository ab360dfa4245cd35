"""Merging a duplicate keeps all of its history on the customer kept."""

from datetime import date, datetime, timezone as tz

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import Alert, Contact, Customer, Payment, Tag, Transaction
from clientela.crm.services.business import transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.followup.models import ContactLog, GroupActivity
from clientela.pipeline.models import CustomerMerge, PipelineEntry, StageChange
from clientela.pipeline.services.merge import customers_merge
from clientela.pipeline.services.stages import pipeline_sync, stage_move
from clientela.segmentation.models import CustomerClass
from tests.pipeline.conftest import history, stage

AT = datetime(2026, 3, 2, 10, tzinfo=tz.utc)


@pytest.fixture
def pair(salesperson, prospect, contract, pay, classify):
    """The kept customer (an active one) and its duplicate (a prospect with its own history)."""
    kept = customer_create(external_id="C1", name="Bar Sol", owner=salesperson, city="Bilbao", tags=[Tag.objects.create(name="terrace")])
    duplicate = prospect("Bar Sol SL", stage="target", city="Bilbao", email="sol@example.com", tax_id="B1")
    transactions_upsert(rows=[("D1", 1, kept.pk, date(2026, 1, 5), None, 1, 1000, None), ("D2", 1, duplicate.pk, date(2026, 2, 5), None, 2, 2000, None)])
    contract(duplicate, "K1", date(2026, 1, 10), [(date(2026, 2, 10), 5000)])
    pay(duplicate, date(2026, 2, 1), 5000)
    Contact.objects.create(customer=duplicate, name="Marta")
    ContactLog.objects.create(customer=duplicate, salesperson=salesperson, at=AT, channel="visit", purpose="offer", outcome="reached")
    activity = GroupActivity.objects.create(salesperson=salesperson, kind="training", title="Tasting", at=AT, minutes=60)
    activity.attendees.add(kept, duplicate)
    duplicate.tags.add(Tag.objects.create(name="new opening"))
    classify("abc", {kept: "A", duplicate: "C"})
    classify("matrix", {duplicate: "EIII"})
    Alert.objects.create(recipient=salesperson, customer=duplicate, kind="class_exit", message="left A")
    return kept, duplicate


def test_merge_keeps_transactions_payments_contracts_contacts_logs_classes_and_history(pair, salesperson):
    kept, duplicate = pair
    pipeline_sync(today=date(2026, 1, 1))  # kept enters the pipeline as signed
    record = customers_merge(user=salesperson, kept=kept, merged=duplicate)
    assert not Customer.objects.filter(pk=duplicate.pk).exists()
    assert sorted(Transaction.objects.filter(customer=kept).values_list("document_id", flat=True)) == ["D1", "D2"]
    assert Payment.objects.filter(customer=kept).count() == 1
    assert list(kept.contracts.values_list("contract_id", flat=True)) == ["K1"]
    assert list(kept.contacts.values_list("name", flat=True)) == ["Marta"]
    assert ContactLog.objects.filter(customer=kept).count() == 1
    assert sorted(CustomerClass.objects.filter(customer=kept).values_list("snapshot__scheme__name", "label")) == [("abc", "A"), ("matrix", "EIII")]
    assert Alert.objects.filter(customer=kept).count() == 1
    assert list(GroupActivity.objects.get().attendees.all()) == [kept]
    assert sorted(kept.tags.values_list("name", flat=True)) == ["new opening", "terrace"]
    # both stage histories, and the further stage
    assert sorted(StageChange.objects.filter(customer=kept).values_list("to_stage", flat=True)) == ["signed", "target"]
    assert stage(kept) == "signed"
    entry = PipelineEntry.objects.get(customer=kept)
    assert entry.tax_id == "B1"  # the kept entry's blanks are filled from the merged one
    kept.refresh_from_db()
    assert kept.email == "sol@example.com"
    assert (record.merged_name, record.by, record.moved["transactions"], record.moved["contact_logs"]) == ("Bar Sol SL", salesperson, 1, 1)


def test_the_further_stage_wins_and_the_move_is_recorded(salesperson, prospect):
    early = prospect("Bar Uno", stage="future")
    late = prospect("Bar Uno bis", stage="target")
    customers_merge(user=salesperson, kept=early, merged=late)
    assert stage(early) == "target"
    last = StageChange.objects.filter(customer=early).order_by("at", "id").last()
    assert (last.from_stage, last.to_stage, last.by, last.reason) == ("future", "target", salesperson, "merged with Bar Uno bis (P2)")
    assert CustomerMerge.objects.get().kept == early


def test_a_customer_cannot_be_merged_with_itself(salesperson, customer):
    with pytest.raises(ValidationError, match="a customer cannot be merged with itself"):
        customers_merge(user=salesperson, kept=customer, merged=customer)


def test_an_open_stage_wins_over_lost(salesperson, prospect):
    dropped = prospect("Bar Uno", stage="target")
    stage_move(user=salesperson, customer=dropped, to_stage="lost", reason="went quiet")
    again = prospect("Bar Uno bis", stage="future")
    customers_merge(user=salesperson, kept=dropped, merged=again)
    assert stage(dropped) == "future"
    assert history(dropped)[-1] == ("lost", "future", False)
