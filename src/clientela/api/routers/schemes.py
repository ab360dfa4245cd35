"""Saved schemes, their snapshots (runs), the classes of a snapshot, and a customer's current classes with the explanation."""

from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from clientela.api.access import customer_of, request_user
from clientela.api.errors import ERROR_CODES, ErrorBody
from clientela.api.fields import text
from clientela.api.pagination import Page
from clientela.crm.selectors.customers import customers_visible_to
from clientela.segmentation.models import CustomerClass, Scheme, Snapshot
from clientela.segmentation.selectors import customer_classes_current
from clientela.web.class_explanations import explain

router = Router(tags=["schemes"])


class SchemeOut(Schema):
    id: int
    name: str
    kind: str
    version: int
    active: bool
    definition: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class SnapshotOut(Schema):
    id: int
    scheme: str = Field(..., alias="scheme.name")
    version: int
    as_of: date
    computed_at: datetime
    customers: int
    class_counts: dict[str, int]


class ClassOut(Schema):
    """A customer's class in a snapshot, with the scheme's figures and the explanation in words."""

    snapshot_id: int
    scheme: str = Field(..., alias="snapshot.scheme.name")
    as_of: date = Field(..., alias="snapshot.as_of")
    customer_id: int
    customer_name: str = Field(..., alias="customer.name")
    label: str
    explanation: dict[str, Any]
    explanation_text: str

    @staticmethod
    def resolve_explanation_text(customer_class: CustomerClass) -> str:
        return explain(customer_class)


class ClassQuery(Schema):
    class_label: text(40) = Field("", alias="class", description="Only customers of this class.")  # type: ignore[valid-type]


@router.get("/schemes", response={200: list[SchemeOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def schemes_list(request: HttpRequest) -> QuerySet[Scheme]:
    """The saved schemes, by name."""
    return Scheme.objects.all()


@router.get("/schemes/{name}/snapshots", response={200: list[SnapshotOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def snapshots_list(request: HttpRequest, name: str) -> QuerySet[Snapshot]:
    """The runs of a scheme: one snapshot per date and version, newest first."""
    scheme = get_object_or_404(Scheme, name=name)
    return scheme.snapshots.select_related("scheme")


@router.get("/snapshots/{int:snapshot_id}/classes", response={200: list[ClassOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def snapshot_classes(request: HttpRequest, snapshot_id: int, query: Query[ClassQuery]) -> QuerySet[CustomerClass]:
    """The classes of the customers you may see in one snapshot, by customer."""
    snapshot = get_object_or_404(Snapshot, pk=snapshot_id)
    classes = snapshot.classes.filter(customer__in=customers_visible_to(request_user(request)))
    if query.class_label:
        classes = classes.filter(label=query.class_label)
    return classes.select_related("snapshot__scheme", "customer")


@router.get("/customers/{int:customer_id}/classes", response={200: list[ClassOut], ERROR_CODES: ErrorBody})
def customer_classes(request: HttpRequest, customer_id: int) -> list[CustomerClass]:
    """A customer's class in the latest snapshot of each active scheme, with why."""
    return list(customer_classes_current(customer=customer_of(request, customer_id)).select_related("customer"))
