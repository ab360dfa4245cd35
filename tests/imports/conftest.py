"""Shared setup of import tests: existing CRM data, and running an import from a list of rows.

`import_rows` writes rows (header first) to a CSV or .xlsx file and imports it; `reject_rows`
does the same for a file that must be refused and also checks that no table changed.
"""

from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from clientela.crm.models import (
    Contract,
    Customer,
    CustomerProfile,
    Instalment,
    Payment,
    Product,
    Region,
    Tag,
    Transaction,
)
from clientela.crm.services.customers import customer_create
from clientela.imports import ImportOptions, ImportRejected, ImportResult, import_file
from clientela.imports.kinds import ImportSettings

TABLES = (Customer, Customer.tags.through, CustomerProfile, Region, Tag, Product, Transaction, Payment, Contract, Instalment)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table an import can write."""
    return {model._meta.db_table: list(model.objects.order_by("pk").values()) for model in TABLES}


def options(**given: Any) -> ImportOptions:
    """ImportOptions from keyword arguments, the ImportSettings ones (`date_format`, `decimal_comma`, `refuse_duplicates`) included."""
    settings = ImportSettings(**{k: given.pop(k) for k in ("date_format", "decimal_comma", "refuse_duplicates") if k in given})
    return ImportOptions(settings=settings, **given)


@pytest.fixture
def crm(customer, other_salesperson) -> dict[str, Any]:
    """Customers C1 (owner ana) and C2 (owner bruno), products P1 and P2."""
    second = customer_create(external_id="C2", name="Bar Dos", owner=other_salesperson)
    return {
        "C1": customer,
        "C2": second,
        "P1": Product.objects.create(sku="P1", name="Coffee", family="Drinks"),
        "P2": Product.objects.create(sku="P2", name="Tea", family="Drinks"),
    }


@pytest.fixture(params=["csv", "xlsx"])
def write_table(request, write_csv, write_xlsx) -> Callable[[str, Sequence[Sequence[Any]]], Path]:
    """Write rows to a CSV file, then (second run) to an .xlsx file with typed cells."""
    writer = write_csv if request.param == "csv" else write_xlsx

    def write(stem: str, rows: Sequence[Sequence[Any]]) -> Path:
        return writer(f"{stem}.{request.param}", rows)

    return write


@pytest.fixture
def import_rows(write_csv) -> Callable[..., ImportResult]:
    """Write rows to `<kind>.csv` and import them; keyword arguments become ImportOptions."""

    def run(kind: str, rows: Sequence[Sequence[Any]], **given: Any) -> ImportResult:
        return import_file(kind, write_csv(f"{kind}.csv", rows), options(**given))

    return run


@pytest.fixture
def unchanged(db):
    """A context manager asserting that its block changes no row of any table an import writes."""

    @contextmanager
    def check():
        before = snapshot()
        yield
        assert snapshot() == before

    return check


@pytest.fixture
def reject_file(unchanged) -> Callable[..., ImportRejected]:
    """Import a file that must be refused; return the rejection after checking nothing changed."""

    def run(kind: str, path: Path, match: str | None = None, **given: Any) -> ImportRejected:
        with unchanged(), pytest.raises(ImportRejected, match=match) as caught:
            import_file(kind, path, options(**given))
        return caught.value

    return run


@pytest.fixture
def reject_rows(write_csv, reject_file) -> Callable[..., ImportRejected]:
    """Write rows to `<kind>.csv` and import them expecting a refusal; see `reject_file`."""

    def run(kind: str, rows: Sequence[Sequence[Any]], match: str | None = None, **given: Any) -> ImportRejected:
        return reject_file(kind, write_csv(f"{kind}.csv", rows), match, **given)

    return run
