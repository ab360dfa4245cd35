"""Daily routes: optimal on small instances (checked against brute force), feasible, and every left-out stop explained."""

import doctest
import itertools
import math
import random
import subprocess
import sys
import textwrap

import pytest

from clientela.planning import routes
from clientela.planning.routes import EXACT_STOPS, Reason, Stop, great_circle_matrix, plan_route, travel_minutes

OFFICE = (40.4168, -3.7038)
DAY = (540, 1080)  # 09:00–18:00
SPEED = 40.0


def random_stops(rng: random.Random, count: int, *, windows: bool) -> list[Stop]:
    """Stops within ~30 km of the office; with `windows`, most have a 1–3 hour window between 09:00 and 17:00."""
    stops = []
    for key in range(1, count + 1):
        location = (OFFICE[0] + rng.uniform(-0.3, 0.3), OFFICE[1] + rng.uniform(-0.3, 0.3))
        window = None
        if windows and rng.random() < 0.7:
            opens = rng.randrange(540, 960, 30)
            window = (opens, opens + rng.choice((60, 120, 180)))
        stops.append(Stop(key, f"Stop {key}", location, minutes=rng.choice((15, 30, 45)), window=window))
    return stops


def simulate(order: tuple[Stop, ...], metres: dict[tuple[int, int], int]) -> int | None:
    """The metres of visiting `order` from the office and back at the earliest times; None if a window or the day is missed."""
    clock, previous, service, total = DAY[0], 0, 0, 0
    for stop in order:
        leg = metres[previous, stop.key]
        clock += service + travel_minutes(leg, SPEED)
        opens, closes = stop.window or DAY
        clock = max(clock, opens)
        if clock + stop.minutes > min(closes, DAY[1]):
            return None
        previous, service, total = stop.key, stop.minutes, total + leg
    back = metres[previous, 0]
    return total + back if clock + service + travel_minutes(back, SPEED) <= DAY[1] else None


def brute_force(stops: list[Stop]) -> tuple[int, int]:
    """(most stops that fit, shortest distance among routes with that many), over every ordered subset."""
    points = [OFFICE, *(stop.location for stop in stops)]
    matrix = great_circle_matrix(points)
    keys = [0, *(stop.key for stop in stops)]
    metres = {(a, b): round(matrix[i][j]) for i, a in enumerate(keys) for j, b in enumerate(keys)}
    for size in range(len(stops), -1, -1):
        lengths = [length for order in itertools.permutations(stops, size) if (length := simulate(order, metres)) is not None]
        if lengths:
            return size, min(lengths)
    raise AssertionError("the empty route always fits")


@pytest.mark.parametrize("windows", [False, True], ids=["no windows", "time windows"])
@pytest.mark.parametrize("seed", range(6))
def test_the_route_is_the_brute_force_optimum_on_small_instances(seed, windows):
    rng = random.Random(seed)
    stops = random_stops(rng, rng.randint(4, 7), windows=windows)

    route = plan_route(stops, start=OFFICE, day=DAY, speed_kmh=SPEED)

    assert (len(route.stops), route.total_metres) == brute_force(stops)
    assert {u.stop.key for u in route.unrouted} | {s.stop.key for s in route.stops} == {stop.key for stop in stops}


@pytest.mark.parametrize("seed", range(4))
def test_every_stop_of_a_route_is_inside_its_window_and_the_day(seed):
    rng = random.Random(100 + seed)
    stops = random_stops(rng, 7, windows=True)

    route = plan_route(stops, start=OFFICE, day=DAY, speed_kmh=SPEED)

    clock = route.departure
    for leg in route.stops:
        assert leg.arrival == clock + leg.leg_minutes
        assert leg.start >= leg.arrival and leg.departure == leg.start + leg.stop.minutes
        opens, closes = leg.stop.window or DAY
        assert opens <= leg.start and leg.departure <= closes
        clock = leg.departure
    assert DAY[0] <= route.departure and route.back <= DAY[1]


def test_the_route_leaves_just_in_time_for_the_first_visit_and_adds_up_by_hand():
    # A custom matrix in whole kilometres at 60 km/h: one minute per kilometre.
    matrix = [[0, 10, 30], [10, 0, 25], [30, 25, 0]]
    stops = [Stop(1, "A", (0, 0), minutes=20, window=(600, 700)), Stop(2, "B", (0, 0), minutes=30)]

    route = plan_route(stops, start=(0, 0), day=(480, 1080), speed_kmh=60, distances=lambda points: [[d * 1000 for d in row] for row in matrix])

    # Best: office -> A -> B -> office = 10 + 25 + 30 = 65 km (B first costs 30 + 25 + 10 too, but A's window opens at 10:00).
    assert [leg.stop.name for leg in route.stops] in (["A", "B"], ["B", "A"])
    assert route.total_metres == 65_000
    first = route.stops[0]
    if first.stop.name == "A":  # leave 09:50, A 10:00–10:20, B 10:45–11:15, back 11:45
        assert (route.departure, first.arrival, route.stops[1].arrival, route.back) == (590, 600, 645, 705)
    else:  # leave 08:00, B 08:30–09:00, A 09:25, wait to 10:00, 10:20, back 10:30
        assert (route.departure, first.arrival, route.stops[1].arrival, route.stops[1].start, route.back) == (480, 510, 565, 600, 630)
    assert route.total_minutes == route.back - route.departure


def test_a_supplied_distance_matrix_decides_the_order():
    # Straight-line, B is on the way; by road (an asymmetric matrix) the office-B leg is a long detour.
    seen = []

    def road(points):
        seen.append(list(points))
        return [[0, 5_000, 50_000], [5_000, 0, 6_000], [7_000, 6_000, 0]]

    stops = [Stop(1, "A", (40.0, -3.0), minutes=10), Stop(2, "B", (40.1, -3.0), minutes=10)]
    route = plan_route(stops, start=(39.9, -3.0), day=DAY, distances=road)

    assert seen == [[(39.9, -3.0), (40.0, -3.0), (40.1, -3.0)]]
    assert [leg.stop.name for leg in route.stops] == ["A", "B"]
    assert route.total_metres == 5_000 + 6_000 + 7_000


def test_stops_that_cannot_fit_are_listed_with_the_reason():
    near = (OFFICE[0], OFFICE[1] + 0.1)  # 8.5 km: 13 minutes at 40 km/h
    stops = [
        Stop(1, "No address", None, minutes=30),
        Stop(2, "Too early", near, minutes=30, window=(540, 560)),  # 09:00–09:20: cannot hold 30 minutes
        Stop(3, "Early window", near, minutes=15, window=(540, 560)),  # reachable 09:13, done 09:28 > 09:20
        Stop(4, "Far away", (43.26, -2.93), minutes=30),  # Bilbao: 5 hours each way
        Stop(5, "Ten o'clock", near, minutes=45, window=(600, 645)),
        Stop(6, "Also ten", near, minutes=45, window=(600, 645)),
        Stop(7, "Any time", near, minutes=30),
    ]

    route = plan_route(stops, start=OFFICE, day=DAY, speed_kmh=SPEED)

    reasons = {u.stop.name: u.reason for u in route.unrouted}
    assert reasons.pop("No address") is Reason.NO_COORDINATES
    assert reasons.pop("Too early") is Reason.WINDOW_UNREACHABLE
    assert reasons.pop("Early window") is Reason.WINDOW_UNREACHABLE
    assert reasons.pop("Far away") is Reason.DAY_TOO_SHORT
    assert list(reasons.values()) == [Reason.DAY_TOO_SHORT]  # one of the two 10:00 visits
    assert set(reasons) < {"Ten o'clock", "Also ten"}
    assert {leg.stop.name for leg in route.stops} == {"Ten o'clock", "Also ten", "Any time"} - set(reasons)
    details = {u.stop.name: u.detail for u in route.unrouted}
    assert details["Early window"] == (
        "its window (09:00–09:20) cannot hold the 15-minute visit with the drive from and back to the start point (13 + 13 min)"
    )
    assert details["Far away"].startswith("the drive there and back (")
    assert [u.stop.key for u in route.unrouted] == sorted(u.stop.key for u in route.unrouted)


def test_a_day_without_located_stops_is_an_empty_route():
    route = plan_route([Stop(1, "No address", None, minutes=30)], start=OFFICE, day=DAY)
    assert route.stops == () and route.total_metres == 0 and route.total_minutes == 0
    assert [u.reason for u in route.unrouted] == [Reason.NO_COORDINATES]


def test_a_long_day_beyond_the_exhaustive_size_visits_every_stop_feasibly():
    rng = random.Random(7)
    stops = [Stop(k, f"S{k}", (OFFICE[0] + rng.uniform(-0.05, 0.05), OFFICE[1] + rng.uniform(-0.05, 0.05)), minutes=10) for k in range(1, 16)]
    assert len(stops) > EXACT_STOPS

    route = plan_route(stops, start=OFFICE, day=(480, 1200), time_limit=0.3)

    assert len(route.stops) == 15 and not route.unrouted
    points = [OFFICE, *(leg.stop.location for leg in route.stops), OFFICE]
    assert route.total_metres == sum(round(routes.great_circle_metres(a, b)) for a, b in itertools.pairwise(points))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: plan_route([Stop(1, "A", OFFICE, 10), Stop(1, "B", OFFICE, 10)], start=OFFICE, day=DAY), r"stop keys must be unique \(repeated: \[1\]\)"),
        (lambda: plan_route([], start=OFFICE, day=(600, 600)), r"the day must open before it closes \(got 10:00–10:00\)"),
        (lambda: plan_route([], start=OFFICE, day=DAY, speed_kmh=0), r"the speed must be positive \(got 0\)"),
        (lambda: plan_route([Stop(1, "A", OFFICE, 10)], start=OFFICE, day=DAY, distances=lambda p: [[0]]), r"must be 2 x 2"),
        (lambda: plan_route([Stop(1, "A", OFFICE, 10)], start=OFFICE, day=DAY, distances=lambda p: [[0, -1], [1, 0]]), "negative"),
        (lambda: Stop(1, "A", OFFICE, 10, window=(700, 600)), r"stop 1: the window must open before it closes \(got 11:40–10:00\)"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_travel_minutes_round_up():
    assert travel_minutes(0, 40) == 0
    assert travel_minutes(1, 60) == 1
    assert travel_minutes(math.floor(40_000 / 60 * 15), 40) == 15


def test_docstring_examples():
    failed, attempted = doctest.testmod(routes)
    assert attempted > 0 and failed == 0


def test_routes_import_and_plan_without_django():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["django"] = None
        from clientela.planning.routes import Stop, plan_route
        route = plan_route([Stop(1, "A", (40.0, -3.01), 30)], start=(40.0, -3.0), day=(540, 1080))
        assert "django" not in [m.split(".")[0] for m in sys.modules if sys.modules[m] is not None]
        print(len(route.stops))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"
