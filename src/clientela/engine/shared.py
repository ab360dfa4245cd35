"""Several schemes over the same data: each window's per-customer metrics computed once for all of them."""

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

import ibis

from clientela.engine.customer_metrics import customer_metrics
from clientela.engine.inputs import Inputs
from clientela.engine.schemes.base import SchemeDefinition
from clientela.engine.window import Window


def with_shared_metrics(inputs: Inputs, schemes: Iterable[SchemeDefinition], as_of: date, connection: ibis.BaseBackend) -> Inputs:
    """`inputs` with, for each window the schemes use, one table of every metric they read there.

    The tables are computed now, as temporary tables of `connection` (the backend the inputs live
    on), so that classifying each scheme afterwards ranks stored metrics instead of aggregating
    the transactions again; without a `customers` table, the ids seen in the transactions and
    payments are stored once as that table. The classes are the same as without: the stored tables hold the same
    expressions' results.

    Examples
    --------
    >>> import ibis, datetime
    >>> from clientela.engine.schemes import AbcScheme, ProfitScheme
    >>> connection = ibis.duckdb.connect()
    >>> sales = ibis.memtable({"customer_id": [1, 2], "date": [datetime.date(2024, 6, 1)] * 2, "document_id": ["a", "b"],
    ...     "units": [1, 1], "amount_cents": [5000, 1000], "cost_cents": [3000, 900]})
    >>> schemes = [AbcScheme(), ProfitScheme()]
    >>> shared = with_shared_metrics(Inputs(sales), schemes, datetime.date(2024, 6, 30), connection)
    >>> sorted(shared.metrics[Window(datetime.date(2024, 6, 30), 12)].columns)
    ['customer_id', 'profit', 'revenue']
    >>> [row["class"] for row in AbcScheme().classify(shared, datetime.date(2024, 6, 30)).order_by("customer_id").to_pyarrow().to_pylist()]
    ['A', 'B']
    """
    if inputs.customers is None:
        # Every id of the transactions and payments, found once instead of by every scheme.
        inputs = replace(inputs, customers=connection.create_table(ibis.util.gen_name("customers"), inputs.customer_ids(), temp=True))
    names: dict[Window, set[str]] = {}
    for scheme in schemes:
        if scheme.metric_names():
            names.setdefault(scheme.window(as_of), set()).update(scheme.metric_names())
    stored = {
        window: connection.create_table(ibis.util.gen_name("metrics"), customer_metrics(inputs, window, wanted), temp=True)
        for window, wanted in names.items()
    }
    return replace(inputs, metrics={**inputs.metrics, **stored})
