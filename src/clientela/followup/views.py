"""Follow-up pages: my week, the contact log form, team compliance, the calendar feed."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from clientela.web.downloads import xlsx_download
from clientela.crm.models import Team, User
from clientela.crm.selectors.customers import customer_get, customers_visible_to
from clientela.followup.calendar_feed import calendar_render
from clientela.followup.forms import ContactLogForm, GroupActivityForm
from clientela.followup.models import CalendarFeed, PlannedContact
from clientela.followup.planner import plan_refresh
from clientela.followup.reports import followup_report, report_period, report_scope, report_xlsx
from clientela.followup.selectors import agenda_for, compliance_by_salesperson, compliance_salespeople, compliance_teams
from clientela.followup.services import calendar_feed_create, contact_log, group_activity_log
from clientela.greetings.selectors import key_dates
from clientela.web.params import chosen, number, query_without

SALESPEOPLE_PER_PAGE = 25


@login_required
def agenda(request: HttpRequest) -> HttpResponse:
    """Show my week: overdue contacts first, then today and the following days."""
    today = timezone.localdate()
    context = {
        "agenda": agenda_for(user=request.user, today=today),
        "key_dates": key_dates(user=request.user, start=today, end=today + timedelta(days=6)),
        "feed": CalendarFeed.objects.filter(user=request.user, revoked_at__isnull=True).first(),
    }
    template = "followup/_agenda.html" if request.htmx else "followup/agenda.html"
    return render(request, template, context)


@login_required
def log_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """Log a contact with a customer, prefilled from the planned contact when there is one."""
    customer = customer_get(user=request.user, pk=pk)
    planned = None
    if "planned" in request.GET or "planned" in request.POST:
        planned_id = request.GET.get("planned") or request.POST.get("planned") or ""
        planned = get_object_or_404(PlannedContact, pk=number(planned_id), customer=customer)
    if request.method == "POST":
        form = ContactLogForm(request.POST)
        if form.is_valid():
            try:
                contact_log(user=request.user, customer=customer, planned=planned, **form.cleaned_data)
            except ValidationError as error:
                # The service's errors name fields the form lacks ("planned", "customer"): add_error(None, error) would raise.
                form.add_error(None, error.messages)
            else:
                plan_refresh(salesperson=customer.owner or request.user, start=timezone.localdate())
                messages.success(request, _("Contact with %(name)s logged.") % {"name": customer.name})
                return redirect("followup:agenda")
    else:
        initial = {"at": timezone.localtime().replace(second=0, microsecond=0), "minutes": 15}
        if planned is not None:
            initial |= {"channel": planned.channel, "minutes": planned.minutes, "purpose": planned.reason}
        form = ContactLogForm(initial=initial)
    return render(request, "followup/log_form.html", {"form": form, "customer": customer, "planned": planned})


@login_required
def log_group_activity(request: HttpRequest) -> HttpResponse:
    """Log a group activity once; it counts as a contact for every attending customer."""
    customers = customers_visible_to(request.user).exclude(status="lost")
    form = GroupActivityForm(request.POST or None, customers=customers, initial={"at": timezone.localtime().replace(second=0, microsecond=0), "minutes": 120})
    if request.method == "POST" and form.is_valid():
        try:
            activity = group_activity_log(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            plan_refresh(salesperson=request.user, start=timezone.localdate())
            messages.success(request, _("%(title)s logged for %(count)d customers.") % {"title": activity.title, "count": activity.attendees.count()})
            return redirect("followup:agenda")
    return render(request, "followup/group_form.html", {"form": form})


@login_required
def team_compliance(request: HttpRequest) -> HttpResponse:
    """Show compliance per class and overdue customers for a page of the salespeople the user may see, of one team when
    chosen (a team the user may not see is a 404)."""
    if request.user.role == User.Role.SALESPERSON and not request.user.is_superuser:
        raise PermissionDenied
    visible = customers_visible_to(request.user)
    teams = compliance_teams(customers=visible)
    team = chosen(teams, request.GET, "team")
    page = Paginator(compliance_salespeople(customers=visible, team=team), SALESPEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    start = today - timedelta(days=27)
    rows = compliance_by_salesperson(customers=visible, salespeople=list(page), start=start, end=today, today=today)
    context = {"rows": rows, "start": start, "end": today, "page": page, "query": query_without(request.GET, "page"), "teams": teams, "team": team}
    return render(request, "followup/team_compliance.html", context)


@login_required
def calendar_feed_new(request: HttpRequest) -> HttpResponse:
    """Create a new secret calendar address (revoking the old one)."""
    if request.method != "POST":
        raise Http404
    calendar_feed_create(user=request.user)
    messages.success(request, _("A new calendar address was created; the old one no longer works."))
    return redirect("followup:agenda")


def calendar(request: HttpRequest, token: str) -> HttpResponse:
    """Serve a salesperson's coming plan as iCalendar to whoever holds the secret address."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token, revoked_at__isnull=True)
    items = PlannedContact.objects.filter(salesperson=feed.user, status=PlannedContact.Status.PLANNED).select_related("customer")
    body = calendar_render(items=items, owner=str(feed.user))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
def review(request: HttpRequest) -> HttpResponse:
    """Show the weekly review or monthly evaluation of a salesperson or team (printable, or as .xlsx)."""
    kind = "month" if request.GET.get("kind") == "month" else "week"
    try:
        day = date.fromisoformat(request.GET.get("date", "")) if request.GET.get("date") else timezone.localdate()
    except ValueError:
        day = timezone.localdate()
    visible = customers_visible_to(request.user)
    person = None
    team = chosen(Team.objects.filter(members__customers__in=visible).distinct(), request.GET, "team")
    if team is None:
        person = chosen(User.objects.filter(customers__in=visible).distinct(), request.GET, "salesperson") or request.user
    start, end = report_period(kind, day)
    label = _("Weekly review") if kind == "week" else _("Monthly evaluation")
    report = followup_report(
        title=f"{label}: {team or person}",
        customers=report_scope(user=request.user, salesperson=person, team=team),
        start=start,
        end=end,
    )
    if request.GET.get("format") == "xlsx":
        return xlsx_download(lambda path: report_xlsx(report, path), f"{kind}-review-{start}.xlsx")
    return render(request, "followup/review.html", {"report": report, "kind": kind, "query": request.GET.urlencode()})
