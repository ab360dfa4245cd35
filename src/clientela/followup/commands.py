"""`clientela report followup`: the weekly review or monthly evaluation of a salesperson or a team."""

from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

report_app = typer.Typer(help="Reports.", no_args_is_help=True)


class ReportPeriod(str, Enum):
    week = "week"
    month = "month"


@report_app.command("followup")
def report_followup(
    salesperson: Annotated[Optional[str], typer.Option(help="Username of a salesperson.")] = None,
    team: Annotated[Optional[str], typer.Option(help="Name of a team.")] = None,
    period: Annotated[ReportPeriod, typer.Option(help="Weekly review or monthly evaluation.")] = ReportPeriod.week,
    date_: Annotated[Optional[datetime], typer.Option("--date", formats=["%Y-%m-%d"], help="A day in the period (default: today).")] = None,
    xlsx: Annotated[Optional[Path], typer.Option(help="Also write the report to this .xlsx file.")] = None,
) -> None:
    """Follow-up compliance, overdue customers and effect of contacts for a salesperson or a team."""
    from clientela.cli import console, fail, open_database

    open_database()
    from django.utils import timezone
    from rich.table import Table as RichTable

    from clientela.crm.models import Team, User
    from clientela.followup.reports import followup_report, report_period, report_scope, report_xlsx

    if bool(salesperson) == bool(team):
        fail("give either --salesperson USERNAME or --team NAME")
    admin = User(role=User.Role.ADMIN, is_superuser=True)
    person = User.objects.filter(username=salesperson).first() if salesperson else None
    group = Team.objects.filter(name=team).first() if team else None
    if salesperson and person is None:
        fail(f'no user "{salesperson}"')
    if team and group is None:
        fail(f'no team "{team}"')
    start, end = report_period(period.value, date_.date() if date_ else timezone.localdate())
    title = f"{'Weekly review' if period is ReportPeriod.week else 'Monthly evaluation'}: {person or group}"
    report = followup_report(title=title, customers=report_scope(user=admin, salesperson=person, team=group), start=start, end=end)
    table = RichTable(title=f"{report.title} ({start} – {end})")
    for column in ("class", "customers", "required", "done", "compliance"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for line in report.compliance:
        rate = f"{line.rate:.0%}" if line.rate is not None else "–"
        table.add_row(f"{line.scheme} {line.class_label}", str(line.customers), f"{line.required:.1f}", f"{line.done:.1f}", rate)
    Console().print(table)
    Console().print(
        f"planned contacts done: {report.planned_done}/{report.planned}; overdue customers: {len(report.overdue)}; "
        f"prospects converted: {report.prospects_converted}"
    )
    for effect in report.effect:
        Console().print(
            f"{effect.days} days around {effect.contacts} contacts: orders {effect.orders_before} before, {effect.orders_after} after; "
            f"revenue {effect.revenue_before_cents / 100:,.2f} before, {effect.revenue_after_cents / 100:,.2f} after"
        )
    if xlsx is not None:
        report_xlsx(report, xlsx)
        console.print(f"report written to {xlsx}")
