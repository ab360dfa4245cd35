"""Analysis windows."""

from datetime import date

import pytest

from clientela.engine.window import Window, months_before


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(date(2024, 3, 31), 1, date(2024, 2, 29)), (date(2024, 1, 15), 12, date(2023, 1, 15)), (date(2024, 5, 31), 3, date(2024, 2, 29))],
)
def test_months_before_clamps_to_the_end_of_month(day, months, expected):
    assert months_before(day, months) == expected


def test_the_window_excludes_its_start_and_includes_the_as_of_date():
    window = Window(date(2024, 6, 30), 6)
    assert window.start == date(2023, 12, 30)
    assert not window.contains(date(2023, 12, 30))
    assert window.contains(date(2023, 12, 31)) and window.contains(date(2024, 6, 30))
    assert not window.contains(date(2024, 7, 1))


def test_a_window_needs_a_month():
    with pytest.raises(ValueError, match="at least 1 month"):
        Window(date(2024, 1, 1), 0)
