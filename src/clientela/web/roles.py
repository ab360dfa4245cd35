"""Who may open the settings pages (SPEC S9): salespeople none, supervisors some, admins all."""

from django.core.exceptions import PermissionDenied

from clientela.crm.models import User


def is_admin(user: User) -> bool:
    """Whether the user is an admin (by role, or a Django superuser)."""
    return bool(user.is_superuser or user.role == User.Role.ADMIN)


def require_admin(user: User) -> None:
    """Refuse (403) anyone but an admin."""
    if not is_admin(user):
        raise PermissionDenied


def require_supervisor_or_admin(user: User) -> None:
    """Refuse (403) salespeople."""
    if not (is_admin(user) or user.role == User.Role.SUPERVISOR):
        raise PermissionDenied
