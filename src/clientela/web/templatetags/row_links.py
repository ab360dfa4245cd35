"""Links repeated on every row of a long list (the agenda has one or two per planned contact)."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@register.simple_tag
def row_url(name: str, pk: int) -> str:
    """`{% url name pk %}`, remembered: resolving a URL name costs about 40 µs of CPU, a few hundred make a page slow."""
    return _reverse(get_script_prefix(), name, pk)


@lru_cache(maxsize=16_384)
def _reverse(script_prefix: str, name: str, pk: int) -> str:
    # The prefix is part of the key: `reverse` puts the current one in front of the path.
    return reverse(name, args=[pk])
