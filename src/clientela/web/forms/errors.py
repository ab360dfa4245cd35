"""Errors a service raised, shown on the form that sent the data."""

from django import forms
from django.core.exceptions import ValidationError


def service_errors_add(form: forms.Form, error: ValidationError) -> None:
    """Put each error on its field when the form has it, on the whole form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
