from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceivablesConfig(AppConfig):
    name = "clientela.receivables"
    verbose_name = _("Receivables and credit")
    default_auto_field = "django.db.models.BigAutoField"
