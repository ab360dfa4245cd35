"""Greeting templates, opt-outs and the log of greetings sent (one per contact, channel and occasion)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Contact, Customer
from clientela.greetings.rendering import placeholders_check


class Occasion(models.TextChoices):
    BIRTHDAY = "birthday", _("Birthday")
    ANNIVERSARY = "anniversary", _("Anniversary")
    HOLIDAY = "holiday", _("Holiday")
    GENERAL = "general", _("General")


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class GreetingTemplate(models.Model):
    """The editable text of a greeting for one occasion, language and channel."""

    occasion = models.CharField(_("occasion"), max_length=12, choices=Occasion.choices)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    subject = models.CharField(_("subject (e-mail)"), max_length=200, blank=True)
    body = models.TextField(_("body"))

    class Meta:
        db_table = "greeting_templates"
        ordering = ["occasion", "language", "channel"]
        verbose_name = _("greeting template")
        constraints = [models.UniqueConstraint(fields=["occasion", "language", "channel"], name="uniq_greeting_template")]

    def __str__(self) -> str:
        return f"{self.get_occasion_display()} · {self.language} · {self.get_channel_display()}"

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        for field in ("subject", "body"):
            try:
                placeholders_check(getattr(self, field))
            except ValidationError as error:
                errors[field] = [error]
        if self.channel == Channel.EMAIL and not self.subject.strip():
            errors.setdefault("subject", []).append(ValidationError(_("An e-mail template needs a subject.")))
        if errors:
            raise ValidationError(errors)


class OptOut(models.Model):
    """A contact who receives no greetings on a channel."""

    contact = models.ForeignKey(Contact, verbose_name=_("contact"), on_delete=models.CASCADE, related_name="greeting_opt_outs")
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    created_at = models.DateTimeField(_("created at"), db_default=Now())

    class Meta:
        db_table = "greeting_opt_outs"
        ordering = ["contact_id", "channel"]
        verbose_name = _("greeting opt-out")
        constraints = [models.UniqueConstraint(fields=["contact", "channel"], name="uniq_greeting_opt_out")]

    def __str__(self) -> str:
        return f"{self.contact} · {self.get_channel_display()}"


class GreetingSend(models.Model):
    """The outcome of greeting a contact for one occasion; the unique key stops double sends on re-runs."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    contact = models.ForeignKey(Contact, verbose_name=_("contact"), on_delete=models.CASCADE, related_name="greeting_sends")
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="greeting_sends")
    template = models.ForeignKey(
        GreetingTemplate, verbose_name=_("template"), on_delete=models.SET_NULL, null=True, blank=True, related_name="sends"
    )
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    occasion = models.CharField(_("occasion"), max_length=12, choices=Occasion.choices)
    occasion_date = models.DateField(_("occasion date"))
    recipient = models.CharField(_("e-mail or phone"), max_length=254, blank=True)
    status = models.CharField(_("status"), max_length=7, choices=Status.choices)
    detail = models.TextField(_("detail"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        db_table = "greeting_sends"
        ordering = ["-sent_at", "id"]
        verbose_name = _("greeting sent")
        verbose_name_plural = _("greetings sent")
        constraints = [
            models.UniqueConstraint(fields=["contact", "channel", "occasion", "occasion_date"], name="uniq_greeting_send")
        ]

    def __str__(self) -> str:
        return f"{self.get_occasion_display()} {self.occasion_date} → {self.contact}: {self.get_status_display()}"
