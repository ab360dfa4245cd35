"""Product mix (SPEC S6): the Pareto (ABC) scheme run on products, sales declines and products few customers buy.

The schemes rank whatever the `customer_id` column of their transactions holds. `by_product` puts
each line's product there (and keeps its customer as `buyer_id`), so the very definition that
classifies customers, `AbcScheme`, classifies products: same sorting, ties, shares and cut-offs.
"""

from datetime import date

import ibis
from ibis.expr.types import Table
from pydantic import BaseModel, ConfigDict, Field, field_validator

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric, in_window, ratio, sales_total, within
from clientela.engine.schemes.abc import AbcScheme
from clientela.engine.schemes.ranking import TOLERANCE, number
from clientela.engine.window import Window, months_before

# Products are sold, not paid: the payment metrics have no product.
PRODUCT_METRICS = (Metric.REVENUE, Metric.UNITS, Metric.PROFIT)
QUARTER_MONTHS = 3
COLUMNS = (
    "product_id", "class", "value", "rank", "share", "cumulative_share", "a_threshold", "b_threshold", "year", "year_before", "year_change",
    "quarter", "quarter_before", "quarter_change", "buyers", "declining_year", "declining_quarter", "few_buyers",
)  # fmt: skip


class ProductMix(BaseModel):
    """How products are analysed: the Pareto scheme that ranks them (metric, window, cut-offs), a decline, too few buyers.

    A product *declines* when its metric over the 12 months to the as-of date, or over the 3
    months to it (the season: a calendar quarter when the as-of date ends one), is at least
    `decline` (a share) below the same months a year earlier. *Few customers* buy it when fewer
    than `few_buyers` customers bought it (a line with a positive amount) in the scheme's window.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    abc: AbcScheme = AbcScheme(name="products")
    decline: float = Field(default=0.10, gt=0, le=1)
    few_buyers: int = Field(default=5, ge=1)

    @field_validator("abc")
    @classmethod
    def _sold_metric(cls, scheme: AbcScheme) -> AbcScheme:
        if scheme.metric not in PRODUCT_METRICS:
            raise ValueError(f"products are ranked by {', '.join(m.value for m in PRODUCT_METRICS)}, not by {scheme.metric.value}")
        return scheme


def by_product(transactions: Table, products: Table) -> Inputs:
    """The engine's inputs keyed by product: each product of `products` (an `id` column) stands where a customer would.

    Lines without a product are left out; `buyer_id` keeps each line's customer. Every product
    is in the universe, sold or not.
    """
    lines = transactions.filter(transactions.product_id.notnull())
    return Inputs(
        transactions=lines.mutate(buyer_id=lines.customer_id, customer_id=lines.product_id),
        customers=products.select(customer_id=products.id),
    )


def product_mix(transactions: Table, products: Table, as_of: date, mix: ProductMix = ProductMix()) -> Table:
    """One row per product: its ABC class and explanation, its sales against a year before, its buyers, and the flags.

    Columns: `product_id`, `class`, `value`, `rank`, `share`, `cumulative_share`, `a_threshold`,
    `b_threshold` (as `AbcScheme`); `year`, `year_before`, `year_change` and `quarter`,
    `quarter_before`, `quarter_change` (the metric over the 12 and 3 months to `as_of`, the same
    months a year earlier, and the relative change, null without sales a year earlier);
    `buyers` (customers who bought it in the scheme's window); `declining_year`,
    `declining_quarter` and `few_buyers` (booleans, see `ProductMix`).

    Examples
    --------
    >>> lines = ibis.memtable(
    ...     {"customer_id": [1, 2, 2], "product_id": [10, 10, 11], "date": [date(2025, 6, 1), date(2026, 6, 1), date(2026, 6, 2)],
    ...      "amount_cents": [800, 500, 100], "units": [1, 1, 1], "cost_cents": [None, None, None], "document_id": ["F1", "F2", "F3"]},
    ...     schema={"customer_id": "int64", "product_id": "int64", "date": "date", "amount_cents": "int64", "units": "int64",
    ...             "cost_cents": "int64", "document_id": "string"},
    ... )
    >>> rows = product_mix(lines, ibis.memtable({"id": [10, 11, 12]}), date(2026, 6, 30)).order_by("rank").to_pyarrow().to_pylist()
    >>> [(row["product_id"], row["class"], row["year_change"], row["declining_year"], row["buyers"]) for row in rows]
    [(10, 'A', -0.375, True, 1), (11, 'B', None, False, 1), (12, 'C', None, False, 0)]
    """
    inputs = by_product(transactions, products)
    classes = mix.abc.classify(inputs, as_of)
    figures = _figures(inputs.transactions, as_of, mix)
    joined = classes.left_join(figures, classes.customer_id == figures.customer_id)
    table = joined.select(
        product_id=classes.customer_id,
        **{name: classes[name] for name in ("class", "value", "rank", "share", "cumulative_share", "a_threshold", "b_threshold")},
        **{name: joined[name].fill_null(0) for name in ("year", "year_before", "quarter", "quarter_before", "buyers")},
    )
    table = table.mutate(
        year_change=ratio(table.year - table.year_before, table.year_before),
        quarter_change=ratio(table.quarter - table.quarter_before, table.quarter_before),
    )
    limit = number(TOLERANCE - mix.decline)
    return table.mutate(
        declining_year=(table.year_change <= limit).fill_null(False),
        declining_quarter=(table.quarter_change <= limit).fill_null(False),
        few_buyers=table.buyers < mix.few_buyers,
    ).select(*COLUMNS)


def _figures(lines: Table, as_of: date, mix: ProductMix) -> Table:
    """Per product sold in the span: the metric over the 12 and 3 months to `as_of` and a year earlier, and its buyers.

    One pass over the lines: each figure sums the lines of its months (conditional aggregates).
    """
    metric = mix.abc.metric.value
    year, quarter = Window(as_of, 12), Window(as_of, QUARTER_MONTHS)
    a_year_before = Window(months_before(as_of, 12), 12), Window(months_before(as_of, 12), QUARTER_MONTHS)
    span = in_window(lines, Window(as_of, max(24, mix.abc.window_months)))
    bought = within(span, mix.abc.window(as_of)) & (span.amount_cents > 0)
    return span.group_by("customer_id").aggregate(
        year=sales_total(span, metric, within(span, year)),
        year_before=sales_total(span, metric, within(span, a_year_before[0])),
        quarter=sales_total(span, metric, within(span, quarter)),
        quarter_before=sales_total(span, metric, within(span, a_year_before[1])),
        buyers=span.buyer_id.nunique(where=bought).cast("int64"),
    )
