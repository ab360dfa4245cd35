"""A small company whose purchases the product mix tests know by heart (as of 2026-06-30, 12 months).

    customer  owner (team)     region  purchases (amounts in cents)
    C1        ana (North)      N       P1 6,000 on 2026-05-10; P1 9,000 on 2025-05-10 (a year before)
    C2        ana (North)      N       P2 3,000 on 2026-02-01; P1 1,000 on 2026-03-01
    C3        bruno (North)    N       P3 5,000 on 2026-04-15; P1 500 on 2026-04-16
    C4        carla (South)    S       P3 10,000 on 2026-06-01; P2 2,000 on 2025-06-01 (a year before)
    P4 is never sold.

ana sees C1 C2: P1 7,000 (70 %, A), P2 3,000 (crosses 80 %: A), P3 and P4 C; P1 -22 % over 12 months
(9,000 a year before), -33 % over the quarter (6,000 against 9,000); buyers P1 2, P2 1.
The North supervisor sees C1 C2 C3: P1 7,500 (48.4 %, A), P3 5,000 (crosses 80 %: A), P2 3,000 B.
The admin sees all: P3 15,000 (58.8 %, A), P1 7,500 (A, 88.2 %), P2 3,000 B (+50 %: 3,000 against 2,000).
Region S alone: P3 10,000 A; P2 0 against 2,000 (-100 %).
"""

from datetime import date

import pytest

from clientela.crm.models import Product, Region, User
from clientela.crm.services.business import transactions_upsert
from clientela.crm.services.customers import customer_create

AS_OF = date(2026, 6, 30)
PURCHASES = [
    ("C1", "P1", date(2026, 5, 10), 6000),
    ("C1", "P1", date(2025, 5, 10), 9000),
    ("C2", "P2", date(2026, 2, 1), 3000),
    ("C2", "P1", date(2026, 3, 1), 1000),
    ("C3", "P3", date(2026, 4, 15), 5000),
    ("C3", "P1", date(2026, 4, 16), 500),
    ("C4", "P3", date(2026, 6, 1), 10000),
    ("C4", "P2", date(2025, 6, 1), 2000),
]


@pytest.fixture
def company(transactional_db, salesperson, other_salesperson, south_salesperson):
    """The customers, products and purchases above; the engine reads them through its own connection, so they are committed."""
    north, south = Region.objects.create(code="N", name="North"), Region.objects.create(code="S", name="South")
    owners = {"C1": (salesperson, north), "C2": (salesperson, north), "C3": (other_salesperson, north), "C4": (south_salesperson, south)}
    customers = {key: customer_create(external_id=key, name=f"Bar {key}", owner=owner, region=region) for key, (owner, region) in owners.items()}
    products = {
        sku: Product.objects.create(sku=sku, name=name, family=family, variety=variety)
        for sku, name, family, variety in [("P1", "Lager Pils", "Lager", "Pils"), ("P2", "Lager Dark", "Lager", "Dark"), ("P3", "Cider Apple", "Cider", "Apple"), ("P4", "Cider Pear", "Cider", "Pear")]
    }
    transactions_upsert(
        rows=[(f"F{n}", 1, customers[c].pk, day, products[p].pk, 1, cents, None) for n, (c, p, day, cents) in enumerate(PURCHASES)]
    )
    return customers, products


@pytest.fixture
def admin(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN, is_superuser=True, is_staff=True)
