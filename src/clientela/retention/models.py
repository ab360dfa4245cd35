"""Retention: its settings, the monthly churn fits with their per-customer predictions, purchase rhythms and lost customers.

`customer_predictions` is read by the engine (the matrix counts ``p_alive`` into stability):
its table and columns are part of the contract in `clientela.engine.schema`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer
from clientela.crm.models.business import cents_to_amount


# The time units of clientela.churn.TimeUnit (not imported: it would load SciPy with the models).
TIME_UNITS = [("day", _("day")), ("week", _("week")), ("month", _("month"))]


class RetentionSettings(models.Model):
    """How churn is fitted and when a customer counts as at risk or lost (one row; defaults until it is saved)."""

    time_unit = models.CharField(_("time unit of the fit"), max_length=5, choices=TIME_UNITS, default="week")
    fit_window_months = models.PositiveSmallIntegerField(
        _("months of history the fit reads"),
        default=12,
        validators=[MaxValueValidator(600)],
        help_text=_("The fit reads the transactions of this many months up to the month end; 0 reads the whole history."),
    )
    min_repeat_customers = models.PositiveIntegerField(
        _("fewest repeat customers to fit"),
        default=20,
        validators=[MinValueValidator(2)],
        help_text=_("With fewer customers who bought on two days or more, the fit is not tried."),
    )
    horizon_months = models.PositiveSmallIntegerField(
        _("horizon (months)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    monthly_discount_rate = models.FloatField(
        _("monthly discount rate"), default=0.01, validators=[MinValueValidator(0), MaxValueValidator(1)]
    )
    at_risk_threshold = models.FloatField(
        _("at-risk probability alive"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("An important customer whose probability of being alive is below this is at risk."),
    )
    silence_factor = models.FloatField(
        _("silence factor"),
        default=2.0,
        validators=[MinValueValidator(1)],
        help_text=_("An important customer silent for longer than this many times its usual gap between purchase days, and at least the days below, is at risk."),
    )
    at_risk_min_days = models.PositiveIntegerField(_("at risk after at least (days)"), default=30, validators=[MinValueValidator(1)])
    lost_factor = models.FloatField(
        _("lost factor (k)"),
        default=3.0,
        validators=[MinValueValidator(1)],
        help_text=_("A customer silent for longer than k times its usual gap between purchase days, and at least the minimum days, is lost."),
    )
    lost_min_days = models.PositiveIntegerField(_("lost after at least (days)"), default=90, validators=[MinValueValidator(1)])
    matrix_uses_p_alive = models.BooleanField(
        _("the matrix counts the probability alive into stability"),
        default=True,
        help_text=_("The contribution × stability matrix then reads the latest fit on or before its date."),
    )

    class Meta:
        db_table = "retention_settings"
        ordering = ["id"]
        verbose_name = _("retention settings")
        verbose_name_plural = _("retention settings")

    def __str__(self) -> str:
        return str(_("Retention settings"))


class ChurnFit(models.Model):
    """The BG/NBD (purchases) and Gamma-Gamma (spend) fit on the transactions up to a month end."""

    class Status(models.TextChoices):
        FITTED = "fitted", _("Fitted")
        TOO_LITTLE_DATA = "too_little_data", _("Too little data")
        FAILED = "failed", _("Did not converge")

    as_of = models.DateField(_("as of"), unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    failure = models.TextField(_("why it was not fitted"), blank=True)
    time_unit = models.CharField(_("time unit"), max_length=5)
    fit_window_months = models.PositiveSmallIntegerField(_("months of history"))
    horizon_months = models.PositiveSmallIntegerField(_("horizon (months)"))
    monthly_discount_rate = models.FloatField(_("monthly discount rate"))
    customers = models.PositiveIntegerField(_("customers"), default=0)
    repeat_customers = models.PositiveIntegerField(_("repeat customers"), default=0)
    purchases = models.JSONField(_("BG/NBD fit"), null=True, blank=True, help_text=_("Parameters, standard errors, log-likelihood."))
    spend = models.JSONField(_("Gamma-Gamma fit"), null=True, blank=True, help_text=_("Parameters, standard errors, log-likelihood."))
    spend_failure = models.TextField(
        _("why spend was not fitted"), blank=True, help_text=_("Without a spend fit, expected values use each customer's observed mean spend.")
    )
    fitted_at = models.DateTimeField(_("fitted at"), default=timezone.now)

    class Meta:
        db_table = "churn_fits"
        ordering = ["-as_of"]
        verbose_name = _("churn fit")

    def __str__(self) -> str:
        return f"{self.as_of}: {self.get_status_display()}"

    @property
    def log_likelihood(self) -> float | None:
        """The BG/NBD log-likelihood."""
        return None if self.purchases is None else self.purchases["log_likelihood"]

    @property
    def spend_log_likelihood(self) -> float | None:
        return None if self.spend is None else self.spend["log_likelihood"]


class CustomerPrediction(models.Model):
    """One customer's summary and predictions in a fit (over the fit's horizon)."""

    # Indexed by the unique constraint, which starts with fit.
    fit = models.ForeignKey(ChurnFit, verbose_name=_("fit"), on_delete=models.CASCADE, related_name="predictions", db_index=False)
    # The fit's date again: the engine picks the predictions of a date without a join (clientela.engine.schema).
    as_of = models.DateField(_("as of"))
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="churn_predictions")
    frequency = models.PositiveIntegerField(_("repeat purchase days"))
    recency = models.FloatField(_("recency"), help_text=_("First to last purchase day, in the fit's time unit."))
    age = models.FloatField(_("age (T)"), help_text=_("First purchase day to the fit's date, in the fit's time unit."))
    mean_spend_cents = models.BigIntegerField(_("mean spend of the repeat purchase days (cents)"))
    p_alive = models.FloatField(_("probability alive"))
    expected_purchases = models.FloatField(_("expected purchases over the horizon"))
    expected_value_cents = models.BigIntegerField(_("expected value over the horizon (cents)"), null=True, blank=True)

    class Meta:
        db_table = "customer_predictions"
        ordering = ["fit_id", "customer_id"]
        verbose_name = _("customer prediction")
        constraints = [models.UniqueConstraint(fields=["fit", "customer"], name="uniq_customer_prediction")]
        indexes = [models.Index(fields=["as_of", "customer", "p_alive"], name="prediction_as_of_customer")]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.as_of}: p(alive) {self.p_alive:.2f}"

    @property
    def expected_value(self) -> Decimal | None:
        return cents_to_amount(self.expected_value_cents)


class CustomerRhythm(models.Model):
    """How a customer buys, as of the latest monthly review: its last purchase day and usual gap between purchase days."""

    customer = models.OneToOneField(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, primary_key=True, related_name="rhythm")
    as_of = models.DateField(_("as of"))
    last_purchase_on = models.DateField(_("last purchase"))
    purchase_days = models.PositiveIntegerField(_("purchase days"))
    usual_gap_days = models.FloatField(
        _("usual gap (days)"), null=True, blank=True, help_text=_("The median gap between purchase days; none with a single purchase day.")
    )

    class Meta:
        db_table = "customer_rhythms"
        ordering = ["customer_id"]
        verbose_name = _("purchase rhythm")

    def __str__(self) -> str:
        return f"{self.customer_id}: last {self.last_purchase_on}, usual gap {self.usual_gap_days}"


class LossReason(models.TextChoices):
    """Why a customer was lost (SPEC S7); unknown until someone says."""

    NEW_THINGS = "tries_new_things", _("Tries new things")
    COMPETITOR = "competitor_offer", _("A competitor offered more")
    DISSATISFIED = "dissatisfied", _("Dissatisfied with the product or service")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class CustomerLoss(models.Model):
    """A customer lost: marked by a person or detected by the monthly review, until it buys again."""

    class How(models.TextChoices):
        MARKED = "marked", _("Marked")
        DETECTED = "detected", _("Detected")

    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="losses")
    lost_on = models.DateField(_("lost on"))
    how = models.CharField(_("how"), max_length=10, choices=How.choices)
    reason = models.CharField(_("reason"), max_length=20, choices=LossReason.choices, default=LossReason.UNKNOWN)
    reason_text = models.CharField(_("reason in words"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("marked by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="losses_marked"
    )
    reason_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reason given by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="loss_reasons"
    )
    last_purchase_on = models.DateField(_("last purchase"), null=True, blank=True)
    usual_gap_days = models.FloatField(_("usual gap (days)"), null=True, blank=True)
    revenue_12m_cents = models.BigIntegerField(_("revenue in the 12 months before the loss (cents)"), default=0)
    recovered_on = models.DateField(_("recovered on"), null=True, blank=True, help_text=_("The first purchase after the loss."))
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        db_table = "customer_losses"
        ordering = ["-lost_on", "-id"]
        verbose_name = _("lost customer")
        constraints = [
            models.UniqueConstraint(fields=["customer"], condition=Q(recovered_on__isnull=True), name="one_open_loss_per_customer"),
        ]
        indexes = [models.Index(fields=["lost_on"], name="loss_lost_on")]

    def __str__(self) -> str:
        return f"{self.customer_id} lost on {self.lost_on}"

    def clean(self) -> None:
        if self.reason == LossReason.OTHER and not self.reason_text.strip():
            raise ValidationError({"reason_text": _("say in words why the customer was lost (the reason is “other”)")})

    @property
    def revenue_12m(self) -> Decimal | None:
        return cents_to_amount(self.revenue_12m_cents)


class CustomerLossClass(models.Model):
    """A lost customer's class in one active scheme at the time of the loss (latest snapshot on or before it)."""

    loss = models.ForeignKey(CustomerLoss, verbose_name=_("loss"), on_delete=models.CASCADE, related_name="classes", db_index=False)
    # The scheme by name: the class stays readable when the scheme changes or goes.
    scheme_name = models.CharField(_("scheme"), max_length=100)
    label = models.CharField(_("class"), max_length=40)

    class Meta:
        db_table = "customer_loss_classes"
        ordering = ["loss_id", "scheme_name"]
        verbose_name = _("class at the time of loss")
        verbose_name_plural = _("classes at the time of loss")
        constraints = [models.UniqueConstraint(fields=["loss", "scheme_name"], name="uniq_loss_class")]

    def __str__(self) -> str:
        return f"{self.scheme_name} {self.label}"
