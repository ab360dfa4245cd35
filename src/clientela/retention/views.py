"""Retention pages: customers at risk, lost customers with their analysis (or as .xlsx), and the loss form."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clientela.web.downloads import xlsx_download
from clientela.crm.selectors.customers import customer_get, customers_visible_to
from clientela.engine.window import months_before
from clientela.retention.forms import LossForm
from clientela.retention.models import CustomerLoss
from clientela.retention.reports import losses_xlsx
from clientela.retention.selectors.at_risk import at_risk_customers
from clientela.retention.selectors.losses import loss_analysis, losses_in
from clientela.retention.services import at_risk_alerts_read, customer_loss_explain, customer_mark_lost
from clientela.web.params import query_without

PAGE_SIZE = 50


@login_required
def at_risk(request: HttpRequest) -> HttpResponse:
    """List the customers at risk the user may see: probability alive, expected value, days silent, usual gap."""
    today = timezone.localdate()
    result = at_risk_customers(customers=customers_visible_to(request.user), today=today)
    page = Paginator(result.customers, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "retention/at_risk.html", {"page": page, "fit": result.fit, "threshold": result.threshold, "today": today})


@login_required
@require_POST
def at_risk_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the customer's at-risk alerts read (dealt with): a later review may alert again."""
    customer = customer_get(user=request.user, pk=pk)
    at_risk_alerts_read(customer=customer)
    messages.success(request, _("The at-risk alert about %(name)s is marked as dealt with.") % {"name": customer.name})
    return redirect("retention:at_risk")


def _period(request: HttpRequest) -> tuple[date, date]:
    """The losses' period from ?start=&end= (ISO dates); by default the last 12 months up to today."""
    today = timezone.localdate()
    try:
        end = date.fromisoformat(request.GET["end"]) if request.GET.get("end") else today
        start = date.fromisoformat(request.GET["start"]) if request.GET.get("start") else months_before(end, 12) + timedelta(days=1)
    except ValueError:
        return months_before(today, 12) + timedelta(days=1), today
    return min(start, end), end


@login_required
def lost(request: HttpRequest) -> HttpResponse:
    """Show the losses of a period by class at the time of loss, month and reason, and the lost customers (or as .xlsx)."""
    start, end = _period(request)
    customers = customers_visible_to(request.user)
    analysis = loss_analysis(customers=customers, start=start, end=end)
    losses = losses_in(customers=customers, start=start, end=end)
    if request.GET.get("format") == "xlsx":
        return xlsx_download(lambda path: losses_xlsx(analysis, losses, path), f"lost-customers-{start}-{end}.xlsx")
    page = Paginator(losses, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "retention/lost.html", {"analysis": analysis, "page": page, "query": query_without(request.GET, "page")})


@login_required
def loss_form(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a customer lost with a reason, or give the reason of its loss (a detected loss starts as unknown)."""
    customer = customer_get(user=request.user, pk=pk)
    loss = CustomerLoss.objects.filter(customer=customer, recovered_on__isnull=True).first()
    initial = {"reason": loss.reason, "reason_text": loss.reason_text} if loss is not None else {}
    form = LossForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if loss is None:
                customer_mark_lost(customer=customer, user=request.user, reason=data["reason"], reason_text=data["reason_text"], on=data["lost_on"])
            else:
                customer_loss_explain(loss=loss, user=request.user, reason=data["reason"], reason_text=data["reason_text"])
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
        else:
            messages.success(request, _("The loss of %(name)s is recorded.") % {"name": customer.name})
            return redirect("retention:lost")
    return render(request, "retention/loss_form.html", {"form": form, "customer": customer, "loss": loss})
