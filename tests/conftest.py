"""Shared test configuration. Fixtures live in fixture modules per domain (tests/fixtures/)."""

pytest_plugins = ["tests.fixtures.people", "tests.fixtures.files"]
