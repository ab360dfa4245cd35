"""Serve the web application with gunicorn."""

import sys
from typing import Any

from gunicorn.app.base import BaseApplication

from clientela.ops.scheduler import run_daily

# Run when the server is ready and then daily: pipeline stages, due monthly segmentations, fresh plans (README "Monthly segmentation").
DAILY = (sys.executable, "-m", "clientela", "daily")


class ClientelaServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn running the Django WSGI application with the given options."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from clientela.wsgi import application

        return application


def start_daily_jobs(arbiter: Any) -> None:
    """gunicorn's `when_ready` hook: start the daily jobs in the master process."""
    run_daily(DAILY)


def serve(*, host: str, port: int, workers: int, threads: int = 4) -> None:
    """Run gunicorn in the foreground until interrupted."""
    ClientelaServer(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "accesslog": "-",
            "timeout": 120,
            "preload_app": True,
            # One control socket per user would be shared by every server on the machine.
            "control_socket_disable": True,
            "when_ready": start_daily_jobs,
        }
    ).run()
