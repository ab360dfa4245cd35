from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "clientela.pipeline"
    label = "pipeline"
    verbose_name = "Clientela pipeline"
