"""Field sales fixtures: a start point, customers placed around it, sales lines, and clients logged in by role."""

from datetime import date

import pytest

from clientela.crm.models import Customer, Product, Transaction, User
from clientela.crm.services.customers import customer_create
from clientela.fieldsales.models import StartPoint

OFFICE = (40.4168, -3.7038)


@pytest.fixture
def office(salesperson) -> StartPoint:
    """Ana's office in Madrid; she drives at 40 km/h."""
    return StartPoint.objects.create(user=salesperson, label="Office", latitude=OFFICE[0], longitude=OFFICE[1], speed_kmh=40)


@pytest.fixture
def place():
    """Create a customer of `owner` east of the office: place(owner, "Bar", km_east=8.5)."""
    counter = iter(range(1, 10_000))

    def make(owner: User, name: str, *, km_east: float | None = 5.0) -> Customer:
        number = next(counter)
        location = {} if km_east is None else {"latitude": OFFICE[0], "longitude": OFFICE[1] + km_east / 84.8}
        return customer_create(external_id=f"F{number}", name=name, owner=owner, **location)

    return make


@pytest.fixture
def products(db) -> dict[str, Product]:
    return {
        "lager": Product.objects.create(sku="L1", name="Lager", family="Beer"),
        "ipa": Product.objects.create(sku="I1", name="IPA", family="Beer"),
        "cola": Product.objects.create(sku="S1", name="Cola", family="Soft drinks"),
    }


@pytest.fixture
def sell():
    """Record a sale: sell(customer, date, cents, product=None, units=None)."""
    counter = iter(range(1, 100_000))

    def make(customer: Customer, day: date, cents: int, product: Product | None = None, units: int | None = None) -> Transaction:
        return Transaction.objects.create(document_id=f"D{next(counter)}", customer=customer, date=day, amount_cents=cents, product=product, units=units)

    return make


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
