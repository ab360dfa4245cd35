"""The prospect matrix in the monthly segmentation: read from the pipeline's tables where they live, PI–PIV driving follow-up."""

from datetime import date

import pytest

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.followup.defaults import default_policies_create
from clientela.followup.models import Policy
from clientela.followup.selectors import followed_customers
from clientela.pipeline.services.prospects import prospect_update
from clientela.pipeline.services.stages import pipeline_sync, stage_move
from clientela.segmentation.models import CustomerClass, Scheme
from clientela.segmentation.services import default_schemes_create, segmentation_run

AS_OF = date(2026, 1, 31)


@pytest.fixture
def schemes(transactional_db, salesperson):
    """The default schemes (the prospect matrix among them) and one customer, which a run needs."""
    Scheme.objects.all().delete()
    default_schemes_create()
    customer_create(external_id="C1", name="Bar Uno", owner=salesperson)


def test_open_prospects_get_pi_to_piv_with_their_explanation(schemes, prospect, salesperson):
    eager = prospect("Eager", stage="target")
    shy = prospect("Shy", stage="potential")
    prospect("Unscored")
    prospect_update(customer=eager, data={"strength_scale": 5, "distribution_network": 4, "management_level": 4, "competitive_advantage": 4, "judgement": 5})
    prospect_update(customer=shy, data={"strength_scale": 5, "growth_capability": 5, "judgement": 1, "competitive_advantage": 2, "low_intention_reason": "competitor"})
    pipeline_sync(today=AS_OF)
    snapshot = segmentation_run(scheme_name="prospects", as_of=AS_OF)
    assert snapshot.class_counts == {"PI": 1, "PII": 1, "PIV": 1}
    classes = {row.customer.name: row for row in CustomerClass.objects.filter(snapshot=snapshot).select_related("customer")}
    assert classes["Eager"].explanation["contribution"] == pytest.approx(13 / 3) and classes["Eager"].explanation["intention"] == 4.5
    assert classes["Shy"].label == "PII" and classes["Shy"].explanation["counter_measure"].startswith("find our edge over the competitor")
    default_policies_create(Policy)
    followed = {f.customer.name: (f.scheme, f.class_label) for f in followed_customers(Customer.objects.filter(owner=salesperson))}
    assert followed == {"Eager": ("prospects", "PI"), "Shy": ("prospects", "PII"), "Unscored": ("prospects", "PIV")}


def test_without_prospects_the_run_stores_an_empty_snapshot(schemes):
    snapshot = segmentation_run(scheme_name="prospects", as_of=AS_OF)
    assert (snapshot.customers, snapshot.class_counts) == (0, {})


def test_lost_prospects_are_not_scored(schemes, prospect, salesperson):
    kept = prospect("Still open", stage="target")
    dropped = prospect("Dropped", stage="target")
    stage_move(user=salesperson, customer=dropped, to_stage="lost", reason="signed with a competitor")
    snapshot = segmentation_run(scheme_name="prospects", as_of=AS_OF)
    assert list(CustomerClass.objects.filter(snapshot=snapshot).values_list("customer", flat=True)) == [kept.pk]
