"""A command run now and then every day, from a daemon thread of the server's master process."""

import logging
import subprocess
import threading
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

DAY = 24 * 60 * 60.0


def run_daily(command: Sequence[str], *, interval: float = DAY) -> Callable[[], None]:
    """Run `command` now and then every `interval` seconds in a daemon thread; failures are logged, never raised.

    The command runs in a child process: gunicorn's master forks workers, and a fork must not
    copy a database connection or a lock held by this thread. Its output goes to the server's log,
    where it reports its own failures: gunicorn reaps every child of the master, so the exit
    status seen here can be lost. Returns a function that stops the thread.
    """
    stopping = threading.Event()

    def loop() -> None:
        while not stopping.is_set():
            try:
                subprocess.run(command, stdin=subprocess.DEVNULL, check=False)
            except Exception:
                log.exception("%s could not run", " ".join(command))
            stopping.wait(interval)

    thread = threading.Thread(target=loop, name="clientela-daily", daemon=True)
    thread.start()

    def stop() -> None:
        stopping.set()
        thread.join()

    return stop
