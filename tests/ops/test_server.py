"""`clientela serve`: gunicorn's master starts the daily segmentation check when ready; its workers serve side by side."""

import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from clientela.crm.models import User
from clientela.crm.services.customers import customer_create
from clientela.ops import server
from tests.fixtures.server import database_url, served


def test_the_master_starts_the_daily_segment_check_when_ready(monkeypatch):
    started = []
    monkeypatch.setattr(server.ClientelaServer, "run", lambda self: started.append(self.cfg))
    monkeypatch.setattr(server, "run_daily", lambda command: started.append(command))

    server.serve(host="127.0.0.1", port=8000, workers=1)
    [config] = started
    config.when_ready(None)

    assert started[1] == (sys.executable, "-m", "clientela", "segment", "--due")


def test_by_default_two_single_threaded_workers_per_core_plus_one(monkeypatch):
    configs = []
    monkeypatch.setattr(server.ClientelaServer, "run", lambda self: configs.append(self.cfg))
    monkeypatch.setattr(server.os, "cpu_count", lambda: 2)

    server.serve(host="127.0.0.1", port=8000, workers=server.default_workers())
    [config] = configs

    assert (config.workers, config.threads, config.worker_class_str) == (5, 1, "sync")


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_to_the_workers_all_succeed(tmp_path):
    """Each worker has its own database connection: none shares the one the master opened to check migrations."""
    admin = User.objects.create_user("busy", password="x", role=User.Role.ADMIN)
    customer = customer_create(external_id="C1", name="Shared")
    browser = Client()
    browser.force_login(admin)
    cookie = f"sessionid={browser.cookies['sessionid'].value}"
    with served(database_url(connection.settings_dict), tmp_path) as running:

        def status(path: str) -> int:
            try:
                with urllib.request.urlopen(urllib.request.Request(running.url + path, headers={"Cookie": cookie}), timeout=60) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code

        with ThreadPoolExecutor(max_workers=10) as pool:
            statuses = list(pool.map(status, [f"/customers/{customer.pk}/", "/customers/", "/agenda/", "/api/v1/openapi.json"] * 15))
        log = running.log_text()

    assert statuses == [200] * 60, log
    assert "Traceback" not in log
