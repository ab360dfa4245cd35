"""Who sees which customers, and the customer list's filters."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from clientela.crm.models import Customer, Payment, Tag, Team, Transaction, User
from clientela.crm.selectors.customers import (
    CustomerFilters,
    customer_list,
    customer_monthly_revenue,
    customer_totals,
    customers_visible_to,
    portfolio_counts,
)
from clientela.crm.services.customers import customer_create


def _portfolio(salesperson: User, other: User) -> tuple[Customer, Customer, Customer]:
    mine = customer_create(external_id="M1", name="Mine", owner=salesperson, city="Bilbao", channel="bar")
    theirs = customer_create(external_id="T1", name="Theirs", owner=other, city="Madrid", channel="shop")
    outsider = User.objects.create_user("zoe", password="pw", team=Team.objects.create(name="South"))
    foreign = customer_create(external_id="F1", name="Foreign", owner=outsider)
    return mine, theirs, foreign


def test_a_salesperson_sees_only_their_own_customers(salesperson, other_salesperson):
    mine, _, _ = _portfolio(salesperson, other_salesperson)
    assert list(customers_visible_to(salesperson)) == [mine]


def test_a_supervisor_sees_the_team_but_not_other_teams(team, salesperson, other_salesperson):
    mine, theirs, _ = _portfolio(salesperson, other_salesperson)
    assert set(customers_visible_to(team.supervisor)) == {mine, theirs}


def test_an_admin_sees_everyone(salesperson, other_salesperson):
    _portfolio(salesperson, other_salesperson)
    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
    assert customers_visible_to(admin).count() == 3


def test_customer_list_searches_name_id_and_town_and_filters(team, salesperson, other_salesperson):
    mine, theirs, _ = _portfolio(salesperson, other_salesperson)
    boss = team.supervisor
    assert list(customer_list(user=boss, filters=CustomerFilters(search="madr"))) == [theirs]
    assert list(customer_list(user=boss, filters=CustomerFilters(search="m1"))) == [mine]
    assert list(customer_list(user=boss, filters=CustomerFilters(channel="bar"))) == [mine]
    assert list(customer_list(user=boss, filters=CustomerFilters(owner=other_salesperson.id))) == [theirs]
    tag = Tag.objects.create(name="vip")
    theirs.tags.add(tag)
    assert list(customer_list(user=boss, filters=CustomerFilters(tag=tag.id))) == [theirs]
    assert list(customer_list(user=salesperson, filters=CustomerFilters(search="Theirs"))) == []


def test_customer_totals_count_the_last_twelve_months(customer):
    for document, day, cents in (("A", date(2024, 6, 1), 10_000), ("A", date(2024, 6, 1), -2_000), ("B", date(2023, 1, 1), 5_000)):
        Transaction.objects.create(document_id=document, line=Transaction.objects.filter(document_id=document).count() + 1, customer=customer, date=day, amount_cents=cents)
    for reference, day, cents in (("P1", date(2024, 3, 1), 4_000), ("P2", date(2023, 12, 31), 9_000), ("P3", date(2023, 6, 1), 1_000)):
        Payment.objects.create(reference=reference, customer=customer, date=day, amount_cents=cents)
    with CaptureQueriesContext(connection) as queries:
        totals = customer_totals(customer=customer, today=date(2024, 12, 31))
    assert (totals.revenue_12m_cents, totals.orders_12m, totals.last_purchase) == (8_000, 1, date(2024, 6, 1))
    assert (totals.paid_12m_cents, totals.last_payment) == (4_000, date(2024, 3, 1))  # 31 Dec 2023 is 366 days before
    assert len(queries) == 2


def test_customer_totals_without_sales_or_payments(customer):
    totals = customer_totals(customer=customer, today=date(2024, 12, 31))
    assert (totals.revenue_12m_cents, totals.orders_12m, totals.paid_12m_cents, totals.last_purchase, totals.last_payment) == (0, 0, 0, None, None)


def test_portfolio_counts_count_the_visible_customers_by_status_in_one_query(salesperson, other_salesperson):
    _portfolio(salesperson, other_salesperson)
    for number, status in enumerate((Customer.Status.PROSPECT, Customer.Status.LOST, Customer.Status.INACTIVE)):
        customer_create(external_id=f"S{number}", name=f"Status {number}", owner=salesperson, status=status)
    with CaptureQueriesContext(connection) as queries:
        counts = portfolio_counts(user=salesperson)
    # Mine (active), lost and inactive are customers; the prospect is not; the other salesperson's are not counted.
    assert counts == {"customers": 3, "prospects": 1, "lost": 1}
    assert len(queries) == 1


def test_monthly_revenue_fills_months_without_sales(salesperson):
    customer = customer_create(external_id="R1", name="Bar Mes", owner=salesperson)
    for day, cents in ((date(2024, 11, 30), 999), (date(2024, 12, 1), 1000), (date(2024, 12, 31), -250), (date(2025, 2, 1), 500), (date(2025, 3, 1), 7)):
        Transaction.objects.create(document_id=f"D{day}", line=1, customer=customer, date=day, amount_cents=cents)
    assert customer_monthly_revenue(customer=customer, last_month=date(2025, 2, 14), months=3) == [
        (date(2024, 12, 1), 750),
        (date(2025, 1, 1), 0),
        (date(2025, 2, 1), 500),
    ]
