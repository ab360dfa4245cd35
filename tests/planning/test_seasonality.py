"""Spreading a yearly target over the months (pure function, hand-computed)."""

import pytest

from clientela.planning import seasonality
from clientela.planning.seasonality import spread_by_seasonality


def test_a_summer_business_gets_its_target_in_summer():
    # Last year: 600 in Jan–Jun (100 a month) and 1,800 in Jul–Aug (900 each), nothing after: 2,400 in all.
    last_year = [100] * 6 + [900, 900] + [0] * 4
    # 1,000 × 100 / 2,400 = 41.67 (six months: 41 each, remainder .67); × 900 / 2,400 = 375 exactly.
    # 1,000 − (6 × 41 + 2 × 375) = 4 units left: to the four largest remainders (all .67, earliest first).
    assert spread_by_seasonality(1000, last_year) == [42, 42, 42, 42, 41, 41, 375, 375, 0, 0, 0, 0]


def test_returns_count_as_no_sales_and_the_months_add_up():
    months = spread_by_seasonality(999_99, [5, -3, 0, 7, 1, 1, 1, 1, 1, 1, 1, 1])
    assert months[1] == 0 and months[2] == 0
    assert sum(months) == 999_99


def test_without_sales_last_year_the_year_is_spread_evenly():
    assert spread_by_seasonality(1200, [0] * 12) == [100] * 12
    assert spread_by_seasonality(14, [0, -5] + [0] * 10) == [2, 2] + [1] * 10


@pytest.mark.parametrize(("total", "last_year", "message"), [(-1, [1] * 12, "must not be negative"), (1, [1] * 11, "12 months")])
def test_bad_input(total, last_year, message):
    with pytest.raises(ValueError, match=message):
        spread_by_seasonality(total, last_year)


def test_docstring_examples():
    import doctest

    failed, attempted = doctest.testmod(seasonality)
    assert attempted and not failed
