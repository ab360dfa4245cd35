"""Reading a page's query string: numbers given as text, and the query to repeat in its links."""

from django.http import QueryDict


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
