"""The sentences of reasons: names of days and hours, why no day or window fits."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from clientela.planning import CustomerToPlan
from clientela.planning.reasons import first_contact_history, name_spans, name_weekdays, why_no_day
from tests.planning.conftest import ATHENS, MONDAY


@pytest.mark.parametrize(
    ("weekdays", "names"),
    [({0, 1, 2, 3, 4}, "Mon–Fri"), ({1, 3}, "Tue, Thu"), ({0, 1, 2, 4, 6}, "Mon–Wed, Fri, Sun"), ({5}, "Sat")],
)
def test_weekdays_are_named_in_runs(weekdays, names):
    assert name_weekdays(weekdays) == names


def test_spans_are_named_in_hours():
    assert name_spans([(545, 600), (1080, 1200)]) == "09:05–10:00, 18:00–20:00"


@pytest.mark.parametrize(
    ("contacted", "history"),
    [
        (None, "never contacted"),
        (datetime(2026, 1, 12, 8, tzinfo=ATHENS), "last contact today"),
        (datetime(2026, 1, 11, 8, tzinfo=ATHENS), "last contact 1 day ago"),
        (datetime(2026, 1, 14, 8, tzinfo=ATHENS), "last contact on Wed 2026-01-14"),
    ],
)
def test_first_contact_history(contacted, history):
    assert first_contact_history(CustomerToPlan(1, "Acme", "A", last_contact=contacted), ATHENS, MONDAY) == history


def test_why_no_day_names_the_customers_days_missing_from_a_short_range(capacity):
    tuesdays = CustomerToPlan(1, "Acme", "A", preferred_days=frozenset({1}))

    assert why_no_day(tuesdays, capacity, date(2026, 1, 14), date(2026, 1, 16)) == (
        "none of the customer's days (Tue) falls between Wed 2026-01-14 and Fri 2026-01-16"
    )


def test_why_no_day_prefers_the_last_do_not_contact_day_that_blocks(capacity):
    customer = CustomerToPlan(
        1, "Acme", "A", do_not_contact=((date(2026, 1, 12), date(2026, 1, 14)), (date(2026, 1, 13), date(2026, 1, 20)))
    )
    on_holiday = replace(capacity, holidays=frozenset({date(2026, 1, 15), date(2026, 1, 16)}))

    assert why_no_day(customer, on_holiday, date(2026, 1, 12), date(2026, 1, 16)) == "do-not-contact until Tue 2026-01-20"
    assert why_no_day(CustomerToPlan(1, "Acme", "A"), on_holiday, date(2026, 1, 15), date(2026, 1, 18)) == (
        "the salesperson is on holiday on every Mon–Fri from Thu 2026-01-15 to Sun 2026-01-18"
    )
