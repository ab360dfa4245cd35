from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldsalesConfig(AppConfig):
    name = "clientela.fieldsales"
    verbose_name = _("Field sales")
    default_auto_field = "django.db.models.BigAutoField"
