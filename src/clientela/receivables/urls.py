"""Receivables routes."""

from django.urls import path

from clientela.receivables import views

app_name = "receivables"
urlpatterns = [
    path("receivables/", views.ageing, name="ageing"),
    path("receivables/bonus/", views.bonus, name="bonus"),
    path("customers/<int:pk>/receivables/", views.statement, name="statement"),
    path("customers/<int:pk>/credit/", views.credit_terms, name="credit_terms"),
    path("customers/<int:pk>/credit-warning/", views.credit_warning, name="credit_warning"),
]
