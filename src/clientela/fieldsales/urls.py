"""Field sales routes."""

from django.urls import path

from clientela.fieldsales import views

app_name = "fieldsales"
urlpatterns = [
    path("fieldsales/route/", views.route, name="route"),
    path("fieldsales/route/start-point/", views.start_point, name="start_point"),
    path("fieldsales/visits/", views.visits, name="visits"),
    path("fieldsales/visits/<int:pk>/delete/", views.visit_delete, name="visit_delete"),
    path("fieldsales/visits/from-followup/", views.visits_from_plan, name="visits_from_plan"),
    path("fieldsales/targets/", views.targets, name="targets"),
    path("fieldsales/evaluation/", views.evaluation, name="evaluation"),
]
