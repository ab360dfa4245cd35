"""The tables a scheme reads, bundled: transactions, optional payments and the customer universe."""

from dataclasses import dataclass

import ibis
from ibis.expr.types import Table


@dataclass(frozen=True)
class Inputs:
    """Input tables in the engine's shape (see `clientela.engine.schema`).

    `customers`, when given, is a table with a `customer_id` column listing the customers to
    classify (the app's customers, without prospects): they alone get a class and count in totals
    and shares. Otherwise every id seen in the transactions and payments gets one. `alive`, when given, has `customer_id, p_alive`: each customer's fitted
    probability of still being active (S7), which the matrix counts into stability.
    """

    transactions: Table
    payments: Table | None = None
    customers: Table | None = None
    alive: Table | None = None

    def customer_ids(self) -> Table:
        """Every customer to classify, once."""
        if self.customers is not None:
            return self.customers.select("customer_id").distinct()
        ids = self.transactions.select("customer_id")
        if self.payments is not None:
            ids = ids.union(self.payments.select("customer_id"))
        return ids.distinct()


def app_inputs(connection: ibis.BaseBackend) -> Inputs:
    """The app database's tables (SQLite or PostgreSQL) as engine inputs; prospects are not classified."""
    customers = connection.table("customers")
    return Inputs(
        transactions=connection.table("transactions"),
        payments=connection.table("payments"),
        customers=customers.filter(customers.status != "prospect").select(customer_id=customers.id),
    )
