"""Dashboards (SPEC S8): Pareto chart, class distribution and flows, contribution × stability, VIP register, profit bands, customers at risk."""
