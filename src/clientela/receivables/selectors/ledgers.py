"""Each customer's invoices, contract schedules and receipts, read in a few queries and allocated by the ledger."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Min, QuerySet, Sum

from clientela.crm.models import Customer, Instalment, Payment, Transaction
from clientela.ledger import Invoice, Ledger, Receipt, Schedule, allocate
from clientela.receivables.models import DEFAULT_PAYMENT_DAYS, CreditTerms


@dataclass
class Documents:
    """What the ledger reads for one customer."""

    invoices: list[Invoice] = field(default_factory=list)
    schedules: list[Schedule] = field(default_factory=list)
    receipts: list[Receipt] = field(default_factory=list)


def customer_documents(*, customers: QuerySet[Customer]) -> dict[int, Documents]:
    """The documents of `customers` that have any, by customer id (four queries).

    An invoice is a transaction document: its lines added up, dated on its first line, due after
    the customer's payment terms (DEFAULT_PAYMENT_DAYS without terms).
    """
    documents: defaultdict[int, Documents] = defaultdict(Documents)
    terms = dict(CreditTerms.objects.filter(customer__in=customers).values_list("customer_id", "payment_days"))
    lines = Transaction.objects.filter(customer__in=customers).order_by().values("customer_id", "document_id")
    for customer_id, document, issued, total in lines.annotate(issued=Min("date"), total=Sum("amount_cents")).values_list(
        "customer_id", "document_id", "issued", "total"
    ):
        due = issued + timedelta(days=terms.get(customer_id, DEFAULT_PAYMENT_DAYS))
        documents[customer_id].invoices.append(Invoice(document, issued, due, total))
    schedules: defaultdict[tuple[int, str, date], list[tuple[int, date, int]]] = defaultdict(list)
    instalments = Instalment.objects.filter(contract__customer__in=customers).order_by().values_list(
        "contract__customer_id", "contract__contract_id", "contract__signed_on", "sequence", "due_date", "amount_cents"
    )
    for customer_id, contract_id, signed_on, sequence, due, amount in instalments:
        schedules[customer_id, contract_id, signed_on].append((sequence, due, amount))
    for (customer_id, contract_id, signed_on), schedule in schedules.items():
        documents[customer_id].schedules.append(Schedule(contract_id, signed_on, tuple(sorted(schedule))))
    payments = Payment.objects.filter(customer__in=customers).order_by().values_list("customer_id", "date", "amount_cents", "invoice", "reference")
    for customer_id, on, amount, invoice, reference in payments:
        documents[customer_id].receipts.append(Receipt(on, amount, invoice, reference))
    return dict(documents)


def customer_ledgers(*, customers: QuerySet[Customer]) -> dict[int, Ledger]:
    """The allocated ledger of every customer of `customers` with any document."""
    return {pk: allocate(docs.invoices, docs.schedules, docs.receipts) for pk, docs in customer_documents(customers=customers).items()}
