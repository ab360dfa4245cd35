"""Pipeline pages: the board (with moves), a prospect's file and history, new prospects, the funnel, duplicates."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clientela.crm.models import Customer, Team, User
from clientela.crm.selectors.customers import customer_get, customers_visible_to
from clientela.pipeline.forms import MoveForm, ProspectForm, ScoresForm
from clientela.pipeline.models import OPEN_STAGES, LeadChannel, Stage, manual_moves
from clientela.pipeline.selectors.board import BoardFilters, pipeline_board, stage_history
from clientela.pipeline.selectors.classes import latest_prospect_snapshot, prospect_classes
from clientela.pipeline.selectors.duplicates import duplicate_pairs, duplicates_of
from clientela.pipeline.selectors.funnel import funnel_report
from clientela.pipeline.services.merge import customers_merge
from clientela.pipeline.services.prospects import DuplicateSuspected, prospect_create, prospect_update
from clientela.pipeline.services.stages import pipeline_entry_ensure, stage_move
from clientela.web.params import number

PROSPECT_CLASSES = ("PI", "PII", "PIII", "PIV")


def _filters(request: HttpRequest) -> BoardFilters:
    params = request.GET if request.method == "GET" else request.POST
    label = params.get("class", "")
    return BoardFilters(
        salesperson=number(params.get("salesperson")),
        team=number(params.get("team")),
        prospect_class=label if label in PROSPECT_CLASSES else "",
        lost=params.get("lost") == "on",
    )


def _scope(user: User, filters: BoardFilters) -> QuerySet[Customer]:
    customers = customers_visible_to(user)
    if filters.salesperson:
        customers = customers.filter(owner_id=filters.salesperson)
    if filters.team:
        customers = customers.filter(owner__team_id=filters.team)
    return customers


def _choices(user: User) -> dict[str, Any]:
    visible = customers_visible_to(user)
    return {
        "salespeople": User.objects.filter(customers__in=visible).distinct().order_by("username"),
        "teams": Team.objects.filter(members__customers__in=visible).distinct(),
        "classes": PROSPECT_CLASSES,
    }


def _board_context(request: HttpRequest, filters: BoardFilters) -> dict[str, Any]:
    return {
        "columns": pipeline_board(user=request.user, filters=filters, today=timezone.localdate()),
        "filters": filters,
    }


@login_required
def board(request: HttpRequest) -> HttpResponse:
    """Show the pipeline as a board: a column per stage, filtered by salesperson, team and prospect class."""
    filters = _filters(request)
    context = _board_context(request, filters)
    if request.htmx:
        return render(request, "pipeline/_board.html", context)
    return render(request, "pipeline/board.html", context | _choices(request.user))


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a prospect to another stage with a reason; the board comes back with the result."""
    customer = customer_get(user=request.user, pk=pk)
    form = MoveForm(request.POST)
    error = ""
    if not form.is_valid():
        error = "; ".join(message for messages_ in form.errors.values() for message in messages_)
    else:
        try:
            stage_move(user=request.user, customer=customer, to_stage=form.cleaned_data["stage"], reason=form.cleaned_data["reason"])
        except ValidationError as refusal:
            error = "; ".join(refusal.messages)
    if request.htmx:
        context = _board_context(request, _filters(request)) | {"error": error, "moved": None if error else customer}
        return render(request, "pipeline/_board.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("%(name)s moved to %(stage)s.") % {"name": customer.name, "stage": Stage(form.cleaned_data["stage"]).label})
    back = request.POST.get("next", "")
    return redirect(back if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) else "pipeline:board")


@login_required
def prospect_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a customer's place in the pipeline, its PI–PIV class and scores, its stage history and lookalikes."""
    customer = customer_get(user=request.user, pk=pk)
    entry = pipeline_entry_ensure(customer=customer)  # customers created since the last sync enter here
    profile = customer.profile
    if request.method == "POST":
        form = ScoresForm(request.POST)
        if form.is_valid():
            try:
                prospect_update(customer=customer, data=form.data_for_update())
            except ValidationError as refusal:
                form.add_error(None, refusal.messages)
            else:
                messages.success(request, _("Scores of %(name)s saved.") % {"name": customer.name})
                return redirect("pipeline:prospect", pk=customer.pk)
    else:
        initial = {name: getattr(profile if hasattr(profile, name) else entry, name) for name in ScoresForm.SCORES}
        initial |= {
            "expected_value": entry.expected_value,
            "expected_signing_on": entry.expected_signing_on,
            "lead_source": entry.lead_source,
            "lead_channel": entry.lead_channel,
            "tax_id": entry.tax_id,
        }
        form = ScoresForm(initial=initial)
    snapshot = latest_prospect_snapshot()
    context = {
        "customer": customer,
        "entry": entry,
        "form": form,
        "history": stage_history(customer=customer),
        "matrix": prospect_classes([customer.pk], snapshot).get(customer.pk) if entry.stage in OPEN_STAGES else None,
        "snapshot": snapshot,
        "lookalikes": duplicates_of(
            name=customer.name, city=customer.city, email=customer.email, phone=customer.phone, tax_id=entry.tax_id,
            among=customers_visible_to(request.user), exclude=customer.pk,
        ),  # fmt: skip
        "moves": [(stage, Stage(stage).label) for stage in manual_moves(entry.stage)],
        "today": timezone.localdate(),
    }
    return render(request, "pipeline/prospect.html", context)


@login_required
def prospect_new(request: HttpRequest) -> HttpResponse:
    """Create a prospect; when it looks like customers we have, show them and ask for confirmation."""
    form = ProspectForm(request.POST or None)
    matches = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            customer = prospect_create(
                user=request.user, name=data["name"], city=data["city"], phone=data["phone"], email=data["email"], stage=data["stage"],
                reason=data["reason"], confirmed=data["confirmed"], **form.deal(),
            )  # fmt: skip
        except DuplicateSuspected as suspicion:
            matches = suspicion.matches
            form.add_error(None, _("This looks like a customer we already have. Open it, or confirm below that it is a new one."))
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
        else:
            messages.success(request, _("Prospect %(name)s created.") % {"name": customer.name})
            return redirect("pipeline:prospect", pk=customer.pk)
    visible = set(customers_visible_to(request.user).filter(pk__in=[m.customer.pk for m in matches]).values_list("pk", flat=True))
    return render(request, "pipeline/prospect_new.html", {"form": form, "matches": matches, "visible": visible})


@login_required
def funnel(request: HttpRequest) -> HttpResponse:
    """Show conversion stage to stage, time in stage, won value by lead source and channel, and the forecast."""
    filters = _filters(request)
    report = funnel_report(customers=_scope(request.user, filters), today=timezone.localdate())
    context = {"funnel": report, "filters": filters, "channels": LeadChannel.choices} | _choices(request.user)
    return render(request, "pipeline/funnel.html", context)


@login_required
def duplicates(request: HttpRequest) -> HttpResponse:
    """List customers that look like one company (same tax id, e-mail, phone, or a similar name in the same town)."""
    pairs = duplicate_pairs(customers=customers_visible_to(request.user))
    return render(request, "pipeline/duplicates.html", {"pairs": pairs})


@login_required
@require_POST
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge this customer into another one the user may see; all of its history moves there."""
    merged = customer_get(user=request.user, pk=pk)
    kept_pk = number(request.POST.get("into"))
    if kept_pk is None:
        raise Http404
    kept = customer_get(user=request.user, pk=kept_pk)
    try:
        customers_merge(user=request.user, kept=kept, merged=merged)
    except ValidationError as refusal:
        messages.error(request, "; ".join(refusal.messages))
        return redirect("pipeline:duplicates")
    messages.success(request, _("%(merged)s was merged into %(kept)s; its history is kept there.") % {"merged": merged.name, "kept": kept.name})
    return redirect("pipeline:prospect", pk=kept.pk)
