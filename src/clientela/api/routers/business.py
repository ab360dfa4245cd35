"""Transactions and payments: lists by customer and date range, bulk creation of up to 10,000 rows, all or nothing."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import BaseModel

from clientela.api.access import request_user
from clientela.api.errors import ERROR_CODES, ApiError, ErrorBody, invalid
from clientela.api.fields import Cents, Id, SmallInt, text
from clientela.api.idempotency import idempotent
from clientela.api.pagination import Page
from clientela.crm.models import Payment, Product, Transaction, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.crm.services.business import payments_upsert, transactions_upsert
from clientela.pipeline.services.stages import pipeline_sync

router = Router()

MAX_ROWS = 10_000
MAX_ERRORS = 1_000  # errors listed in one answer; the detail counts them all


class TransactionOut(Schema):
    id: int
    document_id: str
    line: int
    customer_id: int
    date: date
    product_sku: str | None = Field(None, alias="product.sku")
    units: int | None
    amount_cents: int
    cost_cents: int | None


class TransactionIn(BaseModel):  # plain pydantic: ninja's Schema reads ORM objects, costly on 10,000 input rows
    document_id: text(64, min_length=1)  # type: ignore[valid-type]
    line: int = Field(1, ge=1, le=2**31 - 1)
    customer_id: Id
    date: date
    product_sku: text(64) | None = None  # type: ignore[valid-type]
    units: SmallInt | None = None
    amount_cents: Cents
    cost_cents: Cents | None = None


class PaymentOut(Schema):
    id: int
    reference: str
    customer_id: int
    date: date
    amount_cents: int
    invoice: str


class PaymentIn(BaseModel):
    reference: text(64, min_length=1)  # type: ignore[valid-type]
    customer_id: Id
    date: date
    amount_cents: Cents
    invoice: text(64) = ""  # type: ignore[valid-type]


ROWS = Field(..., json_schema_extra={"maxItems": MAX_ROWS}, description=f"At most {MAX_ROWS:,} rows; all are written or none.")


class TransactionsBulk(Schema):
    rows: list[TransactionIn] = ROWS


class PaymentsBulk(Schema):
    rows: list[PaymentIn] = ROWS


class BulkResult(Schema):
    created: int


class Period(Schema):
    customer_id: Id | None = None
    start: date | None = Field(None, description="From this day on.")
    end: date | None = Field(None, description="Up to this day.")


def _in_period(records: QuerySet[Any], user: User, period: Period) -> QuerySet[Any]:
    records = records.filter(customer__in=customers_visible_to(user))
    if period.customer_id is not None:
        records = records.filter(customer_id=period.customer_id)
    if period.start is not None:
        records = records.filter(date__gte=period.start)
    if period.end is not None:
        records = records.filter(date__lte=period.end)
    return records


@router.get("/transactions", response={200: list[TransactionOut], ERROR_CODES: ErrorBody}, tags=["transactions"])
@paginate(Page)
def transactions_list(request: HttpRequest, period: Query[Period]) -> QuerySet[Transaction]:
    """Transaction lines of the customers you may see, newest first, by customer and date range."""
    return _in_period(Transaction.objects.select_related("product"), request_user(request), period)


@router.get("/payments", response={200: list[PaymentOut], ERROR_CODES: ErrorBody}, tags=["payments"])
@paginate(Page)
def payments_list(request: HttpRequest, period: Query[Period]) -> QuerySet[Payment]:
    """Payments of the customers you may see, newest first, by customer and date range."""
    return _in_period(Payment.objects.all(), request_user(request), period)


Row = TypeVar("Row", bound=BaseModel)


class RowErrors:
    """Problems of the rows of one bulk request, named by row and field."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.count = 0

    def add(self, index: int, field: str, message: str) -> None:
        self.count += 1
        if len(self.items) < MAX_ERRORS:
            self.items.append((f"rows[{index}].{field}", message))

    def refuse(self) -> None:
        if self.count:
            detail = ngettext("%(count)d error in the rows; nothing was written.", "%(count)d errors in the rows; nothing was written.", self.count)
            raise ApiError(422, detail % {"count": self.count}, self.items)


def _limit(rows: Sequence[Any]) -> None:
    if len(rows) > MAX_ROWS:
        limit = _("at most %(max)s rows per request") % {"max": f"{MAX_ROWS:,}"}
        raise ApiError(413, _("%(rows)s rows: %(limit)s.") % {"rows": f"{len(rows):,}", "limit": limit}, [("rows", limit)])
    if not rows:
        raise invalid([("rows", _("at least one row"))])


def _check_customers(user: User, rows: Sequence[Any], errors: RowErrors) -> None:
    wanted = {row.customer_id for row in rows}
    visible = set(customers_visible_to(user).filter(pk__in=wanted).values_list("pk", flat=True))
    for index, row in enumerate(rows):
        if row.customer_id not in visible:
            errors.add(index, "customer_id", _("no customer with id %(id)s among the customers you may see") % {"id": row.customer_id})


def _check_unique(rows: Sequence[Row], key: Callable[[Row], Any], existing: set[Any], field: str, what: str, errors: RowErrors) -> None:
    first: dict[Any, int] = {}
    for index, row in enumerate(rows):
        value = key(row)
        if value in existing:
            errors.add(index, field, _("%(what)s exists already") % {"what": what})
        elif first.setdefault(value, index) != index:
            errors.add(index, field, _("duplicate %(what)s: already in row %(row)d") % {"what": what, "row": first[value]})


def _bulk(request: HttpRequest, payload: Any, operation: str, check_and_write: Callable[[User, list[Any], RowErrors], None]) -> Status[dict[str, Any]]:
    """A bulk create: at most the limit of rows, each checked, all written or none, replayed for a repeated Idempotency-Key."""
    user = request_user(request)
    rows = payload.rows
    _limit(rows)

    def write() -> tuple[int, dict[str, Any]]:
        errors = RowErrors()
        _check_customers(user, rows, errors)
        check_and_write(user, rows, errors)
        return 201, {"created": len(rows)}

    return Status(*idempotent(request, user=user, operation=operation, body=payload.model_dump(mode="json"), write=transaction.atomic(write)))


@router.post("/transactions/bulk", response={201: BulkResult, ERROR_CODES: ErrorBody}, tags=["transactions"])
def transactions_bulk(request: HttpRequest, payload: TransactionsBulk) -> Status[dict[str, Any]]:
    """Create up to 10,000 transaction lines of your customers: every row is checked, and all are written or none.

    Send an `Idempotency-Key` header to make a retry safe.
    """

    def check_and_write(user: User, rows: list[Any], errors: RowErrors) -> None:
        skus = {row.product_sku for row in rows if row.product_sku}
        products = dict(Product.objects.filter(sku__in=skus).values_list("sku", "id"))
        for index, row in enumerate(rows):
            if row.product_sku and row.product_sku not in products:
                errors.add(index, "product_sku", _('no product with SKU "%(sku)s"') % {"sku": row.product_sku})
        documents = {row.document_id for row in rows}
        existing = set(Transaction.objects.filter(document_id__in=documents).values_list("document_id", "line"))
        _check_unique(rows, lambda row: (row.document_id, row.line), existing, "line", _("line of this document"), errors)
        errors.refuse()
        transactions_upsert(
            rows=[
                (r.document_id, r.line, r.customer_id, r.date, products.get(r.product_sku or ""), r.units, r.amount_cents, r.cost_cents)
                for r in rows
            ]
        )

    return _bulk(request, payload, "transactions_bulk", check_and_write)


@router.post("/payments/bulk", response={201: BulkResult, ERROR_CODES: ErrorBody}, tags=["payments"])
def payments_bulk(request: HttpRequest, payload: PaymentsBulk) -> Status[dict[str, Any]]:
    """Create up to 10,000 payments of your customers, all or none; the pipeline stages of those customers follow.

    Send an `Idempotency-Key` header to make a retry safe.
    """

    def check_and_write(user: User, rows: list[Any], errors: RowErrors) -> None:
        references = {row.reference for row in rows}
        existing = set(Payment.objects.filter(reference__in=references).values_list("reference", flat=True))
        _check_unique(rows, lambda row: row.reference, existing, "reference", _("payment reference"), errors)
        errors.refuse()
        payments_upsert(rows=[(r.reference, r.customer_id, r.date, r.amount_cents, r.invoice) for r in rows])
        pipeline_sync(today=timezone.localdate(), customer_ids={r.customer_id for r in rows})

    return _bulk(request, payload, "payments_bulk", check_and_write)
