"""Render chart tables (clientela.dashboards.charts.cells) in Python: a template loop over hundreds of cells is slow."""

from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from clientela.dashboards.charts.cells import Amount, DataTable, Link, Percent
from clientela.web.templatetags.money import cents

register = template.Library()


@register.filter
def cell(value: Any) -> SafeString:
    """A cell as HTML: a link, a localized amount or percentage, a number, a date or text; empty as –."""
    if value is None or (isinstance(value, Amount) and value.cents is None) or (isinstance(value, Percent) and value.fraction is None):
        return mark_safe("–")
    if isinstance(value, Link):
        return format_html('<a href="{}">{}</a>', value.url, value.text)
    if isinstance(value, Amount):
        text = cents(value.cents)
    elif isinstance(value, Percent):
        text = f"{number_format(value.fraction * 100, decimal_pos=1, use_l10n=True)} %"
    elif isinstance(value, bool):
        text = "✓" if value else ""
    elif isinstance(value, int | float):
        text = number_format(value, use_l10n=True, force_grouping=True)
    elif hasattr(value, "isoformat"):
        text = date_filter(value, "DATE_FORMAT")
    else:
        text = str(value)
    return conditional_escape(text)


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
