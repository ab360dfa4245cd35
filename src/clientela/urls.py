"""Root URL configuration."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("clientela.api.urls")),
    path("", include("clientela.followup.urls")),
    path("", include("clientela.greetings.urls")),
    path("", include("clientela.pipeline.urls")),
    path("", include("clientela.fieldsales.urls")),
    path("", include("clientela.receivables.urls")),
    path("", include("clientela.productmix.urls")),
    path("", include("clientela.retention.urls")),
    path("", include("clientela.dashboards.urls")),
    path("", include("clientela.api.page_urls")),
    path("", include("clientela.audit.urls")),
    path("", include("clientela.web.urls")),
]
