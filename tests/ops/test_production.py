"""Production settings: HTTPS-only cookies and headers, Django's deploy checks, and refusing development settings."""

import os
import runpy
import subprocess
import sys
from types import SimpleNamespace

import pytest

import clientela.settings
from clientela.ops.production import production_refusal

STRONG_KEY = "k3y-" + "x7Qp" * 15
PRODUCTION_ENVIRONMENT = {"PRODUCTION": "1", "SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "crm.example.com"}
# Accepted: HSTS preloading is a commitment to the browsers' preload list that each site makes itself.
ACCEPTED_DEPLOY_WARNINGS = {"security.W021"}
SECURITY_VARIABLES = {"PRODUCTION", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER"}


def _environment(**variables: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in SECURITY_VARIABLES}
    return clean | {"DJANGO_SETTINGS_MODULE": "clientela.settings"} | variables


def _settings(monkeypatch, **variables: str) -> dict:
    for name, value in _environment(**variables).items():
        monkeypatch.setenv(name, value)
    for name in SECURITY_VARIABLES - variables.keys():
        monkeypatch.delenv(name, raising=False)
    return runpy.run_path(clientela.settings.__file__)


def test_production_turns_on_secure_cookies_and_headers(monkeypatch):
    production = _settings(monkeypatch, **PRODUCTION_ENVIRONMENT)
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"] and production["SECURE_SSL_REDIRECT"]
    assert production["SECURE_HSTS_SECONDS"] == 31_536_000 and production["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert production["SESSION_COOKIE_HTTPONLY"] and production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] and production["SECURE_REFERRER_POLICY"] == "same-origin"
    assert production["X_FRAME_OPTIONS"] == "DENY" and production["ALLOWED_HOSTS"] == ["crm.example.com"]
    development = _settings(monkeypatch)
    assert "SESSION_COOKIE_SECURE" not in development and "SECURE_SSL_REDIRECT" not in development
    assert development["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]


def test_behind_a_tls_terminating_proxy(monkeypatch):
    proxied = _settings(monkeypatch, **PRODUCTION_ENVIRONMENT, SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO", SECURE_SSL_REDIRECT="0")
    assert proxied["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https") and not proxied["SECURE_SSL_REDIRECT"]
    assert "SECURE_PROXY_SSL_HEADER" not in _settings(monkeypatch, **PRODUCTION_ENVIRONMENT)


def test_django_deploy_checks_pass_with_production_settings(tmp_path):
    checked = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "ERROR"],
        env=_environment(**PRODUCTION_ENVIRONMENT, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3"),
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert checked.returncode == 0, checked.stderr
    output = checked.stdout + checked.stderr
    reported = {word.strip("():") for word in output.split() if word.startswith("(") and "." in word}
    assert reported == ACCEPTED_DEPLOY_WARNINGS, output


@pytest.mark.parametrize(
    ("variables", "reason"),
    [
        ({"ALLOWED_HOSTS": "crm.example.com"}, "SECRET_KEY is the development default"),
        ({"SECRET_KEY": "short-secret", "ALLOWED_HOSTS": "crm.example.com"}, "SECRET_KEY has 12 characters (it needs at least 50)"),
        ({"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "crm.example.com", "DEBUG": "1"}, "DEBUG is on"),
        ({"SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS is not set"),
    ],
)
def test_serve_production_refuses_development_settings_in_one_line(tmp_path, variables, reason):
    database = tmp_path / "db.sqlite3"
    refused = subprocess.run(
        [sys.executable, "-m", "clientela", "serve", "--production", "--port", "8999"],
        env=_environment(**variables, DATABASE_URL=f"sqlite:///{database}", COLUMNS="400"),
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert refused.returncode == 2
    [line] = refused.stderr.strip().splitlines()
    assert line.startswith("error: not serving in production: ") and reason in line
    assert not database.exists()  # refused before touching the database


def test_production_environment_variable_alone_also_refuses(tmp_path):
    refused = subprocess.run(
        [sys.executable, "-m", "clientela", "serve"], env=_environment(PRODUCTION="1", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3"),
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert refused.returncode == 2 and "SECRET_KEY is the development default" in refused.stderr


def test_refusal_names_every_problem_and_none_for_sound_settings():
    sound = SimpleNamespace(SECRET_KEY=STRONG_KEY, DEVELOPMENT_SECRET_KEY="dev", DEBUG=False, ALLOWED_HOSTS=["crm.example.com"])
    assert production_refusal(sound) is None
    unsound = SimpleNamespace(SECRET_KEY="dev", DEVELOPMENT_SECRET_KEY="dev", DEBUG=True, ALLOWED_HOSTS=[])
    assert production_refusal(unsound) == (
        "SECRET_KEY is the development default (set a random one of at least 50 characters); DEBUG is on (unset it); "
        "ALLOWED_HOSTS is not set (set it to the server's host names, e.g. ALLOWED_HOSTS=crm.example.com)"
    )
