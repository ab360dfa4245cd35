"""Saved schemes and their results: dated snapshots of every customer's class, class changes, and previews under way."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer
from clientela.engine.schemes import KINDS


class Scheme(models.Model):
    """A named, versioned scheme definition: the engine's definition as JSON (`model_dump(mode="json")`)."""

    name = models.SlugField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=[(kind, kind) for kind in KINDS])
    version = models.PositiveIntegerField(_("version"), default=1)
    definition = models.JSONField(_("definition"))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        db_table = "schemes"
        ordering = ["name"]
        verbose_name = _("scheme")

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"


class Snapshot(models.Model):
    """The classes of every customer by one version of a scheme as of a date."""

    # Indexed by the unique constraint, which starts with scheme.
    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="snapshots", db_index=False
    )
    version = models.PositiveIntegerField(_("version"))
    as_of = models.DateField(_("as of"))
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    customers = models.PositiveIntegerField(_("customers"))
    class_counts = models.JSONField(_("customers per class"), default=dict, blank=True)  # empty: nobody to classify (no prospects)

    class Meta:
        db_table = "scheme_snapshots"
        ordering = ["-as_of", "scheme_id", "-version"]
        verbose_name = _("snapshot")
        constraints = [models.UniqueConstraint(fields=["scheme", "version", "as_of"], name="uniq_snapshot")]

    def __str__(self) -> str:
        counts = ", ".join(f"{label} {count:,}" for label, count in self.class_counts.items())
        customers = f"{self.customers:,} customer{'' if self.customers == 1 else 's'}"
        return f"{self.scheme.name} v{self.version} as of {self.as_of}: {customers} ({counts})"


class CustomerClass(models.Model):
    """One customer's class in a snapshot, with the scheme's explanation (value, rank, share, thresholds, …)."""

    # Indexed by the unique constraint, which starts with snapshot.
    snapshot = models.ForeignKey(
        Snapshot, verbose_name=_("snapshot"), on_delete=models.CASCADE, related_name="classes", db_index=False
    )
    # Indexed by the index below, which starts with customer.
    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="classes", db_index=False
    )
    label = models.CharField(_("class"), max_length=40)
    explanation = models.JSONField(_("explanation"), default=dict)

    class Meta:
        db_table = "customer_classes"
        ordering = ["snapshot_id", "customer_id"]
        verbose_name = _("customer class")
        verbose_name_plural = _("customer classes")
        constraints = [models.UniqueConstraint(fields=["snapshot", "customer"], name="uniq_customer_class")]
        # A customer's classes, found by snapshot: the latest class per scheme.
        indexes = [models.Index(fields=["customer", "snapshot"], name="class_customer_snapshot")]

    def __str__(self) -> str:
        return self.label


class ClassChange(models.Model):
    """A customer's class differs from their class in the scheme's previous snapshot."""

    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="class_changes")
    # Indexed by the index below, which starts with scheme.
    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="class_changes", db_index=False
    )
    from_class = models.CharField(_("from"), max_length=40, blank=True, help_text=_("Blank for a new customer."))
    to_class = models.CharField(_("to"), max_length=40)
    on = models.DateField(_("on"))
    # Indexed by the unique constraint, which starts with snapshot.
    snapshot = models.ForeignKey(
        Snapshot, verbose_name=_("snapshot"), on_delete=models.CASCADE, related_name="changes", db_index=False
    )

    class Meta:
        db_table = "class_changes"
        ordering = ["-on", "scheme_id", "customer_id"]
        verbose_name = _("class change")
        constraints = [models.UniqueConstraint(fields=["snapshot", "customer"], name="uniq_class_change")]
        indexes = [models.Index(fields=["scheme", "on"], name="class_change_scheme_on")]

    def __str__(self) -> str:
        return f"{self.from_class or '–'} → {self.to_class} ({self.on})"


class PreviewRun(models.Model):
    """A preview of a scheme's classes computed from the transactions in the background, polled by the settings page.

    Under way while `finished_at` is empty; then `counts` holds the customers per class, or the
    preview failed (`error` says why when the settings were at fault).
    """

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+")
    scheme = models.ForeignKey(Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    key = models.CharField(_("key"), max_length=64, help_text=_("What was asked: the scheme, the settings and the date, hashed."))
    definition = models.JSONField(_("definition"))
    as_of = models.DateField(_("as of"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    counts = models.JSONField(_("customers per class"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        db_table = "scheme_preview_runs"
        verbose_name = _("preview run")
        indexes = [models.Index(fields=["requested_by", "key"], name="preview_run_request")]

    def __str__(self) -> str:
        return f"{self.key[:8]} as of {self.as_of}"
