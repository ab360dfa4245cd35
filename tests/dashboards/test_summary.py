"""The summary of a snapshot's rows, checked against figures worked out by hand."""

import pytest

from clientela.dashboards.summary import ClassTotal, Summary, summarise, summarise_groups

# The company of tests/dashboards/conftest.py in rank order: (class, class before, value).
COMPANY = [("A", "A", 50_000), ("A", "B", 20_000), ("A", "A", 15_000), ("B", "A", 10_000), ("C", "C", 5_000), ("C", "", 0)]


def test_classes_flows_and_losses():
    summary = summarise([*COMPANY, ("C", "C", -2_500)])

    assert summary.customers == 7
    assert summary.classes == {"A": ClassTotal(3, 85_000), "B": ClassTotal(1, 10_000), "C": ClassTotal(3, 2_500)}
    assert summary.flows == {("A", "A"): 2, ("B", "A"): 1, ("A", "B"): 1, ("C", "C"): 2, ("", "C"): 1}
    assert summary.losses == 1
    assert summary.positive_total == 100_000  # the loss does not lower the total the shares are of


def test_the_curve_is_the_cumulative_share_of_the_positive_total_and_the_bands_are_the_classes_ranges():
    summary = summarise(COMPANY)

    assert summary.curve == ((1, 0.5), (2, 0.7), (3, 0.85), (4, 0.95), (5, 1.0), (6, 1.0))
    assert summary.bands == (("A", 1, 3), ("B", 4, 4), ("C", 5, 6))


def test_a_long_ranking_is_sampled_keeping_the_first_the_last_and_each_band_end():
    rows = [("A", None, 100)] * 7 + [("B", None, 10)] * 500 + [("C", None, 1)] * 493  # 1,000 customers
    summary = summarise(rows, points=10)

    positions = [position for position, _ in summary.curve]
    assert positions == [1, 7, 100, 200, 300, 400, 500, 507, 600, 700, 800, 900, 1000]
    at = dict(summary.curve)
    total = 7 * 100 + 500 * 10 + 493
    assert at[7] == pytest.approx(700 / total, abs=1e-6)
    assert at[507] == pytest.approx(5_700 / total, abs=1e-6)
    assert at[1000] == 1.0
    assert summary.bands == (("A", 1, 7), ("B", 8, 507), ("C", 508, 1000))


def test_interleaved_classes_have_no_bands_and_no_previous_snapshot_means_no_flows():
    summary = summarise([("EI", None, 30), ("EII", None, 20), ("EI", None, 10)])

    assert summary.bands == ()
    assert summary.flows is None


def test_nobody_and_nothing_positive():
    assert summarise([]) == Summary(customers=0, classes={}, flows=None, curve=(), bands=(), losses=0, positive_total=0)
    assert summarise([("C", None, 0), ("C", None, -5)]).curve == ((1, 0.0), (2, 0.0))


def test_json_round_trip():
    summary = summarise(COMPANY)
    assert Summary.from_json(summary.to_json()) == summary
    assert summary.customers_in("A") == 3 and summary.value_in("B") == 10_000 and summary.customers_in("EI") == 0


def test_group_counts_give_the_figures_of_the_rows_without_the_curve():
    rows = [*COMPANY, ("C", "C", -2_500)]
    groups: dict[tuple[str, str], list[int]] = {}
    for label, previous, value in rows:
        group = groups.setdefault((previous, label), [0, 0, 0, 0])
        group[0] += 1
        group[1] += value
        group[2] += max(value, 0)
        group[3] += value < 0

    counted = summarise_groups((previous, label, *group) for (previous, label), group in groups.items())

    walked = summarise(rows)
    assert (counted.customers, counted.classes, counted.flows, counted.losses, counted.positive_total) == (
        walked.customers, walked.classes, walked.flows, walked.losses, walked.positive_total
    )
    assert counted.curve == () and counted.bands == ()
