"""The receivables ageing and the bonus report as .xlsx workbooks."""

from pathlib import Path

from clientela.exports import write_workbook
from clientela.ledger import BUCKETS
from clientela.receivables.selectors.ageing import AgeingReport, AgeingTotal
from clientela.receivables.selectors.bonus import BonusReport

BONUS_TOTALS = ("collected", "earned", "held", "released", "payable", "still_held")


def _amount(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


def _total_row(total: AgeingTotal) -> list:
    return [total.label, total.customers, *(_amount(cents) for cents in total.buckets), _amount(total.open_cents), _amount(total.on_account_cents)]


def ageing_xlsx(report: AgeingReport, path: Path) -> None:
    """Write the ageing as a workbook: customers, totals per salesperson and team, overdue instalments."""
    amounts = [*BUCKETS, "open", "on account"]
    write_workbook(
        path,
        {
            "customers": (
                ["customer", "external id", "salesperson", "region", *amounts, "balance", "credit limit", "over limit"],
                [
                    [
                        row.customer.name,
                        row.customer.external_id,
                        row.customer.owner.username if row.customer.owner else "",
                        row.customer.region.name if row.customer.region else "",
                        *(_amount(cents) for cents in row.ageing.buckets),
                        _amount(row.ageing.open_cents),
                        _amount(row.ageing.on_account_cents),
                        _amount(row.ageing.balance_cents),
                        _amount(row.credit_limit_cents),
                        _amount(row.over_limit_cents),
                    ]
                    for row in report.rows
                ],
            ),
            "salespeople": (["salesperson", "customers", *amounts], [_total_row(total) for total in report.by_salesperson]),
            "teams": (["team", "customers", *amounts], [_total_row(total) for total in report.by_team]),
            "overdue instalments": (
                ["customer", "external id", "contract", "instalment", "due", "days past due", "amount", "open"],
                [
                    [customer.name, customer.external_id, item.ref, item.sequence, item.due, item.days_past_due, _amount(item.amount_cents), _amount(item.open_cents)]
                    for customer, item in report.overdue_instalments
                ],
            ),
        },
    )


def bonus_xlsx(report: BonusReport, path: Path) -> None:
    """Write the bonus of a month as a workbook: per salesperson, per customer, and money collected per family."""
    write_workbook(
        path,
        {
            "salespeople": (
                ["month", "salesperson", "plan default rate %", *BONUS_TOTALS],
                [
                    [report.month, person.salesperson.username, person.plan.default_percent if person.plan else None, *(_amount(person.totals[name]) for name in BONUS_TOTALS)]
                    for person in report.salespeople
                ],
            ),
            "customers": (
                ["salesperson", "customer", "external id", "class", "collected", "earned", "held", "released", "payable", "still held"],
                [
                    [
                        person.salesperson.username,
                        line.customer.name,
                        line.customer.external_id,
                        line.class_label,
                        _amount(line.collected_cents),
                        *(_amount(cents) for cents in (line.bonus.earned_cents, line.bonus.held_cents, line.bonus.released_cents, line.bonus.payable_cents, line.bonus.still_held_cents)),
                    ]
                    for person in report.salespeople
                    for line in person.lines
                ],
            ),
            "families": (
                ["salesperson", "product family", "collected"],
                [[person.salesperson.username, family, _amount(cents)] for person in report.salespeople for family, cents in person.collected_by_family.items()],
            ),
        },
    )
