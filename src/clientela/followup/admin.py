"""Django admin: policies (edited through `policy_save`, so versions follow), working time, the plan and the log."""

from django.contrib import admin
from django.http import HttpRequest

from clientela.crm.admin_bases import ReadOnlyAdmin
from clientela.followup.models import Absence, CalendarFeed, ContactLog, GroupActivity, PlannedContact, Policy, UnplannedContact, WorkingTime
from clientela.followup.services import policy_save


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ("scheme", "class_label", "contacts", "period", "channel", "minutes", "priority", "version", "active")
    list_filter = ("scheme", "channel", "active")
    readonly_fields = ("version", "updated_at")

    def save_model(self, request: HttpRequest, obj: Policy, form: object, change: bool) -> None:
        fields = ("contacts", "period", "channel", "minutes", "priority", "active")
        obj.pk = policy_save(scheme=obj.scheme, class_label=obj.class_label, **{name: getattr(obj, name) for name in fields}).pk


@admin.register(WorkingTime)
class WorkingTimeAdmin(admin.ModelAdmin):
    list_display = ("user", "working_days", "day_start", "day_end", "personal_from", "personal_to")


@admin.register(Absence)
class AbsenceAdmin(admin.ModelAdmin):
    list_display = ("user", "first_day", "last_day", "reason")
    list_filter = ("user",)


class RemovableRecordAdmin(ReadOnlyAdmin):
    """Written by the follow-up services; an admin may still delete one."""

    allow_delete = True


@admin.register(PlannedContact)
class PlannedContactAdmin(RemovableRecordAdmin):
    list_display = ("start", "salesperson", "customer", "channel", "class_label", "due", "status", "reason")
    list_filter = ("status", "channel", "salesperson")
    list_select_related = ("salesperson", "customer")


@admin.register(UnplannedContact)
class UnplannedContactAdmin(RemovableRecordAdmin):
    list_display = ("due", "salesperson", "customer", "reason")
    list_select_related = ("salesperson", "customer")


@admin.register(ContactLog)
class ContactLogAdmin(RemovableRecordAdmin):
    list_display = ("at", "salesperson", "customer", "channel", "minutes", "purpose", "outcome")
    list_filter = ("channel", "outcome", "salesperson")
    list_select_related = ("salesperson", "customer")
    search_fields = ("customer__name", "purpose", "notes")


@admin.register(GroupActivity)
class GroupActivityAdmin(RemovableRecordAdmin):
    list_display = ("at", "title", "kind", "salesperson")
    list_filter = ("kind",)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(RemovableRecordAdmin):
    list_display = ("user", "created_at", "revoked_at")
    exclude = ("token",)
