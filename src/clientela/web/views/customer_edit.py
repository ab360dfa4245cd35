"""Editing the customer file, section by section: the form replaces the section (HTMX) or opens as a page.

Whoever may see a customer may edit it (SPEC S9): the owner, the supervisor of the owner's team,
admins; anyone else gets a 404, as for the file itself. Every form carries the version of the
customer it was opened on, and every remove button the version the file shows (brought up to date
by each of the file's own saves): a save or removal after someone else's change is refused
(optimistic locking).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from clientela.crm.models import Contact, ContactPreference, Customer, CustomerProfile, CustomFieldDefinition, User
from clientela.crm.selectors.customers import customer_get
from clientela.crm.services.contacts import (
    contact_create,
    contact_delete,
    contact_preference_update,
    contact_update,
    do_not_contact_create,
    do_not_contact_delete,
)
from clientela.crm.services.customers import customer_groups_set, customer_profile_update, customer_update
from clientela.web.forms.customer_file import (
    AddressForm,
    ContactForm,
    CustomFieldsForm,
    DetailsForm,
    DoNotContactForm,
    GroupsForm,
    PreferenceForm,
    ProfileForm,
    initial,
)
from clientela.web.forms.errors import service_errors_add
from clientela.web.roles import is_admin
from clientela.web.views.customer_file import visible_customer


@dataclass(frozen=True)
class Section:
    """An editable section of the file: its title, how to build its form, and how to save it (given the version the editor loaded)."""

    title: Any
    form: Callable[[HttpRequest, Customer, Any], forms.Form]
    save: Callable[[Customer, forms.Form, int | None], object]


def owners_for(user: User) -> QuerySet[User] | None:
    """Whom the user may hand a customer to: admins anyone active, supervisors their teams; salespeople nobody."""
    people = User.objects.filter(is_active=True)
    if is_admin(user):
        return people
    if user.role == User.Role.SUPERVISOR:
        return people.filter(team__supervisor=user) | people.filter(pk=user.pk)
    return None


def _profile(customer: Customer) -> CustomerProfile | None:
    return CustomerProfile.objects.filter(customer=customer).first()


def _preference(customer: Customer) -> ContactPreference | None:
    return ContactPreference.objects.filter(customer=customer).first()


SECTIONS = {
    "details": Section(
        gettext_lazy("Customer"),
        lambda request, customer, data: DetailsForm(data, initial=initial(customer, DetailsForm), owners=owners_for(request.user)),
        lambda customer, form, version: customer_update(customer=customer, data=form.cleaned_data, expected_version=version),
    ),
    "address": Section(
        gettext_lazy("Address"),
        lambda request, customer, data: AddressForm(data, initial=initial(customer, AddressForm)),
        lambda customer, form, version: customer_update(customer=customer, data=form.cleaned_data, expected_version=version),
    ),
    "profile": Section(
        gettext_lazy("Profile"),
        lambda request, customer, data: ProfileForm(data, initial=initial(_profile(customer), ProfileForm)),
        lambda customer, form, version: customer_profile_update(customer=customer, data=form.cleaned_data, expected_version=version),
    ),
    "preferences": Section(
        gettext_lazy("Contact preferences"),
        lambda request, customer, data: PreferenceForm(data, initial=initial(_preference(customer), PreferenceForm)),
        lambda customer, form, version: contact_preference_update(customer=customer, data=form.cleaned_data, expected_version=version),
    ),
    "custom": Section(
        gettext_lazy("Custom fields"),
        lambda request, customer, data: CustomFieldsForm(data, initial=customer.custom_fields, definitions=list(CustomFieldDefinition.objects.all())),
        lambda customer, form, version: customer_update(customer=customer, data={"custom_fields": form.values()}, expected_version=version),  # type: ignore[attr-defined]
    ),
    "groups": Section(
        gettext_lazy("Groups"),
        lambda request, customer, data: GroupsForm(data, initial={"tags": list(customer.tags.all())}),
        lambda customer, form, version: customer_groups_set(
            customer=customer, tags=form.cleaned_data["tags"], new=form.cleaned_names(), expected_version=version  # type: ignore[attr-defined]
        ),
    ),
}

# Which section of the file shows the result of each kind of change.
SHOWN_IN = {name: name for name in SECTIONS} | {"contact": "contacts", "do-not-contact": "preferences"}


def _shown(request: HttpRequest, customer: Customer, section: str, refusal: str | None = None) -> HttpResponse:
    """After a change: the fresh section to HTMX, with the file's new version for its remove buttons, else back to the file
    at that section. After a `refusal`, the fresh section says why and the file keeps the version it had."""
    name = SHOWN_IN[section]
    if request.htmx:
        fresh = customer_get(user=request.user, pk=customer.pk)
        labels = dict(CustomFieldDefinition.objects.values_list("key", "label"))
        response = render(request, f"web/customer/_{name}.html", {"customer": fresh, "custom_labels": labels, "refusal": refusal})
        if refusal is None:
            response.write(render_to_string("web/customer/_version.html", {"customer": fresh, "out_of_band": True}))
        return response
    if refusal is None:
        messages.success(request, _("Saved."))
    else:
        messages.error(request, refusal)
    return redirect(reverse("web:customer_detail", args=[customer.pk]) + f"#section-{name}")


def _removed(request: HttpRequest, customer: Customer, section: str, remove: Callable[[int | None], object]) -> HttpResponse:
    """Remove through `remove(version)` unless the customer changed since the file's version; show the section either way."""
    try:
        remove(_loaded_version(request, customer))
    except ValidationError as error:
        return _shown(request, customer, section, refusal=" ".join(error.messages))
    return _shown(request, customer, section)


def _loaded_version(request: HttpRequest, customer: Customer) -> int | None:
    """The version of the customer the editor works on: the current one when the form opens, the posted one on save."""
    if request.method != "POST":
        return customer.version
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        return None


def _form_page(request: HttpRequest, customer: Customer, form: forms.Form, title: Any, action: str, section: str) -> HttpResponse:
    context = {
        "customer": customer,
        "form": form,
        "title": title,
        "action": action,
        "section": SHOWN_IN[section],
        "version": _loaded_version(request, customer),
    }
    return render(request, "web/customer/_form.html" if request.htmx else "web/customer/edit.html", context)


def _submit(request: HttpRequest, form: forms.Form, save: Callable[[], object]) -> bool:
    """Save a posted, valid form through its service; False (errors on the form) when anything is refused."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save()
    except ValidationError as error:
        service_errors_add(form, error)
        return False
    return True


@login_required
def section_edit(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    """Edit one section of the customer file."""
    if section not in SECTIONS:
        raise Http404
    customer = visible_customer(request.user, pk)
    spec = SECTIONS[section]
    form = spec.form(request, customer, request.POST if request.method == "POST" else None)
    if _submit(request, form, lambda: spec.save(customer, form, _loaded_version(request, customer))):
        return _shown(request, customer, section)
    return _form_page(request, customer, form, spec.title, reverse("web:customer_edit", args=[pk, section]), section)


@login_required
def contact_edit(request: HttpRequest, pk: int, contact: int | None = None) -> HttpResponse:
    """Add a person to the customer, or change one."""
    customer = visible_customer(request.user, pk)
    person = get_object_or_404(Contact, pk=contact, customer=customer) if contact is not None else None
    form = ContactForm(request.POST if request.method == "POST" else None, initial=initial(person, ContactForm))

    def save() -> Contact:
        version = _loaded_version(request, customer)
        if person is None:
            return contact_create(customer=customer, expected_version=version, **form.cleaned_data)
        return contact_update(contact=person, data=form.cleaned_data, expected_version=version)

    if _submit(request, form, save):
        return _shown(request, customer, "contact")
    action = reverse("web:contact_edit", args=[pk, contact]) if person else reverse("web:contact_new", args=[pk])
    title = _("Contact: %(name)s") % {"name": person.name} if person else _("New contact")
    return _form_page(request, customer, form, title, action, "contact")


@login_required
@require_POST
def contact_remove(request: HttpRequest, pk: int, contact: int) -> HttpResponse:
    """Remove a person from the customer."""
    customer = visible_customer(request.user, pk)
    person = get_object_or_404(Contact, pk=contact, customer=customer)
    return _removed(request, customer, "contact", lambda version: contact_delete(contact=person, expected_version=version))


@login_required
def do_not_contact_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a period in which the customer must not be contacted."""
    customer = visible_customer(request.user, pk)
    form = DoNotContactForm(request.POST if request.method == "POST" else None)
    version = _loaded_version(request, customer)
    if _submit(request, form, lambda: do_not_contact_create(customer=customer, expected_version=version, **form.cleaned_data)):
        return _shown(request, customer, "do-not-contact")
    return _form_page(request, customer, form, _("Do not contact"), reverse("web:do_not_contact_new", args=[pk]), "do-not-contact")


@login_required
@require_POST
def do_not_contact_remove(request: HttpRequest, pk: int, period: int) -> HttpResponse:
    """Remove a do-not-contact period."""
    customer = visible_customer(request.user, pk)
    removed = get_object_or_404(customer.do_not_contact_periods, pk=period)
    return _removed(request, customer, "do-not-contact", lambda version: do_not_contact_delete(period=removed, expected_version=version))
