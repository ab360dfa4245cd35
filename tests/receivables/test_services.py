"""Credit terms (supervisors and admins only, validated) and credit-limit alerts (to the owner, once while unread)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from clientela.crm.models import Alert, Customer
from clientela.receivables.models import CreditTerms
from clientela.receivables.services import credit_limits_check, credit_terms_save

DAY = date(2026, 3, 1)


def test_a_supervisor_sets_terms_and_a_limit_and_changes_them(customer, team):
    credit_terms_save(user=team.supervisor, customer=customer, payment_days=45, credit_limit_cents=500_000)
    credit_terms_save(user=team.supervisor, customer=customer, payment_days=60, credit_limit_cents=None)
    assert CreditTerms.objects.values_list("customer", "payment_days", "credit_limit_cents").get() == (customer.pk, 60, None)


def test_a_salesperson_may_not_set_credit_terms(customer, salesperson):
    with pytest.raises(PermissionDenied, match="only supervisors and admins"):
        credit_terms_save(user=salesperson, customer=customer, payment_days=90, credit_limit_cents=None)
    assert not CreditTerms.objects.exists()


def test_bad_terms_are_refused_with_the_field_and_nothing_is_saved(customer, admin_user):
    with pytest.raises(ValidationError) as refusal:
        credit_terms_save(user=admin_user, customer=customer, payment_days=400, credit_limit_cents=-1)
    assert set(refusal.value.message_dict) == {"payment_days", "credit_limit_cents"}
    assert "less than or equal to 365" in refusal.value.message_dict["payment_days"][0]
    assert not CreditTerms.objects.exists()


def test_an_owner_is_alerted_once_while_the_alert_is_unread(customer, salesperson, sale, terms):
    sale(customer, "F1", date(2026, 2, 1), [("Lager", 120_000)])
    terms(customer, limit_cents=100_000)
    assert credit_limits_check(today=DAY) == 1
    alert = Alert.objects.get(kind=Alert.Kind.CREDIT_LIMIT)
    assert (alert.recipient, alert.customer) == (salesperson, customer)
    assert alert.message == (
        "Bar Uno owes 1,200.00 on 2026-03-01, above its credit limit of 1,000.00 by 200.00; collect before shipping more on credit"
    )
    assert credit_limits_check(today=DAY) == 0
    Alert.objects.filter(pk=alert.pk).update(read_at=timezone.now())
    assert credit_limits_check(today=DAY) == 1


def test_no_alert_within_the_limit_without_a_limit_or_once_paid(customer, theirs, sale, pay, terms):
    sale(customer, "F1", date(2026, 2, 1), [("Lager", 120_000)])
    sale(theirs, "G1", date(2026, 2, 1), [("Lager", 900_000)])
    terms(customer, limit_cents=120_000)  # at the limit is not above it
    assert credit_limits_check(today=DAY) == 0
    terms(customer, limit_cents=100_000)
    pay(customer, date(2026, 2, 20), 30_000)
    assert credit_limits_check(today=DAY) == 0  # owes 900.00
    assert credit_limits_check(today=date(2026, 2, 19)) == 1


def test_the_check_can_be_limited_to_some_customers(customer, theirs, sale, terms):
    for who, document in ((customer, "F1"), (theirs, "G1")):
        sale(who, document, date(2026, 2, 1), [("Lager", 120_000)])
        terms(who, limit_cents=1)
    assert credit_limits_check(today=DAY, customers=Customer.objects.filter(pk=theirs.pk)) == 1
    assert list(Alert.objects.values_list("customer__name", flat=True)) == ["Bar Ajeno"]
