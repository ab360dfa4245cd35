"""Django admin: saved schemes (edited through `scheme_save`) and read-only results."""

import json
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.fields import InvalidJSONInput
from django.http import HttpRequest

from clientela.crm.admin_bases import ReadOnlyAdmin
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot
from clientela.segmentation.services import scheme_definition_clean, scheme_save


class PrettyJSONField(forms.JSONField):
    """JSON shown indented, one setting a line."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, InvalidJSONInput):
            return value
        return json.dumps(value, indent=2, ensure_ascii=False)


class SchemeForm(forms.ModelForm):
    definition = PrettyJSONField(
        widget=forms.Textarea(attrs={"rows": 24, "cols": 90, "style": "font-family: monospace"}),
        help_text='The engine\'s definition, e.g. {"kind": "abc", "a_share": 0.8, "b_share": 0.95}; '
        "missing settings take their defaults, and name and version follow the scheme.",
    )

    class Meta:
        model = Scheme
        fields = ("name", "active", "definition")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        definition = cleaned.get("definition")
        name = self.instance.name if self.instance.pk else cleaned.get("name")
        if definition is not None and not isinstance(definition, dict):
            raise ValidationError({"definition": 'expected a JSON object such as {"kind": "abc"}'})
        if definition is not None and name:
            scheme_definition_clean(name=name, definition=definition, version=self.instance.version)
        return cleaned


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    form = SchemeForm
    list_display = ("name", "kind", "version", "active", "updated_at")
    list_filter = ("kind", "active")
    search_fields = ("name",)
    readonly_fields = ("kind", "version", "created_at", "updated_at")

    def get_readonly_fields(self, request: HttpRequest, obj: Scheme | None = None) -> tuple[str, ...]:
        # Snapshots and class changes belong to the scheme by name: renaming would start a new one.
        return ("name", *self.readonly_fields) if obj else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Scheme, form: SchemeForm, change: bool) -> None:
        obj.pk = scheme_save(name=obj.name, definition=form.cleaned_data["definition"], active=obj.active).pk
        obj.refresh_from_db()


@admin.register(Snapshot)
class SnapshotAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "computed_at")
    list_filter = ("scheme", "as_of")
    list_select_related = ("scheme",)


@admin.register(CustomerClass)
class CustomerClassAdmin(ReadOnlyAdmin):
    list_display = ("customer", "label", "snapshot")
    list_filter = ("snapshot__scheme", "snapshot__as_of", "label")
    search_fields = ("customer__name", "customer__external_id")
    list_select_related = ("customer", "snapshot__scheme")
    show_full_result_count = False


@admin.register(ClassChange)
class ClassChangeAdmin(ReadOnlyAdmin):
    list_display = ("on", "scheme", "customer", "from_class", "to_class")
    list_filter = ("scheme", "on", "from_class", "to_class")
    search_fields = ("customer__name", "customer__external_id")
    list_select_related = ("customer", "scheme")
    show_full_result_count = False
