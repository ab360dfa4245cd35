"""Django admin for admins: every table, searchable."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from clientela.crm import models


@admin.register(models.User)
class ClientelaUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "team", "is_active")
    list_filter = ("role", "team", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Clientela", {"fields": ("role", "team", "phone")}))


class ContactInline(admin.TabularInline):
    model = models.Contact
    extra = 0


class ProfileInline(admin.StackedInline):
    model = models.CustomerProfile
    can_delete = False


class PreferenceInline(admin.StackedInline):
    model = models.ContactPreference
    can_delete = False


class DoNotContactInline(admin.TabularInline):
    model = models.DoNotContactPeriod
    extra = 0


@admin.register(models.Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ("external_id", "name", "owner", "region", "channel", "status")
    list_filter = ("status", "region", "channel", "owner")
    search_fields = ("external_id", "name", "city")
    list_select_related = ("owner", "region")
    autocomplete_fields = ("owner",)
    filter_horizontal = ("tags",)
    inlines = (ProfileInline, PreferenceInline, ContactInline, DoNotContactInline)


class InstalmentInline(admin.TabularInline):
    model = models.Instalment
    extra = 0


@admin.register(models.Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ("contract_id", "customer", "signed_on", "value_cents")
    search_fields = ("contract_id", "customer__name")
    raw_id_fields = ("customer",)
    inlines = (InstalmentInline,)


@admin.register(models.Transaction)
class TransactionAdmin(admin.ModelAdmin):
    list_display = ("document_id", "line", "customer", "date", "product", "units", "amount_cents")
    search_fields = ("document_id", "customer__external_id")
    raw_id_fields = ("customer", "product")
    list_select_related = ("customer", "product")
    show_full_result_count = False


@admin.register(models.Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ("reference", "customer", "date", "amount_cents", "invoice")
    search_fields = ("reference", "invoice", "customer__external_id")
    raw_id_fields = ("customer",)
    list_select_related = ("customer",)
    show_full_result_count = False


@admin.register(models.Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("sku", "name", "family", "variety")
    list_filter = ("family",)
    search_fields = ("sku", "name")


@admin.register(models.Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("created_at", "recipient", "customer", "kind", "read_at")
    list_filter = ("kind", ("read_at", admin.EmptyFieldListFilter), "recipient")
    search_fields = ("message", "customer__name")
    raw_id_fields = ("customer",)
    list_select_related = ("recipient", "customer")


admin.site.register([models.Team, models.Region, models.RegionHoliday, models.Tag, models.CustomFieldDefinition])
admin.site.site_header = "Clientela"
