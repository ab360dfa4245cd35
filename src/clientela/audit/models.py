"""The audit trail (SPEC S9): who changed what, when; append-only, down to the database (see triggers.py)."""

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer, User


class AuditEventRefused(Exception):
    """An audit event cannot be changed or deleted."""


class AuditEvent(models.Model):
    """One create, update or delete of a record, or one bulk operation (an import, a scheme run, a re-planning)."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        RUN = "run", _("run")

    at = models.DateTimeField(_("when"), default=timezone.now)
    # No database constraints and no cascades: events outlive the users and customers they name.
    actor = models.ForeignKey(
        User, verbose_name=_("user"), null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    actor_label = models.CharField(_("by"), max_length=150, help_text=_('The user name, or "cli" or "system".'))
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100, help_text=_("app_label.model_name"))
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True, encoder=DjangoJSONEncoder, help_text=_("field: [before, after]"))

    class Meta:
        db_table = "audit_events"
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        indexes = [
            models.Index(fields=["customer", "-at"], name="audit_customer_at"),
            models.Index(fields=["-at"], name="audit_at"),
            models.Index(fields=["actor", "-at"], name="audit_actor_at"),
            models.Index(fields=["object_type", "-at"], name="audit_type_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label}: {self.summary}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditEventRefused("audit events are append-only: an event cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditEventRefused("audit events are append-only: an event cannot be deleted")
