"""The portfolio at a glance and the customer list."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from clientela.crm.models import Customer, Region, Tag, User
from clientela.crm.selectors.customers import CustomerFilters, customer_list as customers_filtered, customers_visible_to, portfolio_counts
from clientela.dashboards.selectors.revenue import revenue_12m
from clientela.web.params import number, query_without

PAGE_SIZE = 25


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Show the user's portfolio at a glance."""
    summary = portfolio_counts(user=request.user) | {"revenue_12m_cents": revenue_12m(user=request.user, today=timezone.localdate())}
    return render(request, "web/home.html", {"summary": summary})


@login_required
def customer_list(request: HttpRequest) -> HttpResponse:
    """List, search and filter the customers the user may see."""
    params = request.GET
    filters = CustomerFilters(
        search=params.get("q", "").replace("\x00", "")[:100],  # no one types NUL, and PostgreSQL refuses it
        region=number(params.get("region")),
        owner=number(params.get("owner")),
        status=params.get("status", ""),
        channel=params.get("channel", ""),
        tag=number(params.get("tag")),
    )
    page = Paginator(customers_filtered(user=request.user, filters=filters), PAGE_SIZE).get_page(params.get("page"))
    context = {"page": page, "filters": filters, "query": query_without(params, "page")}
    if request.htmx:
        return render(request, "web/_customer_rows.html", context)
    return render(request, "web/customer_list.html", context | filter_choices(request.user))


def filter_choices(user: User) -> dict[str, Any]:
    """The regions, salespeople and channels of the customers the user sees, the statuses and the groups.

    Regions and salespeople are few: each is kept when one of its customers is visible (an indexed
    EXISTS each), instead of joining every visible customer and removing the duplicates.
    """
    visible = customers_visible_to(user)
    return {
        "regions": Region.objects.filter(Exists(visible.filter(region=OuterRef("pk")))),
        "owners": User.objects.filter(Exists(visible.filter(owner=OuterRef("pk")))),
        "statuses": Customer.Status.choices,
        "channels": visible.exclude(channel="").order_by("channel").values_list("channel", flat=True).distinct(),
        "tags": Tag.objects.all(),
    }
