"""Yearly returns of a date (birthdays, anniversaries); pure functions, no Django."""

import calendar
from collections.abc import Iterator
from datetime import date


def celebrated_on(origin: date, year: int) -> date:
    """The day `origin` is celebrated in `year`: the same day, or 28 February for 29 February in a common year.

    >>> celebrated_on(date(2000, 2, 29), 2025)
    datetime.date(2025, 2, 28)
    """
    if (origin.month, origin.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return origin.replace(year=year)


def yearly_returns(origin: date, *, start: date, end: date) -> Iterator[tuple[date, int]]:
    """Each day in [start, end] on which `origin` comes back, with the number of years since (at least 1).

    >>> list(yearly_returns(date(2015, 3, 1), start=date(2025, 1, 1), end=date(2025, 12, 31)))
    [(datetime.date(2025, 3, 1), 10)]
    """
    for year in range(max(start.year, origin.year + 1), end.year + 1):
        day = celebrated_on(origin, year)
        if start <= day <= end:
            yield day, year - origin.year
