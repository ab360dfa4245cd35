"""S3.3 Rolling VIP register against a hand-worked example, on every backend.

Payments in cents, as of June 2024 (window January–June, the default 6 months):

    month     payers (amount)                                      payers  VIPs = ⌈20 %⌉
    2023-08   14 (900)                                             1       14
    2023-12   9 (5000), 1 (1000), 2 (900), 3 (800), 4 (700)        5       9
    2024-01   1 (3000), 2 (1000), 3 (1000), 4 (500), 5 (200),      6       1, 2 (2 and 3 tie: id first)
              6 (100)
    2024-02   3 (2000), 4 (2000), 5 (100), 6 (50), 7 (10)          5       3 (3 and 4 tie)
    2024-03   nobody
    2024-04   5 (10000)                                            1       5
    2024-05   6 (200), 4 (100); 8 pays 100 and is refunded 100     2       6
    2024-06   1 (500), 7 (400), 10 (300), 11 (200), 4 (100),       6       1, 7
              12 (100)

Register of June (January–June) = {1, 2, 3, 5, 6, 7}; of May (December–May) = {9, 1, 2, 3, 5, 6}:
9 fell out of VIP in June, so 9 is good although it paid nothing in the window.
Totals January–June: 5 10300, 1 3500, 3 3000, 4 2700, 2 1000, 7 410, 6 350, 10 300, 11 200,
12 100, 8/9/13/14 0. Other customers with a positive total: 4, 10, 11, 12 → ⌈0.8⌉ = 1 good: 4.
Customer 13 only has invoices (huge ones): payments are given, so they do not count.
"""

from datetime import date

import pytest

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric
from clientela.engine.schemes.vip import VipScheme
from tests.fixtures.engines import payments_table, transactions_table

AS_OF = date(2024, 6, 30)

PAYMENTS = [
    (14, date(2023, 8, 31), 900),
    (9, date(2023, 12, 31), 5000),
    (1, date(2023, 12, 1), 1000),
    (2, date(2023, 12, 2), 900),
    (3, date(2023, 12, 3), 800),
    (4, date(2023, 12, 4), 700),
    (1, date(2024, 1, 1), 2000),
    (1, date(2024, 1, 20), 1000),  # 1 pays 3000 in January, in two payments
    (2, date(2024, 1, 5), 1000),
    (3, date(2024, 1, 6), 1000),
    (4, date(2024, 1, 7), 500),
    (5, date(2024, 1, 8), 200),
    (6, date(2024, 1, 9), 100),
    (3, date(2024, 2, 1), 2000),
    (4, date(2024, 2, 29), 2000),
    (5, date(2024, 2, 3), 100),
    (6, date(2024, 2, 4), 50),
    (7, date(2024, 2, 5), 10),
    (5, date(2024, 4, 30), 10_000),
    (6, date(2024, 5, 1), 200),
    (4, date(2024, 5, 2), 100),
    (8, date(2024, 5, 3), 100),
    (8, date(2024, 5, 4), -100),  # refunded: 8 did not pay in May
    (1, date(2024, 6, 30), 500),
    (7, date(2024, 6, 1), 400),
    (10, date(2024, 6, 2), 300),
    (11, date(2024, 6, 3), 200),
    (4, date(2024, 6, 4), 100),
    (12, date(2024, 6, 5), 100),
    (12, date(2024, 7, 1), 99_999),  # after June: not read
]
SALES = [(13, date(2024, 3, 1), "x", 1, 999_999, None)]


# Several tests look at the same run: each (backend, scheme, data, date) runs once.
_RESULTS: dict[tuple, dict[int, dict]] = {}


def run(backend, scheme, payments=PAYMENTS, sales=SALES, as_of=AS_OF) -> dict[int, dict]:
    key = (backend.name, scheme.model_dump_json(), tuple(payments or ()), payments is None, tuple(sales), as_of)
    if key not in _RESULTS:
        inputs = Inputs(transactions_table(backend, sales), payments_table(backend, payments) if payments is not None else None)
        _RESULTS[key] = {row["customer_id"]: row for row in scheme.classify(inputs, as_of).to_pyarrow().to_pylist()}
    return _RESULTS[key]


def labels(result: dict[int, dict]) -> dict[int, str]:
    return {customer: row["class"] for customer, row in sorted(result.items())}


MONTHLY = {1: "vip", 2: "vip", 3: "vip", 4: "good", 5: "vip", 6: "vip", 7: "vip", 8: "regular", 9: "good",
           10: "regular", 11: "regular", 12: "regular", 13: "regular", 14: "regular"}  # fmt: skip


def test_monthly_register_good_and_regular(backend):
    assert labels(run(backend, VipScheme())) == MONTHLY


def test_the_result_explains_the_register(backend):
    result = run(backend, VipScheme())
    assert [(c, result[c]["vip_months"], result[c]["months_vip"]) for c in (1, 2, 3, 5, 6, 7)] == [
        (1, 2, "2024-01,2024-06"),
        (2, 1, "2024-01"),
        (3, 1, "2024-02"),
        (5, 1, "2024-04"),
        (6, 1, "2024-05"),
        (7, 1, "2024-06"),
    ]
    # 9 and 14 were VIPs only before the window
    assert [(result[c]["vip_months"], result[c]["months_vip"]) for c in (4, 9, 14)] == [(0, ""), (0, ""), (0, "")]
    assert [c for c, row in result.items() if row["fell_out"]] == [9]
    ranking = sorted(result, key=lambda c: result[c]["rank"])
    assert ranking == [5, 1, 3, 4, 2, 7, 6, 10, 11, 12, 8, 9, 13, 14]
    assert [result[c]["value"] for c in ranking] == [10_300, 3500, 3000, 2700, 1000, 410, 350, 300, 200, 100, 0, 0, 0, 0]
    assert (result[1]["vip_threshold"], result[1]["good_threshold"]) == (0.2, 0.2)
    assert list(result[1]) == [
        "customer_id", "class", "value", "rank", "vip_months", "months_vip", "fell_out", "vip_threshold", "good_threshold",
    ]  # fmt: skip


def test_register_changes_list_entries_and_exits_per_month(backend):
    scheme = VipScheme()
    inputs = Inputs(transactions_table(backend, SALES), payments_table(backend, PAYMENTS))
    changes = sorted(tuple(row.values()) for row in scheme.register_changes(inputs, AS_OF).to_pyarrow().to_pylist())
    # registers: Dec {14, 9}; Jan {14, 9, 1, 2}; Feb {9, 1, 2, 3} (14's August leaves); Mar same; Apr + 5;
    # May + 6; Jun + 7 and 9's December leaves
    assert changes == [
        ("2024-01", 1, "entry"),
        ("2024-01", 2, "entry"),
        ("2024-02", 3, "entry"),
        ("2024-02", 14, "exit"),
        ("2024-04", 5, "entry"),
        ("2024-05", 6, "entry"),
        ("2024-06", 7, "entry"),
        ("2024-06", 9, "exit"),
    ]


def test_whole_calendar_months_the_as_of_month_being_the_last(backend):
    # any day of June gives June's register: the window is always January 1 – June 30
    assert labels(run(backend, VipScheme(), as_of=date(2024, 6, 1))) == MONTHLY
    assert VipScheme().period(date(2024, 6, 1)) == (date(2024, 1, 1), date(2024, 6, 30))
    assert VipScheme(window_months=3).period(date(2024, 2, 29)) == (date(2023, 12, 1), date(2024, 2, 29))


def test_as_of_may_the_register_is_december_to_may(backend):
    result = run(backend, VipScheme(), as_of=date(2024, 5, 15))
    # register of May (December–May) {9, 1, 2, 3, 5, 6}; of April (November–April) {9, 1, 2, 3, 5}:
    # nobody fell out. Totals December–May of the others: 4 3300, 7 10 → ⌈0.4⌉ = 1 good: 4.
    # 10, 11 and 12 pay only from June on, but every customer seen gets a class.
    assert labels(result) == {1: "vip", 2: "vip", 3: "vip", 4: "good", 5: "vip", 6: "vip", 7: "regular", 8: "regular",
                              9: "vip", 10: "regular", 11: "regular", 12: "regular", 13: "regular", 14: "regular"}  # fmt: skip
    assert result[9]["months_vip"] == "2023-12"


def test_total_mode_takes_the_top_of_the_window_total(backend):
    result = run(backend, VipScheme(mode="total"))
    # June: 10 customers with a positive total January–June → ⌈2.0⌉ = 2 VIPs: 5 (10300), 1 (3500).
    # May (December–May): 9 5000 ... 8 positive → ⌈1.6⌉ = 2: 5 (10300), 9 (5000): 9 fell out → good.
    # Others positive in June: 3, 4, 2, 7, 6, 10, 11, 12 → ⌈1.6⌉ = 2 good: 3 (3000), 4 (2700).
    assert labels(result) == {1: "vip", 2: "regular", 3: "good", 4: "good", 5: "vip", 6: "regular", 7: "regular", 8: "regular",
                              9: "good", 10: "regular", 11: "regular", 12: "regular", 13: "regular", 14: "regular"}  # fmt: skip
    assert result[9]["fell_out"] is True


def test_total_mode_over_three_months(backend):
    result = run(backend, VipScheme(mode="total", window_months=3))
    # April–June: 5 10000, 1 500, 7 400, 10 300, 4 200, 6 200, 11 200, 12 100 → ⌈1.6⌉ = 2 VIPs: 5, 1.
    # March–May: 5 10000, 6 200, 4 100 → ⌈0.6⌉ = 1: 5, still VIP. Others: 7, 10, 4, 6, 11, 12 → 2 good: 7, 10.
    vips_and_good = {c: label for c, label in labels(result).items() if label != "regular"}
    assert vips_and_good == {1: "vip", 5: "vip", 7: "good", 10: "good"}


def test_without_payments_the_invoiced_amounts_stand_in(backend):
    sales = [(c, date(2024, 6, c), f"d{c}", 1, 100 * (6 - c), None) for c in range(1, 6)]  # 1: 500 … 5: 100
    payments = [(5, date(2024, 6, 1), 10_000)]
    # with payments only 5 paid: VIP; the others have nothing paid
    assert labels(run(backend, VipScheme(), payments=payments, sales=sales)) == {1: "regular", 2: "regular", 3: "regular", 4: "regular", 5: "vip"}
    # without payments: invoices; 5 payers → 1 VIP (1), others 2–5 → ⌈0.8⌉ = 1 good (2)
    assert labels(run(backend, VipScheme(), payments=None, sales=sales)) == {1: "vip", 2: "good", 3: "regular", 4: "regular", 5: "regular"}
    # another metric reads the transactions even when payments are given
    assert labels(run(backend, VipScheme(metric=Metric.REVENUE), payments=payments, sales=sales)) == {
        1: "vip", 2: "good", 3: "regular", 4: "regular", 5: "regular"
    }  # fmt: skip


def test_shares_are_configurable(backend):
    # half of June's 6 payers are VIPs: 1 (500), 7 (400), 10 (300); half of the register is Jan–May's
    result = run(backend, VipScheme(window_months=1, vip_share=0.5, good_share=0))
    assert {c for c, row in result.items() if row["class"] == "vip"} == {1, 7, 10}
    # May's register {6} (6 200 vs 4 100 → ⌈1.0⌉ = 1): 6 fell out → good; good_share 0: nobody else
    assert {c for c, row in result.items() if row["class"] == "good"} == {6}


@pytest.mark.parametrize("bad", [{"vip_share": 0}, {"good_share": 1.5}, {"mode": "rolling"}, {"window_months": 25}])
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValueError, match="|".join(bad)):
        VipScheme(**bad)
