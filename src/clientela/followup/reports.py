"""The weekly review and the monthly evaluation of a salesperson or a team, as data, .xlsx and a printable page."""

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.db.models import QuerySet
from django.utils import timezone

from clientela.crm.models import Customer, Team, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.exports import write_workbook
from clientela.followup.models import ContactLog, PlannedContact
from clientela.followup.selectors import (
    ClassCompliance,
    FollowupEffect,
    OverdueCustomer,
    compliance,
    followup_effect,
    overdue_customers,
    prospects_converted,
)


def report_period(kind: str, day: date) -> tuple[date, date]:
    """The week (Monday–Sunday) or calendar month containing `day`."""
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class FollowupReport:
    """What a review shows for one salesperson or team over a period."""

    title: str
    start: date
    end: date
    compliance: list[ClassCompliance]
    planned: int
    planned_done: int
    contacts_by_channel: dict[str, int]
    overdue: list[OverdueCustomer]
    effect: list[FollowupEffect]
    prospects_converted: int


def report_scope(*, user: User, salesperson: User | None = None, team: Team | None = None) -> QuerySet[Customer]:
    """The customers a report covers: the user's visible customers, narrowed to a salesperson or a team."""
    customers = customers_visible_to(user)
    if salesperson is not None:
        customers = customers.filter(owner=salesperson)
    if team is not None:
        customers = customers.filter(owner__team=team)
    return customers


def followup_report(*, title: str, customers: QuerySet[Customer], start: date, end: date) -> FollowupReport:
    """Compliance, planned vs done, contacts by channel, overdue customers and effect of follow-up in start … end.

    A period that is not over yet is measured up to today: no contacts are required in the future.
    """
    end = max(start, min(end, timezone.localdate()))
    planned = PlannedContact.objects.filter(customer__in=customers, start__date__gte=start, start__date__lte=end)
    channels = Counter(ContactLog.objects.filter(customer__in=customers, at__date__gte=start, at__date__lte=end).values_list("channel", flat=True))
    return FollowupReport(
        title=title,
        start=start,
        end=end,
        compliance=compliance(customers=customers, start=start, end=end),
        planned=planned.count(),
        planned_done=planned.filter(status=PlannedContact.Status.DONE).count(),
        contacts_by_channel=dict(sorted(channels.items())),
        overdue=overdue_customers(customers=customers, today=end),
        effect=followup_effect(customers=customers, start=start, end=end),
        prospects_converted=prospects_converted(customers=customers, start=start, end=end),
    )


def report_xlsx(report: FollowupReport, path: Path) -> None:
    """Write the report as a workbook: summary, compliance, overdue customers, effect of follow-up."""
    summary = [
        ("report", report.title),
        ("from", report.start),
        ("to", report.end),
        ("planned contacts", report.planned),
        ("planned contacts done", report.planned_done),
        *((f"contacts by {channel}", count) for channel, count in report.contacts_by_channel.items()),
        ("prospects converted", report.prospects_converted),
    ]
    write_workbook(
        path,
        {
            "summary": (["item", "value"], summary),
            "compliance": (
                ["scheme", "class", "customers", "required", "done", "compliance"],
                [(c.scheme, c.class_label, c.customers, c.required, c.done, c.rate) for c in report.compliance],
            ),
            "overdue": (
                ["customer", "external id", "class", "last contact", "days since contact", "days overdue"],
                [
                    (o.customer.name, o.customer.external_id, o.class_label, timezone.localdate(o.last_contact) if o.last_contact else None, o.days_since_contact, o.days_overdue)
                    for o in report.overdue
                ],
            ),
            "effect": (
                ["days", "contacts", "orders before", "orders after", "revenue before", "revenue after"],
                [(e.days, e.contacts, e.orders_before, e.orders_after, e.revenue_before_cents / 100, e.revenue_after_cents / 100) for e in report.effect],
            ),
        },
    )
