"""How a customer buys over time: active months, regularity of amounts, order sizes, growth, recency, tenure.

Months are counted back from the as-of date: month 0 holds the dates d with
as_of − 1 month < d ≤ as_of, month 1 the month before, and so on, so a window of N months is
exactly months 0 … N−1 (they are calendar months when the as-of date is a month end). Amounts
are net revenue (returns included) in cents.
"""

import functools
import operator
from collections.abc import Iterable
from datetime import date

import ibis
from ibis.expr.types import Table, Value

from clientela.engine.metrics import SALES_METRICS, in_window, order_key, ratio, rounded
from clientela.engine.window import Window

# Filled in for customers without sales in the period (amounts: nothing sold is 0, not unknown).
ZERO_FILLED = (
    "active_months",
    "monthly_mean",
    "monthly_std",
    "quarterly_mean",
    "quarterly_std",
    "last_year_revenue",
    "previous_year_revenue",
    "third_year_revenue",
)


def month_number(day: Value) -> Value:
    """A calendar month as one integer (year × 12 + month − 1)."""
    return day.year().cast("int64") * 12 + day.month().cast("int64") - 1


def months_back(day: Value, as_of: date) -> Value:
    """Which window month (0 = the newest) a date falls in, counted back from `as_of`."""
    calendar_months = ibis.literal(as_of.year * 12 + as_of.month - 1, "int64") - month_number(day)
    return calendar_months - ibis.ifelse(day.day() > as_of.day, 1, 0)


def _spread(total: Value, squares: Value, periods: int) -> tuple[Value, Value]:
    """Mean and population standard deviation of `periods` amounts (periods without sales are 0)."""
    mean = total.cast("float64") / periods
    variance = (squares * periods - total.cast("float64") * total.cast("float64")) / (periods * periods)
    return rounded(mean), rounded(ibis.greatest(variance, 0).sqrt())


def _sum_of_squares(amounts: list[Value]) -> Value:
    # As doubles: squares of cents overflow int64; they (and their sums) stay exact below 2**53.
    return functools.reduce(operator.add, (amount.cast("float64") * amount.cast("float64") for amount in amounts))


REGULARITY = ("active_months", "monthly_mean", "monthly_std", "monthly_cv", "quarterly_mean", "quarterly_std", "quarterly_cv")
ORDER_SIZES = ("average_order", "largest_order")
YEARS = ("last_year_revenue", "previous_year_revenue", "third_year_revenue", "growth_last_year", "growth_year_before")
# Everything `sales_activity` computes.
SALES_ACTIVITY = (*SALES_METRICS, *REGULARITY, *ORDER_SIZES, *YEARS)


def sales_activity(transactions: Table, window: Window, names: Iterable[str]) -> Table:
    """Per customer with sales in the period: the named metrics of `SALES_ACTIVITY`, from one pass over the transactions.

    The period is the window, or the three years to the as-of date (at least) when a metric of
    `YEARS` is named. When order sizes or counts are named, the lines are first summed per
    customer, window month and order (per customer and year outside the window); then, once per
    customer, with a conditional sum per window month and year; quarters, spreads and growth are
    arithmetic on those sums. Which columns mean what: see `regularity`, `orders` and `growth`.
    """
    wanted = set(names)
    months = window.months
    span = max(months, 36) if wanted & set(YEARS) else months
    rows = in_window(transactions, Window(window.as_of, span))
    rows = rows.mutate(month=months_back(rows.date, window.as_of))
    lines = {"amount": rows.amount_cents}
    if "profit" in wanted:
        lines["profit"] = rows.amount_cents - rows.cost_cents.fill_null(rows.amount_cents)
    if "units" in wanted:
        lines["units"] = rows.units.fill_null(0)
    key = order_key(transactions)
    by_order = bool(wanted & {"orders", *ORDER_SIZES})
    if by_order:
        # One row per customer, month and order in the window (an order split over months has one per
        # month); outside it, one per customer and year, numbered −1 (months 0–11), −2, −3.
        inside = rows.month < months
        period = ibis.ifelse(inside, rows.month, -1 - rows.month // 12)
        order = ibis.ifelse(inside, rows[key], ibis.null(rows[key].type().copy(nullable=True)))
        rows = rows.group_by(["customer_id", period.name("month"), order.name("order")]).aggregate(
            **{name: value.sum().cast("int64") for name, value in lines.items()}
        )
        lines = {name: rows[name] for name in lines}
    inside = (rows.month >= 0) & (rows.month < months)
    sums = {name: value.sum(where=inside).cast("int64") for name, value in lines.items() if name != "amount"}
    sums["revenue"] = lines["amount"].sum(where=inside).cast("int64")
    if wanted & set(REGULARITY):
        sums.update({f"_m{m}": lines["amount"].sum(where=rows.month == m).fill_null(0).cast("int64") for m in range(months)})
    if wanted & set(YEARS):
        def year(first: int) -> Value:
            months_of_year = ((rows.month >= first) & (rows.month < first + 12)) | (rows.month == -1 - first // 12)
            return lines["amount"].sum(where=months_of_year).fill_null(0).cast("int64")

        sums.update(last_year_revenue=year(0), previous_year_revenue=year(12), third_year_revenue=year(24))
    days = key == "date"  # a day lies in one month: each row of the window is one whole order
    if by_order and days:
        sums.update(orders=rows.count(where=inside).cast("int64"), _order_total=sums["revenue"], largest_order=lines["amount"].max(where=inside).cast("int64"))
    elif "orders" in wanted:
        sums["orders"] = rows.order.nunique(where=inside).cast("int64")
    totals = rows.group_by("customer_id").aggregate(**sums)
    if wanted & set(ORDER_SIZES) and not days:
        pieces = rows.filter(inside)
        documents = pieces.group_by(["customer_id", "order"]).aggregate(amount=pieces.amount.sum().cast("int64"))
        sizes = documents.group_by("customer_id").aggregate(
            _orders=documents.count().cast("int64"), _order_total=documents.amount.sum().cast("int64"), largest_order=documents.amount.max().cast("int64")
        )
        totals = totals.left_join(sizes, "customer_id").drop("customer_id_right")
    return totals.select("customer_id", **_derived(totals, months, wanted, "_orders" if not days else "orders"))


def _derived(totals: Table, months: int, wanted: set[str], order_count: str) -> dict[str, Value]:
    """The named metrics from the per-customer sums of `sales_activity`."""
    columns: dict[str, Value] = {name: totals[name] for name in (*SALES_METRICS, "largest_order", *YEARS[:3]) if name in wanted}
    if wanted & set(REGULARITY):
        amounts = [totals[f"_m{m}"] for m in range(months)]
        quarters = [functools.reduce(operator.add, amounts[q : q + 3]) for q in range(0, months, 3)]
        active = functools.reduce(operator.add, (ibis.ifelse(amount > 0, 1, 0) for amount in amounts))
        total = totals.revenue.fill_null(0)  # customers with sales in the years but not in the window
        monthly_mean, monthly_std = _spread(total, _sum_of_squares(amounts), months)
        quarterly_mean, quarterly_std = _spread(total, _sum_of_squares(quarters), len(quarters))
        regularity = {
            "active_months": active.cast("int64"),
            "monthly_mean": monthly_mean,
            "monthly_std": monthly_std,
            "monthly_cv": ratio(monthly_std, monthly_mean),
            "quarterly_mean": quarterly_mean,
            "quarterly_std": quarterly_std,
            "quarterly_cv": ratio(quarterly_std, quarterly_mean),
        }
        columns.update({name: value for name, value in regularity.items() if name in wanted})
    if "average_order" in wanted:
        count = totals[order_count]
        # sum / count as doubles, the same division everywhere (PostgreSQL's AVG of integers is NUMERIC)
        columns["average_order"] = ibis.ifelse(count > 0, rounded(totals._order_total.cast("float64") / count.cast("float64")), None)
    if "growth_last_year" in wanted:
        columns["growth_last_year"] = ratio(totals.last_year_revenue - totals.previous_year_revenue, totals.previous_year_revenue)
    if "growth_year_before" in wanted:
        columns["growth_year_before"] = ratio(totals.previous_year_revenue - totals.third_year_revenue, totals.third_year_revenue)
    return columns


def regularity(transactions: Table, window: Window) -> Table:
    """Per customer with sales in the window: revenue, active months and the spread of monthly and quarterly amounts.

    `monthly_std` is the population standard deviation over all N months of the window (months
    without sales count as 0); `monthly_cv` = std / mean, null when the mean is not positive.
    Quarters are months 0–2, 3–5, …; a window of N months has ⌈N / 3⌉ quarters.
    """
    return sales_activity(transactions, window, ("revenue", *REGULARITY))


def orders(transactions: Table, window: Window) -> Table:
    """Per customer with sales in the window: average and largest order (document total) in cents."""
    return sales_activity(transactions, window, ORDER_SIZES)


def growth(transactions: Table, as_of: date) -> Table:
    """Per customer: year-over-year growth of revenue for each of the last two years, and the three yearly totals.

    Years are the 12-month periods ending on the as-of date (`last_year_revenue`), a year
    earlier (`previous_year_revenue`) and two years earlier (`third_year_revenue`).
    `growth_last_year` = last / previous − 1 and `growth_year_before` = previous / third − 1,
    null when the earlier year is not positive.
    """
    return sales_activity(transactions, Window(as_of, 12), YEARS)


def recency(transactions: Table, as_of: date) -> Table:
    """Per customer who bought up to the as-of date: days since the last and since the first purchase."""
    past = transactions.filter(transactions.date <= ibis.literal(as_of))
    days = past.date.epoch_days().cast("int64")
    today = ibis.literal((as_of - date(1970, 1, 1)).days, "int64")
    return past.group_by("customer_id").aggregate(recency_days=today - days.max(), tenure_days=today - days.min())
