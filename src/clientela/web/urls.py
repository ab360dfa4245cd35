"""Web page routes."""

from django.urls import path

from clientela.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("customers/", views.customer_list, name="customer_list"),
    path("customers/<int:pk>/", views.customer_detail, name="customer_detail"),
]
