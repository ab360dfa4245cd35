"""Field sales pages: the daily route, the visit plan, targets against actual sales, the weekly review and monthly evaluation."""

from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clientela.web.downloads import xlsx_download
from clientela.crm.models import Customer, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.fieldsales.forms import PlannedVisitForm, StartPointForm, TargetForm
from clientela.fieldsales.models import PlannedVisit, Target
from clientela.fieldsales.periods import period_span
from clientela.fieldsales.route_calendar import route_calendar
from clientela.fieldsales.selectors.evaluation import evaluation_xlsx, evaluations
from clientela.fieldsales.selectors.itinerary import Itinerary, itinerary_for
from clientela.fieldsales.selectors.people import may_set_targets, salesperson_get, salespeople_visible_to
from clientela.fieldsales.selectors.targets import GROUPINGS, plan_vs_actual, target_lines
from clientela.fieldsales.selectors.visits import progress_by_period, visit_statuses
from clientela.web.charts import figure_data
from clientela.fieldsales.services import planned_visit_add, planned_visit_delete, start_point_save, target_save, target_year_spread, visits_from_followup
from clientela.web.params import number

LINES_PER_PAGE = 100


def _day(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


def _person(request: HttpRequest) -> User:
    """The salesperson a page is about: the one asked for, if the user may see them, else the user."""
    params = request.GET if request.method == "GET" else request.POST
    if params.get("salesperson"):
        return salesperson_get(user=request.user, pk=number(params["salesperson"]))
    return request.user


def _route_chart(itinerary: Itinerary) -> dict[str, Any] | None:
    """The route drawn from the start point through the stops in visiting order and back."""
    if itinerary.route is None or itinerary.start_point is None:
        return None
    start = itinerary.start_point
    stops = [(leg.stop.location, f"{number}. {leg.stop.name}") for number, leg in enumerate(itinerary.route.stops, start=1) if leg.stop.location is not None]
    path = [(start.latitude, start.longitude), *(location for location, _name in stops), (start.latitude, start.longitude)]
    figure = go.Figure(
        [
            go.Scatter(x=[lon for _lat, lon in path], y=[lat for lat, _lon in path], mode="lines", hoverinfo="skip", showlegend=False, line={"color": "#0b6e4f", "width": 2}),
            go.Scatter(
                x=[location[1] for location, _name in stops], y=[location[0] for location, _name in stops], text=[name for _location, name in stops],
                mode="markers+text", textposition="top center", hoverinfo="text", showlegend=False, marker={"size": 11, "color": "#1d2733"},
            ),
            go.Scatter(
                x=[start.longitude], y=[start.latitude], text=[start.label], mode="markers+text", textposition="bottom center",
                hoverinfo="text", showlegend=False, marker={"size": 15, "symbol": "square", "color": "#a15c00"},
            ),
        ],
        layout={
            "margin": {"l": 50, "r": 10, "t": 10, "b": 40}, "height": 420,
            "xaxis": {"title": {"text": _("longitude")}}, "yaxis": {"title": {"text": _("latitude")}, "scaleanchor": "x"},
        },
    )
    return figure_data(figure)


@login_required
def route(request: HttpRequest) -> HttpResponse:
    """Show a day's visits in route order from the start point and back, with the distance and a drawing; or the day as .ics."""
    person = _person(request)
    day = _day(request.GET.get("date"), timezone.localdate())
    itinerary = itinerary_for(salesperson=person, day=day)
    if request.GET.get("format") == "ics":
        response = HttpResponse(route_calendar(itinerary), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="route-{day}.ics"'
        return response
    context = {
        "itinerary": itinerary,
        "person": person,
        "chart": _route_chart(itinerary),
        "previous": day - timedelta(days=1),
        "next": day + timedelta(days=1),
        "tomorrow": timezone.localdate() + timedelta(days=1),
        "salespeople": salespeople_visible_to(request.user).order_by("username"),
        "start_form": StartPointForm(instance=itinerary.start_point),
    }
    return render(request, "fieldsales/route.html", context)


@login_required
@require_POST
def start_point(request: HttpRequest) -> HttpResponse:
    """Set where a salesperson's day starts and ends."""
    person = _person(request)
    form = StartPointForm(request.POST)
    back = reverse("fieldsales:route") + "?" + urlencode({"salesperson": person.pk, "date": request.POST.get("date", "")})
    if form.is_valid():
        start_point_save(user=person, **form.cleaned_data)
        messages.success(request, _("Start point saved."))
    else:
        messages.error(request, "; ".join(f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()))
    return redirect(back)


@login_required
def visits(request: HttpRequest) -> HttpResponse:
    """Show a salesperson's visit plan for a year or month with plan vs done, and add visits to it."""
    person = _person(request)
    today = timezone.localdate()
    params = request.GET
    year = number(params.get("year")) or today.year
    month = number(params.get("month"))
    month = month if month and 1 <= month <= 12 else None
    start, end = period_span("month", date(year, month, 1)) if month else period_span("year", date(year, 1, 1))
    customers = customers_visible_to(request.user).filter(owner=person).exclude(status=Customer.Status.LOST)
    form = PlannedVisitForm(request.POST or None, customers=customers, initial={"period": "day", "day": max(start, min(today, end))})
    if request.method == "POST" and form.is_valid():
        try:
            visit = planned_visit_add(salesperson=person, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
        else:
            messages.success(request, _("Visit to %(name)s planned.") % {"name": visit.customer.name})
            return redirect(request.get_full_path())
    statuses = visit_statuses(salespeople=[person], start=date(year, 1, 1), end=date(year, 12, 31))
    context = {
        "person": person,
        "year": year,
        "month": month,
        "start": start,
        "end": end,
        "progress": progress_by_period(statuses, year),
        "statuses": [s for s in statuses if start <= s.visit.starts_on and s.visit.ends_on <= end],
        "form": form,
        "salespeople": salespeople_visible_to(request.user).order_by("username"),
        "months": range(1, 13),
    }
    return render(request, "fieldsales/visits.html", context)


@login_required
@require_POST
def visit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a visit out of a plan the user may see."""
    visit = get_object_or_404(PlannedVisit, pk=pk, salesperson__in=salespeople_visible_to(request.user) | User.objects.filter(pk=request.user.pk))
    planned_visit_delete(visit=visit)
    messages.success(request, _("Visit to %(name)s taken out of the plan.") % {"name": visit.customer.name})
    return redirect(reverse("fieldsales:visits") + "?" + urlencode({"salesperson": visit.salesperson_id, "year": visit.starts_on.year}))


@login_required
@require_POST
def visits_from_plan(request: HttpRequest) -> HttpResponse:
    """Add the follow-up plan's visits of a month to the salesperson's visit plan."""
    person = _person(request)
    day = _day(request.POST.get("month"), timezone.localdate())
    start, end = period_span("month", day)
    added = visits_from_followup(salesperson=person, start=start, end=end)
    messages.success(request, _("%(count)d visits of the follow-up plan added.") % {"count": len(added)})
    return redirect(reverse("fieldsales:visits") + "?" + urlencode({"salesperson": person.pk, "year": start.year, "month": start.month}))


@login_required
def targets(request: HttpRequest) -> HttpResponse:
    """Show targets against actual sales with the gap per salesperson, team or region; supervisors and admins enter targets."""
    today = timezone.localdate()
    year = number(request.GET.get("year")) or today.year
    month = number(request.GET.get("month"))
    month = month if month and 1 <= month <= 12 else None
    by = request.GET.get("by") if request.GET.get("by") in GROUPINGS else "salesperson"
    start, end = period_span("month", date(year, month, 1)) if month else period_span("year", date(year, 1, 1))
    people = salespeople_visible_to(request.user)
    form = None
    if may_set_targets(request.user):
        form = TargetForm(request.POST or None, salespeople=people, customers=customers_visible_to(request.user), initial={"year": year, "month": month})
    elif request.method == "POST":
        raise PermissionDenied
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["month"]:
                target_save(month=form.cleaned_data["month"], **form.target_data())
            else:
                target_year_spread(**form.target_data())
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
        else:
            messages.success(request, _("Target saved."))
            return redirect(request.get_full_path())
    lines = target_lines(targets=Target.objects.filter(salesperson__in=people), start=start, end=end)
    context = {
        "year": year,
        "month": month,
        "by": by,
        "groupings": GROUPINGS,
        "months": range(1, 13),
        "totals": plan_vs_actual(lines, by),
        "lines": Paginator(lines, LINES_PER_PAGE).get_page(request.GET.get("page")),
        "form": form,
    }
    return render(request, "fieldsales/targets.html", context)


@login_required
def evaluation(request: HttpRequest) -> HttpResponse:
    """Show the weekly review or monthly evaluation of each salesperson the user may see, ranked; or export it as .xlsx."""
    kind = "week" if request.GET.get("period") == "week" else "month"
    today = timezone.localdate()
    day = _day(request.GET.get("date"), today)
    start, end = period_span(kind, day)
    rows = evaluations(salespeople=salespeople_visible_to(request.user), start=start, end=end, today=today)
    title = f"{_('Weekly review') if kind == 'week' else _('Monthly evaluation')} {start} – {end}"
    if request.GET.get("format") == "xlsx":
        return xlsx_download(lambda path: evaluation_xlsx(rows, path, title=title), f"{kind}-evaluation-{start}.xlsx")
    context = {"rows": rows, "kind": kind, "start": start, "end": end, "title": title, "day": day, "query": request.GET.urlencode()}
    return render(request, "fieldsales/evaluation.html", context)
