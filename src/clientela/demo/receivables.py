"""The demo's receivables: the contracts' own payments, payment terms and credit limits, a bonus plan, credit alerts.

The demo's orders are paid invoice by invoice. Its contracts (the dealers' yearly supply
agreements, the won leads' first agreements) are paid by payments naming the contract: a few
days early by most customers, late by those who pay their invoices late, now and then a few days
late by anyone, and no longer once a customer has stopped buying.
"""

import random
import statistics
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Max, Min, Sum

from clientela.crm.models import Contract, Customer, Instalment, Payment, Transaction
from clientela.crm.services.business import payments_upsert
from clientela.receivables.models import DEFAULT_PAYMENT_DAYS, BonusPlan, BonusRate, CreditTerms
from clientela.receivables.services import credit_limits_check

PAYMENT_DAYS = {"dealer": 60, "shop": 45}  # the other channels pay at the default
LATE_PAYER_DAYS = 40  # a customer whose invoices are paid this long after their date, at the median, pays late
STOPPED_DAYS = 45  # an instalment due this long after a customer's last order is never paid
LIMIT_STEP_CENTS = 50_000


def receivables_setup(*, end: date) -> int:
    """Pay the contracts, set every customer's terms and limit and a default bonus plan; return the credit alerts raised."""
    contracts_paid(contract_ids=list(Contract.objects.values_list("contract_id", flat=True)), end=end)
    _credit_terms(end)
    _bonus_plan(end)
    return credit_limits_check(today=end)


def contracts_paid(*, contract_ids: list[str], end: date) -> None:
    """Record the payments of these contracts' instalments up to `end`, each naming its contract (deterministic)."""
    instalments = Instalment.objects.filter(contract__contract_id__in=contract_ids).order_by("contract__contract_id", "sequence")
    rows = list(instalments.values_list("contract__customer_id", "contract__contract_id", "contract__signed_on", "sequence", "due_date", "amount_cents"))
    customers = {row[0] for row in rows}
    late = _late_payers(customers)
    last_orders = dict(Transaction.objects.filter(customer__in=customers).order_by().values("customer_id").annotate(last=Max("date")).values_list("customer_id", "last"))
    payments = []
    for customer_id, contract_id, signed_on, sequence, due, amount in rows:
        rng = random.Random(f"{contract_id}#{sequence}")
        last_order = last_orders.get(customer_id)
        if amount <= 0 or last_order is None or due > last_order + timedelta(days=STOPPED_DAYS):
            continue
        if customer_id in late:
            paid_on = due + timedelta(days=rng.randint(20, 90))
        elif rng.random() < 0.08:
            paid_on = due + timedelta(days=rng.randint(1, 12))
        else:
            paid_on = due - timedelta(days=rng.randint(0, 10))
        if paid_on <= end:
            payments.append((f"PAY-{contract_id}-{sequence}", customer_id, max(paid_on, signed_on), amount, contract_id))
    payments_upsert(rows=payments)


def _late_payers(customers: set[int]) -> set[int]:
    """Customers whose invoices are paid more than LATE_PAYER_DAYS after their date, at the median."""
    issued = dict(
        Transaction.objects.filter(customer__in=customers).order_by().values("document_id").annotate(day=Min("date")).values_list("document_id", "day")
    )
    delays: defaultdict[int, list[int]] = defaultdict(list)
    for customer_id, invoice, on in Payment.objects.filter(customer__in=customers).exclude(invoice="").values_list("customer_id", "invoice", "date"):
        if invoice in issued:
            delays[customer_id].append((on - issued[invoice]).days)
    return {customer_id for customer_id, days in delays.items() if statistics.median(days) > LATE_PAYER_DAYS}


def _credit_terms(end: date) -> None:
    """Terms by channel; a limit of twice what a customer buys in its payment terms, plus its contracts of the last year."""
    year_ago = end - timedelta(days=365)
    bought = dict(
        Transaction.objects.filter(date__gt=year_ago).order_by().values("customer_id").annotate(total=Sum("amount_cents")).values_list("customer_id", "total")
    )
    committed = dict(
        Contract.objects.filter(signed_on__gt=year_ago).order_by().values("customer_id").annotate(total=Sum("value_cents")).values_list("customer_id", "total")
    )
    terms = []
    for pk, channel, status in Customer.objects.exclude(status=Customer.Status.PROSPECT).values_list("pk", "channel", "status"):
        days = PAYMENT_DAYS.get(channel, DEFAULT_PAYMENT_DAYS)
        exposure = 2 * bought.get(pk, 0) * days // 365 + committed.get(pk, 0)
        limit = None if status == Customer.Status.LOST else max(1, -(-exposure // LIMIT_STEP_CENTS)) * LIMIT_STEP_CENTS
        terms.append(CreditTerms(customer_id=pk, payment_days=days, credit_limit_cents=limit))
    CreditTerms.objects.bulk_create(terms)


def _bonus_plan(end: date) -> None:
    """A default plan over the last twelve months: more for A and B customers, and for craft beer."""
    first = (end.replace(day=1) - timedelta(days=335)).replace(day=1)
    plan = BonusPlan.objects.create(scheme="abc", default_percent=Decimal("1.00"), starts_on=first)
    rates = {("A", ""): "2.00", ("B", ""): "1.50", ("", "Craft"): "2.50", ("A", "Craft"): "3.00"}
    BonusRate.objects.bulk_create(BonusRate(plan=plan, class_label=label, family=family, percent=Decimal(rate)) for (label, family), rate in rates.items())
