"""The salespeople whose field work a user may see (SPEC S9)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from clientela.crm.models import User


def salespeople_visible_to(user: User) -> QuerySet[User]:
    """Admins see every salesperson, supervisors the members of their teams, salespeople themselves."""
    people = User.objects.filter(role=User.Role.SALESPERSON)
    if user.is_superuser or user.role == User.Role.ADMIN:
        return people
    if user.role == User.Role.SUPERVISOR:
        return people.filter(team__supervisor=user)
    return people.filter(pk=user.pk)


def salesperson_get(*, user: User, pk: int | None) -> User:
    """One salesperson the user may see (404 otherwise)."""
    return get_object_or_404(salespeople_visible_to(user).select_related("team"), pk=pk)


def may_set_targets(user: User) -> bool:
    """Supervisors (for their teams) and admins set targets; salespeople only read theirs."""
    return user.is_superuser or user.role in (User.Role.ADMIN, User.Role.SUPERVISOR)
