"""Spread a yearly sales target over the months by last year's seasonality."""

from collections.abc import Sequence

MONTHS = 12


def spread_by_seasonality(total: int, last_year: Sequence[int]) -> list[int]:
    """Split a yearly `total` into 12 monthly whole numbers in proportion to last year's months.

    Each month gets `total` × its share of last year's sales, rounded down; the units left over
    go one each to the months with the largest remainders (the earlier month on a tie), so the
    months always add up to `total`. A month with negative sales (returns) counts as zero. With
    no sales last year (nothing positive) the total is spread evenly, the remainder again going
    to the earliest months.

    Parameters
    ----------
    total
        The yearly target, in whole units or cents (not negative).
    last_year
        Last year's sales of the same scope, January to December.

    Returns
    -------
    list[int]
        The target of each month, January to December.

    Examples
    --------
    >>> spread_by_seasonality(1200, [10, 10, 20, 20, 30, 40, 60, 50, 30, 20, 10, 0])
    [40, 40, 80, 80, 120, 160, 240, 200, 120, 80, 40, 0]
    >>> spread_by_seasonality(100, [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    [34, 33, 33, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    >>> spread_by_seasonality(100, [0] * 12)
    [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]
    """
    if total < 0:
        raise ValueError(f"the yearly target must not be negative (got {total})")
    if len(last_year) != MONTHS:
        raise ValueError(f"last year's sales must have 12 months (got {len(last_year)})")
    weights = [max(0, value) for value in last_year]
    if not sum(weights):
        weights = [1] * MONTHS
    whole = sum(weights)
    shares = [divmod(total * weight, whole) for weight in weights]
    months = [share for share, _ in shares]
    by_remainder = sorted(range(MONTHS), key=lambda month: (-shares[month][1], month))
    for month in by_remainder[: total - sum(months)]:
        months[month] += 1
    return months
