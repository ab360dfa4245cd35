"""My agenda (planned follow-ups), and the contact log of a customer: list and log a contact."""

from datetime import date, datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import field_validator

from clientela.api.access import customer_of, request_user
from clientela.api.errors import ERROR_CODES, ErrorBody
from clientela.api.fields import Id, text
from clientela.api.pagination import Page
from clientela.crm.models.customers import Channel
from clientela.followup.models import ContactLog, PlannedContact
from clientela.followup.planner import plan_refresh
from clientela.followup.selectors import agenda_for, customer_contact_logs
from clientela.followup.services import contact_log

router = Router(tags=["follow-up"])


class PlannedOut(Schema):
    id: int
    customer_id: int
    customer_name: str = Field(..., alias="customer.name")
    start: datetime
    minutes: int
    channel: str
    class_label: str
    due: date
    overdue_days: int
    reason: str


class UnplannedOut(Schema):
    customer_id: int
    customer_name: str = Field(..., alias="customer.name")
    due: date
    reason: str


class AgendaDayOut(Schema):
    day: date
    items: list[PlannedOut]


class AgendaOut(Schema):
    overdue: list[PlannedOut]
    days: list[AgendaDayOut]
    unplanned: list[UnplannedOut]


class AgendaQuery(Schema):
    days: int = Field(7, ge=1, le=31, description="Days from today.")


class ContactLogOut(Schema):
    id: int
    customer_id: int
    salesperson: str = Field(..., alias="salesperson.username")
    at: datetime
    channel: str
    minutes: int
    purpose: str
    outcome: str
    next_step: str
    next_step_on: date | None
    notes: str
    planned_id: int | None


class ContactLogIn(Schema):
    at: datetime = Field(..., description="When the contact was made; without a time zone, the server's.")
    channel: Channel
    minutes: int = Field(15, ge=0, le=1440)
    purpose: text(200, min_length=1)  # type: ignore[valid-type]
    outcome: ContactLog.Outcome
    next_step: text(200) = ""  # type: ignore[valid-type]
    next_step_on: date | None = None
    notes: text(10_000) = ""  # type: ignore[valid-type]
    planned_id: Id | None = Field(None, description="The planned contact this fulfils (default: the customer's next one).")

    @field_validator("at")
    @classmethod
    def _plausible(cls, value: datetime) -> datetime:
        if not 1900 <= value.year <= 2100:
            raise ValueError("expected a date-time between the years 1900 and 2100")
        return value if timezone.is_aware(value) else timezone.make_aware(value)


@router.get("/agenda", response={200: AgendaOut, ERROR_CODES: ErrorBody})
def agenda(request: HttpRequest, query: Query[AgendaQuery]) -> object:
    """Your planned contacts: overdue first, then each day from today, and what could not be planned."""
    return agenda_for(user=request_user(request), today=timezone.localdate(), days=query.days)


PATH = "/customers/{int:customer_id}/contact-logs"


@router.get(PATH, response={200: list[ContactLogOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def contact_logs_list(request: HttpRequest, customer_id: int) -> QuerySet[ContactLog]:
    """The contacts logged with a customer, newest first."""
    return customer_contact_logs(customer=customer_of(request, customer_id))


@router.post(PATH, response={201: ContactLogOut, ERROR_CODES: ErrorBody})
def contact_log_new(request: HttpRequest, customer_id: int, payload: ContactLogIn) -> Status[ContactLog]:
    """Log a contact with a customer; the planned contact it fulfils is done and the plan is refreshed."""
    user = request_user(request)
    customer = customer_of(request, customer_id)
    data = payload.dict()
    planned_id = data.pop("planned_id")
    planned = get_object_or_404(PlannedContact, pk=planned_id, customer=customer) if planned_id is not None else None
    log = contact_log(user=user, customer=customer, planned=planned, **data)
    plan_refresh(salesperson=customer.owner or user, start=timezone.localdate())
    return Status(201, log)
