"""Shared test configuration. Fixtures live in fixture modules per domain (tests/fixtures/)."""

import pytest

pytest_plugins = ["tests.fixtures.people", "tests.fixtures.files", "tests.fixtures.engines", "tests.fixtures.server", "tests.fixtures.smtp", "tests.fixtures.followup"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """Keep the SQLite test database in a file, as in production (backups need a real file)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Fixture users need passwords; hash them cheaply in tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
