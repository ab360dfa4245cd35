from django.apps import AppConfig


class CrmConfig(AppConfig):
    name = "clientela.crm"
    label = "crm"
    verbose_name = "Clientela CRM"
