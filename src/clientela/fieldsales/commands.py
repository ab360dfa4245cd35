"""Field sales commands: `clientela route` prints a salesperson's day of visits in route order."""

from datetime import datetime
from typing import Annotated, Optional

import typer


def route(
    salesperson: Annotated[str, typer.Option(help="Username of the salesperson.")],
    date_: Annotated[Optional[datetime], typer.Option("--date", formats=["%Y-%m-%d"], help="The day (default: tomorrow).")] = None,
) -> None:
    """Print a salesperson's visits of a day in route order, with arrival times, distance, and the visits that do not fit."""
    from clientela.cli import fail, open_database

    open_database()
    from datetime import timedelta

    from django.utils import timezone
    from rich.console import Console
    from rich.table import Table

    from clientela.crm.models import User
    from clientela.fieldsales.selectors.itinerary import itinerary_for
    from clientela.fieldsales.templatetags.fieldsales import duration, km
    from clientela.planning.routes import name_minute

    person = User.objects.filter(username=salesperson).first()
    if person is None:
        fail(f'no user "{salesperson}"')
    day = date_.date() if date_ else timezone.localdate() + timedelta(days=1)
    itinerary = itinerary_for(salesperson=person, day=day)
    out = Console()
    if itinerary.route is None:
        fail(f"{salesperson} has no start point; set it on the route page or in the admin")
    route = itinerary.route
    table = Table(title=f"Route of {person} on {day} from {itinerary.start_point.label}")
    for column in ("#", "arrival", "visit", "customer", "km"):
        table.add_column(column, justify="right" if column in ("#", "km") else "left")
    for number, leg in enumerate(route.stops, start=1):
        visit = f"{name_minute(leg.start)}–{name_minute(leg.departure)}"
        table.add_row(str(number), name_minute(leg.arrival), visit, leg.stop.name, km(leg.leg_metres))
    out.print(table)
    out.print(
        f"leave {name_minute(route.departure)}, back {name_minute(route.back)} ({km(route.back_metres)} km back); "
        f"total {km(route.total_metres)} km, {duration(route.total_minutes)}"
    )
    for left in itinerary.unrouted:
        out.print(f"not in the route: {left.stop.name} — {left.reason.value.replace('_', ' ')}: {left.detail}", highlight=False)
    if not itinerary.visits:
        out.print(f"no visits planned for {day}")


def register(app: typer.Typer) -> None:
    """Add the field sales commands to the `clientela` command line."""
    app.command()(route)
