"""My API tokens: list, create (the key is shown once), revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clientela.api.forms import TokenForm
from clientela.api.models import ApiToken
from clientela.api.services import token_create, token_revoke


NEW_KEY = "api_token_new_key"


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """List my tokens and create one; the new key is shown on the next page only (kept in the session until then)."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        request.session[NEW_KEY] = token_create(user=request.user, name=form.cleaned_data["name"]).key
        return redirect("api_tokens:list")
    tokens = ApiToken.objects.filter(user=request.user)
    return render(request, "api/tokens.html", {"tokens": tokens, "form": form, "key": request.session.pop(NEW_KEY, None)})


@login_required
@require_POST
def token_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of my tokens."""
    token = token_revoke(token=get_object_or_404(ApiToken, pk=pk, user=request.user))
    messages.success(request, _("Token %(prefix)s… revoked.") % {"prefix": token.prefix})
    return redirect("api_tokens:list")
