"""Django admin: API tokens (created with their key shown once, revoked, never edited) and stored idempotent answers."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clientela.api.models import ApiToken, IdempotentResponse
from clientela.api.services import token_create, token_revoke
from clientela.crm.admin_bases import ReadOnlyAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created", "last_used", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter), "user")
    search_fields = ("prefix", "name", "user__username")
    fields = ("user", "name", "prefix", "created", "last_used", "revoked_at")
    readonly_fields = ("prefix", "created", "last_used", "revoked_at")
    actions = ["revoke"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        new = token_create(user=obj.user, name=obj.name)
        obj.pk = new.token.pk
        messages.warning(request, _("The key of token %(prefix)s…, shown once: %(key)s") % {"prefix": new.token.prefix, "key": new.key})

    @admin.action(description=gettext_lazy("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            token_revoke(token=token)


@admin.register(IdempotentResponse)
class IdempotentResponseAdmin(ReadOnlyAdmin):
    allow_delete = True
    list_display = ("created", "user", "operation", "key", "status")
    list_filter = ("operation",)
