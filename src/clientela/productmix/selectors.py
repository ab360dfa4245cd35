"""The product mix of a set of customers' purchases, computed by the engine where the data lives."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from clientela.crm.models import Customer, Product
from clientela.engine.product_mix import ProductMix, product_mix
from clientela.segmentation.services import app_database


@dataclass(frozen=True)
class ProductLine:
    """One product: its ABC class with the explanation, its sales against a year before, its buyers and flags."""

    product: Product
    class_label: str
    value: int
    rank: int
    share: float
    cumulative_share: float
    year: int
    year_before: int
    year_change: float | None
    quarter: int
    quarter_before: int
    quarter_change: float | None
    buyers: int
    declining_year: bool
    declining_quarter: bool
    few_buyers: bool

    @property
    def declining(self) -> bool:
        return self.declining_year or self.declining_quarter


@dataclass(frozen=True)
class ClassTotal:
    label: str
    products: int
    value: int
    share: float


@dataclass(frozen=True)
class ProductMixReport:
    """Every product ranked, as of a date, with the settings that made it."""

    as_of: date
    mix: ProductMix
    lines: list[ProductLine]

    @property
    def declining(self) -> list[ProductLine]:
        """Products whose sales fell by the decline or more, over the year or the quarter, steepest first."""
        return sorted((line for line in self.lines if line.declining), key=lambda line: (min(line.year_change or 0, line.quarter_change or 0), line.rank))

    @property
    def few_bought(self) -> list[ProductLine]:
        """Products fewer customers bought than the threshold, fewest first."""
        return sorted((line for line in self.lines if line.few_buyers), key=lambda line: (line.buyers, line.rank))

    @property
    def classes(self) -> list[ClassTotal]:
        """Per ABC class: how many products and their share of the total."""
        total = sum(line.value for line in self.lines if line.value > 0)
        result = []
        for label in ("A", "B", "C"):
            members = [line for line in self.lines if line.class_label == label]
            positive = sum(line.value for line in members if line.value > 0)
            result.append(ClassTotal(label, len(members), sum(line.value for line in members), positive / total if total else 0.0))
        return result


def product_mix_report(*, customers: QuerySet[Customer], as_of: date, mix: ProductMix) -> ProductMixReport:
    """The product mix of what `customers` bought, every product ranked (see `clientela.engine.product_mix`).

    The engine reads the app database through its own connection (committed data); the
    customers are passed to it as a list of ids unless they are all of them (an IN list: SQLite
    looks ids up in it through an index, where a joined table of ids is scanned for every line).
    """
    everybody = customers.count() == Customer.objects.count()
    ids = None if everybody else list(customers.values_list("pk", flat=True))
    with app_database() as database:
        transactions = database.table("transactions")
        if ids is not None:
            transactions = transactions.filter(transactions.customer_id.isin(ids))
        rows = product_mix(transactions, database.table("products"), as_of, mix).order_by("rank").to_pyarrow().to_pylist()
    products = Product.objects.in_bulk([row["product_id"] for row in rows])
    lines = [
        ProductLine(
            product=products[row["product_id"]],
            class_label=row["class"],
            **{name: row[name] for name in ("value", "rank", "share", "cumulative_share", "year", "year_before", "year_change")},
            **{name: row[name] for name in ("quarter", "quarter_before", "quarter_change", "buyers", "declining_year", "declining_quarter", "few_buyers")},
        )
        for row in rows
    ]
    return ProductMixReport(as_of, mix, lines)
