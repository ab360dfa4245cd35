"""The `clientela` command line. Commands are thin: they parse options and call the core or services.

Django is started only by the commands that need the database, so file-mode commands stay fast.
"""

import time
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from clientela.engine_options import DEFAULT_SPARK_MASTER, EngineName, EngineOption, SparkMasterOption, open_engine

app = typer.Typer(help="Clientela: customer management for B2B sales teams.", no_args_is_help=True, add_completion=False)
console = Console(stderr=True)


class Kind(str, Enum):
    customers = "customers"
    products = "products"
    transactions = "transactions"
    payments = "payments"
    contracts = "contracts"
    targets = "targets"


def fail(message: str) -> None:
    """Print a user error and exit with code 2 (no stack trace)."""
    console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def open_database() -> None:
    """Start Django on an initialised, up-to-date database, or fail with what to do."""
    from clientela.bootstrap import pending_migrations, setup_django

    setup_django()
    from django.db import connection

    if pending_migrations():
        fail(f"the database {connection.settings_dict['NAME']} is not initialised or is out of date; run 'clientela init' first")


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
    refuse_duplicates: Annotated[
        bool, typer.Option(help="Customers: refuse the file when a new customer looks like another one (default: import and list them).")
    ] = False,
    duplicates: Annotated[Optional[Path], typer.Option(help="Customers: write every suspected duplicate to this CSV file.")] = None,
) -> None:
    """Import a CSV or Excel file: every row is checked, and all of it is imported or none."""
    open_database()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from clientela.imports import ImportOptions, ImportRejected, import_file
    from clientela.imports.kinds import ImportSettings
    from clientela.imports.mapping import load_mapping_file, parse_map_option
    from clientela.imports.report import write_duplicates_report, write_error_report

    try:
        columns = load_mapping_file(mapping) if mapping else {}
        columns |= parse_map_option(map_) if map_ else {}
        options = ImportOptions(
            mapping=columns,
            delimiter=delimiter,
            encoding=encoding,
            sheet=sheet,
            settings=ImportSettings(date_format=date_format, decimal_comma=decimal_comma, refuse_duplicates=refuse_duplicates),
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
    if result.stage_sync is not None:
        sync = result.stage_sync
        console.print(f"pipeline: {sync.entries_created} customers entered, {sync.moves} stage moves, {sync.alerts} overdue alerts")
    if result.suspected_duplicates:
        found = result.suspected_duplicates
        console.print(f"{len(found)} suspected duplicates, imported all the same (merge them on the Possible duplicates page):", highlight=False)
        for suspect in found[:20]:
            console.print(f"  {suspect}", highlight=False, soft_wrap=True)
        if len(found) > 20:
            console.print(f"  ... and {len(found) - 20} more", highlight=False)
    if duplicates is not None:
        write_duplicates_report(result.suspected_duplicates, duplicates)
        console.print(f"suspected duplicates listed in {duplicates}", highlight=False)


class Table(str, Enum):
    customers = "customers"
    contacts = "contacts"
    products = "products"
    transactions = "transactions"
    payments = "payments"
    contracts = "contracts"


@app.command()
def export(
    table: Annotated[Table, typer.Argument(help="The table to export.")],
    file: Annotated[Path, typer.Argument(help="A .csv or .xlsx file to write (same columns as the import).")],
) -> None:
    """Export a table to CSV or Excel."""
    open_database()
    from clientela.crm.selectors.tables import EXPORTS, table_rows
    from clientela.exports import ExportRefused, write_table

    try:
        count = write_table(file, EXPORTS[table.value].columns, table_rows(table.value))
    except ExportRefused as refusal:
        fail(str(refusal))
    console.print(f"{count} {table.value} rows written to {file}")


@app.command()
def demo(
    seed: Annotated[int, typer.Option(help="Random seed: the same seed and end date build the same company.")] = 42,
    end: Annotated[
        Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Last day of the history (default: today).")
    ] = None,
    customers: Annotated[int, typer.Option(min=10, help="Number of customers.")] = 2000,
    reset: Annotated[bool, typer.Option(help="Replace everything in the database with the demo.")] = False,
    serve_: Annotated[bool, typer.Option("--serve/--no-serve", help="Start the web server afterwards.")] = True,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Build a demo beer distributor (2,000 customers, 3 years of history) and serve it."""
    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    from django.utils import timezone

    from clientela.demo.build import DEMO_PASSWORD, DemoRefused, build_demo

    started = time.perf_counter()
    with console.status("preparing the database") as status:
        migrate_database()
        try:
            summary = build_demo(
                seed=seed,
                end=end.date() if end else timezone.localdate(),
                customers=customers,
                reset=reset,
                step=lambda text: status.update(text),
            )
        except DemoRefused as refusal:
            fail(str(refusal))
    console.print(
        f"demo built in {time.perf_counter() - started:.0f} s: {summary.customers:,} customers, "
        f"{summary.transactions:,} transaction lines, {summary.payments:,} payments, {summary.contracts:,} contracts"
    )
    console.print(f"users (password [bold]{DEMO_PASSWORD}[/bold], demo only): {', '.join(summary.usernames)}")
    if serve_:
        _serve(host, port, workers=None, threads=1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Worker processes (default: 2 per core + 1).")] = None,
    threads: Annotated[int, typer.Option(min=1, help="Threads per worker (more only help while requests wait on a database server).")] = 1,
    production: Annotated[bool, typer.Option("--production", help="HTTPS-only cookies and headers (as PRODUCTION=1); refuse development settings.")] = False,
) -> None:
    """Serve the web application with gunicorn (migrating the database first)."""
    import os

    from clientela.bootstrap import migrate_database, setup_django

    if production:
        os.environ["PRODUCTION"] = "1"
    setup_django()
    from django.conf import settings

    from clientela.ops.production import production_refusal

    if settings.PRODUCTION and (refusal := production_refusal(settings)):
        fail(f"not serving in production: {refusal}")
    migrate_database()
    _serve(host, port, workers, threads)


def _serve(host: str, port: int, workers: int | None, threads: int) -> None:
    from clientela.ops.server import default_workers, serve as run_server

    workers = workers or default_workers()
    console.print(f"serving on http://{host}:{port}/ with {workers} workers × {threads} threads (Ctrl+C to stop)")
    run_server(host=host, port=port, workers=workers, threads=threads)


@app.command()
def backup(file: Annotated[Path, typer.Argument(help="Where to write the backup.")]) -> None:
    """Back up the database (safe while the server runs)."""
    from clientela.bootstrap import setup_django

    setup_django()
    from django.db import connection

    from clientela.ops.backup import BackupFailed, backup_database

    try:
        backup_database(connection.settings_dict, file)
    except BackupFailed as failure:
        fail(str(failure))
    console.print(f"backup written to {file}")


@app.command()
def restore(file: Annotated[Path, typer.Argument(help="A backup written by 'clientela backup'.")]) -> None:
    """Replace the database's content with a backup (then migrate it, when it is older than this version)."""
    from clientela.bootstrap import migrate_database, setup_django

    setup_django()
    from django.db import connection

    from clientela.ops.backup import BackupFailed, restore_database

    connection.close()
    try:
        restore_database(connection.settings_dict, file)
    except BackupFailed as failure:
        fail(str(failure))
    migrate_database()
    console.print(f"database restored from {file}")


class SchemeKind(str, Enum):
    abc = "abc"
    abc_count = "abc-count"
    rules = "rules"
    vip = "vip"
    profit = "profit"
    matrix = "matrix"


class MetricName(str, Enum):
    revenue = "revenue"
    paid = "paid"
    payments = "payments"
    units = "units"
    profit = "profit"
    orders = "orders"


@app.command()
def segment(
    scheme: Annotated[
        Optional[str],
        typer.Option(help="File mode: abc, abc-count, rules, vip, profit or matrix. App mode: the name of a saved scheme."),
    ] = None,
    transactions: Annotated[
        Optional[str], typer.Option(help="File mode: transactions (.csv or .parquet; for Spark also a folder or hdfs://, s3a:// URI) with customer_id,date,amount.")
    ] = None,
    payments: Annotated[Optional[str], typer.Option(help="File mode: payments with customer_id,date,amount.")] = None,
    metric: Annotated[Optional[MetricName], typer.Option(help="Key metric (default: paid for vip, profit for profit, else revenue).")] = None,
    as_of: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Analysis date (app mode default: today).")] = None,
    window_months: Annotated[Optional[int], typer.Option(min=1, help="Window in months (default 12, 6 for vip).")] = None,
    output: Annotated[Optional[Path], typer.Option(help="File mode: write the classes to this CSV (default: stdout).")] = None,
    due: Annotated[bool, typer.Option(help="App mode: run every scheme whose monthly run is due (for a daily cron job).")] = False,
    engine: EngineOption = EngineName.duckdb,
    spark_master: SparkMasterOption = DEFAULT_SPARK_MASTER,
) -> None:
    """Classify customers: from files (--transactions, no database) or on the app database (saved schemes)."""
    if transactions is not None:
        _segment_files(scheme, transactions, payments, metric, as_of, window_months, output, engine, spark_master)
    else:
        _segment_app(scheme, as_of, due)


def _segment_files(
    scheme: Optional[str],
    transactions: str,
    payments: Optional[str],
    metric: Optional[MetricName],
    as_of: Optional[datetime],
    window_months: Optional[int],
    output: Optional[Path],
    engine: EngineName,
    spark_master: str,
) -> None:
    from clientela.engine.file_mode import segment_files
    from clientela.engine.schemes import KINDS
    from clientela.engine.sources import InputError, location

    if scheme not in KINDS:
        fail(f"--scheme must be one of {', '.join(KINDS)} in file mode (got {scheme or 'nothing'})")
    if as_of is None:
        fail("--as-of YYYY-MM-DD is required in file mode")
    settings = {"metric": metric.value} if metric else {}
    if window_months is not None:
        settings["window_months"] = window_months
    try:
        definition = KINDS[scheme](**settings)
        connection = open_engine(engine, spark_master)
        paid = location(payments) if payments is not None else None
        result = segment_files(definition, location(transactions), paid, as_of.date(), output, connection=connection)
    except (InputError, ValueError) as error:
        fail(str(error).splitlines()[0] if isinstance(error, InputError) else _validation_message(error))
    if output is not None:
        counts = ", ".join(f"{name} {count:,}" for name, count in sorted(result.classes.items()))
        console.print(f"{result.customers:,} customers classified ({counts}); written to {output}")


def _validation_message(error: ValueError) -> str:
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        return "; ".join(f"--{'-'.join(str(p) for p in problem['loc']).replace('_', '-')}: {problem['msg']}" for problem in error.errors())
    return str(error)


def _segment_app(scheme: Optional[str], as_of: Optional[datetime], due: bool) -> None:
    open_database()
    from django.utils import timezone

    from clientela.segmentation.services import SegmentationRefused, segmentation_run, segmentation_run_due

    day = as_of.date() if as_of else timezone.localdate()
    try:
        if due:
            snapshots = segmentation_run_due(today=day)
        elif scheme:
            snapshots = [segmentation_run(scheme_name=scheme, as_of=day)]
        else:
            fail("give --scheme NAME (a saved scheme), --due, or --transactions FILE for file mode")
    except SegmentationRefused as refusal:
        fail(str(refusal))
    for snapshot in snapshots:
        console.print(f"{snapshot}")
    if not snapshots:
        console.print("no scheme run is due")


@app.command()
def plan(
    salesperson: Annotated[Optional[str], typer.Option(help="Username (default: every salesperson).")] = None,
    weeks: Annotated[int, typer.Option(min=1, max=26, help="How many weeks to plan.")] = 8,
) -> None:
    """Re-plan the follow-up contacts of salespeople from today."""
    open_database()
    from django.utils import timezone

    from clientela.crm.models import User
    from clientela.followup.planner import plan_refresh

    people = User.objects.filter(role=User.Role.SALESPERSON, is_active=True)
    if salesperson:
        people = people.filter(username=salesperson)
        if not people.exists():
            fail(f'no active salesperson "{salesperson}"')
    for person in people:
        result = plan_refresh(salesperson=person, start=timezone.localdate(), weeks=weeks)
        console.print(f"{person.username}: {len(result.items):,} contacts planned, {len(result.unplanned):,} could not be planned")


@app.command()
def daily() -> None:
    """The daily jobs (the server runs them every day): pipeline stages from payments, lost customers who bought again, due segmentation runs, then fresh plans."""
    open_database()
    from django.utils import timezone

    from clientela.crm.models import User
    from clientela.dashboards.services import snapshots_index_recent
    from clientela.followup.planner import plan_refresh
    from clientela.pipeline.services.stages import pipeline_sync
    from clientela.receivables.services import credit_limits_check
    from clientela.retention.services.losses import losses_recover
    from clientela.segmentation.services import segmentation_run_due

    today = timezone.localdate()
    synced = pipeline_sync(today=today)
    console.print(f"pipeline: {synced.moves:,} stage moves, {synced.alerts:,} overdue alerts")
    console.print(f"credit: {credit_limits_check(today=today):,} customers above their credit limit alerted")
    console.print(f"lost customers who bought again: {losses_recover(as_of=today):,}")
    for snapshot in segmentation_run_due(today=today):
        console.print(str(snapshot))
    snapshots_index_recent(months=1)
    for person in User.objects.filter(role=User.Role.SALESPERSON, is_active=True):
        planned = plan_refresh(salesperson=person, start=today)
        console.print(f"{person.username}: {len(planned.items):,} contacts planned, {len(planned.unplanned):,} could not be planned")


from clientela.api.commands import token_app  # noqa: E402
from clientela.churn_command import churn  # noqa: E402 (after the app and its helpers; outside the churn package, whose import loads SciPy)
from clientela.dashboards.cli import dashboards_app  # noqa: E402
from clientela.fieldsales.commands import register as register_fieldsales  # noqa: E402
from clientela.followup.commands import report_app  # noqa: E402
from clientela.pipeline.commands import pipeline_app  # noqa: E402

app.add_typer(report_app, name="report")
app.add_typer(dashboards_app, name="dashboards")
app.add_typer(pipeline_app, name="pipeline")
app.add_typer(token_app, name="token")
app.command()(churn)
register_fieldsales(app)


def main() -> None:
    from clientela.audit.actors import acting_as

    with acting_as("cli"):
        app()
