"""The credit warning's figures: added up in the database when credits simply pay the oldest items first, else from the ledger."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import chain

from django.db.models import F, OuterRef, Q, Subquery, Sum

from clientela.crm.models import Customer, Instalment, Payment, Transaction
from clientela.ledger import Ageing, DayTotals, age_from_day_totals, day_totals_start
from clientela.receivables.models import DEFAULT_PAYMENT_DAYS
from clientela.receivables.selectors.ageing import CustomerAgeing, customer_statement

DayRow = tuple[date, int, int, int]  # a day, what it added to the net balance owed, the invoices issued, the money given back


def credit_standing(*, customer: Customer, as_of: date) -> CustomerAgeing:
    """The customer's ageing on `as_of` against its credit limit: added up in the database when it can be, else from its allocated ledger."""
    return credit_standing_oldest_first(customer=customer, as_of=as_of) or customer_statement(customer=customer, as_of=as_of).standing


def credit_standing_oldest_first(*, customer: Customer, as_of: date) -> CustomerAgeing | None:
    """The customer's ageing on `as_of` against its credit limit, added up in the database; None unless credits simply pay
    the oldest items first (then the ledger must be allocated: `customer_statement`).

    They do when no receipt by `as_of` names a document and no contract was signed by then: the
    invoices, credit notes, receipts and refunds are read as day totals (`clientela.ledger.day_totals`)
    in a few queries whatever their number, and the buckets, the money on account and the balance
    are the ledger's (the open items are left out).
    """
    if _names_documents(customer, as_of):
        return None
    terms = getattr(customer, "credit_terms", None)
    payment_days = terms.payment_days if terms else DEFAULT_PAYMENT_DAYS
    return CustomerAgeing(customer, _ageing(customer, as_of, payment_days), terms.credit_limit_cents if terms else None)


def _names_documents(customer: Customer, as_of: date) -> bool:
    """Whether a receipt by `as_of` names an invoice or a contract, or a contract was signed by then (their items come first)."""
    return (
        Payment.objects.filter(customer=customer, date__lte=as_of).exclude(invoice="").exists()
        or Instalment.objects.filter(contract__customer=customer, contract__signed_on__lte=as_of).exists()
    )


def _ageing(customer: Customer, as_of: date, payment_days: int) -> Ageing:
    """The ageing from the net balance owed up to `day_totals_start` and the totals of each day after it."""
    start = day_totals_start(as_of, payment_days)
    owed = 0
    days: defaultdict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for day, *cents in chain(_documents_by_day(customer, start, as_of), _payments_by_day(customer, start, as_of)):
        if day <= start:
            owed += cents[0]
        else:
            days[day] = [total + part for total, part in zip(days[day], cents, strict=True)]
    return age_from_day_totals(as_of, payment_days, owed, {day: DayTotals(*cents) for day, cents in days.items()})


def _documents_by_day(customer: Customer, start: date, as_of: date) -> Iterator[DayRow]:
    """The documents by `as_of` by the day of their first line, those up to `start` in one row (two queries).

    A document is an invoice or a credit note by its total, so the lines after `start` are dated and
    signed by their document's; every earlier line belongs to a document dated by `start`.
    """
    lines = Transaction.objects.filter(customer=customer)
    yield start, lines.filter(date__lte=start).aggregate(cents=Sum("amount_cents"))["cents"] or 0, 0, 0
    # The customer is matched as customer_id + 0 so that SQLite finds a document's lines by the document's index
    # (without statistics it would scan all the customer's lines for each line: quadratic for a busy customer).
    document = Transaction.objects.alias(owner=F("customer_id") + 0).filter(owner=customer.pk, document_id=OuterRef("document_id")).order_by()
    later = (
        lines.filter(date__gt=start)
        .annotate(
            issued=Subquery(document.order_by("date").values("date")[:1]),
            total=Subquery(document.values("document_id").annotate(cents=Sum("amount_cents")).values("cents")),
        )
        .values("issued")
        .annotate(cents=Sum("amount_cents"), invoiced=Sum("amount_cents", filter=Q(total__gt=0)))
    )
    for issued, cents, invoiced in later.values_list("issued", "cents", "invoiced"):
        if issued <= as_of:  # here, not in the query: SQLite would look each line's document up once more
            yield issued, cents, invoiced or 0, 0


def _payments_by_day(customer: Customer, start: date, as_of: date) -> Iterator[DayRow]:
    """The money received by `as_of` (less) and given back, by day, that up to `start` in one row (two queries)."""
    payments = Payment.objects.filter(customer=customer)
    yield start, -(payments.filter(date__lte=start).aggregate(cents=Sum("amount_cents"))["cents"] or 0), 0, 0
    later = payments.filter(date__gt=start, date__lte=as_of).values("date").annotate(cents=Sum("amount_cents"), refunded=Sum("amount_cents", filter=Q(amount_cents__lt=0)))
    for day, cents, refunded in later.values_list("date", "cents", "refunded"):
        yield day, -cents, 0, -(refunded or 0)
