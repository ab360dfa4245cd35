"""API tokens (stored hashed) and the stored first answers of bulk writes sent with an idempotency key."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A user's secret for the REST API: only its SHA-256 hash is kept; its prefix identifies it to people."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    key_hash = models.CharField(_("key hash (SHA-256)"), max_length=64, unique=True)
    created = models.DateTimeField(_("created"), db_default=Now())
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        db_table = "api_tokens"
        ordering = ["-created", "-id"]
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class IdempotentResponse(models.Model):
    """The first successful answer to a bulk write sent with an `Idempotency-Key`, replayed for the same key and body."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("idempotency key"), max_length=200)
    operation = models.CharField(_("operation"), max_length=100)
    body_hash = models.CharField(_("body hash (SHA-256)"), max_length=64)
    status = models.PositiveSmallIntegerField(_("status"))
    response = models.JSONField(_("response"))
    created = models.DateTimeField(_("created"), db_default=Now())

    class Meta:
        db_table = "api_idempotent_responses"
        ordering = ["-created", "-id"]
        verbose_name = _("idempotent response")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="uniq_idempotency_key")]

    def __str__(self) -> str:
        return f"{self.operation} {self.key}"
