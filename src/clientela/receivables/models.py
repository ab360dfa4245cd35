"""Receivables and credit (SPEC S6): payment terms and credit limits per customer, bonus plans on money collected."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer

DEFAULT_PAYMENT_DAYS = 30  # an invoice is due this many days after its date unless the customer's terms say otherwise


class CreditTerms(models.Model):
    """A customer's payment terms (days from invoice to due date) and credit limit (none when blank)."""

    customer = models.OneToOneField(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="credit_terms")
    payment_days = models.PositiveSmallIntegerField(
        _("payment terms (days)"), default=DEFAULT_PAYMENT_DAYS, validators=[MaxValueValidator(365)]
    )
    credit_limit_cents = models.BigIntegerField(
        _("credit limit (cents)"), null=True, blank=True, validators=[MinValueValidator(0)], help_text=_("Blank for no limit.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        db_table = "credit_terms"
        ordering = ["customer_id"]
        verbose_name = _("credit terms")
        verbose_name_plural = _("credit terms")

    def __str__(self) -> str:
        return f"{self.customer}: {self.payment_days} days"


class BonusPlan(models.Model):
    """How a salesperson (or, without one, everyone else) earns a bonus on money collected from a month on.

    The rate of a customer's class comes from the latest snapshot of `scheme` at each month's end.
    """

    salesperson = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("salesperson"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bonus_plan",
        help_text=_("Blank for the default plan of every salesperson without one."),
    )
    scheme = models.SlugField(_("scheme of the classes"), max_length=100, default="abc")
    default_percent = models.DecimalField(
        _("default rate (%)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    starts_on = models.DateField(_("counts money collected from"))

    class Meta:
        db_table = "bonus_plans"
        ordering = ["salesperson_id"]
        verbose_name = _("bonus plan")
        constraints = [
            models.UniqueConstraint(fields=["salesperson"], condition=models.Q(salesperson__isnull=True), name="uniq_default_bonus_plan")
        ]

    def __str__(self) -> str:
        return f"{self.salesperson or _('default')}: {self.default_percent} %"


class BonusRate(models.Model):
    """A rate of a plan for one customer class and/or product family (blank: any)."""

    plan = models.ForeignKey(BonusPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="rates")
    class_label = models.CharField(_("class"), max_length=40, blank=True)
    family = models.CharField(_("product family"), max_length=100, blank=True)
    percent = models.DecimalField(_("rate (%)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)])

    class Meta:
        db_table = "bonus_rates"
        ordering = ["plan_id", "class_label", "family"]
        verbose_name = _("bonus rate")
        constraints = [
            models.UniqueConstraint(fields=["plan", "class_label", "family"], name="uniq_bonus_rate"),
            models.CheckConstraint(condition=~models.Q(class_label="", family=""), name="bonus_rate_names_class_or_family"),
        ]

    def __str__(self) -> str:
        return f"{self.class_label or '*'} / {self.family or '*'}: {self.percent} %"
