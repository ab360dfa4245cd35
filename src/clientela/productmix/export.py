"""The product mix as an .xlsx workbook: the settings and scope, every product ranked, declining products, products few customers buy."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from clientela.exports import write_workbook
from clientela.productmix.selectors import ProductLine, ProductMixReport

COLUMNS = [
    "rank", "class", "sku", "product", "family", "variety", "value", "share", "cumulative share", "buyers",
    "12 months", "12 months a year before", "change over 12 months", "quarter", "quarter a year before", "change over the quarter",
]  # fmt: skip


def product_mix_xlsx(report: ProductMixReport, path: Path, scope: Sequence[tuple[str, Any]]) -> None:
    """Write the report to `path`; `scope` names whose purchases it covers (region, salesperson, team) as (item, value) pairs."""
    mix = report.mix
    money = mix.abc.metric.is_money
    settings = [
        ("as of", report.as_of),
        ("period (months)", mix.abc.window_months),
        ("ranked by", mix.abc.metric.value),
        ("A up to cumulative share", mix.abc.a_share),
        ("B up to cumulative share", mix.abc.b_share),
        ("declining from a fall of", mix.decline),
        ("few customers: fewer than", mix.few_buyers),
        *scope,
    ]
    write_workbook(
        path,
        {
            "settings": (["item", "value"], settings),
            "abc": (COLUMNS, [_row(line, money) for line in report.lines]),
            "declining": (COLUMNS, [_row(line, money) for line in report.declining]),
            "few customers": (COLUMNS, [_row(line, money) for line in report.few_bought]),
        },
    )


def _row(line: ProductLine, money: bool) -> tuple[Any, ...]:
    amount = (lambda cents: cents / 100) if money else (lambda units: units)
    product = line.product
    return (
        line.rank, line.class_label, product.sku, product.name, product.family, product.variety, amount(line.value), line.share,
        line.cumulative_share, line.buyers, amount(line.year), amount(line.year_before), line.year_change, amount(line.quarter),
        amount(line.quarter_before), line.quarter_change,
    )  # fmt: skip
