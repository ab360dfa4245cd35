"""My alerts: list (all or unread) and mark one read."""

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from clientela.api.access import request_user
from clientela.api.errors import ERROR_CODES, ErrorBody
from clientela.api.pagination import Page
from clientela.api.services import alert_mark_read
from clientela.crm.models import Alert
from clientela.segmentation.selectors import alerts_for

router = Router(tags=["alerts"])


class AlertOut(Schema):
    id: int
    kind: str
    message: str
    customer_id: int | None
    created_at: datetime
    read_at: datetime | None


class AlertQuery(Schema):
    unread: bool = Field(False, description="Only unread alerts.")


@router.get("", response={200: list[AlertOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def alerts_list(request: HttpRequest, query: Query[AlertQuery]) -> QuerySet[Alert]:
    """Your alerts, newest first (none about customers you may no longer see)."""
    return alerts_for(user=request_user(request), unread_only=query.unread)


@router.post("/{int:alert_id}/read", response={200: AlertOut, ERROR_CODES: ErrorBody})
def alert_read(request: HttpRequest, alert_id: int) -> Alert:
    """Mark one of your alerts read."""
    return alert_mark_read(alert=get_object_or_404(alerts_for(user=request_user(request)), pk=alert_id))
