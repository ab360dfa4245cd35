"""Serve the web application with gunicorn."""

import os
import sys
from typing import Any

from gunicorn.app.base import BaseApplication

from clientela.ops.scheduler import run_daily

# Checked when the server is ready and then daily: runs each monthly segmentation once (README "Monthly segmentation").
# The other daily jobs (`clientela daily`: pipeline stages, fresh plans) write a lot and go to cron, off the server.
SEGMENT_DUE = (sys.executable, "-m", "clientela", "segment", "--due")


class ClientelaServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn running the Django WSGI application with the given options."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        """The application, loaded once in the master (`preload_app`), which then forks the workers.

        The master's database connections (opened by the migration check before serving) are closed
        first: a forked worker would otherwise inherit one and share its socket with the others.
        """
        from django.db import connections

        from clientela.wsgi import application

        connections.close_all()
        return application


def default_workers() -> int:
    """gunicorn's recommendation: two worker processes per core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def start_daily_jobs(arbiter: Any) -> None:
    """gunicorn's `when_ready` hook: start the daily jobs in the master process."""
    run_daily(SEGMENT_DUE)


def serve(*, host: str, port: int, workers: int, threads: int = 1) -> None:
    """Run gunicorn in the foreground until interrupted.

    Pages spend their time in Python, which runs one thread at a time per process: processes, not
    threads, share the cores (README, "Benchmarks: load"). More threads help only when requests
    wait on a database server. Single-threaded workers are gunicorn's sync workers, which take a
    connection only when free: with one-thread gthread workers, a browser's request on a kept-alive
    connection once waited 11 s, until its worker stopped, with nothing else being served.
    """
    ClientelaServer(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread" if threads > 1 else "sync",
            "accesslog": "-",
            "timeout": 120,
            "preload_app": True,
            # One control socket per user would be shared by every server on the machine.
            "control_socket_disable": True,
            "when_ready": start_daily_jobs,
        }
    ).run()
