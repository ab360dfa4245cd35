"""A read model of segmentation snapshots for the dashboards: typed, indexed figures per customer.

A snapshot's explanations are JSON, which a database cannot sort or sum quickly over 100,000
customers. Indexing a snapshot copies the figures the dashboards order and filter by into typed
columns, and stores the company-wide summary once, so a page reads a few indexed rows.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer
from clientela.segmentation.models import Snapshot


class IndexedSnapshot(models.Model):
    """A snapshot whose rows are indexed, with its company-wide summary and the parameters of each class."""

    snapshot = models.OneToOneField(Snapshot, verbose_name=_("snapshot"), on_delete=models.CASCADE, primary_key=True, related_name="indexed")
    # The snapshot the class changes were recorded against (the previous date), when there was one.
    previous = models.ForeignKey(
        Snapshot, verbose_name=_("previous snapshot"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.JSONField(_("summary"))  # clientela.dashboards.summary.Summary.to_json()
    # What the explanation repeats on every row of a class: thresholds, band profit share, strategy, …
    parameters = models.JSONField(_("parameters per class"), default=dict)
    indexed_at = models.DateTimeField(_("indexed at"), default=timezone.now)

    class Meta:
        db_table = "dashboard_snapshots"
        ordering = ["snapshot_id"]
        verbose_name = _("indexed snapshot")

    def __str__(self) -> str:
        return str(self.snapshot_id)


class SnapshotRow(models.Model):
    """One customer's class in a snapshot, with the explanation's figures the dashboards sort and filter by."""

    # Indexed by the unique constraint, which starts with snapshot.
    snapshot = models.ForeignKey(Snapshot, verbose_name=_("snapshot"), on_delete=models.CASCADE, related_name="+", db_index=False)
    # Found from the customer through the unique constraint (snapshot, customer).
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="+", db_index=False)
    label = models.CharField(_("class"), max_length=40)
    # The class in the previous snapshot: blank for a customer it did not classify, null without a previous snapshot.
    previous_label = models.CharField(_("previous class"), max_length=40, null=True, blank=True)
    rank = models.PositiveIntegerField(_("rank"))
    value = models.BigIntegerField(_("value"))  # the key metric: cents for money metrics
    share = models.FloatField(_("share"), null=True, blank=True)
    cumulative_share = models.FloatField(_("cumulative share"), null=True, blank=True)
    contribution = models.FloatField(_("contribution"), null=True, blank=True)
    stability = models.FloatField(_("stability"), null=True, blank=True)

    class Meta:
        db_table = "dashboard_rows"
        ordering = ["snapshot_id", "rank"]
        verbose_name = _("snapshot row")
        constraints = [models.UniqueConstraint(fields=["snapshot", "customer"], name="uniq_dashboard_row")]
        indexes = [
            models.Index(fields=["snapshot", "rank"], name="dashboard_row_rank"),
            models.Index(fields=["snapshot", "label", "rank"], name="dashboard_row_class"),
            models.Index(fields=["snapshot", "previous_label", "label", "rank"], name="dashboard_row_change"),
        ]

    def __str__(self) -> str:
        return f"{self.label} #{self.rank}"


class TransactionDay(models.Model):
    """The amounts of every transaction line of a day added up, so that a year of the company's revenue is a few hundred rows.

    Kept by triggers on `transactions` (created by this app's migration 0002): every insert, update and delete, whatever
    makes it, changes the day's total in its own transaction, so the total is never behind the lines.
    """

    day = models.DateField(_("day"), primary_key=True)
    amount_cents = models.BigIntegerField(_("amount (cents)"))

    class Meta:
        db_table = "transaction_days"
        ordering = ["day"]
        verbose_name = _("transactions of a day")
        verbose_name_plural = _("transactions per day")

    def __str__(self) -> str:
        return f"{self.day}: {self.amount_cents}"
