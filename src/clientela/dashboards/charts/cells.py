"""Tables of chart data: typed cells that render as HTML (links, amounts, percentages) and as .xlsx values."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.urls import get_script_prefix, reverse

PLACEHOLDER = 987654321


@dataclass(frozen=True)
class Link:
    """Text that links to a page of the site (a customer's file)."""

    text: str
    url: str


@dataclass(frozen=True)
class Amount:
    """Money in integer cents."""

    cents: int | None


@dataclass(frozen=True)
class Percent:
    """A fraction shown as a percentage (0.412 → 41.2 %)."""

    fraction: float | None


@dataclass(frozen=True)
class DataTable:
    """A chart's data: an id (the HTML id; the .xlsx sheet's name), a caption, column headings and rows of cells."""

    id: str
    caption: str
    columns: Sequence[str]
    rows: Iterable[Sequence[Any]]


def customer_link(customer: Any) -> Link:
    """The customer's name, linking to their file."""
    return Link(customer.name, customer_url(customer.pk))


def customer_url(pk: int) -> str:
    """The path of a customer's file (reversed once per script prefix: many rows need it)."""
    return _customer_path(get_script_prefix()).format(pk)


@lru_cache
def _customer_path(prefix: str) -> str:
    return reverse("web:customer_detail", args=[PLACEHOLDER]).replace(str(PLACEHOLDER), "{}")


def metric_cell(value: int | None, money: bool) -> Any:
    """A key-metric value: an amount for money metrics (cents), else the number."""
    return Amount(value) if money else value


def xlsx_value(cell: Any) -> Any:
    """The value a spreadsheet cell holds: amounts in currency units, percentages as fractions, links as their text."""
    if isinstance(cell, Link):
        return cell.text
    if isinstance(cell, Amount):
        return None if cell.cents is None else Decimal(cell.cents).scaleb(-2)
    if isinstance(cell, Percent):
        return cell.fraction
    return cell


def sheets(tables: Iterable[DataTable]) -> dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]]:
    """The tables as sheets for `clientela.exports.write_workbook`."""
    return {table.id: (table.columns, ([xlsx_value(cell) for cell in row] for row in table.rows)) for table in tables}
