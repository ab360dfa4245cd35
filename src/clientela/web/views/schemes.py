"""Scheme settings: the list, a form per scheme generated from its kind, a preview of the classes, saving a new version.

Admins tune the schemes (SPEC: the analyst/admin's job); supervisors may read the settings their team
is classified by; salespeople have no settings pages (403).
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clientela.engine.schemes import KINDS, SchemeError, scheme_from_dict
from clientela.segmentation.models import PreviewRun, Scheme, Snapshot
from clientela.segmentation.preview import stored_preview
from clientela.segmentation.preview_runs import preview_run_stale, preview_run_start
from clientela.segmentation.services import SegmentationRefused, month_end_before, scheme_save
from clientela.web.forms.errors import service_errors_add
from clientela.web.forms.schemes import SchemeForm, scheme_form_class, scheme_initial
from clientela.web.roles import is_admin, require_admin, require_supervisor_or_admin


@login_required
def scheme_list(request: HttpRequest) -> HttpResponse:
    """List the schemes with their version, state and latest snapshot."""
    require_supervisor_or_admin(request.user)
    schemes = list(Scheme.objects.all())
    latest: dict[int, Snapshot] = {}
    for snapshot in Snapshot.objects.filter(scheme__in=schemes).order_by("scheme_id", "-as_of", "-version"):
        latest.setdefault(snapshot.scheme_id, snapshot)
    rows = [(scheme, latest.get(scheme.pk)) for scheme in schemes]
    return render(request, "web/settings/schemes.html", {"rows": rows, "kinds": list(KINDS), "can_edit": is_admin(request.user)})


def _latest(scheme: Scheme | None) -> Snapshot | None:
    """The scheme's latest snapshot, shown beside the preview's counts (None for a new scheme or before its first run)."""
    return Snapshot.objects.filter(scheme=scheme).order_by("-as_of", "-version").first() if scheme else None


def _preview_date(request: HttpRequest, latest: Snapshot | None) -> date:
    """The date of the scheme's latest snapshot, else the last month end; `as_of` in the request wins."""
    try:
        return date.fromisoformat(request.POST.get("as_of") or request.GET.get("as_of") or "")
    except ValueError:
        pass
    return latest.as_of if latest else month_end_before(timezone.localdate())


def _page(request: HttpRequest, form: SchemeForm, scheme: Scheme | None) -> HttpResponse:
    latest = _latest(scheme)
    context = {"form": form, "scheme": scheme, "kind": form.kind, "latest": latest, "as_of": _preview_date(request, latest), "can_edit": is_admin(request.user)}
    return render(request, "web/settings/scheme_edit.html", context)


@login_required
def scheme_edit(request: HttpRequest, name: str) -> HttpResponse:
    """Show a scheme's settings; admins change them, and a changed definition is saved as the next version."""
    require_supervisor_or_admin(request.user)
    scheme = get_object_or_404(Scheme, name=name)
    form_class = scheme_form_class(scheme.kind)
    if request.method == "POST":
        require_admin(request.user)
        form = form_class(request.POST)
        if form.is_valid():
            try:
                saved = scheme_save(name=scheme.name, definition=form.definition(), active=form.cleaned_data["active"])
            except ValidationError as error:
                service_errors_add(form, error)
            else:
                messages.success(request, _("%(name)s saved as version %(version)s.") % {"name": saved.name, "version": saved.version})
                return redirect("web:scheme_edit", name=saved.name)
    else:
        form = form_class(initial=scheme_initial(scheme.definition, scheme.active))
    if not is_admin(request.user):
        for field in form.fields.values():
            field.disabled = True
    return _page(request, form, scheme)


@login_required
def scheme_new(request: HttpRequest) -> HttpResponse:
    """Create a scheme of a kind (e.g. a second ABC on units) from the kind's default settings."""
    require_admin(request.user)
    kind = request.POST.get("kind") or request.GET.get("kind", "")
    if kind not in KINDS:
        raise Http404
    form_class = scheme_form_class(kind)
    if request.method == "POST":
        form = form_class(request.POST, new=True)
        if form.is_valid():
            name = form.cleaned_data["name"]
            if Scheme.objects.filter(name=name).exists():
                form.add_error("name", _("A scheme named %(name)s exists already.") % {"name": name})
            else:
                try:
                    saved = scheme_save(name=name, definition=form.definition(), active=form.cleaned_data["active"])
                except ValidationError as error:
                    service_errors_add(form, error)
                else:
                    messages.success(request, _("%(name)s created.") % {"name": saved.name})
                    return redirect("web:scheme_edit", name=saved.name)
    else:
        form = form_class(initial=scheme_initial(KINDS[kind](name=kind).model_dump(mode="json"), True), new=True)
    return _page(request, form, None)


@login_required
@require_POST
def scheme_preview(request: HttpRequest, name: str) -> HttpResponse:
    """How many customers each class would get with the settings of the form, before saving (an HTMX fragment).

    From the metrics the latest snapshot stored when they suffice, unless `recompute` asks for the
    transactions; reading those is started in the background, and the fragment polls `scheme_preview_run`.
    """
    require_admin(request.user)
    scheme = Scheme.objects.filter(name=name).first()
    kind = scheme.kind if scheme else request.POST.get("kind", "")
    if kind not in KINDS:
        raise Http404
    form = scheme_form_class(kind)(request.POST)  # a new scheme's name does not change its classes
    latest = _latest(scheme)
    as_of = _preview_date(request, latest)
    context: dict[str, object] = {"as_of": as_of, "form": form, "latest": latest}
    if form.is_valid():
        try:
            definition = scheme_from_dict({**form.definition(), "name": name})
            preview = None if request.POST.get("recompute") else stored_preview(scheme=scheme, definition=definition, as_of=as_of)
        except (SchemeError, SegmentationRefused, ValueError) as error:
            context["error"] = str(error)
        else:
            if preview is None:
                context["run"] = preview_run_start(user=request.user, scheme=scheme, definition=definition, as_of=as_of)
            else:
                context["counts"], context["basis"] = preview.counts, preview.basis
    return render(request, "web/settings/_preview.html", context)


@login_required
def scheme_preview_run(request: HttpRequest, pk: int) -> HttpResponse:
    """A preview computed in the background: still computing (polled again), its counts, or why it failed (an HTMX fragment)."""
    require_admin(request.user)
    run = get_object_or_404(PreviewRun.objects.select_related("scheme"), pk=pk, requested_by=request.user)
    context: dict[str, object] = {"as_of": run.as_of, "latest": _latest(run.scheme)}
    if preview_run_stale(run) or (run.finished_at and run.counts is None and not run.error):
        context["failed"] = True
    elif run.finished_at is None:
        context["run"] = run
    elif run.error:
        context["error"] = run.error
    else:
        context["counts"] = run.counts
    return render(request, "web/settings/_preview.html", context)

