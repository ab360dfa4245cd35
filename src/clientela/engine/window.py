"""Analysis windows: the dates d with as_of − N months < d ≤ as_of."""

import calendar
from dataclasses import dataclass
from datetime import date


def months_before(day: date, months: int) -> date:
    """Return the same day `months` calendar months earlier, clamped to the month's last day.

    Examples
    --------
    >>> months_before(date(2024, 3, 31), 1)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Window:
    """A period ending on `as_of` (inclusive) and reaching back `months` months (exclusive)."""

    as_of: date
    months: int = 12

    def __post_init__(self) -> None:
        if self.months < 1:
            raise ValueError(f"a window needs at least 1 month (got {self.months})")

    @property
    def start(self) -> date:
        """The last day *outside* the window."""
        return months_before(self.as_of, self.months)

    def contains(self, day: date) -> bool:
        return self.start < day <= self.as_of
