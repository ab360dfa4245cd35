"""Web page routes."""

from django.urls import path

from clientela.web.views import account, customer_edit, customer_file, groups, people, portfolio, schemes

app_name = "web"
urlpatterns = [
    path("", portfolio.home, name="home"),
    path("customers/", portfolio.customer_list, name="customer_list"),
    path("customers/<int:pk>/", customer_file.customer_detail, name="customer_detail"),
    path("customers/<int:pk>/list/<slug:name>/", customer_file.customer_list_page, name="customer_list_page"),
    path("customers/<int:pk>/edit/<slug:section>/", customer_edit.section_edit, name="customer_edit"),
    path("customers/<int:pk>/contacts/new/", customer_edit.contact_edit, name="contact_new"),
    path("customers/<int:pk>/contacts/<int:contact>/", customer_edit.contact_edit, name="contact_edit"),
    path("customers/<int:pk>/contacts/<int:contact>/delete/", customer_edit.contact_remove, name="contact_delete"),
    path("customers/<int:pk>/do-not-contact/new/", customer_edit.do_not_contact_new, name="do_not_contact_new"),
    path("customers/<int:pk>/do-not-contact/<int:period>/delete/", customer_edit.do_not_contact_remove, name="do_not_contact_delete"),
    path("settings/", account.my_settings, name="my_settings"),
    path("settings/password/", account.password_change, name="password_change"),
    path("settings/schemes/", schemes.scheme_list, name="scheme_list"),
    path("settings/schemes/new/", schemes.scheme_new, name="scheme_new"),
    path("settings/schemes/<slug:name>/", schemes.scheme_edit, name="scheme_edit"),
    path("settings/schemes/<slug:name>/preview/", schemes.scheme_preview, name="scheme_preview"),
    path("settings/schemes/previews/<int:pk>/", schemes.scheme_preview_run, name="scheme_preview_run"),
    path("settings/groups/", groups.group_list, name="group_list"),
    path("settings/groups/<int:pk>/", groups.group_edit, name="group_edit"),
    path("settings/groups/<int:pk>/delete/", groups.group_remove, name="group_delete"),
    path("settings/users/", people.user_list, name="user_list"),
    path("settings/users/new/", people.user_edit, name="user_new"),
    path("settings/users/<int:pk>/", people.user_edit, name="user_edit"),
    path("settings/teams/new/", people.team_edit, name="team_new"),
    path("settings/teams/<int:pk>/", people.team_edit, name="team_edit"),
]
