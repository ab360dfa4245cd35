"""Customers with sales committed to the database (the engine reads it through its own connection), and helpers to build fits."""

from datetime import date

import pytest

from clientela.crm.models import Customer, User
from clientela.crm.services.customers import customer_create
from clientela.retention.models import ChurnFit, CustomerPrediction, RetentionSettings
from tests.segmentation.conftest import committed, owner, sell  # noqa: F401 (fixtures)


@pytest.fixture
def bars(owner) -> dict[str, Customer]:
    """Four customers of `owner` (ana), by name."""
    return {name: customer_create(external_id=f"C{n}", name=name, owner=owner) for n, name in enumerate(["Bar Sol", "Bar Dos", "Bar Tres", "Bar Cuatro"], 1)}


@pytest.fixture
def other_owner(committed) -> User:
    return User.objects.create_user("bruno", password="pw", role=User.Role.SALESPERSON)


def settings_save(**values: object) -> RetentionSettings:
    """Save the retention settings with some values changed."""
    settings = RetentionSettings.objects.first() or RetentionSettings()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings


def fit_store(as_of: date, p_alive: dict[Customer, float], expected_value_cents: int | None = None) -> ChurnFit:
    """A fit stored by hand with the given probabilities alive (the other figures are placeholders)."""
    fit = ChurnFit.objects.create(
        as_of=as_of, status=ChurnFit.Status.FITTED, time_unit="week", fit_window_months=12, horizon_months=12, monthly_discount_rate=0.01
    )
    CustomerPrediction.objects.bulk_create(
        CustomerPrediction(
            fit=fit, as_of=as_of, customer=customer, frequency=1, recency=1.0, age=2.0, mean_spend_cents=100, p_alive=p,
            expected_purchases=1.0, expected_value_cents=expected_value_cents,
        )  # fmt: skip
        for customer, p in p_alive.items()
    )
    return fit
