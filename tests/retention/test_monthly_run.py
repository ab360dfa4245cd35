"""The monthly run fits churn first, feeds the matrix's stability with the probability alive, and reviews retention after."""

from datetime import date

import pytest

from clientela.retention.models import ChurnFit, CustomerPrediction, CustomerRhythm
from clientela.segmentation.models import CustomerClass, Snapshot
from clientela.segmentation.services import scheme_save, segmentation_run, segmentation_run_due
from tests.retention.conftest import fit_store, settings_save
from tests.retention.logs import log_write, simulated_lines

JUN = date(2024, 6, 30)


def matrix(snapshot: Snapshot) -> dict[str, tuple[str, float]]:
    rows = CustomerClass.objects.filter(snapshot=snapshot).values_list("customer__name", "label", "explanation")
    return {name: (label, explanation["stability"]) for name, label, explanation in rows}


@pytest.fixture
def alike(bars, sell):
    """Four customers buying alike (on the 15th of every month for a year), in amounts 5:4:1:0.5 a month.

    Their stability indicators are equal: all active months (1), no variation month to month or quarter to quarter
    (1, 1), largest order 1/12 of the revenue (spread 11/12). Sol and Dos contribute more than the median.
    """
    for name, cents in [("Bar Sol", 5_000), ("Bar Dos", 4_000), ("Bar Tres", 1_000), ("Bar Cuatro", 500)]:
        for month in range(7, 13):
            sell(bars[name], date(2023, month, 15), cents)
        for month in range(1, 7):
            sell(bars[name], date(2024, month, 15), cents)
    scheme_save(name="matrix", definition={"kind": "matrix"})
    return bars


def test_the_matrix_counts_the_stored_probability_alive_into_stability(alike):
    without = matrix(segmentation_run(scheme_name="matrix", as_of=JUN))
    steady = (1 + 1 + 1 + 11 / 12) / 4
    assert without == {name: (label, pytest.approx(steady)) for name, label in [("Bar Sol", "EI"), ("Bar Dos", "EI"), ("Bar Tres", "EIII"), ("Bar Cuatro", "EIII")]}
    p_alive = {"Bar Sol": 0.1, "Bar Dos": 0.9, "Bar Tres": 0.2, "Bar Cuatro": 0.8}
    fit_store(JUN, {alike[name]: p for name, p in p_alive.items()})

    with_alive = matrix(segmentation_run(scheme_name="matrix", as_of=JUN))

    # Stability is now (4 × steady + p) / 5; its median threshold falls between 0.2 and 0.8: Sol and Tres drift.
    assert with_alive == {
        "Bar Sol": ("EII", pytest.approx((4 * steady + 0.1) / 5)),
        "Bar Dos": ("EI", pytest.approx((4 * steady + 0.9) / 5)),
        "Bar Tres": ("EIV", pytest.approx((4 * steady + 0.2) / 5)),
        "Bar Cuatro": ("EIII", pytest.approx((4 * steady + 0.8) / 5)),
    }


def test_the_matrix_leaves_the_probability_alive_out_when_the_settings_say_so_or_no_fit_is_old_enough(alike):
    fit_store(JUN, {alike["Bar Sol"]: 0.1, alike["Bar Dos"]: 0.9, alike["Bar Tres"]: 0.2, alike["Bar Cuatro"]: 0.8})
    assert matrix(segmentation_run(scheme_name="matrix", as_of=date(2024, 5, 31)))["Bar Sol"][0] == "EI"  # the fit is later
    settings_save(matrix_uses_p_alive=False)
    assert matrix(segmentation_run(scheme_name="matrix", as_of=JUN))["Bar Sol"][0] == "EI"


def test_the_matrix_reads_the_latest_fit_on_or_before_its_date(alike):
    fit_store(date(2024, 5, 31), {alike["Bar Sol"]: 0.1, alike["Bar Dos"]: 0.9, alike["Bar Tres"]: 0.2, alike["Bar Cuatro"]: 0.8})
    ChurnFit.objects.create(as_of=JUN, status="failed", failure="did not converge", time_unit="week", fit_window_months=12, horizon_months=12, monthly_discount_rate=0.01)
    assert matrix(segmentation_run(scheme_name="matrix", as_of=JUN))["Bar Sol"][0] == "EII"


def test_the_monthly_run_fits_first_feeds_the_matrix_then_reviews(committed):
    ids = log_write(simulated_lines(300, as_of=JUN, seed=1, cents=lambda customer, day: 1000 + 10 * (customer % 7) * (day % 3)))
    scheme_save(name="matrix", definition={"kind": "matrix"})
    scheme_save(name="abc", definition={"kind": "abc"})

    snapshots = segmentation_run_due(today=date(2024, 7, 5))

    assert sorted(snapshot.scheme.name for snapshot in snapshots) == ["abc", "matrix"]
    fit = ChurnFit.objects.get()
    assert (fit.as_of, fit.status) == (JUN, "fitted")
    assert set(CustomerRhythm.objects.values_list("as_of", flat=True)) == {JUN}
    # Stability with p(alive) = (4 × stability without + p) / 5 for every customer.
    with_alive = matrix(next(s for s in snapshots if s.scheme.name == "matrix"))
    settings_save(matrix_uses_p_alive=False)
    without = matrix(segmentation_run(scheme_name="matrix", as_of=JUN))
    names = {pk: f"Customer {external}" for external, pk in ids.items()}
    p_alive = {names[pk]: p for pk, p in CustomerPrediction.objects.filter(fit=fit).values_list("customer_id", "p_alive")}
    assert len(p_alive) == 300
    assert all(with_alive[name][1] == pytest.approx((4 * without[name][1] + p) / 5, abs=1e-8) for name, p in p_alive.items())
    assert any(with_alive[name][0] != without[name][0] for name in p_alive)
    # Done for the month: nothing is run or fitted again.
    assert segmentation_run_due(today=date(2024, 7, 20)) == []
    assert ChurnFit.objects.get().fitted_at == fit.fitted_at


def test_a_monthly_run_with_too_little_data_for_the_fit_still_classifies(alike):
    snapshots = segmentation_run_due(today=date(2024, 7, 5))
    assert ChurnFit.objects.get().status == "too_little_data"
    assert matrix(snapshots[0])["Bar Sol"][0] == "EI"
