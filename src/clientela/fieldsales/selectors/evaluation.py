"""The weekly review and monthly evaluation of each salesperson: targets, visits, contacts by class, new customers, a ranking."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db.models import Min, QuerySet

from clientela.crm.models import Customer, Transaction, User
from clientela.exports import write_workbook
from clientela.fieldsales.models import Target
from clientela.fieldsales.selectors.targets import target_lines
from clientela.fieldsales.selectors.visits import visit_statuses
from clientela.followup.selectors import ClassCompliance, compliance_by_salesperson


@dataclass(frozen=True)
class Evaluation:
    """One salesperson's period: target fulfilment, visits planned vs done, contacts by class, new customers, rank."""

    salesperson: User
    target_cents: int
    actual_cents: int
    visits_planned: int
    visits_done: int
    contacts: list[ClassCompliance] = field(default_factory=list)
    overdue: int = 0
    new_customers: int = 0
    rank: int = 0

    @property
    def fulfilment(self) -> float | None:
        """Actual sales / target amount (None without a target)."""
        return self.actual_cents / self.target_cents if self.target_cents else None

    @property
    def visits_rate(self) -> float | None:
        return self.visits_done / self.visits_planned if self.visits_planned else None

    @property
    def contacts_done(self) -> int:
        return sum(line.contacts for line in self.contacts)


def new_customers(*, salespeople: QuerySet[User], start: date, end: date) -> Counter[int]:
    """Per salesperson: the customers they own whose first purchase falls in start … end (new outlets developed)."""
    firsts = (
        Transaction.objects.filter(customer__owner__in=salespeople)
        .values("customer_id", "customer__owner_id")
        .annotate(first=Min("date"))
        .filter(first__gte=start, first__lte=end)
        .order_by()
    )
    return Counter(row["customer__owner_id"] for row in firsts)


def evaluations(*, salespeople: QuerySet[User], start: date, end: date, today: date) -> list[Evaluation]:
    """Every salesperson of `salespeople` over start … end, ranked, in a fixed number of queries.

    The rank orders by target fulfilment (those without a target last), then by the share of
    planned visits done, then by username.
    """
    people = list(salespeople.order_by("username"))
    lines = target_lines(targets=Target.objects.filter(salesperson__in=people), start=start, end=end)
    amounts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for line in lines:
        if line.target_cents is not None:
            amounts[line.target.salesperson_id][0] += line.target_cents
            amounts[line.target.salesperson_id][1] += line.actual_cents
    visits: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for status in visit_statuses(salespeople=people, start=start, end=end):
        counts = visits[status.visit.salesperson_id]
        counts[0] += 1
        counts[1] += status.done
    compliance = {
        row.salesperson.pk: row
        for row in compliance_by_salesperson(customers=Customer.objects.filter(owner__in=people), start=start, end=min(end, today), today=today)
    }
    developed = new_customers(salespeople=salespeople, start=start, end=end)
    rows = []
    for person in people:
        followed = compliance.get(person.pk)
        rows.append(
            Evaluation(
                salesperson=person,
                target_cents=amounts[person.pk][0],
                actual_cents=amounts[person.pk][1],
                visits_planned=visits[person.pk][0],
                visits_done=visits[person.pk][1],
                contacts=followed.classes if followed else [],
                overdue=followed.overdue if followed else 0,
                new_customers=developed[person.pk],
            )
        )
    ranked = sorted(rows, key=lambda row: (row.fulfilment is None, -(row.fulfilment or 0), -(row.visits_rate or 0), row.salesperson.username))
    return [Evaluation(**{**row.__dict__, "rank": position}) for position, row in enumerate(ranked, start=1)]


def evaluation_xlsx(rows: list[Evaluation], path: Path, *, title: str) -> None:
    """Write the evaluation as a workbook: one row per salesperson, and their contacts by class."""
    write_workbook(
        path,
        {
            "evaluation": (
                ["rank", "salesperson", "target", "actual", "fulfilment", "visits planned", "visits done", "contacts", "overdue customers", "new customers", "period"],
                [
                    (row.rank, str(row.salesperson), row.target_cents / 100, row.actual_cents / 100, row.fulfilment, row.visits_planned,
                     row.visits_done, row.contacts_done, row.overdue, row.new_customers, title)
                    for row in rows
                ],  # fmt: skip
            ),
            "contacts by class": (
                ["salesperson", "scheme", "class", "customers", "required", "done", "contacts", "compliance"],
                [
                    (str(row.salesperson), line.scheme, line.class_label, line.customers, line.required, line.done, line.contacts, line.rate)
                    for row in rows
                    for line in row.contacts
                ],
            ),
        },
    )
