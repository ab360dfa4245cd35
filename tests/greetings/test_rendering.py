"""Placeholders: checked when a template is saved, filled in when a greeting is rendered."""

import pytest
from django.core.exceptions import ValidationError

from clientela.greetings.models import GreetingTemplate
from clientela.greetings.rendering import greeting_render, placeholders_check, text_render


def test_greeting_render_fills_subject_and_body():
    template = GreetingTemplate(subject="Happy birthday, {contact_name}!", body="{customer_name}: {years} years. {salesperson_name}")
    greeting = greeting_render(template, {"contact_name": "Lucía", "customer_name": "Bar Sol", "years": 10, "salesperson_name": "Ana"})
    assert (greeting.subject, greeting.body) == ("Happy birthday, Lucía!", "Bar Sol: 10 years. Ana")


def test_missing_and_empty_values_render_empty_but_zero_shows():
    assert text_render("[{contact_name}|{occasion}|{years}]", {"contact_name": None, "years": 0}) == "[||0]"


def test_values_are_inserted_verbatim_and_never_formatted_again():
    assert text_render("Hi {contact_name}", {"contact_name": "{customer_name} {0.__class__}"}) == "Hi {customer_name} {0.__class__}"


def test_known_placeholders_and_plain_braces_pass():
    placeholders_check("{contact_name} {customer_name} {salesperson_name} {occasion} {date} {years} :-{ }")


def test_unknown_placeholders_are_named_once_each():
    with pytest.raises(ValidationError, match=r"Unknown placeholder \{name\}, \{contact_name.__class__\}; use \{contact_name\}"):
        placeholders_check("Dear {name}, {contact_name.__class__} {name}")
