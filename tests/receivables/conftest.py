"""Receivables fixtures: sales by product family, payments, contracts, credit terms, the worked example in the database."""

import itertools
from collections.abc import Callable
from datetime import date

import pytest

from clientela.crm.models import Customer, Product, User
from clientela.crm.services.business import contracts_upsert, payments_upsert, transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.receivables.models import CreditTerms
from tests.ledger import example


@pytest.fixture
def sale(db) -> Callable[..., None]:
    """Record an invoice: sale(customer, "F1", day, [("Lager", cents), …], first_line=1), a line per family (products made as needed)."""

    def make(customer: Customer, document: str, day: date, lines: list[tuple[str, int]], first_line: int = 1) -> None:
        rows = []
        for number, (family, cents) in enumerate(lines, first_line):
            product, _ = Product.objects.get_or_create(sku=f"SKU-{family}", defaults={"name": family, "family": family})
            rows.append((document, number, customer.pk, day, product.pk, 1, cents, None))
        transactions_upsert(rows=rows)

    return make


@pytest.fixture
def pay(db) -> Callable[..., None]:
    """Record a payment: pay(customer, day, cents, invoice="", reference=None)."""
    numbers = itertools.count(1)

    def make(customer: Customer, day: date, cents: int, invoice: str = "", reference: str | None = None) -> None:
        payments_upsert(rows=[(reference or f"PAY{next(numbers)}", customer.pk, day, cents, invoice)])

    return make


@pytest.fixture
def contract(db) -> Callable[..., None]:
    """Record a contract and its schedule: contract(customer, "K1", signed_on, [(due, cents), …])."""

    def make(customer: Customer, contract_id: str, signed_on: date, schedule: list[tuple[date, int]]) -> None:
        contracts_upsert(
            contracts=[(contract_id, customer.pk, signed_on, sum(cents for _, cents in schedule), "")],
            schedules={contract_id: [(n, due, cents) for n, (due, cents) in enumerate(schedule, 1)]},
        )

    return make


@pytest.fixture
def terms(db) -> Callable[..., CreditTerms]:
    """Set a customer's terms: terms(customer, payment_days=30, limit_cents=None)."""

    def make(customer: Customer, payment_days: int = 30, limit_cents: int | None = None) -> CreditTerms:
        return CreditTerms.objects.update_or_create(customer=customer, defaults={"payment_days": payment_days, "credit_limit_cents": limit_cents})[0]

    return make


@pytest.fixture
def worked_example(sale, pay, contract, salesperson) -> Customer:
    """The customer of tests/ledger/example.py, its documents written through the services (default 30-day terms)."""
    customer = customer_create(external_id="EX1", name="Bar Ejemplo", owner=salesperson)
    for document, day, cents in example.INVOICES:
        sale(customer, document, day, [("Lager", cents)])
    contract(customer, example.CONTRACT[0], example.CONTRACT[1], [(due, cents) for _, due, cents in example.CONTRACT[2]])
    for reference, day, cents, names in example.PAYMENTS:
        pay(customer, day, cents, names, reference)
    return customer


@pytest.fixture
def theirs(other_salesperson) -> Customer:
    """A customer of another salesperson of the same team."""
    return customer_create(external_id="T1", name="Bar Ajeno", owner=other_salesperson)


@pytest.fixture
def south_customer(south_salesperson) -> Customer:
    """A customer of the South team, which the North supervisor must not see."""
    return customer_create(external_id="S1", name="Bodega Sur", owner=south_salesperson)


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
