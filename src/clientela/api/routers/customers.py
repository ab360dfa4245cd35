"""Customers: list with filters, read, create, update (PATCH and PUT) and delete, as the user may."""

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from clientela.api.access import admin_only, customer_of, owner_allowed, request_user
from clientela.api.errors import ERROR_CODES, ApiError, ErrorBody, invalid, refuse_nulls, stale_version_refused
from clientela.api.fields import Id, Latitude, Longitude, text
from clientela.api.pagination import Page
from clientela.crm.models import Customer, Region, Tag, User
from clientela.crm.selectors.customers import CustomerFilters, customer_list
from clientela.crm.services.customers import customer_create, customer_delete, customer_groups_set, customer_update
from clientela.segmentation.models import CustomerClass, Snapshot

router = Router(tags=["customers"])

Kind = Customer.Kind
CustomerStatus = Customer.Status


class CustomerOut(Schema):
    id: int
    external_id: str
    name: str
    kind: Kind
    status: CustomerStatus
    owner_id: int | None
    region_id: int | None
    address: str
    city: str
    postal_code: str
    country: str
    latitude: float | None
    longitude: float | None
    phone: str
    email: str
    channel: str
    industry: str
    customer_since: date | None
    founded_on: date | None
    custom_fields: dict[str, Any]
    groups: list[int]
    version: int = Field(description="Goes up with every change of the customer file; send it back with an update.")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_groups(customer: Customer) -> list[int]:
        return [tag.pk for tag in customer.tags.all()]


class CustomerWrite(Schema):
    """Every writable field of a customer; what PUT replaces and POST creates."""

    external_id: text(64, min_length=1)  # type: ignore[valid-type]
    name: text(200, min_length=1)  # type: ignore[valid-type]
    kind: Kind = Kind.COMPANY
    status: CustomerStatus = CustomerStatus.ACTIVE
    owner_id: Id | None = Field(None, description="Default on creation: the requesting user.")
    region_id: Id | None = None
    address: text(200) = ""  # type: ignore[valid-type]
    city: text(100) = ""  # type: ignore[valid-type]
    postal_code: text(20) = ""  # type: ignore[valid-type]
    country: text(2) = ""  # type: ignore[valid-type]
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    phone: text(40) = ""  # type: ignore[valid-type]
    email: text(254) = ""  # type: ignore[valid-type]
    channel: text(50) = ""  # type: ignore[valid-type]
    industry: text(100) = ""  # type: ignore[valid-type]
    customer_since: date | None = None
    founded_on: date | None = None
    custom_fields: dict[str, Any] = Field(default_factory=dict, description="Values of the custom fields an admin defined.")
    groups: list[Id] = Field(default_factory=list, max_length=100, description="Ids of the customer's groups.")


class CustomerPatch(Schema):
    """The fields to change; those left out stay as they are."""

    external_id: text(64, min_length=1) | None = None  # type: ignore[valid-type]
    name: text(200, min_length=1) | None = None  # type: ignore[valid-type]
    kind: Kind | None = None
    status: CustomerStatus | None = None
    owner_id: Id | None = None
    region_id: Id | None = None
    address: text(200) | None = None  # type: ignore[valid-type]
    city: text(100) | None = None  # type: ignore[valid-type]
    postal_code: text(20) | None = None  # type: ignore[valid-type]
    country: text(2) | None = None  # type: ignore[valid-type]
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    phone: text(40) | None = None  # type: ignore[valid-type]
    email: text(254) | None = None  # type: ignore[valid-type]
    channel: text(50) | None = None  # type: ignore[valid-type]
    industry: text(100) | None = None  # type: ignore[valid-type]
    customer_since: date | None = None
    founded_on: date | None = None
    custom_fields: dict[str, Any] | None = None
    groups: list[Id] | None = Field(None, max_length=100)
    version: Id | None = Field(None, description="The version you read: the update is refused (409) if the customer changed since.")


class CustomerReplace(CustomerWrite):
    """Every writable field of a customer, for PUT."""

    version: Id | None = Field(None, description="The version you read: the update is refused (409) if the customer changed since.")


# Fields that may be null; a null for any other field of a PATCH is refused.
NULLABLE = {"owner_id", "region_id", "latitude", "longitude", "customer_since", "founded_on", "version"}


class CustomerQuery(Schema):
    search: text(100) = ""  # type: ignore[valid-type]
    owner: Id | None = None
    group: Id | None = Field(None, description="Id of a group.")
    status: CustomerStatus | None = None
    scheme: text(100) = Field("", description="With class: the name of a scheme, whose latest snapshot is used.")
    class_label: text(40) = Field("", alias="class", description="A class of the scheme's latest snapshot.")


def _filtered(user: User, query: CustomerQuery) -> QuerySet[Customer]:
    filters = CustomerFilters(search=query.search, owner=query.owner, tag=query.group, status=query.status or "")
    customers = customer_list(user=user, filters=filters).prefetch_related("tags")
    if query.class_label and not query.scheme:
        raise invalid([("scheme", _("required with class"))])
    if query.scheme:
        latest = Snapshot.objects.filter(scheme__name=query.scheme).order_by("-as_of", "-version").first()
        if latest is None:
            return customers.none()
        classes = CustomerClass.objects.filter(snapshot=latest)
        if query.class_label:
            classes = classes.filter(label=query.class_label)
        customers = customers.filter(pk__in=classes.values("customer_id"))
    return customers


@router.get("", response={200: list[CustomerOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def customers_list(request: HttpRequest, query: Query[CustomerQuery]) -> QuerySet[Customer]:
    """The customers you may see, filtered, by name (as the web list)."""
    return _filtered(request_user(request), query)


@router.get("/{int:customer_id}", response={200: CustomerOut, ERROR_CODES: ErrorBody})
def customer_read(request: HttpRequest, customer_id: int) -> Customer:
    """One customer you may see."""
    return customer_of(request, customer_id)


def _references(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Turn ids into records; refuse unknown ones (422) and owners the user may not choose (403)."""
    fields = dict(data)
    errors = []
    if "owner_id" in fields:
        owner_id = fields.pop("owner_id")
        owner = User.objects.filter(pk=owner_id).first() if owner_id is not None else None
        if owner_id is not None and owner is None:
            errors.append(("owner_id", _("no user with id %(id)s") % {"id": owner_id}))
        fields["owner"] = owner
    if "region_id" in fields:
        region_id = fields.pop("region_id")
        region = Region.objects.filter(pk=region_id).first() if region_id is not None else None
        if region_id is not None and region is None:
            errors.append(("region_id", _("no region with id %(id)s") % {"id": region_id}))
        fields["region"] = region
    if "groups" in fields:
        ids = set(fields["groups"])
        tags = list(Tag.objects.filter(pk__in=ids))
        missing = sorted(ids - {tag.pk for tag in tags})
        if missing:
            errors.append(("groups", _("no group with id %(ids)s") % {"ids": ", ".join(map(str, missing))}))
        fields["groups"] = tags
    if errors:
        raise invalid(errors)
    if "owner" in fields:
        owner_allowed(user, fields["owner"])
    return fields


def _external_id_free(external_id: str, customer: Customer | None = None) -> None:
    """Refuse (409) an external id another customer has."""
    if Customer.objects.filter(external_id=external_id).exclude(pk=customer.pk if customer else None).exists():
        raise ApiError(409, _("A customer with this external id exists already."), [("external_id", _("already taken"))])


@router.post("", response={201: CustomerOut, ERROR_CODES: ErrorBody})
def customer_new(request: HttpRequest, payload: CustomerWrite) -> Status[Customer]:
    """Create a customer (yours unless you give another owner you may give customers to)."""
    user = request_user(request)
    data = payload.dict()
    if data["owner_id"] is None:
        data["owner_id"] = user.pk
    fields = _references(user, data)
    _external_id_free(fields["external_id"])
    groups = fields.pop("groups")
    return Status(201, customer_create(tags=groups, **fields))


@transaction.atomic  # the fields and the groups together, or nothing
def _update(request: HttpRequest, customer_id: int, data: dict[str, Any]) -> Customer:
    user = request_user(request)
    customer = customer_of(request, customer_id)
    refuse_nulls(data, nullable=NULLABLE)
    expected_version = data.pop("version", None)
    fields = _references(user, data)
    if "external_id" in fields:
        _external_id_free(fields["external_id"], customer)
    groups = fields.pop("groups", None)
    with stale_version_refused():
        customer = customer_update(customer=customer, data=fields, expected_version=expected_version)
    if groups is not None:
        customer_groups_set(customer=customer, tags=groups)
    return Customer.objects.prefetch_related("tags").get(pk=customer.pk)


@router.patch("/{int:customer_id}", response={200: CustomerOut, ERROR_CODES: ErrorBody})
def customer_patch(request: HttpRequest, customer_id: int, payload: CustomerPatch) -> Customer:
    """Change some fields of a customer you may see."""
    return _update(request, customer_id, payload.dict(exclude_unset=True))


@router.put("/{int:customer_id}", response={200: CustomerOut, ERROR_CODES: ErrorBody})
def customer_replace(request: HttpRequest, customer_id: int, payload: CustomerReplace) -> Customer:
    """Replace every writable field of a customer you may see.

    An omitted owner leaves the owner as it is; custom fields given are set, the others kept.
    """
    data = payload.dict()
    if data["owner_id"] is None:
        del data["owner_id"]
    return _update(request, customer_id, data)


@router.delete("/{int:customer_id}", response={204: None, ERROR_CODES: ErrorBody})
def customer_remove(request: HttpRequest, customer_id: int) -> Status[None]:
    """Delete a customer without business records (admins only)."""
    customer = customer_of(request, customer_id)
    admin_only(request_user(request))
    customer_delete(customer=customer)
    return Status(204, None)
