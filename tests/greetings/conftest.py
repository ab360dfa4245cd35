"""A small portfolio with key dates in late December, in Spain and Romania."""

from dataclasses import dataclass
from datetime import date

import pytest

from clientela.crm.models import Contact, Customer, Region, RegionHoliday, Tag, User
from clientela.crm.services.customers import customer_create

CHRISTMAS = date(2025, 12, 25)
LUCIA_BIRTHDAY = date(2025, 12, 24)


@dataclass(frozen=True)
class Portfolio:
    """Ana's customers (Bar Sol in Madrid, Cafe Dacia in Bucharest, Corner Shop) and Bruno's Hidden Deli."""

    key_accounts: Tag
    bar_sol: Customer
    lucia: Contact
    pedro: Contact
    cafe_dacia: Customer
    ioana: Contact
    corner_shop: Customer
    sam: Contact
    hidden_deli: Customer
    olga: Contact


@pytest.fixture
def portfolio(salesperson: User, other_salesperson: User) -> Portfolio:
    salesperson.first_name, salesperson.last_name = "Ana", "Ruiz"
    salesperson.save()
    madrid = Region.objects.create(code="MAD", name="Madrid", country="ES")
    bucharest = Region.objects.create(code="BUC", name="București", country="RO")
    RegionHoliday.objects.create(region=madrid, date=CHRISTMAS, name="Navidad")
    RegionHoliday.objects.create(region=bucharest, date=date(2025, 12, 1), name="Ziua Națională")
    key_accounts = Tag.objects.create(name="Key accounts")
    bar_sol = customer_create(
        external_id="G1",
        name="Bar Sol",
        owner=salesperson,
        region=madrid,
        founded_on=date(2015, 12, 24),
        customer_since=date(2020, 1, 2),
        tags=[key_accounts],
    )
    cafe_dacia = customer_create(external_id="G2", name="Cafe Dacia", owner=salesperson, region=bucharest, tags=[key_accounts])
    corner_shop = customer_create(external_id="G3", name="Corner Shop", owner=salesperson, country="GB")
    hidden_deli = customer_create(external_id="G4", name="Hidden Deli", owner=other_salesperson, region=madrid, tags=[key_accounts])
    return Portfolio(
        key_accounts=key_accounts,
        bar_sol=bar_sol,
        lucia=Contact.objects.create(
            customer=bar_sol, name="Lucía Gómez", email="lucia@barsol.es", phone="+34600000001", birthday=date(1990, 12, 24), is_primary=True
        ),
        pedro=Contact.objects.create(customer=bar_sol, name="Pedro Sanz", email="pedro@barsol.es"),
        cafe_dacia=cafe_dacia,
        ioana=Contact.objects.create(customer=cafe_dacia, name="Ioana Popescu", email="ioana@dacia.ro", birthday=date(1988, 2, 29)),
        corner_shop=corner_shop,
        sam=Contact.objects.create(customer=corner_shop, name="Sam Hill", email="sam@corner.co.uk", phone="+447700900001"),
        hidden_deli=hidden_deli,
        olga=Contact.objects.create(customer=hidden_deli, name="Olga Ruiz", email="olga@deli.es", birthday=date(1970, 12, 24)),
    )
