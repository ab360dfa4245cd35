"""Who may do what through the API: the web's rules (SPEC S9), reused."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from clientela.crm.models import Customer, User
from clientela.web.roles import is_admin
from clientela.web.views.customer_edit import owners_for
from clientela.web.views.customer_file import visible_customer


def request_user(request: HttpRequest) -> User:
    """The user the request's token belongs to."""
    return request.auth  # type: ignore[attr-defined,no-any-return]


def customer_of(request: HttpRequest, pk: int) -> Customer:
    """A customer the requesting user may see and edit; 404 for any other."""
    return visible_customer(request_user(request), pk)


def owner_allowed(user: User, owner: User | None) -> None:
    """Refuse (403) handing a customer to someone the user may not hand customers to."""
    owners = owners_for(user)
    if owner is None:
        allowed = owners is not None
    else:
        allowed = owner.pk == user.pk or (owners is not None and owners.filter(pk=owner.pk).exists())
    if not allowed:
        raise PermissionDenied(_("You may not give customers to this owner."))


def admin_only(user: User) -> None:
    """Refuse (403) anyone but an admin."""
    if not is_admin(user):
        raise PermissionDenied(_("Only admins may do this."))
