"""Which customers a scheme classifies."""

from datetime import date

import ibis
import pyarrow as pa

from clientela.engine.inputs import Inputs, app_inputs
from clientela.engine.schema import INPUT_TABLES
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


def test_the_app_inputs_carry_the_probabilities_alive_of_the_predictions_of_a_date():
    connection = ibis.sqlite.connect()
    for table in INPUT_TABLES.values():
        if table.name != "customer_predictions":
            connection.create_table(table.name, schema=ibis.schema(table.columns))
    predictions = {"customer_id": [1, 2, 1], "as_of": [date(2024, 1, 31), date(2024, 1, 31), date(2024, 2, 29)], "p_alive": [0.25, 0.5, 0.75]}
    connection.create_table("customer_predictions", pa.table(predictions))
    assert app_inputs(connection).alive is None
    alive = app_inputs(connection, alive_as_of=date(2024, 1, 31)).alive.order_by("customer_id").to_pyarrow().to_pylist()
    assert alive == [{"customer_id": 1, "p_alive": 0.25}, {"customer_id": 2, "p_alive": 0.5}]
    connection.disconnect()
