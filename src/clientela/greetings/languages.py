"""The language a customer's contacts are greeted in."""

from clientela.crm.models import Customer

COUNTRY_LANGUAGES = {"ES": "es", "FR": "fr", "CN": "zh-hans", "RO": "ro"}
DEFAULT_LANGUAGE = "en"


def greeting_language(customer: Customer) -> str:
    """The country of the customer's region (else the customer's own country) mapped by COUNTRY_LANGUAGES; else English.

    Contacts and users carry no language of their own, so the country decides.
    """
    country = (customer.region.country if customer.region else "") or customer.country
    return COUNTRY_LANGUAGES.get(country.upper(), DEFAULT_LANGUAGE)
