"""The audit trail for admins: filtered, page by page, or downloaded as an .xlsx file."""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from clientela.web.downloads import xlsx_download
from clientela.audit.forms import TrailFilterForm
from clientela.audit.models import AuditEvent
from clientela.audit.selectors import audit_events, changes_shown, object_type_name
from clientela.audit.templatetags.audit import audit_value
from clientela.exports import write_workbook
from clientela.web.params import query_without
from clientela.web.roles import require_admin

PAGE_SIZE = 50


@login_required
def trail(request: HttpRequest) -> HttpResponse:
    """Show the trail filtered by the form; `format=xlsx` downloads every matching event."""
    require_admin(request.user)
    form = TrailFilterForm(request.GET)
    events = audit_events(where=form.where()) if form.is_valid() else AuditEvent.objects.none()
    if request.GET.get("format") == "xlsx":
        return _xlsx(events)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/trail.html", {"form": form, "page": page, "query": query_without(request.GET, "page")})


def _rows(events: QuerySet[AuditEvent]) -> Iterator[list[Any]]:
    for event in events.iterator(chunk_size=2000):
        changes = "; ".join(f"{c.label}: {audit_value(c.before)} → {audit_value(c.after)}" for c in changes_shown(event))
        yield [
            timezone.localtime(event.at).replace(tzinfo=None),
            event.actor_label,
            event.get_action_display(),
            str(object_type_name(event.object_type)),
            event.object_id,
            event.customer.external_id if event.customer else "",
            event.customer.name if event.customer else "",
            event.summary,
            changes,
        ]


def _xlsx(events: QuerySet[AuditEvent]) -> HttpResponse:
    columns = [_("When"), _("Who"), _("Action"), _("Object type"), _("Object id"), _("Customer id"), _("Customer"), _("Summary"), _("Changes")]
    return xlsx_download(lambda path: write_workbook(path, {_("Audit trail"): (columns, _rows(events))}), f"audit-{timezone.localdate().isoformat()}.xlsx")
