from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "clientela.dashboards"
    label = "dashboards"
    verbose_name = "Clientela dashboards"
