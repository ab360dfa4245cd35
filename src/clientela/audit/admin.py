"""The audit trail in the admin: read only, like the database allows."""

from django.contrib import admin

from clientela.audit.models import AuditEvent
from clientela.crm.admin_bases import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "action", "object_type", "object_id", "customer_id", "summary")
    list_filter = ("action", "object_type")
    search_fields = ("summary", "actor_label", "object_id")
    date_hierarchy = "at"
