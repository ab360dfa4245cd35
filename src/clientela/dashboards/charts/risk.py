"""Customers at risk or lost, as tables."""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from clientela.crm.models import Alert, Customer
from clientela.dashboards.charts.cells import DataTable, customer_link


def alerts_table(alerts: Iterable[Alert]) -> DataTable:
    columns = [_("Raised"), _("Kind"), _("Customer"), _("Salesperson"), _("Message")]
    rows = ([timezone.localdate(alert.created_at), alert.get_kind_display(), customer_link(alert.customer), str(alert.customer.owner or ""), alert.message] for alert in alerts)
    return DataTable("risk-alerts", _("Open alerts: at risk and lost"), columns, rows)


def lost_table(customers: Iterable[Customer]) -> DataTable:
    columns = [_("Customer"), _("Id"), _("Salesperson"), _("Region"), _("Town")]
    rows = ([customer_link(c), c.external_id, str(c.owner or ""), c.region.name if c.region else "", c.city] for c in customers)
    return DataTable("risk-lost", _("Lost customers"), columns, rows)
