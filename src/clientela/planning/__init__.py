"""The follow-up scheduler: classes + policies + preferences + capacity → a dated plan with reasons.

Pure Python: never imports Django; the app passes its data in and stores the plan it gets back.
"""

from clientela.planning.model import Capacity, CustomerToPlan, Plan, PlanItem, Unplanned
from clientela.planning.policies import DEFAULT_POLICIES, Policy
from clientela.planning.scheduler import plan_followups

__all__ = ["DEFAULT_POLICIES", "Capacity", "CustomerToPlan", "Plan", "PlanItem", "Policy", "Unplanned", "plan_followups"]
