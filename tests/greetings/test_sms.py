"""SMS gateways: the logging default and the HTTP adapter against a real HTTP server on 127.0.0.1."""

import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured

from clientela.greetings.sms import HttpSmsGateway, LoggingSmsGateway, SmsResult, sms_gateway
from tests.fixtures.server import free_port


@dataclass
class SmsProvider:
    """A fake provider's HTTP endpoint: records requests and answers with `status`."""

    url: str
    status: int = 202
    requests: list[dict] = field(default_factory=list)


@pytest.fixture
def sms_provider() -> Iterator[SmsProvider]:
    provider = SmsProvider(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            provider.requests.append(
                {"path": self.path, "authorization": self.headers["Authorization"], "type": self.headers["Content-Type"], "json": json.loads(body)}
            )
            self.send_response(provider.status)
            self.end_headers()
            self.wfile.write(b"quota exceeded" if provider.status >= 400 else b"{}")

        def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    provider.url = f"http://127.0.0.1:{server.server_address[1]}/messages"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield provider
    server.shutdown()
    server.server_close()
    thread.join()


def test_the_http_gateway_posts_json_with_a_bearer_token(sms_provider):
    result = HttpSmsGateway(url=sms_provider.url, token="s3cret").send("+34600000001", "¡Feliz cumpleaños!")
    assert result == SmsResult(ok=True, detail="HTTP 202")
    assert sms_provider.requests == [
        {
            "path": "/messages",
            "authorization": "Bearer s3cret",
            "type": "application/json",
            "json": {"to": "+34600000001", "text": "¡Feliz cumpleaños!"},
        }
    ]


def test_a_non_2xx_answer_is_a_failure_with_the_reason(sms_provider):
    sms_provider.status = 429
    result = HttpSmsGateway(url=sms_provider.url, token="t").send("+34600000001", "Hi")
    assert result == SmsResult(ok=False, detail="HTTP 429: quota exceeded")


def test_an_unreachable_gateway_is_a_failure_with_the_reason():
    result = HttpSmsGateway(url=f"http://127.0.0.1:{free_port()}/messages", token="t", timeout=5).send("+34600000001", "Hi")
    assert not result.ok
    assert result.detail.startswith("gateway unreachable: ") and "refused" in result.detail.lower()


def test_the_logging_gateway_logs_and_succeeds(caplog):
    with caplog.at_level(logging.INFO, logger="clientela.greetings.sms"):
        result = LoggingSmsGateway().send("+34600000001", "Happy birthday!")
    assert result.ok
    assert "SMS to +34600000001: Happy birthday!" in caplog.text


def test_the_gateway_is_chosen_by_settings(settings):
    assert isinstance(sms_gateway(), LoggingSmsGateway)
    settings.SMS_GATEWAY, settings.SMS_GATEWAY_URL, settings.SMS_GATEWAY_TOKEN = "http", "http://127.0.0.1:9/sms", "t"
    gateway = sms_gateway()
    assert isinstance(gateway, HttpSmsGateway) and (gateway.url, gateway.token) == ("http://127.0.0.1:9/sms", "t")
    settings.SMS_GATEWAY = "clientela.greetings.sms.LoggingSmsGateway"
    assert isinstance(sms_gateway(), LoggingSmsGateway)


@pytest.mark.parametrize("url", ["", "ftp://sms.example.com/send"])
def test_the_http_gateway_needs_an_http_url(settings, url):
    settings.SMS_GATEWAY, settings.SMS_GATEWAY_URL = "http", url
    with pytest.raises(ImproperlyConfigured, match=r"SMS_GATEWAY=http needs an http\(s\) SMS_GATEWAY_URL"):
        sms_gateway()
