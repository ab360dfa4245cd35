"""Writes of the API's own records: tokens, and alerts marked read."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clientela.api.models import ApiToken
from clientela.crm.models import Alert, User

KEY_START = "clt_"
PREFIX_LENGTH = 12  # "clt_" and 8 random characters: enough to tell tokens apart, useless to guess the rest
LAST_USED_PRECISION = timedelta(minutes=1)  # fewer writes: one per token and minute at most


def key_hash(key: str) -> str:
    """The SHA-256 hex digest under which a key is stored."""
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class NewToken:
    """A created token and its key, which is shown once and never stored."""

    token: ApiToken
    key: str


@transaction.atomic
def token_create(*, user: User, name: str = "") -> NewToken:
    """Create an API token for `user`; raise ValidationError for an inactive user."""
    if not user.is_active:
        raise ValidationError({"user": _("%(user)s is not an active user.") % {"user": user.username}})
    key = KEY_START + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), prefix=key[:PREFIX_LENGTH], key_hash=key_hash(key))
    token.full_clean()
    token.save()
    return NewToken(token, key)


@transaction.atomic
def token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token (from now on it authenticates nobody); revoking twice keeps the first date."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(*, key: str) -> User | None:
    """The active user of a live token with this key, noting when it was used; None for anything else."""
    token = (
        ApiToken.objects.filter(key_hash=key_hash(key), revoked_at__isnull=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


def alert_mark_read(*, alert: Alert) -> Alert:
    """Mark an alert read (once: the first reading time stays)."""
    if alert.read_at is None:
        alert.read_at = timezone.now()
        alert.save(update_fields=["read_at"])
    return alert
