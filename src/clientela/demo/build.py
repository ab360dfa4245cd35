"""Write the generated demo company into the database through the services."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.management import call_command

from clientela.crm.models import (
    Contact,
    ContactPreference,
    Contract,
    Customer,
    CustomerProfile,
    DoNotContactPeriod,
    Payment,
    Product,
    Region,
    RegionHoliday,
    Transaction,
    User,
)
from clientela.crm.services.bulk import checked_at_end
from clientela.crm.services.business import contracts_upsert, payments_upsert, products_upsert, transactions_upsert
from clientela.crm.services.customers import customers_upsert
from clientela.crm.services.users import team_create, user_create
from clientela.dashboards.services import snapshots_index_recent
from clientela.demo.company import REGIONS, TEAMS
from clientela.demo.generator import DemoData, generate
from clientela.demo.fieldsales import fieldsales_demo
from clientela.demo.followup import followup_history
from clientela.demo.pipeline import pipeline_history
from clientela.demo.receivables import receivables_setup
from clientela.demo.retention import churn_history
from clientela.followup.defaults import default_policies_create
from clientela.followup.models import Policy
from clientela.retention.services import retention_review
from clientela.segmentation.models import Scheme
from clientela.segmentation.services import app_tables_copy, default_schemes_create, month_end_before, segmentation_runs

DEMO_PASSWORD = "demo"
HISTORY_MONTHS = 6  # month ends with segmentation snapshots
CUSTOMER_FIELDS = (
    "external_id", "name", "kind", "owner", "region", "address", "city", "postal_code", "country", "latitude",
    "longitude", "phone", "email", "channel", "industry", "status", "customer_since", "founded_on",
)


class DemoRefused(Exception):
    """The database holds data the demo would mix with."""


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    transactions: int
    payments: int
    contracts: int
    usernames: list[str]


Step = Callable[[str], None]


def build_demo(*, seed: int, end: date, customers: int = 2000, reset: bool = False, step: Step = lambda _: None) -> DemoSummary:
    """Build the demo company; with `reset`, everything in the database is replaced."""
    if reset:
        step("emptying the database")
        call_command("flush", interactive=False, verbosity=0)
    elif Customer.objects.exists() or User.objects.exists():
        raise DemoRefused("the database already holds users or customers; pass --reset to replace everything with the demo")
    step("generating three years of history")
    data = generate(seed=seed, end=end, customers=customers)
    with checked_at_end(Customer, Transaction, Payment, Contract):
        step("creating salespeople and teams")
        usernames = _people()
        step("writing products and customers")
        _reference_data(data)
        step(f"writing {len(data.transactions):,} transaction lines and {len(data.payments):,} payments")
        _business_data(data)
    receivables_setup(end=end)
    pipeline_history(seed=seed, end=end, step=step)
    _segmentation_history(end, step)
    snapshots_index_recent(months=HISTORY_MONTHS)
    step("logging ten weeks of follow-up and planning every salesperson")
    default_policies_create(Policy)
    followup_history(seed=seed, end=end)
    step("planning visits, routes and targets")
    fieldsales_demo(seed=seed, end=end)
    return DemoSummary(len(data.customers), len(data.transactions), Payment.objects.count(), len(data.contracts), usernames)


def _people() -> list[str]:
    # The demo's shared password is deliberately weak: it is printed on start, for the demo only.
    def create(username: str, role: str, first: str, last: str) -> User:
        return user_create(
            username=username, password=DEMO_PASSWORD, role=role, first_name=first, last_name=last, enforce_password_rules=False
        )

    create("admin", User.Role.ADMIN, "Alex", "Admin")
    for number, (team_name, supervisor_name, members) in enumerate(TEAMS, start=1):
        supervisor = create(supervisor_name, User.Role.SUPERVISOR, "Supervisor", str(number))
        salespeople = [create(name, User.Role.SALESPERSON, "Salesperson", name.removeprefix("sales")) for name in members]
        team_create(name=team_name, supervisor=supervisor, members=salespeople)
    return list(User.objects.order_by("id").values_list("username", flat=True))


def _reference_data(data: DemoData) -> None:
    regions = Region.objects.bulk_create(Region(code=plan.code, name=plan.name, country="ES") for plan in REGIONS)
    region_ids = {region.code: region.id for region in regions}
    RegionHoliday.objects.bulk_create(RegionHoliday(region_id=region_ids[code], date=day, name=name) for code, day, name in data.holidays)
    products_upsert(fields=("sku", "name", "family", "variety"), rows=data.products)
    user_ids = dict(User.objects.values_list("username", "id"))
    rows = [
        tuple(user_ids[c["owner"]] if f == "owner" else region_ids[c["region"]] if f == "region" else c[f] for f in CUSTOMER_FIELDS)
        for c in data.customers
    ]
    customers_upsert(fields=CUSTOMER_FIELDS, rows=rows, tags={c["external_id"]: c["tags"] for c in data.customers})
    ids = dict(Customer.objects.values_list("external_id", "id"))
    for record in data.customers:
        CustomerProfile.objects.filter(customer_id=ids[record["external_id"]]).update(**record["profile"])
    Contact.objects.bulk_create(Contact(customer_id=ids[c["external_id"]], **contact) for c in data.customers for contact in c["contacts"])
    ContactPreference.objects.bulk_create(ContactPreference(customer_id=ids[c["external_id"]], **c["preference"]) for c in data.customers)
    DoNotContactPeriod.objects.bulk_create(
        DoNotContactPeriod(customer_id=ids[c["external_id"]], start=start, end=end, reason=reason)
        for c in data.customers
        for start, end, reason in c["do_not_contact"]
    )


def _business_data(data: DemoData) -> None:
    customer_ids = dict(Customer.objects.values_list("external_id", "id"))
    product_ids = dict(Product.objects.values_list("sku", "id"))
    transactions_upsert(
        rows=((d, line, customer_ids[c], day, product_ids[sku], units, amount, cost) for d, line, c, day, sku, units, amount, cost in data.transactions)
    )
    payments_upsert(rows=((ref, customer_ids[c], day, amount, invoice) for ref, c, day, amount, invoice in data.payments))
    contracts_upsert(
        contracts=[(k, customer_ids[c], signed, value, text) for k, c, signed, value, text in data.contracts], schedules=data.schedules
    )


def _segmentation_history(end: date, step: Step) -> None:
    """Run every active scheme at the last month ends up to `end`, oldest first: history, class changes and alerts.

    The churn fits of those month ends come first (the matrix reads them); each month ends with its retention review.
    """
    default_schemes_create()
    month_ends = [month_end_before(end + timedelta(days=1))]
    while len(month_ends) < HISTORY_MONTHS:
        month_ends.append(month_end_before(month_ends[-1]))
    churn_history(month_ends=month_ends, step=step)  # before the copy below, which then holds their predictions
    # One in-memory copy of the tables serves every run; the engine is much faster on it than on SQLite.
    source = app_tables_copy()
    for as_of in reversed(month_ends):
        step(f"segmenting customers as of {as_of}")
        segmentation_runs(schemes=list(Scheme.objects.filter(active=True)), as_of=as_of, source=source)
        retention_review(as_of=as_of, source=source)
    source.disconnect()
