"""The people at a customer you may see: list, read, add, change, remove."""

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from clientela.api.access import customer_of
from clientela.api.errors import ERROR_CODES, ErrorBody, refuse_nulls, stale_version_refused
from clientela.api.fields import Id, text
from clientela.api.pagination import Page
from clientela.crm.models import Contact
from clientela.crm.services.contacts import contact_create, contact_delete, contact_update

router = Router(tags=["contacts"])


class ContactOut(Schema):
    id: int
    customer_id: int
    name: str
    role: str
    phone: str
    email: str
    birthday: date | None
    preferred_contact_times: str
    is_primary: bool


class ContactWrite(Schema):
    name: text(200, min_length=1)  # type: ignore[valid-type]
    role: text(100) = ""  # type: ignore[valid-type]
    phone: text(40) = ""  # type: ignore[valid-type]
    email: text(254) = ""  # type: ignore[valid-type]
    birthday: date | None = None
    preferred_contact_times: text(200) = ""  # type: ignore[valid-type]
    is_primary: bool = False


class ContactPatch(Schema):
    name: text(200, min_length=1) | None = None  # type: ignore[valid-type]
    role: text(100) | None = None  # type: ignore[valid-type]
    phone: text(40) | None = None  # type: ignore[valid-type]
    email: text(254) | None = None  # type: ignore[valid-type]
    birthday: date | None = None
    preferred_contact_times: text(200) | None = None  # type: ignore[valid-type]
    is_primary: bool | None = None
    version: Id | None = Field(None, description="The customer's version you read: the change is refused (409) if the customer changed since.")


PATH = "/customers/{int:customer_id}/contacts"


def _contact(request: HttpRequest, customer_id: int, contact_id: int) -> Contact:
    return get_object_or_404(Contact, pk=contact_id, customer=customer_of(request, customer_id))


@router.get(PATH, response={200: list[ContactOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def contacts_list(request: HttpRequest, customer_id: int) -> QuerySet[Contact]:
    """The people at a customer, the primary contact first."""
    return customer_of(request, customer_id).contacts.all()


@router.post(PATH, response={201: ContactOut, ERROR_CODES: ErrorBody})
def contact_new(request: HttpRequest, customer_id: int, payload: ContactWrite) -> Status[Contact]:
    """Add a person; a new primary contact replaces the previous one."""
    return Status(201, contact_create(customer=customer_of(request, customer_id), **payload.dict()))


@router.get(PATH + "/{int:contact_id}", response={200: ContactOut, ERROR_CODES: ErrorBody})
def contact_read(request: HttpRequest, customer_id: int, contact_id: int) -> Contact:
    """One person at a customer."""
    return _contact(request, customer_id, contact_id)


@router.patch(PATH + "/{int:contact_id}", response={200: ContactOut, ERROR_CODES: ErrorBody})
def contact_patch(request: HttpRequest, customer_id: int, contact_id: int, payload: ContactPatch) -> Contact:
    """Change some fields of a person."""
    data: dict[str, Any] = payload.dict(exclude_unset=True)
    refuse_nulls(data, nullable={"birthday", "version"})
    expected_version = data.pop("version", None)
    with stale_version_refused():
        return contact_update(contact=_contact(request, customer_id, contact_id), data=data, expected_version=expected_version)


@router.delete(PATH + "/{int:contact_id}", response={204: None, ERROR_CODES: ErrorBody})
def contact_remove(request: HttpRequest, customer_id: int, contact_id: int, version: Id | None = None) -> Status[None]:
    """Remove a person from a customer; with `version` (the customer's, as read), refused (409) if the customer changed since."""
    with stale_version_refused():
        contact_delete(contact=_contact(request, customer_id, contact_id), expected_version=version)
    return Status(204, None)
