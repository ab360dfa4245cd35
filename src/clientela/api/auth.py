"""Bearer-token authentication: `Authorization: Bearer <token>`."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from clientela.api.services import token_authenticate
from clientela.crm.models import User


class TokenAuth(HttpBearer):
    """Authenticate the request as the owner of a live API token."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = token_authenticate(key=token)
        if user is not None:
            request.user = user
        return user
