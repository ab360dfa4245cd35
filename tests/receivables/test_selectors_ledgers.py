"""Reading each customer's documents: invoices from transaction lines, due after the customer's terms; schedules; receipts."""

from datetime import date

from clientela.crm.models import Customer
from clientela.ledger import Invoice, Receipt, Schedule
from clientela.receivables.selectors.ledgers import customer_documents, customer_ledgers


def test_an_invoice_adds_its_lines_up_dated_on_its_first_line_and_due_after_the_terms(sale, pay, contract, customer, terms):
    sale(customer, "F1", date(2026, 1, 10), [("Lager", 1_000), ("Craft", 500)])
    sale(customer, "F1", date(2026, 1, 12), [("Keg", -200)], first_line=3)  # a return, two days later
    contract(customer, "K1", date(2026, 1, 5), [(date(2026, 3, 1), 600)])
    pay(customer, date(2026, 2, 1), 700, "F1", "R1")
    terms(customer, payment_days=45)
    documents = customer_documents(customers=Customer.objects.all(), families=True)[customer.pk]
    assert documents.invoices == [Invoice("F1", date(2026, 1, 10), date(2026, 2, 24), 1_300)]
    assert documents.schedules == [Schedule("K1", date(2026, 1, 5), ((1, date(2026, 3, 1), 600),))]
    assert documents.receipts == [Receipt(date(2026, 2, 1), 700, "F1", "R1")]
    assert sorted(documents.families["F1"]) == [("Craft", 500), ("Keg", -200), ("Lager", 1_000)]


def test_without_terms_an_invoice_is_due_after_thirty_days(sale, customer):
    sale(customer, "F1", date(2026, 1, 10), [("Lager", 1_000)])
    assert customer_documents(customers=Customer.objects.all())[customer.pk].invoices[0].due == date(2026, 2, 9)


def test_only_the_customers_asked_for_are_read_in_four_queries(sale, customer, theirs, django_assert_num_queries):
    sale(customer, "F1", date(2026, 1, 10), [("Lager", 1_000)])
    sale(theirs, "F2", date(2026, 1, 10), [("Lager", 2_000)])
    with django_assert_num_queries(4):
        ledgers = dict(customer_ledgers(customers=Customer.objects.filter(pk=customer.pk)))
    assert list(ledgers) == [customer.pk]
