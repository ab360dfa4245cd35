"""Django admin: policies (edited through `policy_save`, so versions follow), working time, the plan and the log."""

from django.contrib import admin
from django.http import HttpRequest

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


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PlannedContact)
class PlannedContactAdmin(ReadOnlyAdmin):
    list_display = ("start", "salesperson", "customer", "channel", "class_label", "due", "status", "reason")
    list_filter = ("status", "channel", "salesperson")
    list_select_related = ("salesperson", "customer")


@admin.register(UnplannedContact)
class UnplannedContactAdmin(ReadOnlyAdmin):
    list_display = ("due", "salesperson", "customer", "reason")
    list_select_related = ("salesperson", "customer")


@admin.register(ContactLog)
class ContactLogAdmin(ReadOnlyAdmin):
    list_display = ("at", "salesperson", "customer", "channel", "minutes", "purpose", "outcome")
    list_filter = ("channel", "outcome", "salesperson")
    list_select_related = ("salesperson", "customer")
    search_fields = ("customer__name", "purpose", "notes")


@admin.register(GroupActivity)
class GroupActivityAdmin(ReadOnlyAdmin):
    list_display = ("at", "title", "kind", "salesperson")
    list_filter = ("kind",)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ReadOnlyAdmin):
    list_display = ("user", "created_at", "revoked_at")
    exclude = ("token",)
