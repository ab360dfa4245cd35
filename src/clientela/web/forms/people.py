"""Forms of the people pages: my settings, users and teams (admins)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Team, User
from clientela.crm.services.users import OWN_SETTINGS
from clientela.web.forms.customer_file import model_form

MySettingsForm = model_form(User, list(OWN_SETTINGS))


class UserForm(model_form(User, ["username", "first_name", "last_name", "email", "phone", "role", "team", "language", "is_active"])):  # type: ignore[misc]
    """A user as an admin sets it up; the password only when creating it or changing it."""

    password = forms.CharField(label=_("password"), widget=forms.PasswordInput(render_value=False), required=False, strip=False)

    def __init__(self, *args: Any, new: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].required = new
        if new:
            del self.fields["is_active"]
        else:
            self.fields["password"].help_text = _("Leave empty to keep the current password.")


class TeamForm(forms.Form):
    """A team's name and its supervisor."""

    name = forms.CharField(label=_("name"), max_length=100)
    supervisor = forms.ModelChoiceField(
        label=_("supervisor"), queryset=User.objects.filter(role__in=[User.Role.SUPERVISOR, User.Role.ADMIN], is_active=True), required=False
    )


def team_initial(team: Team | None) -> dict[str, Any]:
    """A team's current name and supervisor as form data."""
    return {} if team is None else {"name": team.name, "supervisor": team.supervisor_id}
