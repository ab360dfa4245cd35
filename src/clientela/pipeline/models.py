"""Pipeline models: each customer's stage and deal, its stage history, and merges of duplicates."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer
from clientela.crm.models.business import cents_to_amount
from clientela.engine.inputs import PROSPECT_STAGES


class Stage(models.TextChoices):
    """Where a customer is in the lifecycle (SPEC S4), in order; then lost, for prospects that fell out of it."""

    FUTURE = "future", _("Future")
    POTENTIAL = "potential", _("Potential")
    TARGET = "target", _("Target")
    SIGNED = "signed", _("Signed")
    QUALIFIED = "qualified", _("Qualified signed")
    LOST = "lost", _("Lost / dropped")


# The lifecycle in order; a lost prospect is outside it.
STAGE_ORDER: tuple[str, ...] = tuple(stage for stage in Stage.values if stage != Stage.LOST)
# Prospects still being worked: the prospect matrix scores them (clientela.engine.inputs), the forecast counts them.
OPEN_STAGES: tuple[str, ...] = PROSPECT_STAGES
# Stages a salesperson sets by hand; signed and qualified follow the contracts and payments.
MANUAL_STAGES: tuple[str, ...] = (*OPEN_STAGES, Stage.LOST)
# Where a lost prospect is reopened.
REOPEN_STAGES: tuple[str, ...] = (Stage.FUTURE, Stage.POTENTIAL)


def manual_moves(stage: str) -> tuple[str, ...]:
    """The stages a person may move a customer at `stage` to: open prospects anywhere before signing or to lost, lost ones back."""
    if stage == Stage.LOST:
        return REOPEN_STAGES
    if stage in OPEN_STAGES:
        return tuple(other for other in MANUAL_STAGES if other != stage)
    return ()


def stage_rank(stage: str) -> int:
    """How far a stage got: lost below future, then the lifecycle's order ("" for none: lowest)."""
    return STAGE_ORDER.index(stage) + 1 if stage in STAGE_ORDER else (0 if stage == Stage.LOST else -1)


class LeadChannel(models.TextChoices):
    """How a lead reached us."""

    REFERRAL = "referral", _("Referral")
    EVENT = "event", _("Trade fair or event")
    WEB = "web", _("Web or social media")
    OUTBOUND = "outbound", _("Cold call or visit")
    ADVERTISING = "advertising", _("Advertising")
    OTHER = "other", _("Other")


class LowIntentionReason(models.TextChoices):
    """Why a promising prospect hesitates (S3.6, PII)."""

    UNAWARE = "unaware", _("Does not know us")
    SWITCHING_COST = "switching_cost", _("Fears the cost of switching")
    COMPETITOR = "competitor", _("Competitor stronger")


def _level(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)])


class PipelineEntry(models.Model):
    """A customer's place in the pipeline, the deal expected from it and its prospect-matrix scores.

    Three more 1–5 levels of the matrix (management, marketing, purchasing power of its buyers)
    are in the customer profile. Table and score columns are read by the engine (clientela.engine.schema).
    """

    customer = models.OneToOneField(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="pipeline")
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.FUTURE)
    stage_since = models.DateTimeField(_("in this stage since"), default=timezone.now)
    lead_source = models.CharField(_("lead source"), max_length=100, blank=True, help_text=_("e.g. Madrid trade fair 2026, referred by Bar Sol"))
    lead_channel = models.CharField(_("lead channel"), max_length=12, choices=LeadChannel.choices, blank=True)
    expected_value_cents = models.BigIntegerField(_("expected profit (cents)"), null=True, blank=True, validators=[MinValueValidator(0)])
    expected_signing_on = models.DateField(_("expected signing date"), null=True, blank=True)
    tax_id = models.CharField(_("tax id"), max_length=32, blank=True, db_index=True)
    strength_scale = _level(_("strength and scale (1-5)"))
    distribution_network = _level(_("distribution network (1-5)"))
    growth_capability = _level(_("growth capability (1-5)"))
    competitive_advantage = _level(_("our competitive advantage (1-5)"))
    strategic_importance = _level(_("strategic importance (1-5)"))
    judgement = _level(_("salesperson's judgement of intention (1-5)"))
    low_intention_reason = models.CharField(_("reason for low intention"), max_length=20, choices=LowIntentionReason.choices, blank=True)

    class Meta:
        db_table = "pipeline_entries"
        ordering = ["customer_id"]
        verbose_name = _("pipeline entry")
        verbose_name_plural = _("pipeline entries")
        indexes = [models.Index(fields=["stage", "stage_since"], name="pipeline_stage_since")]

    def __str__(self) -> str:
        return f"{self.customer.name}: {self.get_stage_display()}"

    @property
    def expected_value(self) -> Decimal | None:
        return cents_to_amount(self.expected_value_cents)


class StageChange(models.Model):
    """A move from one stage to another: when, by whom (none when the data decided) and why."""

    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=10, choices=Stage.choices, blank=True, help_text=_("Blank when the customer entered the pipeline."))
    to_stage = models.CharField(_("to"), max_length=10, choices=Stage.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="stage_changes"
    )
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        db_table = "pipeline_stage_changes"
        ordering = ["customer_id", "at", "id"]
        verbose_name = _("stage change")
        indexes = [models.Index(fields=["customer", "at"], name="stage_change_customer_at")]

    def __str__(self) -> str:
        return f"{self.from_stage or '–'} → {self.to_stage} ({self.at:%Y-%m-%d})"

    @property
    def automatic(self) -> bool:
        """Whether the data (contracts, payments) made this move rather than a person."""
        return self.by_id is None


class CustomerMerge(models.Model):
    """A duplicate customer merged into the one kept: everything it had now belongs to the kept one."""

    kept = models.ForeignKey(Customer, verbose_name=_("kept customer"), on_delete=models.CASCADE, related_name="merges")
    merged_external_id = models.CharField(_("merged external id"), max_length=64)
    merged_name = models.CharField(_("merged name"), max_length=200)
    moved = models.JSONField(_("records moved"), default=dict)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        db_table = "pipeline_customer_merges"
        ordering = ["-at", "-id"]
        verbose_name = _("customer merge")

    def __str__(self) -> str:
        return f"{self.merged_name} ({self.merged_external_id}) → {self.kept}"
