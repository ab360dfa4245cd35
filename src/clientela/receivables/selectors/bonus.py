"""The bonus on money collected in a month, per salesperson and customer, with what is held back and released.

Each customer's bonus goes to its current owner under the owner's plan (or the default plan),
counted from the plan's first month. The customer's class in a month is its class in the latest
snapshot of the plan's scheme as of that month's end (none before the first snapshot: the family
or default rate applies). A month is judged at its end, or today for the month under way.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from clientela.crm.models import Customer, User
from clientela.ledger import BonusMonth, BonusRates, Ledger, allocate, bonus_cents, collected_money, hold_back, month_end, month_start, months, overdue_days
from clientela.receivables.models import BonusPlan
from clientela.receivables.selectors.ledgers import customer_documents
from clientela.segmentation.models import CustomerClass, Snapshot


@dataclass(frozen=True)
class BonusLine:
    """One customer's bonus for the month: money collected (total and by family), and the bonus held or paid."""

    customer: Customer
    class_label: str
    collected_cents: int
    collected_by_family: dict[str, int]
    bonus: BonusMonth


@dataclass(frozen=True)
class SalespersonBonus:
    """A salesperson's bonus for the month, customer by customer, under `plan` (None: no plan applies)."""

    salesperson: User
    plan: BonusPlan | None
    lines: list[BonusLine] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int]:
        """Cents over the lines: collected, and the bonus earned, held, released, payable and still held."""
        months = [line.bonus for line in self.lines]
        return {
            "collected": sum(line.collected_cents for line in self.lines),
            **{name: sum(getattr(month, f"{name}_cents") for month in months) for name in ("earned", "held", "released", "payable", "still_held")},
        }

    @property
    def collected_by_family(self) -> dict[str, int]:
        families: defaultdict[str, int] = defaultdict(int)
        for line in self.lines:
            for family, cents in line.collected_by_family.items():
                families[family] += cents
        return dict(sorted(families.items()))


@dataclass(frozen=True)
class BonusReport:
    month: date
    salespeople: list[SalespersonBonus]


def plan_rates(plan: BonusPlan) -> BonusRates:
    """A stored plan as the rates the ledger applies."""
    return BonusRates(plan.default_percent, {(rate.class_label, rate.family): rate.percent for rate in plan.rates.all()})


def bonus_report(*, customers: QuerySet[Customer], month: date, today: date) -> BonusReport:
    """The bonus of `month` for the owners of `customers`, over those customers (a fixed number of queries)."""
    month = month_start(month)
    customers = customers.filter(owner__isnull=False)
    plans = {plan.salesperson_id: plan for plan in BonusPlan.objects.prefetch_related("rates")}
    rates = {key: plan_rates(plan) for key, plan in plans.items()}
    owners = dict(customers.values_list("pk", "owner_id"))
    documents = customer_documents(customers=customers, families=True)
    classes = _classes(customers, {plan.scheme for plan in plans.values()}, month)
    lines: dict[int, tuple[str, dict[str, int], BonusMonth]] = {}
    while documents:
        pk, docs = documents.popitem()
        plan = plans.get(owners[pk], plans.get(None))
        if plan is not None and plan.starts_on <= month_end(month):
            class_of = classes.get(plan.scheme, {}).get(pk, {})
            ledger = allocate(docs.invoices, docs.schedules, docs.receipts)
            by_family, bonus = _month(ledger, docs.families, class_of, plan, rates[plan.salesperson_id], month, today)
            if any(by_family.values()) or bonus.payable_cents or bonus.held_cents or bonus.still_held_cents:
                lines[pk] = (class_of.get(month, ""), by_family, bonus)
    people: dict[int, SalespersonBonus] = {}
    for customer in customers.select_related("owner").order_by("owner__username", "name", "pk"):
        assert customer.owner is not None
        person = people.setdefault(customer.owner_id, SalespersonBonus(customer.owner, plans.get(customer.owner_id, plans.get(None))))
        if customer.pk in lines:
            label, by_family, bonus = lines[customer.pk]
            person.lines.append(BonusLine(customer, label, sum(by_family.values()), by_family, bonus))
    return BonusReport(month, list(people.values()))


def _month(
    ledger: Ledger,
    families: dict[str, list[tuple[str, int]]],
    class_of: dict[date, str],
    plan: BonusPlan,
    rates: BonusRates,
    month: date,
    today: date,
) -> tuple[dict[str, int], BonusMonth]:
    """The money collected in `month` by family, and the customer's bonus of that month after holding back."""
    periods = months(plan.starts_on, month)
    collected: defaultdict[date, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    for money in collected_money(ledger, families, plan.starts_on, month_end(month)):
        collected[month_start(money.on)][money.family] += money.amount_cents
    earned = {
        period: sum(bonus_cents(cents, rates.percent(class_of.get(period, ""), family)) for family, cents in by_family.items())
        for period, by_family in collected.items()
    }
    judged = {min(month_end(period), today): period for period in periods}
    overdue = {judged[day] for day in overdue_days(ledger, sorted(judged))}
    return dict(collected.get(month, {})), hold_back(earned, overdue, periods)[-1]


def _classes(customers: QuerySet[Customer], schemes: set[str], month: date) -> dict[str, dict[int, dict[date, str]]]:
    """scheme → customer → month → the customer's class in the scheme's latest snapshot as of that month's end, up to `month`."""
    snapshots = list(
        Snapshot.objects.filter(scheme__name__in=schemes, as_of__lte=month_end(month)).order_by("as_of", "version").values_list("pk", "scheme__name", "as_of")
    )
    labels: defaultdict[int, dict[int, str]] = defaultdict(dict)
    for snapshot_id, customer_id, label in CustomerClass.objects.filter(snapshot__in=[pk for pk, _, _ in snapshots], customer__in=customers).values_list(
        "snapshot_id", "customer_id", "label"
    ):
        labels[snapshot_id][customer_id] = label
    found: dict[str, dict[int, dict[date, str]]] = {}
    for pk, scheme, as_of in snapshots:  # oldest first: a later snapshot overrides from its month on
        by_customer = found.setdefault(scheme, {})
        for customer_id, label in labels[pk].items():
            by_customer.setdefault(customer_id, {})[month_start(as_of)] = label
    return {scheme: {pk: _carried(history, month) for pk, history in by_customer.items()} for scheme, by_customer in found.items()}


def _carried(history: dict[date, str], last: date) -> dict[date, str]:
    """A class per month from its first snapshot to `last`, each snapshot's class kept until the next one."""
    carried: dict[date, str] = {}
    label = ""
    for period in months(min(history), last):
        label = history.get(period, label)
        carried[period] = label
    return carried
