"""Refuse to serve production with development settings."""

from typing import Any

# Django's own deploy check asks for at least this many characters (security.W009).
MIN_SECRET_KEY_LENGTH = 50


def production_refusal(settings: Any) -> str | None:
    """Return why these settings must not serve production (one line), or None when they may."""
    reasons = []
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        reasons.append("SECRET_KEY is the development default (set a random one of at least 50 characters)")
    elif len(settings.SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
        reasons.append(f"SECRET_KEY has {len(settings.SECRET_KEY)} characters (it needs at least {MIN_SECRET_KEY_LENGTH})")
    if settings.DEBUG:
        reasons.append("DEBUG is on (unset it)")
    if not settings.ALLOWED_HOSTS:
        reasons.append("ALLOWED_HOSTS is not set (set it to the server's host names, e.g. ALLOWED_HOSTS=crm.example.com)")
    return "; ".join(reasons) or None
