"""The monthly review, on hand-computed examples: lost by silence (k and minimum days), recovery, classes at the loss, at-risk alerts."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from clientela.crm.models import Alert, Customer
from clientela.retention.models import CustomerLoss, CustomerRhythm
from clientela.retention.services import customer_mark_lost, retention_review
from clientela.segmentation.models import Scheme
from clientela.segmentation.services import scheme_save, segmentation_run
from tests.retention.conftest import fit_store, settings_save

APR, MAY, JUN, JUL = date(2024, 4, 30), date(2024, 5, 31), date(2024, 6, 30), date(2024, 7, 31)
YEARLY_ABC = {"kind": "abc", "window_months": 12}


def status(customer: Customer) -> str:
    customer.refresh_from_db()
    return customer.status


def losses() -> dict[str, tuple[date, str, str, int]]:
    rows = CustomerLoss.objects.values_list("customer__name", "lost_on", "how", "reason", "revenue_12m_cents")
    return {name: (lost_on, how, reason, revenue) for name, lost_on, how, reason, revenue in rows}


@pytest.fixture
def silent(bars, sell):
    """Five customers by June 2024, with their purchase days and usual gaps worked out by hand.

    Sol: 2023-01-01 and five days of 2024 up to Mar 1; gaps 365, 5, 10, 30, 15: usual gap 15; 5,000 in 2024.
    Dos: Jan 1, Feb 10, Mar 21: usual gap 40. Tres: Mar 15 only. Cuatro: Apr 15 only. Cinco: 50,000 on Jun 20.
    A yearly ABC as of April: Dos and Sol A, Cuatro B, Tres and Cinco C; as of June: Cinco A, Dos and Sol B.
    """
    from clientela.crm.services.customers import customer_create

    bars["Bar Cinco"] = customer_create(external_id="C5", name="Bar Cinco", owner=bars["Bar Sol"].owner)
    sell(bars["Bar Sol"], date(2023, 1, 1), 3_000)
    for day in (date(2024, 1, 1), date(2024, 1, 6), date(2024, 1, 16), date(2024, 2, 15), date(2024, 3, 1)):
        sell(bars["Bar Sol"], day, 1_000)
    for day in (date(2024, 1, 1), date(2024, 2, 10), date(2024, 3, 21)):
        sell(bars["Bar Dos"], day, 2_000)
    sell(bars["Bar Tres"], date(2024, 3, 15), 500)
    sell(bars["Bar Cuatro"], date(2024, 4, 15), 1_000)
    sell(bars["Bar Cinco"], date(2024, 6, 20), 50_000)
    scheme_save(name="abc-year", definition=YEARLY_ABC)
    segmentation_run(scheme_name="abc-year", as_of=APR)
    segmentation_run(scheme_name="abc-year", as_of=JUN)
    return bars


def test_rhythms_are_stored_with_the_median_gap_between_purchase_days(silent):
    retention_review(as_of=JUN)
    rhythms = {r.customer.name: (r.last_purchase_on, r.purchase_days, r.usual_gap_days) for r in CustomerRhythm.objects.select_related("customer")}
    assert rhythms == {
        "Bar Sol": (date(2024, 3, 1), 6, 15.0),
        "Bar Dos": (date(2024, 3, 21), 3, 40.0),
        "Bar Tres": (date(2024, 3, 15), 1, None),
        "Bar Cuatro": (date(2024, 4, 15), 1, None),
        "Bar Cinco": (date(2024, 6, 20), 1, None),
    }
    assert set(CustomerRhythm.objects.values_list("as_of", flat=True)) == {JUN}


def test_customers_silent_past_k_gaps_and_the_minimum_are_lost_on_the_day_they_passed_it(silent):
    result = retention_review(as_of=JUN)

    # Sol: 3 × 15 = 45 days is under the 90-day minimum: lost 90 days after Mar 1. Tres (one purchase day): 90 days
    # after Mar 15. Dos must be silent more than 3 × 40 = 120 days: not before Jul 20. Cuatro: not before Jul 14.
    assert losses() == {
        "Bar Sol": (date(2024, 5, 30), "detected", "unknown", 5_000),  # the 3,000 of 2023 is older than 12 months
        "Bar Tres": (date(2024, 6, 13), "detected", "unknown", 500),
    }
    assert (result.lost, result.recovered) == (2, 0)
    assert [status(silent[name]) for name in ("Bar Sol", "Bar Dos", "Bar Tres", "Bar Cuatro")] == ["lost", "active", "lost", "active"]
    alerts = Alert.objects.filter(kind=Alert.Kind.CUSTOMER_LOST).order_by("customer__name")
    assert [(alert.recipient.username, alert.customer.name) for alert in alerts] == [("ana", "Bar Sol"), ("ana", "Bar Tres")]
    assert alerts[0].message.startswith("Bar Sol is lost as of 2024-05-30: no purchase for 90 days since 2024-03-01, usual gap 15 days.")


def test_the_class_at_the_time_of_loss_comes_from_the_latest_snapshot_on_or_before_it(silent):
    # An inactive scheme does not count.
    scheme_save(name="abc-old", definition=YEARLY_ABC)
    segmentation_run(scheme_name="abc-old", as_of=APR)
    Scheme.objects.filter(name="abc-old").update(active=False)

    retention_review(as_of=JUN)

    # Sol was A as of April (lost May 30), B as of June; Tres was C as of April (lost Jun 13, before the June snapshot).
    classes = {loss.customer.name: {str(c) for c in loss.classes.all()} for loss in CustomerLoss.objects.prefetch_related("classes")}
    assert classes == {"Bar Sol": {"abc-year A"}, "Bar Tres": {"abc-year C"}}


@pytest.mark.parametrize(
    ("changes", "lost"),
    [
        ({"lost_factor": 2}, {"Bar Sol": date(2024, 5, 30), "Bar Dos": date(2024, 6, 19), "Bar Tres": date(2024, 6, 13)}),  # 2 × 40 = 80 < 90
        ({"lost_min_days": 120}, {"Bar Sol": date(2024, 6, 29)}),  # Tres would be lost on Jul 13
        # Sol: longer than 9 × 15 = 135 days; Tres and Cuatro (one purchase day): 60 days.
        ({"lost_factor": 9, "lost_min_days": 60}, {"Bar Tres": date(2024, 5, 14), "Bar Cuatro": date(2024, 6, 14)}),
    ],
)
def test_k_and_the_minimum_days_come_from_the_settings(silent, changes, lost):
    settings_save(**changes)
    retention_review(as_of=JUN)
    assert {name: lost_on for name, (lost_on, *_) in losses().items()} == lost


def test_a_lost_customer_who_buys_again_is_recovered_and_active(silent, sell):
    retention_review(as_of=JUN)
    sell(silent["Bar Tres"], date(2024, 7, 10), 800)
    sell(silent["Bar Tres"], date(2024, 7, 20), 900)

    result = retention_review(as_of=JUL)

    assert result.recovered == 1
    tres = CustomerLoss.objects.get(customer=silent["Bar Tres"])
    assert (tres.lost_on, tres.recovered_on) == (date(2024, 6, 13), date(2024, 7, 10))
    assert status(silent["Bar Tres"]) == "active" and status(silent["Bar Sol"]) == "lost"
    assert CustomerLoss.objects.get(customer=silent["Bar Sol"]).recovered_on is None
    # A second review does not lose it again, and finds nothing new to recover.
    assert retention_review(as_of=JUL).recovered == 0
    assert CustomerLoss.objects.filter(customer=silent["Bar Tres"]).count() == 1


def test_a_marked_loss_is_recovered_by_a_purchase_after_it(silent, sell, owner):
    customer_mark_lost(customer=silent["Bar Cinco"], user=owner, reason="competitor_offer", on=date(2024, 6, 25))
    retention_review(as_of=JUN)
    assert status(silent["Bar Cinco"]) == "lost"
    sell(silent["Bar Cinco"], date(2024, 7, 2), 100)

    retention_review(as_of=JUL)

    assert CustomerLoss.objects.get(customer=silent["Bar Cinco"]).recovered_on == date(2024, 7, 2)
    assert status(silent["Bar Cinco"]) == "active"


# --- at-risk alerts -----------------------------------------------------------------------------------------


@pytest.fixture
def regulars(bars, sell):
    """Three big customers (all A in a yearly ABC as of June) and a small one (C), with hand-set probabilities alive.

    Sol buys every 10 days (last Jun 29, p(alive) 0.31); Dos every 7 days up to May 20 (41 days silent, p 0.9);
    Tres every 7 days up to Jun 10 (20 days silent, p 0.8); Cuatro once, on Jan 15 (p 0.1).
    """
    for name, gap, last, cents in [("Bar Sol", 10, date(2024, 6, 29), 10_000), ("Bar Dos", 7, date(2024, 5, 20), 9_000), ("Bar Tres", 7, date(2024, 6, 10), 8_000)]:
        day = date(2024, 1, 1)
        while day <= last:
            sell(bars[name], day, cents)
            day += timedelta(days=gap)
    sell(bars["Bar Cuatro"], date(2024, 1, 15), 100)
    scheme_save(name="abc-year", definition=YEARLY_ABC)
    segmentation_run(scheme_name="abc-year", as_of=JUN)
    fit_store(JUN, {bars["Bar Sol"]: 0.31, bars["Bar Dos"]: 0.9, bars["Bar Tres"]: 0.8, bars["Bar Cuatro"]: 0.1})
    return bars


def at_risk_alerts() -> dict[str, str]:
    return dict(Alert.objects.filter(kind=Alert.Kind.AT_RISK).values_list("customer__name", "message"))


def test_important_customers_below_the_threshold_or_silent_too_long_alert_their_owner(regulars):
    result = retention_review(as_of=JUN)

    # Tres is silent 20 days, more than twice its 7-day gap but under 30 days; Cuatro is not important.
    assert at_risk_alerts() == {
        "Bar Sol": "Bar Sol (abc-year A) is at risk as of 2024-06-30: p(alive) 0.31 < 0.50; last purchase 1 day ago, usual gap 10 days",
        "Bar Dos": "Bar Dos (abc-year A) is at risk as of 2024-06-30: last purchase 41 days ago, usual gap 7 days",
    }
    assert result.at_risk == 2
    assert set(Alert.objects.filter(kind=Alert.Kind.AT_RISK).values_list("recipient__username", flat=True)) == {"ana"}


def test_no_second_alert_while_one_is_unread(regulars):
    retention_review(as_of=JUN)
    assert retention_review(as_of=JUN).at_risk == 0
    Alert.objects.filter(kind=Alert.Kind.AT_RISK, customer=regulars["Bar Sol"]).update(read_at=timezone.now())

    assert retention_review(as_of=JUN).at_risk == 1

    assert Alert.objects.filter(kind=Alert.Kind.AT_RISK, customer=regulars["Bar Sol"], read_at__isnull=True).count() == 1
    assert Alert.objects.filter(kind=Alert.Kind.AT_RISK, customer=regulars["Bar Dos"]).count() == 1


@pytest.mark.parametrize(
    ("changes", "alerted"),
    [
        ({"at_risk_threshold": 0.3}, {"Bar Dos"}),  # 0.31 is not below 0.30
        ({"at_risk_threshold": 0.85}, {"Bar Sol", "Bar Dos", "Bar Tres"}),
        ({"at_risk_min_days": 14}, {"Bar Sol", "Bar Dos", "Bar Tres"}),  # Tres: 20 days > 2 × 7
        ({"silence_factor": 6}, {"Bar Sol"}),  # Dos: 41 days is not more than 6 × 7
    ],
)
def test_the_threshold_and_the_silence_come_from_the_settings(regulars, changes, alerted):
    settings_save(**changes)
    retention_review(as_of=JUN)
    assert set(at_risk_alerts()) == alerted


def test_lost_customers_and_customers_without_an_owner_are_not_alerted(regulars, owner):
    customer_mark_lost(customer=regulars["Bar Dos"], user=owner, reason="dissatisfied", on=date(2024, 6, 1))
    Customer.objects.filter(pk=regulars["Bar Sol"].pk).update(owner=None)
    retention_review(as_of=JUN)
    assert at_risk_alerts() == {}


def test_without_a_fit_only_silence_puts_customers_at_risk(regulars):
    from clientela.retention.models import ChurnFit

    ChurnFit.objects.all().delete()
    retention_review(as_of=JUN)
    assert set(at_risk_alerts()) == {"Bar Dos"}
