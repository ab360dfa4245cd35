"""When silence makes a customer lost or at risk."""

import pytest

from clientela.retention.silence import lost_after_days, silent_too_long


@pytest.mark.parametrize(
    ("usual_gap", "factor", "min_days", "after"),
    [
        (21, 3, 90, 90),  # 3 × 21 = 63 days: the minimum decides
        (30, 3, 90, 91),  # longer than 90 days, so from day 91
        (40, 3, 90, 121),
        (30.5, 3, 90, 92),  # longer than 91.5 days
        (40, 2, 90, 90),
        (None, 3, 90, 90),  # a single purchase day: the minimum only
        (None, 3, 120, 120),
    ],
)
def test_lost_after_the_longer_of_k_gaps_and_the_minimum(usual_gap, factor, min_days, after):
    assert lost_after_days(usual_gap, factor=factor, min_days=min_days) == after


def test_silent_too_long_needs_more_than_factor_gaps_and_the_minimum_days():
    assert silent_too_long(43, 21, factor=2, min_days=30)
    assert not silent_too_long(42, 21, factor=2, min_days=30)  # exactly twice the gap is not longer
    assert not silent_too_long(29, 7, factor=2, min_days=30)  # a weekly buyer silent four weeks: under the minimum
    assert silent_too_long(30, 7, factor=2, min_days=30)
    assert not silent_too_long(1000, None, factor=2, min_days=30)  # no rhythm to break
