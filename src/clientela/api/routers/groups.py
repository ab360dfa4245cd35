"""Customer groups: everyone lists them; supervisors and admins create and rename them; admins delete them (as on the web)."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from clientela.api.access import admin_only, request_user
from clientela.api.errors import ERROR_CODES, ErrorBody
from clientela.api.fields import text
from clientela.api.pagination import Page
from clientela.crm.models import Tag
from clientela.crm.services.groups import group_delete, group_save
from clientela.web.roles import require_supervisor_or_admin

router = Router(tags=["groups"])


class GroupOut(Schema):
    id: int
    name: str
    description: str


class GroupWrite(Schema):
    name: text(80, min_length=1)  # type: ignore[valid-type]
    description: text(200) = ""  # type: ignore[valid-type]


@router.get("", response={200: list[GroupOut], ERROR_CODES: ErrorBody})
@paginate(Page)
def groups_list(request: HttpRequest) -> QuerySet[Tag]:
    """Every group, by name."""
    return Tag.objects.all()


@router.get("/{int:group_id}", response={200: GroupOut, ERROR_CODES: ErrorBody})
def group_read(request: HttpRequest, group_id: int) -> Tag:
    """One group."""
    return get_object_or_404(Tag, pk=group_id)


@router.post("", response={201: GroupOut, ERROR_CODES: ErrorBody})
def group_new(request: HttpRequest, payload: GroupWrite) -> Status[Tag]:
    """Create a group (supervisors and admins)."""
    require_supervisor_or_admin(request_user(request))
    return Status(201, group_save(**payload.dict()))


@router.put("/{int:group_id}", response={200: GroupOut, ERROR_CODES: ErrorBody})
def group_change(request: HttpRequest, group_id: int, payload: GroupWrite) -> Tag:
    """Rename and describe a group (supervisors and admins)."""
    require_supervisor_or_admin(request_user(request))
    return group_save(group=get_object_or_404(Tag, pk=group_id), **payload.dict())


@router.delete("/{int:group_id}", response={204: None, ERROR_CODES: ErrorBody})
def group_remove(request: HttpRequest, group_id: int) -> Status[None]:
    """Delete a group; its customers stay (admins)."""
    group = get_object_or_404(Tag, pk=group_id)
    admin_only(request_user(request))
    group_delete(group=group)
    return Status(204, None)
