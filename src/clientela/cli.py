"""The `clientela` command line. Commands are thin: they parse options and call the core or services.

Django is started only by the commands that need the database, so file-mode commands stay fast.
"""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

app = typer.Typer(help="Clientela: customer management for B2B sales teams.", no_args_is_help=True, add_completion=False)
console = Console(stderr=True)


class Kind(str, Enum):
    customers = "customers"
    products = "products"
    transactions = "transactions"
    payments = "payments"
    contracts = "contracts"


def fail(message: str) -> None:
    """Print a user error and exit with code 2 (no stack trace)."""
    console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


@app.command()
def init(
    admin_username: Annotated[str, typer.Option(help="Username of the admin to create.")] = "admin",
    admin_password: Annotated[
        Optional[str], typer.Option(envvar="CLIENTELA_ADMIN_PASSWORD", help="Password (asked for when not given).")
    ] = None,
    admin_email: Annotated[str, typer.Option(help="E-mail of the admin.")] = "",
) -> None:
    """Create or upgrade the database and create an admin user."""
    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    migrate_database(verbose=True)
    from django.core.exceptions import ValidationError

    from clientela.crm.services.users import admin_ensure

    if admin_password is None:
        admin_password = typer.prompt("Admin password", hide_input=True, confirmation_prompt=True)
    try:
        created = admin_ensure(username=admin_username, password=admin_password, email=admin_email)
    except ValidationError as error:
        fail("; ".join(error.messages))
    console.print(f"admin [bold]{admin_username}[/bold] {'created' if created else 'already exists'}")


@app.command("import")
def import_(
    kind: Annotated[Kind, typer.Argument(help="What the file holds.")],
    file: Annotated[Path, typer.Argument(help="A .csv or .xlsx file.")],
    map_: Annotated[
        Optional[str], typer.Option("--map", help="Column mapping, e.g. date=Fecha,amount=Importe.")
    ] = None,
    mapping: Annotated[Optional[Path], typer.Option(help="A saved mapping file (.json or .toml).")] = None,
    date_format: Annotated[Optional[str], typer.Option(help="Date format, e.g. %d/%m/%Y (default YYYY-MM-DD).")] = None,
    decimal_comma: Annotated[bool, typer.Option(help="Amounts are written 1234,56.")] = False,
    delimiter: Annotated[Optional[str], typer.Option(help="CSV delimiter (guessed from the header).")] = None,
    encoding: Annotated[str, typer.Option(help="CSV text encoding.")] = "utf-8-sig",
    sheet: Annotated[Optional[str], typer.Option(help="Excel sheet (default: the first).")] = None,
    errors: Annotated[Optional[Path], typer.Option(help="Write every row error to this CSV file.")] = None,
) -> None:
    """Import a CSV or Excel file: every row is checked, and all of it is imported or none."""
    from clientela.bootstrap import setup_django

    setup_django()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from clientela.imports import ImportOptions, ImportRejected, import_file
    from clientela.imports.kinds import ImportSettings
    from clientela.imports.mapping import load_mapping_file, parse_map_option
    from clientela.imports.report import write_error_report

    try:
        columns = load_mapping_file(mapping) if mapping else {}
        columns |= parse_map_option(map_) if map_ else {}
        options = ImportOptions(
            mapping=columns,
            delimiter=delimiter,
            encoding=encoding,
            sheet=sheet,
            settings=ImportSettings(date_format=date_format, decimal_comma=decimal_comma),
        )
        with Progress(
            TextColumn(f"importing {kind.value}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
        ) as bar:
            task = bar.add_task("rows", total=None)
            result = import_file(kind.value, file, options, lambda done, total: bar.update(task, completed=done, total=total))
    except ImportRejected as rejection:
        if errors and rejection.errors:
            write_error_report(rejection, errors)
            console.print(f"every error is listed in {errors}")
        fail(rejection.report(limit=20))
    if result.ignored_columns:
        console.print(f"ignored file columns: {', '.join(result.ignored_columns)}", highlight=False)
    console.print(f"{result.rows} rows: {result.created} {kind.value} created, {result.updated} updated")


def main() -> None:
    app()
