"""Django admin: pipeline entries (stages change through the board and the sync), stage history and merges read-only."""


from django.contrib import admin
from django.http import HttpRequest

from clientela.crm.admin_bases import ReadOnlyAdmin
from clientela.pipeline.models import CustomerMerge, PipelineEntry, StageChange


@admin.register(PipelineEntry)
class PipelineEntryAdmin(admin.ModelAdmin):
    list_display = ("customer", "stage", "stage_since", "lead_source", "lead_channel", "expected_value_cents", "expected_signing_on")
    list_filter = ("stage", "lead_channel")
    search_fields = ("customer__name", "customer__external_id", "tax_id", "lead_source")
    list_select_related = ("customer",)
    readonly_fields = ("customer", "stage", "stage_since")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # entries are made by new prospects and the pipeline sync


@admin.register(StageChange)
class StageChangeAdmin(ReadOnlyAdmin):
    list_display = ("at", "customer", "from_stage", "to_stage", "by", "reason")
    list_filter = ("to_stage",)
    search_fields = ("customer__name", "customer__external_id", "reason")
    list_select_related = ("customer", "by")


@admin.register(CustomerMerge)
class CustomerMergeAdmin(ReadOnlyAdmin):
    list_display = ("at", "kept", "merged_name", "merged_external_id", "by")
    search_fields = ("kept__name", "merged_name", "merged_external_id")
    list_select_related = ("kept", "by")
