from django.apps import AppConfig


class SegmentationConfig(AppConfig):
    name = "clientela.segmentation"
    label = "segmentation"
    verbose_name = "Clientela segmentation"
