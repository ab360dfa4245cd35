"""Follow-up discipline (SPEC S5): policies per class, working time, the plan, the contact log."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer
from clientela.crm.models.customers import Channel


class Policy(models.Model):
    """How often and how the customers of one class of a scheme are contacted; editing bumps the version.

    A customer with classes in several schemes follows the most demanding of their policies.
    """

    class Period(models.TextChoices):
        WEEK = "week", _("week")
        MONTH = "month", _("month")

    scheme = models.SlugField(_("scheme"), max_length=100)
    class_label = models.CharField(_("class"), max_length=40)
    contacts = models.PositiveSmallIntegerField(_("contacts at least"), validators=[MinValueValidator(1), MaxValueValidator(31)])
    period = models.CharField(_("per"), max_length=5, choices=Period.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(480)])
    priority = models.PositiveSmallIntegerField(_("priority (1 = most urgent)"), default=3, validators=[MaxValueValidator(9)])
    version = models.PositiveIntegerField(_("version"), default=1)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), db_default=Now())

    class Meta:
        db_table = "followup_policies"
        ordering = ["scheme", "priority", "class_label"]
        verbose_name = _("follow-up policy")
        verbose_name_plural = _("follow-up policies")
        constraints = [models.UniqueConstraint(fields=["scheme", "class_label"], name="uniq_policy_class")]

    def __str__(self) -> str:
        return f"{self.scheme} {self.class_label}: {self.contacts}/{self.period} {self.channel} {self.minutes} min (v{self.version})"


class WorkingTime(models.Model):
    """A salesperson's capacity: working days and hours, and the window for personal-time contacts."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="working_time")
    working_days = models.JSONField(_("working days (0 = Monday)"), default=list)
    day_start = models.TimeField(_("day starts"))
    day_end = models.TimeField(_("day ends"))
    personal_from = models.TimeField(_("personal-time contacts from"))
    personal_to = models.TimeField(_("personal-time contacts to"))

    class Meta:
        db_table = "followup_working_times"
        ordering = ["user_id"]
        verbose_name = _("working time")
        constraints = [
            models.CheckConstraint(condition=models.Q(day_start__lt=models.F("day_end")), name="working_time_day_ordered"),
            models.CheckConstraint(condition=models.Q(personal_from__lt=models.F("personal_to")), name="working_time_personal_ordered"),
        ]

    def __str__(self) -> str:
        return f"Working time of {self.user}"


class Absence(models.Model):
    """Days a salesperson does not work (holidays, leave, training)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="absences")
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("to"))
    reason = models.CharField(_("reason"), max_length=100, blank=True)

    class Meta:
        db_table = "followup_absences"
        ordering = ["user_id", "first_day"]
        verbose_name = _("absence")
        constraints = [models.CheckConstraint(condition=models.Q(first_day__lte=models.F("last_day")), name="absence_ordered")]

    def __str__(self) -> str:
        return f"{self.user}: {self.first_day} – {self.last_day}"


class PlannedContact(models.Model):
    """One item of a salesperson's plan, with the reason it is there."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        DONE = "done", _("done")

    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planned_contacts")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="planned_contacts")
    start = models.DateTimeField(_("start"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    class_label = models.CharField(_("class"), max_length=40)
    due = models.DateField(_("due"))
    overdue_days = models.PositiveIntegerField(_("days overdue"), default=0)
    reason = models.CharField(_("reason"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        db_table = "followup_planned_contacts"
        ordering = ["start", "id"]
        verbose_name = _("planned contact")
        indexes = [
            models.Index(fields=["salesperson", "status", "start"], name="planned_salesperson_start"),
            models.Index(fields=["customer", "status", "start"], name="planned_customer_start"),
        ]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} {self.channel} {self.customer.name}"


class UnplannedContact(models.Model):
    """A contact the last planning run could not fit, and why (capacity short, no matching slot, …)."""

    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unplanned_contacts")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="unplanned_contacts")
    due = models.DateField(_("due"))
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        db_table = "followup_unplanned_contacts"
        ordering = ["due", "id"]
        verbose_name = _("contact that could not be planned")

    def __str__(self) -> str:
        return f"{self.customer.name}: {self.reason}"


class GroupActivity(models.Model):
    """A dealer training, business trip or promotion event: logged once, a contact for every attendee."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("training")
        TRIP = "trip", _("business trip")
        PROMOTION = "promotion", _("promotion event")
        OTHER = "other", _("other")

    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_activities")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    at = models.DateTimeField(_("when"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    notes = models.TextField(_("notes"), blank=True)
    attendees = models.ManyToManyField(Customer, related_name="group_activities", db_table="followup_group_attendees")

    class Meta:
        db_table = "followup_group_activities"
        ordering = ["-at"]
        verbose_name = _("group activity")
        verbose_name_plural = _("group activities")

    def __str__(self) -> str:
        return f"{self.title} ({self.at:%Y-%m-%d})"


class ContactLog(models.Model):
    """A contact made (the follow-up form): what happened and what comes next."""

    class Outcome(models.TextChoices):
        REACHED = "reached", _("reached, talked")
        ORDER = "order", _("order taken")
        NOT_REACHED = "not_reached", _("not reached")
        NO_INTEREST = "no_interest", _("no interest")
        COMPLAINT = "complaint", _("complaint")

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="contact_logs")
    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contact_logs")
    at = models.DateTimeField(_("when"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=15, validators=[MaxValueValidator(1440)])
    purpose = models.CharField(_("purpose"), max_length=200)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    next_step = models.CharField(_("next step"), max_length=200, blank=True)
    next_step_on = models.DateField(_("next step on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    planned = models.OneToOneField(
        PlannedContact, verbose_name=_("planned contact"), on_delete=models.SET_NULL, null=True, blank=True, related_name="log"
    )
    group_activity = models.ForeignKey(GroupActivity, on_delete=models.CASCADE, null=True, blank=True, related_name="logs")
    created_at = models.DateTimeField(_("logged at"), db_default=Now())

    class Meta:
        db_table = "followup_contact_logs"
        ordering = ["-at", "-id"]
        verbose_name = _("contact log")
        indexes = [
            models.Index(fields=["customer", "at"], name="contact_log_customer_at"),
            models.Index(fields=["salesperson", "at"], name="contact_log_salesperson_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.channel} {self.customer.name}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret, revocable address of a salesperson's plan as an iCalendar feed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created at"), db_default=Now())
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        db_table = "followup_calendar_feeds"
        ordering = ["-created_at"]
        verbose_name = _("calendar feed")

    def __str__(self) -> str:
        return f"Calendar of {self.user}"


class CustomerPolicy(models.Model):
    """The policy a customer follows now: the most demanding among their classes in the latest snapshots.

    Derived data, so that compliance is a plain join: `services.customer_policies_refresh` works it
    out again whenever its `CustomerPolicyBasis` changed (policies, schemes or snapshots).
    """

    customer = models.OneToOneField(Customer, on_delete=models.CASCADE, primary_key=True, related_name="current_policy")
    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "followup_customer_policies"
        ordering = ["customer_id"]
        verbose_name = _("customer's current policy")
        verbose_name_plural = _("customers' current policies")

    def __str__(self) -> str:
        return f"{self.customer_id}: {self.policy_id}"


class CustomerPolicyBasis(models.Model):
    """What the stored customer policies were worked out from (one row): the active policies, most demanding first,
    each with the latest snapshot of its scheme."""

    key = models.TextField(_("basis"))

    class Meta:
        db_table = "followup_customer_policy_basis"
        ordering = ["id"]
        verbose_name = _("basis of the customers' current policies")

    def __str__(self) -> str:
        return self.key
