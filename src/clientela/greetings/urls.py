"""Greetings routes."""

from django.urls import path

from clientela.greetings import views

app_name = "greetings"
urlpatterns = [path("greetings/", views.bulk_greetings, name="bulk")]
