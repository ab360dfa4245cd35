from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "clientela.retention"
    label = "retention"
    verbose_name = "Clientela retention"
