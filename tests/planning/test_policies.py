"""Policies: intervals, frequencies in words, the defaults for every scheme's classes."""

import pytest

from clientela.planning import DEFAULT_POLICIES, Policy


def policy(contacts: int, period: str) -> Policy:
    return Policy("X", contacts=contacts, period=period, channel="call", minutes=15, priority=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("contacts", "period", "interval", "frequency"),
    [
        (1, "week", 7, "weekly"),
        (2, "week", 3, "twice a week"),
        (7, "week", 1, "7 times a week"),
        (9, "week", 1, "9 times a week"),
        (1, "month", 30, "monthly"),
        (2, "month", 15, "twice a month"),
        (4, "month", 7, "4 times a month"),
    ],
)
def test_interval_and_frequency(contacts, period, interval, frequency):
    assert (policy(contacts, period).interval_days, policy(contacts, period).frequency) == (interval, frequency)


def test_defaults_cover_every_schemes_classes_with_the_spec_frequencies():
    assert set(DEFAULT_POLICIES) == {"A", "B", "C", "vip", "good", "regular", "EI", "EII", "EIII", "EIV", "PI", "PII", "PIII", "PIV"}
    assert [DEFAULT_POLICIES[label].interval_days for label in ("A", "B", "C")] == [7, 15, 30]
    assert [DEFAULT_POLICIES[label].priority for label in ("A", "B", "C")] == [1, 2, 3]
    assert all(label == policy.class_label for label, policy in DEFAULT_POLICIES.items())


def test_eii_is_more_urgent_than_ei():
    assert DEFAULT_POLICIES["EII"].priority < DEFAULT_POLICIES["EI"].priority


def test_defaults_are_read_only():
    with pytest.raises(TypeError):
        DEFAULT_POLICIES["A"] = DEFAULT_POLICIES["C"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"contacts": 0}, "policy X: contacts must be at least 1 (got 0)"),
        ({"period": "year"}, "policy X: period must be 'week' or 'month' (got 'year')"),
        ({"channel": "fax"}, "policy X: channel must be one of visit, call, email, message (got 'fax')"),
        ({"minutes": 0}, "policy X: minutes must be at least 1 (got 0)"),
    ],
)
def test_bad_policies_are_refused(fields, message):
    arguments = {"contacts": 1, "period": "week", "channel": "call", "minutes": 15, "priority": 1} | fields
    with pytest.raises(ValueError, match=f"^{message}$".replace("(", r"\(").replace(")", r"\)")):
        Policy("X", **arguments)
