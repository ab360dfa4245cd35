"""Retention routes."""

from django.urls import path

from clientela.retention import views

app_name = "retention"
urlpatterns = [
    path("retention/at-risk/", views.at_risk, name="at_risk"),
    path("retention/customers/<int:pk>/at-risk/done/", views.at_risk_done, name="at_risk_done"),
    path("retention/lost/", views.lost, name="lost"),
    path("retention/customers/<int:pk>/lost/", views.loss_form, name="loss_form"),
]
