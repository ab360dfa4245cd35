"""A salesperson's day of visits as a route: the order that drives the shortest distance, with time windows.

A vehicle-routing problem with time windows for one vehicle, solved with OR-Tools: leave the start
point (office or home) no earlier than the day opens, visit each stop inside its window (waiting
when early), stay the visit's minutes, and be back before the day closes. The route visits as many
stops as fit, and among those routes the shortest; the stops that do not fit are listed with the
reason. Up to `EXACT_STOPS` stops the solver searches exhaustively (the result is optimal); above,
guided local search improves a cheapest-insertion route until the time limit.

Times are whole minutes since midnight; distances whole metres. Travel minutes are the distance at
the given speed, rounded up. Distances come from a `DistanceMatrix`: great-circle by default, or a
road-distance matrix supplied by the caller.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

Point = tuple[float, float]
Span = tuple[int, int]
DistanceMatrix = Callable[[Sequence[Point]], Sequence[Sequence[float]]]
"""Given points (latitude, longitude in degrees), the metres from each to each (a square matrix, rows = from)."""

EARTH_RADIUS_METRES = 6_371_000.0
EXACT_STOPS = 8


def great_circle_metres(a: Point, b: Point) -> float:
    """Return the great-circle (haversine) distance between two points in metres.

    Examples
    --------
    >>> round(great_circle_metres((40.4168, -3.7038), (41.3874, 2.1686)) / 1000)
    505
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(h))


def great_circle_matrix(points: Sequence[Point]) -> list[list[float]]:
    """Return the great-circle distances in metres between every pair of `points` (the default `DistanceMatrix`).

    Examples
    --------
    >>> [[round(d) for d in row] for row in great_circle_matrix([(0.0, 0.0), (0.0, 0.01)])]
    [[0, 1112], [1112, 0]]
    """
    return [[great_circle_metres(a, b) for b in points] for a in points]


class Reason(Enum):
    """Why a stop is left out of the route."""

    NO_COORDINATES = "no_coordinates"
    WINDOW_UNREACHABLE = "window_unreachable"
    DAY_TOO_SHORT = "day_too_short"


@dataclass(frozen=True)
class Stop:
    """A visit to place: `key` identifies it to the caller, `window` (earliest start, latest end) bounds the visit."""

    key: int
    name: str
    location: Point | None
    minutes: int
    window: Span | None = None

    def __post_init__(self) -> None:
        if self.minutes < 0:
            raise ValueError(f"stop {self.key}: minutes must not be negative (got {self.minutes})")
        if self.window is not None and not self.window[0] < self.window[1]:
            raise ValueError(f"stop {self.key}: the window must open before it closes (got {name_minute(self.window[0])}–{name_minute(self.window[1])})")


@dataclass(frozen=True)
class RouteStop:
    """A stop on the route: when the salesperson arrives, starts (after waiting for the window) and leaves."""

    stop: Stop
    arrival: int
    start: int
    departure: int
    leg_metres: int
    leg_minutes: int


@dataclass(frozen=True)
class Unrouted:
    """A stop left out of the route, and why."""

    stop: Stop
    reason: Reason
    detail: str


@dataclass(frozen=True)
class Route:
    """The stops in visiting order, the way back, and the stops that did not fit."""

    departure: int
    stops: tuple[RouteStop, ...]
    back: int
    back_metres: int
    unrouted: tuple[Unrouted, ...] = ()

    @property
    def total_metres(self) -> int:
        return sum(stop.leg_metres for stop in self.stops) + self.back_metres

    @property
    def total_minutes(self) -> int:
        """From leaving the start point to coming back to it."""
        return self.back - self.departure


def name_minute(minute: int) -> str:
    """Return minutes since midnight as HH:MM.

    Examples
    --------
    >>> name_minute(545)
    '09:05'
    """
    return f"{minute // 60:02d}:{minute % 60:02d}"


def travel_minutes(metres: int, speed_kmh: float) -> int:
    """Return the whole minutes (rounded up) to drive `metres` at `speed_kmh`.

    Examples
    --------
    >>> travel_minutes(10_000, 40)
    15
    """
    return math.ceil(metres * 60 / (speed_kmh * 1000))


def plan_route(
    stops: Sequence[Stop],
    *,
    start: Point,
    day: Span,
    speed_kmh: float = 40.0,
    distances: DistanceMatrix = great_circle_matrix,
    time_limit: float = 1.0,
) -> Route:
    """Order a day's visits by the shortest route from `start` and back that keeps every visit in its window.

    Parameters
    ----------
    stops
        The visits of the day; keys must be unique.
    start
        The start point (office or home) as (latitude, longitude); the route starts and ends there.
    day
        The working day as (opening, closing) minutes since midnight: leave no earlier, be back no later.
    speed_kmh
        Average travel speed, turning distances into travel minutes.
    distances
        Metres between points; great-circle by default, or a road-distance matrix.
    time_limit
        Seconds the solver may spend improving a route of more than `EXACT_STOPS` stops.

    Returns
    -------
    Route
        The stops in visiting order with arrival, start and departure times and the leg driven to
        each; the way back; total distance and time; the stops left out, each with its reason:
        no coordinates, a window that cannot be reached from the start point within the day, or a
        day too short to hold it (alone, or with the other visits).

    Raises
    ------
    ValueError
        If keys repeat, the day or speed is empty, or the distance matrix is not square or has
        negative entries.

    Examples
    --------
    >>> office = (40.0, -3.0)
    >>> stops = [
    ...     Stop(1, "Far Bar", (40.0, -2.9), minutes=30),
    ...     Stop(2, "Near Bar", (40.0, -2.95), minutes=30, window=(600, 660)),
    ...     Stop(3, "Lost Bar", None, minutes=30),
    ... ]
    >>> route = plan_route(stops, start=office, day=(540, 1020), speed_kmh=40)
    >>> [(s.stop.name, name_minute(s.arrival), s.leg_metres) for s in route.stops]
    [('Near Bar', '10:00', 4259), ('Far Bar', '10:37', 4259)]
    >>> name_minute(route.departure), name_minute(route.back), route.total_minutes, route.total_metres
    ('09:53', '11:20', 87, 17036)
    >>> [(u.stop.name, u.reason.value) for u in route.unrouted]
    [('Lost Bar', 'no_coordinates')]
    """
    opening, closing = day
    if not opening < closing:
        raise ValueError(f"the day must open before it closes (got {name_minute(opening)}–{name_minute(closing)})")
    if not speed_kmh > 0:
        raise ValueError(f"the speed must be positive (got {speed_kmh})")
    keys = [stop.key for stop in stops]
    if len(set(keys)) != len(keys):
        raise ValueError(f"stop keys must be unique (repeated: {sorted({k for k in keys if keys.count(k) > 1})})")
    located = [stop for stop in stops if stop.location is not None]
    unrouted = [Unrouted(stop, Reason.NO_COORDINATES, "the customer has no latitude/longitude") for stop in stops if stop.location is None]
    metres = _metres(distances, [start, *(stop.location for stop in located if stop.location is not None)])
    minutes = [[travel_minutes(m, speed_kmh) for m in row] for row in metres]
    problem = _Problem(located, metres, minutes, day)
    candidates = []
    for node, stop in enumerate(located, start=1):
        refusal = problem.alone(node)
        if refusal is None:
            candidates.append(node)
        else:
            unrouted.append(refusal)
    order = _solve(problem, candidates, time_limit) if candidates else []
    routed = set(order)
    unrouted += [
        Unrouted(problem.stops[node - 1], Reason.DAY_TOO_SHORT, "no room left in the day around the other visits")
        for node in candidates
        if node not in routed
    ]
    route = problem.timed(order)
    return Route(route.departure, route.stops, route.back, route.back_metres, tuple(sorted(unrouted, key=lambda u: keys.index(u.stop.key))))


def _metres(distances: DistanceMatrix, points: list[Point]) -> list[list[int]]:
    matrix = [[round(value) for value in row] for row in distances(points)]
    if len(matrix) != len(points) or any(len(row) != len(points) for row in matrix):
        raise ValueError(f"the distance matrix must be {len(points)} x {len(points)} (start point and located stops)")
    if any(value < 0 for row in matrix for value in row):
        raise ValueError("the distance matrix must not have negative distances")
    return matrix


class _Problem:
    """The located stops as nodes 1..n (node 0 is the start point), with metres and travel minutes between nodes."""

    def __init__(self, stops: list[Stop], metres: list[list[int]], minutes: list[list[int]], day: Span) -> None:
        self.stops, self.metres, self.minutes, self.day = stops, metres, minutes, day

    def service(self, node: int) -> int:
        return 0 if node == 0 else self.stops[node - 1].minutes

    def start_range(self, node: int) -> Span:
        """Earliest and latest start of the visit at `node` inside the day and its window."""
        stop = self.stops[node - 1]
        earliest, latest = self.day[0], self.day[1] - stop.minutes
        if stop.window is not None:
            earliest, latest = max(earliest, stop.window[0]), min(latest, stop.window[1] - stop.minutes)
        return earliest, latest

    def alone(self, node: int) -> Unrouted | None:
        """Why the stop cannot be visited even as the day's only visit (None when it can)."""
        stop = self.stops[node - 1]
        opening, closing = self.day
        there, back = self.minutes[0][node], self.minutes[node][0]
        if opening + there + stop.minutes + back > closing:
            detail = (
                f"the drive there and back ({there} + {back} min) and the {stop.minutes}-minute visit "
                f"do not fit in the day ({name_minute(opening)}–{name_minute(closing)})"
            )
            return Unrouted(stop, Reason.DAY_TOO_SHORT, detail)
        earliest, latest = self.start_range(node)
        earliest, latest = max(earliest, opening + there), min(latest, closing - back - stop.minutes)
        if earliest > latest:
            assert stop.window is not None  # without a window the trip fits, as checked above
            window = f"{name_minute(stop.window[0])}–{name_minute(stop.window[1])}"
            detail = f"its window ({window}) cannot hold the {stop.minutes}-minute visit with the drive from and back to the start point ({there} + {back} min)"
            return Unrouted(stop, Reason.WINDOW_UNREACHABLE, detail)
        return None

    def timed(self, order: Sequence[int]) -> Route:
        """The route through `order` at the earliest times, leaving the start point just in time for the first visit."""
        legs: list[RouteStop] = []
        clock, previous = self.day[0], 0
        for node in order:
            arrival = clock + self.service(previous) + self.minutes[previous][node]
            start = max(arrival, self.start_range(node)[0])
            legs.append(RouteStop(self.stops[node - 1], arrival, start, start + self.service(node), self.metres[previous][node], self.minutes[previous][node]))
            clock, previous = start, node
        if not legs:
            return Route(self.day[0], (), self.day[0], 0)
        first = legs[0]
        departure = first.start - first.leg_minutes
        legs[0] = RouteStop(first.stop, first.start, first.start, first.departure, first.leg_metres, first.leg_minutes)
        back = legs[-1].departure + self.minutes[previous][0]
        return Route(departure, tuple(legs), back, self.metres[previous][0])


def _solve(problem: _Problem, candidates: list[int], time_limit: float) -> list[int]:
    """The nodes of the best route found, in visiting order (the start point excluded)."""
    nodes = [0, *candidates]
    manager = pywrapcp.RoutingIndexManager(len(nodes), 1, 0)
    routing = pywrapcp.RoutingModel(manager)

    def node_of(index: int) -> int:
        return nodes[manager.IndexToNode(index)]

    distance = routing.RegisterTransitCallback(lambda a, b: problem.metres[node_of(a)][node_of(b)])
    routing.SetArcCostEvaluatorOfAllVehicles(distance)
    duration = routing.RegisterTransitCallback(lambda a, b: problem.service(node_of(a)) + problem.minutes[node_of(a)][node_of(b)])
    opening, closing = problem.day
    routing.AddDimension(duration, closing - opening, closing, False, "time")
    clock = routing.GetDimensionOrDie("time")
    clock.CumulVar(routing.Start(0)).SetRange(opening, closing)
    clock.CumulVar(routing.End(0)).SetRange(opening, closing)
    # Leaving a stop out costs more than any route is long: the route holds as many stops as fit.
    penalty = sum(problem.metres[a][b] for a in nodes for b in nodes) + 1
    for position, node in enumerate(candidates, start=1):
        index = manager.NodeToIndex(position)
        clock.CumulVar(index).SetRange(*problem.start_range(node))
        routing.AddDisjunction([index], penalty)
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    if len(candidates) <= EXACT_STOPS:
        parameters.use_depth_first_search = True  # complete search: optimal on a handful of stops
    else:
        parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.LOCAL_CHEAPEST_INSERTION
        parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
        parameters.time_limit.FromMilliseconds(max(1, round(time_limit * 1000)))
    solution = routing.SolveWithParameters(parameters)
    if solution is None:  # every stop can be left out, so a solution always exists
        raise RuntimeError("the routing solver found no route")
    order, index = [], solution.Value(routing.NextVar(routing.Start(0)))
    while not routing.IsEnd(index):
        order.append(node_of(index))
        index = solution.Value(routing.NextVar(index))
    return order
