"""Benchmark: server time and queries of every main page at 100,000 customers and 5 M transactions.

Reuses the dataset of benchmarks/dashboards.py (its generator, its options and its `--data-dir`
reuse: a kept database is only migrated), then renders with Django's test client, as a salesperson,
a supervisor and an admin: the home page, the customer list (plain, filtered by region and
status, searched, and a deep page), the customer file of an ordinary and of the busiest customer
the user sees (and the busiest one's credit warning, loaded after the file when its ledger must be
allocated), the scheme settings (list, one scheme, the class preview before saving, from the metrics
the latest snapshot stored; recomputed from the transactions, which starts a run in the background:
that request, the poll of the run while it computes, and how long the run took), the groups,
the users and teams, the team's follow-up compliance and every dashboard. Prints, for each page and
user, the median server time of `--repeat` requests after a warm-up, the CPU time of this process
and the number of SQL queries, with the ratio to the plain customer list of the same user (the
baseline) and the goal of < 200 ms. Pages a role may not open (403) show "refused".

    .venv/bin/python benchmarks/pages.py --customers 5000 --transactions 250000    # a quick run
    .venv/bin/python benchmarks/pages.py --data-dir benchmarks/.data                # 100,000 × 5,000,000, kept for the next run
"""

import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpResponse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.web.test_scheme_settings.post_data: what the browser sends for a scheme's form
sys.path.insert(0, str(ROOT / "benchmarks"))

from dashboards import GOAL_MS, PAGES as DASHBOARDS, USERS, arguments, dataset  # noqa: E402

BASELINE = "customer list (baseline)"
RECOMPUTED = "scheme abc preview, recomputed (starts it)"
POLLED = "its poll while it runs"
Timing = tuple[float, float, int] | None  # wall ms, CPU ms, queries; None when refused


def pages(username: str) -> dict[str, tuple[str, dict[str, str] | None]]:
    """Title → (path, POST data or None for a GET) of every main page, for one user's own customers."""
    from django.db.models import Count

    from clientela.crm.models import Customer, Region, Transaction, User
    from clientela.crm.selectors.customers import customers_visible_to
    from clientela.segmentation.models import Scheme, Snapshot
    from clientela.web.forms.schemes import scheme_form_class, scheme_initial
    from clientela.web.views.portfolio import PAGE_SIZE
    from tests.web.test_scheme_settings import post_data

    visible = customers_visible_to(User.objects.get(username=username))
    ordinary = visible.order_by("pk")[visible.count() // 2]
    busiest = Transaction.objects.filter(customer__in=visible).values("customer").annotate(lines=Count("pk")).order_by("-lines").first()["customer"]
    region = Region.objects.order_by("pk").first().pk
    scheme = Scheme.objects.get(name="abc")
    as_of = Snapshot.objects.filter(scheme=scheme).order_by("-as_of").values_list("as_of", flat=True).first()
    preview = post_data(scheme_form_class(scheme.kind), scheme_initial(scheme.definition, scheme.active), as_of=as_of.isoformat())
    middle = max(visible.count() // PAGE_SIZE // 2, 1)
    return {
        "home": ("/", None),
        BASELINE: ("/customers/", None),
        "customer list, region + status": (f"/customers/?region={region}&status={Customer.Status.ACTIVE}", None),
        "customer list, search": (f"/customers/?q={ordinary.name.split()[-1]}", None),
        "customer list, search (many)": ("/customers/?q=Customer 00", None),
        "customer list, middle page": (f"/customers/?page={middle}", None),
        "customer file": (f"/customers/{ordinary.pk}/", None),
        "customer file, busiest": (f"/customers/{busiest}/", None),
        "its credit warning (loaded after)": (f"/customers/{busiest}/credit-warning/", None),
        "scheme settings": ("/settings/schemes/", None),
        "scheme abc": ("/settings/schemes/abc/", None),
        "scheme abc preview": ("/settings/schemes/abc/preview/", preview),
        RECOMPUTED: ("/settings/schemes/abc/preview/", {**preview, "recompute": "1"}),
        "groups": ("/settings/groups/", None),
        "users and teams": ("/settings/users/", None),
        "follow-up compliance": ("/followup/compliance/", None),
        **{title: (path, None) for title, path in DASHBOARDS.items() if title != BASELINE},
    }


def server_times(username: str, repeat: int) -> dict[str, Timing]:
    """The median wall and CPU milliseconds and the queries of each page for one user, after a warm-up request."""
    from django.test import Client

    from clientela.crm.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    times: dict[str, Timing] = {}
    for title, (path, data) in pages(username).items():
        request = (lambda: client.post(path, data)) if data is not None else (lambda: client.get(path))
        status, times[title] = timed(request, repeat)
        if status == 403:
            if title == RECOMPUTED:
                times[POLLED] = None
            continue
        assert status == 200, f"{path} as {username}: {status}"
        print(f"  {username:12} {title:32} {times[title][0]:7.0f} ms {times[title][2]:4} queries", flush=True)
        if title == RECOMPUTED:
            times[POLLED] = polled_run(client, repeat, username)
    return times


def timed(request: Callable[[], "HttpResponse"], repeat: int) -> tuple[int, Timing]:
    """The status of a warm-up request, and unless it is 403 the median wall and CPU ms of `repeat` more and the warm-up's queries."""
    from django.db import connection

    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        status = request().status_code
    if status == 403:
        return status, None
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        request()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return status, (statistics.median(walls), statistics.median(cpus), len(queries))


def polled_run(client, repeat: int, username: str) -> Timing:
    """Time the poll of the preview run the recompute started (while it computes), then wait for the run and say how long it took."""
    from django.urls import reverse

    from clientela.segmentation.models import PreviewRun

    run = PreviewRun.objects.filter(requested_by__username=username).latest("pk")
    status, timing = timed(lambda: client.get(reverse("web:scheme_preview_run", args=[run.pk])), repeat)
    assert status == 200, f"the preview run's poll as {username}: {status}"
    while run.finished_at is None:  # the next pages are timed without the run reading beside them
        time.sleep(0.2)
        run.refresh_from_db()
    outcome = f"{sum(run.counts.values()):,} customers classified" if run.counts else f"failed: {run.error}"
    print(f"  {username:12} {'its run in the background':32} {(run.finished_at - run.started_at).total_seconds() * 1000:7.0f} ms ({outcome})", flush=True)
    return timing


def report(columns: dict[str, dict[str, Timing]]) -> None:
    titles = list(next(iter(columns.values())))
    print(f"\n{'wall ms (CPU ms) queries, ratio':34}" + "".join(f"{name:>34}" for name in columns))
    for title in titles:
        cells = []
        for times in columns.values():
            timing = times[title]
            if timing is None:
                cells.append("refused")
                continue
            wall, cpu, queries = timing
            ratio = "" if title == BASELINE else f"{wall / times[BASELINE][0]:.1f}×"
            cells.append(f"{wall:.0f} ({cpu:.0f}) {queries:>3}q {ratio:>5}{' MISSED' if wall >= GOAL_MS else ''}")
        print(f"{title[:33]:34}" + "".join(f"{cell:>34}" for cell in cells))
    walls = [(timing[0], title) for times in columns.values() for title, timing in times.items() if timing is not None]
    worst, title = max(walls)
    print(
        f"\nslowest page: {title}, {worst:.0f} ms wall (goal < {GOAL_MS} ms: {'met' if worst < GOAL_MS else 'MISSED'});"
        " medians of the server time (the CPU time of this process in brackets; the rest is waiting, mostly for other processes"
        " on the machine), queries of one request; ratios are to the plain customer list of the same user"
    )


def main() -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    with dataset(args):
        logging.getLogger("django.request").setLevel(logging.ERROR)  # no warning with a traceback for each refusal
        report({f"{role} ({username})": server_times(username, args.repeat) for role, username in USERS})
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
