"""Benchmark: latency and errors of the salespeople's pages under load, served by gunicorn on SQLite or PostgreSQL.

Builds the demo company (`clientela demo --no-serve`) in a new database — or reuses one with
`--database` — starts `clientela serve` on 127.0.0.1 on a free port, and runs locust headless in this
process (FastHttpUser: geventhttpclient costs a fraction of the CPU of requests, and the load generator shares
the machine with the server): `--users` simulated salespeople (the demo's sales1…sales8, in turn) log in and then, with a
think time of 1–3 s, open their agenda, the customer list with a filter, the file of one of their own
customers, the home page and the dashboards; with a token they read `/api/v1/customers` and
`/api/v1/customers/{id}` when the server has the API (`/api/v1/openapi.json` answers 200). The run
measures once every user has logged in (the log-ins, a slow password hash each, are reported apart)
and stops after `--seconds` or `--max-requests` requests, whichever comes first. The baseline,
measured in the same run, is the login page and a static file: no query, the cost of the server itself.

Prints p50/p95/p99 latency per page with its ratio to the baseline's p95, requests/s, the error rate
(a page counts as an error when it does not answer 200 or sends back to the login page), the
server's CPU time per request (and a local PostgreSQL server's) and the machine's load average. Target: p95 < 300 ms and no error.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/load.py [--users 50] [--seconds 60] [--max-requests 20000] [--workers N] [--threads 1]
    .venv/bin/python benchmarks/load.py --database /tmp/demo.db      # reuse a demo database (SQLite file)
    .venv/bin/python benchmarks/load.py --postgres                   # on a PostgreSQL server started for the run
"""

# locust patches the standard library for gevent: it is imported before anything else.
from locust import FastHttpUser, between
from locust.env import Environment

import argparse
import itertools
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import gevent

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the PostgreSQL server the tests start (tests/support/postgres.py)

from clientela.demo.company import TEAMS  # noqa: E402
from clientela.ops.server import default_workers  # noqa: E402
from tests.support.postgres import postgres_server  # noqa: E402

CLIENTELA = Path(sys.executable).parent / "clientela"
PASSWORD = "demo"  # clientela.demo.build.DEMO_PASSWORD (that module needs Django started)
SALESPEOPLE = [name for _team, _supervisor, members in TEAMS for name in members]
FILTERS = ("?status=active", "?status=inactive", "?q=bar", "?status=active&page=2")
BASELINE = ("login page", "static file")
TARGET_P95_MS = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=2, help="users started per second")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, help="gunicorn worker processes (default: the server's, 2 per core + 1)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    parser.add_argument("--database", help="reuse this demo database: a SQLite file or a postgres:// URL")
    parser.add_argument("--postgres", action="store_true", help="build the demo on a PostgreSQL server started for the run")
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(tempfile.mkdtemp(prefix="clientela-load-"))
        url = database_url(args, folder, stack)
        environment = {**os.environ, "DATABASE_URL": url}
        if not args.database:
            started = time.perf_counter()
            built = subprocess.run([CLIENTELA, "demo", "--no-serve"], env=environment, cwd=folder, capture_output=True, text=True, check=False)
            if built.returncode != 0:
                sys.exit(f"clientela demo failed:\n{built.stderr}")
            reuse = f"; reuse it with --database {url.removeprefix('sqlite:///')}" if url.startswith("sqlite") else ""
            print(f"demo built in {time.perf_counter() - started:.0f} s{reuse}")
        served = stack.enter_context(server(environment, folder, args.workers, args.threads))
        tokens = api_tokens(served.url, environment, folder)
        environment_name = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        print(f"{args.users} users for {args.seconds} s (at most {args.max_requests:,} requests), gunicorn {served.workers} workers × {args.threads} threads, {environment_name}")
        run_locust(served, user_class(tokens), args)


def database_url(args: argparse.Namespace, folder: Path, stack: ExitStack) -> str:
    """The database to serve: the one given, a fresh PostgreSQL server's, or a new SQLite file."""
    if args.database:
        return args.database if "://" in args.database else f"sqlite:///{Path(args.database).resolve()}"
    if args.postgres:
        # Its own folder: the server runs as the postgres user, who may not enter `folder`.
        return stack.enter_context(postgres_server(Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="clientela-load-pg-")))))
    return f"sqlite:///{folder / 'demo.db'}"


class server:
    """`clientela serve` on a free port of 127.0.0.1, its log in `folder`, as a context."""

    def __init__(self, environment: dict[str, str], folder: Path, workers: int | None, threads: int) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.workers = workers or default_workers()
        self.command = [CLIENTELA, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers), "--threads", str(threads)]
        self.environment, self.log = environment, folder / "server.log"

    def __enter__(self) -> "server":
        self.process = subprocess.Popen(self.command, env=self.environment, cwd=self.log.parent, stdout=self.log.open("w"), stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(120):
            if self.process.poll() is not None:
                sys.exit(f"the server stopped; see {self.log}")
            try:
                urllib.request.urlopen(f"{self.url}/login/", timeout=5)
                return self
            except OSError:
                time.sleep(0.5)
        sys.exit(f"the server did not answer in 60 s; see {self.log}")

    def cpu_seconds(self) -> float:
        """CPU time used so far by gunicorn's master and its live workers."""
        return sum(utime + stime for pid, _name, parent, (utime, stime, _c, _d) in processes() if self.process.pid in (pid, parent))

    def __exit__(self, *_exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # requests still queued on a busy machine: gunicorn's graceful stop waits for them
            self.process.kill()
            self.process.wait()


def processes() -> Iterator[tuple[int, str, int, tuple[float, ...]]]:
    """(pid, name, parent pid, (user, system, ended children's user, system) CPU seconds) of every process (Linux's /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # a process that ended meanwhile
        fields = text.rsplit(")", 1)[1].split()  # from the 3rd field on: state, ppid, …, utime (14th), stime, cutime, cstime
        yield int(stat.parent.name), text[text.index("(") + 1 : text.rindex(")")], int(fields[1]), tuple(int(value) / tick for value in fields[11:15])


def postgres_cpu_seconds() -> float:
    """CPU time used so far by the PostgreSQL servers of this machine, with their ended back-ends' (0 when there is none)."""
    return sum(sum(times) for _pid, name, _parent, times in processes() if name.startswith("postgres"))


def api_tokens(host: str, environment: dict[str, str], folder: Path) -> dict[str, str]:
    """A token per salesperson (`clientela token create`) when the server has the API; none otherwise."""
    try:
        urllib.request.urlopen(f"{host}/api/v1/openapi.json", timeout=10)
    except OSError as error:
        print(f"note: the API reads are skipped: /api/v1/openapi.json does not answer 200 ({error})")
        return {}
    tokens = {}
    for name in SALESPEOPLE:
        created = subprocess.run(
            [CLIENTELA, "token", "create", name, "--name", "load benchmark"], env=environment, cwd=folder, capture_output=True, text=True, check=True
        )
        # The key is the longest word printed: the command shows it once, with a sentence around it.
        words = created.stdout.split()
        if not words:
            print(f"note: the API reads are skipped: 'clientela token create {name}' printed no key")
            return {}
        tokens[name] = max(words, key=len)
    return tokens


def user_class(tokens: dict[str, str]) -> type[FastHttpUser]:
    """A salesperson who logs in, then opens pages (and reads the API when `tokens` has keys)."""
    names = itertools.cycle(SALESPEOPLE)

    class Salesperson(FastHttpUser):
        wait_time = between(1, 3)
        # A new connection per request: gunicorn closes idle connections after 2 s (its keep-alive), and a
        # request sent on one being closed is reset; browsers then retry, the benchmark's client does not.
        default_headers = {"Connection": "close"}

        def on_start(self) -> None:
            self.username = next(names)
            form = self.client.get("/login/", name="login page").text
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
            credentials = {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": csrf}
            # Redirects are not followed (the client would not say where it landed): a log-in answers 302 to the home page.
            with self.client.post("/login/", credentials, name="log in", catch_response=True, allow_redirects=False) as response:
                if response.status_code != 302 or "/login/" in response.headers.get("Location", "/login/"):
                    response.failure(f"{self.username} could not log in")
            listing = self.page("/customers/", "customer list")
            self.customers = sorted(set(re.findall(r'href="/customers/(\d+)/"', listing))) or ["0"]
            self.headers = {"Authorization": f"Bearer {tokens.get(self.username, '')}"}
            if tokens:
                self.api_customers = [str(item["id"]) for item in self.api("/api/v1/customers", "api customers")] or ["0"]

        def page(self, path: str, name: str) -> str:
            with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as response:
                if response.status_code != 200:  # a page sending back to the log-in answers 302
                    response.failure(f"{response.status_code} at {path} (to {response.headers.get('Location')}): {(response.text or '')[:200]}")
                return response.text

        def api(self, path: str, name: str) -> list[dict]:
            with self.client.get(path, name=name, headers=self.headers, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"{response.status_code}: {response.text[:200]}")
                    return []
                body = response.json()
                return body["items"] if "items" in body else [body]  # a page of customers, or one customer

        def agenda(self) -> None:
            self.page("/agenda/", "agenda")

        def customer_list(self) -> None:
            self.page(f"/customers/{random.choice(FILTERS)}", "customer list (filtered)")

        def customer_file(self) -> None:
            self.page(f"/customers/{random.choice(self.customers)}/", "customer file")

        def home(self) -> None:
            self.page("/", "home")

        def dashboards(self) -> None:
            self.page("/dashboards/", "dashboards")

        def login_page(self) -> None:
            self.fetch("/login/", "login page")

        def static_file(self) -> None:
            self.fetch("/static/web/clientela.css", "static file")

        def fetch(self, path: str, name: str) -> None:
            with self.client.get(path, name=name, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"{response.status_code}: {response.error}")

        def api_list(self) -> None:
            self.api("/api/v1/customers?limit=25", "api customers")

        def api_detail(self) -> None:
            self.api(f"/api/v1/customers/{random.choice(self.api_customers)}", "api customer")

        tasks = {agenda: 3, customer_list: 3, customer_file: 4, home: 1, dashboards: 1, login_page: 1, static_file: 1}
        if tokens:
            tasks |= {api_list: 2, api_detail: 2}

    return Salesperson


def run_locust(served: server, user: type[FastHttpUser], args: argparse.Namespace) -> None:
    """Start the users; once all have logged in, run until the time is up or the request budget is spent; report.

    The log-ins (a deliberately slow password hash each) are reported on their own, then the figures start afresh.
    The report is printed before the users stop: the requests cut short by the stop are not counted.
    """
    environment = Environment(user_classes=[user], host=served.url)
    runner = environment.create_local_runner()
    runner.start(args.users, spawn_rate=args.spawn_rate)
    started = time.monotonic()
    while logged_in(environment.stats) < args.users and time.monotonic() - started < args.users / args.spawn_rate + 120:
        gevent.sleep(0.2)
    ramp = environment.stats.get("log in", "POST")
    print(
        f"{args.users} users logged in in {time.monotonic() - started:.0f} s: log-in p50 {ramp.get_response_time_percentile(0.5):.0f} ms, "
        f"p95 {ramp.get_response_time_percentile(0.95):.0f} ms, {ramp.num_failures} failed"
    )
    environment.stats.reset_all()
    started, server_cpu, own_cpu, database_cpu = time.monotonic(), served.cpu_seconds(), time.process_time(), postgres_cpu_seconds()
    while time.monotonic() - started < args.seconds and environment.stats.total.num_requests < args.max_requests:
        gevent.sleep(0.2)
    elapsed = time.monotonic() - started
    report(environment.stats, elapsed, runner.exceptions)
    requests = max(environment.stats.total.num_requests, 1)
    print(
        f"server CPU {(served.cpu_seconds() - server_cpu) / requests * 1000:.0f} ms per request, {(served.cpu_seconds() - server_cpu) / elapsed:.2f} cores "
        f"on average; load generator {(time.process_time() - own_cpu) / elapsed:.2f} cores; machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    if database_cpu := postgres_cpu_seconds() - database_cpu:
        print(f"PostgreSQL on this machine: {database_cpu / requests * 1000:.0f} ms of CPU per request, {database_cpu / elapsed:.2f} cores on average")
    runner.quit()


def logged_in(stats: object) -> int:
    """How many log-ins have answered (on_start then opens the customer list: that counts as done)."""
    return stats.get("customer list", "GET").num_requests


def report(stats: object, elapsed: float, exceptions: dict) -> None:
    """Print the latency of each page, the rate and the errors, against the baseline."""
    entries = sorted((entry for entry in stats.entries.values() if entry.num_requests), key=lambda entry: (entry.name in BASELINE, entry.name))
    baseline = max(stats.entries[(name, "GET")].get_response_time_percentile(0.95) for name in BASELINE)
    print(f"\n{'page':28} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'p95 / baseline':>15}")
    for entry in entries:
        p50, p95, p99 = (entry.get_response_time_percentile(q) for q in (0.5, 0.95, 0.99))
        print(f"{entry.name:28} {entry.num_requests:8,} {entry.num_failures:6} {p50:7.0f} {p95:7.0f} {p99:7.0f} {p95 / max(baseline, 1):15.1f}")
    total = stats.total
    print(f"\n{total.num_requests:,} requests in {elapsed:.0f} s: {total.num_requests / elapsed:.1f} requests/s, error rate {total.num_failures / max(total.num_requests, 1):.2%}")
    for error in stats.errors.values():
        print(f"  error: {error.method} {error.name}: {error.error} ({error.occurrences}×)")
    for failure in exceptions.values():  # a task that broke (e.g. on an unexpected answer)
        print(f"  exception in a task: {failure['msg']} ({failure['count']}×)\n{failure['traceback']}")
    pages = [entry for entry in entries if entry.name not in BASELINE]
    slow = [entry.name for entry in pages if entry.get_response_time_percentile(0.95) >= TARGET_P95_MS]
    met = not slow and total.num_failures == 0 and not exceptions
    print(f"target p95 < {TARGET_P95_MS} ms on every page and no error: {'met' if met else 'NOT met'}" + (f" (slow: {', '.join(slow)})" if slow else ""))


if __name__ == "__main__":
    main()
