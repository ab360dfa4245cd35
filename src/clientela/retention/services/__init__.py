"""Writes of retention: the monthly churn fit and review, lost customers."""

from clientela.retention.services.alerts import at_risk_alerts_read
from clientela.retention.services.fits import churn_fit_run
from clientela.retention.services.losses import customer_loss_explain, customer_mark_lost
from clientela.retention.services.review import retention_review

__all__ = ["at_risk_alerts_read", "churn_fit_run", "customer_loss_explain", "customer_mark_lost", "retention_review"]
