"""The address of the browser behind a request, also when the server sits behind reverse proxies."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or with TRUSTED_PROXIES = n proxies in front the address the outermost one saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the n-th
    entry from the right is the browser's; the entries left of it may be forged by the client and
    are ignored. A request with fewer entries did not come through the proxies: REMOTE_ADDR.
    """
    proxies = settings.TRUSTED_PROXIES
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if proxies and len(hops) >= proxies:
        return hops[-proxies]
    return request.META.get("REMOTE_ADDR")
