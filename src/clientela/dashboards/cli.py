"""`clientela dashboards …`: prepare the dashboards' read model ahead of the first view."""

from typing import Annotated

import typer

dashboards_app = typer.Typer(help="The dashboards.", no_args_is_help=True)


@dashboards_app.command("index")
def index(months: Annotated[int, typer.Option(min=1, help="Index the snapshots of this many latest dates of each scheme.")] = 1) -> None:
    """Index the latest snapshots of every active scheme for the dashboards (a page does it on first view otherwise)."""
    from clientela.cli import console, open_database

    open_database()
    from clientela.dashboards.services import snapshots_index_recent

    built = snapshots_index_recent(months=months)
    console.print(f"{len(built):,} snapshot{'' if len(built) == 1 else 's'} indexed")
