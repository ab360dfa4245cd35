"""Admin: editable greeting templates and opt-outs; the send log is read-only."""

from django.contrib import admin
from django.http import HttpRequest

from clientela.greetings.models import GreetingSend, GreetingTemplate, OptOut


@admin.register(GreetingTemplate)
class GreetingTemplateAdmin(admin.ModelAdmin):
    list_display = ("occasion", "language", "channel", "subject")
    list_filter = ("occasion", "language", "channel")
    search_fields = ("subject", "body")


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):
    list_display = ("contact", "channel", "created_at")
    list_filter = ("channel",)
    search_fields = ("contact__name", "contact__email", "contact__phone")
    raw_id_fields = ("contact",)


@admin.register(GreetingSend)
class GreetingSendAdmin(admin.ModelAdmin):
    list_display = ("sent_at", "occasion", "occasion_date", "contact", "customer", "channel", "recipient", "status", "detail")
    list_filter = ("status", "channel", "occasion")
    search_fields = ("contact__name", "customer__name", "recipient")
    list_select_related = ("contact", "customer")
    date_hierarchy = "sent_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: GreetingSend | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: GreetingSend | None = None) -> bool:
        return False
