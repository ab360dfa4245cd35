"""The home page's revenue of the last year: the day totals kept by triggers, for admins, equal the lines themselves."""

from datetime import date

import pytest

from clientela.crm.models import Transaction, User
from clientela.crm.services.business import transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.dashboards.models import TransactionDay
from clientela.dashboards.selectors.revenue import revenue_12m

TODAY = date(2026, 6, 15)  # the year: lines dated after 15 June 2025


@pytest.fixture
def admin(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN)


@pytest.fixture
def customers(salesperson, other_salesperson):
    return customer_create(external_id="M1", name="Mine", owner=salesperson), customer_create(external_id="T1", name="Theirs", owner=other_salesperson)


def days() -> dict[date, int]:
    return dict(TransactionDay.objects.exclude(amount_cents=0).values_list("day", "amount_cents"))


def lines_by_day() -> dict[date, int]:
    totals: dict[date, int] = {}
    for day, cents in Transaction.objects.values_list("date", "amount_cents"):
        totals[day] = totals.get(day, 0) + cents
    return {day: cents for day, cents in totals.items() if cents}


def test_each_day_follows_inserts_upserts_updates_and_deletes(customers):
    mine, theirs = customers
    transactions_upsert(rows=[("F1", 1, mine.pk, date(2026, 1, 5), None, 1, 10_000, None), ("F1", 2, mine.pk, date(2026, 1, 5), None, 1, 2_500, None)])
    Transaction.objects.create(document_id="F2", line=1, customer=theirs, date=date(2026, 1, 5), amount_cents=-1_000)
    Transaction.objects.create(document_id="F3", line=1, customer=theirs, date=date(2026, 2, 1), amount_cents=7_000)
    assert days() == {date(2026, 1, 5): 11_500, date(2026, 2, 1): 7_000}

    transactions_upsert(rows=[("F1", 2, mine.pk, date(2026, 1, 5), None, 1, 4_000, None)])  # the same line again, a new amount
    Transaction.objects.filter(document_id="F3").update(date=date(2026, 2, 2))  # moved to another day
    Transaction.objects.filter(document_id="F2").delete()
    Transaction.objects.filter(document_id="F3").update(customer=mine)  # another customer: the day does not change
    assert days() == {date(2026, 1, 5): 14_000, date(2026, 2, 2): 7_000}
    assert days() == lines_by_day()


def test_an_admin_gets_the_company_revenue_and_others_their_customers(customers, salesperson, admin):
    mine, theirs = customers
    transactions_upsert(
        rows=[
            ("F1", 1, mine.pk, date(2025, 6, 15), None, 1, 90_000, None),  # a year before: not counted
            ("F2", 1, mine.pk, date(2025, 6, 16), None, 1, 10_000, None),
            ("F3", 1, theirs.pk, date(2026, 3, 1), None, 1, 20_000, None),
            ("F4", 1, theirs.pk, date(2026, 3, 1), None, 1, -3_000, None),
        ]
    )
    assert revenue_12m(user=admin, today=TODAY) == 27_000
    assert revenue_12m(user=salesperson, today=TODAY) == 10_000


def test_the_company_revenue_is_one_query_on_the_day_totals(customers, admin, django_assert_num_queries):
    transactions_upsert(rows=[("F1", 1, customers[0].pk, date(2026, 1, 5), None, 1, 10_000, None)])
    with django_assert_num_queries(1) as queries:
        assert revenue_12m(user=admin, today=TODAY) == 10_000
    assert "transaction_days" in queries.captured_queries[0]["sql"] and "transactions" not in queries.captured_queries[0]["sql"].replace("transaction_days", "")
