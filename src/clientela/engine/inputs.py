"""The tables a scheme reads, bundled: transactions, optional payments and the customer universe."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import ibis
from ibis.expr.types import Table

from clientela.engine.window import Window


@dataclass(frozen=True)
class Inputs:
    """Input tables in the engine's shape (see `clientela.engine.schema`).

    `customers`, when given, is a table with a `customer_id` column listing the customers to
    classify (the app's customers, without prospects): they alone get a class and count in totals
    and shares. Otherwise every id seen in the transactions and payments gets one. `alive`, when given, has `customer_id, p_alive`: each customer's fitted
    probability of still being active (S7), which the matrix counts into stability. `prospects`,
    when given, has one row per prospect to score in the prospect matrix: `customer_id`, the 1–5
    indicators of `clientela.engine.schemes.prospects.INDICATORS` and `low_intention_reason`.
    `metrics` holds per-customer metric tables already computed for a window (see
    `clientela.engine.shared.with_shared_metrics`), which schemes read instead of the transactions.
    """

    transactions: Table
    payments: Table | None = None
    customers: Table | None = None
    alive: Table | None = None
    prospects: Table | None = None
    metrics: Mapping[Window, Table] = field(default_factory=dict)

    def stored_metrics(self, window: Window, names: Iterable[str]) -> Table | None:
        """`customer_id` and the named metrics of the window, when a stored table has them all; else None."""
        stored = self.metrics.get(window)
        names = list(names)
        if stored is None or not set(names) <= set(stored.columns):
            return None
        return stored.select("customer_id", *names)

    def customer_ids(self) -> Table:
        """Every customer to classify, once."""
        if self.customers is not None:
            return self.customers.select("customer_id").distinct()
        ids = self.transactions.select("customer_id")
        if self.payments is not None:
            ids = ids.union(self.payments.select("customer_id"))
        return ids.distinct()


def app_inputs(connection: ibis.BaseBackend, *, alive_as_of: date | None = None) -> Inputs:
    """The app database's tables (SQLite or PostgreSQL) as engine inputs.

    Prospects are not classified by the customer schemes; the prospect matrix scores the pipeline's
    open entries (stages of `PROSPECT_STAGES`), with three levels from the customer profile.
    With `alive_as_of`, `alive` holds the probabilities alive of the churn predictions stored for
    that date (`customer_predictions`).
    """
    customers = connection.table("customers")
    return Inputs(
        transactions=connection.table("transactions"),
        payments=connection.table("payments"),
        customers=customers.filter(customers.status != "prospect").select(customer_id=customers.id),
        alive=None if alive_as_of is None else _alive(connection, alive_as_of),
        prospects=_prospects(connection),
    )


def _alive(connection: ibis.BaseBackend, as_of: date) -> Table:
    predictions = connection.table("customer_predictions")
    return predictions.filter(predictions.as_of == as_of).select("customer_id", "p_alive")


# Pipeline stages before signing, whose customers the prospect matrix scores (a lost prospect is at none of them).
PROSPECT_STAGES = ("future", "potential", "target")
_PROFILE_LEVELS = ("management_level", "buyers_purchasing_power", "marketing_level")


def _prospects(connection: ibis.BaseBackend) -> Table:
    entries = connection.table("pipeline_entries")
    profiles = connection.table("customer_profiles")
    open_entries = entries.filter(entries.stage.isin(PROSPECT_STAGES))
    joined = open_entries.left_join(profiles, open_entries.customer_id == profiles.customer_id)
    own = ("strength_scale", "distribution_network", "growth_capability", "competitive_advantage", "strategic_importance", "judgement")
    return joined.select(
        customer_id=open_entries.customer_id,
        **{name: profiles[name].cast("int64") for name in _PROFILE_LEVELS},
        **{name: open_entries[name].cast("int64") for name in own},
        low_intention_reason=open_entries.low_intention_reason,
    )
