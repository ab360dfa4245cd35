"""Field sales (SPEC S6): where each salesperson's day starts, the visit plan, and sales targets."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce, Now
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer, Product


class StartPoint(models.Model):
    """Where a salesperson's day of visits starts and ends (office or home), and how fast they travel."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="start_point")
    label = models.CharField(_("name"), max_length=100, default="Office")
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])
    speed_kmh = models.PositiveSmallIntegerField(
        _("average speed (km/h)"), default=40, validators=[MinValueValidator(5), MaxValueValidator(130)]
    )

    class Meta:
        db_table = "fieldsales_start_points"
        ordering = ["user_id"]
        verbose_name = _("start point")

    def __str__(self) -> str:
        return f"{self.label} of {self.user}"


class PlannedVisit(models.Model):
    """One visit of a salesperson's plan for a year, quarter, month or day: whom, why, how long.

    `starts_on` … `ends_on` is the period the visit is planned in (a single day for a dated
    visit). A visit logged with the customer in that period (a follow-up contact log with the
    channel "visit") fulfils it; see `clientela.fieldsales.selectors.visits`.
    """

    class Period(models.TextChoices):
        YEAR = "year", _("year")
        QUARTER = "quarter", _("quarter")
        MONTH = "month", _("month")
        DAY = "day", _("day")

    class Objective(models.TextChoices):
        ORDER = "order", _("take an order")
        COLLECTION = "collection", _("collect payment")
        PRODUCTS = "products", _("present new products")
        PROMOTION = "promotion", _("display and promotion")
        SERVICE = "service", _("service or complaint")
        RELATIONSHIP = "relationship", _("keep the relationship")
        DEVELOPMENT = "development", _("develop a new outlet")
        FOLLOW_UP = "follow_up", _("follow-up of the class policy")

    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planned_visits")
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="planned_visits")
    period = models.CharField(_("planned for a"), max_length=10, choices=Period.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    objective = models.CharField(_("object"), max_length=20, choices=Objective.choices)
    purpose = models.CharField(_("purpose"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=30, validators=[MinValueValidator(5), MaxValueValidator(480)])
    created_at = models.DateTimeField(_("created at"), db_default=Now())

    class Meta:
        db_table = "fieldsales_planned_visits"
        ordering = ["starts_on", "ends_on", "id"]
        verbose_name = _("planned visit")
        indexes = [models.Index(fields=["salesperson", "starts_on"], name="planned_visit_person_start")]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="planned_visit_ordered")]

    def __str__(self) -> str:
        return f"{self.starts_on} – {self.ends_on}: {self.customer.name}"


class Target(models.Model):
    """A sales target of a salesperson for one month: for one customer or all theirs, one product, a family or all.

    An empty customer means every customer the salesperson owns; an empty product and family
    every product. Amount (integer cents) and units are each optional, but not both.
    """

    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="targets")
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, null=True, blank=True, related_name="targets")
    product = models.ForeignKey(Product, verbose_name=_("product"), on_delete=models.CASCADE, null=True, blank=True, related_name="targets")
    family = models.CharField(_("product family"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    amount_cents = models.BigIntegerField(_("amount (cents)"), null=True, blank=True, validators=[MinValueValidator(0)])
    units = models.IntegerField(_("units"), null=True, blank=True, validators=[MinValueValidator(0)])

    class Meta:
        db_table = "fieldsales_targets"
        ordering = ["year", "month", "salesperson_id", "id"]
        verbose_name = _("sales target")
        indexes = [models.Index(fields=["year", "month", "salesperson"], name="target_month_person")]
        constraints = [
            models.UniqueConstraint(
                "salesperson", Coalesce("customer", models.Value(0)), Coalesce("product", models.Value(0)), "family", "year", "month",
                name="uniq_target_scope_month",
            ),
            models.CheckConstraint(condition=models.Q(amount_cents__isnull=False) | models.Q(units__isnull=False), name="target_amount_or_units"),
            models.CheckConstraint(condition=models.Q(product__isnull=True) | models.Q(family=""), name="target_product_or_family"),
        ]

    def __str__(self) -> str:
        return f"{self.salesperson} {self.year}-{self.month:02d}: {self.scope}"

    @property
    def scope(self) -> str:
        """What the target covers, e.g. "Bar Uno × Lager" or "all customers × all products"."""
        customer = self.customer.name if self.customer_id else _("all customers")
        product = self.product.name if self.product_id else (self.family or _("all products"))
        return f"{customer} × {product}"
