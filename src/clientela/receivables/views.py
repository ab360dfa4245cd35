"""Receivables pages: the ageing, a customer's statement and credit terms, the bonus on money collected."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from clientela.web.downloads import xlsx_download
from clientela.crm.models import Customer, Region, Team, User
from clientela.crm.models.business import cents_to_amount
from clientela.crm.selectors.customers import customer_get, customers_visible_to
from clientela.ledger import BUCKETS, month_start
from clientela.receivables.exports import ageing_xlsx, bonus_xlsx
from clientela.receivables.forms import CreditTermsForm
from clientela.receivables.models import DEFAULT_PAYMENT_DAYS
from clientela.receivables.selectors.ageing import customer_statement, receivables_ageing
from clientela.receivables.selectors.bonus import bonus_report
from clientela.receivables.selectors.credit import credit_standing
from clientela.receivables.services import credit_terms_save, may_set_credit_terms
from clientela.web.params import chosen, query_without


@dataclass(frozen=True)
class Scope:
    """The customers a page covers and the filters that narrowed them."""

    customers: QuerySet[Customer]
    salesperson: User | None
    team: Team | None
    region: Region | None


def _scope(request: HttpRequest) -> Scope:
    """The user's visible customers narrowed by salesperson, team and region; a filter the user may not see is a 404."""
    choices = _choices(request.user)
    salesperson = chosen(choices["salespeople"], request.GET, "salesperson")
    team = chosen(choices["teams"], request.GET, "team")
    region = chosen(choices["regions"], request.GET, "region")
    customers = customers_visible_to(request.user)
    if salesperson:
        customers = customers.filter(owner=salesperson)
    if team:
        customers = customers.filter(owner__team=team)
    if region:
        customers = customers.filter(region=region)
    return Scope(customers, salesperson, team, region)


def _choices(user: User) -> dict[str, Any]:
    visible = customers_visible_to(user)
    return {
        "salespeople": User.objects.filter(customers__in=visible).distinct().order_by("username"),
        "teams": Team.objects.filter(members__customers__in=visible).distinct(),
        "regions": Region.objects.filter(customers__in=visible).distinct(),
    }


def _day(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()


@login_required
def ageing(request: HttpRequest) -> HttpResponse:
    """Show what the customers owe by age, per customer, salesperson and team, with overdue instalments (or .xlsx)."""
    scope = _scope(request)
    report = receivables_ageing(customers=scope.customers, as_of=_day(request.GET.get("as_of")))
    if request.GET.get("format") == "xlsx":
        return xlsx_download(lambda path: ageing_xlsx(report, path), f"receivables-{report.as_of}.xlsx")
    context = {"report": report, "scope": scope, "buckets": BUCKETS, "query": query_without(request.GET, "format")}
    return render(request, "receivables/ageing.html", context | _choices(request.user))


@login_required
def credit_warning(request: HttpRequest, pk: int) -> HttpResponse:
    """Render the credit warning of a customer's file (loaded after the file when the ledger must be allocated)."""
    customer = customer_get(user=request.user, pk=pk)
    standing = credit_standing(customer=customer, as_of=timezone.localdate())
    return render(request, "receivables/_credit_warning.html", {"customer": customer, "standing": standing})


@login_required
def statement(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a customer's open and recently paid items on a day (default today), what paid each of them, and its credit terms."""
    customer = customer_get(user=request.user, pk=pk)
    today = _day(request.GET.get("as_of"))
    context = {
        "customer": customer,
        "statement": customer_statement(customer=customer, as_of=today),
        "payment_days": terms.payment_days if (terms := getattr(customer, "credit_terms", None)) else DEFAULT_PAYMENT_DAYS,
        "today": today,
        "may_edit": may_set_credit_terms(request.user),
        "buckets": BUCKETS,
    }
    return render(request, "receivables/statement.html", context)


@login_required
def credit_terms(request: HttpRequest, pk: int) -> HttpResponse:
    """Set a customer's payment terms and credit limit (supervisors and admins)."""
    customer = customer_get(user=request.user, pk=pk)
    if not may_set_credit_terms(request.user):
        raise PermissionDenied
    terms = getattr(customer, "credit_terms", None)
    initial = {"payment_days": terms.payment_days, "credit_limit": cents_to_amount(terms.credit_limit_cents)} if terms else {}
    form = CreditTermsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            credit_terms_save(user=request.user, customer=customer, payment_days=form.cleaned_data["payment_days"], credit_limit_cents=form.limit_cents())
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Credit terms of %(name)s saved.") % {"name": customer.name})
            return redirect("receivables:statement", pk=customer.pk)
    return render(request, "receivables/credit_terms.html", {"customer": customer, "form": form})


@login_required
def bonus(request: HttpRequest) -> HttpResponse:
    """Show the bonus on money collected in a month per salesperson and customer, held back and released (or .xlsx)."""
    scope = _scope(request)
    today = timezone.localdate()
    try:
        month = date.fromisoformat(f"{request.GET['month']}-01") if request.GET.get("month") else month_start(today)
    except ValueError:
        month = month_start(today)
    report = bonus_report(customers=scope.customers, month=min(month, month_start(today)), today=today)
    if request.GET.get("format") == "xlsx":
        return xlsx_download(lambda path: bonus_xlsx(report, path), f"bonus-{report.month:%Y-%m}.xlsx")
    return render(request, "receivables/bonus.html", {"report": report, "scope": scope, "query": query_without(request.GET, "format")} | _choices(request.user))
