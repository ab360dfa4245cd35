"""The credit warning's figures added up in the database, for customers whose receipts simply pay the oldest invoices first."""

from datetime import date, timedelta

from django.db.models import OuterRef, Q, Subquery, Sum

from clientela.crm.models import Customer, Instalment, Payment, Transaction
from clientela.ledger import Ageing
from clientela.ledger.ageing import BUCKET_LIMITS
from clientela.receivables.models import DEFAULT_PAYMENT_DAYS
from clientela.receivables.selectors.ageing import CustomerAgeing


def credit_standing_oldest_first(*, customer: Customer, as_of: date) -> CustomerAgeing | None:
    """The customer's ageing on `as_of` against its credit limit, added up in the database; None unless receipts simply pay
    the oldest invoices first (then the ledger must be allocated: `customer_statement`).

    They do when every receipt is money in that names no document and there are no contracts and
    no negative lines: the buckets, the money on account and the balance are then the ledger's, in
    a few queries whatever the number of invoices (the open items are left out).
    """
    terms = getattr(customer, "credit_terms", None)
    ageing = _oldest_first_ageing(customer, as_of, terms.payment_days if terms else DEFAULT_PAYMENT_DAYS)
    return CustomerAgeing(customer, ageing, terms.credit_limit_cents if terms else None) if ageing else None


def _oldest_first_ageing(customer: Customer, as_of: date, payment_days: int) -> Ageing | None:
    """The ageing when receipts pay invoices in the order of their dates, else None.

    Invoices are due `payment_days` after their date, so the oldest are due first, and the money
    received by `as_of` pays the invoices issued by then from the oldest on: what is open is what
    the invoices dated up to a day add up to beyond that money. An invoice is dated on its first
    line, so the lines of the last `payment_days` + 91 days are dated by their document's first line.
    """
    lines = Transaction.objects.filter(customer=customer)
    payments = Payment.objects.filter(customer=customer)
    if (
        Instalment.objects.filter(contract__customer=customer).exists()
        or lines.filter(amount_cents__lt=0).exists()
        or payments.filter(Q(amount_cents__lt=0) | ~Q(invoice="")).exists()
    ):
        return None
    # The last issue day of the items in each bucket from the oldest ("over 90") on, then all items issued by as_of.
    last_days = [as_of - timedelta(days=payment_days + limit + 1) for limit in reversed(BUCKET_LIMITS)] + [as_of]
    early = lines.filter(date__lte=last_days[0]).aggregate(cents=Sum("amount_cents"))["cents"] or 0
    first_line = Transaction.objects.filter(customer=customer, document_id=OuterRef("document_id")).order_by("date").values("date")[:1]
    late = (
        lines.filter(date__gt=last_days[0])
        .annotate(issued=Subquery(first_line))
        .aggregate(**{f"by_{n}": Sum("amount_cents", filter=Q(issued__lte=day)) for n, day in enumerate(last_days)})
    )
    issued = [early + (late[f"by_{n}"] or 0) for n in range(len(last_days))]
    received = payments.filter(date__lte=as_of).aggregate(cents=Sum("amount_cents"))["cents"] or 0
    # Open among the items issued by each last day, newest first: all, then those past due, … then those over 90 days.
    still_open = [max(cents - received, 0) for cents in reversed(issued)]
    buckets = [still_open[n] - still_open[n + 1] for n in range(len(still_open) - 1)] + [still_open[-1]]
    return Ageing(as_of, tuple(buckets), max(received - issued[-1], 0), ())
