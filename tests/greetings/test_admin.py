"""Admin: templates are edited with placeholder checks; the send log is read-only."""

from django.urls import reverse

from clientela.greetings.models import GreetingTemplate


def test_a_template_edit_with_an_unknown_placeholder_is_refused_by_name(admin_client):
    template = GreetingTemplate.objects.get(occasion="birthday", language="en", channel="sms")
    response = admin_client.post(
        reverse("admin:greetings_greetingtemplate_change", args=[template.pk]),
        {"occasion": "birthday", "language": "en", "channel": "sms", "subject": "", "body": "Happy birthday, {firstname}!"},
    )
    assert response.status_code == 200
    assert "Unknown placeholder {firstname}" in response.content.decode()
    template.refresh_from_db()
    assert template.body.startswith("Happy birthday, {contact_name}!")


def test_the_send_log_can_be_read_but_not_written(admin_client):
    assert admin_client.get(reverse("admin:greetings_greetingsend_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:greetings_greetingsend_add")).status_code == 403
