"""Reading a page's query string: numbers given as text, the filters chosen, and the query to repeat in its links."""

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import QueryDict
from django.shortcuts import get_object_or_404

Chosen = TypeVar("Chosen", bound=Model)


def number(value: str | None) -> int | None:
    """The whole number `value` spells, else None: a non-number then matches nothing (a 404 or no filter, never a 500).

    isdecimal, not isdigit: int() refuses digits such as "²".
    """
    return int(value) if value and value.isdecimal() else None


def query_without(params: QueryDict, name: str) -> str:
    """The query string of `params` without `name` (a page's links add their own page, or format)."""
    query = params.copy()
    query.pop(name, None)
    return query.urlencode()


def chosen(choices: QuerySet[Chosen], params: QueryDict, name: str) -> Chosen | None:
    """The one of `choices` the parameter `name` names by its key; None when it is empty, a 404 when it names none of them."""
    return get_object_or_404(choices, pk=number(params[name])) if params.get(name) else None
