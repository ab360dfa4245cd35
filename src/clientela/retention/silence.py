"""When silence makes a customer lost or at risk, from its usual gap between purchase days. Never imports Django."""

import math


def lost_after_days(usual_gap: float | None, *, factor: float, min_days: int) -> int:
    """The days of silence after the last purchase day from which a customer counts as lost.

    Lost means silent for longer than ``factor`` × the usual gap *and* for at least ``min_days``
    days: the first whole number of days above ``factor × usual_gap``, and never fewer than
    ``min_days``. A customer without a usual gap (a single purchase day) is lost after ``min_days``.

    Examples
    --------
    >>> lost_after_days(21, factor=3, min_days=90)  # 3 × 21 = 63 days is under the minimum
    90
    >>> lost_after_days(40, factor=3, min_days=90)  # longer than 120 days
    121
    >>> lost_after_days(None, factor=3, min_days=90)
    90
    """
    if usual_gap is None:
        return min_days
    return max(min_days, math.floor(factor * usual_gap) + 1)


def silent_too_long(silent_days: int, usual_gap: float | None, *, factor: float, min_days: int) -> bool:
    """Whether a customer has been silent for longer than ``factor`` × its usual gap and for at least ``min_days`` days.

    Never without a usual gap (a single purchase day): there is no rhythm to break.

    Examples
    --------
    >>> silent_too_long(43, 21, factor=2, min_days=30), silent_too_long(42, 21, factor=2, min_days=30)
    (True, False)
    >>> silent_too_long(29, 7, factor=2, min_days=30), silent_too_long(400, None, factor=2, min_days=30)
    (False, False)
    """
    return usual_gap is not None and silent_days > factor * usual_gap and silent_days >= min_days
