"""Render chart tables (clientela.dashboards.charts.cells) in Python: a template loop over hundreds of cells is slow."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import template
from django.utils import numberformat
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from clientela.dashboards.charts.cells import Amount, DataTable, Link, Percent

register = template.Library()


class CellFormat:
    """Renders cells in the active language; the number format is looked up once, not once per cell."""

    def __init__(self) -> None:
        self.decimal_sep = get_format("DECIMAL_SEPARATOR")
        self.thousand_sep = get_format("THOUSAND_SEPARATOR")
        self.grouping = get_format("NUMBER_GROUPING")
        self.date_format = get_format("DATE_FORMAT")

    def number(self, value: int | float | Decimal, decimals: int | None = None) -> str:
        return numberformat.format(value, self.decimal_sep, decimals, self.grouping, self.thousand_sep, force_grouping=True)

    def __call__(self, value: Any) -> SafeString:
        """A cell as HTML: a link, an amount or percentage, a number, a date or text; empty as –."""
        if value is None or (isinstance(value, Amount) and value.cents is None) or (isinstance(value, Percent) and value.fraction is None):
            return mark_safe("–")
        if isinstance(value, Link):
            return format_html('<a href="{}">{}</a>', value.url, value.text)
        if isinstance(value, Amount):
            text = self.number(Decimal(value.cents).scaleb(-2), 2)
        elif isinstance(value, Percent):
            text = f"{self.number(round(value.fraction * 100, 1), 1)} %"
        elif isinstance(value, bool):
            text = "✓" if value else ""
        elif isinstance(value, int | float):
            text = self.number(value)
        elif isinstance(value, date):
            text = date_format(value, self.date_format)
        else:
            text = str(value)
        return conditional_escape(text)


@register.filter
def cell(value: Any) -> SafeString:
    """A cell as HTML (see CellFormat)."""
    return CellFormat()(value)


def numeric(value: Any) -> bool:
    """Whether a cell is a number (right-aligned)."""
    return isinstance(value, Amount | Percent | int | float) and not isinstance(value, bool)


@register.filter
def percent(fraction: float | None) -> SafeString:
    """A fraction as a localized percentage (0.8 → 80.0 %)."""
    return cell(Percent(fraction))


@register.simple_tag
def data_table(table: DataTable, empty: str = "") -> SafeString:
    """The table with its caption and column headings; `empty` (default "No customers.") when it has no rows."""
    cell = CellFormat()
    head = "".join(f'<th scope="col">{conditional_escape(column)}</th>' for column in table.columns)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{cell(value)}</td>' if numeric(value) else f"<td>{cell(value)}</td>" for value in row) + "</tr>"
        for row in table.rows
    )
    if not body:
        body = f'<tr><td colspan="{len(table.columns)}" class="muted">{conditional_escape(empty or _("No customers."))}</td></tr>'
    return mark_safe(  # every part is escaped above
        f'<div class="table-wrap"><table class="list dashboard" id="{conditional_escape(table.id)}"><caption>{conditional_escape(table.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
