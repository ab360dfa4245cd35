"""Receivables ageing from the database: the worked example, totals per salesperson and team, a fixed number of queries."""

from datetime import date

from clientela.crm.models import Customer
from clientela.receivables.selectors.ageing import customer_statement, receivables_ageing
from tests.ledger import example


def test_the_worked_example_ages_as_computed_by_hand(worked_example):
    report = receivables_ageing(customers=Customer.objects.all(), as_of=example.AS_OF)
    assert [row.customer for row in report.rows] == [worked_example]
    assert report.rows[0].ageing.buckets == example.BUCKETS
    assert [(customer, item.ref, item.sequence, item.days_past_due) for customer, item in report.overdue_instalments] == [(worked_example, "K1", 2, 60)]
    earlier = receivables_ageing(customers=Customer.objects.all(), as_of=example.EARLIER)
    assert earlier.rows[0].ageing.buckets == example.EARLIER_BUCKETS


def test_longer_terms_move_money_back_to_current(worked_example, terms):
    terms(worked_example, payment_days=90)
    buckets = receivables_ageing(customers=Customer.objects.all(), as_of=example.AS_OF).rows[0].ageing.buckets
    # Due 90 days after its date, F2 (16 May) comes after instalment 2 (1 May): the unnamed money of 25 March, the credit
    # note and the 50.00 pay the instalment instead. Open: instalment 2 200.00 (60 days) and F2 500.00 (45 days),
    # F3 800.00 (due 18 June), F4 200.00, F5 300.00 and instalment 3 600.00 not yet due.
    assert buckets == (20_000 + 30_000 + 60_000, 80_000, 20_000 + 50_000, 0, 0)


def test_totals_per_salesperson_and_team_and_the_credit_limit(worked_example, sale, theirs, south_customer, terms):
    sale(theirs, "G1", date(2026, 6, 1), [("Lager", 40_000)])  # due 1 July: current
    sale(south_customer, "H1", date(2026, 1, 2), [("Craft", 7_000)])  # due 1 February: 149 days
    terms(worked_example, limit_cents=250_000)
    report = receivables_ageing(customers=Customer.objects.all(), as_of=example.AS_OF)
    assert [row.customer.name for row in report.rows] == ["Bar Ejemplo", "Bodega Sur", "Bar Ajeno"]  # most overdue first
    assert [(total.label, total.customers, total.buckets) for total in report.by_salesperson] == [
        ("ana", 1, example.BUCKETS),
        ("bruno", 1, (40_000, 0, 0, 0, 0)),
        ("carla", 1, (0, 0, 0, 0, 7_000)),
    ]
    assert [(total.label, total.open_cents, total.overdue_cents) for total in report.by_team] == [("North", 300_000, 170_000), ("South", 7_000, 7_000)]
    assert report.total.buckets == (130_000, 20_000, 60_000, 80_000, 17_000)
    assert report.rows[0].over_limit_cents == 10_000 and report.rows[1].over_limit_cents == 0


def test_customers_owing_nothing_are_left_out(sale, pay, customer):
    sale(customer, "F1", date(2026, 1, 10), [("Lager", 1_000)])
    pay(customer, date(2026, 1, 20), 1_000, "F1")
    assert receivables_ageing(customers=Customer.objects.all(), as_of=date(2026, 2, 1)).rows == []


def test_the_ageing_reads_a_fixed_number_of_queries(worked_example, sale, salesperson, django_assert_num_queries):
    from clientela.crm.services.customers import customer_create

    for number in range(5):
        sale(customer_create(external_id=f"N{number}", name=f"Bar {number}", owner=salesperson), f"N{number}", date(2026, 6, 1), [("Lager", 100)])
    with django_assert_num_queries(5):
        report = receivables_ageing(customers=Customer.objects.all(), as_of=example.AS_OF)
        assert [row.customer.owner.team.name for row in report.rows] == ["North"] * 6


def test_a_statement_lists_open_and_recently_paid_items(worked_example):
    statement = customer_statement(customer=worked_example, as_of=example.AS_OF)
    assert statement.standing.ageing.buckets == example.BUCKETS
    # F1 (paid 5 February) is more than 90 days old; F0 and instalment 1 were paid on 25 March, 97 days before.
    assert [(item.ref, item.sequence) for item in statement.items] == [("F2", 0), ("F3", 0), ("K1", 2), ("F4", 0), ("K1", 3), ("F5", 0)]
