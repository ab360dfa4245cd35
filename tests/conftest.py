"""Shared test configuration. Fixtures live in fixture modules per domain (tests/fixtures/)."""

import pytest
from django.apps import apps
from django.db.models.signals import post_migrate
from django.utils import translation

from tests.support.data_migrations import data_migrations_rerun

pytest_plugins = ["tests.fixtures.people", "tests.fixtures.files", "tests.fixtures.engines", "tests.fixtures.server", "tests.fixtures.smtp", "tests.fixtures.followup"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """Each parallel worker its own test database (pytest-django's suffix); SQLite's in a file, as in production (backups need a real file)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")


def _defaults_again(**_) -> None:
    data_migrations_rerun()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The test database; after it is created, every flush (at the end of a transactional test, or by a fixture)
    writes the data migrations' defaults again, so no test depends on running before or after the flushing ones
    (pytest-django runs those last, but a parallel worker runs a module's tests together)."""
    last_app = list(apps.get_app_configs())[-1]  # Django's own handlers (content types, permissions) have run by then
    post_migrate.connect(_defaults_again, sender=last_app, dispatch_uid="defaults-after-flush")
    yield
    post_migrate.disconnect(sender=last_app, dispatch_uid="defaults-after-flush")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Fixture users need passwords; hash them cheaply in tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in a user's language leaves it active in the thread
    (LocaleMiddleware and the user's language activate it for the request and never deactivate it)."""
    translation.deactivate()
