"""A salesperson's free time, day by day, with meetings starting on a 15-minute grid.

Times are minutes since midnight; days are indices into the plan's horizon (0 = its first day).
"""

from collections.abc import Iterable, Sequence
from datetime import time

GRID_MINUTES = 15

Span = tuple[int, int]


def minute_of_day(moment: time) -> int:
    """Return the minutes since midnight of `moment`.

    Examples
    --------
    >>> minute_of_day(time(9, 30))
    570
    """
    return moment.hour * 60 + moment.minute


def next_grid_minute(minute: int) -> int:
    """Return the first start time on the grid at or after `minute`.

    Examples
    --------
    >>> next_grid_minute(541), next_grid_minute(555)
    (555, 555)
    """
    return -(-minute // GRID_MINUTES) * GRID_MINUTES


def fits(span: Span, minutes: int) -> bool:
    """Whether a meeting of `minutes` can start on the grid inside `span`.

    Examples
    --------
    >>> fits((540, 570), 30), fits((545, 575), 30)
    (True, False)
    """
    return next_grid_minute(span[0]) + minutes <= span[1]


class Timetable:
    """The free spans of each open day; booking a meeting cuts it out of its day.

    Each day keeps its free spans sorted and disjoint, and its longest free span so that a full
    day is skipped without looking at its spans.

    Examples
    --------
    >>> timetable = Timetable(days=[0, 1], opening=[(540, 720)])
    >>> timetable.earliest_start(0, windows=[(600, 720)], minutes=45)
    600
    >>> timetable.book(0, start=600, minutes=45)
    >>> timetable.earliest_start(0, windows=[(600, 720)], minutes=45)
    645
    """

    def __init__(self, days: Iterable[int], opening: Sequence[Span]) -> None:
        self._free = {day: list(opening) for day in days}
        self._longest = dict.fromkeys(self._free, max(end - begin for begin, end in opening))

    def earliest_start(self, day: int, windows: Sequence[Span], minutes: int) -> int | None:
        """The earliest grid start on `day` where `minutes` are free inside one of `windows` (sorted)."""
        if self._longest[day] < minutes:
            return None
        free = self._free[day]
        for window_start, window_end in windows:
            latest_start = window_end - minutes
            for free_start, free_end in free:
                if free_start > latest_start:
                    break
                if free_end - minutes < window_start:
                    continue
                start = next_grid_minute(free_start if free_start > window_start else window_start)
                if start + minutes <= free_end and start <= latest_start:
                    return start
        return None

    def book(self, day: int, start: int, minutes: int) -> None:
        """Take `minutes` from `start` out of `day`'s free time; the span must be free."""
        free = self._free[day]
        end = start + minutes
        for position, (free_start, free_end) in enumerate(free):
            if free_start <= start and end <= free_end:
                free[position : position + 1] = [span for span in ((free_start, start), (end, free_end)) if span[0] < span[1]]
                self._longest[day] = max((span_end - span_start for span_start, span_end in free), default=0)
                return
        raise ValueError(f"day {day}: {start}–{end} is not free")
