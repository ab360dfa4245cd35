"""Greeting templates: validation on save and the default set."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from clientela.greetings.models import Channel, GreetingTemplate, Occasion
from clientela.greetings.rendering import PLACEHOLDER


def test_an_unknown_placeholder_is_refused_at_save_with_its_name(db):
    template = GreetingTemplate(occasion=Occasion.GENERAL, language="en", channel=Channel.SMS, body="Hi {first_name}!")
    with pytest.raises(ValidationError, match=r"\{first_name\}") as raised:
        template.full_clean()
    assert list(raised.value.message_dict) == ["body"]


def test_an_email_template_needs_a_subject(db):
    template = GreetingTemplate(occasion=Occasion.GENERAL, language="en", channel=Channel.EMAIL, body="Hi {contact_name}")
    with pytest.raises(ValidationError, match="An e-mail template needs a subject"):
        template.full_clean()


def test_one_template_per_occasion_language_and_channel(db):
    duplicate = GreetingTemplate(occasion=Occasion.BIRTHDAY, language="es", channel=Channel.SMS, body="¡Felicidades!")
    with pytest.raises(ValidationError, match="already exists"):
        duplicate.full_clean()


def test_default_templates_cover_every_language_and_channel_and_are_valid(db):
    templates = GreetingTemplate.objects.exclude(occasion=Occasion.GENERAL)
    expected = {
        (occasion, language, channel)
        for occasion in (Occasion.BIRTHDAY, Occasion.ANNIVERSARY, Occasion.HOLIDAY)
        for language, _ in settings.LANGUAGES
        for channel in Channel.values
    }
    assert {(t.occasion, t.language, t.channel) for t in templates} == expected
    for template in templates:
        template.full_clean()
        assert "{contact_name}" in template.body or "{customer_name}" in template.body
        assert (template.channel == Channel.EMAIL) == bool(template.subject)


def test_default_sms_texts_are_short(db):
    for template in GreetingTemplate.objects.filter(channel=Channel.SMS):
        assert len(PLACEHOLDER.sub("", template.body)) <= 120, template
