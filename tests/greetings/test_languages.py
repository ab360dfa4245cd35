"""The language a customer is greeted in."""

import pytest

from clientela.crm.models import Customer, Region
from clientela.greetings.languages import greeting_language


@pytest.mark.parametrize(
    ("region_country", "customer_country", "language"),
    [
        ("ES", "", "es"),
        ("FR", "", "fr"),
        ("CN", "", "zh-hans"),
        ("RO", "", "ro"),
        ("DE", "", "en"),
        ("", "ro", "ro"),
        ("ES", "FR", "es"),
        ("", "", "en"),
    ],
)
def test_the_region_country_then_the_customer_country_decide(region_country, customer_country, language):
    region = Region(code="R", name="R", country=region_country)
    assert greeting_language(Customer(region=region, country=customer_country)) == language


def test_a_customer_without_region_or_country_is_greeted_in_english():
    assert greeting_language(Customer()) == "en"
