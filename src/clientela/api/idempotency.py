"""Idempotency keys of bulk writes: the same key and body replay the first answer; the same key with another body is a conflict."""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from clientela.api.errors import ApiError
from clientela.api.models import IdempotentResponse
from clientela.crm.models import User

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = IdempotentResponse._meta.get_field("key").max_length

Answer = tuple[int, dict[str, Any]]


def _digest(operation: str, body: Any) -> str:
    canonical = json.dumps([operation, body], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replay(user: User, key: str, operation: str, digest: str) -> Answer | None:
    stored = IdempotentResponse.objects.filter(user=user, key=key).first()
    if stored is None:
        return None
    if stored.operation != operation or stored.body_hash != digest:
        raise ApiError(409, _("This Idempotency-Key was used with another request."), [(HEADER, _("use a new key for a new request"))])
    return stored.status, stored.response


def idempotent(request: HttpRequest, *, user: User, operation: str, body: Any, write: Callable[[], Answer]) -> Answer:
    """Run `write` once per (user, Idempotency-Key): the first answer is stored with the write, in its transaction."""
    key = request.headers.get(HEADER, "")
    if not key:
        return write()
    if len(key) > MAX_KEY_LENGTH:
        raise ApiError(422, _("The Idempotency-Key is too long."), [(HEADER, _("at most %(n)d characters") % {"n": MAX_KEY_LENGTH})])
    digest = _digest(operation, body)
    if (stored := _replay(user, key, operation, digest)) is not None:
        return stored
    try:
        with transaction.atomic():
            status, response = write()
            IdempotentResponse.objects.create(user=user, key=key, operation=operation, body_hash=digest, status=status, response=response)
    except IntegrityError:
        # The same key was stored meanwhile by a concurrent request: this write was rolled back; answer as that one did.
        if (stored := _replay(user, key, operation, digest)) is not None:
            return stored
        raise
    return status, response
