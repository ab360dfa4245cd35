"""Planning fixtures: a salesperson working Monday to Friday, 09:00–17:00, in Athens."""

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest

from clientela.planning import Capacity

ATHENS = ZoneInfo("Europe/Athens")
MONDAY = date(2026, 1, 12)


@pytest.fixture
def capacity() -> Capacity:
    return Capacity(working_days=frozenset(range(5)), day_start=time(9), day_end=time(17), timezone=ATHENS)
