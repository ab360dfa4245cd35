"""The customer file: profile, classes and why, class history, revenue, transactions, payments, contacts made and planned."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clientela.audit.selectors import customer_history
from clientela.crm.models import Customer, CustomFieldDefinition, User
from clientela.crm.selectors.customers import customer_get, customer_monthly_revenue, customer_totals, customers_visible_to
from clientela.followup.selectors import customer_contact_logs, customer_next_contact
from clientela.segmentation.selectors import customer_class_changes, customer_class_history, customer_classes_current
from clientela.web.class_explanations import explain
from clientela.web.customer_charts import monthly_revenue_figure

PAGE_SIZE = 20
REVENUE_MONTHS = 24
RECENT_CHANGES = 12

# The long lists of the file, each paginated and loaded page by page: queryset, fragment, title.
LISTS: dict[str, tuple[Callable[[Customer], QuerySet[Any]], str, Any]] = {
    "transactions": (lambda customer: customer.transactions.select_related("product"), "web/customer/_transactions.html", _("Transactions")),
    "payments": (lambda customer: customer.payments.all(), "web/customer/_payments.html", _("Payments")),
    "contacts": (lambda customer: customer_contact_logs(customer=customer), "web/customer/_contact_log.html", _("Contact log")),
    "audit": (lambda customer: customer_history(customer=customer), "audit/_customer_history.html", _("History of changes")),
}


def visible_customer(user: User, pk: int) -> Customer:
    """A customer the user may see and edit (404 otherwise), without its related records."""
    return get_object_or_404(customers_visible_to(user), pk=pk)


def list_page(customer: Customer, name: str, number: Any) -> Page:
    """One page of one of the file's long lists."""
    queryset, _template, _title = LISTS[name]
    return Paginator(queryset(customer), PAGE_SIZE).get_page(number)


@login_required
def customer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a customer's file, every section editable by whoever may see the customer."""
    customer = customer_get(user=request.user, pk=pk)
    today = timezone.localdate()
    revenue = customer_monthly_revenue(customer=customer, last_month=today, months=REVENUE_MONTHS)
    context = {
        "customer": customer,
        "totals": customer_totals(customer=customer, today=today),
        "classes": [(current, explain(current)) for current in customer_classes_current(customer=customer)],
        "history": customer_class_history(customer=customer),
        "changes": customer_class_changes(customer=customer)[:RECENT_CHANGES],
        "revenue": revenue,
        "revenue_figure": monthly_revenue_figure(revenue),
        "next_contact": customer_next_contact(customer=customer),
        "custom_labels": dict(CustomFieldDefinition.objects.values_list("key", "label")),
        **{f"{name}_page": list_page(customer, name, 1) for name in LISTS},
    }
    return render(request, "web/customer_detail.html", context)


@login_required
def customer_list_page(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One page of the customer's transactions, payments, contact log or history of changes (the fragment to HTMX, a page otherwise)."""
    if name not in LISTS:
        raise Http404
    customer = visible_customer(request.user, pk)
    _queryset, template, title = LISTS[name]
    context = {"customer": customer, f"{name}_page": list_page(customer, name, request.GET.get("page")), "title": title, "fragment": template}
    return render(request, template if request.htmx else "web/customer/list_page.html", context)
