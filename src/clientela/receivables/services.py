"""Writes of receivables and credit: a customer's credit terms, credit-limit alerts."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from clientela.crm.models import Alert, Customer, User
from clientela.ledger import age
from clientela.receivables.models import CreditTerms
from clientela.receivables.selectors.ledgers import customer_ledgers


def may_set_credit_terms(user: User) -> bool:
    """Supervisors and admins set payment terms and credit limits; salespeople do not."""
    return user.is_superuser or user.role in (User.Role.SUPERVISOR, User.Role.ADMIN)


@transaction.atomic
def credit_terms_save(*, user: User, customer: Customer, payment_days: int, credit_limit_cents: int | None) -> CreditTerms:
    """Set a customer's payment terms and credit limit (None: no limit); refused to salespeople."""
    if not may_set_credit_terms(user):
        raise PermissionDenied("only supervisors and admins set payment terms and credit limits")
    terms = CreditTerms.objects.select_for_update().filter(customer=customer).first() or CreditTerms(customer=customer)
    terms.payment_days = payment_days
    terms.credit_limit_cents = credit_limit_cents
    terms.full_clean()
    terms.save()
    return terms


def _money(cents: int) -> str:
    return f"{Decimal(cents).scaleb(-2):,.2f}"


def credit_limit_message(name: str, balance_cents: int, limit_cents: int, today: date) -> str:
    """The alert about a customer owing more than its credit limit."""
    return (
        f"{name} owes {_money(balance_cents)} on {today}, above its credit limit of {_money(limit_cents)} "
        f"by {_money(balance_cents - limit_cents)}; collect before shipping more on credit"
    )


@transaction.atomic
def credit_limits_check(*, today: date, customers: QuerySet[Customer] | None = None) -> int:
    """Alert the owner of each customer (of `customers`, default all) owing more than its credit limit on `today`.

    A customer whose owner has an unread credit-limit alert about it is not alerted again. Return
    the number of alerts raised.
    """
    limited = Customer.objects.filter(credit_terms__credit_limit_cents__isnull=False, owner__isnull=False)
    if customers is not None:
        limited = limited.filter(pk__in=customers.values("pk"))
    balances = {pk: age(ledger, today).balance_cents for pk, ledger in customer_ledgers(customers=limited)}
    waiting = set(
        Alert.objects.filter(kind=Alert.Kind.CREDIT_LIMIT, read_at__isnull=True, customer__in=limited).values_list("customer_id", "recipient_id")
    )
    alerts = []
    for customer in limited.select_related("credit_terms"):
        limit = customer.credit_terms.credit_limit_cents
        assert limit is not None
        balance = balances.get(customer.pk, 0)
        if balance > limit and (customer.pk, customer.owner_id) not in waiting:
            message = credit_limit_message(customer.name, balance, limit, today)
            alerts.append(Alert(recipient_id=customer.owner_id, customer=customer, kind=Alert.Kind.CREDIT_LIMIT, message=message))
    Alert.objects.bulk_create(alerts)
    return len(alerts)
