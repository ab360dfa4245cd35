"""Customers with sales and payments committed to the database: the engine reads it through its own connection."""

import itertools
from collections.abc import Callable
from datetime import date

import pytest

from clientela.crm.models import Customer, User
from clientela.crm.services.business import payments_upsert, transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.segmentation.models import Scheme

Record = Callable[[Customer, date, int], None]


@pytest.fixture
def committed(transactional_db) -> None:
    """A database whose writes are committed, starting without schemes (tests save the ones they run)."""
    Scheme.objects.all().delete()


@pytest.fixture
def owner(committed) -> User:
    return User.objects.create_user("ana", password="pw", role=User.Role.SALESPERSON)


@pytest.fixture
def bars(owner) -> dict[str, Customer]:
    """Four customers of `owner`, by name."""
    return {name: customer_create(external_id=f"C{n}", name=name, owner=owner) for n, name in enumerate(["Bar Sol", "Bar Dos", "Bar Tres", "Bar Cuatro"], 1)}


@pytest.fixture
def sell() -> Record:
    """Record a one-line invoice: sell(customer, day, amount_cents)."""
    documents = itertools.count(1)

    def record(customer: Customer, day: date, amount_cents: int) -> None:
        transactions_upsert(rows=[(f"D{next(documents)}", 1, customer.pk, day, None, 1, amount_cents, None)])

    return record


@pytest.fixture
def pay() -> Record:
    """Record a payment: pay(customer, day, amount_cents)."""
    references = itertools.count(1)

    def record(customer: Customer, day: date, amount_cents: int) -> None:
        payments_upsert(rows=[(f"P{next(references)}", customer.pk, day, amount_cents, "")])

    return record
