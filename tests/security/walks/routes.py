"""Every URL pattern of the app, and a real URL for each one, so a new page is checked without being listed."""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The admin has its own tests (Django's); the REST API authenticates by token, not by session and
# CSRF, and tests/api checks its access rules and fuzzes it; the feed is read by calendar programs
# with a secret token.
SKIPPED_PREFIXES = ("admin/", "api/")
SKIPPED_NAMES = {"followup:calendar"}


@dataclass(frozen=True)
class Route:
    """One URL pattern: its route text, full name and the names of its parameters."""

    route: str
    name: str
    parameters: tuple[str, ...]

    @property
    def customer_scoped(self) -> bool:
        return "customers/<int:pk>" in self.route

    def url(self, values: Mapping[str, object]) -> str:
        """The URL with each parameter taken from `values` (``pk`` by what the route is about)."""
        kwargs = {name: values[self._key(name)] for name in self.parameters}
        return reverse(self.name, kwargs=kwargs)

    def _key(self, parameter: str) -> str:
        if parameter == "name" and "schemes/" in self.route:
            return "scheme"
        if parameter != "pk":
            return parameter
        for word in ("customers", "visits", "groups", "users", "teams", "api-tokens", "previews"):
            if f"{word}/<int:pk>" in self.route:
                return word
        raise KeyError(f"no sample value for pk in {self.route}")


def routes() -> list[Route]:
    """Every named URL pattern of the app outside the admin."""
    return [route for route in _walk(get_resolver().url_patterns, "", None) if not route.route.startswith(SKIPPED_PREFIXES) and route.name not in SKIPPED_NAMES]


def _walk(patterns: list, prefix: str, namespace: str | None) -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield Route(prefix + str(pattern.pattern), name, tuple(pattern.pattern.converters))
