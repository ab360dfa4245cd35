"""Time units (clientela.churn.units)."""

import pytest

from clientela.churn import TimeUnit


@pytest.mark.parametrize(("unit", "days"), [("day", 1.0), ("week", 7.0), ("month", 30.4375)])
def test_days_per_unit(unit, days):
    assert TimeUnit(unit).days == days
