"""Receivables ageing over a set of customers: each customer's buckets, totals per salesperson and team, overdue instalments."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from clientela.crm.models import Customer
from clientela.ledger import Ageing, Item, Ledger, OpenItem, age, bucket_totals
from clientela.receivables.selectors.ledgers import customer_ledgers


@dataclass(frozen=True)
class CustomerAgeing:
    """One customer's ageing with its credit limit (None: no limit)."""

    customer: Customer
    ageing: Ageing
    credit_limit_cents: int | None

    @property
    def over_limit_cents(self) -> int:
        """How far the balance is above the credit limit (0 when within it or without a limit)."""
        if self.credit_limit_cents is None:
            return 0
        return max(self.ageing.balance_cents - self.credit_limit_cents, 0)


@dataclass(frozen=True)
class AgeingTotal:
    """The buckets added up over a salesperson's or a team's customers."""

    label: str
    customers: int
    buckets: tuple[int, ...]
    on_account_cents: int

    @property
    def open_cents(self) -> int:
        return sum(self.buckets)

    @property
    def overdue_cents(self) -> int:
        return sum(self.buckets[1:])


@dataclass(frozen=True)
class AgeingReport:
    """Who owes what on `as_of`: customers with something open or on account, most overdue first."""

    as_of: date
    rows: list[CustomerAgeing]
    by_salesperson: list[AgeingTotal]
    by_team: list[AgeingTotal]
    total: AgeingTotal

    @property
    def overdue_instalments(self) -> list[tuple[Customer, OpenItem]]:
        return sorted(
            ((row.customer, item) for row in self.rows for item in row.ageing.overdue_instalments),
            key=lambda pair: (pair[1].due, pair[0].name, pair[1].ref, pair[1].sequence),
        )


@dataclass(frozen=True)
class Statement:
    """A customer's ageing and the items on its statement: open ones and those paid in the last `RECENT_DAYS`."""

    standing: CustomerAgeing
    items: list[Item]


RECENT_DAYS = 90


def customer_statement(*, customer: Customer, as_of: date) -> Statement:
    """One customer's ageing on `as_of` and its recent items with what paid them."""
    terms = getattr(customer, "credit_terms", None)
    days = {customer.pk: terms.payment_days} if terms else {}
    ledger = dict(customer_ledgers(customers=Customer.objects.filter(pk=customer.pk), payment_days=days)).get(customer.pk, Ledger((), ()))
    standing = CustomerAgeing(customer, age(ledger, as_of), terms.credit_limit_cents if terms else None)
    recent = [
        item
        for item in ledger.items
        if item.issued <= as_of and (item.open_on(as_of) or (item.paid_on is not None and (as_of - item.paid_on).days <= RECENT_DAYS))
    ]
    return Statement(standing, recent)


def receivables_ageing(*, customers: QuerySet[Customer], as_of: date) -> AgeingReport:
    """Age every customer of `customers` on `as_of` (in five queries) and add up per salesperson and team."""
    ageings = {pk: ageing for pk, ledger in customer_ledgers(customers=customers) if (ageing := age(ledger, as_of)).open_cents or ageing.on_account_cents}
    rows = []
    for customer in customers.select_related("owner__team", "region", "credit_terms"):
        if customer.pk in ageings:
            terms = getattr(customer, "credit_terms", None)
            rows.append(CustomerAgeing(customer, ageings[customer.pk], terms.credit_limit_cents if terms else None))
    rows.sort(key=lambda row: (-row.ageing.overdue_cents, -row.ageing.open_cents, row.customer.name, row.customer.pk))
    salespeople = _group(rows, lambda customer: str(customer.owner) if customer.owner else "—")
    teams = _group(rows, lambda customer: str(customer.owner.team) if customer.owner and customer.owner.team else "—")
    return AgeingReport(as_of, rows, salespeople, teams, _total("", rows))


def _group(rows: list[CustomerAgeing], label_of: Callable[[Customer], str]) -> list[AgeingTotal]:
    groups: defaultdict[str, list[CustomerAgeing]] = defaultdict(list)
    for row in rows:
        groups[label_of(row.customer)].append(row)
    return [_total(label, members) for label, members in sorted(groups.items())]


def _total(label: str, rows: Iterable[CustomerAgeing]) -> AgeingTotal:
    rows = list(rows)
    return AgeingTotal(label, len(rows), bucket_totals(row.ageing for row in rows), sum(row.ageing.on_account_cents for row in rows))
