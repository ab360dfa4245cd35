"""Each customer's invoices, contract schedules and receipts, read in a few queries and allocated by the ledger."""

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby
from operator import itemgetter

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
    families: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # document → (product family, amount), when asked for


def customer_documents(
    *, customers: QuerySet[Customer], families: bool = False, payment_days: Mapping[int, int] | None = None
) -> dict[int, Documents]:
    """The documents of `customers` that have any, by customer id (four queries); with `families`, each invoice's families too.

    An invoice is a transaction document: its lines added up, dated on its first line, due after
    the customer's payment terms (`payment_days` by customer id, read from the credit terms when not
    given; DEFAULT_PAYMENT_DAYS without terms).
    """
    documents: defaultdict[int, Documents] = defaultdict(Documents)
    if payment_days is None:
        payment_days = dict(CreditTerms.objects.filter(customer__in=customers).values_list("customer_id", "payment_days"))
    for customer_id, document, issued, total, by_family in _invoices(customers, families):
        due = issued + timedelta(days=payment_days.get(customer_id, DEFAULT_PAYMENT_DAYS))
        documents[customer_id].invoices.append(Invoice(document, issued, due, total))
        if families:
            documents[customer_id].families[document] = by_family
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


def _invoices(customers: QuerySet[Customer], families: bool) -> Iterator[tuple[int, str, date, int, list[tuple[str, int]]]]:
    """(customer, document, first day, total, [(family, amount)] when asked for) per document, in one grouped query."""
    fields = ("customer_id", "document_id")
    lines = Transaction.objects.filter(customer__in=customers)
    if not families:
        rows = lines.order_by().values(*fields).annotate(issued=Min("date"), total=Sum("amount_cents"))
        for customer_id, document, issued, total in rows.values_list(*fields, "issued", "total"):
            yield customer_id, document, issued, total, []
        return
    rows = lines.order_by(*fields).values(*fields, "product__family").annotate(issued=Min("date"), total=Sum("amount_cents"))
    for (customer_id, document), group in groupby(rows.values_list(*fields, "issued", "total", "product__family"), key=itemgetter(0, 1)):
        parts = [(issued, total, family or "") for _, _, issued, total, family in group]
        yield customer_id, document, min(part[0] for part in parts), sum(part[1] for part in parts), [(family, total) for _, total, family in parts]


def customer_ledgers(*, customers: QuerySet[Customer], payment_days: Mapping[int, int] | None = None) -> Iterator[tuple[int, Ledger]]:
    """Each customer of `customers` with any document and its allocated ledger, one at a time (so memory stays small)."""
    documents = customer_documents(customers=customers, payment_days=payment_days)
    while documents:
        pk, docs = documents.popitem()
        yield pk, allocate(docs.invoices, docs.schedules, docs.receipts)
