"""Writes of users and teams."""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

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
        is_staff=role == User.Role.ADMIN,
        is_superuser=role == User.Role.ADMIN,
    )
    if enforce_password_rules:
        validate_password(password, user)
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
