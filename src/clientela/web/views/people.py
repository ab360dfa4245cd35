"""Users and teams (admins only, 403 for anyone else): roles, teams, languages and supervisors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from clientela.crm.models import Team, User
from clientela.crm.services.users import team_save, user_create, user_update
from clientela.web.forms.customer_file import initial
from clientela.web.forms.errors import service_errors_add
from clientela.web.forms.people import TeamForm, UserForm, team_initial
from clientela.web.roles import require_admin


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    """List users and teams."""
    require_admin(request.user)
    context = {
        "users": User.objects.select_related("team"),
        "teams": Team.objects.select_related("supervisor").prefetch_related("members"),
    }
    return render(request, "web/settings/users.html", context)


@login_required
def user_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create a user, or change one's role, team, language, password or access."""
    require_admin(request.user)
    person = get_object_or_404(User, pk=pk) if pk is not None else None
    form = UserForm(request.POST if request.method == "POST" else None, initial=initial(person, UserForm), new=person is None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        password = data.pop("password")
        try:
            if person is None:
                person = user_create(password=password, **data)
            else:
                user_update(user=person, data=data, password=password)
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            messages.success(request, _("User %(name)s saved.") % {"name": person})
            return redirect("web:user_list")
    return render(request, "web/settings/user_edit.html", {"form": form, "person": person})


@login_required
def team_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create a team, or rename it and change its supervisor."""
    require_admin(request.user)
    team = get_object_or_404(Team, pk=pk) if pk is not None else None
    form = TeamForm(request.POST if request.method == "POST" else None, initial=team_initial(team))
    if request.method == "POST" and form.is_valid():
        try:
            saved = team_save(team=team, **form.cleaned_data)
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            messages.success(request, _("Team %(name)s saved.") % {"name": saved.name})
            return redirect("web:user_list")
    return render(request, "web/settings/team_edit.html", {"form": form, "team": team})
