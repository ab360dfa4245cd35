"""The signed-in user's own language, chosen in their settings, wins over the browser's."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation


class UserLanguageMiddleware:
    """Activate the user's language for the request; without one, LocaleMiddleware's choice stays.

    Placed after AuthenticationMiddleware (it needs `request.user`) and after LocaleMiddleware,
    whose response step then announces the language in the Content-Language header.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
