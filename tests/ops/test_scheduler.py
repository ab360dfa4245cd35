"""The daily job thread: runs its command now and after each interval, logs failures and keeps going."""

import logging
import sys
import threading
import time

from clientela.ops.scheduler import run_daily

DEADLINE = 30  # seconds; each round takes a fraction of one


def wait_for(condition) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, "the daily job did not run in time"
        time.sleep(0.05)


def daily_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "clientela-daily"]


def test_the_command_runs_now_and_again_after_the_interval_in_a_daemon_thread(tmp_path):
    runs = tmp_path / "runs.txt"
    stop = run_daily([sys.executable, "-c", f"open({str(runs)!r}, 'a').write('run\\n')"], interval=0.1)
    try:
        assert [thread.daemon for thread in daily_threads()] == [True]
        wait_for(lambda: runs.exists() and runs.read_text().count("run") >= 2)
    finally:
        stop()
    assert daily_threads() == []


def test_a_command_that_cannot_run_is_logged_and_tried_again(tmp_path, caplog):
    caplog.set_level(logging.ERROR, logger="clientela.ops.scheduler")
    missing = tmp_path / "missing-command"
    stop = run_daily([str(missing)], interval=0.1)
    try:
        wait_for(lambda: len(caplog.records) >= 2)
    finally:
        stop()
    assert caplog.records[0].getMessage() == f"{missing} could not run"
    assert "FileNotFoundError" in caplog.text
