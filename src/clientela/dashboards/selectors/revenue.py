"""The revenue of the customers a user may see over the last year, for the home page."""

from datetime import date, timedelta

from django.db.models import Sum

from clientela.crm.models import Transaction, User
from clientela.crm.selectors.customers import customers_visible_to, sees_every_customer
from clientela.dashboards.models import TransactionDay


def revenue_12m(*, user: User, today: date) -> int:
    """Net revenue in cents of the lines dated after the day a year before `today`, of the customers `user` may see.

    Someone who sees every customer gets the company's: the day totals kept with the lines (a few
    hundred rows, not a year of lines).
    """
    since = today - timedelta(days=365)
    if sees_every_customer(user):
        days = TransactionDay.objects.filter(day__gt=since)
        return days.aggregate(total=Sum("amount_cents"))["total"] or 0
    lines = Transaction.objects.filter(customer__in=customers_visible_to(user), date__gt=since)
    return lines.aggregate(total=Sum("amount_cents"))["total"] or 0
