"""Customer groups (tags): supervisors and admins create and rename them, admins delete them; salespeople get 403.

Salespeople put their customers in groups, and create new ones, from the customer file.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clientela.crm.models import Tag
from clientela.crm.selectors.customers import customers_visible_to
from clientela.crm.services.groups import group_delete, group_save
from clientela.web.forms.customer_file import initial
from clientela.web.forms.errors import service_errors_add
from clientela.web.forms.groups import GroupForm
from clientela.web.roles import is_admin, require_admin, require_supervisor_or_admin


def _saved(request: HttpRequest, form: GroupForm, group: Tag | None) -> bool:
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        saved = group_save(group=group, **form.cleaned_data)
    except ValidationError as error:
        service_errors_add(form, error)
        return False
    messages.success(request, _("Group %(name)s saved.") % {"name": saved.name})
    return True


@login_required
def group_list(request: HttpRequest) -> HttpResponse:
    """List the groups with how many of the customers the user sees are in each; add a group."""
    require_supervisor_or_admin(request.user)
    form = GroupForm(request.POST if request.method == "POST" else None)
    if _saved(request, form, None):
        return redirect("web:group_list")
    visible = customers_visible_to(request.user).values("pk")
    groups = Tag.objects.annotate(members=Count("customers", filter=Q(customers__in=visible)))
    return render(request, "web/settings/groups.html", {"groups": groups, "form": form, "can_delete": is_admin(request.user)})


@login_required
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename or describe a group."""
    require_supervisor_or_admin(request.user)
    group = get_object_or_404(Tag, pk=pk)
    form = GroupForm(request.POST if request.method == "POST" else None, initial=initial(group, GroupForm))
    if _saved(request, form, group):
        return redirect("web:group_list")
    return render(request, "web/settings/group_edit.html", {"group": group, "form": form})


@login_required
@require_POST
def group_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a group (admins only); its customers stay."""
    require_admin(request.user)
    group = get_object_or_404(Tag, pk=pk)
    group_delete(group=group)
    messages.success(request, _("Group %(name)s deleted.") % {"name": group.name})
    return redirect("web:group_list")
