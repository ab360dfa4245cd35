"""`clientela pipeline sync`: the data-driven stage moves."""

from datetime import datetime
from typing import Annotated, Optional

import typer

pipeline_app = typer.Typer(help="The lifecycle pipeline.", no_args_is_help=True)


@pipeline_app.command("sync")
def pipeline_sync_command(
    today: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="The day to judge overdue instalments by (default: today).")] = None,
) -> None:
    """Move customers to signed or qualified (or back) from their contracts and payments; alert owners of overdue instalments."""
    from clientela.cli import console, open_database

    open_database()
    from django.utils import timezone

    from clientela.pipeline.services.stages import pipeline_sync

    result = pipeline_sync(today=today.date() if today else timezone.localdate())
    console.print(f"{result.entries_created:,} customers entered the pipeline, {result.moves:,} stage moves, {result.alerts:,} overdue alerts")
