"""Marking a customer lost with a reason, and giving the reason of a detected loss later."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.retention.models import CustomerLoss
from clientela.retention.services import customer_loss_explain, customer_mark_lost
from clientela.retention.services.losses import losses_record


@pytest.fixture
def sold(customer, sell):
    """Bar Uno (owned by ana) bought 1,000 on 2024-01-10 and 2,500 on 2024-03-05 (and returned 200 that day)."""
    sell(customer, date(2024, 1, 10), 1_000)
    sell(customer, date(2024, 3, 5), 2_500)
    sell(customer, date(2024, 3, 5), -200)
    return customer


@pytest.mark.django_db
def test_marking_lost_records_who_when_why_and_the_revenue_before(sold, salesperson):
    loss = customer_mark_lost(customer=sold, user=salesperson, reason="tries_new_things", on=date(2024, 4, 1))

    assert (loss.lost_on, loss.how, loss.reason, loss.reason_text) == (date(2024, 4, 1), "marked", "tries_new_things", "")
    assert (loss.recorded_by, loss.reason_by, loss.last_purchase_on, loss.revenue_12m_cents) == (salesperson, salesperson, date(2024, 3, 5), 3_300)
    sold.refresh_from_db()
    assert sold.status == "lost"


@pytest.mark.django_db
def test_marking_lost_defaults_to_today(customer, salesperson):
    assert customer_mark_lost(customer=customer, user=salesperson, reason="dissatisfied").lost_on == timezone.localdate()


@pytest.mark.django_db
def test_other_needs_the_reason_in_words(customer, salesperson):
    with pytest.raises(ValidationError) as refused:
        customer_mark_lost(customer=customer, user=salesperson, reason="other", reason_text="  ")
    assert refused.value.message_dict == {"reason_text": ["say in words why the customer was lost (the reason is “other”)"]}
    loss = customer_mark_lost(customer=customer, user=salesperson, reason="other", reason_text=" moved abroad ")
    assert (loss.reason, loss.reason_text) == ("other", "moved abroad")


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["price", "unknown", ""])
def test_a_reason_off_the_list_is_refused_naming_the_choices(customer, salesperson, reason):
    with pytest.raises(ValidationError) as refused:
        customer_mark_lost(customer=customer, user=salesperson, reason=reason)
    expected = f'"{reason}" is not a reason for a loss; expected one of tries_new_things, competitor_offer, dissatisfied, other'
    assert refused.value.message_dict == {"reason": [expected]}
    assert not CustomerLoss.objects.exists()
    customer.refresh_from_db()
    assert customer.status == "active"


@pytest.mark.django_db
def test_a_prospect_a_customer_lost_already_and_a_future_day_are_refused(customer, salesperson):
    prospect = customer_create(external_id="P1", name="Bar Nuevo", owner=salesperson, status=Customer.Status.PROSPECT)
    with pytest.raises(ValidationError, match="Bar Nuevo is a prospect, not a customer: a prospect cannot be lost"):
        customer_mark_lost(customer=prospect, user=salesperson, reason="competitor_offer")
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match=f"the day of the loss {tomorrow} is in the future"):
        customer_mark_lost(customer=customer, user=salesperson, reason="competitor_offer", on=tomorrow)
    customer_mark_lost(customer=customer, user=salesperson, reason="competitor_offer", on=date(2024, 5, 2))
    with pytest.raises(ValidationError, match=r"Bar Uno is already lost \(since 2024-05-02\)"):
        customer_mark_lost(customer=customer, user=salesperson, reason="dissatisfied")
    assert CustomerLoss.objects.count() == 1


@pytest.mark.django_db
def test_the_reason_of_a_detected_loss_is_given_later(customer, salesperson, other_salesperson):
    loss = CustomerLoss(customer=customer, lost_on=date(2024, 5, 2), how=CustomerLoss.How.DETECTED)
    losses_record(losses=[loss])
    assert (loss.reason, loss.recorded_by, loss.reason_by) == ("unknown", None, None)

    customer_loss_explain(loss=loss, user=other_salesperson, reason="competitor_offer", reason_text="cheaper kegs")

    loss.refresh_from_db()
    assert (loss.reason, loss.reason_text, loss.reason_by, loss.recorded_by) == ("competitor_offer", "cheaper kegs", other_salesperson, None)
    with pytest.raises(ValidationError) as refused:
        customer_loss_explain(loss=loss, user=salesperson, reason="other")
    assert list(refused.value.message_dict) == ["reason_text"]
    loss.refresh_from_db()
    assert loss.reason == "competitor_offer"
