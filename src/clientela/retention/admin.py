"""Django admin: the retention settings (one row), and read-only fits, predictions and losses."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from clientela.crm.admin_bases import ReadOnlyAdmin
from clientela.retention.models import ChurnFit, CustomerLoss, CustomerLossClass, CustomerPrediction, RetentionSettings


@admin.register(RetentionSettings)
class RetentionSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "time_unit", "fit_window_months", "horizon_months", "at_risk_threshold", "lost_factor", "lost_min_days", "matrix_uses_p_alive")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not RetentionSettings.objects.exists()  # one row of settings

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ChurnFit)
class ChurnFitAdmin(ReadOnlyAdmin):
    list_display = ("as_of", "status", "customers", "repeat_customers", "log_likelihood", "spend_log_likelihood", "failure", "spend_failure")
    list_filter = ("status",)


@admin.register(CustomerPrediction)
class CustomerPredictionAdmin(ReadOnlyAdmin):
    list_display = ("as_of", "customer", "frequency", "recency", "age", "p_alive", "expected_purchases", "expected_value_cents")
    list_filter = ("as_of",)
    search_fields = ("customer__name", "customer__external_id")
    list_select_related = ("customer",)


class LossClassInline(admin.TabularInline):
    model = CustomerLossClass
    extra = 0
    can_delete = False
    readonly_fields = ("scheme_name", "label")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CustomerLoss)
class CustomerLossAdmin(ReadOnlyAdmin):
    list_display = ("lost_on", "customer", "how", "reason", "reason_text", "recorded_by", "revenue_12m_cents", "recovered_on")
    list_filter = ("how", "reason")
    search_fields = ("customer__name", "customer__external_id", "reason_text")
    list_select_related = ("customer", "recorded_by")
    inlines = [LossClassInline]
