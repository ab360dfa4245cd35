"""Follow-up routes."""

from django.urls import path

from clientela.followup import views

app_name = "followup"
urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("customers/<int:pk>/log/", views.log_contact, name="log_contact"),
    path("agenda/group-activity/", views.log_group_activity, name="log_group_activity"),
    path("followup/compliance/", views.team_compliance, name="team_compliance"),
    path("followup/review/", views.review, name="review"),
    path("calendar/new/", views.calendar_feed_new, name="calendar_feed_new"),
    path("calendar/<str:token>.ics", views.calendar, name="calendar"),
]
