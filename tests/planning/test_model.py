"""Input checks of customers and capacity; derived values of plan items."""

import re
from datetime import date, datetime, time, timezone

import pytest

from clientela.planning import Capacity, CustomerToPlan, PlanItem
from tests.planning.conftest import ATHENS


def exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"last_contact": datetime(2026, 1, 5, 10)}, "customer 1: last_contact must be timezone-aware (got 2026-01-05T10:00:00)"),
        ({"preferred_days": frozenset({7})}, "customer 1: days are numbered 0 (Monday) to 6 (Sunday) (got [7])"),
        ({"preferred_hours": ((time(11), time(10)),)}, "customer 1: hours must start before they end (got 11:00–10:00)"),
        (
            {"do_not_contact": ((date(2026, 2, 1), date(2026, 1, 1)),)},
            "customer 1: a do-not-contact period must start before it ends (got 2026-02-01 – 2026-01-01)",
        ),
    ],
)
def test_bad_customers_are_refused(fields, message):
    with pytest.raises(ValueError, match=exactly(message)):
        CustomerToPlan(1, "Acme", "A", **fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"working_days": frozenset()}, "capacity: at least one working day is needed"),
        ({"working_days": frozenset({-1, 2})}, "capacity: days are numbered 0 (Monday) to 6 (Sunday) (got [-1, 2])"),
        ({"day_end": time(8)}, "capacity: hours must start before they end (got 09:00–08:00)"),
        ({"personal_window": (time(20), time(18))}, "capacity personal window: hours must start before they end (got 20:00–18:00)"),
        (
            {"personal_window": (time(16), time(19))},
            "capacity: the personal window 16:00–19:00 overlaps the working hours 09:00–17:00",
        ),
    ],
)
def test_bad_capacities_are_refused(fields, message):
    arguments = {"working_days": frozenset(range(5)), "day_start": time(9), "day_end": time(17), "timezone": ATHENS} | fields
    with pytest.raises(ValueError, match=exactly(message)):
        Capacity(**arguments)


def test_a_personal_window_may_touch_the_working_hours():
    assert Capacity(frozenset({0}), time(9), time(17), timezone.utc, personal_window=(time(17), time(19)))


def test_an_item_knows_its_end_and_how_late_it_is():
    start = datetime(2026, 1, 14, 16, 30, tzinfo=ATHENS)
    item = PlanItem(1, "A", start, 45, "visit", due=date(2026, 1, 12), overdue_days=0, reason="…")

    assert (item.end, item.late_days) == (datetime(2026, 1, 14, 17, 15, tzinfo=ATHENS), 2)
