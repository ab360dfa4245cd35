"""The periods a visit plan and an evaluation speak of: a year, quarter, month, week or day containing a date."""

import calendar
from datetime import date, timedelta


def period_span(period: str, day: date) -> tuple[date, date]:
    """The first and last day of the year, quarter, month, week (Monday–Sunday) or day containing `day`."""
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if period == "quarter":
        first_month = 3 * ((day.month - 1) // 3) + 1
        return date(day.year, first_month, 1), month_end(date(day.year, first_month + 2, 1))
    if period == "month":
        return day.replace(day=1), month_end(day)
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if period == "day":
        return day, day
    raise ValueError(f"unknown period {period!r}; expected year, quarter, month, week or day")


def month_end(day: date) -> date:
    """The last day of the month of `day`."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def months_between(start: date, end: date) -> list[tuple[int, int]]:
    """The (year, month) pairs from the month of `start` to the month of `end`, in order."""
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
