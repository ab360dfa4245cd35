"""New prospects: at a stage before signing, duplicates refused until confirmed; their deal and scores."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.pipeline.models import PipelineEntry, StageChange
from clientela.pipeline.services.prospects import DuplicateSuspected, prospect_create, prospect_update


def test_a_prospect_is_created_with_its_deal_and_first_stage(salesperson):
    bar = prospect_create(
        user=salesperson,
        name="Bar Nuevo",
        city="Bilbao",
        tax_id="b-1234.5678",
        stage="potential",
        reason="met at the fair",
        lead_source="Bilbao fair 2026",
        lead_channel="event",
        expected_value_cents=1_200_000,
        expected_signing_on=date(2026, 9, 1),
    )
    assert (bar.status, bar.owner, bar.external_id[:2]) == ("prospect", salesperson, "P-")
    entry = PipelineEntry.objects.get(customer=bar)
    assert (entry.stage, entry.tax_id, entry.lead_channel, entry.expected_value_cents) == ("potential", "B12345678", "event", 1_200_000)
    change = StageChange.objects.get(customer=bar)
    assert (change.from_stage, change.to_stage, change.by, change.reason) == ("", "potential", salesperson, "met at the fair")


def test_a_prospect_cannot_start_signed(salesperson):
    with pytest.raises(ValidationError, match="a new prospect starts at future, potential, target, not at signed"):
        prospect_create(user=salesperson, name="Bar", stage="signed")


@pytest.mark.parametrize(
    ("details", "reason"),
    [
        ({"tax_id": "B12345678"}, "same tax id"),
        ({"email": "INFO@bar-sol.example"}, "same e-mail"),
        ({"phone": "+34 944 12 34 56"}, "same phone"),
        ({"city": "bilbao", "name": "Bar  Sol, S.L."}, "similar name in the same town"),
    ],
)
def test_a_duplicate_is_refused_until_confirmed(salesperson, other_salesperson, details, reason):
    existing = prospect_create(
        user=other_salesperson, name="Bar Sol", city="Bilbao", email="info@bar-sol.example", phone="944123456", tax_id="B-12345678"
    )
    fields = {"name": "Otro nombre"} | details
    with pytest.raises(DuplicateSuspected) as refused:
        prospect_create(user=salesperson, **fields)
    assert [(m.customer, reason in m.reasons) for m in refused.value.matches] == [(existing, True)]
    assert Customer.objects.count() == 1
    prospect_create(user=salesperson, confirmed=True, **fields)
    assert Customer.objects.count() == 2


def test_a_similar_name_in_another_town_is_no_duplicate(salesperson):
    customer_create(external_id="C1", name="Bar Sol", city="Bilbao", owner=salesperson)
    prospect_create(user=salesperson, name="Bar Sol", city="Madrid")
    assert Customer.objects.count() == 2


def test_scores_and_deal_are_updated_in_the_entry_and_the_profile(prospect):
    bar = prospect("Bar Sol")
    prospect_update(customer=bar, data={"strength_scale": 4, "management_level": 5, "judgement": 2, "low_intention_reason": "competitor", "tax_id": "x-1"})
    entry = PipelineEntry.objects.get(customer=bar)
    bar.profile.refresh_from_db()
    assert (entry.strength_scale, entry.judgement, entry.low_intention_reason, entry.tax_id, bar.profile.management_level) == (4, 2, "competitor", "X1", 5)


def test_scores_out_of_the_scale_are_refused_and_nothing_is_written(prospect):
    bar = prospect("Bar Sol")
    with pytest.raises(ValidationError) as refused:
        prospect_update(customer=bar, data={"strength_scale": 6, "marketing_level": 0})
    assert set(refused.value.message_dict) == {"strength_scale", "marketing_level"}
    assert PipelineEntry.objects.get(customer=bar).strength_scale is None
