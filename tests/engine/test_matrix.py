"""S3.5 Contribution × stability matrix against hand-computed examples, on every backend.

As of 2024-12-31 with a 12-month window (the calendar year 2024); revenue in cents. Stability is
the mean of four indicators: active months / 12, 1 / (1 + monthly CV), 1 / (1 + quarterly CV) and
1 − largest order / revenue.

    customer  sales in 2024                              revenue  stability
    1         1000 every month, one order each           12000    (1 + 1 + 1 + 11/12) / 4 = 47/48 = 0.979166…
    2         one order of 12000 in January              12000    (1/12 + 1/(1+√11) + 1/(1+√3) + 0) / 4 = 0.170255…
    3         Jan 1500, Feb 1000, Apr 1000, May 1000,     6000    (7/12 + 1/2 + 3/5 + 3/4) / 4 = 73/120 = 0.608333…
              Jun 500, Aug 500, Dec 500 (one order each)
    4         100 every month                             1200    47/48
    5         one order of 600                             600    like 2: 0.170255…
    6         500 sold and returned                          0    0 (nothing to measure)
    7         a return of 300                             −300    0
    8         1200 in March and 1200 in September         2400    (2/12 + 1/(1+√5) + 1/2 + 1/2) / 4 = 0.368920…

2: months 12000 and eleven 0: mean 1000, variance 144e6/12 − 1e6 = 11e6, CV √11; quarters 12000, 0, 0, 0:
mean 3000, variance 144e6/4 − 9e6 = 27e6, CV √27/3 = √3. 3 (in units of 500): months 3, 2, 0, 2, 2, 1, 0, 1,
0, 0, 0, 1: mean 1, variance 24/12 − 1 = 1, CV 1; quarters 5, 5, 1, 1: mean 3, variance 52/4 − 9 = 4, CV 2/3;
largest order 1500 / 6000. 8: months two 1200: mean 200, variance 2.88e6/12 − 40,000 = 200,000, CV √5;
quarters 1200, 0, 1200, 0: mean 600, std 600, CV 1.
"""

import math
from datetime import date

import pytest

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric
from clientela.engine.schemes import SchemeError, scheme_from_dict
from clientela.engine.schemes.matrix import PRIORITIES, STRATEGIES, MatrixScheme, StabilityWeights
from tests.fixtures.engines import alive_table, transactions_table

AS_OF = date(2024, 12, 31)


def sale(customer: int, month: int, amount: int, day: int = 15) -> tuple:
    return (customer, date(2024, month, day), f"{customer}-{month}-{day}", 1, amount, None)


SALES = [
    *(sale(1, month, 1000) for month in range(1, 13)),
    sale(2, 1, 12_000),
    *(sale(3, month, amount) for month, amount in [(1, 1500), (2, 1000), (4, 1000), (5, 1000), (6, 500), (8, 500), (12, 500)]),
    *(sale(4, month, 100) for month in range(1, 13)),
    sale(5, 7, 600),
    sale(6, 3, 500),
    sale(6, 3, -500, day=20),
    sale(7, 5, -300),
    sale(8, 3, 1200),
    sale(8, 9, 1200),
]
WITHOUT_8 = [row for row in SALES if row[0] != 8]

STABILITY = {
    1: 47 / 48,
    2: (1 / 12 + 1 / (1 + math.sqrt(11)) + 1 / (1 + math.sqrt(3))) / 4,
    3: 73 / 120,
    4: 47 / 48,
    5: (1 / 12 + 1 / (1 + math.sqrt(11)) + 1 / (1 + math.sqrt(3))) / 4,
    6: 0,
    7: 0,
    8: (2 / 12 + 1 / (1 + math.sqrt(5)) + 1 / 2 + 1 / 2) / 4,
}


# Several tests look at the same run: each (backend, scheme, data) runs once (compiling takes most of the time).
_RESULTS: dict[tuple, dict[int, dict]] = {}


def run(backend, scheme, sales=SALES, alive=None) -> dict[int, dict]:
    key = (backend.name, scheme.model_dump_json(), tuple(sales), tuple(alive) if alive is not None else None)
    if key not in _RESULTS:
        inputs = Inputs(transactions_table(backend, sales), alive=alive_table(backend, alive) if alive is not None else None)
        _RESULTS[key] = {row["customer_id"]: row for row in scheme.classify(inputs, AS_OF).to_pyarrow().to_pylist()}
    return _RESULTS[key]


def labels(result: dict[int, dict]) -> dict[int, str]:
    return {customer: row["class"] for customer, row in sorted(result.items())}


def test_stability_by_hand(backend):
    result = run(backend, MatrixScheme())
    for customer, expected in STABILITY.items():
        assert result[customer]["stability"] == pytest.approx(expected, abs=2e-9), customer
    three = result[3]
    assert (three["active_months"], three["monthly_cv"], three["largest_order"]) == (7, 1, 1500)
    assert three["quarterly_cv"] == pytest.approx(2 / 3, abs=1e-9)


def test_default_thresholds_are_medians_over_positive_contributions_even_count(backend):
    result = run(backend, MatrixScheme())
    # contributions 600, 1200, 2400, 6000, 12000, 12000 → (2400 + 6000) / 2; 6 and 7 (0 and −300) left out
    assert result[1]["contribution_threshold"] == 4200
    # stabilities sorted: 5 ≈ 2, 8, 3, 1 = 4 → the mean of 8's and 3's
    assert result[1]["stability_threshold"] == pytest.approx((STABILITY[8] + STABILITY[3]) / 2, abs=2e-9)
    assert labels(result) == {1: "EI", 2: "EII", 3: "EI", 4: "EIII", 5: "EIV", 6: "EIV", 7: "EIV", 8: "EIV"}


def test_default_thresholds_are_medians_over_positive_contributions_odd_count(backend):
    result = run(backend, MatrixScheme(), sales=WITHOUT_8)
    # 600, 1200, 6000, 12000, 12000 → 6000; stabilities 0.17, 0.17, 0.608, 0.979, 0.979 → 3's; "at or above" is high
    assert result[1]["contribution_threshold"] == 6000
    assert result[1]["stability_threshold"] == pytest.approx(STABILITY[3], abs=2e-9)
    assert labels(result) == {1: "EI", 2: "EII", 3: "EI", 4: "EIII", 5: "EIV", 6: "EIV", 7: "EIV"}


def test_zero_or_negative_contribution_is_always_low(backend):
    # with both thresholds at 0 every stability is high and every positive contribution too, yet 6 and 7 are low
    result = run(backend, MatrixScheme(contribution_threshold=0, stability_threshold=0))
    assert labels(result) == {1: "EI", 2: "EI", 3: "EI", 4: "EI", 5: "EI", 6: "EIII", 7: "EIII", 8: "EI"}


def test_fixed_thresholds_money_in_currency_units(backend):
    result = run(backend, MatrixScheme(contribution_threshold=60, stability_threshold=0.5))
    # 60.00 = 6000 cents: 3 is exactly at it (high); 3's 0.608 ≥ 0.5
    assert (result[1]["contribution_threshold"], result[1]["stability_threshold"]) == (6000, 0.5)
    assert labels(result) == {1: "EI", 2: "EII", 3: "EI", 4: "EIII", 5: "EIV", 6: "EIV", 7: "EIV", 8: "EIV"}
    assert run(backend, MatrixScheme(contribution_threshold=60.01, stability_threshold=0.5))[3]["class"] == "EIII"


def test_contribution_as_share_of_the_total(backend):
    result = run(backend, MatrixScheme(contribution="share"))
    # total of positive revenue 34,200; median share (2400 + 6000) / 2 / 34,200
    assert result[3]["contribution"] == pytest.approx(6000 / 34_200, abs=1e-12)
    assert result[1]["contribution_threshold"] == pytest.approx(4200 / 34_200, abs=1e-12)
    assert labels(result) == {1: "EI", 2: "EII", 3: "EI", 4: "EIII", 5: "EIV", 6: "EIV", 7: "EIV", 8: "EIV"}
    # a fixed share threshold is a fraction, not money: 3's 17.54 % reaches 17.5 %, not 17.6 %
    assert run(backend, MatrixScheme(contribution="share", contribution_threshold=0.175))[3]["class"] == "EI"
    assert run(backend, MatrixScheme(contribution="share", contribution_threshold=0.176))[3]["class"] == "EIII"


def test_a_non_money_metric_threshold_is_not_scaled(backend):
    # units: 1 and 4 have 12, 3 has 7, 8 has 2, 2 and 5 have 1; 6 has 0, 7 has −1
    result = run(backend, MatrixScheme(metric=Metric.UNITS, contribution_threshold=7, stability_threshold=0.5))
    assert result[3]["contribution"] == 7
    assert labels(result) == {1: "EI", 2: "EIV", 3: "EI", 4: "EI", 5: "EIV", 6: "EIV", 7: "EIV", 8: "EIV"}


def test_the_probability_of_being_alive_counts_into_stability(backend):
    alive = [(1, 0.5), (2, 1.0), (99, 1.0)]  # customers without a probability count 0; 99 is not a customer
    result = run(backend, MatrixScheme(), alive=alive)
    assert result[1]["stability"] == pytest.approx((47 / 12 + 0.5) / 5, abs=2e-9)  # 53/60
    assert result[3]["stability"] == pytest.approx(73 / 30 / 5, abs=2e-9)
    weighted = run(backend, MatrixScheme(weights=StabilityWeights(alive=4)), alive=alive)
    # (4 indicators + 4 × p_alive) / 8: 1 0.740, 2 0.585, 3 0.304, 4 0.490, 5 0.085, 8 0.184 → median 0.397
    assert weighted[2]["stability"] == pytest.approx((4 * STABILITY[2] + 4) / 8, abs=2e-9)
    assert weighted[1]["stability_threshold"] == pytest.approx((4 * STABILITY[3] + 4 * STABILITY[4]) / 8 / 2, abs=2e-9)
    assert labels(weighted) == {1: "EI", 2: "EI", 3: "EII", 4: "EIII", 5: "EIV", 6: "EIV", 7: "EIV", 8: "EIV"}
    assert 99 not in weighted


def test_weights_choose_the_indicators(backend):
    only_active = StabilityWeights(active_months=1, monthly_regularity=0, quarterly_regularity=0, order_spread=0)
    result = run(backend, MatrixScheme(weights=only_active))
    assert [result[c]["stability"] for c in (1, 2, 3, 8)] == [1, pytest.approx(1 / 12, abs=1e-9), pytest.approx(7 / 12, abs=1e-9), pytest.approx(1 / 6, abs=1e-9)]
    nothing = StabilityWeights(active_months=0, monthly_regularity=0, quarterly_regularity=0, order_spread=0)
    assert {row["stability"] for row in run(backend, MatrixScheme(weights=nothing)).values()} == {0}


def test_each_class_carries_strategy_priority_and_time_share(backend):
    result = run(backend, MatrixScheme())
    chosen = {row["class"]: (row["strategy"], row["priority"], row["time_share"]) for row in result.values()}
    assert chosen == {
        "EI": (STRATEGIES["EI"], 2, 0.30),
        "EII": (STRATEGIES["EII"], 1, 0.35),  # drifting big customers are the most urgent
        "EIII": (STRATEGIES["EIII"], 3, 0.25),
        "EIV": (STRATEGIES["EIV"], 4, 0.10),
    }
    assert STRATEGIES["EI"].startswith("consolidate") and STRATEGIES["EII"].startswith("recover")
    assert STRATEGIES["EIII"].startswith("promote") and STRATEGIES["EIV"].startswith("liquidate")
    assert PRIORITIES["EII"] < PRIORITIES["EI"] < PRIORITIES["EIII"] < PRIORITIES["EIV"]
    custom = run(backend, MatrixScheme(time_shares={"EI": 0.4, "EII": 0.4, "EIII": 0.15, "EIV": 0.05}))
    assert {row["class"]: row["time_share"] for row in custom.values()} == {"EI": 0.4, "EII": 0.4, "EIII": 0.15, "EIV": 0.05}


def test_the_result_explains_the_class(backend):
    assert list(run(backend, MatrixScheme())[1]) == [
        "customer_id", "class", "value", "rank", "share", "contribution", "stability", "active_months", "monthly_cv",
        "quarterly_cv", "largest_order", "contribution_threshold", "stability_threshold", "strategy", "priority", "time_share",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("time_shares", "message"),
    [
        ({"EI": 0.5, "EII": 0.5, "EIII": 0.0}, "time_shares needs a non-negative share for each of EI, EII, EIII, EIV"),
        ({"EI": 0.5, "EII": 0.5, "EIII": 0.1, "EIV": -0.1}, "time_shares needs a non-negative share"),
        ({"EI": 0.5, "EII": 0.5, "EIII": 0.1, "EIV": 0.1, "EV": 0}, "time_shares needs a non-negative share"),
        ({"EI": 0.3, "EII": 0.3, "EIII": 0.3, "EIV": 0.3}, "time_shares must add up to 1 \\(got 1.2\\)"),
    ],
)
def test_time_shares_are_checked(time_shares, message):
    with pytest.raises(SchemeError, match=f"^definition: Value error, {message}"):
        scheme_from_dict({"kind": "matrix", "time_shares": time_shares})


def test_thresholds_and_weights_are_checked():
    with pytest.raises(SchemeError, match="^stability_threshold: Input should be less than or equal to 1$"):
        scheme_from_dict({"kind": "matrix", "stability_threshold": 1.5})
    with pytest.raises(SchemeError, match="^weights.alive: Input should be greater than or equal to 0$"):
        scheme_from_dict({"kind": "matrix", "weights": {"alive": -1}})
    with pytest.raises(SchemeError, match="^contribution: Input should be 'value' or 'share'$"):
        scheme_from_dict({"kind": "matrix", "contribution": "profit"})
