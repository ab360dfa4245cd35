"""API routes: version 1 under /api/v1/."""

from django.urls import path

from clientela.api.api import api

urlpatterns = [path("v1/", api.urls)]
