"""The customer file (SPEC S1): customers, profile, contacts, preferences, tags, custom fields."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from clientela.crm.models.people import Region, User


class Channel(models.TextChoices):
    """How a contact is made."""

    VISIT = "visit", _("Visit")
    CALL = "call", _("Call")
    EMAIL = "email", _("E-mail")
    MESSAGE = "message", _("Message")


class Tag(models.Model):
    """A user-defined group of customers (family, key account, group customer, ...)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        db_table = "tags"
        ordering = ["name"]
        verbose_name = _("group")

    def __str__(self) -> str:
        return self.name


class Customer(models.Model):
    """A customer or prospect, identified by its external (ERP) id."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        PERSON = "person", _("Person")

    class Status(models.TextChoices):
        PROSPECT = "prospect", _("Prospect")
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        LOST = "lost", _("Lost")

    external_id = models.CharField(_("external id"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COMPANY)
    owner = models.ForeignKey(
        User,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="customers",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="customers",
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    channel = models.CharField(_("channel"), max_length=50, blank=True)
    industry = models.CharField(_("industry"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    customer_since = models.DateField(_("customer since"), null=True, blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    custom_fields = models.JSONField(_("custom fields"), default=dict, blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("groups"), blank=True, related_name="customers", db_table="customer_tags")
    created_at = models.DateTimeField(_("created at"), db_default=Now())
    updated_at = models.DateTimeField(_("updated at"), db_default=Now())
    # Bumped by every write of the customer file; an editor's save names the version it loaded (optimistic locking).
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        db_table = "customers"
        ordering = ["name", "id"]
        verbose_name = _("customer")
        indexes = [
            models.Index(fields=["owner", "name"], name="customer_owner_name"),
            models.Index(fields=["name", "id"], name="customer_name"),  # the list's order: its first page without sorting every customer
            models.Index(fields=["channel"], name="customer_channel"),  # the list's channels to filter by, read from the index
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.external_id})"


class CustomerProfile(models.Model):
    """'Know who your customer is': personal background and business situation."""

    customer = models.OneToOneField(Customer, on_delete=models.CASCADE, related_name="profile")
    # Basic data
    family_situation = models.CharField(_("family situation"), max_length=200, blank=True)
    profession = models.CharField(_("profession"), max_length=200, blank=True)
    education = models.CharField(_("education"), max_length=200, blank=True)
    preferences = models.TextField(_("preferences"), blank=True)
    annual_income = models.DecimalField(_("annual income"), max_digits=14, decimal_places=2, null=True, blank=True)
    financial_situation = models.CharField(_("financial situation"), max_length=200, blank=True)
    personal_relationships = models.TextField(_("personal relationships"), blank=True)
    character_traits = models.TextField(_("character traits"), blank=True)
    # Business situation (levels on a 1-5 scale feed the prospect matrix)
    company_size = models.CharField(_("company size"), max_length=50, blank=True)
    outlets = models.PositiveIntegerField(_("outlets in its network"), null=True, blank=True)
    management_level = models.PositiveSmallIntegerField(
        _("management level (1-5)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    marketing_level = models.PositiveSmallIntegerField(
        _("marketing level (1-5)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    buyers_purchasing_power = models.PositiveSmallIntegerField(
        _("purchasing power of its buyers (1-5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        db_table = "customer_profiles"
        ordering = ["customer_id"]
        verbose_name = _("customer profile")

    def __str__(self) -> str:
        return f"Profile of {self.customer}"


class CustomFieldDefinition(models.Model):
    """An admin-defined extra field stored in `Customer.custom_fields` under `key`."""

    class FieldType(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        BOOLEAN = "boolean", _("Yes/no")
        CHOICE = "choice", _("Choice")

    key = models.SlugField(_("key"), max_length=50, unique=True)
    label = models.CharField(_("label"), max_length=100)
    field_type = models.CharField(_("type"), max_length=10, choices=FieldType.choices, default=FieldType.TEXT)
    choices = models.JSONField(_("choices"), default=list, blank=True)

    class Meta:
        db_table = "custom_field_definitions"
        ordering = ["key"]
        verbose_name = _("custom field")

    def __str__(self) -> str:
        return self.label


class Contact(models.Model):
    """A person at a customer."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    birthday = models.DateField(_("birthday"), null=True, blank=True)
    preferred_contact_times = models.CharField(_("preferred contact times"), max_length=200, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)

    class Meta:
        db_table = "contacts"
        ordering = ["customer_id", "-is_primary", "name"]
        verbose_name = _("contact")

    def __str__(self) -> str:
        return self.name


class ContactPreference(models.Model):
    """When and how a customer likes to be contacted (drives scheduling)."""

    class MeetingTime(models.TextChoices):
        ANY = "any", _("Any time")
        WORKING = "working", _("Working time")
        PERSONAL = "personal", _("Personal time")

    class MeetingStyle(models.TextChoices):
        ANY = "any", _("Any")
        SHORT = "short", _("Short meeting")
        FORMAL = "formal", _("Formal meeting")

    customer = models.OneToOneField(Customer, on_delete=models.CASCADE, related_name="preference")
    preferred_days = models.JSONField(_("preferred days (0 = Monday)"), default=list, blank=True)
    preferred_from = models.TimeField(_("preferred from"), null=True, blank=True)
    preferred_to = models.TimeField(_("preferred to"), null=True, blank=True)
    meeting_time = models.CharField(_("meeting time"), max_length=10, choices=MeetingTime.choices, default=MeetingTime.ANY)
    meeting_style = models.CharField(_("meeting style"), max_length=10, choices=MeetingStyle.choices, default=MeetingStyle.ANY)
    preferred_channel = models.CharField(_("preferred channel"), max_length=10, choices=Channel.choices, blank=True)

    class Meta:
        db_table = "contact_preferences"
        ordering = ["customer_id"]
        verbose_name = _("contact preference")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(preferred_from__isnull=True)
                | models.Q(preferred_to__isnull=True)
                | models.Q(preferred_from__lt=models.F("preferred_to")),
                name="preference_hours_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"Preferences of {self.customer}"


class DoNotContactPeriod(models.Model):
    """A period in which the customer must not be contacted."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="do_not_contact_periods")
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        db_table = "do_not_contact_periods"
        ordering = ["customer_id", "start"]
        verbose_name = _("do-not-contact period")
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="dnc_period_ordered")]

    def __str__(self) -> str:
        return f"{self.start} – {self.end}"
