"""Yearly returns of birthdays and anniversaries."""

from datetime import date

from clientela.greetings.recurrence import celebrated_on, yearly_returns


def test_29_february_is_celebrated_on_28_february_in_common_years():
    assert celebrated_on(date(1988, 2, 29), 2025) == date(2025, 2, 28)
    assert celebrated_on(date(1988, 2, 29), 2028) == date(2028, 2, 29)
    assert celebrated_on(date(1988, 3, 1), 2025) == date(2025, 3, 1)


def test_yearly_returns_span_the_turn_of_the_year_and_count_years():
    returns = yearly_returns(date(2020, 1, 2), start=date(2025, 12, 20), end=date(2027, 1, 5))
    assert list(returns) == [(date(2026, 1, 2), 6), (date(2027, 1, 2), 7)]


def test_the_origin_year_itself_is_no_anniversary():
    assert list(yearly_returns(date(2025, 3, 1), start=date(2025, 1, 1), end=date(2026, 12, 31))) == [(date(2026, 3, 1), 1)]


def test_a_date_outside_the_window_does_not_return():
    assert list(yearly_returns(date(2000, 6, 1), start=date(2025, 1, 1), end=date(2025, 5, 31))) == []
