"""Writes of the user-defined customer groups (tags)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clientela.crm.models import Tag


@transaction.atomic
def group_save(*, name: str, description: str = "", group: Tag | None = None) -> Tag:
    """Create a group, or rename and describe one; raise ValidationError when the name is taken."""
    group = group or Tag()
    name = name.strip()
    if Tag.objects.filter(name__iexact=name).exclude(pk=group.pk).exists():
        raise ValidationError({"name": _('A group named "%(name)s" exists already.') % {"name": name}})
    group.name = name
    group.description = description.strip()
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def group_delete(*, group: Tag) -> None:
    """Delete a group; its customers stay, without it."""
    group.delete()
