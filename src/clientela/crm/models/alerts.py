"""Alerts: something a user should act on (a customer left a top class, …)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clientela.crm.models.customers import Customer
from clientela.crm.models.people import User


class Alert(models.Model):
    """A message for one user, usually about one customer; unread until `read_at` is set."""

    class Kind(models.TextChoices):
        CLASS_EXIT = "class_exit", _("Left a top class")
        INSTALMENT_OVERDUE = "instalment_late", _("Instalment overdue")
        AT_RISK = "at_risk", _("Important customer at risk")
        CUSTOMER_LOST = "lost", _("Customer lost")
        CREDIT_LIMIT = "credit_limit", _("Credit limit exceeded")

    recipient = models.ForeignKey(User, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="alerts")
    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, null=True, blank=True, related_name="alerts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        db_table = "alerts"
        ordering = ["-created_at", "-id"]
        verbose_name = _("alert")
        indexes = [models.Index(fields=["recipient", "read_at"], name="alert_recipient_read")]

    def __str__(self) -> str:
        return self.message
