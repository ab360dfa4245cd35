"""Dashboard routes."""

from django.urls import path

from clientela.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("dashboards/", views.overview, name="overview"),
    path("dashboards/pareto/", views.pareto_chart, name="pareto"),
    path("dashboards/classes/", views.class_changes, name="classes"),
    path("dashboards/matrix/", views.matrix_chart, name="matrix"),
    path("dashboards/vip/", views.vip_chart, name="vip"),
    path("dashboards/profit/", views.profit_chart, name="profit"),
    path("dashboards/at-risk/", views.at_risk, name="risk"),
]
