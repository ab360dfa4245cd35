"""Greeting text with {placeholders}: checked when a template is saved, filled in when it is sent."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    from clientela.greetings.models import GreetingTemplate

PLACEHOLDERS = ("contact_name", "customer_name", "salesperson_name", "occasion", "date", "years")
# A word without spaces between braces is a placeholder; nothing is evaluated (no attribute or index access).
PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")


def placeholders_check(text: str) -> None:
    """Raise ValidationError naming every placeholder of `text` that is not one of PLACEHOLDERS."""
    unknown = [name for name in dict.fromkeys(PLACEHOLDER.findall(text)) if name not in PLACEHOLDERS]
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        raise ValidationError(f"Unknown placeholder {names}; use {known}.")


@dataclass(frozen=True)
class RenderedGreeting:
    subject: str
    body: str


def text_render(text: str, context: Mapping[str, object]) -> str:
    """Replace each {placeholder} by its value in `context`; a missing or None value renders empty."""

    def value(match: re.Match[str]) -> str:
        found = context.get(match[1])
        return "" if found is None else str(found)

    return PLACEHOLDER.sub(value, text)


def greeting_render(template: "GreetingTemplate", context: Mapping[str, object]) -> RenderedGreeting:
    """The subject and body of `template` filled in with `context` (keys from PLACEHOLDERS)."""
    return RenderedGreeting(subject=text_render(template.subject, context), body=text_render(template.body, context))
