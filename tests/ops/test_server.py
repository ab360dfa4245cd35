"""`clientela serve` wiring: gunicorn's master starts the daily segmentation check when ready."""

import sys

from clientela.ops import server


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
