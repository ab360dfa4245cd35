"""The API tokens page under My settings."""

from django.urls import path

from clientela.api import views

app_name = "api_tokens"
urlpatterns = [
    path("settings/api-tokens/", views.token_list, name="list"),
    path("settings/api-tokens/<int:pk>/revoke/", views.token_remove, name="revoke"),
]
