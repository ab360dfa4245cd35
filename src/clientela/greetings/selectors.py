"""Reads: key dates of the customers a user may see, and the preview of a bulk greeting."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import Q, QuerySet
from django.utils import formats, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Contact, Customer, RegionHoliday, Tag, User
from clientela.crm.selectors.customers import customers_visible_to
from clientela.greetings.languages import DEFAULT_LANGUAGE, greeting_language
from clientela.greetings.models import Channel, GreetingSend, GreetingTemplate, Occasion, OptOut
from clientela.greetings.recurrence import yearly_returns
from clientela.greetings.rendering import RenderedGreeting, greeting_render

FOUNDING_ANNIVERSARY = _("Founding anniversary")
CUSTOMER_ANNIVERSARY = _("Customer anniversary")


@dataclass(frozen=True)
class KeyDate:
    """A day to remember: a contact's birthday, a company anniversary or a holiday in the customer's region.

    `contact` is None for the dates of a whole customer (anniversaries, holidays). `label` is the
    occasion's short name (the holiday's own name for holidays); `years` counts birthdays and anniversaries.
    """

    date: date
    kind: Occasion
    customer: Customer
    contact: Contact | None
    label: str | Promise
    years: int | None = None


def _coming_back(field: str, start: date, end: date) -> Q:
    """Rows whose date `field` comes back (same month and day) in [start, end]: the database skips the others.

    29 February comes back on 28 February in common years; a window of a year or more filters nothing.
    """
    days = {(day.month, day.day) for day in (start + timedelta(days=n) for n in range(min((end - start).days + 1, 366)))}
    if (2, 28) in days:
        days.add((2, 29))
    if len(days) == 366:
        return Q()
    by_month: dict[int, list[int]] = defaultdict(list)
    for month, day in sorted(days):
        by_month[month].append(day)
    return Q.create([Q(**{f"{field}__month": month, f"{field}__day__in": month_days}) for month, month_days in by_month.items()], connector=Q.OR)


def _birthdays(customers: QuerySet[Customer], start: date, end: date) -> list[KeyDate]:
    contacts = Contact.objects.filter(_coming_back("birthday", start, end), customer__in=customers, birthday__isnull=False).select_related("customer__owner", "customer__region")
    return [
        KeyDate(day, Occasion.BIRTHDAY, contact.customer, contact, Occasion.BIRTHDAY.label, years)
        for contact in contacts
        for day, years in yearly_returns(contact.birthday, start=start, end=end)
    ]


def _anniversaries(customers: QuerySet[Customer], start: date, end: date) -> list[KeyDate]:
    found: list[KeyDate] = []
    coming_back = _coming_back("founded_on", start, end) | _coming_back("customer_since", start, end)
    for customer in customers.filter(coming_back, Q(founded_on__isnull=False) | Q(customer_since__isnull=False)).select_related("owner", "region"):
        for origin, label in ((customer.founded_on, FOUNDING_ANNIVERSARY), (customer.customer_since, CUSTOMER_ANNIVERSARY)):
            if origin is not None:
                found += [KeyDate(day, Occasion.ANNIVERSARY, customer, None, label, years) for day, years in yearly_returns(origin, start=start, end=end)]
    return found


def _holidays(customers: QuerySet[Customer], start: date, end: date) -> list[KeyDate]:
    by_region: dict[int, list[RegionHoliday]] = defaultdict(list)
    for holiday in RegionHoliday.objects.filter(date__range=(start, end), region__in=customers.values("region_id")):
        by_region[holiday.region_id].append(holiday)
    return [
        KeyDate(holiday.date, Occasion.HOLIDAY, customer, None, holiday.name)
        for customer in customers.filter(region__in=list(by_region)).select_related("owner", "region")
        for holiday in by_region[customer.region_id]
    ]


KEY_DATE_FINDERS: dict[Occasion, Callable[[QuerySet[Customer], date, date], list[KeyDate]]] = {
    Occasion.BIRTHDAY: _birthdays,
    Occasion.ANNIVERSARY: _anniversaries,
    Occasion.HOLIDAY: _holidays,
}


def _by_date(dates: Iterable[KeyDate]) -> list[KeyDate]:
    return sorted(dates, key=lambda d: (d.date, d.customer.name, d.customer.pk, d.kind, d.contact.name if d.contact else ""))


def key_dates(*, user: User, start: date, end: date) -> list[KeyDate]:
    """Key dates from `start` to `end` (inclusive) of the customers `user` may see, by date: the reminders of the plan.

    Birthdays of contacts (29 February falls on 28 February in common years), anniversaries of
    `Customer.founded_on` and `Customer.customer_since` (from the first year on), and the holidays of
    each customer's region. Runs four queries whatever the number of customers.
    """
    customers = customers_visible_to(user)
    return _by_date(key_date for find in KEY_DATE_FINDERS.values() for key_date in find(customers, start, end))


class SkipReason(StrEnum):
    OPTED_OUT = "opted out"
    NO_EMAIL = "no e-mail address"
    NO_PHONE = "no phone number"
    NO_TEMPLATE = "no template"
    ALREADY_SENT = "already sent"


@dataclass(frozen=True)
class Recipient:
    """One contact of a bulk greeting: where it goes, the rendered text, and why it will be skipped (if so)."""

    contact: Contact
    customer: Customer
    address: str
    language: str
    template: GreetingTemplate | None
    subject: str
    body: str
    skip_reason: SkipReason | None

    @property
    def will_send(self) -> bool:
        return self.skip_reason is None


def _greeted_contacts(customers: QuerySet[Customer], occasion: Occasion, day: date) -> list[tuple[Contact, Customer, KeyDate | None]]:
    """The contacts to greet for `occasion` on `day`; a whole customer's date reaches all its contacts."""
    if occasion == Occasion.GENERAL:
        contacts = Contact.objects.filter(customer__in=customers).select_related("customer__owner", "customer__region")
        return [(contact, contact.customer, None) for contact in contacts]
    dates = _by_date(KEY_DATE_FINDERS[occasion](customers, day, day))
    contacts_of: dict[int, list[Contact]] = defaultdict(list)
    for contact in Contact.objects.filter(customer__in={d.customer.pk for d in dates if d.contact is None}):
        contacts_of[contact.customer_id].append(contact)
    greeted: dict[int, tuple[Contact, Customer, KeyDate]] = {}
    for key_date in dates:
        for contact in [key_date.contact] if key_date.contact else contacts_of[key_date.customer.pk]:
            greeted.setdefault(contact.pk, (contact, key_date.customer, key_date))  # one greeting per contact
    return list(greeted.values())


def _greeting_context(contact: Contact, customer: Customer, key_date: KeyDate | None, day: date) -> dict[str, object]:
    """The values of the placeholders (see rendering.PLACEHOLDERS)."""
    return {
        "contact_name": contact.name,
        "customer_name": customer.name,
        "salesperson_name": str(customer.owner) if customer.owner else "",
        "occasion": str(key_date.label) if key_date else "",
        "date": formats.date_format(day),
        "years": key_date.years if key_date else None,
    }


def _skip_reason(contact: Contact, address: str, channel: Channel, template: GreetingTemplate | None, opted_out: set[int], sent: set[int]) -> SkipReason | None:
    if contact.pk in sent:
        return SkipReason.ALREADY_SENT
    if contact.pk in opted_out:
        return SkipReason.OPTED_OUT
    if not address:
        return SkipReason.NO_EMAIL if channel == Channel.EMAIL else SkipReason.NO_PHONE
    if template is None:
        return SkipReason.NO_TEMPLATE
    return None


def greetings_preview(
    *,
    user: User,
    occasion: Occasion,
    occasion_date: date,
    channel: Channel,
    group: Tag | None = None,
    customers: Iterable[Customer] | None = None,
) -> list[Recipient]:
    """Who a bulk greeting reaches and with what text, before anything is sent.

    The customers are those `user` may see, narrowed to `group` and/or `customers` when given.
    Birthdays, anniversaries and holidays reach the contacts whose key date is `occasion_date`;
    a general greeting reaches every contact. The template is the one of the contact's language
    (see `greeting_language`), else the English one. {occasion} is the key date's label, {date}
    the occasion date in the greeting's language.
    """
    scope = customers_visible_to(user)
    if group is not None:
        scope = scope.filter(tags=group)
    if customers is not None:
        scope = scope.filter(pk__in=[customer.pk for customer in customers])
    templates = {template.language: template for template in GreetingTemplate.objects.filter(occasion=occasion, channel=channel)}
    opted_out = set(OptOut.objects.filter(channel=channel, contact__customer__in=scope).values_list("contact_id", flat=True))
    sent = set(
        GreetingSend.objects.filter(
            channel=channel, occasion=occasion, occasion_date=occasion_date, status=GreetingSend.Status.SENT, contact__customer__in=scope
        ).values_list("contact_id", flat=True)
    )
    recipients: list[Recipient] = []
    for contact, customer, key_date in _greeted_contacts(scope, occasion, occasion_date):
        language = greeting_language(customer)
        template = templates.get(language) or templates.get(DEFAULT_LANGUAGE)
        address = contact.email if channel == Channel.EMAIL else contact.phone
        rendered = RenderedGreeting(subject="", body="")
        if template is not None:
            with translation.override(template.language):  # {date} and a translated {occasion} in the greeting's language
                rendered = greeting_render(template, _greeting_context(contact, customer, key_date, occasion_date))
        recipients.append(
            Recipient(
                contact=contact,
                customer=customer,
                address=address,
                language=language,
                template=template,
                subject=rendered.subject,
                body=rendered.body,
                skip_reason=_skip_reason(contact, address, channel, template, opted_out, sent),
            )
        )
    return sorted(recipients, key=lambda r: (r.customer.name, r.customer.pk, not r.contact.is_primary, r.contact.name))
