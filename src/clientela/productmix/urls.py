"""Product mix routes."""

from django.urls import path

from clientela.productmix import views

app_name = "productmix"
urlpatterns = [path("products/mix/", views.product_mix, name="mix")]
