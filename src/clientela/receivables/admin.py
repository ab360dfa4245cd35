"""Django admin: credit terms per customer, bonus plans with their rates."""

from django.contrib import admin

from clientela.receivables.models import BonusPlan, BonusRate, CreditTerms


@admin.register(CreditTerms)
class CreditTermsAdmin(admin.ModelAdmin):
    list_display = ("customer", "payment_days", "credit_limit_cents", "updated_at")
    list_select_related = ("customer",)
    search_fields = ("customer__name", "customer__external_id")
    autocomplete_fields = ("customer",)


class BonusRateInline(admin.TabularInline):
    model = BonusRate
    extra = 1


@admin.register(BonusPlan)
class BonusPlanAdmin(admin.ModelAdmin):
    list_display = ("__str__", "scheme", "default_percent", "starts_on")
    list_select_related = ("salesperson",)
    inlines = [BonusRateInline]
