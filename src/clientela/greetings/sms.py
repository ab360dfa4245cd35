"""SMS gateways: one small interface, a logging gateway (the default) and an HTTP adapter."""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SmsResult:
    """Whether the gateway took the message, and why not."""

    ok: bool
    detail: str = ""


class SmsGateway(Protocol):
    def send(self, phone: str, text: str) -> SmsResult:
        """Hand one text message to the gateway; report failures in the result, never raise."""
        ...


class LoggingSmsGateway:
    """Write messages to the log instead of sending them (development and demos)."""

    def send(self, phone: str, text: str) -> SmsResult:
        logger.info("SMS to %s: %s", phone, text)
        return SmsResult(ok=True, detail="logged")


class HttpSmsGateway:
    """POST {"to": phone, "text": text} as JSON to `url` with a bearer token; any 2xx answer is success."""

    def __init__(self, *, url: str, token: str, timeout: float = 10) -> None:
        self.url = url
        self.token = token
        self.timeout = timeout

    def send(self, phone: str, text: str) -> SmsResult:
        request = urllib.request.Request(
            self.url,
            data=json.dumps({"to": phone, "text": text}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            return SmsResult(ok=False, detail=f"HTTP {error.code}: {error.read(200).decode(errors='replace')}")
        except OSError as error:  # refused, unreachable, timed out, bad URL scheme (URLError)
            return SmsResult(ok=False, detail=f"gateway unreachable: {getattr(error, 'reason', error)}")
        if not 200 <= status < 300:
            return SmsResult(ok=False, detail=f"HTTP {status}")
        return SmsResult(ok=True, detail=f"HTTP {status}")


def sms_gateway() -> SmsGateway:
    """The gateway named by settings.SMS_GATEWAY: "logging", "http" or a dotted path to a class built without arguments."""
    choice = settings.SMS_GATEWAY
    if choice == "logging":
        return LoggingSmsGateway()
    if choice == "http":
        if not settings.SMS_GATEWAY_URL.startswith(("http://", "https://")):
            raise ImproperlyConfigured("SMS_GATEWAY=http needs an http(s) SMS_GATEWAY_URL")
        return HttpSmsGateway(url=settings.SMS_GATEWAY_URL, token=settings.SMS_GATEWAY_TOKEN)
    gateway: SmsGateway = import_string(choice)()
    return gateway
