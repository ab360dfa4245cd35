"""The product mix page and its .xlsx export, for the customers the user may see."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from clientela.web.downloads import xlsx_download
from clientela.crm.models import Team, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.followup.reports import report_scope
from clientela.productmix.export import product_mix_xlsx
from clientela.productmix.forms import MixForm
from clientela.productmix.selectors import product_mix_report
from clientela.segmentation.services import month_end_before
from clientela.web.params import chosen


@login_required
def product_mix(request: HttpRequest) -> HttpResponse:
    """Show the ABC of products, declining products and those few customers buy, from the purchases of the customers the user may see."""
    visible = customers_visible_to(request.user)
    people = User.objects.filter(customers__in=visible).distinct().order_by("username")
    teams = Team.objects.filter(members__customers__in=visible).distinct().order_by("name")
    person = chosen(people, request.GET, "salesperson")
    team = chosen(teams, request.GET, "team")
    defaults = {"as_of": month_end_before(timezone.localdate()).isoformat(), "months": "12", "metric": "revenue", "few_buyers": "5", "decline": "10"}
    form = MixForm(defaults | {name: value for name, value in request.GET.items() if value})
    report = None
    if form.is_valid():
        customers = report_scope(user=request.user, salesperson=person, team=team)
        if region := form.cleaned_data["region"]:
            customers = customers.filter(region=region)
        report = product_mix_report(customers=customers, as_of=form.cleaned_data["as_of"], mix=form.mix())
        if request.GET.get("format") == "xlsx":
            scope = [("region", region.code if region else "all"), ("salesperson", str(person or "all")), ("team", str(team or "all"))]
            return xlsx_download(lambda path: product_mix_xlsx(report, path, scope), f"product-mix-{report.as_of}.xlsx")
    context: dict[str, Any] = {
        "form": form,
        "report": report,
        "people": people,
        "teams": teams,
        "person": person,
        "team": team,
        "query": request.GET.urlencode(),
    }
    return render(request, "productmix/mix.html", context)
