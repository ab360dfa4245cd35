"""How a customer buys over time: active months, regularity of amounts, order sizes, growth, recency, tenure.

Months are counted back from the as-of date: month 0 holds the dates d with
as_of − 1 month < d ≤ as_of, month 1 the month before, and so on, so a window of N months is
exactly months 0 … N−1 (they are calendar months when the as-of date is a month end). Amounts
are net revenue (returns included) in cents.
"""

import math
from datetime import date

import ibis
from ibis.expr.types import Table, Value

from clientela.engine.metrics import in_window, ratio, rounded
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


def _squares(table: Table) -> Value:
    # As doubles: squares of cents overflow int64; they stay exact below 2**53.
    return (table.amount.cast("float64") * table.amount.cast("float64")).sum()


def regularity(transactions: Table, window: Window) -> Table:
    """Per customer with sales in the window: revenue, active months and the spread of monthly and quarterly amounts.

    `monthly_std` is the population standard deviation over all N months of the window (months
    without sales count as 0); `monthly_cv` = std / mean, null when the mean is not positive.
    Quarters are months 0–2, 3–5, …; a window of N months has ⌈N / 3⌉ quarters.
    """
    sales = in_window(transactions, window)
    months = (
        sales.mutate(month=months_back(sales.date, window.as_of))
        .group_by(["customer_id", "month"])
        .aggregate(amount=sales.amount_cents.sum().cast("int64"))
    )
    quarters = (
        months.mutate(quarter=months.month // 3)
        .group_by(["customer_id", "quarter"])
        .aggregate(amount=months.amount.sum().cast("int64"))
    )
    by_month = months.group_by("customer_id").aggregate(
        active_months=(months.amount > 0).sum().cast("int64"), total=months.amount.sum().cast("int64"), squares=_squares(months)
    )
    by_quarter = quarters.group_by("customer_id").aggregate(quarter_squares=_squares(quarters))
    joined = by_month.join(by_quarter, "customer_id")
    monthly_mean, monthly_std = _spread(joined.total, joined.squares, window.months)
    quarterly_mean, quarterly_std = _spread(joined.total, joined.quarter_squares, math.ceil(window.months / 3))
    return joined.select(
        "customer_id",
        revenue=joined.total,
        active_months=joined.active_months,
        monthly_mean=monthly_mean,
        monthly_std=monthly_std,
        monthly_cv=ratio(monthly_std, monthly_mean),
        quarterly_mean=quarterly_mean,
        quarterly_std=quarterly_std,
        quarterly_cv=ratio(quarterly_std, quarterly_mean),
    )


def orders(transactions: Table, window: Window) -> Table:
    """Per customer with sales in the window: average and largest order (document total) in cents."""
    sales = in_window(transactions, window)
    documents = sales.group_by(["customer_id", "document_id"]).aggregate(amount=sales.amount_cents.sum().cast("int64"))
    return documents.group_by("customer_id").aggregate(
        # sum / count as doubles, the same division everywhere (PostgreSQL's AVG of integers is NUMERIC)
        average_order=rounded(documents.amount.sum().cast("float64") / documents.count().cast("float64")),
        largest_order=documents.amount.max().cast("int64"),
    )


def growth(transactions: Table, as_of: date) -> Table:
    """Per customer: year-over-year growth of revenue for each of the last two years, and the three yearly totals.

    Years are the 12-month periods ending on the as-of date (`last_year_revenue`), a year
    earlier (`previous_year_revenue`) and two years earlier (`third_year_revenue`).
    `growth_last_year` = last / previous − 1 and `growth_year_before` = previous / third − 1,
    null when the earlier year is not positive.
    """
    years = [Window(as_of, 12), Window(Window(as_of, 12).start, 12), Window(Window(as_of, 24).start, 12)]
    span = in_window(transactions, Window(as_of, 36))

    def revenue(year: Window) -> Value:
        inside = (span.date > ibis.literal(year.start)) & (span.date <= ibis.literal(year.as_of))
        return span.amount_cents.sum(where=inside).fill_null(0).cast("int64")

    totals = span.group_by("customer_id").aggregate(
        last_year_revenue=revenue(years[0]), previous_year_revenue=revenue(years[1]), third_year_revenue=revenue(years[2])
    )
    return totals.mutate(
        growth_last_year=ratio(totals.last_year_revenue - totals.previous_year_revenue, totals.previous_year_revenue),
        growth_year_before=ratio(totals.previous_year_revenue - totals.third_year_revenue, totals.third_year_revenue),
    )


def recency(transactions: Table, as_of: date) -> Table:
    """Per customer who bought up to the as-of date: days since the last and since the first purchase."""
    past = transactions.filter(transactions.date <= ibis.literal(as_of))
    days = past.date.epoch_days().cast("int64")
    today = ibis.literal((as_of - date(1970, 1, 1)).days, "int64")
    return past.group_by("customer_id").aggregate(recency_days=today - days.max(), tenure_days=today - days.min())
