"""The lost-customer analysis and list as a workbook."""

from pathlib import Path

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from clientela.exports import write_workbook
from clientela.retention.models import CustomerLoss
from clientela.retention.selectors.losses import LossAnalysis, LossGroup


def _figures(group: LossGroup) -> tuple[int, int, float]:
    return group.losses, group.recovered, group.revenue_cents / 100


def losses_xlsx(analysis: LossAnalysis, losses: QuerySet[CustomerLoss], path: Path) -> None:
    """Write sheets by class at the time of loss, by month, by reason, and the lost customers."""
    figures = [_("losses"), _("recovered"), _("revenue in the 12 months before")]
    write_workbook(
        path,
        {
            _("by class"): ([_("scheme"), _("class"), *figures], [(g.key, g.label, *_figures(g)) for g in analysis.by_class]),
            _("by month"): ([_("month"), *figures], [(g.label, *_figures(g)) for g in analysis.by_month]),
            _("by reason"): ([_("reason"), *figures], [(g.label, *_figures(g)) for g in analysis.by_reason]),
            _("lost customers"): (
                [
                    _("customer"), _("external id"), _("salesperson"), _("lost on"), _("how"), _("reason"), _("in words"),
                    _("classes at the time"), _("last purchase"), _("usual gap (days)"), _("revenue in the 12 months before"), _("recovered on"),
                ],  # fmt: skip
                (
                    (
                        loss.customer.name, loss.customer.external_id, str(loss.customer.owner or ""), loss.lost_on, loss.get_how_display(),
                        loss.get_reason_display(), loss.reason_text, ", ".join(str(c) for c in loss.classes.all()), loss.last_purchase_on,
                        loss.usual_gap_days, loss.revenue_12m_cents / 100, loss.recovered_on,
                    )  # fmt: skip
                    for loss in losses
                ),
            ),
        },
    )
