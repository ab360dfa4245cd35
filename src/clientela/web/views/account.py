"""My settings: name, e-mail, phone, the language of the pages, and my password."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from clientela.crm.services.users import user_update
from clientela.web.forms.customer_file import initial
from clientela.web.forms.errors import service_errors_add
from clientela.web.forms.people import MySettingsForm


@login_required
def my_settings(request: HttpRequest) -> HttpResponse:
    """Change my own settings; a new language applies from this answer on."""
    form = MySettingsForm(request.POST if request.method == "POST" else None, initial=initial(request.user, MySettingsForm))
    if request.method == "POST" and form.is_valid():
        try:
            user = user_update(user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            translation.activate(user.language or translation.get_language_from_request(request))
            messages.success(request, _("Your settings are saved."))
            return redirect("web:my_settings")
    return render(request, "web/settings/me.html", {"form": form})


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """Change my own password: the current one, then a new one that passes the password rules, twice."""
    form = PasswordChangeForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        update_session_auth_hash(request, form.save())
        messages.success(request, _("Your password is changed."))
        return redirect("web:my_settings")
    return render(request, "web/settings/password.html", {"form": form})
