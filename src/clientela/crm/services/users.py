"""Writes of users and teams."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clientela.crm.models import Team, User


@transaction.atomic
def admin_ensure(*, username: str, password: str, email: str = "") -> bool:
    """Create an admin with this password unless the username exists; return whether it was created."""
    if User.objects.filter(username=username).exists():
        return False
    user_create(username=username, password=password, email=email, role=User.Role.ADMIN)
    return True


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str = User.Role.SALESPERSON,
    team: Team | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    phone: str = "",
    language: str = "",
    enforce_password_rules: bool = True,
) -> User:
    """Create a user; admins get access to the Django admin."""
    user = User(
        username=username,
        role=role,
        team=team,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
        language=language,
        is_staff=role == User.Role.ADMIN,
        is_superuser=role == User.Role.ADMIN,
    )
    if enforce_password_rules:
        _password_check(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def team_create(*, name: str, supervisor: User, members: list[User]) -> Team:
    """Create a team led by `supervisor` with `members`."""
    team = Team(name=name, supervisor=supervisor)
    team.full_clean()
    team.save()
    User.objects.filter(pk__in=[supervisor.pk, *(member.pk for member in members)]).update(team=team)
    return team


# What a user may change in their own settings, and what an admin may change of anyone.
OWN_SETTINGS = ("first_name", "last_name", "email", "phone", "language")
USER_FIELDS = (*OWN_SETTINGS, "username", "role", "team", "is_active")


@transaction.atomic
def user_update(*, user: User, data: Mapping[str, Any], password: str = "") -> User:
    """Update the given fields of a user (and the password when given); the last active admin stays one.

    A role change moves the Django admin access along with it (admins only).
    """
    unknown = set(data) - set(USER_FIELDS)
    if unknown:
        raise TypeError(f"unknown user fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(user, name, value)
    user.is_staff = user.is_superuser = user.role == User.Role.ADMIN
    if not (user.is_active and user.role == User.Role.ADMIN) and _last_admin(user):
        raise ValidationError({"role": _("%(user)s is the last active admin: make someone else admin first.") % {"user": user}})
    if password:
        _password_check(password, user)
        user.set_password(password)
    user.full_clean()
    user.save()
    return user


def _password_check(password: str, user: User) -> None:
    """Django's password rules, with the problems named on the password field."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None


def _last_admin(user: User) -> bool:
    others = User.objects.filter(role=User.Role.ADMIN, is_active=True).exclude(pk=user.pk)
    was_admin = User.objects.filter(pk=user.pk, role=User.Role.ADMIN, is_active=True).exists()
    return was_admin and not others.exists()


@transaction.atomic
def team_save(*, name: str, supervisor: User | None, team: Team | None = None) -> Team:
    """Create a team or rename it and change its supervisor, who joins it; raise ValidationError on bad data."""
    team = team or Team()
    if supervisor is not None and supervisor.role not in (User.Role.SUPERVISOR, User.Role.ADMIN):
        raise ValidationError({"supervisor": _("%(user)s is not a supervisor.") % {"user": supervisor}})
    team.name = name
    team.supervisor = supervisor
    team.full_clean()
    team.save()
    if supervisor is not None:
        User.objects.filter(pk=supervisor.pk).update(team=team)
    return team
