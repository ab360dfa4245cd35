"""The demo company's data has the shape a sales team would recognise."""

from collections import defaultdict
from datetime import date

import pytest

from clientela.demo.generator import generate

END = date(2026, 6, 30)


@pytest.fixture(scope="module")
def company():
    return generate(seed=3, end=END, customers=400)


def test_same_seed_and_end_give_the_same_company():
    first, second = generate(seed=5, end=END, customers=50), generate(seed=5, end=END, customers=50)
    assert first.transactions == second.transactions and first.customers == second.customers
    assert generate(seed=6, end=END, customers=50).transactions != first.transactions


def test_history_covers_three_years_up_to_the_end(company):
    days = [row[3] for row in company.transactions]
    assert max(days) <= END
    assert min(days) >= date(2023, 6, 30)


def test_revenue_is_concentrated_like_pareto(company):
    revenue: defaultdict[str, int] = defaultdict(int)
    for row in company.transactions:
        revenue[row[2]] += row[6]
    ranked = sorted(revenue.values(), reverse=True)
    top_fifth = sum(ranked[: len(ranked) // 5]) / sum(ranked)
    assert 0.5 < top_fifth < 0.9


def test_summer_sells_more_than_winter(company):
    by_month: defaultdict[int, int] = defaultdict(int)
    for row in company.transactions:
        if row[3].year == 2025:
            by_month[row[3].month] += row[6]
    assert by_month[7] > 1.4 * by_month[1]


def test_there_are_returns_late_payers_churned_customers_and_prospects(company):
    assert any(row[6] < 0 for row in company.transactions)
    invoiced_on = {row[0]: row[3] for row in company.transactions}
    late = [p for p in company.payments if (p[2] - invoiced_on[p[4]]).days > 40]
    assert late
    statuses = {c["status"] for c in company.customers}
    assert {"active", "lost", "prospect"} <= statuses
    assert all(c["contacts"] and c["preference"] for c in company.customers)


def test_every_contract_schedule_adds_up_to_its_value(company):
    assert company.contracts
    for contract_id, _, _, value, _ in company.contracts:
        assert sum(amount for _, _, amount in company.schedules[contract_id]) == value
