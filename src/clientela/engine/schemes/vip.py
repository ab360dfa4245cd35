"""S3.3 Rolling VIP register."""

import calendar
from collections.abc import Callable
from datetime import date
from typing import Literal

import ibis
from ibis.expr.types import Table, Value
from pydantic import Field

from clientela.engine.activity import month_number
from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric, join_parts, order_key
from clientela.engine.schemes.base import SchemeDefinition, SchemeName
from clientela.engine.schemes.ranking import TOLERANCE, number


def _label(month: int) -> str:
    year, index = divmod(month, 12)
    return f"{year:04d}-{index + 1:02d}"


def _first_day(month: int) -> date:
    year, index = divmod(month, 12)
    return date(year, index + 1, 1)


def _last_day(month: int) -> date:
    year, index = divmod(month, 12)
    return date(year, index + 1, calendar.monthrange(year, index + 1)[1])


class VipScheme(SchemeDefinition):
    """Rolling VIP register, in whole calendar months; month M is the month of the as-of date.

    Each month, the customers who paid in it (metric > 0) are sorted by the amount, descending
    (ties: customer id ascending); the top `vip_share` of them by count, rounded up, are that
    month's VIPs. In `monthly` mode the register of month M is the union of the monthly VIPs of
    months M−w+1 … M (w = `window_months`, default 6); in `total` mode it is the top `vip_share`
    (rounded up) of the customers ranked by their total over those months.

    Classes as of M: **vip** = in the register of M. **good** = among the other customers with a
    positive total in the window, ranked by it, the top `good_share` (rounded up); and every
    customer who was in the register of M−1 but not in that of M (fell out of VIP). **regular** =
    everyone else. The metric is the amount paid (payments; without payments the invoiced
    amounts stand in), or any other key metric.

    Explanation columns: `value` (total in the window), `rank` (by that total), `vip_months`
    (how many months of the window the customer was a monthly VIP), `months_vip` (which ones, as
    YYYY-MM, comma-separated), `fell_out`, `vip_threshold`, `good_threshold`.
    """

    kind: Literal["vip"] = "vip"
    name: SchemeName = "vip"
    metric: Metric = Metric.PAID
    window_months: int = Field(default=6, ge=1, le=24)
    mode: Literal["monthly", "total"] = "monthly"
    vip_share: float = Field(default=0.20, gt=0, le=1)
    good_share: float = Field(default=0.20, ge=0, le=1)

    def period(self, as_of: date) -> tuple[date, date]:
        """First and last day of the window's calendar months."""
        last = as_of.year * 12 + as_of.month - 1
        return _first_day(last - self.window_months + 1), _last_day(last)

    def metric_names(self) -> frozenset[str]:
        """None: it works on calendar-month amounts of its own (`monthly_amounts`), not on window metrics."""
        return frozenset()

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        last = as_of.year * 12 + as_of.month - 1
        w = self.window_months
        # One aggregation of the 2w months the registers need; the window's own months are its newer half.
        history = self.monthly_amounts(inputs, last - 2 * w + 1, last)
        amounts = history.filter(history.month > last - w)
        # A month's VIPs depend on its amounts alone: ranked once for all 2w months.
        vips = self._monthly_vips(history)
        in_window = vips.month > last - w
        flag = lambda condition: ibis.ifelse(condition, 1, 0).max()  # noqa: E731
        months = range(last - w + 1, last + 1)
        columns = {"vip_months": vips.count(where=in_window).cast("int64"), **{f"m{m}": flag(vips.month == m) for m in months}}
        if self.mode == "monthly":
            # The register of a month is the union of the monthly VIPs of its w months (that of M − 1 ends a month earlier).
            columns.update(vip=flag(in_window), was_vip=flag((vips.month >= last - w) & (vips.month < last)))
            parts = [vips.group_by("customer_id").aggregate(**columns)]
        else:
            registers = self._registers(history, last)
            in_registers = registers.group_by("customer_id").aggregate(vip=flag(registers.month == last), was_vip=flag(registers.month == last - 1))
            parts = [vips.group_by("customer_id").aggregate(**columns), in_registers]
        totals = amounts.group_by("customer_id").aggregate(value=amounts.amount.sum().cast("int64"))
        table = join_parts(inputs, [totals, *parts], ("value", "vip", "was_vip", *columns))
        vip = table.vip == 1
        fell_out = (table.was_vip == 1) & ~vip
        contender = ~vip & (table.value > 0)
        order = [ibis.desc(table.value), ibis.asc(table.customer_id)]
        good_rank = ibis.row_number().over(ibis.window(group_by=[contender], order_by=order)) + 1
        contenders = table.value.count(where=contender).over(ibis.window())
        good = contender & (good_rank <= (contenders * number(self.good_share) - number(TOLERANCE)).ceil())
        months_vip = ibis.literal("")
        for m in months:
            months_vip = months_vip + ibis.ifelse(table[f"m{m}"] == 1, f",{_label(m)}", "")
        return table.select(
            "customer_id",
            ibis.cases((vip, "vip"), (good | fell_out, "good"), else_="regular").name("class"),
            "value",
            (ibis.row_number().over(ibis.window(order_by=order)) + 1).name("rank"),
            vip_months=table.vip_months,
            months_vip=months_vip.substr(1),
            fell_out=fell_out,
            vip_threshold=number(self.vip_share),
            good_threshold=number(self.good_share),
        )

    def monthly_amounts(self, inputs: Inputs, first: int, last: int) -> Table:
        """`customer_id, month, amount`: the metric per customer and calendar month (month = year × 12 + month − 1)."""
        uses_payments = self.metric in (Metric.PAID, Metric.PAYMENTS) and inputs.payments is not None
        source = inputs.payments if uses_payments else inputs.transactions
        assert source is not None
        rows = source.filter((source.date >= ibis.literal(_first_day(first))) & (source.date <= ibis.literal(_last_day(last))))
        rows = rows.mutate(month=month_number(rows.date))
        amount: dict[Metric, Callable[[], Value]] = {
            Metric.PAID: lambda: rows.amount_cents.sum(),
            Metric.REVENUE: lambda: rows.amount_cents.sum(),
            Metric.PAYMENTS: lambda: rows.count(),
            Metric.UNITS: lambda: rows.units.fill_null(0).sum(),
            Metric.PROFIT: lambda: (rows.amount_cents - rows.cost_cents.fill_null(rows.amount_cents)).sum(),
            Metric.ORDERS: lambda: rows[order_key(rows)].nunique(),
        }
        return rows.group_by(["customer_id", "month"]).aggregate(amount=amount[self.metric]().cast("int64"))

    def _monthly_vips(self, amounts: Table) -> Table:
        """`customer_id, month` of each month's VIPs: the top `vip_share` (rounded up) of its payers."""
        return self._top(amounts, "month")

    def _top(self, amounts: Table, period: str) -> Table:
        """`customer_id, month`: per period, the top `vip_share` (rounded up) of the customers with a positive amount."""
        payers = amounts.filter(amounts.amount > 0)
        order = [ibis.desc(payers.amount), ibis.asc(payers.customer_id)]
        rank = ibis.row_number().over(ibis.window(group_by=period, order_by=order)) + 1
        count = payers.amount.count().over(ibis.window(group_by=period))
        ranked = payers.mutate(_rank=rank, _count=count)
        top = ranked.filter(ranked._rank <= (ranked._count * number(self.vip_share) - number(TOLERANCE)).ceil())
        return top.select("customer_id", month=top[period])

    def registers(self, inputs: Inputs, as_of: date) -> Table:
        """`customer_id, month`: the register of each month M−w … M (w = the window)."""
        last = as_of.year * 12 + as_of.month - 1
        return self._registers(self.monthly_amounts(inputs, last - 2 * self.window_months + 1, last), last)

    def _registers(self, amounts: Table, last: int) -> Table:
        """The registers of months last − w … last from the monthly amounts of months last − 2w + 1 … last."""
        w = self.window_months

        def spread(table: Table) -> Table:
            # A month counts for the registers of that month and of the w − 1 following ones.
            copies = ibis.union(*(table.mutate(register=table.month + k) for k in range(w)), distinct=False)
            return copies.filter((copies.register >= last - w) & (copies.register <= last))

        if self.mode == "monthly":
            vips = spread(self._monthly_vips(amounts))
            return vips.select("customer_id", month=vips.register).distinct()
        spread_amounts = spread(amounts)
        totals = spread_amounts.group_by(["customer_id", "register"]).aggregate(amount=spread_amounts.amount.sum().cast("int64"))
        return self._top(totals, "register")

    def register_changes(self, inputs: Inputs, as_of: date) -> Table:
        """`month` (YYYY-MM), `customer_id`, `change` (entry or exit) of the register, for each month of the window."""
        last = as_of.year * 12 + as_of.month - 1
        registers = self.registers(inputs, as_of)
        following = registers.mutate(month=registers.month + 1)
        entries = registers.anti_join(following, ["customer_id", "month"]).mutate(change=ibis.literal("entry"))
        exits = following.anti_join(registers, ["customer_id", "month"]).mutate(change=ibis.literal("exit"))
        changes = entries.union(exits)
        changes = changes.filter((changes.month > last - self.window_months) & (changes.month <= last))
        label = ibis.cases(*((changes.month == m, _label(m)) for m in range(last - self.window_months + 1, last + 1)))
        return changes.select(month=label, customer_id=changes.customer_id, change=changes.change)
