"""Who is acting: set per request by the middleware, by the CLI ("cli"); "system" otherwise.

Imports no Django models, so that the command line can set its actor before Django starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

    from clientela.crm.models import User


@dataclass(frozen=True)
class Actor:
    user: User | None
    label: str


SYSTEM = Actor(None, "system")
_actor: ContextVar[Callable[[], Actor]] = ContextVar("audit_actor", default=lambda: SYSTEM)


def current_actor() -> Actor:
    """The user (or label) that the writes happening now are attributed to."""
    return _actor.get()()


@contextmanager
def acting_as(label: str, user: User | None = None) -> Iterator[None]:
    """Attribute the writes inside the block to `user` (or, without one, to `label` such as "cli")."""
    token = _actor.set(lambda: Actor(user, user.get_username() if user else label))
    try:
        yield
    finally:
        _actor.reset(token)


def _request_actor(request: HttpRequest) -> Actor:
    # Read when a write happens, not when the request starts: token authentication of the API sets the user later.
    for user in (getattr(request, "user", None), getattr(request, "auth", None)):
        if _is_signed_in(user):
            return Actor(user, user.get_username())
    return Actor(None, "anonymous")


def _is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and hasattr(user, "get_username"))


class AuditActorMiddleware:
    """Attribute the writes of a request (web pages, admin, API) to its signed-in user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _actor.set(lambda: _request_actor(request))
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)
