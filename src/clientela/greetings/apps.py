from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GreetingsConfig(AppConfig):
    name = "clientela.greetings"
    verbose_name = _("Greetings")
    default_auto_field = "django.db.models.BigAutoField"
