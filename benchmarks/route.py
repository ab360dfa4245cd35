"""Benchmark: a day of 40 visits with time windows, routed by OR-Tools against a nearest-neighbour baseline.

Each instance is seeded: 40 shops within ~6 km of the office (great-circle distances at 30 km/h),
10-minute visits, half of them with a 4-hour window opening between 08:00 and 15:00, a working day
from 07:00 to 21:00. The baseline, measured in the same run on the same instance, is the greedy
route a salesperson would drive: always on to the nearest stop that can still be visited in its
window and leave time to get back, until none is left.

Prints, per instance and in total: the solver's time (goal < 2 s) and the baseline's, the stops
routed and the distance of both, and the ratio of the distance driven per visit (OR-Tools / nearest
neighbour: below 1 is shorter). The greedy route strands visits whose window closed while it was
elsewhere, so it visits fewer stops: compare the stops routed first, then the distance per visit.

    .venv/bin/python benchmarks/route.py [--stops 40] [--instances 5] [--time-limit 1.0]
"""

import argparse
import random
import time

from clientela.planning.routes import Stop, great_circle_matrix, plan_route, travel_minutes

OFFICE = (40.4168, -3.7038)
DAY = (420, 1260)
SPEED = 30.0
GOAL_SECONDS = 2.0


def instance(seed: int, count: int) -> list[Stop]:
    rng = random.Random(seed)
    stops = []
    for key in range(1, count + 1):
        location = (OFFICE[0] + rng.uniform(-0.05, 0.05), OFFICE[1] + rng.uniform(-0.065, 0.065))
        window = None
        if rng.random() < 0.5:
            opens = rng.randrange(480, 900, 15)
            window = (opens, opens + 240)
        stops.append(Stop(key, f"Shop {key}", location, minutes=10, window=window))
    return stops


def nearest_neighbour(stops: list[Stop]) -> tuple[int, int]:
    """(stops visited, metres) of the greedy nearest-feasible-stop route."""
    points = [OFFICE, *(stop.location for stop in stops)]
    metres = [[round(d) for d in row] for row in great_circle_matrix(points)]
    clock, here, total, left = DAY[0], 0, 0, set(range(1, len(points)))
    while True:
        options = []
        for node in left:
            stop = stops[node - 1]
            opens, closes = stop.window or DAY
            start = max(clock + travel_minutes(metres[here][node], SPEED), opens)
            if start + stop.minutes <= closes and start + stop.minutes + travel_minutes(metres[node][0], SPEED) <= DAY[1]:
                options.append((metres[here][node], node, start + stop.minutes))
        if not options:
            return len(points) - 1 - len(left), total + metres[here][0]
        leg, here, clock = min(options)
        total += leg
        left.remove(here)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stops", type=int, default=40)
    parser.add_argument("--instances", type=int, default=5)
    parser.add_argument("--time-limit", type=float, default=1.0, help="seconds the solver improves the route")
    args = parser.parse_args()
    print(f"{args.instances} instances of {args.stops} stops with time windows, solver time limit {args.time_limit} s, goal < {GOAL_SECONDS} s")
    print(f"{'seed':>4} {'OR-Tools s':>10} {'stops':>5} {'km':>7} | {'greedy s':>8} {'stops':>5} {'km':>7} | {'km/visit ratio':>14}")
    worst = 0.0
    ratios = []
    for seed in range(args.instances):
        stops = instance(seed, args.stops)
        started = time.perf_counter()
        route = plan_route(stops, start=OFFICE, day=DAY, speed_kmh=SPEED, time_limit=args.time_limit)
        solver_seconds = time.perf_counter() - started
        started = time.perf_counter()
        greedy_stops, greedy_metres = nearest_neighbour(stops)
        greedy_seconds = time.perf_counter() - started
        worst = max(worst, solver_seconds)
        ratio = (route.total_metres / len(route.stops)) / (greedy_metres / greedy_stops)
        ratios.append(ratio)
        print(
            f"{seed:>4} {solver_seconds:>10.2f} {len(route.stops):>5} {route.total_metres / 1000:>7.1f} | "
            f"{greedy_seconds:>8.3f} {greedy_stops:>5} {greedy_metres / 1000:>7.1f} | {ratio:>14.3f}"
        )
    verdict = "met" if worst < GOAL_SECONDS else "MISSED"
    print(f"slowest solve {worst:.2f} s (goal < {GOAL_SECONDS} s: {verdict}); mean distance per visit OR-Tools / nearest neighbour {sum(ratios) / len(ratios):.3f}")


if __name__ == "__main__":
    main()
