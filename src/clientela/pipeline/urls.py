"""Pipeline routes."""

from django.urls import path

from clientela.pipeline import views

app_name = "pipeline"
urlpatterns = [
    path("pipeline/", views.board, name="board"),
    path("pipeline/new/", views.prospect_new, name="prospect_new"),
    path("pipeline/funnel/", views.funnel, name="funnel"),
    path("pipeline/duplicates/", views.duplicates, name="duplicates"),
    path("pipeline/customers/<int:pk>/", views.prospect_detail, name="prospect"),
    path("pipeline/customers/<int:pk>/move/", views.move, name="move"),
    path("pipeline/customers/<int:pk>/merge/", views.merge, name="merge"),
]
