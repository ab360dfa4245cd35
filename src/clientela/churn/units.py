"""The time unit in which recency, T and prediction horizons are expressed."""

from enum import Enum

DAYS_PER_MONTH = 365.25 / 12


class TimeUnit(str, Enum):
    """A unit of time: a day, a week (7 days) or a month (365.25 / 12 = 30.4375 days).

    Examples
    --------
    >>> TimeUnit("week").days
    7.0
    >>> round(272 / TimeUnit.WEEK.days, 4)
    38.8571
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    @property
    def days(self) -> float:
        """The length of the unit in days."""
        return {TimeUnit.DAY: 1.0, TimeUnit.WEEK: 7.0, TimeUnit.MONTH: DAYS_PER_MONTH}[self]
