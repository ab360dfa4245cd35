from django.apps import AppConfig


class ProductmixConfig(AppConfig):
    name = "clientela.productmix"
    label = "productmix"
    verbose_name = "Clientela product mix"
