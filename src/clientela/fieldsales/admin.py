"""Django admin: start points, the visit plan and targets (targets are also imported: `clientela import targets`)."""

from django.contrib import admin

from clientela.fieldsales.models import PlannedVisit, StartPoint, Target


@admin.register(StartPoint)
class StartPointAdmin(admin.ModelAdmin):
    list_display = ("user", "label", "latitude", "longitude", "speed_kmh")
    list_select_related = ("user",)


@admin.register(PlannedVisit)
class PlannedVisitAdmin(admin.ModelAdmin):
    list_display = ("salesperson", "customer", "period", "starts_on", "ends_on", "objective", "purpose", "minutes")
    list_filter = ("period", "objective", "salesperson")
    search_fields = ("customer__name", "customer__external_id", "purpose")
    list_select_related = ("salesperson", "customer")
    raw_id_fields = ("customer",)
    date_hierarchy = "starts_on"


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("salesperson", "year", "month", "customer", "product", "family", "amount_cents", "units")
    list_filter = ("year", "month", "salesperson", "family")
    search_fields = ("customer__name", "customer__external_id", "product__sku", "family")
    list_select_related = ("salesperson", "customer", "product")
    raw_id_fields = ("customer", "product")
