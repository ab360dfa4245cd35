"""The engine's input schema: the one place where the table contract with the app database is written.

The Django models (clientela.crm.models) set these `db_table` names and column names; a test checks
that both sides agree. Money is integer cents so that sums are exact on every engine.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class InputTable:
    """A table the engine reads: its name and the columns it relies on (name -> type)."""

    name: str
    columns: dict[str, str]


TRANSACTIONS = InputTable(
    "transactions",
    {
        "customer_id": "int64",
        "date": "date",
        "document_id": "string",
        "product_id": "int64",
        "units": "int64",
        "amount_cents": "int64",
        "cost_cents": "int64",
    },
)
PAYMENTS = InputTable(
    "payments",
    {"customer_id": "int64", "date": "date", "amount_cents": "int64"},
)
CUSTOMERS = InputTable(
    "customers",
    {"id": "int64", "external_id": "string", "owner_id": "int64", "region_id": "int64", "status": "string"},
)
# The product mix ranks every product, sold or not (clientela.engine.product_mix).
PRODUCTS = InputTable("products", {"id": "int64"})

# The prospect matrix reads the pipeline's entries and three 1–5 levels of the customer profile.
PIPELINE_ENTRIES = InputTable(
    "pipeline_entries",
    {
        "customer_id": "int64",
        "stage": "string",
        "strength_scale": "int64",
        "distribution_network": "int64",
        "growth_capability": "int64",
        "competitive_advantage": "int64",
        "strategic_importance": "int64",
        "judgement": "int64",
        "low_intention_reason": "string",
    },
)
CUSTOMER_PROFILES = InputTable(
    "customer_profiles",
    {"customer_id": "int64", "management_level": "int64", "buyers_purchasing_power": "int64", "marketing_level": "int64"},
)

# The matrix counts each customer's probability alive from the churn fit of a date into stability (S7).
CUSTOMER_PREDICTIONS = InputTable("customer_predictions", {"customer_id": "int64", "as_of": "date", "p_alive": "float64"})

INPUT_TABLES: dict[str, InputTable] = {
    table.name: table for table in (TRANSACTIONS, PAYMENTS, CUSTOMERS, PRODUCTS, PIPELINE_ENTRIES, CUSTOMER_PROFILES, CUSTOMER_PREDICTIONS)
}
