"""One error body for every API failure: `{"detail": "…", "errors": [{"field": "…", "message": "…"}]}`."""

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

logger = logging.getLogger(__name__)


class FieldError(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    detail: str
    errors: list[FieldError] = []


# The failures every operation may answer, documented in the OpenAPI document.
ERROR_CODES = frozenset({400, 401, 403, 404, 405, 409, 413, 422})


class ApiError(Exception):
    """A refusal with a status, a message and errors by field (the API's own checks)."""

    def __init__(self, status: int, detail: str, errors: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = list(errors)


def invalid(errors: Iterable[tuple[str, str]]) -> ApiError:
    """The refusal (422) of a request whose fields are wrong."""
    return ApiError(422, _("The request is not valid."), errors)


@contextmanager
def stale_version_refused() -> Iterator[None]:
    """Turn a write refused because the customer changed since the version the client read into a 409."""
    try:
        yield
    except DjangoValidationError as error:
        if getattr(error, "code", None) == "changed":  # field errors have no code
            raise ApiError(409, error.messages[0]) from None
        raise


def refuse_nulls(data: dict[str, Any], nullable: Iterable[str] = ()) -> None:
    """Refuse (422) a null for any field of `data` but the `nullable` ones (a PATCH sets, it does not clear)."""
    nulls = sorted(name for name, value in data.items() if value is None and name not in set(nullable))
    if nulls:
        raise invalid((name, _("must not be null")) for name in nulls)


def error_body(detail: str, errors: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    return {"detail": detail, "errors": [{"field": field, "message": message} for field, message in errors]}


def error_response(status: int, detail: str, errors: Iterable[tuple[str, str]] = ()) -> JsonResponse:
    """A JSON error answer (for code outside the API's operations, such as the middleware)."""
    return JsonResponse(error_body(detail, errors), status=status)


def field_path(location: Sequence[Any]) -> str:
    """A pydantic location as a field path, e.g. ("rows", 3, "amount_cents") → "rows[3].amount_cents"."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _validation_fields(exc: ValidationError) -> list[tuple[str, str]]:
    fields = []
    for error in exc.errors:
        location = list(error.get("loc", ()))
        if location and location[0] == "body":
            location = location[2:]  # "body" and the name of the body parameter
        elif location:
            location = location[1:]  # "query", "path" or "header"
        fields.append((field_path(location) or "body", str(error.get("msg", ""))))
    return fields


def django_fields(exc: DjangoValidationError) -> list[tuple[str, str]]:
    """A service's ValidationError as (field, message) pairs ("" when it concerns no field)."""
    if hasattr(exc, "error_dict"):
        return [("" if field == "__all__" else field, message) for field, messages in exc.message_dict.items() for message in messages]
    return [("", message) for message in exc.messages]


def register(api: NinjaAPI) -> None:
    """Answer every failure of `api` with the error body."""

    def answer(request: HttpRequest, status: int, detail: str, errors: Iterable[tuple[str, str]] = ()) -> HttpResponse:
        response = api.create_response(request, error_body(detail, errors), status=status)
        if status == 401:
            response["WWW-Authenticate"] = "Bearer"
        return response

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return answer(request, exc.status, exc.detail, exc.errors)

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return on_api_error(request, invalid(_validation_fields(exc)))

    def on_service_refusal(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return on_api_error(request, invalid(django_fields(exc)))

    def on_authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return answer(request, 401, _("Give a valid API token: Authorization: Bearer <token>."))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return answer(request, exc.status_code, str(exc.message))

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return answer(request, 404, _("Not found."))

    def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return answer(request, 403, str(exc) or _("You may not do this."))

    def on_protected(request: HttpRequest, exc: ProtectedError) -> HttpResponse:
        names = sorted({obj._meta.verbose_name_plural for obj in exc.protected_objects})
        return answer(request, 409, _("Still referenced by %(records)s: delete those first.") % {"records": ", ".join(map(str, names))})

    def on_failure(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API failure on %s %s", request.method, request.path, exc_info=exc)
        return answer(request, 500, HTTPStatus.INTERNAL_SERVER_ERROR.phrase)

    api.add_exception_handler(Exception, on_failure)
    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(DjangoValidationError, on_service_refusal)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(AuthenticationError, on_authentication)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(ObjectDoesNotExist, on_not_found)
    api.add_exception_handler(PermissionDenied, on_forbidden)
    api.add_exception_handler(ProtectedError, on_protected)
