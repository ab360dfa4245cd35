"""Every scheme gives identical results (every column, floats bit for bit) on DuckDB, SQLite and PostgreSQL.

One realistic seeded dataset: a few hundred customers over three years with returns, unknown costs,
payments (some split, some missing), customers without any data, exact ties, and fitted
probabilities of being alive. Each scheme runs with its defaults and with other settings; the
results of every backend are compared with DuckDB's, row by row sorted by customer id.
PostgreSQL joins in when DATABASE_URL is a postgres URL (see tests.fixtures.engines).
"""

import random
from datetime import date, timedelta

import ibis
import pytest

from clientela.engine.inputs import Inputs
from clientela.engine.schemes import KINDS, VipScheme
from clientela.engine.schemes.prospects import INDICATORS
from clientela.engine.shared import with_shared_metrics
from tests.fixtures.engines import (
    BACKENDS,
    SCHEMES,
    alive_table,
    backend_connect,
    customers_table,
    payments_table,
    prospects_table,
    transactions_table,
)

AS_OF = date(2024, 6, 30)
FIRST_DAY = date(2021, 4, 1)
CUSTOMERS = 300


def dataset(seed: int = 20240630) -> dict[str, list[tuple]]:
    """Transactions, payments, customer ids and p_alive, drawn from a seeded generator."""
    rng = random.Random(seed)
    sales: list[tuple] = []
    payments: list[tuple] = []
    days = (AS_OF - FIRST_DAY).days + 40  # a little data after the as-of date, which must be ignored
    for customer in range(1, CUSTOMERS + 1):
        size = rng.lognormvariate(8, 1.2)  # typical line amount in cents
        start = rng.randrange(days)
        end = start + rng.randrange(60, days) if rng.random() < 0.4 else days  # some churn
        gap = rng.choice([7, 15, 30, 45, 90, 180])
        day = start
        number = 0
        while day < min(end, days):
            number += 1
            when = FIRST_DAY + timedelta(days=day)
            document = f"{customer}-{number}"
            total = 0
            for _line in range(rng.randint(1, 3)):
                units = rng.randint(1, 12)
                amount = max(1, round(size * units * rng.uniform(0.5, 1.5) / 4))
                cost = None if rng.random() < 0.1 else round(amount * rng.uniform(0.55, 1.05))
                sales.append((customer, when, document, units, amount, cost))
                total += amount
            if rng.random() < 0.06:  # a credit note a few days later
                back = round(total * rng.uniform(0.1, 1.0))
                sales.append((customer, when + timedelta(days=rng.randint(1, 20)), f"R{document}", -1, -back, -round(back * 0.7)))
            if rng.random() < 0.85:  # paid, sometimes in two parts
                paid_on = when + timedelta(days=rng.randint(0, 75))
                if rng.random() < 0.2:
                    part = total // 3
                    payments.append((customer, paid_on, part))
                    payments.append((customer, paid_on + timedelta(days=30), total - part))
                else:
                    payments.append((customer, paid_on, total))
            day += max(1, round(rng.expovariate(1 / gap)))
    # exact ties: the same single order and payment for five customers
    for customer in range(CUSTOMERS + 1, CUSTOMERS + 6):
        sales.append((customer, date(2024, 3, 15), f"{customer}-1", 2, 25_000, 20_000))
        payments.append((customer, date(2024, 4, 1), 25_000))
    payments.append((CUSTOMERS + 6, date(2024, 5, 5), 7_000))  # pays without buying
    ids = list(range(1, CUSTOMERS + 10))  # the last three have no data at all
    alive = [(customer, rng.randint(0, 1000) / 1000) for customer in ids if rng.random() < 0.9]
    # Prospect matrix scores of every id: 1–5 indicators, some not assessed, a reason for low intention now and then.
    reasons = [None, None, "unaware", "switching_cost", "competitor"]
    prospects = [
        (customer, *(rng.randint(1, 5) if rng.random() < 0.85 else None for _ in INDICATORS), rng.choice(reasons)) for customer in ids
    ]
    return {"sales": sales, "payments": payments, "ids": ids, "alive": alive, "prospects": prospects}


def test_every_kind_is_covered_with_defaults_and_other_settings():
    kinds = [scheme.kind for scheme in SCHEMES.values()]
    assert all(kinds.count(kind) >= 2 for kind in KINDS)
    assert all(any(scheme == KINDS[kind]() for scheme in SCHEMES.values()) for kind in KINDS)


@pytest.fixture(scope="module")
def loaded():
    """Each backend with the dataset loaded once: name -> (connection, inputs, inputs with alive)."""
    data = dataset()
    result = {}
    for name in BACKENDS:
        connection = backend_connect(name)
        inputs = Inputs(
            transactions=transactions_table(connection, data["sales"], name="same_transactions"),
            payments=payments_table(connection, data["payments"], name="same_payments"),
            customers=customers_table(connection, data["ids"], name="same_customers"),
            prospects=prospects_table(connection, data["prospects"], name="same_prospects"),
        )
        alive = Inputs(
            inputs.transactions, inputs.payments, inputs.customers, alive_table(connection, data["alive"], name="same_alive"), inputs.prospects
        )
        result[name] = (connection, inputs, alive)
    yield result
    for connection, _, _ in result.values():
        connection.disconnect()


def rows(table: ibis.Table) -> list[dict]:
    return sorted(table.to_pyarrow().to_pylist(), key=lambda row: row["customer_id"])


@pytest.mark.parametrize("label", list(SCHEMES))
def test_identical_on_every_backend(loaded, label):
    scheme = SCHEMES[label]
    results = {name: rows(scheme.classify(alive if scheme.kind == "matrix" else inputs, AS_OF)) for name, (_, inputs, alive) in loaded.items()}
    reference = results["duckdb"]
    assert len(reference) == CUSTOMERS + 9
    assert len({row["class"] for row in reference}) >= 2, "a test that classifies everyone alike proves little"
    for name, result in results.items():
        assert result == reference, f"{label}: {name} differs from duckdb at customer {first_difference(result, reference)}"


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_schemes_reading_shared_metrics_give_the_same_results(loaded, backend_name):
    connection, _, inputs = loaded[backend_name]
    shared = with_shared_metrics(inputs, SCHEMES.values(), AS_OF, connection)
    assert len(shared.metrics) == len({scheme.window_months for scheme in SCHEMES.values() if scheme.metric_names()}) >= 2
    for label, scheme in SCHEMES.items():
        assert rows(scheme.classify(shared, AS_OF)) == rows(scheme.classify(inputs, AS_OF)), f"{label} on {backend_name}"
        if scheme.metric_names():  # ranked from the stored metrics alone
            assert "same_transactions" not in ibis.to_sql(scheme.classify(shared, AS_OF), dialect=backend_name), label


def test_register_changes_identical_on_every_backend(loaded):
    def changes(inputs: Inputs) -> list[tuple]:
        return sorted(tuple(row.values()) for row in VipScheme().register_changes(inputs, AS_OF).to_pyarrow().to_pylist())

    results = {name: changes(inputs) for name, (_, inputs, _) in loaded.items()}
    assert results["duckdb"], "no register changes: the dataset is too small"
    assert all(result == results["duckdb"] for result in results.values())


def first_difference(result: list[dict], reference: list[dict]) -> object:
    for mine, theirs in zip(result, reference):
        if mine != theirs:
            return {key: (mine[key], theirs.get(key)) for key in mine if mine[key] != theirs.get(key)} | {"customer_id": mine["customer_id"]}
    return "(row count)"
