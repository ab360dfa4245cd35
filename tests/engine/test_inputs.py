"""Which customers a scheme classifies."""

from datetime import date

from clientela.engine.inputs import Inputs
from clientela.engine.schemes import AbcScheme
from tests.fixtures.engines import customers_table, payments_table, transactions_table

DAY = date(2024, 1, 10)


def classes(backend, customers: list[int] | None) -> list[tuple[int, str, float]]:
    inputs = Inputs(
        transactions=transactions_table(backend, [(1, DAY, "a", 1, 100, None), (2, DAY, "b", 1, 900, None)]),
        payments=payments_table(backend, [(4, DAY, 50)]),
        customers=customers_table(backend, customers) if customers is not None else None,
    )
    rows = AbcScheme().classify(inputs, date(2024, 1, 31)).order_by("customer_id").to_pyarrow().to_pylist()
    return [(row["customer_id"], row["class"], row["share"]) for row in rows]


def test_without_a_customer_list_every_id_in_the_files_gets_a_class(backend):
    assert classes(backend, None) == [(1, "B", 0.1), (2, "A", 0.9), (4, "C", 0.0)]


def test_a_customer_list_alone_is_classified_and_counts_in_the_shares(backend):
    # Customer 2 (a prospect in the app) is left out: customer 1 now holds all the revenue.
    assert classes(backend, [1, 3]) == [(1, "A", 1.0), (3, "C", 0.0)]
