"""The timetable: earliest fitting start on the 15-minute grid, booking cuts free time."""

import pytest

from clientela.planning.timetable import Timetable, fits, next_grid_minute

NINE, NOON, FIVE = 540, 720, 1020


def test_grid_starts_round_up_to_the_quarter_hour():
    assert [next_grid_minute(minute) for minute in (540, 541, 554, 555, 556)] == [540, 555, 555, 555, 570]


def test_a_span_fits_a_meeting_only_from_a_grid_start():
    assert fits((NINE, NINE + 30), 30)
    assert not fits((NINE + 5, NINE + 40), 30)
    assert fits((NINE + 5, NINE + 45), 30)


def test_the_earliest_start_is_inside_the_customers_window():
    timetable = Timetable(days=[0], opening=[(NINE, FIVE)])

    assert timetable.earliest_start(0, windows=[(NOON + 10, FIVE)], minutes=60) == NOON + 15


def test_booking_splits_the_free_time_and_the_next_meeting_starts_on_the_grid():
    timetable = Timetable(days=[0], opening=[(NINE, NOON)])
    timetable.book(0, start=NINE, minutes=25)

    assert timetable.earliest_start(0, windows=[(NINE, NOON)], minutes=25) == NINE + 30
    timetable.book(0, start=NINE + 60, minutes=90)
    assert timetable.earliest_start(0, windows=[(NINE, NOON)], minutes=60) is None
    assert timetable.earliest_start(0, windows=[(NINE, NOON)], minutes=30) == NINE + 30


def test_windows_are_tried_in_order_and_each_free_span_is_tried_in_each():
    timetable = Timetable(days=[0], opening=[(NINE, FIVE), (1080, 1200)])
    timetable.book(0, start=NINE, minutes=8 * 60)

    assert timetable.earliest_start(0, windows=[(NINE, NOON)], minutes=30) is None
    assert timetable.earliest_start(0, windows=[(NINE, NOON), (1080, 1200)], minutes=30) == 1080
    assert timetable.earliest_start(0, windows=[(1100, 1200)], minutes=30) == 1110


def test_booking_time_that_is_not_free_is_refused():
    timetable = Timetable(days=[3], opening=[(NINE, NOON)])
    timetable.book(3, start=NINE, minutes=60)

    with pytest.raises(ValueError, match="^day 3: 570–630 is not free$"):
        timetable.book(3, start=NINE + 30, minutes=60)
