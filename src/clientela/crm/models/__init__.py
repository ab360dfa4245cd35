"""Database models. Table names (`db_table`) are the contract with the engine (clientela.engine.schema)."""

from clientela.crm.models.alerts import Alert
from clientela.crm.models.business import Contract, Instalment, Payment, Product, Transaction
from clientela.crm.models.customers import (
    Contact,
    ContactPreference,
    Customer,
    CustomerProfile,
    CustomFieldDefinition,
    DoNotContactPeriod,
    Tag,
)
from clientela.crm.models.people import Region, RegionHoliday, Team, User

__all__ = [
    "Alert",
    "Contact",
    "ContactPreference",
    "Contract",
    "Customer",
    "CustomerProfile",
    "CustomFieldDefinition",
    "DoNotContactPeriod",
    "Instalment",
    "Payment",
    "Product",
    "Region",
    "RegionHoliday",
    "Tag",
    "Team",
    "Transaction",
    "User",
]
