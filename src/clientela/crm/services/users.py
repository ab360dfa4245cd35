"""Writes of users and teams."""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from clientela.crm.models import User


@transaction.atomic
def admin_ensure(*, username: str, password: str, email: str = "") -> bool:
    """Create an admin with this password unless the username exists; return whether it was created."""
    if User.objects.filter(username=username).exists():
        return False
    user = User(username=username, email=email, role=User.Role.ADMIN, is_staff=True, is_superuser=True)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return True
